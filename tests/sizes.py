"""How big the costly tests are: quick sizes by default, the full sizes with ``ANSINH_TESTS_THOROUGH=1``.

The quick sizes keep every assertion and every path the full size reaches (e.g. an import still spans
several chunks); the thorough run is for a release or a change to the code those tests guard.
"""

from __future__ import annotations

import os

THOROUGH = os.environ.get("ANSINH_TESTS_THOROUGH", "").strip().lower() not in ("", "0", "false", "no")


def size(quick: int, thorough: int) -> int:
    """``thorough`` when ``ANSINH_TESTS_THOROUGH=1``, else ``quick``."""
    return thorough if THOROUGH else quick
