"""The base of every refusal shown to a person: a Vietnamese ``message`` (no Django here)."""

from __future__ import annotations


class UserError(Exception):
    """An action or an input was refused; ``message`` is Vietnamese, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
