"""Demo step: units from ``vietnam-provinces``, typical HCMC agencies, the sample crosswalk."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from django.db import transaction

from ansinh.core.models import audit
from ansinh.geo.actions import do_import_crosswalk, do_load_units
from ansinh.geo.models import REFORM_DATE, AdministrativeUnit, Agency

HCMC_CODE = "79"
SAMPLE_CROSSWALK = Path(__file__).resolve().parent / "data" / "sample-crosswalk-hcmc.csv"
# The same city agencies as HCMC_AGENCIES, for loading from the command line.
SAMPLE_AGENCIES = Path(__file__).resolve().parent / "data" / "sample-agencies-hcmc.csv"
Kind = Agency.Kind

# (code suffix, name, short name, kind) of the city-level agencies the demo creates.
HCMC_AGENCIES: list[tuple[str, str, str, str]] = [
    ("UBND", "Ủy ban nhân dân Thành phố Hồ Chí Minh", "UBND Thành phố", Kind.PEOPLE_COMMITTEE),
    ("SNV", "Sở Nội vụ Thành phố Hồ Chí Minh", "Sở Nội vụ", Kind.DEPARTMENT),
    ("SYT", "Sở Y tế Thành phố Hồ Chí Minh", "Sở Y tế", Kind.DEPARTMENT),
    ("SGDDT", "Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh", "Sở GD&ĐT", Kind.DEPARTMENT),
    ("BHXH", "Bảo hiểm xã hội Thành phố Hồ Chí Minh", "BHXH Thành phố", Kind.SOCIAL_INSURANCE),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh", "Ủy ban MTTQ Thành phố", Kind.FATHERLAND_FRONT),
]


@transaction.atomic
def ensure_hcmc_agencies() -> int:
    """Create the city agencies and one UBND per HCMC commune; return how many were created."""
    city = AdministrativeUnit.objects.valid_on(REFORM_DATE).get(code=HCMC_CODE)
    existing = set(Agency.objects.filter(valid_from=REFORM_DATE).values_list("code", flat=True))
    new = [
        Agency(code=f"{HCMC_CODE}-{suffix}", name=name, short_name=short, kind=kind, unit=city, valid_from=REFORM_DATE)
        for suffix, name, short, kind in HCMC_AGENCIES
        if f"{HCMC_CODE}-{suffix}" not in existing
    ]
    for commune in AdministrativeUnit.objects.valid_on(REFORM_DATE).subtree(city, include_self=False):
        code = f"{commune.code}-UBND"
        if code not in existing:
            new.append(
                Agency(
                    code=code,
                    name=f"Ủy ban nhân dân {commune.name}",
                    short_name=f"UBND {commune.name}",
                    kind=Kind.PEOPLE_COMMITTEE,
                    unit=commune,
                    valid_from=REFORM_DATE,
                )
            )
    Agency.objects.bulk_create(new, batch_size=500)
    if new:
        audit(None, "geo.demo_agencies", object_type="geo.Agency", summary=f"Tạo {len(new)} cơ quan demo tại TP.HCM")
    return len(new)


def load(write: Callable[[str], None]) -> None:
    started = time.monotonic()
    units = do_load_units()
    created = ensure_hcmc_agencies()
    crosswalk = do_import_crosswalk(SAMPLE_CROSSWALK)
    write(
        f"  {units.total} đơn vị hành chính ({units.created} mới), {created} cơ quan mới, "
        f"bảng chuyển đổi minh họa: {crosswalk.created} dòng mới ({time.monotonic() - started:.1f} giây)"
    )
