"""One de-duplication run: persons into DuckDB, the trained model (saved JSON, reused), prediction,
clustering, and the candidate pairs stored for review.

Pairs at or above the model's threshold become edges unless a person decided they are different
people (``DuplicatePair.status = different``) or they are the twin pattern: the same household,
the same birth year and different given names. Connected components of the edges are the
clusters. Nothing is ever merged here: merging is a reviewer's decision (``dedup.actions``).
"""

from __future__ import annotations

import logging
import math
import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ansinh.core.errors import UserError
from ansinh.registry.dedup import settings as model_settings
from ansinh.registry.dedup.source import load_persons

MEMORY_LIMIT = "4GB"


class DedupRefused(UserError):
    pass


@dataclass
class DedupResult:
    persons: int
    pairs_scored: int = 0
    pairs_above_threshold: int = 0
    clusters: int = 0
    pairs_stored: int = 0
    seconds: float = 0.0
    peak_rss_mb: int = 0
    trained: bool = False
    edges: list[tuple[int, int]] = field(default_factory=list)
    groups: list[tuple[int, int]] = field(default_factory=list)  # (person, cluster) for clusters of two or more
    scores: list[tuple[int, int, float]] = field(default_factory=list)  # with keep_scores: pairs p ≥ 0.1, twins out

    def as_dict(self) -> dict[str, Any]:
        return {
            "persons": self.persons, "pairs_scored": self.pairs_scored, "pairs_above_threshold": self.pairs_above_threshold,
            "clusters": self.clusters, "pairs_stored": self.pairs_stored, "seconds": round(self.seconds, 2),
            "peak_rss_mb": self.peak_rss_mb, "trained": self.trained,
        }


def model_path() -> Path:
    return Path(settings.DATA_DIR) / "dedup" / "model_v1.json"


def temp_dir() -> Path:
    configured = getattr(settings, "DEDUP_TEMP_DIR", "")
    return Path(configured) if configured else Path(settings.DATA_DIR) / "dedup" / "tmp"


def connect(tmp: Path | None = None) -> Any:
    import duckdb

    tmp = tmp or temp_dir()
    tmp.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"SET temp_directory = '{tmp.as_posix()}'")
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute("SET preserve_insertion_order = false")
    return con


def _disk_error(err: Exception) -> DedupRefused:
    text = str(err)
    if "No space left" in text or "disk" in text.lower() or "Out of Memory" in text or "out of memory" in text.lower():
        return DedupRefused(
            f"Thư mục tạm của DuckDB ({temp_dir()}) đã đầy hoặc không đủ bộ nhớ để so sánh; hãy giải phóng chỗ trống "
            "hoặc chạy theo từng tỉnh (--province). Không có gì được gộp."
        )
    return DedupRefused(f"Không chạy được việc tìm trùng ({text[:200]}). Không có gì được gộp.")


def _linker(con: Any, train: bool, path: Path) -> tuple[Any, bool]:
    from splink import DuckDBAPI, Linker

    db_api = DuckDBAPI(connection=con)
    if path.exists() and not train:
        try:
            import json

            saved = json.loads(path.read_text(encoding="utf-8"))
            names = [c.get("output_column_name") for c in saved["comparisons"]]
            expected = [c["name"] for c in model_settings.definition()["comparisons"]]
            if names != expected:
                raise ValueError("comparisons differ")
            linker = Linker("persons", saved, db_api)
            register_tf(linker, con, path)
            return linker, False
        except Exception as err:
            raise DedupRefused(
                f"Tệp mô hình {path} bị hỏng hoặc không khớp phiên bản ({type(err).__name__}); hãy xóa tệp đó hoặc "
                "chạy lại với --train để huấn luyện lại. Không có gì được gộp."
            ) from None
    linker = Linker("persons", model_settings.settings_creator(), db_api)
    plan = model_settings.training()
    try:
        linker.training.estimate_probability_two_random_records_match(plan["deterministic_rules"], recall=plan["deterministic_recall"])
        linker.training.estimate_u_using_random_sampling(max_pairs=plan["u_max_pairs"], seed=1)
        for rule in plan["em_blocking_rules"]:
            linker.training.estimate_parameters_using_expectation_maximisation(rule, estimate_without_term_frequencies=True)
    except Exception as err:
        if type(err).__module__.startswith("duckdb"):
            raise _disk_error(err) from None
        raise DedupRefused(
            f"Không đủ dữ liệu để huấn luyện mô hình tìm trùng ({type(err).__name__}); hãy huấn luyện trên phạm vi rộng hơn "
            "(cả tỉnh) rồi chạy lại cho xã, phường. Không có gì được gộp."
        ) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    linker.misc.save_model_to_json(str(partial), overwrite=True)
    save_tf(linker, con, path)
    os.replace(partial, path)
    return linker, True


def tf_path(path: Path, column: str) -> Path:
    """The term-frequency lookup of ``column`` saved beside the model (so a commune run or the gate
    weighs a common name as the whole registry does, not as its few rows do)."""
    return path.with_name(f"{path.stem}.tf_{column}.parquet")


def save_tf(linker: Any, con: Any, path: Path) -> None:
    for column in model_settings.tf_columns():
        table = linker.table_management.compute_tf_table(column).physical_name
        partial = tf_path(path, column).with_suffix(".tmp")
        con.execute(f"COPY {table} TO '{partial.as_posix()}' (FORMAT parquet)")
        os.replace(partial, tf_path(path, column))


def register_tf(linker: Any, con: Any, path: Path) -> None:
    for column in model_settings.tf_columns():
        saved = tf_path(path, column)
        if saved.exists():
            lookup = con.execute(f"SELECT * FROM read_parquet('{saved.as_posix()}')").df()
            linker.table_management.register_term_frequency_lookup(lookup, column, overwrite=True)


def remove_model(path: Path) -> None:
    path.unlink(missing_ok=True)
    for column in model_settings.tf_columns():
        tf_path(path, column).unlink(missing_ok=True)


def run_dedup(
    commune: str | None = None, province: str | None = None, *, train: bool = False, store: bool = True,
    out: Path | None = None, path: Path | None = None, con: Any = None, keep_scores: bool = False,
) -> DedupResult:
    """Find likely duplicates among the persons in scope (all, a commune or a province)."""
    import duckdb

    logging.getLogger("splink").setLevel(logging.ERROR)
    started = time.monotonic()
    if out is not None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.touch()
        except OSError as err:
            raise DedupRefused(f"Không ghi được tệp kết quả {out} ({err.strerror}). Không có gì được gộp.") from None
    try:
        con = con or connect()
    except (OSError, duckdb.Error) as err:
        raise DedupRefused(f"Không mở được thư mục tạm {temp_dir()} cho DuckDB ({err}). Không có gì được gộp.") from None
    try:
        try:
            n = load_persons(con, commune, province)
        except duckdb.Error as err:
            raise _disk_error(err) from None
        if n == 0:
            raise DedupRefused("Không có nhân khẩu nào trong phạm vi đã chọn; không có gì để tìm trùng, không có gì được gộp.")
        if n == 1:
            raise DedupRefused("Phạm vi đã chọn chỉ có một nhân khẩu; cần ít nhất hai người để tìm trùng. Không có gì được gộp.")
        result = DedupResult(persons=n)
        linker, result.trained = _linker(con, train, path or model_path())
        try:
            predictions = linker.inference.predict()
            result.edges, result.pairs_scored, result.pairs_above_threshold = _edges(con, predictions.physical_name)
            if keep_scores:
                result.scores = [(int(a), int(b), float(p)) for a, b, p in con.execute(
                    "SELECT least(unique_id_l, unique_id_r) AS l, greatest(unique_id_l, unique_id_r) AS r, match_probability "
                    f"FROM {predictions.physical_name} p WHERE match_probability >= 0.1 AND NOT EXISTS "
                    "(SELECT 1 FROM twins t WHERE t.a = p.unique_id_l AND t.c = p.unique_id_r)"
                ).fetchall()]
            result.clusters = _cluster(con, linker, out)
            result.groups = [(int(a), int(b)) for a, b in con.execute(
                "SELECT unique_id, cluster_id FROM clusters WHERE cluster_id IN "
                "(SELECT cluster_id FROM clusters GROUP BY cluster_id HAVING count(*) > 1)"
            ).fetchall()]
        except duckdb.Error as err:
            raise _disk_error(err) from None
        if store:
            result.pairs_stored = store_pairs(con)
    finally:
        con.close()
    result.seconds = time.monotonic() - started
    result.peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def _edges(con: Any, table: str) -> tuple[list[tuple[int, int]], int, int]:
    from ansinh.registry.dedup.models import DuplicatePair, PairStatus

    scored = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    threshold = model_settings.threshold()
    names = [c["name"] for c in model_settings.definition()["comparisons"]]
    weights = ", ".join(f"log2(greatest(bf_{name}, 1e-300)) AS w_{name}" for name in names)
    con.execute(
        f"CREATE OR REPLACE TABLE twins AS SELECT unique_id_l AS a, unique_id_r AS c FROM {table} "
        "WHERE household_id_l = household_id_r AND birth_year_l = birth_year_r AND given_l <> given_r"
    )
    con.execute("INSERT INTO twins SELECT c, a FROM twins")
    con.execute(
        f"CREATE OR REPLACE TABLE above AS SELECT least(unique_id_l, unique_id_r) AS unique_id_l, "
        f"greatest(unique_id_l, unique_id_r) AS unique_id_r, match_probability, match_weight, commune_id_l, "
        f"province_code_l, {weights} FROM {table} WHERE match_probability >= {threshold}"
    )
    above = con.execute("SELECT count(*) FROM above").fetchone()[0]
    different = DuplicatePair.objects.filter(status=PairStatus.DIFFERENT).values_list("person_a_id", "person_b_id")
    con.execute("CREATE OR REPLACE TABLE different (unique_id_l BIGINT, unique_id_r BIGINT)")
    if different.exists():
        con.executemany("INSERT INTO different VALUES (?, ?)", list(different))
    # Twins (same household and birth year, different given names) are never an edge; and when one
    # twin's sibling record matches a third record better than the twin does, the twin's edge goes.
    con.execute(
        "CREATE OR REPLACE TABLE candidate AS SELECT * FROM above a "
        "WHERE NOT EXISTS (SELECT 1 FROM twins t WHERE t.a = a.unique_id_l AND t.c = a.unique_id_r) "
        "AND NOT EXISTS (SELECT 1 FROM different d WHERE d.unique_id_l = a.unique_id_l AND d.unique_id_r = a.unique_id_r)"
    )
    con.execute(
        "CREATE OR REPLACE TABLE both_ways AS SELECT unique_id_l AS x, unique_id_r AS y, match_probability AS p FROM candidate "
        "UNION ALL SELECT unique_id_r, unique_id_l, match_probability FROM candidate"
    )
    con.execute(
        "CREATE OR REPLACE TABLE edges AS SELECT * FROM candidate e WHERE NOT EXISTS ("
        "SELECT 1 FROM twins t JOIN both_ways w ON w.x = t.c WHERE w.p >= e.match_probability AND "
        "((t.a = e.unique_id_l AND w.y = e.unique_id_r) OR (t.a = e.unique_id_r AND w.y = e.unique_id_l)))"
    )
    edges = [(int(a), int(b)) for a, b in con.execute("SELECT unique_id_l, unique_id_r FROM edges").fetchall()]
    return edges, int(scored), int(above)


def _cluster(con: Any, linker: Any, out: Path | None) -> int:
    from splink import DuckDBAPI
    from splink.clustering import cluster_pairwise_predictions_at_threshold

    clusters = cluster_pairwise_predictions_at_threshold(
        "persons", "edges", DuckDBAPI(connection=con), node_id_column_name="unique_id"
    )
    con.execute(f"CREATE OR REPLACE TABLE clusters AS SELECT unique_id, cluster_id FROM {clusters.physical_name}")
    if out is not None:
        con.execute(
            "COPY (SELECT coalesce(nullif(p.ma_ban_ghi, ''), p.registry_code) AS ma_ban_ghi, r.registry_code AS cluster "
            "FROM persons p JOIN clusters c USING (unique_id) JOIN persons r ON r.unique_id = c.cluster_id "
            f"ORDER BY cluster, ma_ban_ghi) TO '{out.as_posix()}' (HEADER, DELIMITER ',')"
        )
    return int(con.execute("SELECT count(DISTINCT cluster_id) FROM clusters").fetchone()[0])


@transaction.atomic
def store_pairs(con: Any) -> int:
    """Edges become open ``DuplicatePair`` rows; open ones are refreshed, decided ones left alone."""
    from ansinh.registry.dedup.models import DuplicatePair, PairStatus

    names = [c["name"] for c in model_settings.definition()["comparisons"]]
    cols = ", ".join(f"w_{n}" for n in names)
    rows = con.execute(
        f"SELECT unique_id_l, unique_id_r, match_probability, match_weight, commune_id_l, province_code_l, {cols} FROM edges"
    ).fetchall()
    now = timezone.now()
    existing: dict[tuple[int, int], DuplicatePair] = {}
    ids = sorted({r[0] for r in rows})
    for i in range(0, len(ids), 5000):
        for pair in DuplicatePair.objects.filter(person_a_id__in=ids[i:i + 5000]):
            existing[(pair.person_a_id, pair.person_b_id)] = pair
    new: list[DuplicatePair] = []
    refreshed: list[DuplicatePair] = []
    for a, b, p, w, commune_id, province, *ws in rows:
        weights = {n: round(x, 2) if x is not None and math.isfinite(x) else None for n, x in zip(names, ws, strict=True)}
        found = existing.get((a, b))
        if found is None:
            new.append(DuplicatePair(person_a_id=a, person_b_id=b, commune_id=commune_id, province_code=province or "",
                                     match_probability=p, match_weight=w, weights=weights, found_at=now))
        elif found.status == PairStatus.OPEN:
            found.match_probability, found.match_weight, found.weights, found.found_at = p, w, weights, now
            refreshed.append(found)
    DuplicatePair.objects.bulk_create(new, batch_size=2000)
    DuplicatePair.objects.bulk_update(refreshed, ["match_probability", "match_weight", "weights", "found_at"], batch_size=2000)
    return len(new) + len(refreshed)
