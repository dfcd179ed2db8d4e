"""Registry codes ("mã số an sinh"): random, opaque, with a check character, never reused.

A code is ``AS`` + 10 random Crockford base-32 characters + 1 check character (ISO 7064-style
mod 37, with Crockford's own check symbols ``*~$=U`` for the values 32–36), 13 characters in all,
e.g. ``AS7K3QX9MZ2W*``. Dashes and spaces are ignored when a code is typed. Nothing in it derives
from personal data; no official format exists, so this one imitates none. A code in use is unique
on ``Person``; a purged person's code moves to ``registry.RetiredCode`` (never deleted), and new
codes are checked against both, so no code is ever issued twice.
"""

from __future__ import annotations

import base64
import os
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U
CHECK_ALPHABET = ALPHABET + "*~$=U"  # Crockford's check symbols for values 32–36
PREFIX = "AS"
BODY_LENGTH = 10
LENGTH = len(PREFIX) + BODY_LENGTH + 1
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# Crockford decoding aliases: O→0, I/L→1.
_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def check_char(body: str) -> str:
    """The mod-37 check character of a Crockford base-32 ``body``."""
    total = 0
    for ch in body:
        total = (total * 32 + _VALUE[ch]) % 37
    return CHECK_ALPHABET[total]


def new_code() -> str:
    """A fresh random code (uniqueness is the caller's job: see ``allocate_codes``)."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return PREFIX + body + check_char(body)


def normalise(text: str) -> str:
    """Upper case, no spaces or dashes, Crockford aliases folded."""
    return text.strip().upper().replace("-", "").replace(" ", "").translate(_ALIASES)


def is_valid(code: str) -> bool:
    """True if ``code`` has the prefix, the length, the alphabet and a matching check character."""
    code = normalise(code)
    if len(code) != LENGTH or not code.startswith(PREFIX):
        return False
    body, check = code[len(PREFIX) : -1], code[-1]
    if any(ch not in _VALUE for ch in body):
        return False
    return check_char(body) == check


def looks_like_code(text: str) -> bool:
    return is_valid(text)


_STD32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_TO_CROCKFORD = bytes.maketrans(_STD32, ALPHABET.encode())
_TO_PYTHON32 = str.maketrans(ALPHABET, "0123456789abcdefghijklmnopqrstuv")


def new_codes(n: int) -> list[str]:
    """``n`` fresh random codes at once (fast: one ``urandom`` call, C-level translation)."""
    if n <= 0:
        return []
    chars = BODY_LENGTH * n
    nbytes = -(-chars * 5 // 8)
    nbytes += -nbytes % 5  # whole base-32 groups: no padding
    blob = base64.b32encode(os.urandom(nbytes)).translate(_TO_CROCKFORD).decode("ascii")
    out = []
    for i in range(0, chars, BODY_LENGTH):
        body = blob[i : i + BODY_LENGTH]
        out.append(PREFIX + body + CHECK_ALPHABET[int(body.translate(_TO_PYTHON32), 32) % 37])
    return out
