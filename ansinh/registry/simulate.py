"""A simulated population: realistic Vietnamese households, clearly labelled as simulated.

Surname shares follow the usual estimates (Nguyễn about 38 %, Trần 11 %, Lê 9.5 %, Phạm 7 % …);
middle names depend on sex (and "Văn"/"Thị" on age); households are a head, often a spouse,
children born when the parents were 20–40, sometimes a grandparent or grandchildren. Ethnic
groups follow Hồ Chí Minh City's mix there and the national mix elsewhere. ID numbers are
consistent with birth year and sex (place code of the birth province, mostly the commune's own);
some persons have none. Every record has ``simulated = True`` and a ``SIM-`` record id.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

from ansinh.registry.identity import place_codes
from ansinh.registry.importer import ImportReport, Progress, import_table, iter_rows
from ansinh.registry.tabular import COLUMNS, Table

DEMO_COMMUNES = ("26740", "26743", "26737")
SURNAMES = (
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 3), ("Huỳnh", 2.1), ("Phan", 4.5),
    ("Vũ", 2), ("Võ", 1.9), ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
    ("Lý", 0.5), ("Trương", 0.8), ("Đinh", 0.7), ("Lâm", 0.6), ("Mai", 0.5), ("Đoàn", 0.6), ("Cao", 0.5),
    ("Lương", 0.5), ("Tạ", 0.3), ("Hà", 0.5), ("Trịnh", 0.5), ("Châu", 0.3), ("Tô", 0.3), ("Quách", 0.2),
)
MIDDLE_MALE = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Hoàng", "Gia", "Anh", "Trọng", "Xuân", "Tuấn", "Ngọc")
MIDDLE_FEMALE = ("Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Bảo", "Phương", "Hoài", "Mỹ", "Khánh", "Thùy", "Hồng")
GIVEN_MALE = (
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Huy", "Khoa", "Long", "Minh", "Nam", "Phúc", "Quang", "Sơn",
    "Tài", "Thắng", "Thành", "Trung", "Tuấn", "Việt", "Khang", "Bảo", "Đức", "Hiếu", "Hoàng", "Kiên", "Lâm",
    "Lộc", "Nghĩa", "Phong", "Tâm", "Toàn", "Vinh", "Duy", "Đạt", "Hưng", "Khải", "Nhân", "Quân", "Thịnh",
)
GIVEN_FEMALE = (
    "Anh", "Bích", "Châu", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền", "Lan",
    "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thơ",
    "Thu", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Yến", "Xuân", "Hiền", "Ngọc",
)
ETHNIC_HCMC = (("Kinh", 93), ("Hoa", 4.5), ("Khmer", 1.4), ("Chăm", 0.3), ("Tày", 0.3), ("Nùng", 0.3), ("Mường", 0.2))
ETHNIC_VN = (
    ("Kinh", 85.3), ("Tày", 1.9), ("Thái", 1.9), ("Mường", 1.5), ("H'Mông", 1.4), ("Khmer", 1.4), ("Nùng", 1.1),
    ("Dao", 0.9), ("Hoa", 0.8), ("Gia Rai", 0.5), ("Ê Đê", 0.4), ("Ba Na", 0.3), ("Chăm", 0.2),
)
STREETS = ("Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Pasteur", "Lý Tự Trọng", "Nam Kỳ Khởi Nghĩa", "Trần Hưng Đạo", "Điện Biên Phủ")


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.surnames, self.surname_w = zip(*SURNAMES, strict=True)

    def surname(self) -> str:
        return self.rng.choices(self.surnames, self.surname_w)[0]

    def full(self, surname: str, sex: str, year: int) -> str:
        rng = self.rng
        if sex == "nam":
            middle = "Văn" if rng.random() < (0.6 if year < 1980 else 0.25) else rng.choice(MIDDLE_MALE)
            given = rng.choice(GIVEN_MALE)
        else:
            middle = "Thị" if rng.random() < (0.7 if year < 1980 else 0.3) else rng.choice(MIDDLE_FEMALE)
            given = rng.choice(GIVEN_FEMALE)
        return f"{surname} {middle} {given}"


def generate(households: int, communes: list[str], seed: int, today: dt.date | None = None) -> Iterator[list[str]]:
    """Rows in the import's column order (``tabular.COLUMNS``)."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    names = _Names(rng)
    places = sorted(place_codes())
    used: set[str] = set()  # IDs are unique, as the duplicate gate on import requires
    for h in range(households):
        commune = communes[h % len(communes)]
        hcmc = True  # the demo and bench communes are in HCMC; the mix differs little elsewhere
        ethnic_table = ETHNIC_HCMC if hcmc else ETHNIC_VN
        ethnicity = rng.choices([e for e, _ in ethnic_table], [w for _, w in ethnic_table])[0]
        code = f"HSIM{seed}-{h + 1:07d}"
        address = f"{rng.randint(1, 300)} {rng.choice(STREETS)}, khu phố {rng.randint(1, 12)}"
        area = "thanh_thi"
        head_sex = "nam" if rng.random() < 0.68 else "nu"
        head_year = today.year - rng.randint(25, 85)
        surname = names.surname()
        members: list[tuple[str, str, int, str]] = [(head_sex, names.full(surname, head_sex, head_year), head_year, "Chủ hộ")]
        spouse_year = head_year + rng.randint(-3, 6) * (1 if head_sex == "nam" else -1)
        if rng.random() < (0.78 if today.year - head_year < 70 else 0.5) and spouse_year < today.year - 18:
            s_sex = "nu" if head_sex == "nam" else "nam"
            members.append((s_sex, names.full(names.surname(), s_sex, spouse_year), spouse_year, "Vợ" if s_sex == "nu" else "Chồng"))
        father_surname = surname if head_sex == "nam" else names.surname()
        for _ in range(rng.choices((0, 1, 2, 3, 4), (0.18, 0.3, 0.35, 0.12, 0.05))[0]):
            year = head_year + rng.randint(20, 40)
            if year > today.year:
                continue
            c_sex = rng.choice(("nam", "nu"))
            members.append((c_sex, names.full(father_surname, c_sex, year), year, "Con"))
        if today.year - head_year < 50 and rng.random() < 0.12:
            g_sex = rng.choice(("nam", "nu"))
            members.append((g_sex, names.full(names.surname(), g_sex, head_year - 27), head_year - 27, "Cha" if g_sex == "nam" else "Mẹ"))
        if today.year - head_year > 60 and rng.random() < 0.3:
            year = min(today.year - 1, head_year + rng.randint(45, 60))
            g_sex = rng.choice(("nam", "nu"))
            members.append((g_sex, names.full(names.surname(), g_sex, year), year, "Cháu"))
        for m, (sex, full_name, year, relation) in enumerate(members):
            if year < 1900:
                continue
            yield _row(rng, today, commune, code, address, area, f"SIM{seed}-{h + 1:07d}-{m + 1}", full_name, sex,
                       year, relation, ethnicity, places, used)


def _row(
    rng: random.Random, today: dt.date, commune: str, code: str, address: str, area: str, ref: str, full_name: str,
    sex: str, year: int, relation: str, ethnicity: str, places: list[str], used: set[str] | None = None,
) -> list[str]:
    precision = rng.random()
    if precision < 0.05:
        birth = str(year)
    else:
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        if dt.date(year, month, day) > today:
            month, day = 1, 1
        birth = f"{year}-{month:02d}-{day:02d}" if precision < 0.6 else f"{day:02d}/{month:02d}/{year}"
    age = today.year - year
    personal_id = ""
    if rng.random() > (0.45 if age < 14 else 0.04):
        place = "079" if rng.random() < 0.7 else rng.choice(places)
        digit = 2 * ((year - 1900) // 100) + (0 if sex == "nam" else 1)
        personal_id = f"{place}{digit}{year % 100:02d}{rng.randrange(1_000_000):06d}"
        while used is not None and personal_id in used:
            personal_id = f"{place}{digit}{year % 100:02d}{rng.randrange(1_000_000):06d}"
        if used is not None:
            used.add(personal_id)
    phone = f"0{rng.choice('389753')}{rng.randrange(10**8):08d}" if age >= 16 and rng.random() < 0.65 else ""
    return [ref, code, commune, area, address, full_name, birth, "Nam" if sex == "nam" else "Nữ", personal_id,
            relation, ethnicity, phone]


def simulate_to_csv(path: Path, households: int, communes: list[str] | None, seed: int) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in generate(households, list(communes or DEMO_COMMUNES), seed):
            writer.writerow(row)
            n += 1
    return n


def simulate_to_db(households: int, communes: list[str] | None, seed: int, progress: Progress | None = None) -> ImportReport:
    """Generate and import in one go (same validation and writes as a file import)."""
    rows = generate(households, list(communes or DEMO_COMMUNES), seed)
    table = Table(headers=list(COLUMNS), columns={c: i for i, c in enumerate(COLUMNS)}, unmapped=[], encoding="mô phỏng", rows=iter_rows(rows))
    return import_table(table, progress=progress, simulated=True, total=int(households * 3.4))
