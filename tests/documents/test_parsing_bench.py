"""The parse benchmark measures throughput and, given gold files, scores the extraction."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ansinh.documents import bench

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _options(*args: str) -> dict[str, object]:
    parser = argparse.ArgumentParser()
    bench.add_arguments(parser)
    return vars(parser.parse_args(list(args)))


def test_the_benchmark_reports_throughput_on_the_bundled_samples() -> None:
    lines: list[str] = []
    result = bench.run(_options("--repeat", "1"), lines.append)
    assert result["documents"] == 4
    assert float(result["mb_per_s"]) > 0  # type: ignore[arg-type]
    assert any("MB/s" in line for line in lines)


def test_the_benchmark_prints_one_json_object_with_scores() -> None:
    if not (SHARED / "gold").exists():
        return
    out = io.StringIO()
    call_command("bench", "parse", "--json", "--repeat", "1", "--gold", str(SHARED / "gold"),
                 "--docs", str(SHARED / "seeds"), stdout=out)
    data = json.loads(out.getvalue())  # exactly one JSON object: json.loads refuses anything after it
    assert data["scores"]["targets"]["f1"] >= 0.95


def test_with_json_the_benchmark_leaves_the_printing_to_the_command() -> None:
    lines: list[str] = []
    result = bench.run(_options("--json", "--repeat", "1"), lines.append)
    assert lines == [] and result["documents"] == 4


def test_a_missing_documents_folder_is_refused_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="không có thư mục văn bản"):
        call_command("bench", "parse", "--docs", str(tmp_path / "khong-co"), stdout=io.StringIO())


def test_a_missing_or_broken_gold_folder_is_refused_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="không có thư mục gold"):
        call_command("bench", "parse", "--gold", str(tmp_path / "khong-co"), "--repeat", "1", stdout=io.StringIO())
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "hcmc-plan-53.json").write_text("{ hỏng", encoding="utf-8")
    with pytest.raises(CommandError, match=r"tệp gold hcmc-plan-53\.json không phải JSON hợp lệ"):
        call_command("bench", "parse", "--gold", str(gold), "--repeat", "1", stdout=io.StringIO())


def test_the_benchmark_reads_a_docx_original_before_its_text_copy_and_names_gold_without_a_document(tmp_path: Path) -> None:
    import docx

    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "ke-hoach.txt").write_text("bản chữ không có nhiệm vụ\n", encoding="utf-8")
    document = docx.Document()
    for line in ("KẾ HOẠCH", "II. NHIỆM VỤ", "1. Rà soát hộ nghèo", "2. Cấp thẻ bảo hiểm y tế"):
        document.add_paragraph(line)
    document.save(str(docs / "ke-hoach.docx"))
    empty = {"meta": {}, "targets": [], "reporting": []}
    (gold / "ke-hoach.json").write_text(json.dumps({**empty, "doc": "ke-hoach", "tasks": [
        {"number": "II.1", "title": "Rà soát hộ nghèo", "lead": [], "coordinate": []},
        {"number": "II.2", "title": "Cấp thẻ bảo hiểm y tế", "lead": [], "coordinate": []},
    ]}), encoding="utf-8")
    (gold / "vang-mat.json").write_text(json.dumps({**empty, "doc": "vang-mat", "tasks": []}), encoding="utf-8")
    lines: list[str] = []
    result = bench.run(_options("--repeat", "1", "--docs", str(docs), "--gold", str(gold)), lines.append)
    assert result["documents"] == 1
    assert result["missing_documents"] == ["vang-mat"]
    assert any(line.startswith("Thiếu văn bản cho 1 tệp gold (không chấm): vang-mat") for line in lines)
    scores = result["scores"]
    assert isinstance(scores, dict) and scores["tasks"]["tp"] == 2


def test_the_benchmark_counts_header_fields_read_right_among_those_the_gold_gives(tmp_path: Path) -> None:
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "ke-hoach-xa.txt").write_text(
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ AN PHÚ\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 17/KH-UBND\tAn Phú, ngày 05 tháng 3 năm 2026\nKẾ HOẠCH\nChăm lo Tết cho hộ nghèo\n",
        encoding="utf-8",
    )
    meta = {"number": "17/KH-UBND", "date": "2026-03-06", "level": "commune", "issuer": "Ủy ban nhân dân xã An Phú"}
    (gold / "ke-hoach-xa.json").write_text(
        json.dumps({"doc": "ke-hoach-xa", "meta": meta, "targets": [], "tasks": [], "reporting": []}), encoding="utf-8"
    )
    lines: list[str] = []
    result = bench.run(_options("--repeat", "1", "--gold", str(gold), "--docs", str(docs)), lines.append)
    assert result["meta"] == {"number": {"right": 1, "gold": 1}, "date": {"right": 0, "gold": 1},
                              "level": {"right": 1, "gold": 1}}
    assert any("số 1/1, ngày 0/1, cấp 1/1" in line for line in lines)
    issuer = result["issuer_similarity"]
    assert isinstance(issuer, dict) and issuer["documents"] == 1 and issuer["mean"] > 0.5
