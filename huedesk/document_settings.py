"""How the department's documents are headed, numbered and signed: read by every brief.

The settings are one row in the database (``document_settings``): the agency
names printed top left, the code in the number and symbol line (``…/BC-SNV``),
the place of the date line, who signs and under which authority (the
``KT.`` / ``TL.`` / ``TUQ.`` / ``TM.`` line of Decree 30/2020), and whether
HueDesk numbers briefs itself. Only an administrator changes them; every change
is audited. The window edits them in a small dialog, the command line with
``huedesk settings``; both call ``save`` here.

When numbering is on, ``issue_number`` gives a brief the next number of the
year (Decree 30: numbers run from 01 on 1 January) and keeps it in the
register, so printing the same brief again in the same year reuses its number.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from huedesk import audit, clock
from huedesk.accounts.principal import Actor, actor_name, resolve
from huedesk.db.engine import Database
from huedesk.db.enums import AuditAction
from huedesk.db.models import DocumentNumber, DocumentSettings, NumberMode, SignAuthority
from huedesk.errors import FieldProblem, PermissionDenied, ValidationError
from huedesk.text import clean

__all__ = [
    "DEFAULTS",
    "DocSettings",
    "NumberMode",
    "SignAuthority",
    "issue_number",
    "load",
    "read",
    "save",
]

AUDIT_KIND = "document_settings"
# Fields holding one of a closed list: an unknown value is refused, never guessed.
_CHOICES: dict[str, type[SignAuthority] | type[NumberMode]] = {
    "authority": SignAuthority,
    "number_mode": NumberMode,
}
_CODE = re.compile(r"^[A-ZĐ0-9]{1,10}$")
# Names and titles are kept as written in a sentence ("Sở Ngoại vụ"); the document's
# heading and signature block print them in capitals, as the decree sets them.
_REQUIRED = (
    "parent_agency",
    "parent_agency_en",
    "agency",
    "agency_en",
    "agency_code",
    "head_title",
    "head_title_en",
    "signer_title",
    "signer_title_en",
    "place",
)
# English authority lines: what "KT. GIÁM ĐỐC" says to an English reader.
_AUTHORITY_EN = {
    SignAuthority.KT: "FOR THE {head}",
    SignAuthority.TL: "BY ORDER OF THE {head}",
    SignAuthority.TUQ: "BY AUTHORISATION OF THE {head}",
    SignAuthority.TM: "ON BEHALF OF THE {head}",
}


@dataclass(frozen=True)
class DocSettings:
    """The settings as plain data (what the briefs and the window use)."""

    parent_agency: str
    parent_agency_en: str
    agency: str
    agency_en: str
    agency_code: str
    place: str
    authority: SignAuthority
    head_title: str
    head_title_en: str
    signer_title: str
    signer_title_en: str
    signer_name: str
    number_mode: NumberMode

    def parent_name(self, lang: str) -> str:
        return self.parent_agency_en if lang == "en" else self.parent_agency

    def agency_name(self, lang: str) -> str:
        return self.agency_en if lang == "en" else self.agency

    def signature_titles(self, lang: str) -> list[str]:
        """The lines above the signature: ``KT. GIÁM ĐỐC`` / ``PHÓ GIÁM ĐỐC``, or the head's title."""
        en = lang == "en"
        head = (self.head_title_en if en else self.head_title).upper()
        signer = (self.signer_title_en if en else self.signer_title).upper()
        if self.authority is SignAuthority.DIRECT:
            return [head]
        if en:
            return [_AUTHORITY_EN[self.authority].format(head=head), signer]
        prefix = self.authority.name + "."  # KT. TL. TUQ. TM.
        return [f"{prefix} {head}", signer]


DEFAULTS = DocSettings(
    parent_agency="UBND thành phố Huế",
    parent_agency_en="Huế City People's Committee",
    agency="Sở Ngoại vụ",
    agency_en="Department of Foreign Affairs",
    agency_code="SNV",
    place="Huế",
    authority=SignAuthority.DIRECT,
    head_title="Giám đốc",
    head_title_en="Director",
    signer_title="Giám đốc",
    signer_title_en="Director",
    signer_name="",
    number_mode=NumberMode.BLANK,
)
FIELDS = tuple(f.name for f in fields(DocSettings))


def load(session: Session) -> DocSettings:
    """The settings in ``session``'s database (the defaults if the row is missing)."""
    # Core, not ``session.get``: a brief reads its settings without configuring the ORM
    # mappers (start-up, issue #16).
    columns = DocumentSettings.__table__.c
    row = session.execute(
        select(*(columns[name] for name in FIELDS)).where(columns.id == 1)
    ).one_or_none()
    if row is None:
        return DEFAULTS
    return DocSettings(**dict(zip(FIELDS, row, strict=True)))


def read(db: Database) -> DocSettings:
    with db.read() as s:
        return load(s)


def _label(name: str) -> tuple[str, str]:
    vi, en = DocumentSettings.__table__.c[name].info["label"]
    return vi, en


def _problem(name: str, vi: str, en: str) -> FieldProblem:
    label_vi, label_en = _label(name)
    return FieldProblem(name, label_vi, label_en, vi, en)


def validate(values: Mapping[str, object]) -> DocSettings:
    """``values`` (all fields, as typed) checked and normalised, or a ``ValidationError``.

    Text is trimmed and NFC-normalised; agency names, the code and the titles
    are put in capitals; an unknown authority or numbering mode is refused,
    never guessed.
    """
    problems: list[FieldProblem] = []
    out: dict[str, object] = {}
    for name in FIELDS:
        raw = values.get(name)
        choices = _CHOICES.get(name)
        if choices is not None:
            try:
                out[name] = choices(str(raw))
            except ValueError:
                allowed = ", ".join(c.value for c in choices)
                problems.append(
                    _problem(name, f"phải là một trong {allowed}", f"must be one of {allowed}")
                )
            continue
        text = clean(str(raw)) if raw is not None else ""
        if name == "agency_code":
            text = text.upper()
        limit = getattr(DocumentSettings.__table__.c[name].type, "length", None)
        if name in _REQUIRED and not text:
            problems.append(_problem(name, "không được để trống", "must not be empty"))
        elif limit is not None and len(text) > limit:
            problems.append(
                _problem(name, f"dài quá {limit} ký tự", f"is longer than {limit} characters")
            )
        elif name == "agency_code" and not _CODE.match(text):
            problems.append(
                _problem(
                    name,
                    "chỉ gồm chữ in hoa và số, tối đa 10 ký tự (ví dụ SNV)",
                    "capital letters and digits only, at most 10 (e.g. SNV)",
                )
            )
        out[name] = text
    if problems:
        raise ValidationError(problems)
    return DocSettings(**out)  # type: ignore[arg-type]


def save(db: Database, actor: Actor, values: DocSettings | Mapping[str, object]) -> DocSettings:
    """Check and store new settings (administrators only); the change is audited."""
    if isinstance(values, DocSettings):
        values = {name: getattr(values, name) for name in FIELDS}
    new = validate(values)
    with db.write() as s:
        who = resolve(s, actor)
        if not who.can_manage_users:
            raise PermissionDenied(
                "Chỉ quản trị viên được sửa thông tin văn bản (cơ quan, người ký, số văn bản).",
                "Only administrators may change the document settings (agency, signer, numbers).",
            )
        row = s.get(DocumentSettings, 1)
        old = load(s)
        if row is None:
            row = DocumentSettings(id=1)
            s.add(row)
        for name in FIELDS:
            setattr(row, name, getattr(new, name))
        row.updated_at = clock.now()
        row.updated_by = actor_name(actor)
        changes = audit.diff(dataclasses.asdict(old), dataclasses.asdict(new))
        if changes:
            audit.record(
                s,
                actor=actor_name(actor),
                action=AuditAction.UPDATE,
                kind=AUDIT_KIND,
                record_uuid=None,
                record_ref=None,
                changes=changes,
            )
    return new


def issue_number(session: Session, *, year: int, doc_code: str, subject: str, actor: Actor) -> int:
    """The number of the brief on ``subject`` this year: its own if it has one, else the next.

    Runs in the caller's write transaction, so two printings cannot take the
    same number (the register's unique constraints would refuse the second).
    """
    found = session.scalar(
        select(DocumentNumber.number).where(
            DocumentNumber.year == year,
            DocumentNumber.doc_code == doc_code,
            DocumentNumber.subject == subject,
        )
    )
    if found is not None:
        return int(found)
    last = session.scalar(
        select(func.max(DocumentNumber.number)).where(DocumentNumber.year == year)
    )
    number = int(last or 0) + 1
    session.add(
        DocumentNumber(
            year=year,
            number=number,
            doc_code=doc_code,
            subject=subject,
            issued_at=clock.now(),
            issued_by=actor_name(actor),
        )
    )
    session.flush()
    return number
