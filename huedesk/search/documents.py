"""What text of a record the search index holds.

A record's document is its reference number, its title (what names it to
people) and a body: its other text fields, the names behind its references
(partner, donor, country, person), the labels of its categories (sector, case
type …), the text of its child rows (delegation members, programme items,
gifts, case people and actions, aid transactions) and its attachments' names.
So a delegation is found by a member's name and a case by the name of the
person it concerns.

Personal fields (date of birth, passport number, phone, e-mail, address) are
never indexed: a search result must not put them on screen. Documents are built
in batches with a fixed number of queries per batch, so rebuilding 200,000
records does not run a query per record.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.db.bulk import stored_rows
from huedesk.db.models import Attachment
from huedesk.records.fields import SYSTEM_FIELDS, FieldSpec
from huedesk.records.kinds import KINDS, KindSpec
from huedesk.search.schema import KIND_CODES

# Bump when what a document contains changes: databases with an older version are
# reindexed when next opened.
DOCUMENT_VERSION = "1"

# Kinds whose name is written into other records' documents (and must be updated there).
LABEL_KINDS = ("country", "organisation", "person")

# Bookkeeping text that names nothing a user would search for.
_TECHNICAL = frozenset(
    {"status", "currency", "source_kind", "source_uuid", "owner_kind", "owner_uuid"}
    | {"stored_name", "sha256", "media_type"}
)
SEPARATOR = " · "
BATCH = 1000


@dataclass(frozen=True)
class Document:
    """One record's searchable text, as written (folding happens when it is stored)."""

    kind: str
    record_id: int
    ref: str
    title: str
    body: str


def indexed_kinds() -> list[KindSpec]:
    """Kinds with their own index rows (children and attachments belong to their owner)."""
    return [KINDS[name] for name in KIND_CODES if name in KINDS]


def child_kinds(spec: KindSpec) -> list[KindSpec]:
    return [k for k in KINDS.values() if k.parent and k.parent[0] == spec.name]


def _label_target(fs: FieldSpec) -> str | None:
    """The kind whose name a reference field shows, if that name goes into documents."""
    if fs.references is None:
        return None
    target = fs.references.split(".")[0]
    return target if target in LABEL_KINDS else None


def source_kinds(spec: KindSpec) -> set[str]:
    """Every kind whose rows contribute text to documents of ``spec``."""
    found = {spec.name, "attachment"}
    for part in [spec, *child_kinds(spec)]:
        found.add(part.name)
        found.update(t for fs in part.fields.values() if (t := _label_target(fs)))
        if any(fs.country_list for fs in part.fields.values()):
            found.add("country")
    return found


def _columns(spec: KindSpec) -> list[Any]:
    """The columns a document is built from (dates, amounts and timestamps are not read)."""
    wanted = {"id", "uuid", "ref", "code", spec.title_field, "source_kind", "source_uuid"}
    if spec.parent is not None:
        wanted.add(spec.parent[1])
    wanted.update(fs.name for fs in _text_fields(spec, ()))
    return [c for c in spec.table.columns if c.name in wanted]


def _text_fields(spec: KindSpec, skip: Iterable[str]) -> list[FieldSpec]:
    skipped = set(skip) | set(SYSTEM_FIELDS) | _TECHNICAL | {"ref"}
    return [
        fs
        for name, fs in spec.fields.items()
        if name not in skipped
        and not fs.personal
        and not fs.computed
        and (fs.type is str or _label_target(fs) is not None)
    ]


class _Labels:
    """Names of referenced records, fetched once per batch for every id needed."""

    def __init__(self) -> None:
        self._wanted: dict[str, set[Any]] = defaultdict(set)
        self._names: dict[str, dict[Any, str]] = defaultdict(dict)

    def want(self, spec: KindSpec, rows: Iterable[Mapping[str, Any]]) -> None:
        for fs in spec.fields.values():
            target = _label_target(fs)
            if fs.country_list:
                for r in rows:
                    self._wanted["country"].update(_codes(r.get(fs.name)))
            elif target:
                self._wanted[target].update(r[fs.name] for r in rows if r.get(fs.name) is not None)

    def fetch(self, session: Session) -> None:
        for target, keys in self._wanted.items():
            keys -= self._names[target].keys()
            if not keys:
                continue
            spec = KINDS[target]
            table = spec.table
            key_col = table.c.code if target == "country" else table.c.id
            name_col = table.c[spec.title_field]
            for chunk in _chunks(sorted(keys), BATCH):
                rows = session.execute(select(key_col, name_col).where(key_col.in_(chunk)))
                self._names[target].update((key, name) for key, name in rows)
        self._wanted.clear()

    def name(self, target: str, key: Any) -> str | None:
        return self._names[target].get(key)


def _codes(value: Any) -> list[str]:
    if not value:
        return []
    return [c.strip().upper() for c in str(value).replace(";", ",").split(",") if c.strip()]


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _field_text(fs: FieldSpec, value: Any, labels: _Labels) -> str | None:
    if value is None or value == "":
        return None
    if fs.country_list:
        names = [labels.name("country", c) or c for c in _codes(value)]
        return ", ".join(names) or None
    target = _label_target(fs)
    if target:
        return labels.name(target, value)
    if fs.references is not None:
        return None
    if fs.choices is not None:
        return str(fs.choices(getattr(value, "value", value)).label("vi"))
    return str(value)


def _row_text(fields: list[FieldSpec], row: Mapping[str, Any], labels: _Labels) -> list[str]:
    return [t for fs in fields if (t := _field_text(fs, row.get(fs.name), labels))]


def build_documents(
    session: Session, kind: str, ids: Iterable[int] | None = None
) -> Iterator[Document]:
    """Documents of ``kind`` for ``ids`` (every record of the kind when ``None``), in id order.

    Ids of records that no longer exist are skipped, so callers can pass the ids
    they were told about and remove index rows for whatever is not returned.
    """
    spec = KINDS[kind]
    table = spec.table
    cols = _columns(spec)
    if ids is None:
        last = 0
        while True:
            rows = stored_rows(
                session, select(*cols).where(table.c.id > last).order_by(table.c.id).limit(BATCH)
            )
            if not rows:
                return
            yield from _documents(session, spec, rows)
            last = rows[-1]["id"]
    else:
        for chunk in _chunks(sorted(set(ids)), BATCH):
            # A bulk load's new records have consecutive ids: a range, not a list of literals.
            if chunk[-1] - chunk[0] == len(chunk) - 1:
                wanted = table.c.id.between(chunk[0], chunk[-1])
            else:
                wanted = table.c.id.in_(chunk)
            rows = stored_rows(session, select(*cols).where(wanted).order_by(table.c.id))
            yield from _documents(session, spec, rows)


def _documents(session: Session, spec: KindSpec, rows: list[dict[str, Any]]) -> list[Document]:
    labels = _Labels()
    labels.want(spec, rows)
    ids = [r["id"] for r in rows]
    children: dict[int, list[str]] = defaultdict(list)
    child_batches: list[tuple[KindSpec, list[dict[str, Any]]]] = []
    for child in child_kinds(spec):
        assert child.parent is not None
        ctable = child.table
        fk = ctable.c[child.parent[1]]
        order = [ctable.c[c] for c in child.order_by]
        crows = stored_rows(
            session, select(*_columns(child)).where(fk.in_(ids)).order_by(fk, *order)
        )
        labels.want(child, crows)
        child_batches.append((child, crows))
    labels.fetch(session)
    for child, crows in child_batches:
        assert child.parent is not None
        fields = _text_fields(child, [child.parent[1]])
        for r in crows:
            text = ", ".join(_row_text(fields, r, labels))
            if text:
                children[r[child.parent[1]]].append(text)
    attachments = _attachment_text(session, spec, rows)
    own_fields = _text_fields(spec, [spec.title_field, "code"])
    title_fs = spec.fields[spec.title_field]
    sources = _task_sources(session, rows) if spec.name == "follow_up_task" else {}
    docs = []
    for r in rows:
        title = _field_text(title_fs, r.get(spec.title_field), labels) or ""
        parts = _row_text(own_fields, r, labels)
        parts += children.get(r["id"], [])
        parts += attachments.get(r["uuid"], [])
        if r["id"] in sources:
            parts.append(sources[r["id"]])
        ref = r.get("ref") or r.get("code") or ""
        docs.append(Document(spec.name, r["id"], ref, title, SEPARATOR.join(parts)))
    return docs


def _attachment_text(
    session: Session, spec: KindSpec, rows: list[dict[str, Any]]
) -> dict[str, list[str]]:
    uuids = [r["uuid"] for r in rows]
    found: dict[str, list[str]] = defaultdict(list)
    stmt = (
        select(Attachment.owner_uuid, Attachment.filename, Attachment.description)
        .where(Attachment.owner_kind == spec.name, Attachment.owner_uuid.in_(uuids))
        .order_by(Attachment.id)
    )
    for owner, filename, description in session.execute(stmt):
        found[owner].append(", ".join(t for t in (filename, description) if t))
    return found


def _task_sources(session: Session, rows: list[dict[str, Any]]) -> dict[int, str]:
    """The reference and title of the record each follow-up task came from."""
    by_kind: dict[str, dict[str, int]] = defaultdict(dict)
    for r in rows:
        if r.get("source_kind") in KINDS and r.get("source_uuid"):
            by_kind[r["source_kind"]][r["source_uuid"]] = r["id"]
    found: dict[int, str] = {}
    for kind, tasks in by_kind.items():
        spec = KINDS[kind]
        table = spec.table
        if spec.has_ref:
            ref_col = table.c.ref
        elif kind == "country":
            ref_col = table.c.code
        else:
            continue
        title_col = table.c[spec.title_field]
        stmt = select(table.c.uuid, ref_col, title_col).where(table.c.uuid.in_(list(tasks)))
        for uuid, ref, title in session.execute(stmt):
            title_text = title if isinstance(title, str) else ""
            found[tasks[uuid]] = " ".join(t for t in (ref, title_text) if t)
    return found
