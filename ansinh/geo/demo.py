"""Demo step: units from ``vietnam-provinces``, typical HCMC agencies, the sample crosswalk."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from ansinh.geo.actions import (
    do_create_commune_committees,
    do_import_agencies,
    do_import_crosswalk,
    do_load_units,
)
from ansinh.geo.models import REFORM_DATE, AdministrativeUnit, Agency

HCMC_CODE = "79"
SAMPLE_CROSSWALK = Path(__file__).resolve().parent / "data" / "sample-crosswalk-hcmc.csv"
# The city agencies the demo loads (also loadable with «ansinh geo agencies import»).
SAMPLE_AGENCIES = Path(__file__).resolve().parent / "data" / "sample-agencies-hcmc.csv"
Kind = Agency.Kind

def ensure_hcmc_agencies() -> int:
    """The city agencies of the sample file and one UBND per HCMC commune; returns how many were created."""
    city = AdministrativeUnit.objects.valid_on(REFORM_DATE).get(code=HCMC_CODE)
    return do_import_agencies(SAMPLE_AGENCIES).created + do_create_commune_committees(city, REFORM_DATE)


def load(write: Callable[[str], None]) -> None:
    started = time.monotonic()
    units = do_load_units()
    created = ensure_hcmc_agencies()
    crosswalk = do_import_crosswalk(SAMPLE_CROSSWALK)
    write(
        f"  {units.total} đơn vị hành chính ({units.created} mới), {created} cơ quan mới, "
        f"bảng chuyển đổi minh họa: {crosswalk.created} dòng mới ({time.monotonic() - started:.1f} giây)"
    )
