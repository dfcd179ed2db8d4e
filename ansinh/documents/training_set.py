"""The documents a learned model is trained on (``ansinh bench parse-train`` and ``task-train``): (text, gold) of every
development document with a gold file.

A name of the split's test part is never read: listed there, or a new name the hash rule puts there (as the bench
splits). A name the corpus keeps for its test part is refused outright, whatever the split given, and so is a split
that lists one as development.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ansinh.documents.bench import document_paths, load_split, read_corpus_document
from ansinh.lib.text import normalize_text

REPO = Path(__file__).resolve().parents[2]
CORPUS_SPLIT = REPO / "tests" / "documents" / "corpus" / "split.json"
Documents = dict[str, tuple[str, dict[str, object]]]


class RefusedDocuments(FileNotFoundError):
    """A training set that holds a test-part document (a FileNotFoundError, so the command prints it as a failure)."""


def corpus_test_names(path: Path = CORPUS_SPLIT) -> set[str]:
    """The names the corpus keeps for its test part (never trained on)."""
    if not path.is_file():
        return set()
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(n) for n in data.get("test", [])} if isinstance(data, dict) else set()


def is_test_name(name: str, split: dict[str, list[str]]) -> bool:
    """The test part: listed there, or a new name the hash rule puts there."""
    if name in split.get("test", []):
        return True
    if name in split.get("dev", []):
        return False
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 3 == 0 if split else False


def training_documents(gold_dirs: list[Path], docs_dirs: list[Path], split_file: str | Path | None = None,
                       protected: set[str] | None = None, by_folder: bool = False) -> Documents:
    """(text, gold) of every development document with a gold file, by name (``by_folder``: "<gold folder>/<name>").
    ``split_file`` (a {dev, test} JSON file) takes the place of the split.json found beside each folder; ``protected``
    (by default the corpus's test part) is refused."""
    if len(gold_dirs) != len(docs_dirs):
        raise FileNotFoundError("cần đúng một --docs cho mỗi --gold")
    protected = corpus_test_names() if protected is None else protected
    out: Documents = {}
    for gold_dir, docs_dir in zip(gold_dirs, docs_dirs, strict=True):
        if not gold_dir.is_dir() or not docs_dir.is_dir():
            raise FileNotFoundError(f"không có thư mục: {gold_dir if not gold_dir.is_dir() else docs_dir}")
        split = load_split(split_file, docs_dir, gold_dir)
        listed = sorted(protected & set(split.get("dev", [])))
        if listed:
            raise RefusedDocuments(f"từ chối huấn luyện trên văn bản của phần kiểm tra: {', '.join(listed[:5])}")
        paths = document_paths(docs_dir)
        for gold_path in sorted(gold_dir.glob("*.json")):
            name = gold_path.stem.removesuffix(".gold")
            if name == "split" or name in protected or is_test_name(name, split) or name not in paths:
                continue
            try:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                raise FileNotFoundError(f"tệp gold {gold_path.name} không phải JSON hợp lệ ({err})") from None
            key = f"{gold_dir.name}/{name}" if by_folder else name
            out[key] = (normalize_text(read_corpus_document(paths[name])), gold)
    return out


def issuer_of(name: str) -> str:
    """The issuer a corpus document's name starts with ("lc-ubnd-cv-193-2026" → "lc"; a "gold/" folder key too)."""
    return name.rsplit("/", 1)[-1].split("-", 1)[0]


def issuer_folds(held_out: list[str], always_train: list[str] | None = None) -> list[tuple[str, list[str], list[str]]]:
    """Leave-one-issuer-out folds, (issuer, names trained on, names tested) for each issuer of ``held_out``: its
    documents are tested on a model trained on the other issuers' documents and on ``always_train`` (documents of no
    issuer of the corpus — invented fixtures, probes — that are trained on in every fold and never tested)."""
    extras = [n for n in always_train or [] if n not in held_out]
    folds = []
    for issuer in sorted({issuer_of(n) for n in held_out}):
        tested = [n for n in held_out if issuer_of(n) == issuer]
        folds.append((issuer, [n for n in held_out if issuer_of(n) != issuer] + extras, tested))
    return folds


def summary_of(per_doc: dict[str, list[tuple[list[str], int]]]) -> dict[str, object]:
    """How many documents, examples and positive examples a training set holds (both trainers print it)."""
    return {"documents": len(per_doc), "examples": sum(len(v) for v in per_doc.values()),
            "positives": sum(y for v in per_doc.values() for _, y in v)}
