"""``ansinh backup`` and ``ansinh restore``: a round trip keeps the data and the uploads; bad files change nothing."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

from ansinh.accounts.models import User
from ansinh.core.backup import prune
from tests.commands import run_command

pytestmark = pytest.mark.django_db(transaction=True)


def _upload(name: str, data: bytes) -> Path:
    path = Path(settings.MEDIA_ROOT) / "backup-test" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_backup_restored_brings_back_the_rows_and_the_uploads(tmp_path: Path, django_user_model: Any) -> None:
    django_user_model.objects.create(username="truoc_sao_luu", full_name="Lê Thị Hoa")
    upload = _upload("bien-ban.pdf", b"%PDF-1.4 bien ban")
    scratch = _upload("../tmp/tam.pdf", b"tam")
    out = tmp_path / "sao-luu.tar.gz"
    code, text, _ = run_command("backup", "--out", str(out))
    assert code == 0 and "Đã sao lưu vào" in text and out.stat().st_mode & 0o077 == 0
    with tarfile.open(out) as archive:
        names = archive.getnames()
    assert "manifest.json" in names and "uploads/backup-test/bien-ban.pdf" in names
    assert not any(n.startswith("uploads/tmp/") for n in names)

    django_user_model.objects.create(username="sau_sao_luu")
    User.objects.filter(username="truoc_sao_luu").delete()
    upload.unlink()
    code, text, _ = run_command("restore", str(out), "--yes")
    assert code == 0 and "Đã khôi phục" in text
    names_now = set(User.objects.values_list("username", flat=True))
    assert "truoc_sao_luu" in names_now and "sau_sao_luu" not in names_now
    assert User.objects.get(username="truoc_sao_luu").full_name == "Lê Thị Hoa"
    assert upload.read_bytes() == b"%PDF-1.4 bien ban"
    scratch.unlink()


def test_restore_asks_for_confirmation_and_changes_nothing_without_it(tmp_path: Path) -> None:
    code, _, err = run_command("restore", str(tmp_path / "khong-co.tar.gz"))
    assert code == 1 and "--yes" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Không có tệp"),
        (b"khong phai tar", "không phải tệp .tar.gz"),
        ({"ghi-chu.txt": b"x"}, "không phải bản sao lưu của ansinh"),
        ({"manifest.json": b'{"engine": "oracle", "created": "", "version": "", "migrations": {}}'}, "bản sao lưu oracle"),
    ],
)
def test_a_bad_backup_file_is_refused_in_vietnamese_and_nothing_changes(
    tmp_path: Path, django_user_model: Any, content: Any, message: str
) -> None:
    django_user_model.objects.create(username="van_con")
    path = tmp_path / "hong.tar.gz"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, dict):
        with tarfile.open(path, "w:gz") as archive:
            for name, data in content.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    code, _, err = run_command("restore", str(path), "--yes")
    assert code == 1 and message in err and "Traceback" not in err
    assert User.objects.filter(username="van_con").exists()


def test_an_archive_that_escapes_its_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "leo-thu-muc.tar.gz"
    engine = "sqlite" if connection.vendor == "sqlite" else "postgresql"
    with tarfile.open(path, "w:gz") as archive:
        for name, data in (
            ("manifest.json", f'{{"engine": "{engine}", "created": "", "version": "", "migrations": {{}}}}'.encode()),
            ("../../etc/ansinh-thu", b"x"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    code, _, err = run_command("restore", str(path), "--yes")
    assert code == 1 and "đường dẫn không hợp lệ" in err


def test_keep_last_keeps_only_the_newest_archives(tmp_path: Path) -> None:
    for stamp in ("20260101-020000", "20260102-020000", "20260103-020000"):
        (tmp_path / f"ansinh-{stamp}.tar.gz").write_bytes(b"")
    (tmp_path / "khac.tar.gz").write_bytes(b"")
    removed = prune(tmp_path, 2)
    assert [p.name for p in removed] == ["ansinh-20260101-020000.tar.gz"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ansinh-20260102-020000.tar.gz", "ansinh-20260103-020000.tar.gz", "khac.tar.gz"
    ]
    code, _, err = run_command("backup", "--keep-last", "0", "--out", str(tmp_path / "x.tar.gz"))
    assert code == 1 and "--keep-last" in err
