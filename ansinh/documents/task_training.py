"""Train the learned task judge (``ansinh bench task-train``) from gold files and their documents.

Every item of every document's outline is a candidate (see task_learned.py), labelled by whether the gold holds it as
a task, matched the scorer's own way (its number, or its title, paired greedily). A logistic regression (strong L2,
AdaGrad, a fixed seed; plain Python, no library) is fitted on their features. Leave-one-document-out figures compare
the rules with the rules and the judge for each --fallback threshold. Every document is read twice: as it is, and with
its tasks parts unnamed (see task_learned.py). The weights are written as JSON.

Only development documents are read: a name the corpus's split.json puts in the test part is refused, whatever the
split given.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ansinh.documents import training_set
from ansinh.documents.bench import find_scorer
from ansinh.documents.parsing import extract_plan, task_learned
from ansinh.documents.parsing.pipeline import Parts, read_parts
from ansinh.documents.parsing.tasks import extract_tasks, full_number
from ansinh.documents.target_training import fit
from ansinh.documents.training_set import RefusedDocuments, corpus_test_names, issuer_of, training_documents

Example = tuple[list[str], int]
__all__ = ["RefusedDocuments", "corpus_test_names", "examples_of", "fit", "issuer_of", "run", "training_documents"]
DEFAULT_L2 = 8.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``ansinh bench task-train``."""
    parser.add_argument("--gold", metavar="DIR", action="append", required=True,
                        help="thư mục gold *.json (có thể lặp lại); chỉ dùng phần phát triển (dev)")
    parser.add_argument("--docs", metavar="DIR", action="append", required=True,
                        help="thư mục văn bản tương ứng với từng --gold, cùng thứ tự")
    parser.add_argument("--split", metavar="FILE",
                        help="tệp chia phần {dev, test}: chỉ học trên phần dev (mặc định: split.json cạnh dữ liệu)")
    parser.add_argument("--out", metavar="FILE", help="nơi ghi mô hình JSON (mặc định: không ghi, chỉ đánh giá)")
    parser.add_argument("--fallback", type=float, action="append",
                        help="ngưỡng xác suất để thêm một mục khi quy tắc không tìm được nhiệm vụ nào trong văn bản "
                             "(có thể lặp lại để so sánh; mô hình ghi ra dùng ngưỡng đầu tiên; mặc định 0,5)")
    parser.add_argument("--add", type=float, default=1.0,
                        help="ngưỡng thêm một mục bên cạnh nhiệm vụ quy tắc đã tìm (mặc định 1: không thêm)")
    parser.add_argument("--drop", type=float, default=0.0,
                        help="ngưỡng dưới đó bỏ một nhiệm vụ của quy tắc (mặc định 0: không bỏ)")
    parser.add_argument("--l2", type=float, default=DEFAULT_L2, help=f"hệ số L2 (mặc định {DEFAULT_L2})")
    parser.add_argument("--disabled", action="store_true", help="ghi mô hình ở trạng thái tắt (chỉ dùng quy tắc)")
    parser.add_argument("--loo", action="store_true", help="đánh giá bỏ-một-văn-bản trên dữ liệu huấn luyện")
    parser.add_argument("--group-cv", action="store_true",
                        help="đánh giá bỏ-một-cơ-quan-ban-hành (tiền tố tên trước dấu '-' đầu tiên) trên dữ liệu huấn luyện")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def examples_of(text: str, gold: dict[str, object], scorer: ModuleType, unnamed: bool = False) -> list[Example]:
    """Features and labels of every outline item of one document; ``unnamed``: as read with its tasks parts unnamed."""
    parts = read_parts(text)
    if unnamed:
        task_learned.unname_tasks_parts(parts.root)
    return _examples(parts, gold, scorer)


def both_readings(text: str, gold: dict[str, object], scorer: ModuleType) -> list[Example]:
    """The examples of one document as it is, then as read with its tasks parts unnamed, from one parse."""
    parts = read_parts(text)
    named = _examples(parts, gold, scorer)
    task_learned.unname_tasks_parts(parts.root)
    return named + _examples(parts, gold, scorer)


def _examples(parts: Parts, gold: dict[str, object], scorer: ModuleType) -> list[Example]:
    tasks = extract_tasks(parts.masked, parts.root, parts.tables, [(lt.start, lt.end, lt.tasks) for lt in parts.layout])
    cands = task_learned.candidates(parts.root, tasks)
    rule_nodes = {id(t.node) for t in tasks if t.node is not None}
    doc_feats = task_learned.doc_features(parts.masked)
    pred = [{"number": c.task.number if c.task is not None else full_number(c.node), "title": c.node.title}
            for c in cands]
    pred += [{"number": t.number, "title": t.title} for t in tasks if t.node is None]  # table rows take their own gold
    gold_tasks = [t for t in gold.get("tasks") or [] if isinstance(t, dict)]  # type: ignore[attr-defined]
    matched = {pi for _, pi in scorer.greedy(gold_tasks, pred, scorer.task_score)}
    return [(task_learned.features(parts.masked, c, rule_nodes, doc_feats), int(i in matched))
            for i, c in enumerate(cands)]


def _score(docs: dict[str, tuple[str, dict[str, object]]], names: list[str], model: dict[str, object] | None,
           scorer: ModuleType) -> list[dict[str, object]]:
    saved_model, saved_enabled = task_learned.MODEL, task_learned.ENABLED
    try:
        task_learned.MODEL, task_learned.ENABLED = model, model is not None
        return [scorer.score_doc(docs[name][1], extract_plan(docs[name][0], name)) for name in names]
    finally:
        task_learned.MODEL, task_learned.ENABLED = saved_model, saved_enabled


def _line(label: str, scored: list[dict[str, object]], scorer: ModuleType) -> tuple[str, dict[str, object]]:
    total = scorer.total(scored)
    figures = {field: total[field] for field in ("tasks", "lead", "coordinate") if field in total}
    text = f"  {label:<12}" + " ".join(
        f"{field} P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f}" for field, f in figures.items())
    return text, figures


def run(options: dict[str, object], write: Callable[[str], None]) -> dict[str, object]:
    """Train on the development documents; with --loo, print leave-one-document-out figures for each threshold."""
    gold_dirs = [Path(str(p)) for p in options.get("gold") or []]  # type: ignore[attr-defined]
    docs_dirs = [Path(str(p)) for p in options.get("docs") or []]  # type: ignore[attr-defined]
    scorer = find_scorer(gold_dirs[0] if gold_dirs else None)
    if scorer is None:
        raise FileNotFoundError("không tìm thấy công cụ chấm điểm score_extraction.py")
    split = options.get("split")
    docs = training_documents(gold_dirs, docs_dirs, Path(str(split)) if split else None)
    if not docs:
        raise FileNotFoundError("không có văn bản phát triển nào có gold để huấn luyện")
    fallbacks = [float(a) for a in options.get("fallback") or [0.5]]  # type: ignore[attr-defined]
    add = float(str(options.get("add") if options.get("add") is not None else 1.0))
    drop = float(str(options.get("drop") or 0.0))
    l2 = float(str(options.get("l2") or DEFAULT_L2))
    per_doc = {name: both_readings(text, gold, scorer) for name, (text, gold) in docs.items()}
    summary = training_set.summary_of(per_doc)
    write(f"Huấn luyện trên {summary['documents']} văn bản phát triển: {summary['examples']} mục, "
          f"{summary['positives']} là nhiệm vụ theo gold")
    if options.get("loo"):
        names = list(docs)
        pooled: dict[str, list[dict[str, object]]] = {"rules": _score(docs, names, None, scorer)}
        for held in names:
            model = fit([ex for name, exs in per_doc.items() if name != held for ex in exs], l2=l2)
            for fallback in fallbacks:
                judged = {**model, "add": add, "fallback": fallback, "drop": drop}
                pooled.setdefault(f"fallback>={fallback}", []).extend(_score(docs, [held], judged, scorer))
        write("Bỏ một văn bản ra để kiểm tra (leave-one-out):")
        loo = {}
        for label, scored in pooled.items():
            text, figures = _line(label, scored, scorer)
            write(text)
            loo[label] = figures
        summary["leave_one_out"] = loo
    if options.get("group_cv"):
        summary["issuer_cv"] = _issuer_cv(docs, per_doc, scorer, fallbacks, add, drop, l2, write)
    model = fit([ex for exs in per_doc.values() for ex in exs], l2=l2)
    model.update({"add": add, "fallback": fallbacks[0], "drop": drop, "enabled": not options.get("disabled"), "l2": l2,
                  "trained_on": sorted(docs), "features": len(model["weights"])})  # type: ignore[arg-type]
    out = options.get("out")
    if out:
        Path(str(out)).write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        write(f"Đã ghi mô hình ({model['features']} đặc trưng, ngưỡng {fallbacks[0]}) vào {out}")
    summary["features"] = model["features"]
    return summary


def _issuer_cv(docs: dict[str, tuple[str, dict[str, object]]], per_doc: dict[str, list[Example]], scorer: ModuleType,
               fallbacks: list[float], add: float, drop: float, l2: float,
               write: Callable[[str], None]) -> dict[str, object]:
    """Leave-one-issuer-out figures: each issuer's documents scored by a model fitted on the other issuers' only, so
    that a model that learnt one issuer's phrasing gains nothing on it."""
    names = list(docs)
    pooled: dict[str, list[dict[str, object]]] = {"rules": _score(docs, names, None, scorer)}
    for issuer in sorted({issuer_of(name) for name in names}):
        held = [name for name in names if issuer_of(name) == issuer]
        model = fit([ex for name, exs in per_doc.items() if issuer_of(name) != issuer for ex in exs], l2=l2)
        for fallback in fallbacks:
            judged = {**model, "add": add, "fallback": fallback, "drop": drop}
            pooled.setdefault(f"fallback>={fallback}", []).extend(_score(docs, held, judged, scorer))
    write("Bỏ một cơ quan ban hành ra để kiểm tra (leave-one-issuer-out):")
    figures_by_label: dict[str, object] = {}
    for label, scored in pooled.items():
        text, figures = _line(label, scored, scorer)
        write(text)
        figures_by_label[label] = figures
    return figures_by_label
