"""A simulated population with known truth: second registrations with noise, and twins.

Rows come from ``registry.simulate.generate`` (import column order). With probability ``dup_rate``
a person is registered a second time, in another household record (a second programme's list),
with each kind of noise applied with probability ``noise``: name without diacritics, middle and
given name swapped, a one-letter typo, day and month swapped, ID missing or one digit off, phone
missing, moved to another commune. With probability ``twin_rate`` a child gets a twin: same
household, same birth date, a different given name, a separate ID. ``truth[ref]`` is the
entity of each record id (a second registration shares its original's entity).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from ansinh.lib.text import fold
from ansinh.registry.simulate import GIVEN_FEMALE, GIVEN_MALE, generate

# columns of tabular.COLUMNS used here
REF, HH, COMMUNE, NAME, BIRTH, SEX, PID, RELATION, PHONE = 0, 1, 2, 5, 6, 7, 8, 9, 11
_LETTERS = "abcdeghiklmnopqrstuvxy"


def _typo(rng: random.Random, name: str) -> str:
    words = name.split()
    i = rng.randrange(1, len(words)) if len(words) > 1 else 0
    word = words[i]
    j = rng.randrange(1, len(word)) if len(word) > 1 else 0  # keep the capital letter
    words[i] = word[:j] + rng.choice(_LETTERS) + word[j + 1:]
    return " ".join(words)


def _swap_day_month(birth: str) -> str:
    if "/" in birth:
        d, m, y = birth.split("/")
        return f"{m}/{d}/{y}" if int(d) <= 12 and d != m else birth
    if len(birth) == 10:
        y, m, d = birth.split("-")
        return f"{y}-{d}-{m}" if int(d) <= 12 and d != m else birth
    return birth


def _future(birth: str) -> bool:
    if "/" in birth:
        d, m, y = birth.split("/")
    elif len(birth) == 10:
        y, m, d = birth.split("-")
    else:
        return False
    return dt.date(int(y), int(m), int(d)) > dt.date.today()


def _one_digit_off(rng: random.Random, pid: str) -> str:
    i = rng.randrange(6, 12)
    return pid[:i] + str((int(pid[i]) + rng.randint(1, 9)) % 10) + pid[i + 1:]


def noisy_rows(
    households: int, communes: list[str], seed: int, noise: float, truth: dict[str, str],
    dup_rate: float = 0.05, twin_rate: float = 0.01,
) -> Iterator[list[str]]:
    rng = random.Random(seed * 7919 + 1)
    for row in generate(households, communes, seed):
        ref = row[REF]
        truth[ref] = ref
        yield row
        if row[RELATION] == "Con" and rng.random() < twin_rate:
            twin = list(row)
            given_pool = GIVEN_MALE if row[SEX] == "Nam" else GIVEN_FEMALE
            words = row[NAME].split()
            words[-1] = rng.choice([g for g in given_pool if fold(g) != fold(words[-1])])
            twin[REF], twin[NAME] = ref + "-T", " ".join(words)
            if row[PID]:
                twin[PID] = row[PID][:6] + f"{rng.randrange(1_000_000):06d}"
            truth[twin[REF]] = twin[REF]
            yield twin
        if rng.random() < dup_rate:
            dup = list(row)
            dup[REF] = ref + "-B"
            dup[HH] = "H" + ref + "-B"
            if rng.random() < noise:
                dup[NAME] = fold(dup[NAME]).title()
            if rng.random() < noise:
                words = dup[NAME].split()
                if len(words) >= 3:
                    words[-1], words[-2] = words[-2], words[-1]
                dup[NAME] = " ".join(words)
            if rng.random() < noise:
                dup[NAME] = _typo(rng, dup[NAME])
            if rng.random() < noise:
                swapped = _swap_day_month(dup[BIRTH])
                dup[BIRTH] = swapped if not _future(swapped) else dup[BIRTH]
            if dup[PID] and rng.random() < noise:
                dup[PID] = "" if rng.random() < 0.5 else _one_digit_off(rng, dup[PID])
            if rng.random() < noise:
                dup[PHONE] = ""
            if len(communes) > 1 and rng.random() < noise:
                dup[COMMUNE] = rng.choice([c for c in communes if c != row[COMMUNE]])
            dup[RELATION] = "Chủ hộ"
            truth[dup[REF]] = ref
            yield dup
