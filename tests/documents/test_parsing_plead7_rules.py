"""Issue 10, helper plead7 (lead units of tasks the parser finds): each rule on a short text written for it.

The texts are composed from how Vietnamese administrative documents hand out duties (Decree 30/2020), not copied
from any corpus document.
"""

from __future__ import annotations

from ansinh.documents.parsing import extract_plan
from ansinh.lib.text import normalize_text


def _units(text: str) -> dict[str, tuple[list[str], list[str]]]:
    result = extract_plan(normalize_text(text), "probe")
    return {t["number"]: (t["lead"], t["coordinate"]) for t in result["tasks"]}


_LETTER = """ỦY BAN NHÂN DÂN TỈNH KHÁNH BÌNH
Số: 120/UBND-VX
V/v tăng cường phòng, chống dịch bệnh

Kính gửi: Các sở, ngành; UBND các xã, phường.

Để chủ động phòng, chống dịch bệnh, UBND tỉnh chỉ đạo như sau:

1. Giao Sở Y tế

- Tăng cường giám sát, phát hiện sớm ca bệnh tại cộng đồng.

- Chuẩn bị sẵn sàng thuốc, vật tư, trang thiết bị phục vụ điều trị.

2. Đề nghị UBND các xã, phường

- Tuyên truyền để người dân chủ động phòng bệnh.

3. Yêu cầu đối với các cơ sở kinh doanh dịch vụ ăn uống.

3.1. Bảo đảm vệ sinh an toàn thực phẩm theo quy định.

3.2. Niêm yết công khai nguồn gốc thực phẩm.
"""


def test_a_heading_that_only_hands_the_duties_below_to_bodies_names_its_lead() -> None:
    units = _units(_LETTER)
    assert units["1"][0] == ["Sở Y tế"]
    assert units["2"][0] == ["UBND các xã, phường"]
    assert units["3"][0] == ["các cơ sở kinh doanh dịch vụ ăn uống"]


def test_a_heading_that_addresses_bodies_and_goes_on_with_their_duty_is_not_read_as_names_alone() -> None:
    text = _LETTER.replace("2. Đề nghị UBND các xã, phường", "2. Đề nghị các cơ quan, địa phương triển khai thực hiện")
    assert _units(text).get("2", ([], []))[0] != ["các cơ quan, địa phương triển khai thực hiện"]
