"""What a user reads besides record lists: choices for pickers, search, the start page, briefs.

Each class is a capability of one ``Workspace`` and applies the access rules
before it reads (``huedesk.records.visibility``): search leaves out the kinds a
user may not see, the start page leaves out consular deadlines, a case brief is
refused like the case itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from huedesk import dashboard
from huedesk.dashboard import Attention
from huedesk.paths import data_dir_for
from huedesk.records import ListQuery, RecordService, kind_spec
from huedesk.records.visibility import require_row, visible_kinds
from huedesk.search import SearchHit, search
from huedesk.search.schema import KIND_CODES
from huedesk.text import sort_key
from huedesk.workspace.protocol import Bound


class Lookups:
    """Choices for pickers and filters."""

    def __init__(self, records: RecordService) -> None:
        self._records = records

    def countries(self, lang: str = "vi") -> list[tuple[str, str]]:
        """(code, name) of every country, in the language's alphabetical order."""
        rows = self._records.list("country", ListQuery(limit=None)).rows
        pairs = [
            (str(r["code"]), str(r["name_en"] if lang == "en" and r["name_en"] else r["name_vi"]))
            for r in rows
        ]
        return sorted(pairs, key=lambda p: sort_key(p[1]))


class Search:
    """The search box and ``huedesk search``: only kinds the user may see are searched."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def kinds(self) -> list[str]:
        """The record kinds this user's searches cover."""
        return visible_kinds(self._ws.principal, None, KIND_CODES) or list(KIND_CODES)

    def find(self, text: str, kinds: list[str] | None = None, limit: int = 50) -> list[SearchHit]:
        """Hits for ``text``, best first; asking for a kind the user may not see is refused."""
        allowed = visible_kinds(self._ws.principal, kinds, KIND_CODES)
        return search(self._ws.db, text, kinds=allowed, limit=limit)

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Rebuild the search index from the records; the number of records indexed."""
        from huedesk import maintenance  # on first use: it brings backups and checks

        return maintenance.reindex(self._ws.db, self._ws.actor, progress)


class StartPage:
    """What needs attention today: visits soon, consular deadlines, agreements expiring."""

    VISIT_HORIZON = dashboard.VISIT_HORIZON
    DEADLINE_HORIZON = dashboard.DEADLINE_HORIZON
    EXPIRY_HORIZON = dashboard.EXPIRY_HORIZON

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    def attention(self, today: dt.date | None = None) -> Attention:
        """The three lists (consular deadlines only for those who may see cases)."""
        return dashboard.attention(self._ws.db, self._ws.actor, today)

    def is_empty(self) -> bool:
        """True when the database holds no record of any main kind yet (offer demo data)."""
        return dashboard.is_empty(self._ws.db)


class Briefs:
    """PDF documents for leaders. ReportLab is loaded on the first brief, not before."""

    def __init__(self, ws: Bound) -> None:
        self._ws = ws

    @staticmethod
    def has_brief(kind: str) -> bool:
        """Whether records of ``kind`` have a brief."""
        from huedesk.briefs import BRIEF_KINDS  # ReportLab loads on first use, not at startup

        return kind in BRIEF_KINDS

    @property
    def folder(self) -> Path:
        """Where the window keeps the briefs it builds: beside the database."""
        path = self._ws.path
        return data_dir_for(path) / f"{path.stem}-briefs"

    def render(
        self,
        kind: str,
        record_id: int,
        out: Path,
        *,
        lang: str = "vi",
        redact: bool = False,
        full: bool = False,
        doc: str = "BC",
        to: str = "",
    ) -> Path:
        """The brief of one record, written to ``out``; refused where opening the record is.

        Personal data is printed only for those who may see it: for anyone else the
        brief is redacted whatever they asked. ``full`` adds a delegation's history
        with its partner. ``doc`` is the kind of document (``BC`` báo cáo, ``CV`` công
        văn, ``TTr`` tờ trình), ``to`` whom it is sent to. When HueDesk numbers briefs,
        the number is issued to this user.
        """
        from huedesk.briefs import render_brief  # ReportLab loads on first use, not at startup

        who = self._ws.principal
        require_row(who, kind_spec(kind))
        self._ws.records.require(kind, record_id)  # refused (or not found) like opening it
        redact = redact or not who.can_see_sensitive
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        return render_brief(
            self._ws.db,
            kind,
            record_id,
            Path(out),
            lang=lang,
            redact=redact,
            full=full,
            actor=self._ws.actor,
            doc=doc,
            to=to,
        )

    def find_donor(self, name: str) -> int:
        """The donor a user means by ``name`` (exact name or reference, else unique loosely)."""
        from huedesk.briefs.gather_aid import find_donor_id  # on first use: see the class

        with self._ws.db.read() as s:
            return find_donor_id(s, name)

    def aid_statement(
        self,
        out: Path,
        *,
        project_id: int | None = None,
        donor_id: int | None = None,
        year: int | None = None,
        lang: str = "vi",
        detail: bool = False,
        doc: str = "BC",
        to: str = "",
    ) -> Path:
        """Commitments against disbursements for one project, one donor or one year
        (a year's with every transaction as an appendix when ``detail``), as the kind
        of document ``doc`` (see ``render``)."""
        from huedesk.briefs import render_aid_statement  # on first use: see the class

        if project_id is not None:
            self._ws.records.require("aid_project", project_id)
        if donor_id is not None:
            self._ws.records.require("organisation", donor_id)
        return render_aid_statement(
            self._ws.db,
            Path(out),
            project_id=project_id,
            donor_id=donor_id,
            year=year,
            lang=lang,
            detail=detail,
            actor=self._ws.actor,
            doc=doc,
            to=to,
        )

    def year_review(self, year: int, out: Path, *, lang: str = "vi") -> Path:
        """The yearly review of foreign affairs: figures beside the year before, the written
        sections, the appendix of records (no case or person is named; consular work is
        counts only for roles that may not see cases)."""
        from huedesk.briefs import render_year_review  # on first use: see the class

        self._ws.principal  # noqa: B018  (a disabled account is refused here)
        return render_year_review(self._ws.db, year, Path(out), lang=lang, actor=self._ws.actor)
