"""Likely duplicates among people, organisations and partner localities, with a score and a reason.

Names are compared the way the same name comes to be written differently:
without tone marks or case (``Nguyễn Văn A`` = ``NGUYEN VAN A``), in another
order (Vietnamese family name first or last: ``Văn A Nguyễn``), with or
without spaces (``Sê Kông`` = ``Sekong``), and in a common other
transliteration (``Champasak`` = ``Champassak``, ``Saravane`` = ``Salavan``
is not claimed). Each rule gives a key; records sharing a key are candidates,
so finding duplicates among 100,000 people is a few dictionary passes, not
100,000² comparisons. A differing date of birth or country lowers the score.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from huedesk.records.kinds import KINDS
from huedesk.text import fold

DUPLICATE_KINDS = ("person", "organisation")
# Fields whose change can make a stored person or organisation repeat another: a change
# of anything else (a phone number, a website) is not checked before it is saved.
NAME_FIELDS = frozenset({"full_name", "name", "name_en", "aliases"})
_NON_WORD = re.compile(r"[^\w]+")
_DOUBLE = re.compile(r"(\w)\1+")
# Spellings that differ only by transliteration habit (folded, applied in order).
_SOUNDS = (("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("z", "s"), ("y", "i"), ("w", "v"))
MAX_GROUP = 50  # a key shared by more records than this (a very common name) pairs neighbours only


@dataclass(frozen=True)
class Rule:
    """One way two names can be the same: its key function, score and reason."""

    name: str
    score: int
    vi: str
    en: str
    key: Callable[[list[str]], str]  # of the name's folded words
    kinds: tuple[str, ...] = ("person", "organisation")  # the kinds it applies to


def words(name: str) -> list[str]:
    """The folded words of a name: no tone marks, no case, đ → d, no punctuation."""
    return [w for w in _NON_WORD.sub(" ", fold(name)).split() if w]


def _exact(ws: list[str]) -> str:
    return " ".join(ws)


def _any_order(ws: list[str]) -> str:
    return " ".join(sorted(ws))


def _joined(ws: list[str]) -> str:
    return "".join(ws)


def _sounds(ws: list[str]) -> str:
    text = "".join(ws)
    for a, b in _SOUNDS:
        if a in text:
            text = text.replace(a, b)
    return _DOUBLE.sub(r"\1", text)


# Words that say what kind of place a partner locality is, not which: 'Tỉnh Champasak' is the
# same place as 'Champassak' (folded; two-word ones as pairs).
_PLACE_WORDS = frozenset(
    {"tinh", "huyen", "province", "city", "prefecture", "county", "district", "state", "of", "the"}
)
_PLACE_PAIRS = (("thanh", "pho"), ("thi", "xa"), ("khu", "vuc"))


def _place(ws: list[str]) -> str:
    kept: list[str] = []
    i = 0
    while i < len(ws):
        if tuple(ws[i : i + 2]) in _PLACE_PAIRS:
            i += 2
            continue
        if ws[i] not in _PLACE_WORDS:
            kept.append(ws[i])
        i += 1
    return _sounds(kept) if kept else ""


RULES = (
    Rule(
        "marks",
        95,
        "giống nhau khi bỏ dấu và chữ hoa",
        "the same without tone marks and case",
        _exact,
    ),
    Rule("order", 90, "cùng các chữ, khác thứ tự", "the same words in another order", _any_order),
    Rule("spaces", 85, "giống nhau khi viết liền", "the same letters without spaces", _joined),
    Rule("sounds", 75, "phiên âm gần giống", "a similar transliteration", _sounds),
    Rule(
        "place",
        70,
        "cùng địa danh khi bỏ chữ 'Tỉnh', 'Thành phố'…",
        "the same place without 'Province', 'City'…",
        _place,
        ("organisation",),
    ),
)


@dataclass(frozen=True)
class Candidate:
    """A record as the duplicate finder sees it."""

    id: int
    ref: str | None
    name: str
    extra: tuple[Any, ...]  # (date of birth, nationality) of people; (country,) of organisations


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that are probably one, with the score (0–100) and why."""

    kind: str
    first: Candidate
    second: Candidate
    score: int
    reason_vi: str
    reason_en: str

    def reason(self, lang: str = "vi") -> str:
        return self.reason_en if lang == "en" else self.reason_vi


def _candidates(session: Session, kind: str) -> list[Candidate]:
    spec = KINDS[kind]
    t = spec.table
    out = []
    if kind == "person":
        rows = session.execute(
            select(t.c.id, t.c.ref, t.c.full_name, t.c.date_of_birth, t.c.nationality, t.c.aliases)
        )
        for r in rows:
            out.append(Candidate(r[0], r[1], r[2], (r[3], r[4])))
            for alias in _aliases(r[5]):  # other spellings kept by a merge
                out.append(Candidate(r[0], r[1], alias, (r[3], r[4])))
        return out
    rows = session.execute(
        select(t.c.id, t.c.ref, t.c.name, t.c.name_en, t.c.country_code, t.c.aliases)
    )
    for r in rows:
        out.append(Candidate(r[0], r[1], r[2], (r[4],)))
        # The English name and the other names are other spellings of the same record.
        for other in ([r[3]] if r[3] else []) + _aliases(r[5]):
            out.append(Candidate(r[0], r[1], other, (r[4],)))
    return out


def _aliases(text: str | None) -> list[str]:
    return [a.strip() for a in text.splitlines() if a.strip()] if text else []


def _candidate_of(kind: str, values: Mapping[str, Any], record_id: int | None) -> list[Candidate]:
    """The record being entered (cleaned ``values``) as candidates, one per spelling."""
    rid = record_id if record_id is not None else -1
    if kind == "person":
        extra: tuple[Any, ...] = (values.get("date_of_birth"), values.get("nationality"))
        names = [values.get("full_name")]
    else:
        extra = (values.get("country_code"),)
        names = [values.get("name"), values.get("name_en")]
    names += _aliases(values.get("aliases"))
    return [Candidate(rid, values.get("ref"), str(n), extra) for n in names if n]


def likely_duplicates_in(
    session: Session,
    kind: str,
    values: Mapping[str, Any],
    *,
    record_id: int | None = None,
    min_score: int = 60,
    limit: int = 5,
) -> list[DuplicatePair]:
    """Stored records that the record being entered (cleaned ``values``; ``record_id`` when
    it is already stored) probably repeats, best first: the check made before a save.

    Each pair's ``first`` is the record being entered, ``second`` the stored one.
    """
    if kind not in DUPLICATE_KINDS:
        return []
    mine = _candidate_of(kind, values, record_id)
    if not mine:
        return []
    wanted = {
        (index, key)
        for c in mine
        for index, key in enumerate(name_keys(c.name))
        if key and kind in RULES[index].kinds
    }
    best: dict[int, DuplicatePair] = {}
    for other in _candidates(session, kind):
        if other.id == record_id:
            continue
        keys = name_keys(other.name)
        for index, rule in enumerate(RULES):
            if not keys[index] or (index, keys[index]) not in wanted:
                continue
            me = next(c for c in mine if name_keys(c.name)[index] == keys[index])
            same = fold(me.name) == fold(other.name)
            score, vi, en = _adjust(kind, me, other, rule.score + (5 if same else 0))
            if score >= min_score and (other.id not in best or best[other.id].score < score):
                base_vi, base_en = ("trùng tên", "the same name") if same else (rule.vi, rule.en)
                best[other.id] = DuplicatePair(
                    kind,
                    me,
                    other,
                    min(score, 100),
                    base_vi + (f"; {vi}" if vi else ""),
                    base_en + (f"; {en}" if en else ""),
                )
            break  # the first (strongest) rule that matches gives the reason
    return sorted(best.values(), key=lambda p: (-p.score, p.second.id))[:limit]


def _adjust(kind: str, a: Candidate, b: Candidate, score: int) -> tuple[int, str, str]:
    """The score after the other fields: a different birth date or country lowers it."""
    vi: list[str] = []
    en: list[str] = []
    if kind == "person":
        (dob_a, nat_a), (dob_b, nat_b) = a.extra, b.extra
        if dob_a and dob_b:
            if dob_a == dob_b:
                score = min(100, score + 5)
                vi.append("cùng ngày sinh")
                en.append("same date of birth")
            else:
                score -= 40
                vi.append("khác ngày sinh")
                en.append("different dates of birth")
        if nat_a and nat_b and nat_a != nat_b:
            score -= 20
            vi.append("khác quốc tịch")
            en.append("different nationalities")
    else:
        (c_a,), (c_b,) = a.extra, b.extra
        if c_a and c_b and c_a != c_b:
            score -= 30
            vi.append("khác quốc gia")
            en.append("different countries")
    return score, "; ".join(vi), "; ".join(en)


def _pairs(ids: list[Candidate]) -> Iterable[tuple[Candidate, Candidate]]:
    if len(ids) <= MAX_GROUP:
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                yield a, b
    else:
        yield from itertools.pairwise(ids)


def find_duplicates(session: Session, kind: str, *, min_score: int = 60) -> list[DuplicatePair]:
    """Likely duplicate pairs of ``kind`` (``person`` or ``organisation``), best first."""
    if kind not in DUPLICATE_KINDS:
        raise ValueError(kind)
    candidates = _candidates(session, kind)
    keyed = [(c, name_keys(c.name)) for c in candidates]
    best: dict[tuple[int, int], DuplicatePair] = {}
    for index, rule in enumerate(RULES):
        if kind not in rule.kinds:
            continue
        groups: dict[str, list[Candidate]] = defaultdict(list)
        for c, keys in keyed:
            key = keys[index]
            if key:
                groups[key].append(c)
        for group in groups.values():
            if len(group) < 2:
                continue
            for a, b in _pairs(group):
                if a.id == b.id:
                    continue
                pair = (min(a.id, b.id), max(a.id, b.id))
                if pair in best and best[pair].score >= rule.score + 5:
                    continue  # an earlier rule (a stronger reason) found it already
                score = rule.score + (5 if a.name == b.name else 0)
                score, vi, en = _adjust(kind, a, b, score)
                if score < min_score or (pair in best and best[pair].score >= score):
                    continue
                first, second = (a, b) if a.id < b.id else (b, a)
                reason_vi = rule.vi + (f"; {vi}" if vi else "")
                reason_en = rule.en + (f"; {en}" if en else "")
                if a.name == b.name:
                    reason_vi, reason_en = (
                        "trùng tên" + (f"; {vi}" if vi else ""),
                        ("the same name" + (f"; {en}" if en else "")),
                    )
                best[pair] = DuplicatePair(
                    kind, first, second, min(score, 100), reason_vi, reason_en
                )
    return sorted(best.values(), key=lambda p: (-p.score, p.first.id, p.second.id))


@functools.lru_cache(maxsize=65536)
def name_keys(name: str) -> tuple[str, ...]:
    """Each rule's key of ``name``, in the order of ``RULES`` (names repeat: cached)."""
    ws = words(name)
    return tuple(rule.key(ws) for rule in RULES)


class DuplicateIndex:
    """Every stored ``kind`` record by each rule's key, to flag a new one that repeats them."""

    def __init__(self, session: Session, kind: str) -> None:
        self.kind = kind
        self._keys: dict[tuple[str, str], list[str]] = defaultdict(list)
        for c in _candidates(session, kind):
            self.add(c.name, f"{c.ref} {c.name}")

    def add(self, name: str, label: str) -> None:
        for rule, key in zip(RULES, name_keys(name), strict=True):
            if key and self.kind in rule.kinds:
                self._keys[(rule.name, key)].append(label)

    def matches(self, name: str) -> tuple[list[str], str, str] | None:
        """The records ``name`` probably repeats and why (the strongest rule), or ``None``."""
        for rule, key in zip(RULES, name_keys(name), strict=True):
            found = self._keys.get((rule.name, key)) if key else None
            if found:
                return found[:3], rule.vi, rule.en
        return None
