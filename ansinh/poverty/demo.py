"""Demo step: a completed 2025 review in the three simulated wards and a 2026 round in progress.

Runs once (a ward that already has its 2025 round is left alone). About one household in twelve
is listed (as an applicant or flagged by data), given a simulated income and deprivations, and
classified set-based by NĐ 07/2021; the village meeting, posting (21–27/10/2025) and recognition
(30/10/2025, signed by the ward's demo chairman «chu_tich_<code>», the authority the data names) go through the audited actions.
In Phường Sài Gòn a 2026 round is then opened (step 1 lists the 2025 poor and near-poor) and half
of its households surveyed. Every round is marked simulated.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from ansinh.accounts.models import RoleAssignment, User
from ansinh.geo.models import AdministrativeUnit
from ansinh.poverty import actions
from ansinh.poverty.bulk import classify_entries
from ansinh.poverty.models import ReviewEntry, ReviewRound
from ansinh.poverty.standards import load_standards, national_for_year
from ansinh.registry.models import Household
from ansinh.registry.simulate import DEMO_COMMUNES

SEED = 2025
D = dt.date


def _income(rng: random.Random) -> int:
    return int(rng.lognormvariate(14.75, 0.45)) // 1000 * 1000  # median ≈ 2.5 million đồng


def _survey(entries: list[ReviewEntry], rng: random.Random, day: dt.date) -> None:
    for entry in entries:
        count = min(12, int(rng.expovariate(0.6)))
        entry.income, entry.deprivations, entry.deprivation_mask = _income(rng), count, (1 << count) - 1
        entry.surveyed_on = day
    ReviewEntry.objects.bulk_update(entries, ["income", "deprivations", "deprivation_mask", "surveyed_on"])


def _chairman(ward: AdministrativeUnit, write: Callable[[str], None]) -> User:
    """The ward's demo chairman (role CHAIRMAN): the competent authority who signs the 2025 recognition."""
    from ansinh.accounts.actions import do_create_user
    from ansinh.core.demo import demo_password

    username = f"chu_tich_{ward.code}"
    user = User.objects.filter(username=username).first()
    if user is None:
        user = do_create_user(None, username, demo_password(), RoleAssignment.Role.CHAIRMAN,
                              full_name=f"Chủ tịch UBND {ward.name} (demo)", unit=ward)
        write(f"  «{username}»: {RoleAssignment.Role.CHAIRMAN.label} tại {ward.name}")
    return user


def load(write: Callable[[str], None]) -> None:
    load_standards()
    rng = random.Random(SEED)
    standard = national_for_year(2025)
    for code in DEMO_COMMUNES:
        ward = AdministrativeUnit.objects.in_force(code)
        if ward is None or ReviewRound.objects.filter(commune=ward, year=2025).exists():
            continue
        round_ = actions.do_start_round(None, ward, 2025, standard, simulated=True)
        households = list(Household.objects.filter(commune=ward, deleted_at__isnull=True).order_by("pk").values_list("pk", "area"))
        # do_start_round may already list households flagged by data (a birth, a death in the year)
        listed = set(ReviewEntry.objects.filter(round=round_).values_list("household_id", flat=True))
        chosen = [h for h in households if rng.random() < 1 / 12 and h[0] not in listed]
        ReviewEntry.objects.bulk_create(
            ReviewEntry(round=round_, household_id=pk, listed_because=ReviewEntry.Listed.APPLIED, area=area, persons=rng.randint(1, 6),
                        ethnic_group=rng.choice(["Kinh"] * 12 + ["Hoa", "Khmer"]))
            for pk, area in chosen
        )
        _survey(list(ReviewEntry.objects.filter(round=round_)), rng, D(2025, 10, 6))
        counts = classify_entries([round_.pk], standard)
        ReviewRound.objects.filter(pk=round_.pk).update(step=ReviewRound.Step.SURVEY)
        round_.refresh_from_db()
        actions.do_record_meeting(None, round_, D(2025, 10, 18), "Họp dân các khu phố (mô phỏng): thống nhất kết quả phân loại.")
        round_.refresh_from_db()
        actions.do_post_list(None, round_, D(2025, 10, 21), D(2025, 10, 27), "Trụ sở Ủy ban nhân dân phường và nhà văn hóa khu phố")
        round_.refresh_from_db()
        chairman = _chairman(ward, write)
        recognised = actions.do_recognise(chairman, round_, D(2025, 10, 30), f"QĐ {rng.randint(100, 999)}/QĐ-UBND (mô phỏng)")
        write(f"  {ward.name}: rà soát 2025 đã công nhận {recognised} hộ (nghèo {counts.get('ngheo', 0)}, cận nghèo {counts.get('can_ngheo', 0)})")
    ward = AdministrativeUnit.objects.in_force(DEMO_COMMUNES[0])
    if ward is not None and not ReviewRound.objects.filter(commune=ward, year=2026).exists():
        round_ = actions.do_start_round(None, ward, 2026, simulated=True)
        entries = list(ReviewEntry.objects.filter(round=round_).order_by("pk"))
        half = entries[: len(entries) // 2]
        _survey(half, rng, D(2026, 10, 5))
        classify_entries([round_.pk], round_.standard)
        ReviewRound.objects.filter(pk=round_.pk).update(step=ReviewRound.Step.SURVEY)
        write(f"  {ward.name}: rà soát 2026 đang làm, đã khảo sát {len(half)}/{len(entries)} hộ")
    _propose(write)


def _propose(write: Callable[[str], None]) -> None:
    """Proposals (the recognised poverty rate) on the wards' open 2025 reports of plans that target it."""
    from ansinh.reporting import sources
    from ansinh.reporting.models import Submission

    opened = Submission.objects.filter(unit__code__in=DEMO_COMMUNES, cycle__year=2025).select_related("cycle", "unit")
    for submission in opened:
        sources.propose_values(submission)
    write(f"  đề xuất tỷ lệ hộ nghèo từ kết quả rà soát cho {opened.count()} báo cáo năm 2025 của các phường")
