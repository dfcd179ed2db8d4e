"""Train the learned target filter (``ansinh bench parse-train``) from gold files and their documents.

Every quantity of every section is read (the "learned" mode's candidates) and labelled by whether the gold holds it
(a target, or a milestone of one, with the same value and year and a name that overlaps). A logistic regression
(L2, AdaGrad; plain Python, no library) is fitted on their features; leave-one-document-out figures compare the rules,
the learned reading and the rules judged by the model. The weights are written as JSON (see target_learned.py).

To compare a retrained model with the shipped one on documents it has not seen, train on part of the development
documents only (``--split`` a file whose "dev" lists them) and bench the rest; --l2, --min-count and --drop lower
the model's capacity, --rule-threshold sets the probability from which what the rules read is kept.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from ansinh.documents import training_set
from ansinh.documents.bench import find_scorer
from ansinh.documents.parsing import extract_plan, target_learned
from ansinh.documents.parsing.pipeline import read_parts
from ansinh.documents.parsing.targets import text_target_candidates

Example = tuple[list[str], int]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``ansinh bench parse-train``."""
    parser.add_argument("--gold", metavar="DIR", action="append",
                        help="thư mục gold *.json (có thể lặp lại); chỉ dùng phần phát triển (dev) theo split.json; "
                             "bỏ trống: bộ chuẩn (kho văn bản, fixtures, probes chỉ tiêu, bốn mẫu ../shared)")
    parser.add_argument("--docs", metavar="DIR", action="append",
                        help="thư mục văn bản tương ứng với từng --gold, cùng thứ tự")
    parser.add_argument("--out", metavar="FILE", help="nơi ghi mô hình JSON (mặc định: không ghi, chỉ đánh giá)")
    parser.add_argument("--mode", choices=target_learned.MODES, default="learned",
                        help="cách dùng mô hình khi trích xuất: rules, learned hoặc combined (mặc định learned)")
    parser.add_argument("--threshold", type=float, default=0.5, help="ngưỡng xác suất giữ một chỉ tiêu (mặc định 0,5)")
    parser.add_argument("--rule-threshold", type=float, default=None,
                        help="ngưỡng thấp hơn cho giá trị mà quy tắc đọc được (mặc định: bằng --threshold)")
    parser.add_argument("--loo", action="store_true", help="đánh giá bỏ-một-văn-bản trên dữ liệu huấn luyện")
    parser.add_argument("--split", metavar="FILE",
                        help="tệp chia phần JSON {dev, test} của --gold đầu tiên (kho văn bản): chỉ huấn luyện trên phần dev "
                             "của nó (mặc định: split.json cạnh gold)")
    parser.add_argument("--l2", type=float, default=0.5, help="hệ số phạt L2 (mặc định 0,5; lớn hơn: mô hình đơn giản hơn)")
    parser.add_argument("--min-count", type=int, default=2, help="bỏ đặc trưng gặp ít hơn N lần (mặc định 2)")
    parser.add_argument("--drop", metavar="PREFIX", action="append", default=[],
                        help="bỏ các đặc trưng bắt đầu bằng tiền tố này (có thể lặp lại), ví dụ 'h:' hoặc 'doc='")
    parser.add_argument("--group-cv", action="store_true",
                        help="đánh giá bỏ-một-cơ-quan-ban-hành (tiền tố tên trước dấu '-' đầu tiên) trên các văn bản của "
                             "--gold đầu tiên (kho văn bản); các bộ còn lại (fixtures, probes, mẫu) luôn ở phần huấn luyện")
    parser.add_argument("--extras", choices=("train", "none"), default="train",
                        help="các bộ sau --gold đầu tiên: train (mặc định) học cùng; none: chỉ học trên --gold đầu tiên")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


REPO = Path(__file__).resolve().parents[2]
# (gold, docs) of the standard training sets, relative to the repository: the corpus (its dev part only), the
# fixtures, the target probes and the four shared samples (beside the repository, when present).
STANDARD_SETS = (
    ("tests/documents/corpus/gold", "tests/documents/corpus/docs"),
    ("tests/documents/fixtures", "tests/documents/fixtures"),
    ("tests/documents/probes/targets/gold", "tests/documents/probes/targets/docs"),
    ("../shared/gold", "../shared/seeds"),
    ("../../shared/gold", "../../shared/seeds"),  # from a worktree one level deeper (/work/wt/<name>)
)


def standard_sets(root: Path = REPO) -> tuple[list[Path], list[Path]]:
    """The standard training sets that exist under ``root``: ``ansinh bench parse-train`` without --gold."""
    pairs: list[tuple[Path, Path]] = []
    for g, d in STANDARD_SETS:
        gold, docs = (root / g).resolve(), (root / d).resolve()
        if gold.is_dir() and docs.is_dir() and gold not in [p for p, _ in pairs]:
            if g.endswith("shared/gold") and any(p.parent.name == "shared" for p, _ in pairs):
                continue  # the shared samples once, from the nearest place
            pairs.append((gold, docs))
    return [g for g, _ in pairs], [d for _, d in pairs]


def training_documents(gold_dirs: list[Path], docs_dirs: list[Path],
                       split_file: str | None = None) -> dict[str, tuple[str, dict[str, object]]]:
    """(text, gold) of every development document with a gold file, by "<gold folder>/<name>" (see training_set.py);
    test-part documents are never read. ``split_file`` (a {dev, test} JSON file) takes the place of the split.json
    found beside each folder (``run`` gives it for the first folder, the corpus, only)."""
    return training_set.training_documents(gold_dirs, docs_dirs, split_file, by_folder=True)


def _matches(scorer: ModuleType, gold_targets: list[dict[str, object]], target: dict[str, object]) -> bool:
    for g in gold_targets:
        if scorer.target_score(g, target) > 0:
            return True
        name_ok = max(scorer.dice(g.get("indicator"), target.get("indicator")),
                      scorer.overlap(g.get("text"), target.get("text")),
                      scorer.overlap(g.get("indicator"), target.get("text"))) >= 0.3
        if not name_ok:
            continue
        for m in g.get("milestones") or []:  # type: ignore[attr-defined]
            if (scorer.same_number(m.get("value"), target.get("value")) and m.get("year") == target.get("year")
                    and (m.get("value_max") is None or scorer.same_number(m.get("value_max"), target.get("value_max")))):
                return True
    return False


def examples_of(text: str, gold: dict[str, object], scorer: ModuleType) -> list[Example]:
    """Features and labels of every quantity read in one document's running text."""
    parts = read_parts(text)
    targets, _, contexts = text_target_candidates(
        parts.doc, parts.root, parts.masked, parts.plan_like, parts.title_span, broad=True
    )
    gold_targets = [t for t in gold.get("targets") or [] if isinstance(t, dict)]  # type: ignore[attr-defined]
    doc_feats = target_learned.doc_features(parts.masked)
    return [
        (target_learned.candidate_features(parts.masked, t, c, doc_feats), int(_matches(scorer, gold_targets, t)))
        for t, c in zip(targets, contexts, strict=True)
    ]


def fit(examples: list[Example], l2: float = 0.5, epochs: int = 60, min_count: int = 2, seed: int = 7,
        drop: tuple[str, ...] = ()) -> dict[str, object]:
    """Logistic regression by AdaGrad over the examples; features seen fewer than ``min_count`` times are dropped, and
    those that start with a prefix in ``drop``."""
    counts = Counter(f for feats, _ in examples for f in set(feats))
    rows = [([f for f in set(feats) if counts[f] >= min_count and not f.startswith(drop)], y) for feats, y in examples]
    weights: dict[str, float] = {}
    grads: dict[str, float] = {}
    bias, bias_grad = 0.0, 0.0
    rate = 0.5
    order = list(range(len(rows)))
    rng = random.Random(seed)
    n = max(1, len(rows))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = rows[i]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            bias_grad += g * g
            bias -= rate * g / math.sqrt(bias_grad + 1e-8)
            for f in feats:
                w = weights.get(f, 0.0)
                gf = g + l2 * w / n
                grads[f] = grads.get(f, 0.0) + gf * gf
                weights[f] = w - rate * gf / math.sqrt(grads[f] + 1e-8)
    return {"bias": round(bias, 4), "weights": {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-3}}


def _score_modes(docs: dict[str, tuple[str, dict[str, object]]], names: list[str], model: dict[str, object] | None,
                 scorer: ModuleType, threshold: float, rule_threshold: float | None = None) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {mode: [] for mode in target_learned.MODES}
    saved_model, saved_mode = target_learned.MODEL, target_learned.MODE
    try:
        for mode in target_learned.MODES:
            target_learned.MODEL = {**model, "threshold": threshold, "rule_threshold": rule_threshold} if model else None
            target_learned.MODE = mode
            for name in names:
                text, gold = docs[name]
                pred = extract_plan(text, name)
                out[mode].append(scorer.score_doc(gold, pred))
    finally:
        target_learned.MODEL, target_learned.MODE = saved_model, saved_mode
    return out


def run(options: dict[str, object], write: Callable[[str], None]) -> dict[str, object]:
    """Train on the development documents; with --loo, print leave-one-document-out figures for each mode."""
    gold_dirs = [Path(str(p)) for p in options.get("gold") or []]  # type: ignore[attr-defined]
    docs_dirs = [Path(str(p)) for p in options.get("docs") or []]  # type: ignore[attr-defined]
    if not gold_dirs and not docs_dirs:
        gold_dirs, docs_dirs = standard_sets()
        write("Bộ huấn luyện chuẩn: " + ", ".join(str(g) for g in gold_dirs))
    scorer = find_scorer(gold_dirs[0] if gold_dirs else None)
    if scorer is None:
        raise FileNotFoundError("không tìm thấy công cụ chấm điểm score_extraction.py")
    split_file = str(options["split"]) if options.get("split") else None
    # The first set (the corpus) apart from the others (fixtures, probes, samples): only its documents are held out
    # in the issuer-grouped cross-validation, the others are trained on in every fold (or never, --extras none).
    corpus = training_documents(gold_dirs[:1], docs_dirs[:1], split_file)
    # --split is the corpus's: the other sets keep their own split.json, if any (the hash rule of a split that does
    # not list them would set a third of them aside).
    docs = {**corpus, **training_documents(gold_dirs[1:], docs_dirs[1:])}
    if options.get("extras") == "none":
        docs = corpus
    l2, min_count = float(str(options.get("l2") or 0.5)), int(str(options.get("min_count") or 2))
    drop = tuple(str(p) for p in options.get("drop") or [])  # type: ignore[attr-defined]
    if not docs:
        raise FileNotFoundError("không có văn bản phát triển nào có gold để huấn luyện")
    threshold = float(str(options.get("threshold") or 0.5))
    rule_threshold = float(str(options["rule_threshold"])) if options.get("rule_threshold") is not None else None
    per_doc = {name: examples_of(text, gold, scorer) for name, (text, gold) in docs.items()}
    summary = training_set.summary_of(per_doc)
    write(f"Huấn luyện trên {summary['documents']} văn bản phát triển: {summary['examples']} giá trị, "
          f"{summary['positives']} là chỉ tiêu theo gold")
    if options.get("loo"):
        pooled: dict[str, list[dict[str, object]]] = {mode: [] for mode in target_learned.MODES}
        for held in docs:
            train = [ex for name, exs in per_doc.items() if name != held for ex in exs]
            model = fit(train, l2=l2, min_count=min_count, drop=drop)
            for mode, scored in _score_modes(docs, [held], model, scorer, threshold, rule_threshold).items():
                pooled[mode].extend(scored)
        loo = {}
        write("Bỏ một văn bản ra để kiểm tra (leave-one-out), chỉ tiêu:")
        for mode, scored in pooled.items():
            t = scorer.total(scored)["targets"]
            loo[mode] = t
            write(f"  {mode:<9} P={t['precision']:.3f} R={t['recall']:.3f} F1={t['f1']:.3f} "
                  f"({t['tp']}/{t['pred']}/{t['gold']})")
        summary["leave_one_out"] = loo
    if options.get("group_cv"):
        summary.update(_issuer_cv(docs, per_doc, list(corpus), scorer, write, threshold, rule_threshold,
                                  l2=l2, min_count=min_count, drop=drop))
    model = fit([ex for exs in per_doc.values() for ex in exs], l2=l2, min_count=min_count, drop=drop)
    if rule_threshold is not None:
        model["rule_threshold"] = rule_threshold
    model.update({"mode": str(options.get("mode") or "learned"), "threshold": threshold,
                  "trained_on": sorted(docs), "features": len(model["weights"]),  # type: ignore[arg-type]
                  "capacity": {"l2": l2, "min_count": min_count, "drop": list(drop)}})
    out = options.get("out")
    if out:
        Path(str(out)).write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        write(f"Đã ghi mô hình ({model['features']} đặc trưng, chế độ {model['mode']}) vào {out}")
    summary["features"] = model["features"]
    return summary


def _issuer_cv(docs: dict[str, tuple[str, dict[str, object]]], per_doc: dict[str, list[Example]], corpus: list[str],
               scorer: ModuleType, write: Callable[[str], None], threshold: float, rule_threshold: float | None,
               **capacity: object) -> dict[str, object]:
    """Leave-one-issuer-out target figures on the corpus documents, for each mode: an issuer's documents scored by a
    model fitted without any document of that issuer, so that a model that learnt one issuer's phrasing gains nothing
    on it (the honest estimate for documents of an issuer never seen)."""
    by_doc: dict[str, dict[str, dict[str, object]]] = {mode: {} for mode in target_learned.MODES}
    for _, train, tested in training_set.issuer_folds(corpus, [n for n in docs if n not in corpus]):
        model = fit([ex for name in train for ex in per_doc[name]], **capacity)  # type: ignore[arg-type]
        for mode, scored in _score_modes(docs, tested, model, scorer, threshold, rule_threshold).items():
            by_doc[mode].update(zip(tested, scored, strict=True))
    write(f"Bỏ một cơ quan ban hành ra để kiểm tra (leave-one-issuer-out, {len(corpus)} văn bản kho, "
          f"{len({training_set.issuer_of(n) for n in corpus})} cơ quan), chỉ tiêu:")
    figures: dict[str, object] = {}
    for mode, rows in by_doc.items():
        t = scorer.total(list(rows.values()))["targets"]
        figures[mode] = t
        write(f"  {mode:<9} P={t['precision']:.3f} R={t['recall']:.3f} F1={t['f1']:.3f} ({t['tp']}/{t['pred']}/{t['gold']})")
    documents = {mode: {name.rsplit("/", 1)[-1]: row["targets"] for name, row in rows.items()} for mode, rows in by_doc.items()}
    return {"issuer_cv": figures, "issuer_cv_documents": documents}
