"""``ansinh bench noise``: the parser's scores on documents made noisy (:mod:`ansinh.documents.noise`), next to the clean ones.

Only the development part of a split corpus is read (the test part is never opened); without a split every
document is. A noisy text goes the way an uploaded text file goes (:func:`decode_text`), then to the parser,
and is scored against the unchanged gold.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from ansinh.core.commands import whole_number
from ansinh.documents.bench import _load_scorer, document_paths, load_split, read_corpus_document
from ansinh.documents.formats.plaintext import decode_text
from ansinh.documents.noise import ALL, KINDS, perturb
from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text

FIELDS: tuple[str, ...] = ("targets", "tasks", "lead", "coordinate", "reporting")
CLEAN = "sạch"


def _kinds(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in KINDS and n != ALL]
    if bad or not names:
        raise argparse.ArgumentTypeError(
            f"loại nhiễu không hợp lệ: {', '.join(bad) or '(trống)'}; chọn trong {', '.join((*KINDS, ALL))}"
        )
    return names


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``ansinh bench noise``."""
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.add_argument("--gold", metavar="DIR", required=True, help="thư mục các tệp gold *.json")
    parser.add_argument("--docs", metavar="DIR", required=True, help="thư mục văn bản (.txt, .docx, .pdf)")
    parser.add_argument(
        "--split", metavar="FILE",
        help="tệp split.json; chỉ đọc phần phát triển (dev), không bao giờ mở phần kiểm tra "
             "(mặc định: split.json cạnh thư mục văn bản hoặc gold, nếu có; không có thì đọc mọi văn bản)",
    )
    parser.add_argument(
        "--noise", metavar="LOẠI[,LOẠI]", type=_kinds, default=[*KINDS, ALL],
        help=f"các loại nhiễu, cách nhau bằng dấu phẩy: {', '.join(KINDS)}, {ALL} (mặc định: từng loại và {ALL})",
    )
    parser.add_argument("--seed", type=whole_number("hạt giống"), default=0, help="hạt giống ngẫu nhiên (mặc định 0)")


def noisy_text(text: str, kind: str, seed: int) -> str:
    """``text`` made noisy, then read back as an uploaded text file is."""
    return decode_text(perturb(text, kind, seed).encode("utf-8"))[0]


def run(options: dict[str, object], write: Callable[[str], None]) -> dict[str, object]:
    """Score the clean documents and every chosen noise kind; return the figures."""
    docs_dir, gold_dir = Path(str(options["docs"])), Path(str(options["gold"]))
    if not docs_dir.is_dir():
        raise FileNotFoundError(f"không có thư mục văn bản: {docs_dir}")
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"không có thư mục gold: {gold_dir}")
    split = load_split(options.get("split"), docs_dir, gold_dir)
    dev = set(split.get("dev", [])) if split else None
    golds: dict[str, object] = {}
    for path in sorted(gold_dir.glob("*.json")):
        name = path.stem.removesuffix(".gold")
        if dev is None or name in dev:
            golds[name] = json.loads(path.read_text(encoding="utf-8"))
    paths = {n: p for n, p in document_paths(docs_dir).items() if n in golds}
    texts = {n: normalize_text(read_corpus_document(p)) for n, p in paths.items()}
    golds = {n: g for n, g in golds.items() if n in texts}
    scorer = _load_scorer(gold_dir)
    seed = int(str(options.get("seed") or 0))
    kinds = options.get("noise") or [*KINDS, ALL]
    rows: dict[str, dict[str, object]] = {}
    for kind in [CLEAN, *(kinds if isinstance(kinds, list) else [])]:
        scored = []
        size = 0
        seconds = 1e-9  # the parser's CPU only: perturbing and scoring are not the reader's speed
        for name, gold in golds.items():
            text = texts[name] if kind == CLEAN else noisy_text(texts[name], str(kind), seed)
            size += len(text.encode("utf-8"))
            started = time.process_time()
            result = extract_plan(text, name)
            seconds += time.process_time() - started
            scored.append(scorer.score_doc(gold, result))
        total = scorer.total(scored)
        rows[str(kind)] = {
            "scores": {f: total[f]["f1"] for f in FIELDS if f in total},
            "mb_per_s": round(size / seconds / 1e6, 3),
        }
    summary: dict[str, object] = {"documents": sorted(golds), "part": "dev" if dev is not None else "all",
                                  "seed": seed, "rows": rows}
    if options.get("json"):
        return summary
    label = "phần phát triển (dev)" if dev is not None else "mọi văn bản"
    write(f"Văn bản: {len(golds)} ({label}), hạt giống {seed}; F1 theo loại nhiễu (Δ so với bản sạch)")
    write(f"{'nhiễu':<13}" + "".join(f"{f:>17}" for f in FIELDS) + f"{'MB/s':>8}")
    clean = rows[CLEAN]["scores"]
    for kind, row in rows.items():
        scores = row["scores"]
        assert isinstance(scores, dict) and isinstance(clean, dict)
        cells = "".join(
            (f"{scores[f]:.3f}" + (f" ({scores[f] - clean[f]:+.3f})" if kind != CLEAN else "")).rjust(17)
            if f in scores else " " * 17
            for f in FIELDS
        )
        write(f"{kind:<13}{cells}{row['mb_per_s']:>8}")
    return summary
