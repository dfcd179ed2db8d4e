"""``ansinh bench dedup --persons N [--noise P]``: de-duplication quality and cost on known truth.

In a scratch database (as ``ansinh bench registry``) with Hồ Chí Minh City's units: a simulated
population with second registrations and twins (``dedup.noisy``) is imported (not timed), then one
``run_dedup`` — reading from the database, training, prediction, clustering — is timed.
Pair precision/recall/F1 compare the pairs at or above the threshold with the true pairs; cluster
F1 counts clusters of two or more that match a true cluster exactly; ``baseline_pair_f1`` is a plain
exact personal-ID match on the same data; ``twins_merged`` counts twin pairs put in one cluster.
``peak_rss_mb`` is this process's maximum resident memory (DuckDB runs in process).
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.conf import settings

Write = Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--persons", type=int, default=100_000, help="số nhân khẩu xấp xỉ (mặc định 100000)")
    parser.add_argument("--noise", type=float, default=0.3, help="xác suất mỗi loại nhiễu ở bản đăng ký thứ hai (0–1, mặc định 0,3)")
    parser.add_argument("--seed", type=int, default=11, help="hạt giống ngẫu nhiên")
    parser.add_argument("--keep", action="store_true", help="giữ lại cơ sở dữ liệu tạm sau khi đo")
    parser.add_argument("--json", action="store_true", help="in một đối tượng JSON")


def _pairs(groups: Iterable[list[int]]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for members in groups:
        out.update(itertools.combinations(sorted(members), 2))
    return out


def _prf(predicted: set[tuple[int, int]], true: set[tuple[int, int]]) -> tuple[float, float, float]:
    hit = len(predicted & true)
    p = hit / len(predicted) if predicted else 1.0
    r = hit / len(true) if true else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _by(truth_of: dict[int, str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for pid, entity in truth_of.items():
        out[entity].append(pid)
    return out


def _groups(pairs_of: dict[Any, list[int]]) -> list[list[int]]:
    return [m for m in pairs_of.values() if len(m) > 1]


def score(
    edges: list[tuple[int, int]], clusters: list[tuple[int, int]], truth_of: dict[int, str], ids_of: dict[int, str],
    twins: set[tuple[int, int]],
) -> dict[str, Any]:
    by_entity: dict[str, list[int]] = defaultdict(list)
    for pid, entity in truth_of.items():
        by_entity[entity].append(pid)
    true_groups = _groups(by_entity)
    true_pairs = _pairs(true_groups)
    p, r, f = _prf({(min(a, b), max(a, b)) for a, b in edges}, true_pairs)
    by_cluster: dict[int, list[int]] = defaultdict(list)
    for pid, cluster in clusters:
        by_cluster[cluster].append(pid)
    predicted_sets = {frozenset(m) for m in by_cluster.values()}
    true_sets = {frozenset(m) for m in true_groups}
    exact = len(predicted_sets & true_sets)
    cp = exact / len(predicted_sets) if predicted_sets else 1.0
    cr = exact / len(true_sets) if true_sets else 1.0
    by_id: dict[str, list[int]] = defaultdict(list)
    for pid, number in ids_of.items():
        if number:
            by_id[number].append(pid)
    _, _, baseline = _prf(_pairs(_groups(by_id)), true_pairs)
    cluster_of = dict(clusters)
    merged_twins = sum(1 for a, b in twins if a in cluster_of and cluster_of.get(a) == cluster_of.get(b))
    return {
        "pair_precision": round(p, 4), "pair_recall": round(r, 4), "pair_f1": round(f, 4),
        "cluster_f1": round(2 * cp * cr / (cp + cr) if cp + cr else 0.0, 4), "baseline_pair_f1": round(baseline, 4),
        "true_pairs": len(true_pairs), "twin_pairs": len(twins), "twins_merged": merged_twins,
    }


def run(options: dict[str, Any], write: Write) -> dict[str, Any]:
    from ansinh.geo.loader import load_units, package_rows
    from ansinh.geo.models import AdministrativeUnit
    from ansinh.registry.bench import scratch_database
    from ansinh.registry.dedup.noisy import noisy_rows
    from ansinh.registry.dedup.run import remove_model, run_dedup
    from ansinh.registry.importer import ImportRefused, import_table, iter_rows
    from ansinh.registry.models import Person
    from ansinh.registry.tabular import COLUMNS, Table

    persons, noise, seed = options["persons"], options["noise"], options["seed"]
    if not 0 <= noise <= 1:
        raise ValueError("--noise phải trong khoảng 0 đến 1")
    with scratch_database(write, options["keep"]):
        load_units(package_rows(["79"]))
        communes = list(AdministrativeUnit.objects.filter(level="commune", path__startswith="/VN/79/").values_list("code", flat=True))
        truth: dict[str, str] = {}
        started = time.monotonic()
        rows = noisy_rows(max(1, int(persons / 3.45)), communes, seed, noise, truth)
        table = Table(headers=list(COLUMNS), columns={c: i for i, c in enumerate(COLUMNS)}, unmapped=[], encoding="mô phỏng", rows=iter_rows(rows))
        try:
            report = import_table(table, simulated=True, total=persons, gate=False)  # second registrations on purpose
        except ImportRefused as err:
            for line in err.errors[:10]:
                write(line)
            raise
        write(f"Nạp dữ liệu mô phỏng: {report.persons_created} nhân khẩu ({time.monotonic() - started:.1f} giây, không tính)")
        model = Path(settings.DATA_DIR) / "dedup" / "bench-model.json"
        result = run_dedup(train=True, store=False, path=model, keep_scores=True)
        remove_model(model)
        refs = dict(Person.objects.values_list("id", "ma_ban_ghi"))
        ids_of = dict(Person.objects.values_list("id", "personal_id"))
        truth_of = {pid: truth[ref] for pid, ref in refs.items()}
        by_ref = {ref: pid for pid, ref in refs.items()}
        twins = {(min(by_ref[r], by_ref[r[:-2]]), max(by_ref[r], by_ref[r[:-2]])) for r in refs.values() if r.endswith("-T")}
        figures = score(result.edges, result.groups, truth_of, ids_of, twins)
        true_pairs = _pairs(_groups(_by(truth_of)))
        curve = {}
        for cut in (0.1, 0.2, 0.3, 0.5, 0.8, 0.95):
            p, r, f = _prf({(a, b) for a, b, q in result.scores if q >= cut}, true_pairs)
            curve[str(cut)] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    out = {"persons": result.persons, "noise": noise, "seconds": round(result.seconds, 1), "peak_rss_mb": result.peak_rss_mb,
           **{k: figures[k] for k in ("pair_precision", "pair_recall", "pair_f1", "cluster_f1", "baseline_pair_f1")},
           "pairs_scored": result.pairs_scored, "pairs_above_threshold": result.pairs_above_threshold,
           "clusters": result.clusters, "true_pairs": figures["true_pairs"], "twin_pairs": figures["twin_pairs"],
           "twins_merged": figures["twins_merged"], "by_threshold_before_twin_rule": curve}
    for key, value in out.items():
        write(f"  {key}: {value}")
    return out
