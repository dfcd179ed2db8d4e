"""Running a management command in a test: exit status, standard output and standard error."""

from __future__ import annotations

import io

from django.core.management import call_command


def run_command(name: str, *args: str) -> tuple[int, str, str]:
    """Run ``ansinh NAME ARGS…`` in-process; a refusal's exit status is returned, not raised."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command(name, *args, stdout=out, stderr=err)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()
