"""Benchmark of the plan-text extractor: throughput per core and, with gold files, quality.

Wired into ``ansinh bench parse``; call :func:`run` directly in tests.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ansinh.core.commands import whole_number
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "score_extraction.py"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``ansinh bench parse``."""
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.add_argument("--gold", metavar="DIR", help="thư mục các tệp gold *.json để chấm điểm")
    parser.add_argument(
        "--docs", metavar="DIR",
        help="thư mục văn bản .txt, .docx hoặc .pdf (mặc định: các mẫu đi kèm); khi một văn bản có cả bản gốc "
             ".docx/.pdf và bản chữ thì đọc bản gốc",
    )
    parser.add_argument("--repeat", type=whole_number("số lần lặp"), default=3, help="số lần lặp để đo (mặc định 3)")
    parser.add_argument(
        "--split", metavar="FILE",
        help="tệp split.json chia văn bản thành phần phát triển (dev) và phần kiểm tra (test); "
             "mặc định: split.json cạnh thư mục văn bản hoặc gold, nếu có",
    )


def find_scorer(gold_dir: Path | None = None) -> ModuleType | None:
    """The shared scorer, imported by path (next to the gold directory, else the default place), or None."""
    candidates = ([gold_dir.parent / "tools" / "score_extraction.py"] if gold_dir else []) + [SCORER]
    for path in candidates:
        if path.exists():
            spec = importlib.util.spec_from_file_location("score_extraction", path)
            if spec is None or spec.loader is None:
                continue
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    return None


def _load_scorer(gold_dir: Path) -> ModuleType:
    scorer = find_scorer(gold_dir)
    if scorer is None:
        raise FileNotFoundError("không tìm thấy công cụ chấm điểm score_extraction.py")
    return scorer


def run(options: dict[str, object], write: Callable[[str], None]) -> dict[str, object]:
    """Measure parse throughput (single process) and optionally score against gold files."""
    docs_option = options.get("docs")
    docs_dir = Path(str(docs_option)) if docs_option else SAMPLES
    if not docs_dir.is_dir():
        raise FileNotFoundError(f"không có thư mục văn bản: {docs_dir}")
    gold_option = options.get("gold")
    gold_dir = Path(str(gold_option)) if gold_option else None
    if gold_dir is not None and not gold_dir.is_dir():
        raise FileNotFoundError(f"không có thư mục gold: {gold_dir}")
    # The split is read before any document, so a broken split file is refused at once (before OCR of scans).
    split = load_split(options.get("split"), docs_dir, gold_dir) if gold_dir is not None else {}
    texts = {name: normalize_text(read_corpus_document(path)) for name, path in document_paths(docs_dir).items()}
    repeat = max(1, int(str(options.get("repeat") or 1)))
    size = sum(len(t.encode("utf-8")) for t in texts.values())
    results: dict[str, dict[str, object]] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for name, text in texts.items():
            results[name] = extract_plan(text, name)
    wall = max(time.perf_counter() - started, 1e-9)
    # Per core: CPU time of this single process, so a busy machine does not skew it.
    elapsed = max(time.process_time() - cpu_started, 1e-9)
    summary: dict[str, object] = {
        "documents": len(texts),
        "bytes": size,
        "repeat": repeat,
        "seconds": round(elapsed, 4),
        "wall_seconds": round(wall, 4),
        "mb_per_s": round(size * repeat / elapsed / 1e6, 3),
        "docs_per_s": round(len(texts) * repeat / elapsed, 2),
    }
    if gold_dir is not None:
        golds: dict[str, object] = {}
        for gold_path in sorted(gold_dir.glob("*.json")):
            try:
                golds[gold_path.stem.removesuffix(".gold")] = json.loads(gold_path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                raise FileNotFoundError(f"tệp gold {gold_path.name} không phải JSON hợp lệ ({err})") from None
        missing = sorted(name for name in golds if name not in texts)
        if missing:
            summary["missing_documents"] = missing
            golds = {name: gold for name, gold in golds.items() if name in texts}
        scorer = _load_scorer(gold_dir)
        scored = [scorer.score_doc(gold, results.get(name, {})) for name, gold in golds.items()]
        summary["scores"] = scorer.total(scored)
        summary["indicator_similarity"] = indicator_similarity(scorer, golds, results)
        summary["meta"] = meta_accuracy(scored)
        summary["issuer_similarity"] = issuer_similarity(scorer, golds, results)
        summary["per_document"] = scored
        if split:
            parts: dict[str, object] = {}
            for part, names in split.items():
                chosen = [n for n in golds if n in names]
                part_scored = [scorer.score_doc(golds[n], results.get(n, {})) for n in chosen]
                parts[part] = {
                    "documents": chosen,
                    "scores": scorer.total(part_scored),
                    "indicator_similarity": indicator_similarity(scorer, {n: golds[n] for n in chosen}, results),
                    "meta": meta_accuracy(part_scored),
                    "issuer_similarity": issuer_similarity(scorer, {n: golds[n] for n in chosen}, results),
                }
            summary["parts"] = parts
    if options.get("json"):
        return summary  # ``ansinh bench --json`` prints the returned dict
    write(
        f"Văn bản: {summary['documents']} ({size / 1e6:.3f} MB), lặp {repeat} lần, "
        f"{summary['seconds']} giây CPU ({summary['wall_seconds']} giây thực)"
    )
    write(f"Tốc độ: {summary['mb_per_s']} MB/s, {summary['docs_per_s']} văn bản/giây (một tiến trình)")
    missing_documents = summary.get("missing_documents")
    if isinstance(missing_documents, list) and missing_documents:
        write(f"Thiếu văn bản cho {len(missing_documents)} tệp gold (không chấm): {', '.join(missing_documents)}")
    scores = summary.get("scores")
    if isinstance(scores, dict):
        _write_scores(write, "Tất cả", scores, summary.get("indicator_similarity"))
        _write_meta(write, summary.get("meta"), summary.get("issuer_similarity"))
    split_parts = summary.get("parts")
    if isinstance(split_parts, dict):
        for part, data in split_parts.items():
            if not isinstance(data, dict):
                continue
            label = {"dev": "Phần phát triển (dev)", "test": "Phần kiểm tra (test)"}.get(str(part), str(part))
            documents = data.get("documents")
            count = len(documents) if isinstance(documents, list) else 0
            _write_scores(write, f"{label}, {count} văn bản", data.get("scores"), data.get("indicator_similarity"))
            _write_meta(write, data.get("meta"), data.get("issuer_similarity"))
    return summary


# Original formats first: a document kept both as its original file and as a text copy is read from the original.
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".txt")


def document_paths(docs_dir: Path) -> dict[str, Path]:
    """One file per document name in ``docs_dir``, the original format preferred (see DOCUMENT_SUFFIXES)."""
    chosen: dict[str, Path] = {}
    for suffix in reversed(DOCUMENT_SUFFIXES):
        for path in sorted(docs_dir.glob(f"*{suffix}")):
            chosen[path.stem] = path
    return dict(sorted(chosen.items()))


def read_corpus_document(path: Path) -> str:
    """The text of one corpus document: .docx and .pdf through the upload readers (OCR for scanned pages)."""
    if path.suffix.lower() in (".docx", ".pdf"):
        from ansinh.documents.formats import read_document

        return read_document(path).text
    return path.read_text(encoding="utf-8", errors="replace")


def _write_scores(write: Callable[[str], None], label: str, scores: object, similarity: object) -> None:
    write(f"{label}:")
    for key, x in (scores.items() if isinstance(scores, dict) else []):
        write(f"  {key:<19} P={x['precision']:.3f} R={x['recall']:.3f} F1={x['f1']:.3f}")
    if isinstance(similarity, dict) and similarity.get("pairs"):
        write(f"  {'tên chỉ tiêu':<19} giống gold trung bình {similarity['mean']:.3f} trên {similarity['pairs']} chỉ tiêu khớp")


# The header fields the scorer checks, with their Vietnamese labels.
META_FIELDS = {"number": "số", "date": "ngày", "level": "cấp"}


def meta_accuracy(scored: list[dict[str, object]]) -> dict[str, dict[str, int]]:
    """Per header field, how many documents read it right among those whose gold gives it."""
    counts = {field: {"right": 0, "gold": 0} for field in META_FIELDS}
    for row in scored:
        meta = row.get("meta")
        for field in META_FIELDS:
            verdict = meta.get(field) if isinstance(meta, dict) else None
            if verdict is not None:
                counts[field]["gold"] += 1
                counts[field]["right"] += bool(verdict)
    return counts


def issuer_similarity(scorer: ModuleType, golds: dict[str, object], results: dict[str, dict[str, object]]) -> dict[str, object]:
    """Mean token Dice of the issuing body's name with the gold's, over documents whose gold names it."""
    total, count = 0.0, 0
    for name, gold in golds.items():
        gold_meta = gold.get("meta") if isinstance(gold, dict) else None
        if not isinstance(gold_meta, dict) or not gold_meta.get("issuer"):
            continue
        pred_meta = results.get(name, {}).get("meta")
        total += scorer.dice(gold_meta.get("issuer"), pred_meta.get("issuer") if isinstance(pred_meta, dict) else None)
        count += 1
    return {"documents": count, "mean": round(total / count, 4) if count else None}


def _write_meta(write: Callable[[str], None], meta: object, issuer: object) -> None:
    if not isinstance(meta, dict) or not any(isinstance(v, dict) and v.get("gold") for v in meta.values()):
        return
    cells = [f"{label} {meta[field]['right']}/{meta[field]['gold']}" for field, label in META_FIELDS.items() if field in meta]
    write(f"  {'đầu văn bản':<19} đúng/có gold: {', '.join(cells)}")
    if isinstance(issuer, dict) and issuer.get("documents"):
        write(f"  {'cơ quan ban hành':<19} giống gold trung bình {issuer['mean']:.3f} trên {issuer['documents']} văn bản")


def load_split(option: object, docs_dir: Path, gold_dir: Path) -> dict[str, list[str]]:
    """The development/test split: ``{"dev": [...], "test": [...]}`` from the given file or a split.json nearby."""
    candidates = [Path(str(option))] if option else [
        docs_dir / "split.json", gold_dir / "split.json", docs_dir.parent / "split.json", gold_dir.parent / "split.json",
    ]
    for path in candidates:
        if path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                raise FileNotFoundError(f"tệp chia phần {path.name} không phải JSON hợp lệ ({err})") from None
            if not isinstance(data, dict):
                raise FileNotFoundError(f"tệp chia phần {path.name} phải là một đối tượng JSON")
            return {str(k): [str(n) for n in v] for k, v in data.items() if k in ("dev", "test") and isinstance(v, list)}
        if option:
            raise FileNotFoundError(f"không có tệp chia phần: {path}")
    return {}


def indicator_similarity(scorer: ModuleType, golds: dict[str, object], results: dict[str, dict[str, object]]) -> dict[str, object]:
    """Mean token Dice of indicator names over the targets the scorer pairs (the scorer does not check names)."""
    total, pairs = 0.0, 0
    for name, gold in golds.items():
        if not isinstance(gold, dict):
            continue
        gt = gold.get("targets") or []
        pred = results.get(name, {})
        pt = pred.get("targets") if isinstance(pred, dict) else None
        pt = pt if isinstance(pt, list) else []
        for gi, pi in scorer.greedy(gt, pt, scorer.target_score):
            total += scorer.dice(gt[gi].get("indicator"), pt[pi].get("indicator"))
            pairs += 1
    return {"pairs": pairs, "mean": round(total / pairs, 4) if pairs else None}
