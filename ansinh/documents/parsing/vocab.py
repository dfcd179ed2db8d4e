"""General Vietnamese administrative vocabulary, as data, matched on folded text.

Patterns are written on ``fold(text)`` (lowercase, no diacritics) and
tolerate the usual OCR confusions of diacritic-less scans: a marked vowel
read as ``d`` (``nguoi`` -> ``ngudi``, ``nam`` -> ``ndm``), ``ư`` read as
``ir`` (``ngirdi``), ``m`` read as ``rn`` (``tarn``), ``l`` read as ``I``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ansinh.lib.regex_words import by_first_letter

# Letters OCR confuses, as regex alternatives for a folded keyword letter.
_OCR_LETTER = {
    "a": "[ad]",
    "o": "[odag]",
    "u": "(?:u|ir|y)",
    "m": "(?:m|rn)",
    "l": "[li1]",
    "i": "[il]",
    "e": "[e]",
    "y": "[yu]",
}


@lru_cache(maxsize=512)
def ocr_tolerant(keyword: str) -> str:
    """A regex source matching folded ``keyword`` with OCR confusions; spaces match any blank run."""
    parts: list[str] = []
    for ch in keyword:
        if ch == " ":
            parts.append(r"\s+")
        elif ch in _OCR_LETTER:
            parts.append(_OCR_LETTER[ch])
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def words_pattern(*keywords: str, tolerant: bool = True) -> re.Pattern[str]:
    """One compiled alternation of whole-word keywords (folded)."""
    alts = [ocr_tolerant(k) if tolerant else re.escape(k).replace(r"\ ", r"\s+") for k in keywords]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alts) + r")(?![a-z0-9])")


# --- Section kinds -------------------------------------------------------
# (kind, regex on the folded heading title). Checked in order for top-level
# sections; nested headings only match at their start (see structure.py).
SECTION_KINDS: tuple[tuple[str, str], ...] = (
    # "Nội dung và phân công nhiệm vụ" is the tasks part itself ("và" before "phân công").
    ("assignment", r"(?<!va )phan cong (?:thuc hien|nhiem vu|trach nhiem)"),
    ("organization", r"to ch\w{0,3}c th\w{0,3}c hi\w{0,2}n|trach nhiem (?:thuc hien|cua|thi hanh)|to chuc thi hanh|(?<!va )phan cong"),
    # ... and the elements of a reporting regime as a letter lists them (Decree 09/2019, art. 7): "1. Các loại báo cáo",
    # "2. Thời kỳ lấy số liệu báo cáo và thời gian gửi báo cáo" (not "Thời hạn gửi báo cáo:", the label
    # :mod:`report_labels` reads with its line).
    ("reporting", r"che do (?:thong tin, )?bao cao|bao cao, so ket|so ket, tong ket|thong tin,? bao cao|^(?:cac )?loai bao cao"
                  r"|^thoi ky (?:lay|chot) so lieu"),
    # "IV. VỐN ĐẦU TƯ" alone (the plan's money, as "Kinh phí"), not "Giải pháp thu hút vốn đầu tư".
    ("funding", r"kinh phi|nguon (?:kinh phi|von)|(?:noi dung,? (?:va )?)?(?:dinh )?muc chi(?![a-z])"
                r"|^(?:nhu cau |tong )?von dau tu(?: thuc hien)?(?!\s*[a-z])"),
    ("situation", r"tinh hinh|thuc trang|ket qua (?:thuc hien|dat duoc)|danh gia (?:ket qua|tinh hinh)"),
    ("objectives", r"m[uy]c ti[eu]u|chi tieu"),
    ("viewpoint", r"quan diem"),
    ("vision", r"t[ad](?:m|rn) nh[il]n"),
    ("purpose", r"muc dich|yeu cau"),
    ("tasks", r"nhiem vu|giai phap|bien phap|noi dung|hoat dong|chuong trinh hanh dong|(?:nhung |cac )?(?:cong )?viec (?:can|phai) (?:lam|thuc hien|trien khai)"),
    # Party plans: "II- CÔNG TÁC QUÁN TRIỆT NGHỊ QUYẾT VÀ TRIỂN KHAI …" lists assigned duties with their dates.
    ("tasks", r"^cong tac (?:quan triet|hoc tap, quan triet)"),
)

# Kinds whose numbered items are tasks.
TASK_KINDS = frozenset({"tasks"})
# Kinds in which every quantity is read as a target.
OBJECTIVE_KINDS = frozenset({"objectives"})
# Kinds in which reporting duties are looked for.
REPORTING_KINDS = frozenset({"organization", "reporting", "purpose", "assignment"})
# Kinds where no target is read, whatever the wording.
NO_TARGET_KINDS = frozenset(
    {"situation", "viewpoint", "vision", "purpose", "organization", "funding", "reporting", "assignment"}
)

# --- Targets ---------------------------------------------------------------
# Words that announce a target value in running text.
TARGET_CUES = words_pattern(
    "phan dau", "dam bao", "bao dam", "dat", "co", "toi thieu", "it nhat", "khoang", "duy tri", "giam con",
)
# Units of counts, longest first (folded). The value keeps the verbatim unit.
COUNT_UNITS: tuple[str, ...] = (
    "luot khach", "khach san", "khach", "luot nguoi", "luot lao dong", "lao dong", "nguoi", "ho gia dinh", "ho", "hoc sinh", "tre em", "tre",
    "tuoi", "nam", "thang", "giuong benh", "giuong", "bac si", "bac sy", "duoc si", "dieu duong vien",
    "dieu duong", "nhan vien", "m2", "con", "viec lam", "truong", "xa", "phuong", "co so", "trieu dong",
    "ty dong", "dong", "lan", "diem", "cong trinh", "can nha", "can ho", "can", "ngoi nha", "nha", "mo hinh", "doanh nghiep",
    "ban", "hop tac xa", "thon", "khu pho", "to chuc", "chuyen de", "cuoc", "lop", "dot", "ha", "km",
    "phu nu", "hoi vien", "hoc vien", "benh nhan", "thanh nien", "doan vien", "ngay",
    "luot doi tuong", "doi tuong", "luot tre em", "luot hoc sinh",
    # Staff nouns: "01-02 cán bộ" counts officers, not houses ("căn").
    "can bo", "cong chuc", "vien chuc", "cong tac vien", "tinh nguyen vien",
    # Money per head ("GRDP bình quân đầu người đạt trên 10.000 USD"), and in millions ("kim ngạch đạt 130 triệu USD").
    "trieu usd", "ty usd", "usd",
    # Facilities and outputs a plan counts ("di dời 01 khu công nghiệp và 02 cụm công nghiệp", "mỗi năm xây dựng
    # 01 phóng sự, 04 chuyên trang").
    "khu cong nghiep", "cum cong nghiep", "phong su", "chuyen trang",
)
# Nouns after a percentage that make it a rate of support, not a target.
COST_NOUNS = words_pattern("hoc phi", "kinh phi", "chi phi", "muc dong", "gia tri", "lai suat", "muc phi", "gia ve")
# Nouns naming who or what a coverage target counts.
POPULATION_NOUNS = words_pattern(
    "nguoi", "ho", "gia dinh", "doi tuong", "tre em", "tre", "hoc sinh", "xa", "phuong", "thi tran", "truong",
    "dan so", "lao dong", "co so", "benh vien", "tram y te", "khu pho", "thon", "can bo", "ho so", "phu nu",
    "nha", "diem", "nuoc thai", "luc luong",
)
# "Không còn hộ nghèo", "xóa bỏ hoàn toàn nhà tạm": a target of zero.
ZERO_CUE = re.compile(
    r"(?<![a-z])(?P<basic>co\s+b[ad]n\s+)?(?:kh[oda]ng\s+(?:con|co)|kh[oda]ng\s+de|h[oda][ad]n\s+th[ad]nh\s+x[oda]a(?:\s+b[oda])?|x[oda]a\s+b[oda](?:\s+h[oda][ad]n\s+t[oda][ad]n)?"
    r"(?:\s+t[il]nh\s+tr[ad]ng)?|kh[oda]ng\s+(?:de\s+)?x[ad]y\s+r[ad])\s+"
    r"(?=(?:ho|nha|gia\s+dinh|ho\s+s[oda]|nguoi\s+ngheo|truong\s+hop|vu\s+viec)(?![a-z])(?!\s+n[ad]o(?![a-z])))"
)
# Sentences that begin a gradual step, not a target ("Từng bước mở rộng ...").
GRADUAL_START = re.compile(r"^\s*(?:tung\s+b[uy][oda]c|b[oda]\s+sung|nghien\s+cuu)")
# Keywords that make a number a level ("mức độ 2").
LEVEL_WORDS = re.compile(r"m[uy]c\s+d[oda]\s*$")
# Year cues: "đến năm 2030", "cuối năm 2025", "giai đoạn 2021-2025", "đến 2030".
YEAR_CUE = re.compile(
    # "5 năm 2021 - 2025", "năm 2026-2030": a period of years holds by its last year, as "giai đoạn 2021-2025" does.
    r"(?<![a-z])(?:n[ad]m\s+(?:19|20)\d\d\s*[-–]\s*(?=(?:19|20)\d\d)|(?:den|toi|vao|cuoi|het|trong|truoc|nam)\s+(?:(?:het|cuoi)\s+)*(?:n[adm]{1,2}m?\s+)?"
    r"|n[ad]m\s+|giai\s+d[oda][ad]n\s+(?:19|20)\d\d\s*[-–]\s*)((?:19|20)\d\d)(?![\d/])"
)
DATE_BEFORE = re.compile(r"th[ad]ng\s+\d{1,2}\s+$|ngay\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*$")

# --- Assignments -------------------------------------------------------------
LEAD_LABEL = re.compile(
    r"chu\s+tri|co\s+quan\s+(?:,\s*can\s+bo\s+)?thuc\s+hien|don\s+vi\s+thuc\s+hien|can\s+bo\s+thuc\s+hien"
    r"|^trach\s+nhiem(?:\s+thuc\s+hien)?$|(?:don\s+vi|co\s+quan)\s+chiu\s+trach\s+nhiem"
    # Party texts: "Trách nhiệm chỉ đạo thực hiện: Đảng ủy UBND tỉnh", "Cơ quan chỉ đạo: …".
    r"|^(?:trach\s+nhiem|co\s+quan|don\s+vi)\s+chi\s+dao(?:\s+thuc\s+hien)?$"
    # "Cơ quan tham mưu: …", "Đơn vị đầu mối: …": the body that carries the item for the issuer.
    r"|^(?:co\s+quan|don\s+vi|bo\s+phan)\s+(?:tham\s+muu|dau\s+moi)(?:\s+thuc\s+hien)?$"
)
COORD_LABEL = re.compile(r"phoi\s+hop|^(?:co\s+quan|don\s+vi)(?:,\s*(?:co\s+quan|don\s+vi|to\s+chuc))?\s+tham\s+gia(?:\s+thuc\s+hien)?$")
TIMELINE_LABEL = re.compile(r"thoi\s+(?:gian|han|diem)|tien\s+do")
# Capitalised words that open the name of a body (case-sensitive, on clean text).
AGENCY_HEADS: tuple[str, ...] = (
    "Sở", "Ban", "Bộ", "Ủy ban", "Uỷ ban", "UBND", "UB", "Phòng", "Trạm", "Hội", "Liên đoàn", "Công an",
    "Bảo hiểm", "BHXH", "Tổng Công ty", "Công ty", "Quỹ", "Cục", "Chi cục", "Chi nhánh", "Ngân hàng", "Đài",
    "Trường", "Hiệu trưởng", "Công chức", "Cán bộ", "Thường trực", "Mặt trận", "MTTQ", "UBMTTQ", "Đoàn",
    "Thành Đoàn", "Tỉnh Đoàn", "Văn phòng", "Trung tâm", "Tòa án", "Viện", "BCH", "Bộ Chỉ huy", "Kho bạc",
    "Cảnh sát", "Thanh tra", "Hội đồng", "HĐND", "Đảng ủy", "Đảng uỷ", "Thành ủy", "Tỉnh ủy", "Huyện ủy",
    "Quận ủy", "Thị ủy", "Chủ tịch", "Giám đốc", "Ngành", "Các Sở", "Các sở", "Các Ban", "Các Bộ", "Các bộ", "Tổ", "Lực lượng",
    # The forces a plan names by their branch alone ("Bộ đội biên phòng, Kiểm lâm, Quản lý thị trường", "Công an, Quân đội").
    "Kiểm lâm", "Hải quan", "Quân đội", "Quản lý thị trường",
    "Bệnh viện", "Học viện", "Tổng cục", "Vụ", "Chính phủ", "Thủ tướng", "Kiểm toán", "Tổng Liên đoàn", "Hợp tác xã",
    "Chi bộ", "Đồn", "Ban Chỉ huy", "Ban chỉ đạo", "Ban Chỉ đạo",
    "Bưu điện", "Trưởng", "Tổ giao dịch", "Điện lực", "Viễn thông", "Chi hội", "Chi đoàn", "Hạt", "Bộ đội",
    "Phó Chủ tịch", "Người đứng đầu", "Thủ trưởng", "Đảng đoàn", "Ban cán sự",
    # The press bodies a plan assigns ("Báo và Phát thanh, Truyền hình tỉnh", "Tạp chí …", "Đài Phát thanh …").
    "Báo", "Tạp chí", "Thông tấn xã",
    "Hiệp hội", "Liên minh", "Liên hiệp",
    # Parties a conclusion or a project plan assigns work to beside the agencies.
    "Nhà đầu tư", "Chủ đầu tư", "Nhà thầu", "Chủ dự án",
    # Central bodies of the Front's member organisations ("Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "Trung ương
    # Đoàn Thanh niên …") and the heads of state groups ("Tổng Giám đốc các tập đoàn, tổng công ty nhà nước").
    "Trung ương Hội", "Trung ương Đoàn", "Trung ương Mặt trận", "Tổng Giám đốc", "Tập đoàn",
    "Quốc hội", "Lãnh đạo Ban", "Lãnh đạo Sở", "Lãnh đạo Văn phòng", "Lãnh đạo UBND", "Lãnh đạo Ủy ban", "Lãnh đạo Bộ",
)
# Lower-case openers that start a new body after a named one ("..., các sở, ban, ngành").
GENERIC_HEADS: tuple[str, ...] = (
    "các sở", "các tổ chức", "các đơn vị", "các cơ quan", "các trường", "các hội", "các ban", "các phòng",
    "cán bộ", "công chức", "các địa phương", "các doanh nghiệp", "các khu phố", "các xã",
    "các quận", "các huyện", "ủy ban", "uỷ ban", "các ủy ban", "các uỷ ban", "các bộ", "các đoàn thể", "các ngành", "các cấp", "các cấp ủy",
    # Every level of local government ("Bộ Tài chính, các tỉnh, thành phố trực thuộc trung ương"), and "một số", which
    # opens a group of bodies as "các" does ("Các sở, ngành Thành phố, một số Đại sứ quán và tổ chức quốc tế").
    "các tỉnh", "các thành phố", "các phường", "các thị xã", "các thị trấn", "các đặc khu", "một số",
    # Members beside the bodies they sit in ("Đoàn đại biểu Quốc hội, đại biểu Quốc hội").
    "đại biểu",
)
# Lower-case openers that always start a new body ("..., thành viên Ban chỉ đạo").
ALWAYS_NEW_HEADS: tuple[str, ...] = (
    "thành viên", "các thành viên",
    # People named by office in small plans ("Các đ/c Phó chủ tịch, Trưởng đoàn thể xã, các đồng chí Chuyên viên").
    "trưởng", "phó trưởng", "các đồng chí", "các đại biểu", "các đ/c", "đồng chí", "đ/c", "chuyên viên", "các chuyên viên",
)

# --- Reporting ---------------------------------------------------------------
REPORT_VERB = re.compile(  # (?<![a-z]) looked behind at after the first letter (by_first_letter): the same matches
    by_first_letter(r"b[ad]o\s+c[ad]o|s[oda]\s+ket|t[oda]ng\s+ket|t[oda]ng\s+h[oda]p\s+k[eq]t\s+qu[ad]|gui\s+k[eq]t\s+qu[ad]", "[a-z]")
    + r"(?![a-z])"
)
FREQUENCY_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("semiannual", re.compile(r"(?<![\d])6\s+th[ad]ng|s[ad]u\s+th[ad]ng|nua\s+n[ad]m|(?<![\d,.])(?:hai|0?2)\s+lan\s*(?:/|moi|trong)\s*(?:0?1\s+|mot\s+)?n[ad]m(?![a-z])")),
    ("quarterly", re.compile(r"(?:h[ad]ng|moi|dinh\s+ky)\s+quy(?![a-z])|hang\s+quy|b[ad]o\s+c[ad]o\s+quy(?![a-z])(?!\s+dinh)")),
    # "Báo cáo tháng: gửi trước ngày 22 …" names the monthly report ("báo cáo tháng 6/2026" is one month's report).
    ("monthly", re.compile(r"(?:h[ad]ng|moi|dinh\s+ky)\s+th[ad]ng(?![a-z])|b[ad]o\s+c[ad]o\s+th[ad]ng(?![a-z])(?!\s*(?:\d|nay|truoc|sau|cuoi|dau))")),
    ("annual", re.compile(
        r"(?<!lan\s)(?:h[ad]ng|moi|dinh\s+ky|thuong)\s+n[ad]m(?![a-z])|thuong\s+nien"  # not "hai lần mỗi năm"
        r"|b[ad]o\s+c[ad]o\s+(?:k[eq]t\s+qu[ad]\s+(?:thuc\s+hien\s+)?|(?:t[oda]ng|s[oda])\s+k[eq]t\s+)?n[ad]m(?![a-z]|\s*\d)|(?<![a-z])c[ad]\s+n[ad]m(?![a-z])"
        # "6 tháng (trước ngày 10/6) và năm (trước ngày 05/12)", "định kỳ 6 tháng, năm, …"; "trước ngày 10 tháng 01 năm sau".
        r"|(?:(?<![a-z])va|,)\s+n[ad]m(?=\s*(?:\(|,|tr[uy][oda]c\s+ngay))|(?<![a-z])n[ad]m\s+sau(?![a-z])"
        # "Định kỳ kết thúc năm học, … gửi kết quả …", "cuối mỗi năm học": once each school year.
        r"|(?:dinh\s+ky|moi|h[ad]ng)\s+(?:ket\s+thuc|cuoi)\s+n[ad]m\s+hoc|(?:ket\s+thuc|cuoi)\s+(?:moi|h[ad]ng)\s+n[ad]m\s+hoc"
    )),
    ("adhoc", re.compile(r"d[oda]t\s+xuat|khi\s+c[oda]\s+yeu\s+cau|theo\s+yeu\s+cau")),
)
# "sơ kết vào năm 2027", "sơ kết 03 năm vào quý IV/2027", "tổng kết vào tháng 12/2030".
ONCE_CUE = re.compile(
    r"(?:s[oda]|t[oda]ng)\s+ket[^.;]{0,60}?(?:vao|trong|cuoi)?\s*"
    r"(?:n[ad]m|quy\s+(?:[ivx]{1,3}|[1-4])\s*(?:/|n[ad]m)|th[ad]ng\s+\d{1,2}\s*(?:/|n[ad]m))\s*((?:19|20)\d\d)(?![\d-])"
)
# The year first: "Năm 2025 tổ chức tổng kết ...", "Cuối năm 2027, sơ kết ...".
ONCE_CUE_BEFORE = re.compile(
    r"(?:^|;)[\s\-–+•]*(?:(?:vao|trong|cuoi|dau|giua|ket\s+thuc|het)\s+"
    # "Đến năm 2030 tổ chức tổng kết …": "đến" before a review only ("Đến năm 2030, 100% … báo cáo" is a target's year)
    r"|den\s+(?=n[ad]m\s+(?:19|20)\d\d[^.;]{0,60}?(?:s[oda]|t[oda]ng)\s+ket))?n[ad]m\s+((?:19|20)\d\d)(?![\d-])[^.;]{0,60}?"
    r"(?:(?:s[oda]|t[oda]ng)\s+ket|b[ad]o\s+c[ad]o)"
)
# A deadline that names its year ("trước ngày 30 tháng 6 năm 2027", "trước ngày 30/6/2027"): a one-off report.
DATED_DEADLINE = re.compile(
    r"(?:tr[uy][oda]c|cham\s+nhat(?:\s+(?:la|vao))?|han\s+chot(?:\s+la)?"
    # "Thời hạn gửi báo cáo: ngày 20/12/2026", "Hạn chót nộp báo cáo: ngày …"
    r"|(?:thoi\s+han|han\s+chot)\s+(?:gui|nop)\s+b[ad]o\s+c[ad]o\s*:)"
    r"\s+(?:\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2})?(?:\s*phut)?,?\s+)?(?:ngay\s+)?(\d{1,2})\s*(?:/|-|\.|\s+th[ad]ng\s+)\s*(\d{1,2})\s*(?:/|-|\.|\s+n[ad]m\s+)\s*((?:19|20)\d\d)(?!\d)"
)
REVIEW_CUE = re.compile(r"(?:s[oda]|t[oda]ng)\s+ket")
TROUBLE_CUE = re.compile(
    r"neu\s+c[oda]\s+(?:kh[oda]\s+kh[ad]n|v[uy][oda]ng\s+m[ad]c|ph[ad]t\s+sinh|de\s+xuat|kien\s+nghi)"
    r"|neu\s+(?:thay\s+)?c[ad]n\s+(?:thiet\s+)?(?:sua\s+doi|bo\s+sung|dieu\s+chinh)"
    # difficulties gathered to be raised ("tổng hợp khó khăn, vướng mắc … và báo cáo", "phản ánh những vướng mắc")
    r"|(?:tong\s+hop|phan\s+anh)\s*,?\s+(?:cac\s+|nhung\s+)?(?:kh[oda]\s+kh[ad]n|v[uy][oda]ng\s+m[ad]c)"
)
# "Định kỳ báo cáo" without a period: the default regime is annual (Decree 09/2019, art. 12).
PERIODIC_CUE = re.compile(r"dinh\s+ky(?![a-z])")
AWARD_CUE = re.compile(r"khen\s+thuong")
DEADLINE = re.compile(
    r"(?:tr[uy][oda]c|cham\s+nhat(?:\s+(?:la|vao))?|han\s+chot(?:\s+la)?|(?:thoi\s+han|han\s+chot)\s+(?:gui|nop)\s+b[ad]o\s+c[ad]o\s*:)"
    r"\s+(?:\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2})?(?:\s*phut)?,?\s+)?ngay\s+(\d{1,2})(?:\s*(?:/|-|\.|\s+th[ad]ng\s+)\s*(\d{1,2})(?!\d))?"
)
