"""One SQLite database migrated by ``ansinh migrate`` for the whole run, copied into the data directories of
tests that start ``ansinh serve`` or a bench instead of migrating a fresh database each time (≈ 4 CPU s each).

The first xdist worker that needs it makes it under the run's shared temporary directory (a file lock keeps
the others waiting); it is always SQLite, whatever ``DATABASE_URL`` says, as the tests using it are.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

NAME = "ansinh.sqlite3"


def make_template(root: Path) -> Path:
    """The migrated database under ``root`` (shared by the xdist workers), made once."""
    folder = root / "migrated-sqlite"
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / NAME
    with (root / "migrated-sqlite.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "done").exists():
            env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
            env["ANSINH_DATA_DIR"] = str(folder)
            subprocess.run([sys.executable, "-m", "ansinh", "migrate", "-v", "0"], env=env, check=True, timeout=600)
            with closing(sqlite3.connect(database)) as db:  # one file, no WAL beside it: a plain copy is whole
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.execute("PRAGMA journal_mode=DELETE")
            (folder / "done").touch()
    return database


def copy_into(template: Path, data_dir: Path, name: str = NAME) -> Path:
    """A private copy of the migrated database at ``data_dir/name``."""
    data_dir.mkdir(parents=True, exist_ok=True)
    target = data_dir / name
    shutil.copyfile(template, target)
    return target
