"""All HueDesk tables. Importing this package registers every model on ``Base.metadata``."""

from huedesk.db.enums import NumberMode, SignAuthority
from huedesk.db.models.accounts import Role, UserAccount
from huedesk.db.models.aid import AidProject, AidTransaction
from huedesk.db.models.attachments import Attachment, StoredFile
from huedesk.db.models.consular import CaseAction, CaseConsent, CasePerson, ConsularCase
from huedesk.db.models.delegations import Delegation, DelegationMember, Gift, ProgrammeItem
from huedesk.db.models.documents import DocumentNumber, DocumentSettings
from huedesk.db.models.economy import FdiProject
from huedesk.db.models.events import Event
from huedesk.db.models.history import StatusChange
from huedesk.db.models.partners import Agreement, Partnership
from huedesk.db.models.reference import Country, Organisation, Person
from huedesk.db.models.review import Region, RegionMember, ReviewText
from huedesk.db.models.system import AuditEntry, OperationLog, RefCounter
from huedesk.db.models.tasks import FollowUpTask

__all__ = [
    "Agreement",
    "AidProject",
    "AidTransaction",
    "Attachment",
    "AuditEntry",
    "CaseAction",
    "CaseConsent",
    "CasePerson",
    "ConsularCase",
    "Country",
    "Delegation",
    "DelegationMember",
    "DocumentNumber",
    "DocumentSettings",
    "Event",
    "FdiProject",
    "FollowUpTask",
    "Gift",
    "NumberMode",
    "OperationLog",
    "Organisation",
    "Partnership",
    "Person",
    "ProgrammeItem",
    "RefCounter",
    "Region",
    "RegionMember",
    "ReviewText",
    "Role",
    "SignAuthority",
    "StatusChange",
    "StoredFile",
    "UserAccount",
]
