"""The document checklist and the deciding role are data: loaded with the programmes, and a bad
checklist in the file is refused in Vietnamese before anything is written (property-tested)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansinh.benefits.models import Authority, DocumentRequirement, Programme
from ansinh.benefits.programmes import DATA, load_programmes, read_data
from ansinh.core.errors import UserError


@pytest.mark.django_db
def test_the_checklists_and_the_chairmans_role_are_loaded_from_the_data(db: Any) -> None:
    load_programmes()
    pension = DocumentRequirement.objects.get(programme__code="huu-tri-xa-hoi")
    assert pension.required and pension.verified and "Mẫu số 01" in pension.name
    assert not DocumentRequirement.objects.filter(programme__code="tro-cap-xa-hoi", verified=True).exists()
    commune = Authority.objects.get(programme__code="tro-cap-xa-hoi", decider_role="chairman")
    assert (str(commune.valid_from), str(commune.valid_to)) == ("2025-07-01", "2027-03-01") and "147/2025" in commune.source
    assert Authority.objects.get(programme__code="tro-cap-xa-hoi", role="Chủ tịch UBND cấp huyện").decider_role == ""
    load_programmes()  # reloading replaces the checklist, no duplicates
    assert DocumentRequirement.objects.filter(programme__code="huu-tri-xa-hoi").count() == 1


def _with_documents(tmp_path: Path, documents: Any) -> Path:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    data["programmes"][1]["documents"] = documents
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("documents", "words"), [
    ("không phải danh sách", "phải là một danh sách"),
    ([{"code": "a", "name": "A"}], "căn cứ (source)"),
    ([{"code": "a", "name": "A", "source": "x"}, {"code": "a", "name": "B", "source": "y"}], "bị lặp"),
    (["chuỗi"], "mã (code)"),
])
@pytest.mark.django_db
def test_a_bad_checklist_is_refused_and_nothing_is_stored(tmp_path: Path, documents: Any, words: str) -> None:
    with pytest.raises(UserError, match=re.escape(words)):
        load_programmes(_with_documents(tmp_path, documents))
    assert not Programme.objects.exists() and not DocumentRequirement.objects.exists()


_cell = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=5), st.lists(st.text(max_size=3), max_size=2))


@given(st.one_of(_cell, st.lists(st.one_of(_cell, st.dictionaries(st.sampled_from(["code", "name", "source", "required"]), _cell)), max_size=4)))
def test_any_checklist_is_either_read_or_refused_with_a_vietnamese_message(documents: Any) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = _with_documents(Path(folder), documents)
        try:
            read_data(path)
        except UserError as err:
            assert err.message and "«huu-tri-xa-hoi»" in err.message


@pytest.mark.django_db
def test_a_checklist_line_with_a_missing_name_or_a_required_flag_that_is_not_a_boolean_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="là chữ"):
        read_data(_with_documents(tmp_path, [{"code": "a", "name": None, "source": "x"}]))
    with pytest.raises(UserError, match="true hoặc false"):
        read_data(_with_documents(tmp_path, [{"code": "a", "name": "A", "source": "x", "required": "có"}]))
