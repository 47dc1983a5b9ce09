"""Which column of a sheet holds which field: matched from headers, adjustable, saved for reuse.

Headers are matched however they are written — Vietnamese or English, field
labels, HueDesk's own keys, the usual words of the department's workbooks
(``Họ tên``, ``Nhà tài trợ``, ``Vốn đăng ký``), with or without tone marks. A
unit in brackets is understood: ``Số tiền (triệu đồng)`` holds millions of đồng,
``Vốn đăng ký (USD)`` US dollars, ``Nhà tài trợ (UUID)`` the donor's UUID. A
mapping is saved as JSON by header text, so next year's workbook with the same
headers maps the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from huedesk.errors import HueDeskError
from huedesk.money import CURRENCY_EXPONENTS
from huedesk.reading.numbers import SCALES
from huedesk.records.describe import settable_fields
from huedesk.records.kinds import KINDS
from huedesk.text import fold

# Usual words of the department's workbooks for a field, besides its labels and key (folded).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "ten",
        "tieu de",
        "ten du an",
        "ten khoan vien tro",
        "ten doan",
        "ten su kien",
        "ten van ban",
        "ten cong viec",
        "title",
        "name",
    ),
    "name": (
        "ten",
        "ten to chuc",
        "ten co quan",
        "ten don vi",
        "ten dia phuong",
        "ten doi tac",
        "ten du an",
        "name",
    ),
    "full_name": ("ho va ten", "ho ten", "ten", "name", "full name"),
    "ref": ("so hieu", "so tham chieu", "ma ho so", "reference", "ref"),
    "donor_id": ("nha tai tro", "don vi tai tro", "to chuc tai tro", "doi tac tai tro", "donor"),
    "investor_id": ("nha dau tu", "chu dau tu", "investor"),
    "partner_id": ("doi tac", "dia phuong doi tac", "partner"),
    "counterpart_id": ("doi tac", "ben doi tac", "counterpart", "partner"),
    "organisation_id": ("co quan", "to chuc", "don vi", "organisation", "organization"),
    "project_id": ("du an", "ten du an", "khoan vien tro", "project"),
    "delegation_id": ("doan", "ten doan", "delegation"),
    "case_id": ("vu viec", "case"),
    "person_id": ("ho va ten", "ho ten", "nguoi", "person", "name"),
    "committed_amount": (
        "gia tri cam ket",
        "gia tri",
        "tong gia tri",
        "kinh phi",
        "tong kinh phi",
        "so tien",
        "amount",
        "value",
    ),
    "amount": ("so tien", "gia tri", "so tien giai ngan", "amount", "value"),
    "registered_capital": (
        "von dang ky",
        "tong von dau tu",
        "von dau tu",
        "von",
        "registered capital",
        "capital",
        "investment",
    ),
    "currency": ("loai tien", "don vi tien", "tien te", "dvt", "currency"),
    "rate_to_vnd": ("ty gia", "ty gia quy doi", "exchange rate", "rate"),
    "sector": ("linh vuc", "nganh", "sector"),
    "status": ("tinh trang", "trang thai", "status"),
    "approved_on": ("ngay phe duyet", "ngay quyet dinh", "approved on", "approval date"),
    "start_date": ("ngay bat dau", "tu ngay", "bat dau", "ngay den", "start date", "from"),
    "end_date": ("ngay ket thuc", "den ngay", "ket thuc", "ngay di", "end date", "to"),
    "value_date": ("ngay", "ngay giai ngan", "ngay gia tri", "date"),
    "licence_date": ("ngay cap phep", "ngay cap", "ngay cap gcn", "licence date"),
    "licence_no": ("so giay chung nhan", "so gcn", "giay chung nhan dau tu", "licence number"),
    "country_code": ("quoc gia", "nuoc", "country"),
    "nationality": ("quoc tich", "nationality"),
    "org_type": ("loai", "loai to chuc", "type"),
    "position": ("chuc vu", "chuc danh", "position"),
    "gender": ("gioi tinh", "gender", "sex"),
    "date_of_birth": ("ngay sinh", "ngay thang nam sinh", "date of birth", "birth date"),
    "passport_no": ("so ho chieu", "ho chieu", "passport", "passport number"),
    "phone": ("dien thoai", "so dien thoai", "dt", "phone", "tel"),
    "email": ("email", "e-mail", "thu dien tu"),
    "notes": ("ghi chu", "notes", "note", "remarks"),
    "tx_type": ("loai giao dich", "loai", "type"),
    "tranche": ("dot", "dot giai ngan", "tranche"),
    "document_ref": ("chung tu", "so chung tu", "receipt", "document"),
    "beneficiary": ("don vi thu huong", "thu huong", "beneficiary"),
    "approval_decision": ("quyet dinh phe duyet", "so quyet dinh", "quyet dinh", "decision"),
    "direction": ("chieu doan", "doan vao/ra", "direction"),
    "purpose": ("muc dich", "noi dung", "purpose"),
    "venue": ("dia diem", "venue", "place"),
    "location": ("dia diem", "vi tri", "location"),
    "event_type": ("loai su kien", "hinh thuc", "type"),
    "level": ("cap", "level"),
    "relation_type": ("loai quan he", "quan he", "relation"),
    "since": ("tu nam", "thiet lap tu", "since"),
    "signed_on": ("ngay ky", "signed on", "date signed"),
    "expires_on": ("ngay het han", "het hieu luc", "expires on"),
    "due_date": ("han", "han chot", "thoi han", "due date", "deadline"),
    "assignee": ("nguoi thuc hien", "can bo phu trach", "assignee"),
}
_UNIT = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_PUNCT = re.compile(r"[^\w/ ]+")


@dataclass
class ColumnRule:
    """What one column of the sheet means."""

    header: str
    field: str | None  # None: the column is left out
    role: str = "value"  # "value", or "uuid" for a reference given by UUID
    scale: int = 0  # the column's amounts are in 10**scale (triệu: 6)
    currency: str | None = None  # the currency of its amounts when a row names none


@dataclass
class Mapping:
    """How a sheet's columns map to a kind's fields; ``columns[i]`` for the sheet's column i."""

    kind: str
    columns: list[ColumnRule]
    lang: str = "vi"  # the convention numbers are written in (vi: 1.250,5)
    header_rows: list[int] = field(default_factory=list)  # 0-based rows forming the header

    def fields(self) -> dict[str, int]:
        """Field → column index for value columns."""
        return {r.field: i for i, r in enumerate(self.columns) if r.field and r.role == "value"}

    def to_json(self) -> str:
        data = {
            "kind": self.kind,
            "lang": self.lang,
            "columns": {
                r.header: {k: v for k, v in asdict(r).items() if k != "header"}
                for r in self.columns
                if r.header
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    def save(self, path: Path) -> None:
        Path(path).write_text(self.to_json(), encoding="utf-8")


def normalise_header(text: Any) -> tuple[str, str]:
    """A header folded for matching (no tone marks, case, punctuation) and its unit in brackets."""
    raw = " ".join(str(text or "").split())
    units = [a or b for a, b in _UNIT.findall(raw)]
    name = _UNIT.sub(" ", raw)
    name = _PUNCT.sub(" ", fold(name)).replace("_", " ")
    return " ".join(name.split()), " ".join(units).strip()


def read_unit(unit: str) -> tuple[int, str | None, bool]:
    """(scale, currency, is_uuid) of a header's unit: ``triệu đồng`` → (6, "VND", False)."""
    if not unit:
        return 0, None, False
    if fold(unit).strip() == "uuid":
        return 0, None, True
    scale = 0
    currency = None
    for word in re.split(r"[\s,/.]+", unit):
        low = word.lower()
        if low in SCALES:
            scale = SCALES[low]
        elif fold(word) in ("dong", "vnd", "d"):
            currency = "VND"
        elif word.upper() in CURRENCY_EXPONENTS:
            currency = word.upper()
    return scale, currency, False


def _names(kind: str) -> dict[str, list[tuple[str, int]]]:
    """Every folded name a header may use for each field, with how strongly it names it."""
    out: dict[str, list[tuple[str, int]]] = {}
    spec = KINDS[kind]
    fields = [f for f in settable_fields(spec)]
    for extra in ("ref", "uuid"):
        if extra in spec.fields:
            fields.append(spec.fields[extra])
    for fs in fields:
        names = [(fold(fs.name.replace("_", " ")), 100), (fold(fs.name), 100)]
        names += [(normalise_header(fs.label_vi)[0], 100), (normalise_header(fs.label_en)[0], 95)]
        names += [(s, 80) for s in SYNONYMS.get(fs.name, ())]
        out[fs.name] = names
    return out


def _score(header: str, name: str, weight: int) -> int:
    if not header or not name:
        return 0
    if header == name:
        return weight
    words, target = header.split(), name.split()
    n = len(target)
    if any(words[i : i + n] == target for i in range(len(words) - n + 1)) and n >= 1:
        return weight // 2 + 5 * n  # the header says more than the name: a weaker match
    return 0


def match_headers(kind: str, headers: list[Any]) -> list[ColumnRule]:
    """The best field for each header (each field used once, strongest matches first)."""
    names = _names(kind)
    candidates: list[tuple[int, int, str]] = []
    units: list[tuple[int, str | None, bool]] = []
    for i, header in enumerate(headers):
        folded, unit = normalise_header(header)
        units.append(read_unit(unit))
        for fname, options in names.items():
            best = max((_score(folded, n, w) for n, w in options), default=0)
            if best:
                candidates.append((best, i, fname))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    rules = [ColumnRule(str(h) if h is not None else "", None) for h in headers]
    used: set[tuple[str, str]] = set()
    taken: set[int] = set()
    for _weight, i, fname in candidates:
        scale, currency, is_uuid = units[i]
        role = "uuid" if is_uuid and fname != "uuid" else "value"
        if i in taken or (fname, role) in used:
            continue
        if role == "uuid" and not KINDS[kind].fields[fname].references:
            continue
        rules[i] = replace(rules[i], field=fname, role=role, scale=scale, currency=currency)
        used.add((fname, role))
        taken.add(i)
    return rules


def header_score(kind: str, row: list[Any]) -> int:
    """How much a row looks like ``kind``'s header: columns it would map."""
    return sum(1 for r in match_headers(kind, row) if r.field)


def load_mapping(path: Path, kind: str) -> dict[str, dict[str, Any]]:
    """A saved mapping's rules by header text; refuses one saved for another kind."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        columns = data["columns"]
        if not isinstance(columns, dict):
            raise TypeError("columns")
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise HueDeskError(
            f"{Path(path).name}: không đọc được cách ghép cột ({type(exc).__name__})",
            f"{Path(path).name}: cannot read the column mapping ({type(exc).__name__})",
        ) from None
    if data.get("kind") != kind:
        raise HueDeskError(
            f"{Path(path).name}: cách ghép cột này dành cho '{data.get('kind')}', không phải '{kind}'",
            f"{Path(path).name}: this mapping is for '{data.get('kind')}', not '{kind}'",
        )
    out: dict[str, dict[str, Any]] = {}
    fields = KINDS[kind].fields
    for header, rule in columns.items():
        if not isinstance(rule, dict):
            continue
        name = rule.get("field")
        if name is not None and name not in fields:
            raise HueDeskError(
                f"{Path(path).name}: '{kind}' không có trường '{name}'",
                f"{Path(path).name}: '{kind}' has no field '{name}'",
            )
        _check_saved_rule(Path(path), str(header), rule)
        out[normalise_header(header)[0] + "|" + normalise_header(header)[1]] = rule
    return out


MAX_SCALE = 12  # a column in units of up to 10^12 (nghìn tỷ); more is not a unit people use


def _check_saved_rule(path: Path, header: str, rule: dict[str, Any]) -> None:
    """Refuse a saved rule no HueDesk wrote (a mapping file is read like any other input)."""
    scale, role, currency = rule.get("scale", 0), rule.get("role", "value"), rule.get("currency")
    sound = (
        role in ("value", "uuid")
        and isinstance(scale, int)
        and not isinstance(scale, bool)
        and 0 <= scale <= MAX_SCALE
        and (currency is None or (isinstance(currency, str) and re.fullmatch("[A-Z]{3}", currency)))
    )
    if not sound:
        raise HueDeskError(
            f"{path.name}: quy tắc của cột '{header}' không hợp lệ (role, scale, currency)",
            f"{path.name}: the rule of column '{header}' is not valid (role, scale, currency)",
        )


def apply_saved(rules: list[ColumnRule], saved: dict[str, dict[str, Any]]) -> list[ColumnRule]:
    """``rules`` with the saved choices for the headers the saved mapping knows."""
    out = []
    for r in rules:
        folded, unit = normalise_header(r.header)
        choice = saved.get(folded + "|" + unit)
        if choice is None:
            out.append(r)
            continue
        out.append(
            ColumnRule(
                r.header,
                choice.get("field"),
                str(choice.get("role") or "value"),
                int(choice.get("scale") or 0),
                choice.get("currency"),
            )
        )
    return out
