"""English for the short, controlled words typed in Vietnamese: offices, roles, languages, diets,
the Huế agencies.

A member's office ("Phó Thống đốc"), role in the delegation ("Trưởng đoàn"),
form of address ("Ngài Thống đốc"), language and dietary needs, and a programme
line's Huế participants and responsible office ("Lãnh đạo Sở Ngoại vụ") are typed
in Vietnamese from a small vocabulary; an English brief prints them in English.
Text outside the vocabulary (a purpose, an activity, a place) is the user's own
and prints as typed. ``tests/test_demo_truth.py`` checks that every such word the
demo data uses is here."""

from __future__ import annotations

from huedesk.db.enums import Gender

OFFICES = {
    # Foreign local government
    "Thống đốc": "Governor",
    "Phó Thống đốc": "Vice-Governor",
    "Tỉnh trưởng": "Governor",
    "Phó Tỉnh trưởng": "Vice-Governor",
    "Thị trưởng": "Mayor",
    "Phó Thị trưởng": "Deputy Mayor",
    "Huyện trưởng": "County Mayor",
    "Phó Huyện trưởng": "Deputy County Mayor",
    "Chủ tịch Hội đồng tỉnh": "Chair of the Provincial Assembly",
    "Chủ tịch Hội đồng thành phố": "Chair of the City Council",
    "Chủ tịch Hội đồng huyện": "Chair of the County Council",
    "Chủ tịch Hội đồng vùng": "President of the Regional Council",
    "Phó Chủ tịch Hội đồng vùng": "Vice-President of the Regional Council",
    "Chủ tịch Khu tự trị": "Chairman of the Autonomous Region",
    "Phó Chủ tịch Khu tự trị": "Vice-Chairman of the Autonomous Region",
    "Ủy viên Hội đồng thành phố": "City Councillor",
    "Giám đốc Sở Quốc tế": "Director of International Affairs",
    "Giám đốc Sở Hợp tác quốc tế": "Director of International Cooperation",
    "Giám đốc Sở Ngoại vụ": "Director of Foreign Affairs",
    "Phó Giám đốc Sở Ngoại vụ": "Deputy Director of Foreign Affairs",
    "Giám đốc Văn phòng Ngoại vụ": "Director of the Foreign Affairs Office",
    "Phó Giám đốc Văn phòng Ngoại vụ": "Deputy Director of the Foreign Affairs Office",
    "Giám đốc Quan hệ quốc tế": "Director of International Relations",
    "Trưởng ban Quan hệ đối ngoại": "Head of External Relations",
    "Trưởng phòng Giao lưu quốc tế": "Head of International Exchange",
    "Trưởng phòng Hợp tác quốc tế": "Head of International Cooperation",
    "Chuyên viên Phòng Giao lưu quốc tế": "International Exchange Officer",
    "Chuyên viên Phòng Hợp tác quốc tế": "International Cooperation Officer",
    "Chuyên viên Sở Ngoại vụ": "Foreign Affairs Officer",
    "Chuyên viên Văn phòng Ngoại vụ": "Foreign Affairs Officer",
    "Chuyên viên Ban Quan hệ đối ngoại": "External Relations Officer",
    "Chuyên viên Quan hệ quốc tế": "International Relations Officer",
    "Phiên dịch": "Interpreter",
    # Diplomatic missions
    "Đại sứ": "Ambassador",
    "Phó Đại sứ": "Deputy Ambassador",
    "Tham tán": "Counsellor",
    "Bí thư thứ nhất": "First Secretary",
    "Tùy viên": "Attaché",
    "Trợ lý Đại sứ": "Assistant to the Ambassador",
    "Tổng Lãnh sự": "Consul General",
    "Phó Tổng Lãnh sự": "Deputy Consul General",
    "Lãnh sự": "Consul",
    "Phó Lãnh sự": "Vice-Consul",
    # Donors, universities, companies
    "Trưởng Đại diện tại Việt Nam": "Country Representative in Viet Nam",
    "Phó Trưởng Đại diện": "Deputy Representative",
    "Giám đốc chương trình": "Programme Director",
    "Điều phối viên dự án": "Project Coordinator",
    "Cán bộ dự án": "Project Officer",
    "Hiệu trưởng": "President",
    "Phó Hiệu trưởng": "Vice-President",
    "Trưởng khoa": "Dean",
    "Giáo sư": "Professor",
    "Giám đốc Hợp tác quốc tế": "Director of International Cooperation",
    "Giảng viên": "Lecturer",
    "Chủ tịch Hội đồng quản trị": "Chairman of the Board",
    "Tổng Giám đốc": "Chief Executive",
    "Phó Tổng Giám đốc": "Deputy Chief Executive",
    "Giám đốc dự án": "Project Director",
    "Trưởng phòng Kinh doanh": "Head of Business Development",
    # Huế
    "Chủ tịch": "Chairman",
    "Phó Chủ tịch": "Vice Chairman",
    "Chánh Văn phòng": "Chief of Office",
    "Giám đốc": "Director",
    "Phó Giám đốc": "Deputy Director",
    "Chuyên viên": "Officer",
    "Chuyên viên Phòng Lãnh sự": "Consular Officer",
}
ROLES = {
    "Trưởng đoàn": "Head of delegation",
    "Phó Trưởng đoàn": "Deputy head",
    "Thành viên": "Member",
    "Thư ký đoàn": "Secretary",
    "Phiên dịch": "Interpreter",
}
# The Huế side: the City People's Committee and its departments, as programmes name them.
AGENCIES = {
    "UBND thành phố": "the City People's Committee",
    "UBND thành phố Huế": "Huế City People's Committee",
    "Văn phòng UBND thành phố": "Office of the City People's Committee",
    "Sở Ngoại vụ": "Department of Foreign Affairs",
    "Sở Du lịch": "Department of Tourism",
    "Sở Văn hóa và Thể thao": "Department of Culture and Sports",
    "Sở Tài chính": "Department of Finance",
    "Sở Y tế": "Department of Health",
    "Sở Giáo dục và Đào tạo": "Department of Education and Training",
    "Sở Nông nghiệp và Môi trường": "Department of Agriculture and Environment",
    "Trung tâm Bảo tồn Di tích Cố đô Huế": "Huế Monuments Conservation Centre",
    "Ban Quản lý Khu kinh tế, công nghiệp": "Economic and Industrial Zones Authority",
}
# Who takes part, as a programme line says it: "Lãnh đạo Sở Ngoại vụ", "Toàn đoàn".
_GROUPS = {"Toàn đoàn": "the whole delegation", "Trưởng đoàn": "head of delegation"}
_LEADS = {"lãnh đạo": "leaders of", "đại diện": "representatives of"}
LANGUAGES = {
    "tiếng việt": "Vietnamese",
    "tiếng nhật": "Japanese",
    "tiếng hàn": "Korean",
    "tiếng lào": "Lao",
    "tiếng pháp": "French",
    "tiếng anh": "English",
    "tiếng trung": "Chinese",
    "tiếng đức": "German",
    "tiếng phần lan": "Finnish",
    "tiếng nga": "Russian",
    "tiếng thái": "Thai",
    "tiếng đan mạch": "Danish",
}
DIETS = {
    "Ăn chay": "Vegetarian",
    "Không ăn hải sản": "No seafood",
    "Không ăn hải sản có vỏ": "No shellfish",
    "Dị ứng đậu phộng": "Peanut allergy",
    "Không ăn thịt bò": "No beef",
    "Ăn kiêng Halal": "Halal",
}


def office(text: str | None, lang: str) -> str:
    if not text:
        return ""
    return OFFICES.get(text, text) if lang == "en" else text


def role(text: str | None, lang: str) -> str:
    if not text:
        return ""
    return ROLES.get(text, text) if lang == "en" else text


def language(text: str | None, lang: str) -> str:
    """``Tiếng Nhật, tiếng Việt`` → ``Japanese, Vietnamese``; unknown parts stay as typed."""
    if not text or lang != "en":
        return text or ""
    parts = [p.strip() for p in text.split(",")]
    return ", ".join(LANGUAGES.get(p.lower(), p) for p in parts if p)


def diet(text: str | None, lang: str) -> str:
    if not text:
        return ""
    return DIETS.get(text, text) if lang == "en" else text


def agency(text: str | None, lang: str) -> str:
    """``Sở Ngoại vụ`` → ``Department of Foreign Affairs``; other text stays as typed."""
    if not text:
        return ""
    return AGENCIES.get(text, text) if lang == "en" else text


def participants(text: str | None, lang: str) -> str:
    """``Lãnh đạo Sở Ngoại vụ, Sở Du lịch`` → ``Leaders of the Department of Foreign
    Affairs, the Department of Tourism``; ``Phó Chủ tịch UBND thành phố; lãnh đạo Sở Y tế``
    → ``Vice Chairman of the City People's Committee; leaders of the Department of Health``.

    All or nothing: a line with any part outside the vocabulary prints as typed,
    never half translated.
    """
    if not text or lang != "en":
        return text or ""
    out: list[str] = []
    for clause in text.split(";"):
        words: list[str] = []
        for part in _split_agencies(clause):
            english = _participant(part.strip())
            if english is None:
                return text
            words.append(english)
        out.append(", ".join(words))
    line = "; ".join(out)
    return line[0].upper() + line[1:]


def _split_agencies(clause: str) -> list[str]:
    """Split at commas, except the one inside an agency's own name."""
    parts: list[str] = []
    for piece in clause.split(","):
        joined = f"{parts[-1]},{piece}" if parts else piece
        if parts and any(joined.strip().endswith(name) for name in AGENCIES if "," in name):
            parts[-1] = joined
        else:
            parts.append(piece)
    return parts


def _participant(part: str) -> str | None:
    if part in _GROUPS:
        return _GROUPS[part]
    if part in AGENCIES:
        name = AGENCIES[part]
        return name if name.startswith(("the ", "Huế")) else f"the {name}"
    words = part.split(" ", 2)
    if len(words) == 3 and f"{words[0]} {words[1]}".lower() in _LEADS:
        named = _participant(words[2])
        return f"{_LEADS[f'{words[0]} {words[1]}'.lower()]} {named}" if named else None
    for office_vi, office_en in OFFICES.items():  # "Phó Chủ tịch UBND thành phố"
        agency_vi = part.removeprefix(office_vi + " ")
        if agency_vi != part and agency_vi in AGENCIES:
            return f"{office_en} of {_participant(agency_vi)}"
    return None


def tranche(text: str | None, lang: str) -> str:
    """``Đợt 2`` → ``Tranche 2``; other text stays as typed."""
    if not text:
        return ""
    number = text.removeprefix("Đợt ").strip()
    if lang == "en" and number != text and number.isdigit():
        return f"Tranche {number}"
    return text


def form_of_address(text: str | None, gender: Gender | None, lang: str) -> str:
    """``Ngài Thống đốc`` → ``H.E. the Governor``; ``Bà`` → ``Ms``; ``Đồng chí`` → Mr/Ms."""
    if not text or lang != "en":
        return text or ""
    if text.startswith("Ngài "):
        rest = text.removeprefix("Ngài ")
        return f"H.E. the {OFFICES.get(rest, rest)}"
    if text == "Ngài":
        return "H.E."
    simple = {"Ông": "Mr", "Bà": "Ms", "Giáo sư": "Professor", "Tiến sĩ": "Dr"}
    if text in simple:
        return simple[text]
    if text == "Đồng chí":
        return {Gender.FEMALE: "Ms", Gender.MALE: "Mr"}.get(gender, "Mr/Ms")  # type: ignore[arg-type]
    return text


def known(text: str) -> bool:
    """Whether ``text`` has an English form here (for tests over the demo vocabulary)."""
    if text in OFFICES or text in ROLES or text in DIETS:
        return True
    return all(p.strip().lower() in LANGUAGES for p in text.split(","))


# Vietnamese letters no English word has (tone marks and ă â đ ê ô ơ ư).
_VI_LETTERS = frozenset("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")
# Vietnamese words an English brief writes itself ("amounts are in whole đồng").
_OWN_WORDS = frozenset({"đồng"})


def typed_in_vietnamese(text: str) -> bool:
    """Whether ``text`` holds words typed in Vietnamese, not only names.

    Names are capitalised syllable by syllable ("Nguyễn Thị Minh Thư", "Phường Thuận
    Hóa"); a purpose, an activity or a place written out has lowercase words with
    Vietnamese letters ("đào tạo", "tỉnh Aichi"). So a lowercase word with such a letter
    marks text an English brief prints as typed.
    """
    for word in text.split():
        word = word.strip(".,;:()[]\"'“”‘’–—-/")
        if word and word[0].islower() and word not in _OWN_WORDS and _VI_LETTERS & set(word):
            return True
    return False
