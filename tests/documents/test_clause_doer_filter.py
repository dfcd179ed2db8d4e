"""``may_name_doer`` spares the clause reader's scans only where the reader finds no doer anyway."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ansinh.documents.parsing import clause_units as cu
from ansinh.documents.parsing.clean import fold_same_length
from ansinh.lib.text import strip_marks

# Words of bodies, duties and plain prose, in both cases, and the cues that let a generic body lead (fewer, so that many
# clauses hold none): random clauses then reach every reading, labels, addresses, conditions, verbs, named bodies.
_BODIES = [
    "Sở", "sở", "Y tế", "Ủy ban nhân dân", "Uy ban", "UBND", "tỉnh", "Bộ", "bộ", "Tài chính", "Công an", "Ban", "ban",
    "Tổ", "Tổ công tác", "các", "Các", "cơ quan", "đơn vị", "Khách hàng", "người lao động", "doanh nghiệp", "xã",
    "Hiệp Thạnh", "Đức Trọng", "Hội Nông dân", "Trung tâm", "Nhà đầu tư", "nhà đầu tư", "Chi cục", "Thường trực",
    "HĐND", "MTTQ", "Quỹ", "Phòng", "Văn phòng", "Đoàn", "Cục Thuế",
]
_DUTIES = [
    "tổ chức", "Tổ chức", "thực hiện", "triển khai", "tuyên truyền", "kiểm tra", "hướng dẫn", "năm", "2025", "Để",
    "Trên cơ sở", "Trường hợp", "thì", "Nội dung", "Trách nhiệm", "và", "của", "tại", "theo chức năng", "chủ động",
    "báo cáo", "kế hoạch", "Tập trung", "xây dựng",
]
_CUES = [
    "chủ trì", "phối hợp", "với", "có trách nhiệm", "phải", "Giao", "giao", "Đề nghị", "đề nghị", "yêu cầu", "Đối với", "đối với",
    "là cơ quan", "là đơn vị",
]
_WORDS = _BODIES + _DUTIES + _CUES
_SEPARATORS = [" ", " ", " ", ", ", ": ", "; ", ". ", " - ", "\n", " (", ") "]
_clauses = st.lists(st.tuples(st.sampled_from(_BODIES + _DUTIES + _BODIES + _DUTIES + _CUES), st.sampled_from(_SEPARATORS)), min_size=1, max_size=14).map(
    lambda parts: "".join(w + s for w, s in parts).strip()
)

# Clauses in lower case only hold no capital to open a head: the filter then rests on the cues alone.
_lower_clauses = st.lists(
    st.tuples(st.sampled_from([w for w in _WORDS if w[0].islower()]), st.sampled_from(_SEPARATORS)), min_size=1, max_size=10
).map(lambda parts: "".join(w + s for w, s in parts).strip())


def _views(clean: str) -> tuple[str, str]:
    return clean, fold_same_length(clean)  # as a document's views are


@settings(max_examples=600, deadline=None)
@given(_clauses, st.booleans())
def test_a_clause_refused_by_the_filter_names_no_doer(clean: str, bare: bool) -> None:
    clean, folded = _views(strip_marks(clean) if bare else clean)
    if not cu.may_name_doer(clean, folded):
        assert _read_unfiltered(clean, folded) is None


@settings(max_examples=600, deadline=None)
@given(_lower_clauses)
def test_a_lower_case_clause_refused_by_the_filter_names_no_doer(clean: str) -> None:
    clean, folded = _views(clean)
    if not cu.may_name_doer(clean, folded):
        assert _read_unfiltered(clean, folded) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_refused_by_the_filter_names_no_doer(clean: str) -> None:
    clean, folded = _views(clean)
    if not cu.may_name_doer(clean, folded):
        assert _read_unfiltered(clean, folded) is None


def _read_unfiltered(clean: str, folded: str) -> tuple[list[str], list[str]] | None:
    """The reader with its filter let through: what it would have found without the look."""
    original = cu.may_name_doer
    cu.may_name_doer = lambda _clean, _folded: True  # type: ignore[assignment]
    try:
        return cu._read_clause(clean, folded)
    finally:
        cu.may_name_doer = original


def test_a_clause_without_cue_or_body_is_refused() -> None:
    assert not cu.may_name_doer(*_views("Tuyên truyền, phổ biến kế hoạch đến người dân trên địa bàn."))


def test_a_named_body_or_a_cue_is_let_through() -> None:
    assert cu.may_name_doer(*_views("Sở Y tế tổ chức tập huấn cho cán bộ."))
    assert cu.may_name_doer(*_views("Các đơn vị có trách nhiệm báo cáo kết quả."))
    assert cu.may_name_doer(*_views("Uy ban nhan dan xa to chuc hoi nghi."))  # text without marks


def test_each_cue_that_lets_a_generic_body_lead_is_let_through() -> None:
    """One clause per cue whose doer, in lower case, opens with no head: the reader names it, the filter lets it by."""
    for clause in (
        "các đơn vị phải tổ chức tập huấn cho người dân",  # "phải"
        "các cơ quan có trách nhiệm rà soát hồ sơ",  # the duty cue
        "các đơn vị chủ trì, phối hợp với Sở Y tế tổ chức",  # a role cue
        "giao các cơ quan, đơn vị liên quan tổ chức thực hiện",  # an address
        "đối với các đơn vị sự nghiệp công lập trên địa bàn: rà soát lại",  # "đối với" above its duties
    ):
        clean, folded = _views(clause)
        assert _read_unfiltered(clean, folded), clause
        assert cu.may_name_doer(clean, folded), clause


def test_a_capital_that_strips_to_a_letter_is_a_capital() -> None:
    """The filter looks for a head's first letter among capitals: every character whose bare form is a capital letter
    (all a head opens with) is one."""
    for code in range(0x3000):
        bare = strip_marks(chr(code))
        if len(bare) == 1 and "A" <= bare <= "Z":
            assert chr(code).isupper(), hex(code)
