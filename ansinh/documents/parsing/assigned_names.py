"""What a clause gives as a body's name, made a name: role words after it, a duty it runs on into, a bare kind dropped.

"Bộ Tài chính chủ trì" is "Bộ Tài chính"; "các Bộ, ngành liên quan có các giải pháp cụ thể …" is "các Bộ, ngành liên
quan"; "Đơn vị" alone names no one. Read by :mod:`assignments` for every name it assigns.
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.clean import fold_same_length

# A role word left at a name's end ("Bộ Tài chính chủ trì", "Sở Y tế là cơ quan phối hợp") is not part of the name.
_ROLE_END = re.compile(r"\s+(?:(?:là|la)\s+(?:cơ\s+quan|đơn\s+vị|co\s+quan|don\s+vi)\s+)?(?:chủ\s+trì|chu\s+tri|phối\s+hợp|phoi\s+hop)$", re.IGNORECASE)
# "Bộ Công Thương: (i) Nghiên cứu …": a colon followed by words is a duty, not part of a name.
_DUTY_AFTER_COLON = re.compile(r":\s*\S+(?:\s+\S+){2}")
_RUN_ON_VERB = re.compile(
    r"(?:ra\s+soat|to\s+chuc\s+thuc\s+hien|thuc\s+hien|trien\s+khai|huong\s+dan|kiem\s+tra|theo\s+doi|tong\s+hop|bao\s+cao|"
    r"tham\s+muu|de\s+xuat|xay\s+dung|ban\s+hanh|co\s+(?:cac\s+)?(?:giai\s+phap|bien\s+phap|ke\s+hoach|phuong\s+an)|"
    r"tuyen\s+truyen|van\s+dong|cung\s+cap|chi\s+dao|nghien\s+cuu)(?![a-z])"
)


# "Sở Nội vụ là cơ quan thường trực": what the body is in this plan follows its name.
_ROLE_NOUN_TAIL = re.compile(r"\s+(?:là|la)\s+(?:cơ\s+quan|đơn\s+vị|co\s+quan|don\s+vi)(?![^\W\d_]).*$", re.IGNORECASE)
# "các sở rà soát …": a plural of bodies that runs on into its duty is cut where the duty's verb begins.
_PLURAL_BODIES = re.compile(r"^(?:các|cac|những|nhung)\s+\S+(?:\s*,\s*\S+)*\s+(?=\S)", re.IGNORECASE)


# "các Bộ, ngành liên quan có các giải pháp cụ thể …", "… để kịp thời …": a duty carried on after the name.
_RUN_ON = re.compile(
    r"\s+(?:có\s+(?:các\s+)?(?:giải\s+pháp|biện\s+pháp|kế\s+hoạch|phương\s+án)|để|nhằm|trong\s+việc)\s.*$", re.IGNORECASE
)
# The same words in a copy without diacritics ("cac Bo, nganh lien quan co cac giai phap …"), for names without marks only.
_RUN_ON_BARE = re.compile(r"\s+(?:co\s+(?:cac\s+)?(?:giai\s+phap|bien\s+phap|ke\s+hoach|phuong\s+an)|nham|trong\s+viec)\s.*$", re.IGNORECASE)


# A kind of body alone ("Đơn vị", "Cơ quan", "Tổ chức") names no one: it is what a label or a clause is about.
_BARE_KIND = re.compile(r"^(?:c[ơo]\s+quan|[đd][ơo]n\s+v[ịi]|t[ổo]\s+ch[ứu]c|b[ộo]\s+ph[ậa]n|c[áa]\s+nh[âa]n)$", re.IGNORECASE)


def assigned_names(names: list[str]) -> list[str]:
    """``names`` as names of bodies: role words at the end dropped, a name that runs on into a duty left out."""
    out = []
    for name in names:
        name = _ROLE_NOUN_TAIL.sub("", _ROLE_END.sub("", name)).strip(" :")
        words = name.split()
        if len(words) >= 4 and len(words) % 2 == 0 and words[: len(words) // 2] == words[len(words) // 2 :]:
            name = " ".join(words[: len(words) // 2])  # a heading naming the body, then its sentence naming it again
        plural = _PLURAL_BODIES.match(name)
        if plural is not None and plural.end() < len(name) and name[plural.end()].islower():
            verb = _RUN_ON_VERB.match(fold_same_length(name[plural.end() :]).lower())
            if verb is not None:
                name = name[: plural.end()].strip()
        name = _RUN_ON.sub("", name)
        if name.isascii():
            name = _RUN_ON_BARE.sub("", name)
        if name and not _DUTY_AFTER_COLON.search(name) and not _BARE_KIND.match(name):
            out.append(name)
    return out
