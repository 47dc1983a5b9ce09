"""Names, offices, places and phrases the demo data is drawn from (figures and partners from DOMAIN.md).

The lists are shaped so that what is generated agrees with itself: a person's
given name matches their gender, an office belongs to the kind of organisation
that has it (a governor to a prefecture, a counsellor to an embassy), a
programme's places are in Huế for an inbound visit and in the partner's
locality for an outbound one, and an aid project's title matches its sector.
"""

from __future__ import annotations

from typing import Any

VN_FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Tôn Nữ",
    "Tôn Thất",
    "Nguyễn Phúc",
    "Hà",
]
VN_MIDDLE_M = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Công", "Đình", "Xuân", "Anh"]
VN_MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Diệu", "Bảo", "Khánh", "Phương", "Mỹ", "Hoài"]
VN_GIVEN_M = [
    "Hùng",
    "Dũng",
    "Phước",
    "Lộc",
    "Huy",
    "Khoa",
    "Thắng",
    "Tuấn",
    "Quốc",
    "Bảo",
    "Đạt",
    "Hiếu",
    "Nhân",
    "Tín",
    "Sơn",
    "Vĩnh",
    "Long",
    "Trí",
    "Nghĩa",
    "Phong",
]
VN_GIVEN_F = [
    "Hương",
    "Lan",
    "Hằng",
    "Thảo",
    "Trang",
    "Nhung",
    "Yến",
    "Loan",
    "Mai",
    "Hạnh",
    "Ngân",
    "Uyên",
    "Vy",
    "Thư",
    "Quỳnh",
    "Diễm",
    "Như",
    "Ánh",
    "Hà",
    "Trâm",
]
# Given names that are female only in these lists (Tôn Nữ is a female line of the royal family).
VN_FEMALE_FAMILY = {"Tôn Nữ"}

# Per country: family names, men's given names, women's given names.
FOREIGN_NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "JP": (
        ["Tanaka", "Suzuki", "Takahashi", "Watanabe", "Itō", "Yamamoto", "Nakamura", "Kobayashi"],
        ["Hiroshi", "Kenji", "Takeshi", "Haruto", "Satoshi", "Masahiro", "Kazuo", "Daisuke"],
        ["Aiko", "Sakura", "Emi", "Yōko", "Keiko", "Naomi", "Mariko", "Haruka"],
    ),
    "KR": (
        ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"],
        ["Min-jun", "Ji-ho", "Do-yoon", "Hyun-woo", "Sung-min", "Jae-won"],
        ["Seo-yeon", "Ha-eun", "Su-bin", "Ji-young", "Eun-ji", "Min-ji"],
    ),
    "LA": (
        ["Phommachanh", "Sisoulith", "Vongsa", "Keomany", "Sayavong", "Inthavong", "Douangchanh"],
        ["Bounmy", "Khamphone", "Souksavanh", "Phonesavanh", "Somphone", "Thongsavanh"],
        ["Vilayphone", "Chanthala", "Manivone", "Souphaphone", "Bouavanh", "Malaythong"],
    ),
    "FR": (
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Lefèvre", "Moreau", "Giraud"],
        ["Jean", "Pierre", "François", "Étienne", "Laurent", "Olivier"],
        ["Marie", "Élodie", "Céline", "Hélène", "Isabelle", "Nathalie"],
    ),
    "BE": (
        ["Peeters", "Janssens", "Maes", "Lambert", "Dupont", "Claes"],
        ["Luc", "Marc", "Philippe", "Thomas"],
        ["Sophie", "Anne", "Chloé", "Isabelle"],
    ),
    "US": (
        ["Smith", "Johnson", "Williams", "Brown", "Miller", "Davis", "O'Connor", "García"],
        ["John", "Michael", "David", "Robert"],
        ["Emily", "Sarah", "Jessica", "Laura"],
    ),
    "CN": (
        ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang"],
        ["Wei", "Lei", "Hao", "Qiang", "Jun", "Tao"],
        ["Fang", "Jing", "Min", "Xiu", "Yan", "Hui"],
    ),
    "AU": (
        ["Wilson", "Taylor", "Anderson", "Thompson", "White", "Harris"],
        ["Jack", "Liam", "Noah", "James"],
        ["Olivia", "Charlotte", "Amelia", "Emma"],
    ),
    "DE": (
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Wagner"],
        ["Lukas", "Jürgen", "Stefan", "Thomas"],
        ["Anna", "Katrin", "Sabine", "Julia"],
    ),
    "FI": (
        ["Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Hämäläinen"],
        ["Mikko", "Jukka", "Pekka", "Antti"],
        ["Aino", "Sanna", "Riikka", "Laura"],
    ),
    "RU": (
        ["Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov"],
        ["Alexei", "Dmitri", "Sergei", "Andrei"],
        ["Natalia", "Olga", "Elena", "Tatiana"],
    ),
    "CH": (
        ["Meier", "Keller", "Brunner", "Baumann", "Favre"],
        ["Urs", "Beat", "Reto", "Marco"],
        ["Nicole", "Monika", "Sandra", "Claudia"],
    ),
    "GB": (
        ["Smith", "Jones", "Taylor", "Evans", "Walker"],
        ["Oliver", "James", "Harry", "George"],
        ["Emma", "Sophie", "Charlotte", "Grace"],
    ),
    "SG": (
        ["Tan", "Lim", "Lee", "Ng", "Wong"],
        ["Wei Ming", "Kelvin", "Jonathan", "Jun Jie"],
        ["Mei Ling", "Rachel", "Grace", "Hui Min"],
    ),
    "TH": (
        ["Srisuk", "Chaiyaporn", "Wongsawat", "Boonmee"],
        ["Somchai", "Anan", "Prasert", "Niran"],
        ["Siriporn", "Malee", "Kanya", "Ratana"],
    ),
    "DK": (
        ["Jensen", "Nielsen", "Hansen", "Pedersen"],
        ["Lars", "Søren", "Anders", "Mikkel"],
        ["Mette", "Camilla", "Louise", "Ida"],
    ),
}
# Family name first, as these countries write names; the others put the given name first.
FAMILY_FIRST = {"JP", "KR", "CN", "SG", "VN"}
# Countries whose women's family names take a feminine ending.
FEMININE_FAMILY = {"RU": "a"}

# Offices by kind of organisation: (office in Vietnamese, rank). Rank 1 heads the
# organisation; a delegation's head is its highest-ranking member. English forms
# of every office are in ``huedesk.briefs.glossary``.
OFFICES: dict[str, list[tuple[str, int]]] = {
    "jp_prefecture": [
        ("Thống đốc", 1),
        ("Phó Thống đốc", 2),
        ("Chủ tịch Hội đồng tỉnh", 2),
        ("Giám đốc Sở Quốc tế", 3),
        ("Trưởng phòng Giao lưu quốc tế", 4),
        ("Chuyên viên Phòng Giao lưu quốc tế", 5),
        ("Phiên dịch", 6),
    ],
    "kr_city": [
        ("Thị trưởng", 1),
        ("Phó Thị trưởng", 2),
        ("Chủ tịch Hội đồng thành phố", 2),
        ("Giám đốc Sở Hợp tác quốc tế", 3),
        ("Trưởng phòng Hợp tác quốc tế", 4),
        ("Chuyên viên Phòng Hợp tác quốc tế", 5),
        ("Phiên dịch", 6),
    ],
    "kr_county": [
        ("Huyện trưởng", 1),
        ("Phó Huyện trưởng", 2),
        ("Chủ tịch Hội đồng huyện", 2),
        ("Trưởng phòng Hợp tác quốc tế", 4),
        ("Chuyên viên Phòng Hợp tác quốc tế", 5),
        ("Phiên dịch", 6),
    ],
    "kr_province": [
        ("Tỉnh trưởng", 1),
        ("Phó Tỉnh trưởng", 2),
        ("Chủ tịch Hội đồng tỉnh", 2),
        ("Giám đốc Sở Hợp tác quốc tế", 3),
        ("Trưởng phòng Hợp tác quốc tế", 4),
        ("Chuyên viên Phòng Hợp tác quốc tế", 5),
        ("Phiên dịch", 6),
    ],
    "la_province": [
        ("Tỉnh trưởng", 1),
        ("Phó Tỉnh trưởng", 2),
        ("Giám đốc Sở Ngoại vụ", 3),
        ("Phó Giám đốc Sở Ngoại vụ", 4),
        ("Trưởng phòng Hợp tác quốc tế", 4),
        ("Chuyên viên Sở Ngoại vụ", 5),
        ("Phiên dịch", 6),
    ],
    "cn_province": [
        ("Tỉnh trưởng", 1),
        ("Phó Tỉnh trưởng", 2),
        ("Giám đốc Văn phòng Ngoại vụ", 3),
        ("Phó Giám đốc Văn phòng Ngoại vụ", 4),
        ("Trưởng phòng Hợp tác quốc tế", 4),
        ("Chuyên viên Văn phòng Ngoại vụ", 5),
        ("Phiên dịch", 6),
    ],
    "cn_region": [
        ("Chủ tịch Khu tự trị", 1),
        ("Phó Chủ tịch Khu tự trị", 2),
        ("Giám đốc Văn phòng Ngoại vụ", 3),
        ("Phó Giám đốc Văn phòng Ngoại vụ", 4),
        ("Chuyên viên Văn phòng Ngoại vụ", 5),
        ("Phiên dịch", 6),
    ],
    "ru_province": [
        ("Thống đốc", 1),
        ("Phó Thống đốc", 2),
        ("Trưởng ban Quan hệ đối ngoại", 3),
        ("Chuyên viên Ban Quan hệ đối ngoại", 5),
        ("Phiên dịch", 6),
    ],
    "eu_region": [
        ("Chủ tịch Hội đồng vùng", 1),
        ("Phó Chủ tịch Hội đồng vùng", 2),
        ("Giám đốc Quan hệ quốc tế", 3),
        ("Chuyên viên Quan hệ quốc tế", 5),
        ("Phiên dịch", 6),
    ],
    "eu_city": [
        ("Thị trưởng", 1),
        ("Phó Thị trưởng", 2),
        ("Ủy viên Hội đồng thành phố", 3),
        ("Giám đốc Quan hệ quốc tế", 3),
        ("Chuyên viên Quan hệ quốc tế", 5),
        ("Phiên dịch", 6),
    ],
    "embassy": [
        ("Đại sứ", 1),
        ("Phó Đại sứ", 2),
        ("Tham tán", 3),
        ("Bí thư thứ nhất", 4),
        ("Tùy viên", 5),
        ("Trợ lý Đại sứ", 6),
    ],
    "consulate": [
        ("Tổng Lãnh sự", 1),
        ("Phó Tổng Lãnh sự", 2),
        ("Lãnh sự", 3),
        ("Phó Lãnh sự", 4),
        ("Tùy viên", 5),
    ],
    "donor": [
        ("Trưởng Đại diện tại Việt Nam", 1),
        ("Phó Trưởng Đại diện", 2),
        ("Giám đốc chương trình", 3),
        ("Điều phối viên dự án", 4),
        ("Cán bộ dự án", 5),
    ],
    "university": [
        ("Hiệu trưởng", 1),
        ("Phó Hiệu trưởng", 2),
        ("Trưởng khoa", 3),
        ("Giám đốc Hợp tác quốc tế", 3),
        ("Giảng viên", 5),
    ],
    "company": [
        ("Chủ tịch Hội đồng quản trị", 1),
        ("Tổng Giám đốc", 2),
        ("Phó Tổng Giám đốc", 3),
        ("Giám đốc dự án", 4),
        ("Trưởng phòng Kinh doanh", 5),
    ],
}
# Offices whose holders are addressed "Ngài <office>" (senior foreign officials and envoys).
EXCELLENCY_PROFILES = {
    "jp_prefecture",
    "kr_city",
    "kr_county",
    "kr_province",
    "la_province",
    "cn_province",
    "cn_region",
    "ru_province",
    "eu_region",
    "eu_city",
    "embassy",
    "consulate",
}

# Partner localities: (name in Vietnamese, English name, country, level, relation,
# office profile, where the delegation arrives, the seat of the authority).
PARTNER_LOCALITIES = [
    (
        "Tỉnh Salavan",
        "Salavan Province",
        "LA",
        "province",
        "friendship",
        "la_province",
        "Cửa khẩu quốc tế A Đớt",
        "Văn phòng Tỉnh Salavan",
    ),
    (
        "Tỉnh Champasak",
        "Champasak Province",
        "LA",
        "province",
        "friendship",
        "la_province",
        "Sân bay quốc tế Pakse",
        "Văn phòng Tỉnh Champasak, Pakse",
    ),
    (
        "Tỉnh Sekong",
        "Sekong Province",
        "LA",
        "province",
        "friendship",
        "la_province",
        "Cửa khẩu quốc tế A Đớt",
        "Văn phòng Tỉnh Sekong",
    ),
    (
        "Tỉnh Savannakhet",
        "Savannakhet Province",
        "LA",
        "province",
        "friendship",
        "la_province",
        "Cửa khẩu quốc tế Lao Bảo",
        "Văn phòng Tỉnh Savannakhet, Kaysone Phomvihane",
    ),
    (
        "Tỉnh Attapeu",
        "Attapeu Province",
        "LA",
        "province",
        "friendship",
        "la_province",
        "Cửa khẩu quốc tế Bờ Y",
        "Văn phòng Tỉnh Attapeu",
    ),
    (
        "Tỉnh Gifu",
        "Gifu Prefecture",
        "JP",
        "province",
        "cooperation",
        "jp_prefecture",
        "Sân bay quốc tế Chubu Centrair",
        "Trụ sở chính quyền tỉnh Gifu",
    ),
    (
        "Tỉnh Niigata",
        "Niigata Prefecture",
        "JP",
        "province",
        "cooperation",
        "jp_prefecture",
        "Sân bay Niigata",
        "Trụ sở chính quyền tỉnh Niigata",
    ),
    (
        "Tỉnh Nara",
        "Nara Prefecture",
        "JP",
        "province",
        "cooperation",
        "jp_prefecture",
        "Sân bay quốc tế Kansai",
        "Trụ sở chính quyền tỉnh Nara",
    ),
    (
        "Phủ Kyoto",
        "Kyoto Prefecture",
        "JP",
        "province",
        "cooperation",
        "jp_prefecture",
        "Sân bay quốc tế Kansai",
        "Trụ sở chính quyền phủ Kyoto",
    ),
    (
        "Tỉnh Shiga",
        "Shiga Prefecture",
        "JP",
        "province",
        "cooperation",
        "jp_prefecture",
        "Sân bay quốc tế Kansai",
        "Trụ sở chính quyền tỉnh Shiga, Ōtsu",
    ),
    (
        "Thành phố Gyeongju",
        "Gyeongju City",
        "KR",
        "city",
        "twinning",
        "kr_city",
        "Sân bay quốc tế Gimhae",
        "Tòa thị chính Gyeongju",
    ),
    (
        "Thành phố Gwangju",
        "Gwangju Metropolitan City",
        "KR",
        "city",
        "cooperation",
        "kr_city",
        "Sân bay quốc tế Incheon",
        "Tòa thị chính Gwangju",
    ),
    (
        "Thành phố Namyangju",
        "Namyangju City",
        "KR",
        "city",
        "cooperation",
        "kr_city",
        "Sân bay quốc tế Incheon",
        "Tòa thị chính Namyangju",
    ),
    (
        "Huyện Wando",
        "Wando County",
        "KR",
        "county",
        "cooperation",
        "kr_county",
        "Sân bay quốc tế Incheon",
        "Trụ sở chính quyền huyện Wando",
    ),
    (
        "Tỉnh Chungcheongnam",
        "Chungcheongnam Province",
        "KR",
        "province",
        "cooperation",
        "kr_province",
        "Sân bay quốc tế Incheon",
        "Trụ sở chính quyền tỉnh Chungcheongnam, Hongseong",
    ),
    (
        "Tỉnh Chiết Giang",
        "Zhejiang Province",
        "CN",
        "province",
        "cooperation",
        "cn_province",
        "Sân bay quốc tế Tiêu Sơn Hàng Châu",
        "Trụ sở Chính phủ Nhân dân tỉnh Chiết Giang, Hàng Châu",
    ),
    (
        "Khu tự trị dân tộc Choang Quảng Tây",
        "Guangxi Zhuang Autonomous Region",
        "CN",
        "province",
        "cooperation",
        "cn_region",
        "Sân bay quốc tế Ngô Khư Nam Ninh",
        "Trụ sở Chính phủ Nhân dân Khu tự trị Quảng Tây, Nam Ninh",
    ),
    (
        "Vùng Wallonie-Bruxelles",
        "Wallonia–Brussels Federation",
        "BE",
        "region",
        "cooperation",
        "eu_region",
        "Sân bay Brussels",
        "Trụ sở Wallonie-Bruxelles International, Brussels",
    ),
    (
        "Tỉnh Vladimir",
        "Vladimir Oblast",
        "RU",
        "province",
        "friendship",
        "ru_province",
        "Sân bay Sheremetyevo, Moskva",
        "Trụ sở chính quyền tỉnh Vladimir",
    ),
    (
        "Vùng Centre-Val de Loire",
        "Centre-Val de Loire Region",
        "FR",
        "region",
        "cooperation",
        "eu_region",
        "Sân bay Paris-Charles de Gaulle",
        "Trụ sở Hội đồng vùng Centre-Val de Loire, Orléans",
    ),
    (
        "Thành phố Blois",
        "City of Blois",
        "FR",
        "city",
        "twinning",
        "eu_city",
        "Sân bay Paris-Charles de Gaulle",
        "Tòa thị chính Blois",
    ),
    (
        "Thành phố Espoo",
        "City of Espoo",
        "FI",
        "city",
        "cooperation",
        "eu_city",
        "Sân bay Helsinki-Vantaa",
        "Tòa thị chính Espoo",
    ),
]

EMBASSIES = [
    ("Đại sứ quán Nhật Bản tại Việt Nam", "Embassy of Japan in Viet Nam", "JP"),
    ("Đại sứ quán Hàn Quốc tại Việt Nam", "Embassy of the Republic of Korea in Viet Nam", "KR"),
    ("Đại sứ quán Hoa Kỳ tại Việt Nam", "Embassy of the United States in Viet Nam", "US"),
    ("Đại sứ quán Cộng hòa Pháp tại Việt Nam", "Embassy of France in Viet Nam", "FR"),
    ("Tổng Lãnh sự quán Lào tại Đà Nẵng", "Consulate General of Lao PDR in Da Nang", "LA"),
    ("Đại sứ quán Úc tại Việt Nam", "Australian Embassy in Viet Nam", "AU"),
    ("Đại sứ quán Thụy Sĩ tại Việt Nam", "Embassy of Switzerland in Viet Nam", "CH"),
    ("Đại sứ quán Phần Lan tại Việt Nam", "Embassy of Finland in Viet Nam", "FI"),
    ("Tổng Lãnh sự quán Hàn Quốc tại Đà Nẵng", "Consulate General of Korea in Da Nang", "KR"),
    ("Đại sứ quán Bỉ tại Việt Nam", "Embassy of Belgium in Viet Nam", "BE"),
]

DONORS = [
    (
        "Tổ chức Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)",
        "Japan International Cooperation Agency",
        "JP",
        "government",
    ),
    (
        "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)",
        "Korea International Cooperation Agency",
        "KR",
        "government",
    ),
    ("Tổ chức Đông Tây Hội ngộ (EMW)", "East Meets West Foundation", "US", "ngo"),
    ("Quỹ Nhi đồng Liên hợp quốc (UNICEF)", "UNICEF", "US", "international_org"),
    ("Tổ chức Cứu trợ Trẻ em (Save the Children)", "Save the Children", "GB", "ngo"),
    ("Tổ chức Tầm nhìn Thế giới (World Vision)", "World Vision", "US", "ngo"),
    ("Hội Chữ thập đỏ Đức", "German Red Cross", "DE", "ngo"),
    ("Tổ chức Care International", "CARE International", "CH", "ngo"),
    ("Tổ chức Y tế Hoa Kỳ Medical Aid", "Medical Aid International", "US", "ngo"),
    ("Quỹ Hỗ trợ Giáo dục Wallonie-Bruxelles", "Wallonia–Brussels Education Fund", "BE", "donor"),
    ("Tổ chức Plan International", "Plan International", "FI", "ngo"),
    (
        "Quỹ Từ thiện Kiều bào Huế tại Hoa Kỳ",
        "Huế Overseas Vietnamese Charity Fund (USA)",
        "US",
        "donor",
    ),
    (
        "Hội Hữu nghị Nhật - Việt tỉnh Gifu",
        "Gifu Japan–Viet Nam Friendship Association",
        "JP",
        "ngo",
    ),
    ("Tổ chức ChildFund Australia", "ChildFund Australia", "AU", "ngo"),
    ("Tổ chức Habitat for Humanity", "Habitat for Humanity", "US", "ngo"),
]

INVESTORS = [
    ("Công ty TNHH Kanglongwoods Huế", "Kanglong Woods Hue Co., Ltd.", "CN", "manufacturing"),
    ("Tập đoàn Laguna (Banyan Tree)", "Laguna Resorts & Hotels", "SG", "tourism"),
    ("Công ty TNHH Scavi Huế", "Scavi Hue Co., Ltd.", "FR", "manufacturing"),
    ("Công ty TNHH Kim tín Huế", "Kim Tin Hue Co., Ltd.", "KR", "manufacturing"),
    ("Công ty Cổ phần Năng lượng Gió Phong Điền", "Phong Dien Wind Power JSC", "TH", "energy"),
    ("Công ty TNHH Bia Carlsberg Việt Nam", "Carlsberg Vietnam Breweries", "DK", "manufacturing"),
    ("Tập đoàn Daiwa House", "Daiwa House Industry", "JP", "real_estate"),
    ("Công ty TNHH Công nghệ Hanwha", "Hanwha Technology Co., Ltd.", "KR", "manufacturing"),
    ("Công ty Apollo Education", "Apollo Education Group", "AU", "education"),
    ("Công ty TNHH Dệt may Việt Nhật", "Viet Nhat Textile Co., Ltd.", "JP", "manufacturing"),
]

UNIVERSITIES = [
    ("Đại học Quốc gia Seoul", "Seoul National University", "KR"),
    ("Đại học Kyoto", "Kyoto University", "JP"),
    ("Đại học Tổng hợp Liège", "University of Liège", "BE"),
    ("Đại học Quốc gia Lào", "National University of Laos", "LA"),
    ("Đại học Aalto", "Aalto University", "FI"),
]

# Other organisations, generated from a country's family names: (Vietnamese, English, type).
ORG_PATTERNS = {
    "company": [
        ("Công ty TNHH {f} Việt Nam", "{f} Vietnam Co., Ltd."),
        ("Công ty TNHH Thương mại {f}", "{f} Trading Co., Ltd."),
        ("Công ty Cổ phần Logistics {f}", "{f} Logistics JSC"),
    ],
    "investor": [
        ("Tập đoàn {f}", "{f} Group"),
        ("Công ty Đầu tư {f}", "{f} Capital"),
    ],
    "ngo": [
        ("Tổ chức Hỗ trợ Cộng đồng {f}", "{f} Community Support"),
        ("Hội Hữu nghị {f}", "{f} Friendship Society"),
    ],
    "donor": [
        ("Quỹ {f}", "{f} Foundation"),
        ("Quỹ Học bổng {f}", "{f} Scholarship Fund"),
    ],
}

# The Huế side: the City People's Committee and its departments, with their offices.
HUE_COMMITTEE = "UBND thành phố Huế"
HUE_COMMITTEE_OFFICES = [
    ("Chủ tịch", 1),
    ("Phó Chủ tịch", 2),
    ("Phó Chủ tịch", 2),
    ("Phó Chủ tịch", 2),
    ("Chánh Văn phòng", 3),
]
# Departments: (name, English name, topics it works on).
HUE_DEPARTMENTS = [
    ("Sở Ngoại vụ", "Department of Foreign Affairs", ("friendship", "consular")),
    ("Sở Du lịch", "Department of Tourism", ("tourism",)),
    ("Sở Văn hóa và Thể thao", "Department of Culture and Sports", ("heritage", "culture")),
    ("Sở Tài chính", "Department of Finance", ("investment",)),
    ("Sở Y tế", "Department of Health", ("health",)),
    ("Sở Giáo dục và Đào tạo", "Department of Education and Training", ("education",)),
    ("Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", ("agriculture",)),
    (
        "Trung tâm Bảo tồn Di tích Cố đô Huế",
        "Huế Monuments Conservation Centre",
        ("heritage",),
    ),
    (
        "Ban Quản lý Khu kinh tế, công nghiệp",
        "Economic and Industrial Zones Authority",
        ("investment",),
    ),
]
HUE_DEPARTMENT_OFFICES = [
    ("Giám đốc", 3),
    ("Phó Giám đốc", 4),
    ("Trưởng phòng Hợp tác quốc tế", 5),
    ("Chuyên viên", 6),
]
# Consular and liaison officers of the Department of Foreign Affairs (tasks, case officers).
OFFICERS = [
    "Trần Thị Minh Thư",
    "Nguyễn Văn Bảo",
    "Lê Thị Hoài An",
    "Phạm Đức Thắng",
    "Hồ Thị Ngọc Diệp",
]

# What a visit is about. Each topic: the purpose, working sessions and site visits in
# Huế (inbound), what Huế goes abroad to do (outbound), the Huế department in charge,
# talking points and outcomes.
TOPICS: dict[str, dict[str, Any]] = {
    "friendship": {
        "purpose": [
            "Thúc đẩy quan hệ hữu nghị và hợp tác giữa hai địa phương",
            "Trao đổi kết quả hợp tác và thống nhất kế hoạch giai đoạn tới",
        ],
        "title_in": ["thăm và làm việc tại thành phố Huế", "thăm hữu nghị thành phố Huế"],
        "title_out": ["thăm và làm việc tại {p}", "thăm hữu nghị {p}"],
        "session": [
            "Hội đàm với Lãnh đạo UBND thành phố về kết quả hợp tác",
            "Làm việc với Sở Ngoại vụ về kế hoạch hợp tác năm tới",
        ],
        "visit": [
            "Tham quan Đại Nội Huế|Đại Nội Huế",
            "Tham quan Lăng Tự Đức|Lăng Tự Đức",
            "Thăm Chùa Thiên Mụ|Chùa Thiên Mụ",
        ],
        "talk": [
            "Đánh giá kết quả hợp tác thời gian qua; cảm ơn {p} đã đón tiếp các đoàn của Huế",
            "Đề xuất kế hoạch trao đổi đoàn và giao lưu nhân dân năm tới",
            "Mời {p} tham dự Festival Huế",
        ],
        "outcome": [
            "Hai bên thống nhất kế hoạch hợp tác năm tới và duy trì trao đổi đoàn hằng năm.",
            "Thống nhất tổ chức hoạt động kỷ niệm ngày thiết lập quan hệ.",
        ],
    },
    "tourism": {
        "purpose": [
            "Quảng bá du lịch Huế và kết nối doanh nghiệp lữ hành",
            "Bàn mở đường bay thuê chuyến và hợp tác xúc tiến du lịch",
        ],
        "title_in": ["khảo sát du lịch tại Huế", "làm việc về hợp tác du lịch với thành phố Huế"],
        "title_out": ["xúc tiến du lịch Huế tại {p}", "quảng bá du lịch Huế tại {c}"],
        "session": [
            "Làm việc với Sở Du lịch về liên kết tour, tuyến",
            "Tọa đàm với doanh nghiệp lữ hành Huế",
        ],
        "visit": [
            "Khảo sát tuyến du lịch Phá Tam Giang|Phá Tam Giang",
            "Tham quan Làng hương Thủy Xuân|Làng hương Thủy Xuân",
            "Thăm Đồi Vọng Cảnh|Đồi Vọng Cảnh",
        ],
        "talk": [
            "Đề nghị {p} giới thiệu Huế là điểm đến trong các chương trình du lịch",
            "Đề xuất nghiên cứu mở đường bay thuê chuyến đến Sân bay quốc tế Phú Bài",
            "Thống nhất trao đổi đoàn famtrip của doanh nghiệp lữ hành hai bên",
        ],
        "outcome": [
            "Thống nhất tổ chức đoàn famtrip doanh nghiệp lữ hành trong năm tới.",
            "Doanh nghiệp hai bên ký 3 thỏa thuận hợp tác khai thác tour.",
        ],
    },
    "education": {
        "purpose": [
            "Hợp tác đào tạo nguồn nhân lực và trao đổi sinh viên",
            "Trao đổi về chương trình học bổng cho sinh viên Huế",
        ],
        "title_in": ["làm việc về hợp tác giáo dục tại Huế", "thăm và làm việc với Đại học Huế"],
        "title_out": ["làm việc về hợp tác giáo dục tại {p}", "thăm các cơ sở đào tạo tại {p}"],
        "session": [
            "Làm việc với Sở Giáo dục và Đào tạo về trao đổi giáo viên",
            "Làm việc với Đại học Huế về trao đổi sinh viên",
        ],
        "visit": [
            "Thăm Trường Quốc Học Huế|Trường Quốc Học Huế, 12 Lê Lợi",
            "Thăm Trường Đại học Ngoại ngữ|Trường Đại học Ngoại ngữ, 57 Nguyễn Khoa Chiêm",
        ],
        "talk": [
            "Cảm ơn {p} đã cấp học bổng cho sinh viên Huế",
            "Đề xuất mở rộng chương trình trao đổi sinh viên, giáo viên",
            "Đề nghị hỗ trợ giảng dạy ngoại ngữ tại các trường phổ thông",
        ],
        "outcome": [
            "Thống nhất tăng số học bổng dành cho sinh viên Huế từ năm học tới.",
            "Ký biên bản ghi nhớ về trao đổi sinh viên giữa hai bên.",
        ],
    },
    "health": {
        "purpose": [
            "Hợp tác đào tạo điều dưỡng và trao đổi chuyên gia y tế",
            "Bàn triển khai dự án hỗ trợ trang thiết bị y tế",
        ],
        "title_in": ["làm việc về hợp tác y tế tại Huế", "khảo sát dự án y tế tại Huế"],
        "title_out": [
            "làm việc về hợp tác y tế tại {p}",
            "học tập mô hình chăm sóc sức khỏe tại {p}",
        ],
        "session": [
            "Làm việc với Sở Y tế về đào tạo điều dưỡng",
            "Làm việc với Bệnh viện Trung ương Huế",
        ],
        "visit": [
            "Thăm Bệnh viện Trung ương Huế|Bệnh viện Trung ương Huế, 16 Lê Lợi",
            "Thăm Trạm y tế phường Thuận Hóa|Trạm y tế phường Thuận Hóa",
        ],
        "talk": [
            "Cảm ơn {p} đã hỗ trợ đào tạo điều dưỡng viên cho Huế",
            "Đề xuất tiếp nhận điều dưỡng, hộ lý của Huế sang làm việc",
            "Đề nghị hỗ trợ trang thiết bị cho các trạm y tế miền núi",
        ],
        "outcome": [
            "Đối tác cam kết hỗ trợ trang thiết bị y tế trị giá 5 tỷ đồng.",
            "Thống nhất tiếp nhận 30 điều dưỡng của Huế sang đào tạo, làm việc.",
        ],
    },
    "heritage": {
        "purpose": [
            "Hợp tác bảo tồn và phát huy giá trị di sản văn hóa Cố đô Huế",
            "Trao đổi kinh nghiệm quản lý đô thị di sản",
        ],
        "title_in": ["làm việc về bảo tồn di sản tại Huế", "khảo sát hợp tác bảo tồn di tích Huế"],
        "title_out": ["học tập kinh nghiệm bảo tồn di sản tại {p}", "làm việc về di sản tại {p}"],
        "session": [
            "Làm việc với Trung tâm Bảo tồn Di tích Cố đô Huế",
            "Tọa đàm về quản lý đô thị di sản",
        ],
        "visit": [
            "Tham quan Đại Nội Huế|Đại Nội Huế",
            "Khảo sát công trình trùng tu Điện Kiến Trung|Điện Kiến Trung, Đại Nội Huế",
        ],
        "talk": [
            "Đề xuất hợp tác đào tạo chuyên gia trùng tu di tích",
            "Đề nghị chia sẻ kinh nghiệm quản lý đô thị di sản",
            "Mời {p} tham gia hội thảo quốc tế về bảo tồn di sản tại Huế",
        ],
        "outcome": [
            "Thống nhất cử chuyên gia trùng tu sang làm việc tại Huế.",
            "Hai bên thống nhất xây dựng dự án hợp tác bảo tồn di sản.",
        ],
    },
    "culture": {
        "purpose": [
            "Tham dự Festival Huế và giao lưu văn hóa nghệ thuật",
            "Tổ chức tuần văn hóa và giao lưu nghệ thuật",
        ],
        "title_in": ["tham dự Festival Huế", "giao lưu văn hóa tại Huế"],
        "title_out": ["tham dự lễ hội văn hóa tại {p}", "tổ chức tuần văn hóa Huế tại {p}"],
        "session": [
            "Làm việc với Sở Văn hóa và Thể thao về giao lưu nghệ thuật",
            "Dự khai mạc Festival Huế",
        ],
        "visit": [
            "Thưởng thức Nhã nhạc cung đình Huế|Nhà hát Duyệt Thị Đường",
            "Tham quan Đại Nội Huế|Đại Nội Huế",
        ],
        "talk": [
            "Cảm ơn {p} đã cử đoàn nghệ thuật tham gia Festival Huế",
            "Đề xuất tổ chức tuần văn hóa luân phiên tại hai địa phương",
            "Đề nghị phối hợp quảng bá Nhã nhạc cung đình Huế",
        ],
        "outcome": [
            "Thống nhất tổ chức tuần văn hóa Huế tại địa phương bạn vào năm tới.",
            "Đoàn nghệ thuật của bạn biểu diễn 3 đêm tại Festival Huế.",
        ],
    },
    "investment": {
        "purpose": [
            "Xúc tiến đầu tư vào Khu kinh tế Chân Mây - Lăng Cô",
            "Khảo sát môi trường đầu tư và tìm hiểu dự án",
        ],
        "title_in": ["khảo sát đầu tư tại Huế", "làm việc về xúc tiến đầu tư tại Huế"],
        "title_out": ["xúc tiến đầu tư tại {p}", "xúc tiến thương mại, đầu tư tại {c}"],
        "session": [
            "Làm việc với Ban Quản lý Khu kinh tế, công nghiệp",
            "Tọa đàm xúc tiến đầu tư với Sở Tài chính",
        ],
        "visit": [
            "Khảo sát Cảng Chân Mây|Cảng Chân Mây",
            "Khảo sát Khu công nghiệp Phú Bài|Khu công nghiệp Phú Bài",
        ],
        "talk": [
            "Giới thiệu các dự án kêu gọi đầu tư tại Khu kinh tế Chân Mây - Lăng Cô",
            "Đề nghị {p} giới thiệu doanh nghiệp khảo sát đầu tư tại Huế",
            "Cam kết hỗ trợ thủ tục đầu tư nhanh chóng",
        ],
        "outcome": [
            "Hai doanh nghiệp của bạn đăng ký khảo sát dự án tại Khu kinh tế Chân Mây - Lăng Cô.",
            "Thống nhất tổ chức hội nghị xúc tiến đầu tư chung trong năm tới.",
        ],
    },
    "agriculture": {
        "purpose": [
            "Hợp tác phát triển nông nghiệp công nghệ cao",
            "Trao đổi kinh nghiệm phòng chống thiên tai và thích ứng biến đổi khí hậu",
        ],
        "title_in": [
            "làm việc về hợp tác nông nghiệp tại Huế",
            "khảo sát mô hình nông nghiệp tại Huế",
        ],
        "title_out": ["học tập mô hình nông nghiệp tại {p}", "làm việc về nông nghiệp tại {p}"],
        "session": [
            "Làm việc với Sở Nông nghiệp và Môi trường",
            "Tọa đàm về nông nghiệp công nghệ cao",
        ],
        "visit": [
            "Thăm mô hình nông nghiệp công nghệ cao|Phường Phong Điền",
            "Thăm Hợp tác xã nông nghiệp Thủy Thanh|Phường Thủy Thanh",
        ],
        "talk": [
            "Đề xuất chuyển giao kỹ thuật canh tác nông nghiệp công nghệ cao",
            "Đề nghị hỗ trợ đào tạo thực tập sinh nông nghiệp",
            "Trao đổi kinh nghiệm phòng chống thiên tai",
        ],
        "outcome": [
            "Thống nhất tiếp nhận 20 thực tập sinh nông nghiệp của Huế.",
            "Hai bên thống nhất xây dựng mô hình thí điểm tại Phong Điền.",
        ],
    },
    "aid": {
        "purpose": [
            "Bàn triển khai dự án viện trợ và kiểm tra tiến độ",
            "Khảo sát nhu cầu cho dự án viện trợ mới",
        ],
        "title_in": ["kiểm tra dự án viện trợ tại Huế", "khảo sát dự án viện trợ mới tại Huế"],
        "title_out": ["làm việc với nhà tài trợ tại {p}", "vận động viện trợ tại {c}"],
        "session": [
            "Làm việc với Sở Ngoại vụ về tiến độ dự án",
            "Làm việc với UBND xã nơi thực hiện dự án",
        ],
        "visit": [
            "Kiểm tra công trình dự án|Xã A Lưới 1",
            "Thăm trường mầm non do dự án xây dựng|Xã Phú Vang",
        ],
        "talk": [
            "Cảm ơn {p} về các dự án viện trợ đã triển khai tại Huế",
            "Báo cáo tiến độ giải ngân và kết quả dự án",
            "Đề xuất dự án mới cho các xã miền núi",
        ],
        "outcome": [
            "Nhà tài trợ đồng ý triển khai giai đoạn 2 của dự án.",
            "Thống nhất bàn giao công trình trong quý tới.",
        ],
    },
    "consular": {
        "purpose": [
            "Chào xã giao Lãnh đạo thành phố và trao đổi về công tác lãnh sự",
            "Trao đổi về bảo hộ công dân và hỗ trợ du khách",
        ],
        "title_in": ["chào xã giao Lãnh đạo thành phố Huế", "làm việc về công tác lãnh sự tại Huế"],
        "title_out": ["làm việc về công tác lãnh sự tại {p}", "thăm cộng đồng người Việt tại {c}"],
        "session": [
            "Làm việc với Sở Ngoại vụ về bảo hộ công dân",
            "Làm việc với Công an thành phố về hỗ trợ du khách",
        ],
        "visit": [
            "Tham quan Đại Nội Huế|Đại Nội Huế",
            "Gặp gỡ cộng đồng doanh nghiệp của bạn tại Huế|Trung tâm Hội nghị Thành phố",
        ],
        "talk": [
            "Cảm ơn {p} đã hỗ trợ công dân Huế",
            "Đề nghị phối hợp xử lý nhanh các vụ việc lãnh sự",
            "Giới thiệu các biện pháp bảo đảm an toàn cho du khách tại Huế",
        ],
        "outcome": [
            "Thống nhất cơ chế trao đổi thông tin về vụ việc lãnh sự.",
            "Hai bên thống nhất phối hợp hỗ trợ du khách gặp nạn.",
        ],
    },
}
# Topics fitting each kind of partner.
TOPICS_BY_PARTNER = {
    "partner_locality": [
        "friendship",
        "tourism",
        "education",
        "health",
        "heritage",
        "culture",
        "investment",
        "agriculture",
    ],
    "embassy": ["consular", "friendship", "investment", "culture", "education"],
    "consulate": ["consular", "friendship", "tourism"],
    "donor": ["aid"],
    "ngo": ["aid"],
    "government": ["aid"],
    "international_org": ["aid"],
    "university": ["education"],
    "investor": ["investment"],
    "company": ["investment", "tourism"],
}
# How a delegation's name starts: (partner type, inbound) -> templates.
DELEGATION_LEADS = {
    "partner_locality": ["Đoàn đại biểu {p} ({c})", "Đoàn công tác {p} ({c})"],
    "embassy": ["Đoàn {p}", "Ngài Đại sứ và đoàn {p}"],
    "consulate": ["Đoàn {p}", "Ngài Tổng Lãnh sự và đoàn {p}"],
    "university": ["Đoàn {p} ({c})"],
    "investor": ["Đoàn doanh nghiệp {p} ({c})"],
    "company": ["Đoàn doanh nghiệp {p} ({c})"],
    "donor": ["Đoàn {p}"],
    "ngo": ["Đoàn {p}"],
    "government": ["Đoàn {p}"],
    "international_org": ["Đoàn {p}"],
}
OUTBOUND_LEADS = [
    "Đoàn công tác của thành phố Huế",
    "Đoàn Lãnh đạo thành phố Huế",
    "Đoàn đại biểu thành phố Huế",
]
MEMBER_ROLES = {
    "head": "Trưởng đoàn",
    "deputy": "Phó Trưởng đoàn",
    "member": "Thành viên",
    "secretary": "Thư ký đoàn",
    "interpreter": "Phiên dịch",
}
LANGUAGES = {
    "VN": "Tiếng Việt",
    "JP": "Tiếng Nhật",
    "KR": "Tiếng Hàn",
    "LA": "Tiếng Lào",
    "FR": "Tiếng Pháp",
    "BE": "Tiếng Pháp",
    "US": "Tiếng Anh",
    "GB": "Tiếng Anh",
    "CN": "Tiếng Trung",
    "AU": "Tiếng Anh",
    "DE": "Tiếng Đức",
    "FI": "Tiếng Phần Lan",
    "RU": "Tiếng Nga",
    "CH": "Tiếng Đức",
    "SG": "Tiếng Anh",
    "TH": "Tiếng Thái",
    "DK": "Tiếng Đan Mạch",
}
DIETS = [
    None,
    None,
    None,
    None,
    None,
    "Ăn chay",
    "Không ăn hải sản",
    "Dị ứng đậu phộng",
    "Không ăn thịt bò",
    "Ăn kiêng Halal",
]

# Places in Huế for inbound programmes.
HUE_AIRPORT = "Sân bay quốc tế Phú Bài"
HUE_COMMITTEE_SEAT = "Trụ sở UBND thành phố, 16 Lê Lợi"
HUE_HOTELS = ["Khách sạn Azerai La Residence", "Khách sạn Indochine Palace", "Khách sạn Silk Path"]
HUE_DINNER = ["Nhà hàng Cung An Định", "Nhà khách Thành ủy, 5 Lê Lợi", "Nhà hàng Ancient Huế"]
HUE_PLACES = [
    "Đại Nội Huế",
    "Lăng Tự Đức",
    "Chùa Thiên Mụ",
    "Bệnh viện Trung ương Huế",
    "Đại học Huế",
    "Trung tâm Hội nghị Thành phố",
    "Cảng Chân Mây",
    "Khu kinh tế Chân Mây - Lăng Cô",
    "Trường Quốc Học Huế",
    "Phường Thuận Hóa",
    "Phường Phú Xuân",
    "Nhà hát Sông Hương",
]
# A session's place follows from its words.
SESSION_PLACES = {
    "Sở Ngoại vụ": "Sở Ngoại vụ, 1 Hoàng Hoa Thám",
    "Sở Du lịch": "Sở Du lịch, 9 Phạm Văn Đồng",
    "Sở Y tế": "Sở Y tế, 28 Lê Lợi",
    "Bệnh viện Trung ương Huế": "Bệnh viện Trung ương Huế, 16 Lê Lợi",
    "Đại học Huế": "Đại học Huế, 3 Lê Lợi",
    "Sở Giáo dục và Đào tạo": "Sở Giáo dục và Đào tạo, 22 Lê Lợi",
    "Trung tâm Bảo tồn Di tích": "Trung tâm Bảo tồn Di tích Cố đô Huế, 23 Tống Duy Tân",
    "Ban Quản lý Khu kinh tế": "Ban Quản lý Khu kinh tế, công nghiệp, Chân Mây",
    "Sở Nông nghiệp": "Sở Nông nghiệp và Môi trường, 3 Lê Lợi",
    "Sở Văn hóa": "Sở Văn hóa và Thể thao, 1 Điện Biên Phủ",
    "Công an thành phố": "Công an thành phố, 48 Trần Cao Vân",
    "Sở Tài chính": "Sở Tài chính, 7 Tôn Đức Thắng",
}
# Abroad, what an outbound delegation does besides its topic's sessions.
ABROAD_SESSIONS = [
    "Hội kiến Lãnh đạo {p}",
    "Làm việc với các sở, ngành của {p}",
    "Gặp gỡ cộng đồng người Việt Nam tại {c}",
    "Tọa đàm giới thiệu tiềm năng hợp tác với Huế",
]

GIFTS_GIVEN = [
    "Tranh thêu XQ phong cảnh Huế",
    "Bộ ấm chén gốm Phước Tích",
    "Sách ảnh Di sản Huế",
    "Tranh sơn mài cầu Trường Tiền",
    "Áo dài lụa và nón bài thơ",
    "Bình gốm men lam Huế",
    "Mô hình Ngọ Môn bằng đồng",
]
GIFTS_RECEIVED = {
    "JP": ["Bình gốm Mino", "Tranh khắc gỗ Ukiyo-e", "Búp bê truyền thống Nhật Bản"],
    "KR": ["Bộ gốm men ngọc Cao Ly", "Tranh thư pháp Hàn Quốc", "Hộp sơn mài khảm xà cừ"],
    "LA": ["Khăn lụa Lào dệt tay", "Tranh phong cảnh Vat Phou", "Bộ ấm bạc chạm khắc"],
    "CN": ["Bộ ấm trà Long Tỉnh", "Tranh thêu lụa Hàng Châu", "Bình sứ Cảnh Đức Trấn"],
    "FR": ["Sách ảnh thung lũng Loire", "Đĩa sứ Limoges"],
    "BE": ["Hộp sô-cô-la Bỉ", "Sách ảnh Wallonie"],
    "FI": ["Bình thủy tinh Iittala", "Sách ảnh Phần Lan"],
    "RU": ["Búp bê Matryoshka", "Hộp sơn mài Palekh"],
}
GIFTS_RECEIVED_OTHER = ["Sách ảnh về đất nước bạn", "Đĩa sứ kỷ niệm", "Biểu trưng của đối tác"]

# Places abroad where Huế citizens get into trouble (consular cases).
FOREIGN_PLACES = {
    "JP": ["Tokyo", "Osaka", "Gifu", "Nagoya"],
    "KR": ["Seoul", "Busan", "Gwangju"],
    "TW": ["Đài Bắc", "Cao Hùng"],
    "LA": ["Viêng Chăn", "Pakse"],
    "MY": ["Kuala Lumpur"],
    "US": ["California", "Texas"],
    "AU": ["Sydney"],
    "DE": ["Berlin"],
    "FR": ["Paris", "Lyon"],
    "CN": ["Quảng Châu", "Nam Ninh"],
    "TH": ["Bangkok"],
    "RU": ["Moskva"],
}
# Vietnamese representation abroad that a case is referred to, by country.
VN_MISSIONS = {
    "JP": "Đại sứ quán Việt Nam tại Nhật Bản",
    "KR": "Đại sứ quán Việt Nam tại Hàn Quốc",
    "TW": "Văn phòng Kinh tế và Văn hóa Việt Nam tại Đài Bắc",
    "LA": "Tổng Lãnh sự quán Việt Nam tại Pakse",
    "MY": "Đại sứ quán Việt Nam tại Malaysia",
    "US": "Tổng Lãnh sự quán Việt Nam tại San Francisco",
    "AU": "Tổng Lãnh sự quán Việt Nam tại Sydney",
    "DE": "Đại sứ quán Việt Nam tại Đức",
    "FR": "Đại sứ quán Việt Nam tại Pháp",
    "CN": "Tổng Lãnh sự quán Việt Nam tại Quảng Châu",
    "TH": "Đại sứ quán Việt Nam tại Thái Lan",
    "RU": "Đại sứ quán Việt Nam tại Liên bang Nga",
}
# Consular cases by type: title, facts, actions in order, outcome, where the news came from.
CASES: dict[str, dict[str, Any]] = {
    "citizen_protection": {
        "title": "Bảo hộ công dân {name} tại {place}",
        "facts": "Ngày {day}, gia đình công dân {name} báo tin mất liên lạc với công dân "
        "khi đang lao động tại {place}.",
        "actions": [
            "Tiếp nhận thông tin từ thân nhân, lập hồ sơ",
            "Báo cáo Cục Lãnh sự - Bộ Ngoại giao",
            "Đề nghị {mission} xác minh",
            "Thông báo cho thân nhân kết quả xác minh",
        ],
        "outcome": "Đã liên lạc được với công dân; công dân an toàn.",
        "sources": ["family", "family", "ministry"],
    },
    "accident": {
        "title": "Công dân {name} bị tai nạn giao thông tại {place}",
        "facts": "Ngày {day}, công dân {name} bị tai nạn giao thông tại {place}, đang điều trị "
        "tại bệnh viện địa phương.",
        "actions": [
            "Tiếp nhận thông tin, lập hồ sơ",
            "Đề nghị {mission} thăm hỏi, hỗ trợ công dân",
            "Hướng dẫn gia đình thủ tục bảo hiểm, viện phí",
            "Phối hợp đưa công dân về nước điều trị",
        ],
        "outcome": "Công dân đã về nước, tiếp tục điều trị tại Bệnh viện Trung ương Huế.",
        "sources": ["family", "embassy", "hospital"],
    },
    "arrest": {
        "title": "Công dân {name} bị tạm giữ tại {place}",
        "facts": "Ngày {day}, {mission} thông báo công dân {name} bị cơ quan chức năng "
        "sở tại tạm giữ để điều tra.",
        "actions": [
            "Tiếp nhận thông báo của cơ quan đại diện",
            "Xác minh nhân thân với Công an thành phố",
            "Thông báo cho gia đình",
            "Đề nghị cơ quan đại diện thăm lãnh sự",
        ],
        "outcome": "Công dân đã được trả tự do và về nước.",
        "sources": ["embassy", "ministry"],
    },
    "death": {
        "title": "Công dân {name} tử vong tại {place}, hỗ trợ đưa thi hài về nước",
        "facts": "Ngày {day}, gia đình báo tin công dân {name} tử vong tại {place}; gia đình "
        "đề nghị hỗ trợ đưa thi hài về nước.",
        "actions": [
            "Tiếp nhận đề nghị của gia đình",
            "Báo cáo Cục Lãnh sự - Bộ Ngoại giao",
            "Đề nghị {mission} hỗ trợ thủ tục",
            "Hướng dẫn gia đình thủ tục hồi hương thi hài",
            "Phối hợp tiếp nhận thi hài tại Sân bay quốc tế Phú Bài",
        ],
        "outcome": "Thi hài công dân đã được đưa về nước và bàn giao cho gia đình.",
        "sources": ["family", "embassy"],
    },
    "lost_documents": {
        "title": "Công dân {name} bị mất hộ chiếu tại {place}",
        "facts": "Ngày {day}, công dân {name} báo mất hộ chiếu tại {place}.",
        "actions": [
            "Tiếp nhận thông tin",
            "Xác minh nhân thân với Công an thành phố",
            "Đề nghị {mission} cấp giấy thông hành",
        ],
        "outcome": "Công dân đã được cấp giấy thông hành và về nước.",
        "sources": ["self_report", "family"],
    },
    "labour_dispute": {
        "title": "Lao động {name} tranh chấp hợp đồng tại {place}",
        "facts": "Ngày {day}, gia đình lao động {name} báo tin lao động bị chủ sử dụng nợ "
        "lương tại {place}.",
        "actions": [
            "Tiếp nhận đơn của gia đình",
            "Làm việc với doanh nghiệp đưa lao động đi",
            "Đề nghị {mission} làm việc với chủ sử dụng lao động",
            "Thông báo cho gia đình kết quả giải quyết",
        ],
        "outcome": "Chủ sử dụng lao động đã thanh toán tiền lương còn nợ.",
        "sources": ["family", "self_report"],
    },
    "trafficking": {
        "title": "Nghi vấn mua bán người liên quan công dân {name} tại {place}",
        "facts": "Ngày {day}, gia đình báo tin công dân {name} bị đưa sang {place} làm việc "
        "trái ý muốn.",
        "actions": [
            "Tiếp nhận tin báo, lập hồ sơ",
            "Phối hợp Công an thành phố xác minh",
            "Đề nghị {mission} giải cứu công dân",
            "Hỗ trợ đưa công dân về nước, tái hòa nhập",
        ],
        "outcome": "Công dân đã được giải cứu, đưa về nước và hỗ trợ tái hòa nhập.",
        "sources": ["family", "police"],
    },
    "document_request": {
        "title": "Đề nghị hợp pháp hóa lãnh sự giấy tờ của {name}",
        "facts": "Ngày {day}, công dân {name} nộp hồ sơ đề nghị hợp pháp hóa lãnh sự giấy tờ "
        "để sử dụng ở nước ngoài.",
        "actions": [
            "Tiếp nhận hồ sơ",
            "Kiểm tra giấy tờ, chuyển Cục Lãnh sự",
            "Trả kết quả cho công dân",
        ],
        "outcome": "Đã trả kết quả hợp pháp hóa lãnh sự.",
        "sources": ["self_report"],
    },
    "foreigner_in_hue": {
        "title": "Hỗ trợ du khách {name} gặp nạn tại {place}",
        "facts": "Ngày {day}, Công an thành phố thông báo du khách {name} gặp nạn tại {place}.",
        "actions": [
            "Tiếp nhận thông báo của Công an thành phố",
            "Thông báo cho cơ quan đại diện nước bạn",
            "Phối hợp bệnh viện hỗ trợ du khách",
            "Hỗ trợ du khách hoàn tất thủ tục về nước",
        ],
        "outcome": "Du khách đã bình phục và tiếp tục hành trình.",
        "sources": ["police", "hospital"],
    },
    "visa_invitation": {
        "title": "Bảo lãnh thị thực cho khách mời {name}",
        "facts": "Ngày {day}, Sở Ngoại vụ nhận đề nghị bảo lãnh thị thực cho khách mời {name} "
        "sang làm việc tại Huế.",
        "actions": [
            "Tiếp nhận đề nghị của cơ quan mời",
            "Gửi văn bản đề nghị Cục Quản lý xuất nhập cảnh",
            "Thông báo kết quả cho cơ quan mời",
        ],
        "outcome": "Khách mời đã được cấp thị thực.",
        "sources": ["self_report"],
    },
    "other": {
        "title": "Vụ việc lãnh sự liên quan công dân {name}",
        "facts": "Ngày {day}, Sở Ngoại vụ nhận đề nghị hỗ trợ của công dân {name} tại {place}.",
        "actions": ["Tiếp nhận thông tin", "Hướng dẫn công dân làm thủ tục"],
        "outcome": "Đã hướng dẫn công dân hoàn tất thủ tục.",
        "sources": ["self_report", "family"],
    },
}
CASE_RELATIVES = ["Cha", "Mẹ", "Vợ", "Chồng", "Anh trai", "Chị gái", "Con"]

EVENTS = [
    # (title, type, month it is held in, how many days)
    ("Festival Huế {y}", "festival", 6, 6),
    ("Tuần lễ Festival Nghệ thuật Quốc tế Huế {y}", "festival", 4, 7),
    ("Hội nghị Xúc tiến đầu tư thành phố Huế {y}", "conference", 3, 1),
    ("Diễn đàn Kinh tế Việt Nam - Thụy Sĩ {y}", "conference", 9, 2),
    ("Hội thảo quốc tế về bảo tồn di sản {y}", "workshop", 10, 2),
    ("Triển lãm ảnh Huế - Gifu {y}", "exhibition", 8, 5),
    ("Giao lưu văn hóa Việt - Nhật {y}", "cultural", 11, 1),
    ("Giải Marathon Quốc tế Di sản Huế {y}", "sport", 5, 1),
    ("Festival Nghề truyền thống Huế {y}", "festival", 5, 5),
    ("Hội thảo hợp tác giáo dục Việt Nam - Hàn Quốc {y}", "workshop", 12, 1),
]
EVENT_VENUES = {
    "festival": ["Đại Nội Huế", "Quảng trường Ngọ Môn"],
    "conference": ["Trung tâm Hội nghị Thành phố", "Khách sạn Indochine Palace"],
    "workshop": ["Đại học Huế", "Trung tâm Hội nghị Thành phố"],
    "exhibition": ["Trung tâm Nghệ thuật Lê Bá Đảng", "Bảo tàng Mỹ thuật Huế"],
    "cultural": ["Nhà hát Sông Hương", "Trường Đại học Ngoại ngữ, Đại học Huế"],
    "sport": ["Quảng trường Ngọ Môn"],
}

# Aid project titles by sector ({p} a locality of Huế).
AID_TITLES = {
    "health": [
        "Trang thiết bị y tế cho Trung tâm Y tế {p}",
        "Nâng cấp trạm y tế {p}",
        "Chăm sóc sức khỏe bà mẹ và trẻ em tại {p}",
    ],
    "education": [
        "Xây dựng trường mầm non tại {p}",
        "Học bổng cho học sinh nghèo vượt khó {p}",
        "Thư viện và phòng học ngoại ngữ cho trường tiểu học {p}",
    ],
    "disaster_relief": [
        "Cứu trợ khẩn cấp sau bão lũ tại {p}",
        "Nhà tránh lũ cho hộ nghèo {p}",
        "Phòng chống thiên tai dựa vào cộng đồng tại {p}",
    ],
    "social": [
        "Hỗ trợ người khuyết tật {p}",
        "Nước sạch và vệ sinh môi trường tại {p}",
        "Sinh kế cho phụ nữ dân tộc thiểu số {p}",
    ],
}
HUE_LOCALITIES = [
    "phường Thuận Hóa",
    "phường Phú Xuân",
    "phường Hương Thủy",
    "phường Phong Điền",
    "xã Quảng Điền",
    "xã A Lưới 1",
    "xã Phú Vang",
    "phường Kim Long",
    "xã Phú Lộc",
    "phường Hương Trà",
    "xã Nam Đông",
]
FDI_NAMES = {
    "manufacturing": ["Nhà máy sản xuất {n}", "Nhà máy {n} mở rộng giai đoạn 2"],
    "tourism": ["Khu nghỉ dưỡng {n}", "Khách sạn {n} Huế"],
    "energy": ["Nhà máy điện gió {n}", "Điện mặt trời áp mái {n}"],
    "real_estate": ["Khu đô thị {n}", "Trung tâm thương mại {n}"],
    "education": ["Trường quốc tế {n}", "Trung tâm đào tạo ngoại ngữ {n}"],
}
FDI_LOCATIONS = [
    "Khu kinh tế Chân Mây - Lăng Cô",
    "Khu công nghiệp Phú Bài",
    "Khu công nghiệp Phong Điền",
    "Cảng Chân Mây",
    "Thị xã Hương Thủy",
    "Khu công nghiệp La Sơn",
    "Phường Thuận An",
]
AGREEMENT_FIELDS = [
    "giáo dục, đào tạo",
    "văn hóa, du lịch",
    "y tế",
    "nông nghiệp",
    "bảo tồn di sản",
    "thương mại, đầu tư",
    "giao lưu nhân dân",
]
# What a Huế delegation does abroad, by topic ({p} the partner, {c} its country).
ABROAD_BY_TOPIC = {
    "friendship": [
        "Hội đàm với Lãnh đạo {p} về kết quả hợp tác",
        "Dự lễ kỷ niệm thiết lập quan hệ hữu nghị",
    ],
    "tourism": [
        "Tổ chức chương trình giới thiệu điểm đến Huế",
        "Làm việc với hiệp hội du lịch {p}",
    ],
    "education": [
        "Làm việc với các trường đại học của {p}",
        "Thăm sinh viên Huế đang học tập tại {c}",
    ],
    "health": [
        "Thăm bệnh viện đào tạo điều dưỡng của {p}",
        "Làm việc về tiếp nhận điều dưỡng của Huế",
    ],
    "heritage": [
        "Học tập mô hình quản lý di sản của {p}",
        "Làm việc với cơ quan bảo tồn di sản của {p}",
    ],
    "culture": ["Khai mạc Tuần văn hóa Huế", "Biểu diễn Nhã nhạc cung đình Huế"],
    "investment": [
        "Tổ chức hội nghị xúc tiến đầu tư vào Huế",
        "Làm việc với doanh nghiệp quan tâm đầu tư tại Huế",
    ],
    "agriculture": [
        "Thăm mô hình nông nghiệp công nghệ cao của {p}",
        "Làm việc về đào tạo thực tập sinh nông nghiệp",
    ],
    "aid": [
        "Làm việc với trụ sở nhà tài trợ về dự án mới",
        "Báo cáo kết quả dự án viện trợ tại Huế",
    ],
    "consular": ["Làm việc với cơ quan lao động của {p}", "Gặp gỡ lao động Huế tại {c}"],
}
# Where a delegation arrives in a country, when its partner names no airport.
COUNTRY_AIRPORTS = {
    "KR": "Sân bay quốc tế Incheon",
    "JP": "Sân bay quốc tế Kansai",
    "BE": "Sân bay Brussels",
    "LA": "Sân bay quốc tế Wattay, Viêng Chăn",
    "FI": "Sân bay Helsinki-Vantaa",
    "FR": "Sân bay Paris-Charles de Gaulle",
    "CN": "Sân bay quốc tế Bạch Vân, Quảng Châu",
}
# Visits abroad for the days a programme has room for ({p} the partner).
ABROAD_VISITS = [
    "Tham quan, khảo sát thực tế tại {p}",
    "Thăm di tích, danh thắng của {p}",
    "Thăm doanh nghiệp tiêu biểu của {p}",
]
