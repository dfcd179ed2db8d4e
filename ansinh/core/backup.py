"""Backups: one ``.tar.gz`` holding the database and the uploaded files, and its restore.

The archive holds ``manifest.json`` (engine, moment, ansinh version, last migration of each app),
``database.sqlite3`` (SQLite's online backup API: a consistent copy while the site keeps running) or
``database.pgdump`` (``pg_dump --format=custom`` on PostgreSQL), and ``uploads/`` (attachments and
source documents; temporary files left out). The secret key is not in it: keep it apart.
Restoring replaces the database with the archive's and writes the uploads back.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

from ansinh.core.errors import UserError

FORMAT = 1
PREFIX = "ansinh-"
SUFFIX = ".tar.gz"
SKIPPED_UPLOADS = {"tmp"}


class BackupError(UserError):
    """A backup or restore that cannot be done; the message says why in Vietnamese."""


@dataclass
class Manifest:
    engine: str
    created: str
    version: str
    migrations: dict[str, str]

    def as_json(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=1).encode()


def _engine() -> str:
    return "sqlite" if connection.vendor == "sqlite" else "postgresql"


def _migrations() -> dict[str, str]:
    from django.db.migrations.recorder import MigrationRecorder

    last: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).migration_qs.order_by("app", "name").values_list("app", "name"):
        last[app] = name
    return last


def default_path(now: dt.datetime | None = None) -> Path:
    moment = timezone.localtime(now or timezone.now())
    return Path(settings.DATA_DIR) / "backups" / f"{PREFIX}{moment:%Y%m%d-%H%M%S}{SUFFIX}"


def _pg_env() -> tuple[list[str], dict[str, str]]:
    db = settings.DATABASES["default"]
    args = ["--dbname", str(db["NAME"])]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"Không tìm thấy chương trình {command[0]} (gói postgresql-client) để {what}.")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise BackupError(f"{command[0]} không {what} được: {detail[-1] if detail else 'lỗi không rõ'}")


def _dump_database(folder: Path) -> Path:
    if _engine() == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        live: sqlite3.Connection = connection.connection
        with sqlite3.connect(target) as copy:
            live.backup(copy)
        copy.close()
        return target
    target = folder / "database.pgdump"
    args, env = _pg_env()
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args], env, "sao lưu")
    return target


def _add_uploads(archive: tarfile.TarFile) -> int:
    root = Path(settings.MEDIA_ROOT)
    count = 0
    if not root.is_dir():
        return 0
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] in SKIPPED_UPLOADS or not path.is_file() or path.is_symlink():
            continue
        archive.add(path, arcname=f"uploads/{relative.as_posix()}", recursive=False)
        count += 1
    return count


def do_backup(out: Path | None = None) -> tuple[Path, int]:
    """Write the archive (atomically: a partial file never carries the final name); (path, files)."""
    from ansinh import __version__

    out = (out or default_path()).expanduser().resolve()
    if out.exists() and out.is_dir():
        raise BackupError(f"«{out}» là một thư mục; hãy cho tên tệp, ví dụ {out / default_path().name}.")
    out.parent.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(_engine(), timezone.now().isoformat(), __version__, _migrations())
    with tempfile.TemporaryDirectory(prefix="sao-luu-", dir=out.parent) as tmp:
        dump = _dump_database(Path(tmp))
        partial = Path(tmp) / out.name
        with tarfile.open(partial, "w:gz") as archive:
            info = tarfile.TarInfo("manifest.json")
            data = manifest.as_json()
            info.size, info.mtime = len(data), int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            files = _add_uploads(archive)
        partial.chmod(0o600)  # personal data: only the owner reads it
        os.replace(partial, out)
    return out, files


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` archives named ``ansinh-*.tar.gz`` in ``folder``."""
    archives = sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), key=lambda p: p.name, reverse=True)
    removed = archives[keep:]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def read_manifest(archive: tarfile.TarFile, name: str) -> Manifest:
    try:
        member = archive.extractfile("manifest.json")
        data: dict[str, Any] = json.loads(member.read()) if member else {}
        return Manifest(data["engine"], data["created"], data["version"], dict(data["migrations"]))
    except (KeyError, ValueError, TypeError):
        raise BackupError(f"«{name}» không phải bản sao lưu của ansinh (thiếu hoặc hỏng manifest.json).") from None


def _safe_members(archive: tarfile.TarFile, name: str) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        parts = Path(member.name).parts
        if member.name.startswith("/") or ".." in parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"«{name}» chứa đường dẫn không hợp lệ ({member.name}); không khôi phục.")
    return members


def do_restore(path: Path) -> Manifest:
    """Replace the database and write back the uploads from ``path``; the archive's manifest."""
    name = path.name
    if not path.is_file():
        raise BackupError(f"Không có tệp «{path}».")
    try:
        archive = tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError, EOFError):
        raise BackupError(f"«{name}» không phải tệp .tar.gz đọc được.") from None
    with archive, tempfile.TemporaryDirectory(prefix="khoi-phuc-") as tmp:
        manifest = read_manifest(archive, name)
        if manifest.engine != _engine():
            here = "SQLite" if _engine() == "sqlite" else "PostgreSQL"
            raise BackupError(f"«{name}» là bản sao lưu {manifest.engine}, còn cơ sở dữ liệu đang dùng là {here}.")
        members = _safe_members(archive, name)
        try:
            archive.extractall(tmp, members=members, filter="data")
        except (tarfile.TarError, OSError, EOFError):
            raise BackupError(f"«{name}» bị hỏng, không giải nén được.") from None
        folder = Path(tmp)
        if manifest.engine == "sqlite":
            _restore_sqlite(folder / "database.sqlite3", name)
        else:
            _restore_postgresql(folder / "database.pgdump", name)
        uploads = folder / "uploads"
        if uploads.is_dir():
            shutil.copytree(uploads, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)
    return manifest


def _restore_sqlite(source: Path, name: str) -> None:
    if not source.is_file():
        raise BackupError(f"«{name}» không có tệp cơ sở dữ liệu database.sqlite3.")
    with sqlite3.connect(source) as copy:
        try:
            ok = copy.execute("PRAGMA integrity_check").fetchone()
        except sqlite3.DatabaseError:
            ok = None
        if not ok or ok[0] != "ok":
            raise BackupError(f"Cơ sở dữ liệu trong «{name}» bị hỏng (PRAGMA integrity_check); không khôi phục.")
        connection.ensure_connection()
        live: sqlite3.Connection = connection.connection
        copy.backup(live)
    copy.close()


def _restore_postgresql(source: Path, name: str) -> None:
    if not source.is_file():
        raise BackupError(f"«{name}» không có tệp cơ sở dữ liệu database.pgdump.")
    args, env = _pg_env()
    connections.close_all()
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", *args, str(source)],
        env,
        "khôi phục",
    )
