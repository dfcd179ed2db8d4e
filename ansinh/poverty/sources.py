"""Registry sources this app offers to reporting (registered in ``PovertyConfig.ready``)."""

from __future__ import annotations


def register() -> None:
    return None
