"""Leave-one-document-out benchmark of diacritic restoration, and the training corpus.

For each seed plan that has its diacritics, a model is trained on every other
source (the held-out plan and its gold extraction excluded), the plan's marks
are stripped, restored, and the syllables compared with the original.

Wired to ``ansinh bench diacritics`` elsewhere: :func:`add_arguments` and :func:`run`.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ansinh.lib.diacritics import _SYLLABLE, Model, is_marked, restore_tokens, train
from ansinh.lib.text import nfc, strip_marks

#: Seeds that keep their diacritics: the held-out documents of the benchmark.
HELD_OUT = ("hcmc-plan-53", "quangtri-phuong2-plan-63", "hanoi-plan-207")
#: Seeds used for training only (the Rạch Giá seed lost its marks; its gold has them).
GOAL = 0.95


@dataclass(frozen=True)
class CorpusDoc:
    """One training source; ``group`` ties a seed to its gold extraction."""

    name: str
    group: str
    text: str


def default_shared_dir() -> Path:
    """``shared/`` beside the project root (as developers and CI have it)."""
    return Path(__file__).resolve().parents[2].parent / "shared"


def _json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _has_marks(text: str) -> bool:
    tokens = [m.group(0) for m in _SYLLABLE.finditer(text)]
    return bool(tokens) and sum(1 for t in tokens if is_marked(t)) >= 0.3 * len(tokens)


def _province_names() -> str:
    try:
        from vietnam_provinces import Province, Ward
    except ImportError:  # pragma: no cover - a declared dependency
        return ""
    lines = []
    for province in Province.iter_all():
        name = str(province)
        lines.append(name if name.startswith("Thành phố") else f"Tỉnh {name}")
    lines += [w.name for w in Ward.iter_all()]
    # One name a line (n-grams across lines: measured slightly better than sentences).
    return "\n".join(lines)


def collect_corpus(shared: Path) -> list[CorpusDoc]:
    """Every diacritised text we may train on, from ``shared/`` and installed packages."""
    docs: list[CorpusDoc] = []
    seeds = shared / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        text = nfc(path.read_text(encoding="utf-8"))
        if path.stem == "rachgia-plan-50":  # OCR text without marks: useless here
            continue
        docs.append(CorpusDoc(f"seeds/{path.name}", path.stem, text))
    for path in sorted((shared / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        # Only strings written with marks: the Rạch Giá gold quotes its OCR text.
        text = "\n".join(t for t in _json_strings(data) if _has_marks(t))
        docs.append(CorpusDoc(f"gold/{path.name}", path.stem, nfc(text)))
    for path in sorted((shared / "reference").glob("*.md")):
        docs.append(CorpusDoc(f"reference/{path.name}", path.stem, nfc(path.read_text(encoding="utf-8"))))
    names = _province_names()
    if names:
        docs.append(CorpusDoc("vietnam-provinces", "vietnam-provinces", names))
    return docs


def syllable_accuracy(original: str, restored: str) -> tuple[int, int]:
    """(right, total) over the syllables of ``original`` (same token layout assumed)."""
    a = [m.group(0) for m in _SYLLABLE.finditer(nfc(original))]
    b = [m.group(0) for m in _SYLLABLE.finditer(nfc(restored))]
    if len(a) != len(b):
        raise ValueError("restoration changed the token layout")
    right = sum(1 for x, y in zip(a, b, strict=True) if x == y)
    return right, len(a)


def evaluate(corpus: list[CorpusDoc], held_out: str) -> dict[str, object]:
    """Train without ``held_out`` and measure restoration of its seed text."""
    seed = next(d for d in corpus if d.group == held_out and d.name.startswith("seeds/"))
    model: Model = train(d.text for d in corpus if d.group != held_out)
    started = time.perf_counter()
    restored = restore_tokens(strip_marks(seed.text), model)
    elapsed = time.perf_counter() - started
    right, total = syllable_accuracy(seed.text, restored)
    errors: dict[str, int] = {}
    originals = [m.group(0) for m in _SYLLABLE.finditer(seed.text)]
    outputs = [m.group(0) for m in _SYLLABLE.finditer(restored)]
    for x, y in zip(originals, outputs, strict=True):
        if x != y:
            errors[f"{x}→{y}"] = errors.get(f"{x}→{y}", 0) + 1
    top = sorted(errors.items(), key=lambda kv: -kv[1])[:15]
    return {
        "document": held_out,
        "syllables": total,
        "right": right,
        "accuracy": right / total if total else 0.0,
        "seconds": round(elapsed, 3),
        "top_errors": dict(top),
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--shared",
        type=Path,
        default=None,
        help="thư mục shared/ có seeds/, gold/ và reference/ (mặc định: ../shared)",
    )
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")
    parser.add_argument("--errors", action="store_true", help="liệt kê các lỗi gặp nhiều nhất")


def run(options: dict[str, object], write: Callable[[str], None]) -> dict[str, object]:
    shared_opt = options.get("shared")
    shared = Path(str(shared_opt)) if shared_opt else default_shared_dir()
    if not (shared / "seeds").is_dir():
        raise FileNotFoundError(f"không có thư mục seeds/ trong {shared}")
    corpus = collect_corpus(shared)
    results = [evaluate(corpus, name) for name in HELD_OUT if any(d.group == name for d in corpus)]
    accuracies = [float(str(r["accuracy"])) for r in results]
    mean = sum(accuracies) / len(accuracies) if accuracies else 0.0
    summary: dict[str, object] = {
        "benchmark": "diacritics-leave-one-out",
        "documents": results,
        "mean_accuracy": mean,
        "goal": GOAL,
        "passed": mean >= GOAL,
    }
    if options.get("json"):
        return summary  # ``ansinh bench --json`` prints the returned dict
    for r in results:
        write(
            f"{r['document']:<28} {r['right']:>6}/{r['syllables']:<6} "
            f"{100 * float(str(r['accuracy'])):6.2f}%  ({r['seconds']} s)"
        )
        if options.get("errors"):
            errs = r["top_errors"]
            assert isinstance(errs, dict)
            write("    " + ", ".join(f"{k} ×{v}" for k, v in errs.items()))
    write(f"{'trung bình':<28} {'':>13} {100 * mean:6.2f}%  (mục tiêu {100 * GOAL:.0f}%)")
    return summary


def main() -> None:  # pragma: no cover - convenience for python -m
    parser = argparse.ArgumentParser(description=__doc__)
    add_arguments(parser)
    options = vars(parser.parse_args())
    summary = run(options, print)
    if options.get("json"):
        print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
