"""A corpus of hostile and damaged bundles, built from one good bundle.

Each entry of ``CASES`` is an attack or an accident from issue #12 (or a close
relative): ZIP bombs, unsafe and duplicate entry names, malformed manifests and
records, deep JSON, XML entities, attachment paths chosen by the bundle, a
manifest that claims enough records for the parallel import path, an old-schema
bundle whose records do not fit that schema. ``expect`` says what HueDesk must do:

* ``"refused"``: ``verify`` reports problems and ``import`` refuses, changing nothing;
* ``"import-refused"``: the bundle may look sound to ``verify`` (the problem is in
  what the records mean), but ``import`` refuses it, changing nothing;
* ``"harmless"``: the bundle imports, but what it tried (a stored path of its own)
  has no effect.

Used by ``tests/archive/test_hostile_bundles.py`` and
``benchmarks/verify_bench.py``; run it to write the corpus to a folder:
``python -m tests.archive.hostile GOOD.zip OUT_DIR``.
"""

from __future__ import annotations

import hashlib
import json
import sys
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Entries = dict[str, bytes]
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "refused", "import-refused" or "harmless"
    build: Callable[[Path, Path], None]  # (good bundle, destination)


def _read(good: Path) -> tuple[dict[str, Any], Entries]:
    with zipfile.ZipFile(good) as zf:
        man = json.loads(zf.read("manifest.json"))
        data = {n: zf.read(n) for n in zf.namelist() if n != "manifest.json"}
    return man, data


def _write(
    dest: Path, entries: list[tuple[str, bytes]], *, rename: dict[str, str] | None = None
) -> None:
    """Write ``entries`` in order (names may repeat); ``rename`` patches names afterwards,
    byte for byte (for names ``zipfile`` will not write, such as ones holding NUL)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": that is the point
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    if rename:
        raw = dest.read_bytes()
        for old, new in rename.items():
            assert len(old.encode()) == len(new.encode())
            raw = raw.replace(old.encode(), new.encode())
        dest.write_bytes(raw)


def _rebuild(
    good: Path,
    dest: Path,
    *,
    edit: Callable[[Entries], None] | None = None,
    manifest: Callable[[dict[str, Any]], None] | None = None,
    extra: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
    listed: bool = True,
    rename: dict[str, str] | None = None,
) -> None:
    """The good bundle with entries edited, checksums made to match (so the damage is
    found by what it is, not by a checksum), extra entries added (``listed`` in the
    manifest or not) and the manifest edited last."""
    man, data = _read(good)
    if edit is not None:
        edit(data)
    man["files"] = [_entry(n, b) for n, b in [*data.items(), *(extra if listed else [])]]
    if manifest is not None:
        manifest(man)
    entries = [*data.items(), *extra, ("manifest.json", json.dumps(man).encode())]
    _write(dest, entries, rename=rename)


def _records(data: Entries, kind: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data[f"records/{kind}.jsonl"].splitlines()]


def _set_records(data: Entries, kind: str, records: list[dict[str, Any]]) -> None:
    data[f"records/{kind}.jsonl"] = "".join(json.dumps(r) + "\n" for r in records).encode()


def _edit_attachment(**changes: Any) -> Callable[[Entries], None]:
    def edit(data: Entries) -> None:
        _set_records(data, "attachment", [{**r, **changes} for r in _records(data, "attachment")])

    return edit


def _bomb(size: int, fill: bytes = b" ") -> bytes:
    return fill * size


def _manifest_case(change: Callable[[dict[str, Any]], None]) -> Callable[[Path, Path], None]:
    return lambda good, dest: _rebuild(good, dest, manifest=change)


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(man: dict[str, Any]) -> None:
        man[key] = value

    return change


def _first_kind_bad(man: dict[str, Any]) -> None:
    kind = next(iter(man["kinds"]))
    man["kinds"][kind] = ["not", "a", "table"]


def _file_entry_bad(man: dict[str, Any]) -> None:
    man["files"][0]["path"] = 42


def _deep_manifest(good: Path, dest: Path) -> None:
    man, data = _read(good)
    text = json.dumps(man)[:-1] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    _write(dest, [*data.items(), ("manifest.json", text.encode())])


def _not_zip(good: Path, dest: Path) -> None:
    dest.write_bytes(b"PK\x03\x04 this is not really a zip file" * 10)


def _empty(good: Path, dest: Path) -> None:
    dest.write_bytes(b"")


def _truncated(good: Path, dest: Path) -> None:
    raw = good.read_bytes()
    dest.write_bytes(raw[: len(raw) // 2])


def _no_manifest(good: Path, dest: Path) -> None:
    _man, data = _read(good)
    _write(dest, list(data.items()))


def _manifest_not_json(good: Path, dest: Path) -> None:
    _man, data = _read(good)
    _write(dest, [*data.items(), ("manifest.json", b'{"format": "huedesk-archive", ')])


def _duplicate_entry(good: Path, dest: Path) -> None:
    man, data = _read(good)
    name = "records/person.jsonl"
    _write(
        dest,
        [*data.items(), (name, b'{"evil": true}\n'), ("manifest.json", json.dumps(man).encode())],
    )


def _named(
    entry: str, *, rename: dict[str, str] | None = None, listed: bool = True
) -> Callable[[Path, Path], None]:
    return lambda good, dest: _rebuild(
        good, dest, extra=[(entry, b"owned\n")], rename=rename, listed=listed
    )


def _iati(blob: bytes) -> Callable[[Path, Path], None]:
    """The bundle's IATI file replaced by ``blob`` (checksums made to match)."""

    def edit(data: Entries) -> None:
        data["iati/aid-activities.xml"] = blob

    return lambda good, dest: _rebuild(good, dest, edit=edit)


_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b']>\n<iati-activities version="2.03">&lol9;</iati-activities>\n'
)
_EXTERNAL = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    b'<iati-activities version="2.03"><iati-activity>&e;</iati-activity></iati-activities>\n'
)


def _long_line(good: Path, dest: Path) -> None:
    def edit(data: Entries) -> None:
        data["records/person.jsonl"] += b'{"full_name": "' + _bomb(80 * MB, b"a") + b'"}\n'

    _rebuild(good, dest, edit=edit)


def _records_bomb(good: Path, dest: Path) -> None:
    def edit(data: Entries) -> None:
        data["records/person.jsonl"] += _bomb(60 * MB, b"\n")

    _rebuild(good, dest, edit=edit)


def _big_attachment(good: Path, dest: Path) -> None:
    """An attachment of 513 MB (one more than ``attach()`` takes), written as a stream."""
    man, data = _read(good)
    name = next(n for n in data if n.startswith("attachments/"))
    del data[name]
    block, h = bytes(MB), hashlib.sha256()
    for _ in range(513):
        h.update(block)
    big = {"path": name, "size": 513 * MB, "sha256": h.hexdigest()}
    _set_records(
        data,
        "attachment",
        [{**r, "size": big["size"], "sha256": big["sha256"]} for r in _records(data, "attachment")],
    )
    man["files"] = [_entry(n, b) for n, b in data.items()] + [big]
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, blob in data.items():
            zf.writestr(n, blob)
        with zf.open(name, "w", force_zip64=True) as out:
            for _ in range(513):
                out.write(block)
        zf.writestr("manifest.json", json.dumps(man))


def _entry(name: str, blob: bytes) -> dict[str, Any]:
    return {"path": name, "size": len(blob), "sha256": hashlib.sha256(blob).hexdigest()}


def _record_line(line: bytes) -> Callable[[Path, Path], None]:
    def edit(data: Entries) -> None:
        data["records/person.jsonl"] += line + b"\n"

    def build(good: Path, dest: Path) -> None:
        def count(man: dict[str, Any]) -> None:
            man["counts"]["person"] += 1
            man["kinds"]["person"]["count"] += 1

        _rebuild(good, dest, edit=edit, manifest=count)

    return build


def _wrong_types(good: Path, dest: Path) -> None:
    def edit(data: Entries) -> None:
        _set_records(
            data,
            "attachment",
            [{**r, "size": "huge", "sha256": ["x"]} for r in _records(data, "attachment")],
        )

    _rebuild(good, dest, edit=edit)


def _sha_mismatch(good: Path, dest: Path) -> None:
    def edit(data: Entries) -> None:
        name = next(n for n in data if n.startswith("attachments/"))
        data[name] = b"not the file the record describes\n"

    _rebuild(good, dest, edit=edit)


def _parallel_claim(good: Path, dest: Path) -> None:
    """Claims 25,000 people: the import merges while a second process verifies."""

    def claim(man: dict[str, Any]) -> None:
        man["counts"]["person"] = 25_000
        man["kinds"]["person"]["count"] = 25_000

    _rebuild(good, dest, manifest=claim)


def _parallel_bad_file(good: Path, dest: Path) -> None:
    """Parallel path, and the attachment's file is not the one its record describes."""

    def claim(man: dict[str, Any]) -> None:
        man["counts"]["person"] = 25_000
        man["kinds"]["person"]["count"] = 25_000

    def edit(data: Entries) -> None:
        name = next(n for n in data if n.startswith("attachments/"))
        data[name] = b"a different file\n"

    _rebuild(good, dest, edit=edit, manifest=claim)


def _old_schema_misfit(good: Path, dest: Path) -> None:
    """Marked as written at the first schema, with records of today's shape and a stray field."""

    def mark(man: dict[str, Any]) -> None:
        man["schema_revision"] = "0001"

    def edit(data: Entries) -> None:
        _set_records(data, "person", [{**r, "stray": 1} for r in _records(data, "person")])

    _rebuild(good, dest, edit=edit, manifest=mark)


def _old_schema_broken_json(good: Path, dest: Path) -> None:
    def mark(man: dict[str, Any]) -> None:
        man["schema_revision"] = "0001"

    def edit(data: Entries) -> None:
        data["records/person.jsonl"] = b'{"uuid": [1, 2\n'

    _rebuild(good, dest, edit=edit, manifest=mark)


def _unknown_kind(good: Path, dest: Path) -> None:
    def add(man: dict[str, Any]) -> None:
        man["kinds"]["evil"] = {"count": 1, "fields": [{"name": "x"}]}
        man["counts"]["evil"] = 1

    _rebuild(good, dest, manifest=add, extra=[("records/evil.jsonl", b'{"x": 1}\n')])


CASES: list[Case] = [
    Case("not-a-zip", "refused", _not_zip),
    Case("empty-file", "refused", _empty),
    Case("truncated", "refused", _truncated),
    Case("no-manifest", "refused", _no_manifest),
    Case("manifest-not-json", "refused", _manifest_not_json),
    Case("manifest-deep-json", "refused", _deep_manifest),
    Case("manifest-files-not-a-list", "refused", _manifest_case(_set("files", "x"))),
    Case("manifest-kinds-a-list", "refused", _manifest_case(_set("kinds", []))),
    Case("manifest-version-text", "refused", _manifest_case(_set("format_version", "1"))),
    Case("manifest-counts-text", "refused", _manifest_case(_set("counts", "many"))),
    Case("manifest-kind-not-a-table", "refused", _manifest_case(_first_kind_bad)),
    Case("manifest-file-path-number", "refused", _manifest_case(_file_entry_bad)),
    Case("manifest-schema-unknown", "refused", _manifest_case(_set("schema_revision", "9999"))),
    Case("duplicate-entry-name", "refused", _duplicate_entry),
    Case("nul-in-entry-name", "refused", _named("notes/aXb.txt", rename={"aXb": "a\x00b"})),
    Case("traversal-entry-name", "refused", _named("../../evil.txt")),
    Case("absolute-entry-name", "refused", _named("/tmp/huedesk-evil.txt")),
    Case("backslash-entry-name", "refused", _named("..\\..\\evil.txt")),
    Case("entry-not-in-manifest", "refused", _named("attachments/x/evil.exe", listed=False)),
    Case(
        "iati-bomb", "refused", _iati(b"<iati-activities>" + _bomb(40 * MB) + b"</iati-activities>")
    ),
    Case("iati-billion-laughs", "refused", _iati(_LAUGHS)),
    Case("iati-external-entity", "refused", _iati(_EXTERNAL)),
    Case("very-long-line", "refused", _long_line),
    Case("records-zip-bomb", "refused", _records_bomb),
    Case("attachment-over-512-mb", "refused", _big_attachment),
    Case("record-deep-json", "refused", _record_line(b"[" * 200_000 + b"]" * 200_000)),
    Case("record-broken-json", "refused", _record_line(b'{"uuid": "x", ')),
    Case("record-wrong-types", "refused", _wrong_types),
    Case("attachment-sha-mismatch", "refused", _sha_mismatch),
    Case("unknown-kind", "refused", _unknown_kind),
    Case("parallel-false-claim", "refused", _parallel_claim),
    Case("parallel-bad-attachment", "refused", _parallel_bad_file),
    Case("old-schema-misfit", "import-refused", _old_schema_misfit),
    Case("old-schema-broken-json", "refused", _old_schema_broken_json),
    Case(
        "attachment-filename-path",
        "import-refused",
        lambda g, d: _rebuild(g, d, edit=_edit_attachment(filename="../../passwd")),
    ),
    Case(
        "attachment-absolute-stored-name",
        "harmless",
        lambda g, d: _rebuild(g, d, edit=_edit_attachment(stored_name="/etc/passwd")),
    ),
    Case(
        "attachment-dotdot-stored-name",
        "harmless",
        lambda g, d: _rebuild(g, d, edit=_edit_attachment(stored_name="../../../escaped.txt")),
    ),
]


def build_corpus(good: Path, folder: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Write the corpus (or the cases ``names``) into ``folder``; returns name → bundle."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    for case in CASES:
        if names is not None and case.name not in names:
            continue
        dest = folder / f"{case.name}.zip"
        case.build(good, dest)
        out[case.name] = dest
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m tests.archive.hostile GOOD.zip OUT_DIR")
    for name, path in build_corpus(Path(sys.argv[1]), Path(sys.argv[2])).items():
        print(f"{name}: {path} ({path.stat().st_size} bytes)")
