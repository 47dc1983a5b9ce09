"""Finding the record a person means: by reference number, UUID, exact name, or through its parent.

People name records the way HueDesk shows them — ``TC-2025-0004``, a name as
written, a country's name or ISO code — never by the database's integer ids.
Child rows (a project's disbursements, a delegation's members) have no
reference number of their own: they are named by their parent's and their place
among its rows, ``VT-2025-0003/2`` being the second transaction entered for the
project. Numbers follow the order rows were entered (not the list's date order),
so adding a row never renumbers the others; deleting one renumbers those entered
after it. A name that matches several records is refused with the candidates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from huedesk.db.models import Country
from huedesk.errors import NotFoundError
from huedesk.reading import Unreadable, shown
from huedesk.records.coerce import storable
from huedesk.records.kinds import KINDS, KindSpec, kind_spec
from huedesk.records.refs import REF_PATTERN
from huedesk.reference_data import AMBIGUOUS_COUNTRY_NAMES, COUNTRY_ALIASES
from huedesk.text import clean, fold

UUID_PATTERN = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
CHILD_KEY = re.compile(r"^(?P<parent>.+)/(?P<pos>\d+)$")
# How HueDesk's tables for people name a record: "KOICA (TC-2025-0004)", "Nhật Bản (JP)".
NAMED = re.compile(r"^(?P<name>.*?)\s*\((?P<key>[^()]+)\)$")
_SHOWN_CANDIDATES = 5


def example_ref(spec: KindSpec, number: int = 1) -> str:
    """A reference number of ``spec``'s form, for messages and help (``VT-2025-0001``)."""
    prefix = spec.ref_prefix if isinstance(spec.ref_prefix, str) else "ĐV"
    return f"{prefix}-2025-{number:04d}"


def _norm_ref(text: str) -> str:
    """A reference number as stored: capitals, ``Đ`` kept (``dv-2025-0012`` → ``DV-2025-0012``)."""
    return clean(text).upper()


def name_fields(spec: KindSpec) -> list[str]:
    """Fields that name a record of ``spec`` to people (the title and any other-language name)."""
    fields = [spec.title_field] if spec.fields[spec.title_field].type is str else []
    if spec.fields[spec.title_field].references:
        fields = []
    for extra in ("name_en", "name_vi"):
        if extra in spec.fields and extra not in fields:
            fields.append(extra)
    return fields


def _by_ref(session: Session, spec: KindSpec, text: str) -> int | None:
    if not spec.has_ref:
        return None
    table = spec.table
    key = _norm_ref(text)
    found = session.scalar(select(table.c.id).where(table.c.ref == key))
    if found is None and key.startswith("D"):
        # Typed without a Vietnamese keyboard: DV-2025-0012 for ĐV-2025-0012.
        found = session.scalar(select(table.c.id).where(table.c.ref == "Đ" + key[1:]))
    return None if found is None else int(found)


def _by_uuid(session: Session, spec: KindSpec, text: str) -> int | None:
    table = spec.table
    found = session.scalar(select(table.c.id).where(table.c.uuid == text.strip().lower()))
    return None if found is None else int(found)


def _by_name(session: Session, spec: KindSpec, text: str) -> list[int]:
    """Ids of records whose name is ``text`` exactly (letter case aside)."""
    fields = name_fields(spec)
    if not fields:
        return []
    table = spec.table
    wanted = " ".join(clean(text).split())
    exact = or_(*(table.c[f] == wanted for f in fields))
    ids = [int(i) for i in session.scalars(select(table.c.id).where(exact).limit(50))]
    if ids:
        return ids
    # Letter case aside: SQLite's lower() folds ASCII only, so compare in Python too.
    folded = wanted.casefold()
    loose = or_(*(func.lower(table.c[f]) == wanted.lower() for f in fields))
    rows = session.execute(select(table.c.id, *(table.c[f] for f in fields)).where(loose).limit(50))
    return [int(r[0]) for r in rows if any(v and v.casefold() == folded for v in r[1:])]


def _describe(session: Session, spec: KindSpec, ids: Iterable[int]) -> str:
    table = spec.table
    key = table.c.ref if spec.has_ref else table.c.uuid
    title = table.c[spec.title_field]
    rows = session.execute(select(key, title).where(table.c.id.in_(list(ids)))).all()
    return "; ".join(f"{k} {t}" for k, t in rows[:_SHOWN_CANDIDATES]) + (
        " …" if len(rows) > _SHOWN_CANDIDATES else ""
    )


def resolve_reference(session: Session, target: str, raw: Any) -> int:
    """The id of the ``target`` record that ``raw`` names; raises ``Unreadable`` if none or many.

    ``raw`` is an id (``int``, from programs), a reference number, a UUID, or an exact name.
    """
    spec = kind_spec(target)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if not isinstance(raw, str):
        raise Unreadable("phải là số tham chiếu hoặc tên", "must be a reference number or a name")
    text = storable(raw)
    label_vi, label_en = spec.label_vi.lower(), spec.label_en.lower()
    named = NAMED.match(text)
    if named is not None:  # "KOICA (TC-2025-0004)": the number in brackets decides
        key = named["key"].strip()
        found = (
            _by_uuid(session, spec, key)
            if UUID_PATTERN.match(key)
            else _by_ref(session, spec, key)
            if REF_PATTERN.match(_norm_ref(key))
            else None
        )
        if found is not None:
            return found
    if UUID_PATTERN.match(text):
        found = _by_uuid(session, spec, text)
        if found is not None:
            return found
    if REF_PATTERN.match(_norm_ref(text)):
        found = _by_ref(session, spec, text)
        if found is not None:
            return found
    ids = _by_name(session, spec, text)
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise Unreadable(
            f"'{shown(text)}' khớp với {len(ids)} {label_vi}: {_describe(session, spec, ids)}; "
            "hãy ghi số tham chiếu",
            f"'{shown(text)}' matches {len(ids)} records ({label_en}): "
            f"{_describe(session, spec, ids)}; give the reference number",
        )
    if text.isdigit():  # an internal id, as scripts written for earlier versions pass
        return int(text)
    example = f" (ví dụ {example_ref(spec)})" if spec.has_ref else ""
    example_en = f" (e.g. {example_ref(spec)})" if spec.has_ref else ""
    raise Unreadable(
        f"không có {label_vi} '{shown(text)}' (ghi số tham chiếu{example}, mã UUID hoặc tên đúng như đã lưu)",
        f"there is no {label_en} '{shown(text)}' (give its reference number{example_en}, "
        "UUID or exact name)",
    )


def resolve_country(session: Session, raw: str) -> str:
    """The ISO code of the country ``raw`` names: a code (``jp``), a name (``Nhật Bản``,
    ``Japan``) or another usual name (``Mỹ``, ``Anh``: ``COUNTRY_ALIASES``). A name that
    could mean several countries (``Korea``), or two small letters that are one country's
    code and another's name without tone marks (``my``: Malaysia or Mỹ), is refused."""
    text = " ".join(storable(raw).split())
    named = NAMED.match(text)
    if named is not None and len(named["key"].strip()) == 2:  # "Nhật Bản (JP)"
        text = named["key"].strip()
    countries = {
        str(code): (str(vi), str(en))
        for code, vi, en in session.execute(select(Country.code, Country.name_vi, Country.name_en))
    }
    folded = fold(text)
    by_name = {fold(name): code for code, names in countries.items() for name in names}
    named_code = by_name.get(folded)
    if named_code is None:
        alias = {fold(a): c for a, c in COUNTRY_ALIASES.items()}.get(folded)
        named_code = alias if alias in countries else None
    if len(text) == 2 and text.isalpha() and text.upper() in countries:
        code = text.upper()
        if text == code or named_code in (None, code):
            return code
        _refuse_ambiguous(text, (code, named_code), countries)
    if named_code is not None:
        return named_code
    for name, choices in AMBIGUOUS_COUNTRY_NAMES.items():
        if folded == fold(name):
            _refuse_ambiguous(text, choices, countries)
    if len(text) == 2:
        text = text.upper()
    raise Unreadable(
        f"không có quốc gia '{shown(text)}' (ghi mã ISO như JP, LA, KR hoặc tên như 'Nhật Bản')",
        f"there is no country '{shown(text)}' (give its ISO code such as JP, LA, KR, or its name "
        "such as 'Japan')",
    )


def _refuse_ambiguous(
    text: str, codes: Iterable[str | None], countries: dict[str, tuple[str, str]]
) -> None:
    vi = " hoặc ".join(f"{c} ({countries[c][0]})" if c in countries else str(c) for c in codes)
    en = " or ".join(f"{c} ({countries[c][1]})" if c in countries else str(c) for c in codes)
    raise Unreadable(
        f"'{shown(text)}' có thể là {vi}: ghi mã ISO hoặc tên đầy đủ",
        f"'{shown(text)}' could be {en}: give the ISO code or the full name",
    )


def resolve_country_list(session: Session, raw: str) -> str:
    """Countries written as codes or names, separated by spaces, commas or semicolons."""
    text = storable(raw)
    if "," in text or ";" in text:
        items = [p for p in re.split(r"[,;]", text) if p.strip()]
    else:
        items = text.split()
        if not all(len(i) == 2 for i in items):
            try:
                return resolve_country(session, text)
            except Unreadable:
                pass
    return " ".join(resolve_country(session, item) for item in items)


def record_names(session: Session, kind: str) -> Iterator[tuple[str, str]]:
    """(UUID, how people name it) for every ``kind`` record: ``KOICA (TC-2025-0004)``."""
    spec = kind_spec(kind)
    table = spec.table
    title_spec = spec.fields[spec.title_field]
    title: Any = table.c[spec.title_field]
    from_clause: Any = table
    if title_spec.references:  # a partnership is named by its partner
        target = KINDS[title_spec.references.split(".")[0]]
        other = target.table.alias("named")
        from_clause = table.outerjoin(other, other.c.id == title)
        title = other.c[target.title_field]
    key = table.c.ref if spec.has_ref else table.c.uuid
    for uuid, ref, name in session.execute(
        select(table.c.uuid, key, title).select_from(from_clause)
    ):
        yield uuid, f"{name} ({ref})" if name else str(ref)


def country_names(session: Session, lang: str = "vi") -> dict[str, str]:
    """Each country's code to ``Nhật Bản (JP)`` (``Japan (JP)`` in English)."""
    name = Country.name_en if lang == "en" else Country.name_vi
    return {code: f"{n} ({code})" for code, n in session.execute(select(Country.code, name))}


def child_keys(session: Session, kind: str, ids: Iterable[int]) -> dict[int, str]:
    """``PARENT-REF/N`` for child rows: their parent's reference and their place in its list."""
    spec = kind_spec(kind)
    if spec.parent is None:
        return {}
    parent_kind, fk = spec.parent
    parent = KINDS[parent_kind]
    table = spec.table
    wanted = list(ids)
    if not wanted:
        return {}
    parents = dict(
        session.execute(select(table.c.id, table.c[fk]).where(table.c.id.in_(wanted))).all()
    )
    refs = dict(
        session.execute(
            select(parent.table.c.id, parent.table.c.ref).where(
                parent.table.c.id.in_(set(parents.values()))
            )
        ).all()
    )
    keys: dict[int, str] = {}
    for parent_id in set(parents.values()):
        siblings = session.scalars(
            select(table.c.id).where(table.c[fk] == parent_id).order_by(table.c.id)
        )
        for pos, child_id in enumerate(siblings, start=1):
            if child_id in parents:
                keys[int(child_id)] = f"{refs[parent_id]}/{pos}"
    return keys


def locate(session: Session, kind: str, text: str) -> int:
    """The id of the ``kind`` record ``text`` names, for ``show``, ``set`` and ``delete``.

    Reference number (ISO code for countries), UUID, exact name, or for child rows
    ``PARENT-REF/N``. Raises ``NotFoundError`` naming what was looked for.
    """
    spec = kind_spec(kind)
    try:
        text = storable(text)
    except Unreadable as exc:
        raise NotFoundError(exc.vi, exc.en) from None
    if kind == "country":
        try:
            code = resolve_country(session, text)
        except Unreadable as exc:
            raise NotFoundError(exc.vi, exc.en) from None
        found = session.scalar(select(spec.table.c.id).where(spec.table.c.code == code))
        return int(found)  # type: ignore[arg-type]
    if spec.parent is not None:
        match = CHILD_KEY.match(text)
        if match is not None:
            return _child_at(session, spec, match["parent"], int(match["pos"]))
        if UUID_PATTERN.match(text):
            found_id = _by_uuid(session, spec, text)
            if found_id is not None:
                return found_id
        parent = KINDS[spec.parent[0]]
        ref = example_ref(parent, 3)
        opt = spec.parent[1].removesuffix("_id")
        raise NotFoundError(
            f"Không tìm thấy {spec.label_vi.lower()} '{shown(text)}'. Dòng con được gọi theo hồ sơ "
            f"cha và thứ tự nhập: ví dụ {ref}/2 là dòng thứ hai của "
            f"{parent.label_vi.lower()} {ref} (xem: huedesk list {kind} --{opt} {ref}).",
            f"No {spec.label_en.lower()} '{shown(text)}'. Child rows are named by their parent "
            f"and the order they were entered: e.g. {ref}/2 is the second line of "
            f"{parent.label_en.lower()} {ref} (see: huedesk list {kind} --{opt} {ref}).",
        )
    try:
        found_id = resolve_reference(session, kind, text)
    except Unreadable as exc:
        raise NotFoundError(f"Không tìm thấy: {exc.vi}.", f"Not found: {exc.en}.") from None
    if session.get(spec.model, found_id) is None:
        raise NotFoundError(
            f"Không tìm thấy {spec.label_vi.lower()} '{shown(text)}'.",
            f"No {spec.label_en.lower()} '{shown(text)}'.",
        )
    return found_id


def _child_at(session: Session, spec: KindSpec, parent_text: str, pos: int) -> int:
    assert spec.parent is not None
    parent_kind, fk = spec.parent
    try:
        parent_id = resolve_reference(session, parent_kind, parent_text)
    except Unreadable as exc:
        raise NotFoundError(exc.vi, exc.en) from None
    table = spec.table
    siblings = list(
        session.scalars(select(table.c.id).where(table.c[fk] == parent_id).order_by(table.c.id))
    )
    if not 1 <= pos <= len(siblings):
        raise NotFoundError(
            f"{KINDS[parent_kind].label_vi} '{shown(parent_text)}' có {len(siblings)} "
            f"{spec.label_vi.lower()}; không có dòng thứ {pos}.",
            f"{KINDS[parent_kind].label_en} '{shown(parent_text)}' has {len(siblings)} "
            f"{spec.label_en.lower()} rows; there is no row {pos}.",
        )
    return int(siblings[pos - 1])
