"""Hiding personal data: masks for lists, redaction for documents, and what the audit keeps.

Three strengths, one list of what is personal (``FieldSpec.personal`` on the
models: dates of birth, passport numbers, phone, e-mail, address):

* ``mask_personal`` – lists: enough left to tell rows apart (``••••••567``,
  ``••/••/1985``), the full value only when an authorised user opens the record;
* ``redact_row`` – briefs and export bundles with ``redact=True``: the value is
  gone, replaced by ``[đã ẩn]`` / ``[redacted]``;
* ``audit_changes`` – the audit log records *that* a personal field (or the
  free text of a consular case) changed, never the value, so deleting or
  anonymising really removes those values from the file. Names of people stay
  in the log: it must show whose record was touched.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any

from huedesk.records.kinds import KindSpec, kind_spec

MASK = "•"
AUDIT_MARK = "•••"
REDACTED = {"vi": "[đã ẩn]", "en": "[redacted]"}
MASKED_KEY = "_masked"  # names the fields a masked row hides (for the UI)


def personal_fields(kind: str | KindSpec) -> tuple[str, ...]:
    """Names of the personal-data fields of a record kind."""
    spec = kind_spec(kind) if isinstance(kind, str) else kind
    return tuple(name for name, fs in spec.fields.items() if fs.personal)


def audit_hidden_fields(kind: str | KindSpec) -> frozenset[str]:
    """Fields whose values the audit log must not keep: personal data, and every free
    text (summary, facts, place, notes, actions, consent recipients) of consular cases
    and their children. Codes, dates, statuses and references stay readable."""
    return _audit_hidden(kind if isinstance(kind, str) else kind.name)


@functools.cache
def _audit_hidden(kind: str) -> frozenset[str]:
    """Worked out once per kind: bulk writes ask for every row."""
    spec = kind_spec(kind)
    hidden = set(personal_fields(spec))
    if spec.sensitive:
        hidden.update(
            name
            for name, fs in spec.fields.items()
            if fs.type is str
            and fs.choices is None
            and fs.references is None
            and name not in ("ref", "uuid")
        )
    return frozenset(hidden)


def mask_value(value: Any) -> str:
    """A masked form of one personal value that still tells rows apart."""
    if isinstance(value, dt.date):
        return f"{MASK * 2}/{MASK * 2}/{value.year}"
    text = str(value)
    if "@" in text:
        local, _, domain = text.partition("@")
        return f"{local[:1]}{MASK * 3}@{domain}"
    if len(text) <= 6:
        return MASK * 3  # too short to show any of it (or its length)
    return MASK * (len(text) - 3) + text[-3:]


def mask_personal(kind: str | KindSpec, row: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``row`` with personal fields masked; ``row[MASKED_KEY]`` names them."""
    out = dict(row)
    masked = []
    for name in personal_fields(kind):
        if out.get(name) is not None:
            out[name] = mask_value(out[name])
            masked.append(name)
    out[MASKED_KEY] = tuple(masked)
    return out


def redact_row(kind: str | KindSpec, row: Mapping[str, Any], lang: str = "vi") -> dict[str, Any]:
    """A copy of ``row`` for a document that must not carry personal data.

    The one redaction helper for briefs (``redact=True``) and export bundles:
    every personal field with a value becomes ``[đã ẩn]`` / ``[redacted]``.
    """
    out = dict(row)
    for name in personal_fields(kind):
        if out.get(name) is not None:
            out[name] = REDACTED.get(lang, REDACTED["en"])
    return out


def audit_changes(
    kind: str | KindSpec, changes: Mapping[str, tuple[Any, Any]]
) -> dict[str, tuple[Any, Any]]:
    """``changes`` with the values of hidden fields replaced by a mark (``None`` kept)."""
    hidden = audit_hidden_fields(kind)
    if hidden.isdisjoint(changes):
        return changes if isinstance(changes, dict) else dict(changes)
    return {
        name: (
            (None if old is None else AUDIT_MARK, None if new is None else AUDIT_MARK)
            if name in hidden
            else (old, new)
        )
        for name, (old, new) in changes.items()
    }
