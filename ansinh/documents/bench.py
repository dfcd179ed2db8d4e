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
    parser.add_argument("--docs", metavar="DIR", help="thư mục văn bản *.txt (mặc định: các mẫu đi kèm)")
    parser.add_argument("--repeat", type=whole_number("số lần lặp"), default=3, help="số lần lặp để đo (mặc định 3)")


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
    paths = sorted(docs_dir.glob("*.txt"))
    texts = {p.stem: normalize_text(p.read_text(encoding="utf-8", errors="replace")) for p in paths}
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
    gold_option = options.get("gold")
    if gold_option:
        gold_dir = Path(str(gold_option))
        if not gold_dir.is_dir():
            raise FileNotFoundError(f"không có thư mục gold: {gold_dir}")
        golds: dict[str, object] = {}
        for gold_path in sorted(gold_dir.glob("*.json")):
            try:
                golds[gold_path.stem] = json.loads(gold_path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                raise FileNotFoundError(f"tệp gold {gold_path.name} không phải JSON hợp lệ ({err})") from None
        scorer = _load_scorer(gold_dir)
        scored = [scorer.score_doc(gold, results.get(name, {})) for name, gold in golds.items()]
        summary["scores"] = scorer.total(scored)
        summary["per_document"] = scored
    if options.get("json"):
        return summary  # ``ansinh bench --json`` prints the returned dict
    write(
        f"Văn bản: {summary['documents']} ({size / 1e6:.3f} MB), lặp {repeat} lần, "
        f"{summary['seconds']} giây CPU ({summary['wall_seconds']} giây thực)"
    )
    write(f"Tốc độ: {summary['mb_per_s']} MB/s, {summary['docs_per_s']} văn bản/giây (một tiến trình)")
    scores = summary.get("scores")
    if isinstance(scores, dict):
        for key, x in scores.items():
            write(f"  {key:<19} P={x['precision']:.3f} R={x['recall']:.3f} F1={x['f1']:.3f}")
    return summary
