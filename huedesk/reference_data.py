"""Countries every new database starts with: ISO 3166-1 code, Vietnamese and English names.

The list covers the countries the department works with (partners, donors,
investors, where citizens need protection); more can be added as records.
``COUNTRY_ALIASES`` are the other names people write for them ("Mỹ" for Hoa Kỳ,
"Anh" for Vương quốc Anh, "South Korea"), and ``AMBIGUOUS_COUNTRY_NAMES`` the
names that could mean more than one, which are refused
(``huedesk.records.lookup.resolve_country``, used by record windows, the command
line and spreadsheet import).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk.db.models import Country

COUNTRIES: list[tuple[str, str, str]] = [
    ("VN", "Việt Nam", "Viet Nam"),
    ("LA", "Lào", "Lao People's Democratic Republic"),
    ("KH", "Campuchia", "Cambodia"),
    ("TH", "Thái Lan", "Thailand"),
    ("MM", "Myanmar", "Myanmar"),
    ("MY", "Malaysia", "Malaysia"),
    ("SG", "Singapore", "Singapore"),
    ("ID", "Indonesia", "Indonesia"),
    ("PH", "Philippines", "Philippines"),
    ("BN", "Brunei", "Brunei Darussalam"),
    ("TL", "Đông Timor", "Timor-Leste"),
    ("CN", "Trung Quốc", "China"),
    ("JP", "Nhật Bản", "Japan"),
    ("KR", "Hàn Quốc", "Republic of Korea"),
    ("KP", "Triều Tiên", "Democratic People's Republic of Korea"),
    ("MN", "Mông Cổ", "Mongolia"),
    ("TW", "Đài Loan (Trung Quốc)", "Taiwan (China)"),
    ("HK", "Hồng Kông (Trung Quốc)", "Hong Kong (China)"),
    ("IN", "Ấn Độ", "India"),
    ("BD", "Bangladesh", "Bangladesh"),
    ("LK", "Sri Lanka", "Sri Lanka"),
    ("NP", "Nepal", "Nepal"),
    ("PK", "Pakistan", "Pakistan"),
    ("AU", "Úc", "Australia"),
    ("NZ", "Niu Di-lân", "New Zealand"),
    ("US", "Hoa Kỳ", "United States of America"),
    ("CA", "Ca-na-đa", "Canada"),
    ("MX", "Mê-hi-cô", "Mexico"),
    ("BR", "Bra-xin", "Brazil"),
    ("AR", "Ác-hen-ti-na", "Argentina"),
    ("CL", "Chi-lê", "Chile"),
    ("CU", "Cu Ba", "Cuba"),
    ("FR", "Pháp", "France"),
    ("BE", "Bỉ", "Belgium"),
    ("DE", "Đức", "Germany"),
    ("GB", "Vương quốc Anh", "United Kingdom"),
    ("IT", "I-ta-li-a", "Italy"),
    ("ES", "Tây Ban Nha", "Spain"),
    ("PT", "Bồ Đào Nha", "Portugal"),
    ("NL", "Hà Lan", "Netherlands"),
    ("LU", "Lúc-xăm-bua", "Luxembourg"),
    ("CH", "Thụy Sĩ", "Switzerland"),
    ("AT", "Áo", "Austria"),
    ("SE", "Thụy Điển", "Sweden"),
    ("NO", "Na Uy", "Norway"),
    ("DK", "Đan Mạch", "Denmark"),
    ("FI", "Phần Lan", "Finland"),
    ("IE", "Ai-len", "Ireland"),
    ("PL", "Ba Lan", "Poland"),
    ("CZ", "Séc", "Czechia"),
    ("HU", "Hung-ga-ri", "Hungary"),
    ("RO", "Ru-ma-ni", "Romania"),
    ("BG", "Bun-ga-ri", "Bulgaria"),
    ("RU", "Liên bang Nga", "Russian Federation"),
    ("UA", "U-crai-na", "Ukraine"),
    ("BY", "Bê-la-rút", "Belarus"),
    ("KZ", "Ca-dắc-xtan", "Kazakhstan"),
    ("TR", "Thổ Nhĩ Kỳ", "Türkiye"),
    ("IL", "I-xra-en", "Israel"),
    ("AE", "Các Tiểu vương quốc Ả-rập Thống nhất", "United Arab Emirates"),
    ("SA", "Ả-rập Xê-út", "Saudi Arabia"),
    ("QA", "Ca-ta", "Qatar"),
    ("KW", "Cô-oét", "Kuwait"),
    ("EG", "Ai Cập", "Egypt"),
    ("ZA", "Nam Phi", "South Africa"),
    ("NG", "Ni-giê-ri-a", "Nigeria"),
    ("MZ", "Mô-dăm-bích", "Mozambique"),
    ("AO", "Ăng-gô-la", "Angola"),
    ("DZ", "An-giê-ri", "Algeria"),
    ("MA", "Ma-rốc", "Morocco"),
]

# Other names for the countries above, compared without tone marks or case like the names
# themselves: the short names used in speech and in the department's own sheets, older
# transcriptions, and common English forms. Not stored: a database with its own country
# rows reads them too, for the codes it has.
COUNTRY_ALIASES: dict[str, str] = {
    "Mỹ": "US",
    "Mĩ": "US",
    "Hợp chúng quốc Hoa Kỳ": "US",
    "USA": "US",
    "United States": "US",
    "Anh": "GB",
    "Anh Quốc": "GB",
    "Liên hiệp Anh": "GB",
    "UK": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "Cộng hòa Pháp": "FR",
    "CHLB Đức": "DE",
    "Cộng hòa Liên bang Đức": "DE",
    "Hàn": "KR",
    "Nam Hàn": "KR",
    "Đại Hàn": "KR",
    "Đại Hàn Dân Quốc": "KR",
    "South Korea": "KR",
    "Bắc Hàn": "KP",
    "Bắc Triều Tiên": "KP",
    "North Korea": "KP",
    "Nhật": "JP",
    "Nga": "RU",
    "Russia": "RU",
    "Laos": "LA",
    "Lao PDR": "LA",
    "Thái": "TH",
    "Cam-pu-chia": "KH",
    "Căm-pu-chia": "KH",
    "Vietnam": "VN",
    "Ý": "IT",
    "Italia": "IT",
    "Ô-xtrây-li-a": "AU",
    "Xin-ga-po": "SG",
    "Ma-lai-xi-a": "MY",
    "In-đô-nê-xi-a": "ID",
    "Phi-líp-pin": "PH",
    "Miến Điện": "MM",
    "Đài Loan": "TW",
    "Taiwan": "TW",
    "Hồng Kông": "HK",
    "Hong Kong": "HK",
    "Thụy Sỹ": "CH",
    "Cộng hòa Séc": "CZ",
    "Czech Republic": "CZ",
    "Turkey": "TR",
    "Holland": "NL",
    "Tân Tây Lan": "NZ",
    "UAE": "AE",
}

# Names that could mean more than one of the countries: refused, naming the choices.
AMBIGUOUS_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "Korea": ("KR", "KP"),
    "Trung Hoa": ("CN", "TW"),
    "Congo": ("CG", "CD"),
    "Guinea": ("GN", "GQ", "GW"),
}


def has_countries(session: Session) -> bool:
    """Whether the country list is in (a new database gets it on first open)."""
    return bool(session.scalar(select(func.count()).select_from(Country)))


def ensure_countries(session: Session) -> int:
    """Insert the country list into an empty country table; returns rows added."""
    if session.scalar(select(func.count()).select_from(Country)):
        return 0
    session.add_all(Country(code=c, name_vi=vi, name_en=en) for c, vi, en in COUNTRIES)
    session.flush()
    return len(COUNTRIES)
