"""Registry fixtures: a small file writer and the officers of tests/conftest.py.

- ``officer_a`` (commune officer of ward_a 26740) may import, read and change ward_a's persons;
- ``officer_a2`` is a second officer of ward_a, who approves what officer_a files;
- ``officer_b`` (ward_b) must not see ward_a's persons; ``hcm_standing`` reads HCMC masked;
  ``supervisor`` sees counts only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import time_machine

HEADER = ["ma_ban_ghi", "ma_ho", "ma_xa", "khu_vuc", "dia_chi", "ho_ten", "ngay_sinh", "gioi_tinh", "so_dinh_danh", "quan_he", "dan_toc", "so_dien_thoai"]
FAMILY = [
    ["R1", "H1", "26740", "thanh_thi", "12 Lê Lợi", "Nguyễn Văn An", "1970-03-04", "Nam", "079070012345", "Chủ hộ", "Kinh", "0901234567"],
    ["R2", "H1", "26740", "thanh_thi", "12 Lê Lợi", "Trần Thị Bích", "12/05/1972", "Nữ", "079172012346", "Vợ", "Kinh", ""],
    ["R3", "H1", "26740", "thanh_thi", "12 Lê Lợi", "Nguyễn Thị Cúc", "2001", "Nữ", "", "Con", "Kinh", ""],
    ["R4", "H2", "26740", "thanh_thi", "5 Hàm Nghi", "Lê Văn Dũng", "1958-01-01", "Nam", "079058000111", "Chủ hộ", "Hoa", "+84 912 345 678"],
]


def csv_bytes(rows: list[list[str]], header: list[str] | None = None, encoding: str = "utf-8") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header or HEADER)
    writer.writerows(rows)
    text = buf.getvalue()
    if encoding == "cp1258":
        from ansinh.documents.formats.plaintext import encode_cp1258

        return encode_cp1258(text)
    return text.encode(encoding)


@pytest.fixture
def frozen_day() -> Any:
    """02/12/2026, 09:00 in Vietnam, time standing still (the registry tests' day)."""
    with time_machine.travel(dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def family(ward_a: Any, ward_b: Any, write_csv: Any) -> dict[str, Any]:
    """The four persons of ``FAMILY`` (two households of ward_a), imported, by record code."""
    from ansinh.registry.importer import import_file
    from ansinh.registry.models import Person

    import_file(write_csv(FAMILY))
    return {p.ma_ban_ghi: p for p in Person.objects.all()}


@pytest.fixture
def write_csv(tmp_path: Path) -> Any:
    def write(rows: list[list[str]], name: str = "ho.csv", **kwargs: Any) -> Path:
        path = tmp_path / name
        path.write_bytes(csv_bytes(rows, **kwargs))
        return path

    return write


@pytest.fixture
def officer_a2(django_user_model: Any, ward_a: Any) -> Any:
    from tests.conftest import _officer

    return _officer(django_user_model, "officer_a2", "Hồ Thị Duyệt", "commune", ward_a)
