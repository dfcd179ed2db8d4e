# Agencies get a folded search key (geo.search: one diacritic-folded picker search for units and agencies).

from typing import Any

from django.db import migrations, models


def fill_keys(apps: Any, schema_editor: Any) -> None:
    from ansinh.geo.models import agency_key

    Agency = apps.get_model("geo", "Agency")
    batch = []
    for agency in Agency.objects.only("pk", "name", "short_name").iterator(chunk_size=2000):
        agency.name_key = agency_key(agency.name, agency.short_name)
        batch.append(agency)
        if len(batch) >= 2000:
            Agency.objects.bulk_update(batch, ["name_key"])
            batch = []
    Agency.objects.bulk_update(batch, ["name_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("geo", "0001_units_agencies_crosswalks"),
    ]

    operations = [
        migrations.AddField(
            model_name="agency",
            name="name_key",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=400, verbose_name="khóa tìm kiếm"),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
