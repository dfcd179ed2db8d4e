"""Cues of a reporting duty written anywhere in a document (Decree 09/2019, Decree 30/2020).

A reporting regime is stated in the "Chế độ báo cáo" / "Tổ chức thực hiện" parts, but decrees, resolutions,
dispatches and plans also put reports inside the duties of each body ("Hằng tháng, … tổng hợp, báo cáo …",
"kịp thời báo cáo UBND tỉnh", "hoàn thành báo cáo … trước ngày 05/5/2026"). Outside the organising parts a
sentence is a duty only when its report is owed: it names a period, a deadline, a recipient or the occasion
(when asked, without delay, when difficulties arise); "báo cáo" as the name of a kind of document
("Báo cáo số 12/BC-UBND", "báo cáo nghiên cứu khả thi", "báo cáo viên") is not a duty.

Frequencies are read as a list: "định kỳ 06 tháng, hằng năm hoặc đột xuất" is three duties, "định kỳ hằng
tháng, quý, năm và báo cáo đột xuất" four. A week ("hằng tuần", "02 tuần/lần") has no frequency of its own in
the schema: it is ad hoc. A period that only points at a regime stated elsewhere in the same text ("ngoài
báo cáo định kỳ hằng năm tại khoản 1 Điều này") is not a second duty, nor is a report whose content is a
request for funds ("báo cáo … xem xét, bố trí nguồn vốn").
"""

from __future__ import annotations

import re

from ansinh.documents.parsing.report_recipient import NOT_A_NUMBER
from ansinh.documents.parsing.vocab import FREQUENCY_CUES
from ansinh.lib.regex_needs import Words, may_match, needed_words

# A review ("sơ kết", "tổng kết", "sơ kết thực hiện …"), not "cơ sở kết luận", "số kết quả", "… kết thúc".
REVIEW = re.compile(
    r"(?<![a-z])(?<!co\s)(?:s[oda]|t[oda]ng)\s+k[eq]t(?![a-z])(?!\s+(?:luan|qua|noi|hop|nap|cau)(?![a-z]))"
    r"(?!\s+thuc(?![a-z])(?!\s+hien(?![a-z])))"
)

# "06 tháng" (the zero the regime's forms write), "sáu tháng", "nửa năm".
_SEMIANNUAL = re.compile(r"(?<![\d,.])0?6\s+th[ad]ng(?!\s+(?:ke\s+tu|tinh\s+tu|sau\s+khi))|s[ad]u\s+th[ad]ng|nua\s+n[ad]m")
# "định kỳ 03 tháng/1 lần", "3 tháng một lần" (OCR "03 tháng/Ilần"): a quarter written as a count of months.
_THREE_MONTHS = re.compile(
    r"(?<![\d,.])0?3\s+th[ad]ng\s*(?:/|mot)\s*(?:(?:0?1|i|l)\s*)?lan(?![a-z])|dinh\s+ky\s+(?:0?3|ba)\s+th[ad]ng(?![a-z])"
)
# "báo cáo 9 tháng", "chín tháng đầu năm": the third quarter's report (the schema has no nine-month period).
_NINE_MONTHS = re.compile(r"(?<![\d,.])0?9\s+th[ad]ng(?!\s+(?:ke\s+tu|tinh\s+tu|sau\s+khi)(?![a-z]))|chin\s+th[ad]ng(?![a-z])")
# "báo cáo theo quý", "theo từng tháng": a period after "theo" that ends the phrase (not "theo quy định", "theo tháng 6").
_BY = r"(?<![a-z])theo\s+(?:tung\s+)?"
_BY_END = r"(?=\s*(?:[,;.)]|$|va\s|hoac\s|(?:0?1|mot)\s+lan|(?:gui|bao\s+cao|ve|cho|len)\s))"
_BY_QUARTER = re.compile(_BY + r"quy" + _BY_END)
_BY_MONTH = re.compile(_BY + r"th[ad]ng" + _BY_END)
_BY_YEAR = re.compile(_BY + r"n[ad]m" + _BY_END)
# A list after a period: "hằng tháng, quý, năm", "06 tháng, năm", "tháng và quý".
_LIST_QUARTER = re.compile(
    r"th[ad]ng\s*(?:,|va|hoac)\s*(?:h[ad]ng\s+)?quy(?![a-z])(?!\s+dinh)"
    # "báo cáo công tác … quý, 6 tháng, năm": the list opened by the quarter
    r"|(?<![a-z])(?P<at>quy)\s*(?:,|va|hoac)\s*(?:0?6|sau)\s+th[ad]ng\s*(?:,|va|hoac)"
    # "tháng (trước ngày 20 hằng tháng), quý (trước ngày 20 tháng cuối quý)": the quarter as an item with its day
    r"|(?:(?<![a-z])va|,)\s+(?:h[ad]ng\s+)?(?P<item>quy)(?=\s*(?:\(|tr[uy][oda]c\s+ngay))"
)
# "báo cáo tháng, quý, 6 tháng, năm": the month opening a list of periods of a report.
# … also opened by "theo" or a week ("theo tuần, tháng, quý, năm", "hằng tuần, tháng và quý").
# ("báo cáo công tác tháng, quý, năm", "báo cáo kết quả thực hiện tháng, quý": the list opened by the month)
_LIST_MONTH = re.compile(r"(?:b[ad]o\s+c[ad]o\s+(?:dinh\s+ky\s*|cong\s+tac\s+|(?:ket\s+qua|tinh\s+hinh)\s+(?:thuc\s+hien\s+)?)?|dinh\s+ky\s*|(?<![a-z])theo\s+(?:tuan\s*(?:,|va|hoac)\s*)?|(?:h[ad]ng|moi)\s+tuan\s*(?:,|va|hoac)\s*)[(:]?\s*(?P<at>th[ad]ng)\s*(?:,|va|hoac)\s*(?:h[ad]ng\s+)?(?:quy|0?6\s+th[ad]ng|n[ad]m)(?![a-z])")
_LIST_YEAR = re.compile(
    r"(?:th[ad]ng|quy)\s*(?:,|va|hoac)\s*(?:h[ad]ng\s+|cuoi\s+|0?1\s+)?n[ad]m(?![a-z])"
    r"(?=\s*(?:$|[,;.()]|va\s|hoac\s|tr[uy][oda]c\s|bao\s+cao|gui|ve\s|cac\s|theo\s|cua\s|cho\s|len\s|(?:ubnd|uy\s+ban|so|bo|phong|ban)\s))"
)
# "sơ kết 6 tháng và tổng kết năm": the review of each year (not "tổng kết năm 2025", a one-off).
_YEAR_REVIEW = re.compile(r"(?:s[oda]|t[oda]ng)\s+k[eq]t\s+(?:cong\s+tac\s+)?n[ad]m(?![a-z]|\s*(?:\d|thu|hoc))")
# "báo cáo Hội đồng nhân dân tỉnh tại kỳ họp (thường lệ) cuối năm": the council's yearly sitting, a yearly report.
_YEARLY_SITTING = re.compile(r"(?:ky|phien)\s+hop\s+(?:thuong\s+le\s+)?cuoi\s+n[ad]m(?![a-z]|\s*\d)")
# Once a year ("01 lần/năm", "mỗi năm một lần"), a day of the year reported on ("trước ngày 15 tháng 12 của năm báo cáo").
# "(?<![\d,.])(?:0?1|mot)" + _ONCE_TAIL | "moi nam 1 lan" | "(?:cua\s+)?" + _YEAR_OF_REPORT, each branch opening with its first
# character and looking behind after it: the engine skips to one of them (the same matches, in the same order).
_ONCE_TAIL = r"\s+lan\s*(?:/|trong\s+|moi\s+)\s*(?:01\s+|1\s+|mot\s+)?n[ad]m(?![a-z])"
_YEAR_OF_REPORT = r"n[ad]m\s+b[ad]o\s+c[ad]o(?![a-z])(?!\s+(?:duoc\s+)?tinh)"
_ONCE_A_YEAR = re.compile(
    r"0(?<![\d,.]0)1" + _ONCE_TAIL + r"|1(?<![\d,.]1)" + _ONCE_TAIL + r"|m(?<![\d,.]m)ot" + _ONCE_TAIL
    + r"|moi\s+n[ad]m\s+(?:0?1|mot)\s+lan|cua\s+" + _YEAR_OF_REPORT + "|" + _YEAR_OF_REPORT
)
# A day of the first or last month of each quarter ("ngày 10 của tháng cuối quý", "tháng đầu quý tiếp theo").
_QUARTER_MONTH = re.compile(r"th[ad]ng\s+(?:cuoi|dau)\s+(?:cua\s+)?(?:moi\s+|mot\s+)?quy(?![a-z])")
# A week: no weekly frequency exists in the schema, so it is ad hoc.
WEEKLY = re.compile(
    r"h[ad]ng\s+tuan|moi\s+tuan|(?<![a-z])theo\s+tuan\s*(?:,|va|hoac)|\d+\s+tuan\s*/\s*(?:01\s+|1\s+|mot\s+)?lan|(?:01|1|mot)\s+lan\s*/\s*tuan|dinh\s+ky\s+\d+\s+tuan"
)
_UNPLANNED = re.compile(r"dot\s+xuat")
# "… tại khoản 1 Điều này", "theo quy định tại Điều 15 Quyết định này": a pointer to the same text's own regime.
INTERNAL_POINTER = re.compile(
    r"(?:tai|theo)\s+(?:quy\s+dinh\s+tai\s+)?(?:(?:diem\s+[a-zđ]\s+)?khoan\s+\d+\s+)?dieu\s+(?:nay|\d+\s+(?:cua\s+)?"
    r"(?:nghi\s+dinh|quyet\s+dinh|thong\s+tu|nghi\s+quyet|chi\s+thi|ke\s+hoach|luat|phap\s+lenh)\s+nay)"
    r"|(?:tai|theo)\s+(?:quy\s+dinh\s+tai\s+)?(?:diem\s+[a-zđ]\s+)?khoan\s+\d+\s+dieu\s+nay"
)
# A report asking for money ("báo cáo cấp có thẩm quyền xem xét, bố trí nguồn vốn"): a budget request.
FUNDING_REQUEST = re.compile(
    r"b[ad]o\s+c[ad]o[^.;]{0,80}?(?:bo\s+tri|quyet\s+dinh|phan\s+bo|cap\s+bo\s+sung|bo\s+sung|giao\s+(?:bo\s+sung\s+)?du\s+toan)\s+"
    r"(?:nguon\s+)?(?:von|kinh\s+phi|ngan\s+sach|du\s+toan)"
)
# A report that carries a proposal for a body with the power to decide ("báo cáo Hội đồng nhân dân tỉnh quan tâm, cân đối
# ngân sách …", "báo cáo cấp có thẩm quyền quyết định thực hiện sắp xếp …", "báo cáo HĐND cấp tỉnh đẩy mạnh chính sách
# …"): a submission asking that body to adopt a measure, as a budget request is, not a report owed on the work.
DECISION_REQUEST = re.compile(
    r"b[ad]o\s+c[ad]o\s+(?:len\s+|voi\s+)?(?:hoi\s+dong\s+nhan\s+dan|hdnd|cap\s+co\s+tham\s+quyen|co\s+quan\s+co\s+tham\s+quyen)"
    r"(?:\s+(?!xem\s|quyet\s|quan\s|day\s|ban\s+hanh|phe\s|cho\s+chu)[a-z]+){0,4}?\s+(?:xem\s+xet,?\s+)?"
    r"(?:quyet\s+dinh|quan\s+tam|day\s+manh|ban\s+hanh|phe\s+duyet|cho\s+chu\s+truong)\s*,?\s+"
    r"(?!theo\s|tai\s|truoc\s|trong\s|cua\s|ve\s+viec)[a-z][^.;]*"
)
# "báo cáo" as the name of a kind of document, not a duty.
DOCUMENT_NOUN = re.compile(
    r"b[ad]o\s+c[ad]o\s+(?:so\s+\d|chinh\s+tri|nghien\s+cuu|kinh\s+te\s*-?\s*ky\s+thuat|tai\s+chinh|vien(?![a-z])|"
    r"de\s+xuat\s+chu\s+truong|danh\s+gia\s+tac\s+dong|tham\s+dinh|dien\s+tu|tham\s+luan|quyet\s+toan|kiem\s+toan|thuyet\s+minh)"
    r"|(?:theo|tai|trong|cua|tren\s+co\s+so|can\s+cu(?:\s+vao)?|(?<![a-z])mau)\s+(?:cac\s+)?b[ad]o\s+c[ad]o(?![a-z])"
    # a report read as a source ("qua báo cáo của các xã", "tổng hợp từ báo cáo", "căn cứ kết quả báo cáo")
    r"|(?<![a-z])(?:qua|tu|thong\s+qua)\s+(?:cac\s+)?b[ad]o\s+c[ad]o\s+cua(?![a-z])"
    r"|(?<![a-z])tu\s+(?:cac\s+)?b[ad]o\s+c[ad]o(?![a-z])"
    # "đối tượng báo cáo" (the reporting entities of the law on money laundering): a kind of party, not a report
    r"|(?<![a-z])doi\s+tuong\s+b[ad]o\s+c[ad]o(?![a-z])"
    r"|can\s+cu\s+(?:vao\s+)?(?:ket\s+qua|noi\s+dung|so\s+lieu)\s+b[ad]o\s+c[ad]o"
    # "nghe … báo cáo" (a meeting hears a report), not "công nghệ", "ngành nghề", "làng nghề", "đào tạo nghề", "nghề nghiệp"
    r"|(?<![a-z])(?<!cong\s)(?<!nganh\s)(?<!lang\s)(?<!tao\s)(?<!day\s)(?<!hoc\s)(?<!lam\s)(?<!duc\s)nghe\s(?!nghiep)[^.;]{0,80}?b[ad]o\s+c[ad]o"
    # a report cited by its number ("Báo cáo tiếp thu số 4723/BC-UBND", "Báo cáo kết quả thẩm định số 12/BC-…")
    r"|b[ad]o\s+c[ad]o(?:\s+[a-z]+){0,5}?\s+so\s*:?\s*\d+\s*/"
    # someone else's report that this body receives or rules on ("công nhận báo cáo kết quả thăm dò")
    r"|(?:cong\s+nhan|phe\s+duyet|tham\s+dinh|tham\s+tra|tiep\s+nhan|nhan\s+duoc|thong\s+qua)\s+(?:cac\s+)?b[ad]o\s+c[ad]o"
    # "báo cáo" in a list of kinds of papers ("các văn bản, báo cáo, kế hoạch, quyết định, biểu mẫu")
    r"|(?:van\s+ban|ke\s+hoach|quyet\s+dinh|to\s+trinh|cong\s+van|ho\s+so|bieu\s+mau|tai\s+lieu),\s+b[ad]o\s+c[ad]o,\s"
    # someone's report as a paper ("Báo cáo của Ủy ban nhân dân cấp xã" in a dossier, "theo báo cáo của các sở")
    r"|b[ad]o\s+c[ad]o\s+cua(?![a-z])"
    # the quality of reports as a task ("nâng cao chất lượng báo cáo định kỳ", "chất lượng công tác thông tin, báo cáo")
    r"|(?:chat\s+luong|hieu\s+qua)\s+(?:cua\s+)?(?:cong\s+tac\s+)?(?:che\s+do\s+)?(?:thong\s+tin,?\s+)?(?:cac\s+)?b[ad]o\s+c[ad]o"
    # a report already made ("đã báo cáo", "đã tổng hợp, báo cáo", "đã gửi báo cáo"): the past, not a duty
    r"|(?<![a-z])da\s+(?:(?!duoc\s)[a-z]+,?\s+){0,3}?b[ad]o\s+c[ad]o"
    # a task's product named inline ("(sản phẩm: báo cáo UBND tỉnh; …)", "Kết quả/sản phẩm: Báo cáo trình …")
    r"|(?:san\s+pham|ket\s+qua(?:\s*/\s*san\s+pham)?|hinh\s+thuc(?:\s+van\s+ban)?)\s*:\s*(?:la\s+|cac\s+|mot\s+)?b[ad]o\s+c[ad]o"
    # the alternative to acting oneself ("xử lý theo thẩm quyền hoặc kịp thời báo cáo cấp có thẩm quyền"): a conditional step
    r"|(?:theo|thuoc)\s+tham\s+quyen\s+hoac\s+(?:kip\s+thoi\s+)?(?:tong\s+hop,?\s+)?b[ad]o\s+c[ad]o"
    # a system or mechanism named by what it does ("hệ thống đo đạc, báo cáo, thẩm định giảm phát thải"): a thing built
    r"|(?<![a-z])(?:he\s+thong|co\s+che|quy\s+trinh)\s+(?:[a-z]+(?:\s+[a-z]+)?,\s*){1,3}b[ad]o\s+c[ad]o"
    # a copy "(để báo cáo)" in the list of recipients of a text
    r"|\(\s*de\s+b[ad]o\s+c[ad]o\s*\)"
    # what a system or tool can do ("có chức năng tổng hợp, báo cáo", "công cụ báo cáo", "cho phép … báo cáo"): a feature
    r"|(?<![a-z])(?:chuc\s+nang|tinh\s+nang|cong\s+cu)\s(?:[^.;]{0,80}?\s)?b[ad]o\s+c[ad]o"
    # the superior's report drafted by its advisor ("tham mưu giúp UBND tỉnh xây dựng báo cáo, sơ kết …")
    r"|(?<![a-z])tham\s+muu\s+(?:giup\s+|cho\s+)?[^.;]{0,40}?(?:xay\s+dung|chuan\s+bi|soan\s+thao|du\s+thao)\s+(?:cac\s+)?b[ad]o\s+c[ad]o"
    # reports kept in a register ("cập nhật báo cáo tình hình …") or left to other rules ("và các báo cáo khác")
    r"|(?<![a-z])cap\s+nhat\s+(?:cac\s+)?b[ad]o\s+c[ad]o|(?<![a-z])cac\s+b[ad]o\s+c[ad]o\s+khac(?![a-z])"
    # the escalation alternative ("đôn đốc thực hiện hoặc báo cáo Cục Thuế để xem xét, chỉ đạo"): a conditional step
    r"|(?<![a-z])hoac\s+(?:kip\s+thoi\s+)?b[ad]o\s+c[ad]o\s[^.;]{0,60}?de\s+(?:xem\s+xet|xu\s+ly|chi\s+dao|giai\s+quyet)"
    # … also without "để" ("xử lý hoặc báo cáo cấp có thẩm quyền xử lý", "giải quyết hoặc báo cáo cơ quan có thẩm quyền")
    r"|(?:xu\s+ly|giai\s+quyet|khac\s+phuc|thao\s+go)(?:\s+theo\s+tham\s+quyen)?\s+hoac\s+(?:kip\s+thoi\s+)?b[ad]o\s+c[ad]o\s+(?:cho\s+|len\s+)?(?:cap|co\s+quan)\s+co\s+tham\s+quyen"
    # a report read, not written ("nghiên cứu kỹ báo cáo, hồ sơ do các đơn vị gửi")
    r"|(?<![a-z])nghien\s+cuu\s+(?:ky\s+)?(?:cac\s+)?b[ad]o\s+c[ad]o(?![a-z])"
)
REPORT_WORD = re.compile(r"(?<![a-z])b[ad]o\s+c[ad]o(?![a-z])")  # "báo cáo", also OCR'd "bao cao"
# The same, reaching further back: what a system lets its users do ("… cho phép người lao động … tạo lập, ký số, …,
# đồng thời thực hiện báo cáo …"); a regime as the subject of guidance ("ban hành hướng dẫn về …; về chế độ báo cáo").
FAR_NOUN = re.compile(
    r"(?<![a-z])cho\s+phep\s[^.;]{0,240}?b[ad]o\s+c[ad]o"
    r"|(?<![a-z])huong\s+dan\s(?:[^.]{0,160}?\s)?ve\s+che\s+do\s+(?:thong\s+tin,?\s+)?b[ad]o\s+c[ad]o"
)
# Whom a report goes to: a body after the verb ("báo cáo UBND tỉnh", "gửi … về Sở …"); "Ban/Bộ/Vụ …" as bodies, not "văn bản",
# "ban hành", "bổ sung", "bố trí", "vụ việc", nor words that fold alike ("địa bàn", "cơ bản", "toàn bộ", "phục vụ", "nhiệm vụ").
_BAN_BO_VU = (
    r"(?<!van\s)(?<!phien\s)(?<!dia\s)(?<!co\s)ban\s+(?!hanh|sao|dau|do(?![a-z])|tin(?![a-z])|than|ve(?![a-z])|nay|ghi|tom|in(?![a-z]))[a-z]"
    r"|(?<!toan\s)(?<!dong\s)bo\s+(?!sung|phan|tri(?![a-z])|tieu\s+chi|chi\s+so|ho\s+so|may(?![a-z])|nhiem|du\s+lieu|cong\s+cu)[a-z]"
    r"|(?<!phuc\s)(?<!nhiem\s)(?<!dich\s)vu\s+(?!viec|an(?![a-z])|mua|tai\s+nan|chay|no(?![a-z]))[a-z]"
)
ADDRESSEE = re.compile(
    r"(?<![a-z])(?:b[ad]o\s+c[ad]o|gui)\s+(?:[^.;:]{0,60}?\s)?(?:cho\s+|voi\s+|ve\s+|len\s+|den\s+|toi\s+)?"
    r"(?:lanh\s+dao(?![a-z])|chu\s+ubnd|giam\s+doc|bi\s+thu|thu\s+tuong|chinh\s+phu|quoc\s+hoi|hoi\s+dong\s+nhan\s+dan|hdnd|ubnd|uy\s+ban|"
    + _BAN_BO_VU + r"|(?<!ho\s)(?<!mot\s)so\s+" + NOT_A_NUMBER + r"[a-z]|cac\s+so|cac\s+bo|cuc\s+[a-z]|tong\s+cuc|chu\s+tich|"
    r"thuong\s+truc|thuong\s+vu|tinh\s+uy|thanh\s+uy|dang\s+uy|cap\s+(?:tren|co\s+tham\s+quyen)|"
    r"co\s+quan\s+(?:co\s+tham\s+quyen|cap\s+tren|chu\s+quan|quan\s+ly|thuong\s+truc|chuyen\s+mon)|"
    r"(?:co\s+quan|don\s+vi)\s+(?!tinh(?![a-z]))[a-z]|(?:(?<=cho\s)|(?<=voi\s)|(?<=den\s)|(?<=ve\s))to\s+chuc\s+[a-z]"
    # "báo cáo về Bộ (qua Cục …)", "gửi về Bộ để tổng hợp": a ministry's own text names itself "Bộ"
    r"|(?:(?<=den\s)|(?<=ve\s)|(?<=len\s))bo(?![a-z])(?!\s+(?:sung|phan|tri(?![a-z])|tieu\s+chi|chi\s+so|ho\s+so|may(?![a-z])|nhiem|du\s+lieu|cong\s+cu)))"
)


# Outside the organising parts, without a recipient, only these occasions make a report owed ("kịp thời báo cáo", "báo cáo
# kịp thời/nhanh", "khi có yêu cầu", "đột xuất", "theo quy định", "thực hiện báo cáo về …"); "thường xuyên" does not.
# "(các nội dung) vượt thẩm quyền": matters beyond a body's authority, reported up when they arise (an escalation).
BEYOND_POWER = r"vuot\s+(?:qua\s+)?tham\s+quyen"
# An event that calls for a report ("gửi khi có vụ việc", "ngay khi xảy ra sự cố", "khi có tình huống phát sinh").
EVENT_OCCASION = (
    r"(?<![a-z])khi\s+(?:co|xay\s+ra)\s+(?:cac\s+|nhung\s+)?(?:vu\s+viec|su\s+viec|su\s+co|tinh\s+huong|bien\s+dong|dien\s+bien)(?![a-z])"
)
OCCASION_STRICT = re.compile(
    BEYOND_POWER + "|" + EVENT_OCCASION + r"|kip\s+thoi\s+(?:tong\s+hop,?\s+)?b[ad]o\s+c[ad]o|khi\s+(?:co|duoc)\s+yeu\s+cau|theo\s+yeu\s+cau|dot\s+xuat|theo\s+quy\s+dinh|"
    r"tai\s+ky\s+hop|b[ad]o\s+c[ad]o\s+(?:kip\s+thoi|nhanh)(?![a-z])|(?<![a-z])thuc\s+hien\s+b[ad]o\s+c[ad]o\s+ve(?![a-z])"
    # "thực hiện nghiêm túc việc báo cáo kết quả …": the results reported as told, not a regime pointed at
    r"|(?<![a-z])thuc\s+hien\s+(?:(?:nghiem(?:\s+tuc)?|day\s+du|dung)\s+)?viec\s+b[ad]o\s+c[ad]o\s+(?:ket\s+qua|tinh\s+hinh)"
)


# A period or an occasion that qualifies the noun before it: "chỉ tiêu hằng năm", "đúng tiến độ theo yêu cầu".
# … or of a work programme or plan the sentence makes ("cụ thể hoá thành chương trình công tác hằng năm").
_GOAL_BEFORE = re.compile(r"(?:chi\s+tieu|muc\s+tieu|tien\s+do|chat\s+luong|(?:chuong\s+trinh|ke\s+hoach)\s+cong\s+tac)\s+$")
_IN_A_DATE = re.compile(r"ngay\s+$")
_MONTH_OF_A_DATE = re.compile(r"ngay\s+\d{1,2}\s+$")


_NEEDS: dict[re.Pattern[str], Words | None] = {}


def _first_outside_a_date(pattern: re.Pattern[str], folded: str) -> re.Match[str] | None:
    """The first match that is not the month of a date ("ngày 06 tháng 6" names no six-month period)."""
    if pattern not in _NEEDS:
        _NEEDS[pattern] = needed_words(pattern)
    if not may_match(_NEEDS[pattern], folded):
        return None  # none of the words every match holds: the scan is spared
    for m in pattern.finditer(folded):
        before = folded[max(0, m.start() - 9):m.start()]
        if folded[m.start()].isdigit() and _IN_A_DATE.search(before):
            continue  # "ngày 06 tháng 6"
        if folded.startswith("th", m.start()) and _MONTH_OF_A_DATE.search(before):
            continue  # "ngày 10 tháng 6, năm" read as a list of periods
        if _GOAL_BEFORE.search(folded, max(0, m.start() - 24), m.start()):
            continue  # "chỉ tiêu hằng năm", "tiến độ theo yêu cầu": not the report's period
        return m
    return None


def periods(folded: str) -> list[tuple[str, int]]:
    """(frequency, offset of its cue) for every period a sentence names, pointers to the same text left out."""
    found: dict[str, tuple[int, int]] = {}
    for frequency, pattern in FREQUENCY_CUES:
        m = _first_outside_a_date(pattern, folded)
        if m:
            found[frequency] = (m.start(), m.end())
    extra = (("semiannual", _SEMIANNUAL), ("quarterly", _THREE_MONTHS), ("quarterly", _NINE_MONTHS), ("quarterly", _BY_QUARTER), ("monthly", _BY_MONTH), ("annual", _BY_YEAR), ("quarterly", _LIST_QUARTER), ("annual", _LIST_YEAR), ("monthly", _LIST_MONTH), ("annual", _YEAR_REVIEW), ("annual", _YEARLY_SITTING),
             ("annual", _ONCE_A_YEAR), ("quarterly", _QUARTER_MONTH))
    for frequency, pattern in extra:
        m = _first_outside_a_date(pattern, folded)
        if m and (frequency not in found or (frequency == "semiannual" and m.start() < found[frequency][0])):
            # the offset of the period word itself ("quý" in "tháng, quý"), for pairing with its deadline
            named = [g for g in ("at", "item") if g in pattern.groupindex and m.group(g)]
            at = m.start(named[0]) if named else m.end() - 3
            found[frequency] = (m.start() if frequency == "semiannual" else at, m.end())
    out = []
    for frequency, (at, end) in found.items():
        if INTERNAL_POINTER.match(folded, end + 1) or INTERNAL_POINTER.match(folded, end):
            continue  # "báo cáo định kỳ hằng năm tại khoản 1 Điều này": that regime, read where it is stated
        out.append((frequency, at))
    return sorted(out, key=lambda p: p[1])


def unplanned_besides(folded: str, has_period: bool) -> bool:
    """Whether a sentence that names a period also owes an unscheduled report ("… hằng năm và đột xuất")."""
    return has_period and bool(_UNPLANNED.search(folded) or WEEKLY.search(folded))


# The end of a text's body: the signature block's "Nơi nhận:" or an annex heading (forms and tables follow).
_BODY_END = re.compile(r"(?m)^[\s*#]*(?:noi\s+nhan\s*:|phu\s+luc(?:\s+(?:[ivx]+|\d+|so\s+\d+))?[\s*]*$)")
# "đã cấp trước ngày 01 tháng 7 năm 2025": a date the text refers to, not a deadline.
PAST_DATE = re.compile(r"(?:da|duoc)\s+(?:[a-z]+\s+){1,3}tr[uy][oda]c\s+ngay\s+\d")


def body_end(folded: str, counted: str | None = None) -> int:
    """Where the body of a text ends (the signature block or the first annex), past its first quarter.

    The quarter counts the text without its runs of blanks: annexed forms laid out by columns (a PDF's text layer)
    would otherwise push it past a short body's signature block. ``counted`` is the same-length text to count in
    (the text before tables were blanked: a blanked table's cells are text, not blanks).
    """
    quarter = _first_quarter(counted if counted is not None else folded)
    # _BODY_END.search from the quarter, found from its words: "^[\s*#]*" read at every line start runs over every blank
    # line below it (a masked table's), so the words are found first and the first line start of the blanks before them taken.
    for words in _BODY_END_WORDS.finditer(folded, quarter):
        run = words.start()
        while run > quarter and (folded[run - 1] in "*#" or folded[run - 1].isspace()):
            run -= 1
        if run == 0 or folded[run - 1] == "\n":
            return run
        line_break = folded.find("\n", run, words.start())
        if line_break != -1:
            return line_break + 1
    return len(folded)


_BODY_END_WORDS = re.compile(_BODY_END.pattern.replace("^[\\s*#]*", "", 1))


_BLANKS = re.compile(r"\s\s+")  # \s{2,} opening with one \s: the engine skips from blank to blank (1.5x faster)


def _first_quarter(folded: str) -> int:
    """The offset a quarter into ``folded``, each run of blanks counted as one character."""
    runs = [m.span() for m in _BLANKS.finditer(folded)]  # one scan: the length with each run one character, then the quarter
    target = (len(folded) - sum(end - start - 1 for start, end in runs)) // 4
    pos = count = 0
    for start, end in runs:
        if count + start - pos >= target:
            break
        count += start - pos + 1
        pos = end
    return pos + max(0, target - count)


# "báo cáo Hội đồng nhân dân cùng cấp tại kỳ họp gần nhất": a report owed once, at one sitting (README: `once`).
_AT_SESSION = re.compile(r"tai\s+(?:phien\s+hop|ky\s+hop|hoi\s+nghi)\s+(?:gan\s+nhat|tiep\s+theo|thuong\s+le\s+gan\s+nhat)")


def at_session(folded: str) -> tuple[bool, bool]:
    """(whether a report is owed at the next sitting, whether another clause of the sentence owes an unscheduled one)."""
    clauses = folded.split(";")
    session = [c for c in clauses if _AT_SESSION.search(c) and REPORT_WORD.search(c) and not periods(c)]
    if not session:
        return False, False
    others = [c for c in clauses if c not in session and REPORT_WORD.search(c) and ADDRESSEE.search(c) and not _AT_SESSION.search(c)]
    return True, bool(others)


# "…; sau Hội nghị báo cáo kết quả học tập về …", "Sau khi kết thúc đợt kiểm tra, Đoàn báo cáo …": a clause that opens
# with one event past ("sau" the meeting, the campaign, the session; not "sau mỗi đợt", every one of them) owes the
# report of that event, once (README: "kết thúc cuộc bầu cử … báo cáo" is once).
_AFTER_ONE_EVENT = re.compile(
    r"(?:^|[;:]|,(?=\s+(?:ngay\s+)?sau\s))[\s\-–+•\d.)]*(?:ngay\s+)?sau\s+(?:khi\s+)?(?:ket\s+thuc\s+|hoan\s+thanh\s+|to\s+chuc\s+)?"
    r"(?:hoi\s+nghi|hoi\s+thao|toa\s+dam|dot|cuoc|buoi|le|ky\s+hop|dai\s+hoi|lop|khoa)(?![a-z])[^;]*?(?<![a-z])b[ad]o\s+c[ad]o(?![a-z])"
)


def after_one_event(folded: str) -> bool:
    """Whether a clause of the sentence asks for a report after one event ("sau Hội nghị báo cáo …")."""
    return "sau" in folded and _AFTER_ONE_EVENT.search(folded) is not None
