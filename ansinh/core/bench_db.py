"""A scratch database for the ``ansinh bench …`` commands that measure inside this process.

The default connection is pointed at a fresh SQLite file under ``ANSINH_DATA_DIR`` (``bench-NAME.sqlite3``)
or, when ``DATABASE_URL`` names PostgreSQL, at a fresh database ``<name>_bench_NAME``; it is migrated, used,
and dropped afterwards unless ``keep``. The configured database is never touched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

Write = Callable[[str], None]
ALIAS = "default"


def _remove_sqlite(path: Path) -> None:
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()


@contextmanager
def scratch_database(write: Write, keep: bool, name: str, reuse: bool = False) -> Iterator[str]:
    """Point the default connection at scratch database ``name`` for the duration of the run.

    ``reuse`` keeps what a previous ``keep`` run left (SQLite file or PostgreSQL database) instead of
    recreating it; the caller then skips loading.
    """
    original = dict(connections.settings[ALIAS])
    connections[ALIAS].close()
    config = dict(original)
    if original["ENGINE"].endswith("sqlite3"):
        path = Path(settings.DATA_DIR) / f"bench-{name}.sqlite3"
        if not reuse:
            _remove_sqlite(path)
        config["NAME"] = str(path)
        label = f"sqlite:{path}"
    else:
        db_name = f"{original['NAME']}_bench_{name}"
        if not reuse:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{db_name}"')
                cursor.execute(f'CREATE DATABASE "{db_name}"')
        connections[ALIAS].close()
        config["NAME"] = db_name
        label = f"postgresql:{db_name}"
    connections.settings[ALIAS] = config
    del connections[ALIAS]
    write(f"Cơ sở dữ liệu tạm: {label}")
    try:
        call_command("migrate", verbosity=0, interactive=False)
        yield label
    finally:
        connections[ALIAS].close()
        connections.settings[ALIAS] = original
        del connections[ALIAS]
        if not keep:
            if label.startswith("sqlite:"):
                _remove_sqlite(Path(config["NAME"]))
            else:
                with connection.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{config["NAME"]}"')
