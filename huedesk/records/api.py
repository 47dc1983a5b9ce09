"""``RecordService``: the record API for one user, each call one unit of work.

Everything a screen or a command does with records goes through here, and here
only the rules are applied (``huedesk.records.visibility``): reads of consular
cases, their children and their attachments are refused to roles that may not
see them; lists always mask personal fields (``huedesk.records.masking``), and
``get`` masks them too for roles that may not see personal data; changes are
refused to viewers. Rows come out as plain dictionaries, never ORM objects.

The window's table models use ``ids`` (every matching id in list order, a few
bytes each) and ``rows`` (one page of rows by id); a record window uses ``get``,
``children``, ``check`` (a dry run of the validation, for a line being entered)
and ``save`` (the record with its child lines, in one unit of work).
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from huedesk.accounts.principal import Actor, resolve
from huedesk.accounts.roles import Principal, require_write
from huedesk.db.engine import Database
from huedesk.db.stopping import Stopper
from huedesk.errors import HueDeskError, NotFoundError
from huedesk.reading import VI, Convention, Unreadable
from huedesk.records import masking
from huedesk.records.advice import Saved
from huedesk.records.compound import ChildEdits, save_in
from huedesk.records.duplicates import (
    NAME_FIELDS,
    DuplicatePair,
    find_duplicates,
    likely_duplicates_in,
)
from huedesk.records.kinds import KindSpec, kind_spec
from huedesk.records.lookup import child_keys, locate, resolve_country
from huedesk.records.query import ListQuery, Page
from huedesk.records.service import (
    DeleteImpact,
    create_in,
    delete_impact_in,
    delete_in,
    find_id_in,
    get_in,
    list_ids_in,
    list_in,
    owner_in,
    rows_in,
    update_in,
    year_range_in,
)
from huedesk.records.validation import validate
from huedesk.records.visibility import hidden_kinds, require_row, visible_query


class RecordService:
    """The record API for one user (``actor``: an account name or a ``Principal``)."""

    def __init__(self, db: Database, actor: Actor, reading: Convention = VI) -> None:
        self.db = db
        self.actor = actor
        self.reading = reading  # how typed text is read (the user's language, huedesk.reading)

    def principal(self) -> Principal:
        """Who this service acts as, with the role the database gives them now."""
        with self.db.read() as s:
            return resolve(s, self.actor)

    def _reader(self, s: Session, spec: KindSpec) -> Principal:
        who = resolve(s, self.actor)
        require_row(who, spec)
        return who

    def _shown(self, who: Principal, spec: KindSpec, row: dict[str, Any]) -> dict[str, Any]:
        require_row(who, spec, row)
        return row if who.can_see_sensitive else masking.mask_personal(spec, row)

    # --- reading ---------------------------------------------------------------------------
    def get(self, kind: str, record_id: int) -> dict[str, Any]:
        """One record with ``<field>__label``s; personal data masked for those who may not see it."""
        with self.db.read() as s:
            spec = kind_spec(kind)
            return self._shown(self._reader(s, spec), spec, get_in(s, kind, record_id))

    def require(self, kind: str, record_id: int) -> None:
        """Refuse (``NotFoundError``, ``PermissionDenied``) what ``get`` would refuse, reading less.

        For those that only need to know the record may be opened (a brief), without
        loading it: the same rules as ``get`` (``visibility.require_row``).
        """
        with self.db.read() as s:
            spec = kind_spec(kind)
            require_row(self._reader(s, spec), spec, owner_in(s, spec, record_id))

    def get_by_ref(self, kind: str, ref: str) -> dict[str, Any]:
        """The record ``ref`` names: reference number, UUID, exact name, or ``PARENT/N``."""
        with self.db.read() as s:
            spec = kind_spec(kind)
            who = self._reader(s, spec)
            return self._shown(who, spec, get_in(s, kind, locate(s, kind, ref)))

    def locate(self, kind: str, text: str) -> int:
        """The id of the record ``text`` names (see ``huedesk.records.lookup.locate``)."""
        with self.db.read() as s:
            self._reader(s, kind_spec(kind))
            return locate(s, kind, text)

    def duplicates(self, kind: str, *, min_score: int = 60) -> builtins.list[DuplicatePair]:
        """Likely duplicate people or organisations, best first (``records.duplicates``)."""
        with self.db.read() as s:
            self._reader(s, kind_spec(kind))
            return find_duplicates(s, kind, min_score=min_score)

    def likely_duplicates(
        self, kind: str, values: Mapping[str, Any], record_id: int | None = None
    ) -> builtins.list[DuplicatePair]:
        """Stored people or organisations that the record about to be saved (``values`` as
        typed; ``record_id`` when it exists) probably repeats, best first; asked before a save
        by the window and the command line (``add`` and ``set``). A stored record is checked
        only when ``values`` change one of its names (``NAME_FIELDS``). Values that do not
        read give no match (the save itself reports them)."""
        if record_id is not None and not NAME_FIELDS & set(values):
            return []
        spec = kind_spec(kind)
        with self.db.read() as s:
            self._reader(s, spec)
            before = get_in(s, kind, record_id) if record_id is not None else None
            try:
                cleaned = validate(s, spec, values, before, reading=self.reading)
            except (HueDeskError, Unreadable):
                return []
            return likely_duplicates_in(s, kind, {**(before or {}), **cleaned}, record_id=record_id)

    def child_keys(self, kind: str, ids: builtins.list[int]) -> dict[int, str]:
        """``PARENT-REF/N`` names of child rows (``VT-2025-0003/2``)."""
        with self.db.read() as s:
            self._reader(s, kind_spec(kind))
            return child_keys(s, kind, ids)

    def country_code(self, text: str) -> str:
        """The ISO code of the country ``text`` names (code or name); ``NotFoundError`` if none."""
        with self.db.read() as s:
            try:
                return resolve_country(s, text)
            except Unreadable as exc:
                raise NotFoundError(exc.vi, exc.en) from None

    def find_id(
        self, kind: str, *, ref: str | None = None, uuid: str | None = None, loose: bool = False
    ) -> int:
        """The id of the record with this reference number or UUID (``loose``: the reference
        may be typed without tone marks)."""
        with self.db.read() as s:
            self._reader(s, kind_spec(kind))
            return find_id_in(s, kind, ref=ref, uuid=uuid, loose=loose)

    def list(self, kind: str, query: ListQuery | None = None) -> Page:
        """One page of records, personal fields masked (open a record to see them)."""
        spec = kind_spec(kind)
        query = query or ListQuery()
        with self.db.read() as s:
            who = self._reader(s, spec)
            query = visible_query(who, spec, query)
            page = list_in(s, kind, query)
        return Page([masking.mask_personal(spec, r) for r in page.rows], page.total)

    def ids(
        self, kind: str, query: ListQuery, stopper: Stopper | None = None
    ) -> builtins.list[int]:
        """Ids of every record matching ``query`` that the user may see, in list order.

        ``stopper.stop()`` from another thread interrupts the query (``Stopped`` is raised).
        """
        spec = kind_spec(kind)
        with self.db.read(stopper) as s:
            query = visible_query(self._reader(s, spec), spec, query)
            return list_ids_in(s, kind, query)

    def rows(self, kind: str, ids: Iterable[int]) -> builtins.list[dict[str, Any]]:
        """The records with these ids, in that order, masked like a list (one page).

        An id the user may not see (a file of a consular case) is left out, as is
        one deleted meanwhile.
        """
        spec = kind_spec(kind)
        with self.db.read() as s:
            who = self._reader(s, spec)
            rows = rows_in(s, kind, list(ids))
        hidden = hidden_kinds(who)
        if spec.name == "attachment" and hidden:
            rows = [r for r in rows if r.get("owner_kind") not in hidden]
        return [masking.mask_personal(spec, r) for r in rows]

    def children(self, kind: str, record_id: int, child_kind: str) -> builtins.list[dict[str, Any]]:
        """All child rows of one record (members of a delegation, actions of a case …)."""
        child = kind_spec(child_kind)
        if child.parent is None or child.parent[0] != kind:
            raise HueDeskError(
                f"'{child_kind}' không thuộc '{kind}'.", f"'{child_kind}' is not part of '{kind}'."
            )
        q = ListQuery(filters={child.parent[1]: record_id}, limit=None)
        return self.list(child_kind, q).rows

    def year_range(self, kind: str) -> tuple[int, int] | None:
        """First and last year of the kind's reference date (for a year filter)."""
        with self.db.read() as s:
            self._reader(s, kind_spec(kind))
            return year_range_in(s, kind)

    def delete_impact(self, kind: str, record_id: int) -> DeleteImpact:
        """What deleting the record would take with it, as this user may be told it."""
        spec = kind_spec(kind)
        with self.db.read() as s:
            who = self._reader(s, spec)
            require_row(who, spec, get_in(s, kind, record_id))
            return delete_impact_in(s, kind, record_id).seen_by(who)

    # --- changing --------------------------------------------------------------------------
    def create(self, kind: str, values: Mapping[str, Any]) -> Saved:
        with self.db.write() as s:
            row = create_in(s, self.actor, kind, values, reading=self.reading)
            return Saved(self._shown(resolve(s, self.actor), kind_spec(kind), row), row.warnings)

    def update(
        self,
        kind: str,
        record_id: int,
        changes: Mapping[str, Any],
        *,
        expected_updated_at: dt.datetime | None = None,
    ) -> Saved:
        with self.db.write() as s:
            row = update_in(
                s,
                self.actor,
                kind,
                record_id,
                changes,
                expected_updated_at=expected_updated_at,
                reading=self.reading,
            )
            return Saved(self._shown(resolve(s, self.actor), kind_spec(kind), row), row.warnings)

    def save(
        self,
        kind: str,
        record_id: int | None,
        values: Mapping[str, Any],
        children: Iterable[ChildEdits] = (),
        *,
        expected_updated_at: dt.datetime | None = None,
    ) -> Saved:
        """Create or update a record together with its child lines, all or nothing; the row
        comes with the warnings of the record and its lines (``Saved.warnings``)."""
        with self.db.write() as s:
            row = save_in(
                s,
                self.actor,
                kind,
                record_id,
                values,
                children,
                expected_updated_at=expected_updated_at,
                reading=self.reading,
            )
            return Saved(self._shown(resolve(s, self.actor), kind_spec(kind), row), row.warnings)

    def check(
        self, kind: str, values: Mapping[str, Any], before: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Validate ``values`` as a save would (nothing is written); the cleaned values.

        For a child line being entered before its record is saved: problems show
        at once, next to the field. Refused like the save itself would be.
        """
        spec = kind_spec(kind)
        with self.db.read() as s:
            who = resolve(s, self.actor)
            require_write(who)
            require_row(who, spec, {**(before or {}), **values})
            return validate(s, spec, values, before, reading=self.reading)

    def delete(self, kind: str, record_id: int) -> DeleteImpact:
        """Delete a record with its child rows and attachments (refused when others refer to it)."""
        with self.db.write() as s:
            return delete_in(s, self.actor, kind, record_id)
