"""PDF briefs for the department's leaders: delegation brief, consular case summary, aid statement.

The public API, used by the desktop window and the ``huedesk brief`` command alike:

- ``render_brief(db, kind, record_id, out, lang=, redact=)`` for kind ``delegation``,
  ``consular_case`` or ``aid_project``;
- ``render_aid_statement(db, out, project_id=|donor_id=|year=, lang=)``;
- ``render_year_review(db, year, out, lang=)`` (báo cáo tổng kết năm).

Each gathers its data in one read-only session into frozen dataclasses
(``gather_*`` modules), lays it out (``delegation``, ``case``, ``aid``) inside
the shared Decree 30/2020 frame (``frame``), and writes the PDF atomically.
"""

from huedesk.briefs.render import (
    BRIEF_KINDS,
    render_aid_statement,
    render_brief,
    render_year_review,
)

__all__ = ["BRIEF_KINDS", "render_aid_statement", "render_brief", "render_year_review"]
