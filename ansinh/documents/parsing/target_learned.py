"""A learned judge of text targets: logistic regression over features of each value's clause and section.

The rules (targets.py) read values where a plan's parts say targets are; the model, trained on the development
corpus (``ansinh bench parse-train``), says for each value read whether it states a target. It ships as JSON
weights (``target_model.json``), evaluated here with a dot product: no unpickling, no library at run time.

Modes (``MODE``): "rules" (the rules alone), "learned" (every quantity of every section, judged by the model),
"combined" (what the rules keep, judged by the model).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ansinh.documents.parsing.clean import Doc
from ansinh.documents.parsing.linear_model import probability, read_model
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.target_explicit import explicit_target
from ansinh.documents.parsing.target_listed import listed_amount
from ansinh.documents.parsing.target_paths import (
    drop_repeats,
    merge_period_paths,
    merge_yearly_paths,
    same_path,
)
from ansinh.documents.parsing.target_words import cue_folded, scaled
from ansinh.documents.parsing.targets import Candidate, Target, text_target_candidates
from ansinh.documents.parsing.text_caches import text_cache
from ansinh.documents.parsing.vocab import by_first_letter

MODEL_PATH = Path(__file__).with_name("target_model.json")
MODES = ("rules", "learned", "combined")
MODE: str | None = None  # None: the shipped model's own mode ("rules" when no model is shipped)
MODEL: dict[str, object] | None = None  # a model to use instead of the shipped one (training, evaluation)

_DOC_TYPES = (
    ("ke_hoach", r"^[ \t]*ke hoach[ \t]*$"), ("chi_thi", r"^[ \t]*chi thi[ \t]*$"),
    ("nghi_quyet", r"^[ \t]*nghi quyet[ \t]*$"), ("quyet_dinh", r"^[ \t]*quyet dinh[ \t]*$"),
    ("chuong_trinh", r"chuong trinh hanh dong"), ("cong_van", r"v/v|ve viec"), ("huong_dan", r"^[ \t]*huong dan[ \t]*$"),
    ("ket_luan", r"^[ \t]*ket luan[ \t]*$"),
)
# Named cues looked for in a value's clause (folded text).
_CUES = (
    ("past", r"da dat|dat duoc|da giam|da tang|ket qua|thuc hien duoc|so voi cung ky|uoc dat|da hoan thanh|bao cao"),
    # "giai đoạn 2021-2025 đã đạt": a result. ("Năm 2024 đạt" alone says nothing: "năm 2026 đạt 41%" is a step of a
    # path; whether the year is before the document's own is the feature "y<doc".)
    ("past_year", r"(?:nam|giai doan|nhiem ky)\s+(?:19|20)\d\d(?:\s*-\s*(?:19|20)\d\d)?\s*(?:,\s*)?da\s+dat"),
    ("condition", r"(?:^|\s)(?:truong hop|neu|khi|dieu kien|doi voi noi)(?:\s|$)"),
    ("mechanism", r"phu cap|muc ho tro|ho tro (?:toi da|bang|kinh phi)|muc chi|duoc huong|doanh thu|kinh phi|chi phi|"
                  r"muc thu|le phi|uu dai|goi"),
    ("cap", r"khong qua|toi da|khong vuot"),
    # Indicators measured in money ("thu nhập bình quân đầu người đạt 90 triệu đồng"), unlike support amounts.
    ("income", r"thu nhap|gdp|grdp|tong san pham|thu ngan sach|kim ngach|nang suat lao dong|von dau tu toan xa hoi"),
    ("floor", r"toi thieu|it nhat|khong thap hon|tro len"),
    ("quorum", r"cu tri|tham du|tin nhiem|so phieu|bieu quyet|dai bieu"),
    ("commit", r"phan dau|muc tieu|chi tieu|bao dam|dam bao|dat|duy tri"),
    ("change", r"giam|tang|nang|xuong con|con duoi"),
    ("year_to", r"(?:den|vao|cuoi)\s+nam\s+(?:19|20)\d\d"),
    ("quoted", r"theo (?:nghi quyet|quyet dinh|ke hoach|chi thi|thong tu|nghi dinh)|tai (?:nghi quyet|quyet dinh|khoan|dieu)"),
    ("ratio", r"(?:tren|/)\s*(?:mot\s+)?(?:1\.000|10\.000|100\.000|100|van|nghin)"),
)


def _cue_re(pattern: str) -> re.Pattern[str]:
    """A cue's pattern; a list of plain words as one branch per first letter (vocab.by_first_letter): the same matches,
    found faster (the features only ask whether a cue is there)."""
    try:
        return re.compile(by_first_letter(pattern))
    except ValueError:  # a cue opening with a group or a class
        return re.compile(pattern)


_CUE_RES = tuple((name, _cue_re(pattern)) for name, pattern in _CUES)
_DOC_TYPE_RES = tuple((name, re.compile(pattern, re.M)) for name, pattern in _DOC_TYPES)
# The words a type line holds alone ("^[ \t]*ke hoach[ \t]*$"): where they are not, its pattern is not tried.
_DOC_TYPE_WORDS = {name: m.group(1) for name, pattern in _DOC_TYPES if (m := re.fullmatch(r"\^\[ \\t\]\*([a-z ]+)\[ \\t\]\*\$", pattern))}
_HEADING_CUES = ("muc tieu", "chi tieu", "nhiem vu", "giai phap", "ket qua", "danh gia", "tinh hinh", "can cu",
                 "to chuc thuc hien", "co che", "chinh sach", "dieu")
_AFTER_PLAN = re.compile(r"\s*(?:so\s+voi\s+)?(?:ke\s+hoach|cung\s+ky|du\s+toan|chi\s+tieu\s+(?:giao|de\s+ra))")
_WORD = re.compile(r"[a-z%‰]+")


# The date line; a draft or an unsigned copy leaves its day and month blank ("ngày   tháng   năm 2026", "ngày … tháng …").
_ISSUED = re.compile(
    r"ngay(?:\s+\d{1,2}|[\s.…_]*)\s*thang(?:\s+\d{1,2}|[\s.…_]*)\s*nam\s+((?:19|20)\d\d)(?!\d)"
)


def doc_features(masked: Doc) -> list[str]:
    """Features of the whole document (its kind, from the type line near the top; its year, from the date line,
    as a feature "issued=YYYY" that candidate_features compares with each value's year)."""
    head = masked.folded[:3000]
    feats = [f"doc={name}" for name, pattern in _DOC_TYPE_RES if _DOC_TYPE_WORDS.get(name, "") in head and pattern.search(head)]
    issued = _ISSUED.search(head)
    return feats + ([f"issued={issued.group(1)}"] if issued else [])


def _year_feature(target: Target, doc_feats: list[str]) -> list[str]:
    """Whether the value's year is before the document's own year (a result already reached)."""
    issued = next((int(f[7:]) for f in doc_feats if f.startswith("issued=")), None)
    year = target.get("year")
    if issued is None or not isinstance(year, int):
        return []
    # Only "before": the same year or a later one says nothing (an annual plan's targets hold in its own year).
    return ["y<doc"] if year < issued else []


def _unit_class(unit: object) -> str:
    folded = re.sub(r"\s+", " ", str(unit or "").lower())
    if not folded:
        return "none"
    if folded.startswith("%"):
        return "pct_year" if "năm" in folded else "pct"
    if folded.startswith("‰"):
        return "permille"
    if "/" in folded or " trên " in folded:
        return "ratio"
    if any(w in folded for w in ("đồng", "usd", "tỷ", "triệu")):
        return "money"
    return "count"


def candidate_features(masked: Doc, target: Target, cand: Candidate, doc_feats: list[str]) -> list[str]:
    """The features of one value read in running text."""
    folded = masked.folded
    feats = [f for f in doc_feats if not f.startswith("issued=")] + _year_feature(target, doc_feats)
    feats.append(f"mode={cand.mode}")
    feats.append(f"kind={cand.node.effective_kind()}")
    if cand.rule:
        feats.append("rule")
        feats.append(f"rule_{cand.mode}")
    # The model was trained on values counted in units: "8,5 triệu việc làm" reads as 8 500 000 "việc làm".
    value, unit_name = scaled(target.get("value"), target.get("unit"))
    unit = _unit_class(unit_name)
    feats.append(f"unit={unit}")
    feats.append(f"comp={target.get('comparator')}")
    feats.append("year" if target.get("year") is not None else "noyear")
    if value is None:
        feats.append("novalue")
    elif isinstance(value, (int, float)):
        v = float(value)
        feats.append("v=100" if v == 100 else "v=0" if v == 0 else "v<1" if v < 1 else "v<100" if v < 100 else "v<1e4" if v < 1e4 else "vbig")
        if not v.is_integer():
            feats.append("vfrac")
    mention = cand.mention
    start, end = (mention.start, mention.end) if mention else (cand.cs, cand.cs)
    # No word-identity features: on the development part (leave-one-out) they learnt the documents' topics
    # ("thuế", "lớp") rather than how targets are stated; the named cues below generalise better.
    prefix = _WORD.findall(folded[cand.cs : start])
    if not prefix:
        feats.append("p:none")
    after = folded[end : cand.ce]
    if not _WORD.search(after):
        feats.append("a:none")
    if _AFTER_PLAN.match(after):
        feats.append("a:plan_share")  # "đạt 105% kế hoạch", "tăng 12% so với cùng kỳ": a result measured against a plan
    clause = cue_folded(masked, cand.cs, cand.ce)
    before = cue_folded(masked, cand.s, start)
    for name, pattern in _CUE_RES:
        if pattern.search(clause):
            feats.append(f"c:{name}")
        if pattern.search(before):
            feats.append(f"b:{name}")
    titles = " ".join(n.title for n in [cand.node, *cand.node.ancestors()] if n.title)
    titles_folded = _fold(titles)
    feats += [f"h:{cue.replace(' ', '_')}" for cue in _HEADING_CUES if cue in titles_folded]
    words = len(str(target.get("indicator") or "").split())
    feats.append("name<3" if words < 3 else "name<12" if words < 12 else "name_long")
    return feats


@text_cache()
def _fold(text: str) -> str:
    """Folded, lower case; remembered within a document (its candidates share their headings)."""
    from ansinh.documents.parsing.clean import fold_same_length

    return fold_same_length(text).lower()


@lru_cache(maxsize=4)
def load_model(path: str = str(MODEL_PATH)) -> dict[str, object] | None:
    """The shipped model (JSON: mode, threshold, bias, weights), or None when absent or unreadable."""
    return read_model(path)


def choose_text_targets(
    doc: Doc, root: Node, masked: Doc, plan_like: bool, title_span: object = None,
    model: dict[str, object] | None = None, mode: str | None = None,
) -> list[Target]:
    """Text targets by the chosen mode; the rules alone when no model is shipped."""
    model = model if model is not None else (MODEL or load_model())
    chosen = mode or MODE or (str(model.get("mode")) if model else "rules")
    if model is None or chosen not in ("learned", "combined"):
        targets, sentence_of, contexts = text_target_candidates(doc, root, masked, plan_like, title_span)
        return _not_past(masked, merge_period_paths(merge_yearly_paths(*drop_repeats(targets, sentence_of, [c.mode == "objective" for c in contexts]))))
    targets, sentence_of, contexts = text_target_candidates(
        doc, root, masked, plan_like, title_span, broad=chosen == "learned"
    )
    threshold = float(model.get("threshold") or 0.5)  # type: ignore[arg-type]
    # What the rules read may be kept on a lower probability ("rule_threshold"): on a document unlike those it was
    # trained on, the model's doubt should not overrule the plan's own structure.
    rule_threshold = float(model.get("rule_threshold") or threshold)  # type: ignore[arg-type]
    doc_feats = doc_features(masked)
    allowed = [chosen != "combined" or cand.rule for cand in contexts]
    keep = [ok and (_strived_for(masked, cand) or _counted_output(masked, t, cand) or _listed(masked, t, cand)
                    or explicit_target(masked, t, cand) or probability(model, candidate_features(masked, t, cand, doc_feats))
                    >= (rule_threshold if cand.rule else threshold))
            for t, cand, ok in zip(targets, contexts, allowed, strict=True)]
    changed = True
    while changed:  # a step of a yearly path goes with the steps the model keeps
        changed = False
        for i, target in enumerate(targets):
            if keep[i] or not allowed[i]:
                continue
            if any(0 <= j < len(targets) and keep[j] and sentence_of[j] == sentence_of[i] and same_path(target, targets[j])
                   for j in (i - 1, i + 1)):
                keep[i] = changed = True
    picked = [i for i, k in enumerate(keep) if k]
    return _not_past(masked, merge_period_paths(merge_yearly_paths(*drop_repeats(
        [targets[i] for i in picked], [sentence_of[i] for i in picked], [contexts[i].mode == "objective" for i in picked],
        [contexts[i].mode == "skip" for i in picked]))))


# "phấn đấu" opening the value's own clause or its part after a comma ("…, phấn đấu hoàn thành 1.000 căn nhà trong
# năm 2025"): the plan's own word for a target, which the rules keep whatever the model says.
_STRIVE_LEAD = re.compile(r"(?:^|[,;:])[\s\-–+*]*ph[ad]n\s+d[ad]u\s+(?:[a-z]+\s+){0,3}$")


# "Bảo đảm Chỉ số … tăng ít nhất 5 bậc", "bảo đảm tỷ lệ … đạt trên 90%": a floor the clause opens by guaranteeing.
_ENSURED_FLOOR = re.compile(
    r"(?:^|[,;:])[\s\-–+*]*(?:bao\s+dam|dam\s+bao)\s[^,;:()]{0,100}?\s(?:dat\s+|tang\s+|giam\s+)?"
    r"(?:tren|it\s+nhat|toi\s+thieu|khong\s+(?:thap\s+hon|duoi|it\s+hon))\s+$"
)
# "Kéo giảm ít nhất 5% số vụ tai nạn so với năm 2025": a clause that opens by changing something by a share against a
# base year or the same period (a result already reached says "đã", which the learned judge reads).
_CHANGED_BY = re.compile(
    r"(?:^|[,;:])[\s\-–+*]*(?:(?:phan\s+dau|tiep\s+tuc)\s+)?(?:keo\s+)?(?:giam|tang)\s+(?:[^,;:()\d]{0,60}?\s)?"
    r"(?:(?:it\s+nhat|toi\s+thieu|tu|tren)\s+)?$"
)
_AGAINST_BASE = re.compile(r"[^;.]{0,80}?so\s+voi\s+(?:nam|cung\s+ky|ky)(?![a-z])")
# "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%": a clause that names a rate and the level it reaches.
_RATE_REACHES = re.compile(
    r"(?:^|[,;:])[\s\-–+*]*(?:(?:phan\s+dau|bao\s+dam|dam\s+bao)\s+)?(?:ty|ti)\s+(?:le|trong)\s[^,;:()\d]{0,100}?\s"
    r"dat\s+(?:(?:tren|it\s+nhat|toi\s+thieu|tu|khoang)\s+)?$"
)


def _strived_for(masked: Doc, cand: Candidate) -> bool:
    """Whether the value's clause opens with "phấn đấu" a few words before it (where the rules read it), or, in a part
    of tasks, guarantees a floor ("bảo đảm … ít nhất 5 bậc"), names a rate and the level it reaches ("tỷ lệ … đạt trên
    90%") or changes something by a share against a base; in the body of a text that is no plan (a directive's or a
    letter's points) too. (In the objectives the learned judge reads such values on its lower rule threshold.)"""
    if cand.mention is None:
        return False
    body = cand.mode == "skip" and cand.node.effective_kind() in (None, "tasks") and cand.node.style != "root"
    before = masked.folded[cand.cs : cand.mention.start]
    if (body or cand.mode == "strict") and str(cand.mention.unit).startswith("%") and _CHANGED_BY.search(before) and (
            _AGAINST_BASE.match(masked.folded, cand.mention.end, cand.ce)):
        return True
    return bool(((cand.rule or body) and _STRIVE_LEAD.search(before))
                or ((body or cand.mode == "strict") and (_ENSURED_FLOOR.search(before) or _RATE_REACHES.search(before))))


# A numbered item that opens with making or finishing so many things ("4. Hoàn thành di dời 01 khu công nghiệp",
# "1.1. Mỗi năm xây dựng 01 phóng sự, 04 chuyên đề", "b) Thành lập mới 15 hợp tác xã"): the count is the output the
# plan commits to, as Vietnamese plans state them in the item's own words.
_OUTPUT_LEAD = re.compile(
    r"[\s\-–+*•]*(?:(?:moi|hang)\s+nam\s+|(?:trong|den)\s+(?:cuoi\s+)?nam\s+(?:19|20)\d\d\s*,?\s*)?"
    r"(?:hoan\s+thanh|xay\s+dung|thanh\s+lap|hinh\s+thanh|phat\s+trien)(?:\s+(?:moi|them|di\s+doi|xay\s+dung|dau\s+tu|xong))?"
    r"(?:\s+(?:it\s+nhat|toi\s+thieu))?\s*"
    # … and the counts listed before this one ("01 phóng sự, 04 chuyên đề, 04 chuyên trang").
    r"(?:\d[\d.,]*\s+[^\d,;:.]{1,40}?\s*(?:,|va)\s*)*"
)


def _counted_output(masked: Doc, target: Target, cand: Candidate) -> bool:
    """Whether the value counts things (a count unit) and opens a numbered item after a verb of making or finishing."""
    if cand.mention is None or _unit_class(target.get("unit")) != "count" or not cand.node.style.startswith(("num", "paren")):
        return False
    if cand.s != cand.node.head_start and masked.folded.rfind("\n", cand.node.head_start, cand.s) >= 0:
        return False  # the item's own opening sentence only
    return bool(_OUTPUT_LEAD.fullmatch(masked.folded, cand.cs, cand.mention.start)
                or _OUTPUT_LEAD.fullmatch(masked.folded, cand.s, cand.mention.start))


def _listed(masked: Doc, target: Target, cand: Candidate) -> bool:
    """Whether a count is the amount of one kind listed under a lead in the objectives or tasks ("- Gây trồng các
    loài cây: + Keo lai 800 ha"), which the item states without a cue of its own."""
    return (cand.mention is not None and cand.mode in ("objective", "strict") and _unit_class(target.get("unit")) == "count"
            and listed_amount(masked, cand.mention.start))


def _not_past(masked: Doc, targets: list[Target]) -> list[Target]:
    """Without values of a year, written in their own text, before the document's own ("Năm 2024, tỷ lệ hộ nghèo
    đạt 2,8%" in a 2025 plan): a result already reached, not a target (a path that starts there keeps it as a milestone)."""
    issued = _ISSUED.search(masked.folded, 0, 3000)
    if issued is None:
        return targets
    year = int(issued.group(1))
    return [t for t in targets if not (isinstance(t.get("year"), int) and int(t["year"]) < year  # type: ignore[call-overload]
                                       and str(t["year"]) in str(t.get("text")) and not t.get("milestones"))]
