"""Closed vocabularies of the records, each value with its Vietnamese and English label.

Values are stable English slugs (they are stored and exported); labels are what
people read. ``LabelledEnum.label(lang)`` gives the label.
"""

from __future__ import annotations

import enum


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry (vi, en) labels in ``_labels``."""

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return LABELS[cls.__name__]

    def label(self, lang: str = "vi") -> str:
        vi, en = self._label_table()[self.value]
        return en if lang == "en" else vi


class OrgType(LabelledEnum):
    PARTNER_LOCALITY = "partner_locality"
    EMBASSY = "embassy"
    CONSULATE = "consulate"
    GOVERNMENT = "government"
    INTERNATIONAL_ORG = "international_org"
    NGO = "ngo"
    DONOR = "donor"
    INVESTOR = "investor"
    COMPANY = "company"
    UNIVERSITY = "university"
    VIETNAMESE_AGENCY = "vietnamese_agency"
    OTHER = "other"


class Gender(LabelledEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class LocalityLevel(LabelledEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    REGION = "region"
    OTHER = "other"


class RelationType(LabelledEnum):
    FRIENDSHIP = "friendship"
    TWINNING = "twinning"
    COOPERATION = "cooperation"


class PartnershipStatus(LabelledEnum):
    PROPOSED = "proposed"
    NEGOTIATING = "negotiating"
    ESTABLISHED = "established"
    SUSPENDED = "suspended"
    ENDED = "ended"


class AgreementType(LabelledEnum):
    MOU = "mou"
    COOPERATION = "cooperation"
    TWINNING = "twinning"
    LETTER_OF_INTENT = "letter_of_intent"
    OTHER = "other"


class SigningLevel(LabelledEnum):
    CITY_COMMITTEE = "city_committee"
    CITY_AGENCY = "city_agency"
    CENTRAL_AGENCY = "central_agency"


class AgreementStatus(LabelledEnum):
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class Direction(LabelledEnum):
    INBOUND = "in"
    OUTBOUND = "out"


class DelegationStatus(LabelledEnum):
    PLANNED = "planned"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    REPORTED = "reported"
    CANCELLED = "cancelled"


class GiftDirection(LabelledEnum):
    GIVEN = "given"
    RECEIVED = "received"


class CaseType(LabelledEnum):
    CITIZEN_PROTECTION = "citizen_protection"
    FOREIGNER_IN_HUE = "foreigner_in_hue"
    ACCIDENT = "accident"
    ARREST = "arrest"
    DEATH = "death"
    LOST_DOCUMENTS = "lost_documents"
    LABOUR_DISPUTE = "labour_dispute"
    TRAFFICKING = "trafficking"
    DOCUMENT_REQUEST = "document_request"
    VISA_INVITATION = "visa_invitation"
    OTHER = "other"


class CaseStatus(LabelledEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    AWAITING_RESPONSE = "awaiting_response"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class InformationSource(LabelledEnum):
    FAMILY = "family"
    SELF_REPORT = "self_report"
    EMBASSY = "embassy"
    MINISTRY = "ministry"
    POLICE = "police"
    HOSPITAL = "hospital"
    MEDIA = "media"
    OTHER = "other"


class CaseRole(LabelledEnum):
    SUBJECT = "subject"
    RELATIVE = "relative"
    CONTACT = "contact"
    WITNESS = "witness"
    OFFICER = "officer"
    FOREIGN_OFFICIAL = "foreign_official"


class Sector(LabelledEnum):
    HEALTH = "health"
    EDUCATION = "education"
    DISASTER_RELIEF = "disaster_relief"
    SOCIAL = "social"
    ENVIRONMENT = "environment"
    INFRASTRUCTURE = "infrastructure"
    CULTURE = "culture"
    AGRICULTURE = "agriculture"
    TOURISM = "tourism"
    MANUFACTURING = "manufacturing"
    ENERGY = "energy"
    REAL_ESTATE = "real_estate"
    OTHER = "other"


class AidStatus(LabelledEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class TransactionType(LabelledEnum):
    PLEDGE = "pledge"
    COMMITMENT = "commitment"
    DISBURSEMENT = "disbursement"


class FdiStatus(LabelledEnum):
    PROPOSED = "proposed"
    LICENSED = "licensed"
    UNDER_CONSTRUCTION = "under_construction"
    OPERATING = "operating"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


class EventType(LabelledEnum):
    FESTIVAL = "festival"
    CONFERENCE = "conference"
    WORKSHOP = "workshop"
    EXHIBITION = "exhibition"
    CULTURAL = "cultural"
    SPORT = "sport"
    OTHER = "other"


class EventStatus(LabelledEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    HELD = "held"
    REPORTED = "reported"
    CANCELLED = "cancelled"


class TaskStatus(LabelledEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class AuditAction(LabelledEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    SYSTEM = "system"


class SignAuthority(LabelledEnum):
    """The authority line of a signature block (Decree 30/2020, Appendix I, section II.8)."""

    DIRECT = "direct"  # the head of the agency signs: no authority line
    KT = "kt"  # ký thay: a deputy signs for the head
    TL = "tl"  # thừa lệnh: a head of unit signs by order of the head
    TUQ = "tuq"  # thừa ủy quyền: signs by the head's authorisation
    TM = "tm"  # thay mặt: signs on behalf of a collective body

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _AUTHORITY_LABELS


_AUTHORITY_LABELS = {
    "direct": ("Người đứng đầu ký", "The head signs"),
    "kt": ("KT. (ký thay)", "KT. (signed for the head)"),
    "tl": ("TL. (thừa lệnh)", "TL. (by order of the head)"),
    "tuq": ("TUQ. (thừa ủy quyền)", "TUQ. (by authorisation)"),
    "tm": ("TM. (thay mặt tập thể)", "TM. (on behalf of the body)"),
}


class NumberMode(LabelledEnum):
    """Who numbers a brief: the records office by hand, or HueDesk from its register."""

    BLANK = "blank"
    REGISTER = "register"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _NUMBER_LABELS


_NUMBER_LABELS = {
    "blank": ("Để trống, văn thư ghi số khi đăng ký", "Left blank for the records office"),
    "register": ("HueDesk cấp số theo sổ đăng ký", "Numbered by HueDesk from its register"),
}


class DocKind(LabelledEnum):
    """The kind of document a brief is issued as (Decree 30/2020, Appendix III)."""

    BAO_CAO = "bao-cao"
    CONG_VAN = "cong-van"
    TO_TRINH = "to-trinh"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _DOC_KIND_LABELS

    @property
    def code(self) -> str:
        """The decree's abbreviation: ``BC``, ``CV`` (công văn has none in its symbol), ``TTr``."""
        return {"bao-cao": "BC", "cong-van": "CV", "to-trinh": "TTr"}[self.value]


_DOC_KIND_LABELS = {
    "bao-cao": ("Báo cáo", "Report"),
    "cong-van": ("Công văn", "Letter"),
    "to-trinh": ("Tờ trình", "Submission"),
}


_WORKFLOW_LABELS = {
    "planned": ("Dự kiến", "Planned"),
    "approved": ("Đã phê duyệt", "Approved"),
    "in_progress": ("Đang thực hiện", "In progress"),
    "completed": ("Đã hoàn thành", "Completed"),
    "reported": ("Đã báo cáo", "Reported"),
    "cancelled": ("Đã hủy", "Cancelled"),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "OrgType": {
        "partner_locality": ("Địa phương đối tác", "Partner locality"),
        "embassy": ("Đại sứ quán", "Embassy"),
        "consulate": ("Tổng lãnh sự quán", "Consulate"),
        "government": ("Cơ quan chính phủ nước ngoài", "Foreign government"),
        "international_org": ("Tổ chức quốc tế", "International organisation"),
        "ngo": ("Tổ chức phi chính phủ nước ngoài", "Foreign NGO"),
        "donor": ("Nhà tài trợ", "Donor"),
        "investor": ("Nhà đầu tư", "Investor"),
        "company": ("Doanh nghiệp", "Company"),
        "university": ("Trường đại học, viện nghiên cứu", "University or institute"),
        "vietnamese_agency": ("Cơ quan Việt Nam", "Vietnamese agency"),
        "other": ("Khác", "Other"),
    },
    "Gender": {"female": ("Nữ", "Female"), "male": ("Nam", "Male"), "other": ("Khác", "Other")},
    "LocalityLevel": {
        "province": ("Tỉnh, bang", "Province or state"),
        "city": ("Thành phố", "City"),
        "county": ("Quận, huyện", "County"),
        "region": ("Vùng", "Region"),
        "other": ("Khác", "Other"),
    },
    "RelationType": {
        "friendship": ("Hữu nghị", "Friendship"),
        "twinning": ("Kết nghĩa", "Twinning"),
        "cooperation": ("Hợp tác", "Cooperation"),
    },
    "PartnershipStatus": {
        "proposed": ("Đề xuất", "Proposed"),
        "negotiating": ("Đang đàm phán", "Negotiating"),
        "established": ("Đã thiết lập", "Established"),
        "suspended": ("Tạm dừng", "Suspended"),
        "ended": ("Đã chấm dứt", "Ended"),
    },
    "AgreementType": {
        "mou": ("Biên bản ghi nhớ", "Memorandum of understanding"),
        "cooperation": ("Thỏa thuận hợp tác", "Cooperation agreement"),
        "twinning": ("Thỏa thuận kết nghĩa", "Twinning agreement"),
        "letter_of_intent": ("Thư ý định", "Letter of intent"),
        "other": ("Khác", "Other"),
    },
    "SigningLevel": {
        "city_committee": ("UBND thành phố", "City People's Committee"),
        "city_agency": ("Sở, ngành thành phố", "City agency"),
        "central_agency": ("Cơ quan Trung ương đóng trên địa bàn", "Central agency in the city"),
    },
    "AgreementStatus": {
        "negotiating": ("Đang đàm phán", "In negotiation"),
        "signed": ("Đã ký", "Signed"),
        "in_force": ("Đang hiệu lực", "In force"),
        "expired": ("Hết hiệu lực", "Expired"),
        "terminated": ("Đã chấm dứt", "Terminated"),
    },
    "Direction": {"in": ("Đoàn vào", "Inbound"), "out": ("Đoàn ra", "Outbound")},
    "DelegationStatus": dict(_WORKFLOW_LABELS),
    "GiftDirection": {"given": ("Tặng", "Given"), "received": ("Nhận", "Received")},
    "CaseType": {
        "citizen_protection": ("Bảo hộ công dân ở nước ngoài", "Citizen protection abroad"),
        "foreigner_in_hue": ("Người nước ngoài gặp nạn tại Huế", "Foreigner in trouble in Huế"),
        "accident": ("Tai nạn", "Accident"),
        "arrest": ("Bị bắt, tạm giữ", "Arrest or detention"),
        "death": ("Tử vong", "Death"),
        "lost_documents": ("Mất giấy tờ", "Lost documents"),
        "labour_dispute": ("Tranh chấp lao động", "Labour dispute"),
        "trafficking": ("Mua bán người", "Trafficking"),
        "document_request": ("Hợp pháp hóa, chứng nhận lãnh sự", "Consular document request"),
        "visa_invitation": ("Mời, bảo lãnh thị thực", "Visa invitation"),
        "other": ("Khác", "Other"),
    },
    "CaseStatus": {
        "open": ("Mới tiếp nhận", "Open"),
        "in_progress": ("Đang xử lý", "In progress"),
        "awaiting_response": ("Chờ phản hồi", "Awaiting response"),
        "resolved": ("Đã giải quyết", "Resolved"),
        "closed": ("Đã đóng", "Closed"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "InformationSource": {
        "family": ("Gia đình", "Family"),
        "self_report": ("Đương sự tự báo", "Self-report"),
        "embassy": ("Cơ quan đại diện", "Embassy or consulate"),
        "ministry": ("Bộ Ngoại giao", "Ministry of Foreign Affairs"),
        "police": ("Công an", "Police"),
        "hospital": ("Bệnh viện", "Hospital"),
        "media": ("Báo chí, mạng xã hội", "Media"),
        "other": ("Khác", "Other"),
    },
    "CaseRole": {
        "subject": ("Đương sự", "Subject"),
        "relative": ("Thân nhân", "Relative"),
        "contact": ("Người liên hệ", "Contact"),
        "witness": ("Nhân chứng", "Witness"),
        "officer": ("Cán bộ xử lý", "Officer"),
        "foreign_official": ("Đại diện phía nước ngoài", "Foreign official"),
    },
    "Sector": {
        "health": ("Y tế", "Health"),
        "education": ("Giáo dục", "Education"),
        "disaster_relief": ("Phòng chống thiên tai", "Disaster relief"),
        "social": ("An sinh xã hội", "Social welfare"),
        "environment": ("Môi trường", "Environment"),
        "infrastructure": ("Hạ tầng", "Infrastructure"),
        "culture": ("Văn hóa", "Culture"),
        "agriculture": ("Nông nghiệp", "Agriculture"),
        "tourism": ("Du lịch", "Tourism"),
        "manufacturing": ("Công nghiệp chế biến", "Manufacturing"),
        "energy": ("Năng lượng", "Energy"),
        "real_estate": ("Bất động sản", "Real estate"),
        "other": ("Khác", "Other"),
    },
    "AidStatus": {
        "proposed": ("Đề xuất", "Proposed"),
        "approved": ("Đã phê duyệt", "Approved"),
        "in_progress": ("Đang thực hiện", "In progress"),
        "completed": ("Đã hoàn thành", "Completed"),
        "closed": ("Đã quyết toán", "Closed"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "TransactionType": {
        "pledge": ("Cam kết sơ bộ", "Pledge"),
        "commitment": ("Cam kết", "Commitment"),
        "disbursement": ("Giải ngân", "Disbursement"),
    },
    "FdiStatus": {
        "proposed": ("Đang xúc tiến", "Proposed"),
        "licensed": ("Đã cấp phép", "Licensed"),
        "under_construction": ("Đang xây dựng", "Under construction"),
        "operating": ("Đang hoạt động", "Operating"),
        "suspended": ("Tạm ngừng", "Suspended"),
        "terminated": ("Chấm dứt", "Terminated"),
    },
    "EventType": {
        "festival": ("Lễ hội", "Festival"),
        "conference": ("Hội nghị", "Conference"),
        "workshop": ("Hội thảo", "Workshop"),
        "exhibition": ("Triển lãm", "Exhibition"),
        "cultural": ("Giao lưu văn hóa", "Cultural exchange"),
        "sport": ("Thể thao", "Sport"),
        "other": ("Khác", "Other"),
    },
    "EventStatus": {
        "planned": ("Dự kiến", "Planned"),
        "confirmed": ("Đã xác nhận", "Confirmed"),
        "held": ("Đã tổ chức", "Held"),
        "reported": ("Đã báo cáo", "Reported"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "TaskStatus": {
        "open": ("Chưa thực hiện", "Open"),
        "in_progress": ("Đang thực hiện", "In progress"),
        "done": ("Đã xong", "Done"),
        "cancelled": ("Đã hủy", "Cancelled"),
    },
    "AuditAction": {
        "create": ("Tạo", "Create"),
        "update": ("Sửa", "Update"),
        "delete": ("Xóa", "Delete"),
        "system": ("Hệ thống", "System"),
    },
}
