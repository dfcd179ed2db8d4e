"""Gold export: a reviewed plan written back in the interchange format, valid against the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from django.core.management import call_command
from django.test import Client

from ansinh.plans.actions import do_import_plan
from ansinh.plans.gold import GoldError, export_gold, load_schema, plan_to_extraction, validate_extraction
from ansinh.plans.models import Plan, Target
from ansinh.plans.review import do_update_item
from tests.documents.test_upload_views import extractor  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db



def _schema() -> dict[str, Any]:
    schema = load_schema()
    assert schema is not None, "the interchange schema must ship with the package or be in /work/shared"
    return schema


def test_the_downloaded_gold_json_validates_and_carries_the_corrections(client: Client, bob: Any, plan: Plan, alice: Any) -> None:
    do_update_item(Target.objects.get(plan=plan), {"value": 0.9}, alice, milestones=[])
    client.force_login(bob)
    response = client.get(f"/ke-hoach/{plan.pk}/gold.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="mau.gold.json"'
    data = json.loads(response.content)
    jsonschema.validate(data, _schema())
    assert data["doc"] == "mau" and data["meta"]["number"] == "12/KH-UBND" and data["meta"]["level"] == "commune"
    assert data["targets"][0]["value"] == 0.9 and data["targets"][0]["milestones"] == []
    assert data["targets"][0]["span"] == [9, 54] and data["targets"][0]["baseline"]["value"] == 1.8
    assert [t["number"] for t in data["tasks"]] == ["1", "1.1"] and data["tasks"][1]["coordinate"] == ["Công an xã"]
    assert data["funding"] == ["Ngân sách xã"] and data["projects"][0]["amount_million_vnd"] == 1500.5


def test_an_exported_plan_imports_back_to_the_same_items(plan: Plan) -> None:
    data = plan_to_extraction(plan)
    assert plan.source_document is not None
    again = do_import_plan(plan.source_document, data)
    assert plan_to_extraction(again) == data


def test_an_export_that_breaks_the_schema_is_refused_with_the_place(plan: Plan) -> None:
    data = plan_to_extraction(plan)
    data["reporting"][0]["frequency"] = "weekly"
    with pytest.raises(GoldError) as err:
        validate_extraction(data)
    assert "reporting/0/frequency" in err.value.message
    assert "giá trị không thuộc danh sách cho phép (giá trị: 'weekly')" in err.value.message
    assert "is not one of" not in err.value.message  # jsonschema's English stays out
    assert export_gold(plan)["reporting"][0]["frequency"] == "annual"


def test_the_command_writes_the_gold_file(plan: Plan, tmp_path: Path, extractor: None, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    out = tmp_path / "mau.gold.json"
    call_command("plan", "export", str(plan.pk), "--out", str(out))
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), _schema())
    assert "Đã xuất kế hoạch" in capsys.readouterr().out


@pytest.mark.parametrize(("plan_id", "out", "message"), [("999999", "x.json", "Không có kế hoạch #999999."), (None, "khong-co/x.json", "không tồn tại")])
def test_the_command_refuses_a_bad_id_or_folder(plan: Plan, tmp_path: Path, extractor: None, capsys: pytest.CaptureFixture[str], plan_id: str | None, out: str, message: str) -> None:  # noqa: F811
    with pytest.raises(SystemExit):
        call_command("plan", "export", plan_id or str(plan.pk), "--out", str(tmp_path / out))
    assert message in capsys.readouterr().err
    assert not (tmp_path / out).exists()
