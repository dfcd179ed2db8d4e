"""Memberships read from an import have an unknown start; deaths already recorded end memberships."""

import datetime as dt
from typing import Any

from django.db import migrations, models


def forwards(apps: Any, schema_editor: Any) -> None:
    Membership = apps.get_model("registry", "Membership")
    # rows not opened by a change request came from an import or the simulator: their start is unknown
    Membership.objects.filter(change_request__isnull=True).update(start_known=False)
    # a death recorded before this migration left the person's memberships open: end them on the death day
    for member in Membership.objects.filter(valid_to__isnull=True, person__alive=False, person__death_date__isnull=False).select_related("person"):
        death, birth = member.person.death_date, member.person.birth_date
        if not member.start_known and member.valid_from >= death:
            member.valid_from = birth if birth is not None and birth < death else dt.date(1900, 1, 1)
        if member.valid_from < death:
            member.valid_to = death
            member.save(update_fields=["valid_from", "valid_to"])


class Migration(migrations.Migration):

    dependencies = [
        ("registry", "0005_quality_snapshots_daily"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="start_known",
            field=models.BooleanField(default=True, verbose_name="biết ngày vào hộ"),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
