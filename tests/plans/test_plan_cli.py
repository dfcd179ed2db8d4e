"""``ansinh plan parse|import|list``: good input, and bad input that fails cleanly."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from ansinh.core.models import AuditEvent
from ansinh.documents.models import SourceDocument
from ansinh.plans.models import Plan

SAMPLES = Path(__file__).resolve().parents[2] / "ansinh" / "samples"
MINI_PLAN = """ỦY BAN NHÂN DÂN
XÃ AN BÌNH
Số: 15/KH-UBND
An Bình, ngày 10 tháng 3 năm 2024

KẾ HOẠCH
Thực hiện chính sách xã hội trên địa bàn xã

I. MỤC TIÊU
Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm còn dưới 1%; tỷ lệ người dân tham gia bảo hiểm y tế đạt trên 95%.

II. NHIỆM VỤ, GIẢI PHÁP
1. Rà soát hộ nghèo, hộ cận nghèo hằng năm
2. Tuyên truyền chính sách bảo hiểm y tế

III. TỔ CHỨC THỰC HIỆN
Định kỳ hằng năm, các đơn vị báo cáo kết quả về Ủy ban nhân dân xã trước ngày 15/11.
"""


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("plan", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach-xa.txt"
    path.write_text(MINI_PLAN, encoding="utf-8")
    return path


def test_parse_prints_schema_json_with_targets(mini: Path) -> None:
    code, out, _ = run("parse", str(mini))
    data = json.loads(out)
    assert code == 0 and data["meta"]["number"] == "15/KH-UBND"
    assert {t["value"] for t in data["targets"]} >= {1, 95}


def test_parse_as_text_prints_a_vietnamese_summary(mini: Path) -> None:
    code, out, _ = run("parse", str(mini), "--format", "text")
    assert code == 0 and "15/KH-UBND" in out


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Encode as Windows-1258 does: vowel letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        out.append(unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES)) + tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encoding", ["utf-16", "cp1258"])
def test_parse_decodes_legacy_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "cu.txt"
    path.write_bytes(windows_1258(MINI_PLAN) if encoding == "cp1258" else MINI_PLAN.encode(encoding))
    code, out, _ = run("parse", str(path))
    assert code == 0 and json.loads(out)["meta"]["number"] == "15/KH-UBND"


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    garbage = tmp_path / "rac.txt"
    garbage.write_bytes(bytes(range(256)) * 64)
    huge = tmp_path / "lon.txt"
    with huge.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    return {"missing": tmp_path / "khong-co.txt", "directory": tmp_path, "empty": empty, "garbage": garbage, "huge": huge}


@pytest.mark.parametrize("kind", ["missing", "directory", "empty", "garbage", "huge"])
def test_parse_refuses_bad_input_with_a_vietnamese_message(tmp_path: Path, kind: str) -> None:
    code, out, err = run("parse", str(_bad_inputs(tmp_path)[kind]))
    assert code == 1 and out == ""
    assert err.startswith("Lỗi: ") and "Traceback" not in err


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["missing", "empty", "garbage", "huge"])
def test_import_of_a_bad_file_stores_nothing(tmp_path: Path, kind: str) -> None:
    code, _, err = run("import", str(_bad_inputs(tmp_path)[kind]))
    assert code == 1 and "không được lưu" in err
    assert Plan.objects.count() == 0 and SourceDocument.objects.count() == 0


@pytest.mark.django_db
def test_import_keeps_good_files_when_one_file_in_the_batch_is_bad(tmp_path: Path, mini: Path) -> None:
    code, out, _ = run("import", str(mini), str(tmp_path / "khong-co.txt"))
    assert code == 1 and "Đã nhập ke-hoach-xa.txt" in out
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_import_then_list_as_json(mini: Path) -> None:
    assert run("import", str(mini))[0] == 0
    code, out, _ = run("list", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1
    row: dict[str, Any] = rows[0]
    assert {"id", "number", "title", "issuer", "level", "status", "targets", "tasks"} <= row.keys()
    assert row["number"] == "15/KH-UBND" and row["status"] == "draft" and row["targets"] >= 2
    assert AuditEvent.objects.filter(action="plan.import").count() == 1


@pytest.mark.django_db
def test_import_with_skip_existing_is_idempotent(mini: Path) -> None:
    run("import", "--skip-existing", str(mini))
    run("import", "--skip-existing", str(mini))
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_approve_refuses_an_unknown_plan() -> None:
    code, _, err = run("approve", "999")
    assert code == 1 and "Không có kế hoạch #999" in err



@pytest.mark.django_db
@pytest.mark.parametrize("args", [("approve", "abc"), ("export", "1a", "--out", "x.json")])
def test_a_plan_id_that_is_not_a_number_is_refused_in_vietnamese(args: tuple[str, ...]) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="mã kế hoạch phải là số nguyên"):
        run(*args)
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_export_to_a_folder_or_a_missing_folder_is_refused_in_vietnamese(tmp_path: Path, mini: Path) -> None:
    run("import", str(mini))
    plan = Plan.objects.get()
    code, _, err = run("export", str(plan.pk), "--out", str(tmp_path))
    assert code == 1 and "là một thư mục" in err
    code, _, err = run("export", str(plan.pk), "--out", str(tmp_path / "khong-co" / "x.json"))
    assert code == 1 and "không tồn tại" in err
    assert list(tmp_path.iterdir()) == [mini]

def test_the_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "ANSINH_DATA_DIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-m", "ansinh", "plan", "parse", str(tmp_path / "khong-co.txt")],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("Lỗi: ") and "Traceback" not in proc.stderr


def test_all_bundled_samples_parse() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        code, out, _ = run("parse", str(path))
        assert code == 0, path.name
        assert json.loads(out)["tasks"], path.name


@pytest.mark.django_db
def test_what_the_reader_warned_of_is_printed_by_parse_and_import(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from ansinh.documents import actions
    from ansinh.documents.formats import ReadResult, read_document

    def read_with_a_warning(path: Path, **kwargs: Any) -> ReadResult:
        return replace(read_document(path), warnings=["Trang 2: không đọc được chữ."])

    monkeypatch.setattr(actions, "read_document", read_with_a_warning)
    code, out, err = run("parse", str(mini))
    assert code == 0 and json.loads(out)["meta"]["number"] == "15/KH-UBND"
    assert "Lưu ý: Trang 2: không đọc được chữ." in err
    code, out, err = run("import", str(mini))
    assert code == 0 and "Đã nhập ke-hoach-xa.txt" in out
    assert "Lưu ý: ke-hoach-xa.txt: Trang 2: không đọc được chữ." in err
