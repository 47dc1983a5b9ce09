"""Where things live inside a bundle, and the order record kinds are written and read in.

A bundle is a ZIP file; every path inside it is fixed here so the exporter, the
verifier, the importer and ``docs/archive-format.md`` agree on one layout.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import IO

from huedesk.records.kinds import KINDS, KindSpec

FORMAT_NAME = "huedesk-archive"
FORMAT_VERSION = 1

MANIFEST = "manifest.json"
RECORDS_DIR = "records"
TABLES_DIR = "tables"
WORKBOOK = f"{TABLES_DIR}/records.xlsx"
ATTACHMENTS_DIR = "attachments"
BRIEFS_DIR = "briefs"
IATI_FILE = "iati/aid-activities.xml"

CHUNK = 1 << 20


def records_path(kind: str) -> str:
    """The JSON Lines file of one kind: one record per line."""
    return f"{RECORDS_DIR}/{kind}.jsonl"


def csv_path(kind: str) -> str:
    return f"{TABLES_DIR}/{kind}.csv"


def attachment_path(uuid: str, filename: str) -> str:
    """An attached file, under its record's UUID so equal file names never clash."""
    safe = filename.replace("/", "_").replace("\\", "_")
    if safe in ("", ".", ".."):
        safe = "file"
    return f"{ATTACHMENTS_DIR}/{uuid}/{safe}"


def brief_path(kind: str, ref: str) -> str:
    """The PDF brief of one record, named by its reference number."""
    return f"{BRIEFS_DIR}/{kind}/{ref.replace('/', '_')}.pdf"


def reference_target(kind: KindSpec, field: str) -> str | None:
    """The kind a reference field points at (``None`` for plain fields and country codes).

    Country codes stay codes in a bundle: they are the same on every laptop,
    while integer ids and even the seeded countries' UUIDs are not.
    """
    spec = kind.fields[field]
    if not spec.references or spec.is_country:
        return None
    return spec.references.split(".")[0]


def portable_fields(kind: KindSpec) -> list[str]:
    """Fields a bundle carries for ``kind``: every column except the local integer id."""
    return [name for name in kind.fields if name != "id"]


def kind_order() -> list[str]:
    """Kinds ordered so that every record comes after the records it refers to."""
    done: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        spec = KINDS[name]
        for field in spec.fields:
            target = reference_target(spec, field)
            if target is not None and target != name:
                visit(target)
        if any(f.is_country for f in spec.fields.values()) and name != "country":
            visit("country")
        done.append(name)

    for name in KINDS:
        visit(name)
    # Attachments belong to records of any kind: they come last.
    done.remove("attachment")
    done.append("attachment")
    return done


def sha256_file(fh: IO[bytes]) -> tuple[str, int]:
    """SHA-256 (hex) and size of everything readable from ``fh``."""
    h = hashlib.sha256()
    size = 0
    for block in iter_chunks(fh):
        h.update(block)
        size += len(block)
    return h.hexdigest(), size


def iter_chunks(fh: IO[bytes]) -> Iterator[bytes]:
    while block := fh.read(CHUNK):
        yield block


class LineTooLong(ValueError):
    """A line longer than a JSON Lines reader takes (``huedesk.archive.limits.MAX_LINE``)."""

    def __init__(self, lineno: int, limit: int) -> None:
        super().__init__(f"line {lineno} is longer than {limit} bytes")
        self.lineno = lineno
        self.limit = limit


def iter_lines(
    fh: IO[bytes],
    on_block: Callable[[bytes], object] | None = None,
    max_line: int | None = None,
) -> Iterator[bytes]:
    """The lines of ``fh`` (without their line breaks), read in large blocks.

    Reading a compressed ZIP member line by line costs more than parsing the JSON on
    each line; splitting large blocks does not. ``on_block`` sees every block as read
    (a checksum and size over the whole file, computed on the way). A line spanning
    many blocks is gathered as a list of pieces, joined once, so the time stays linear
    in its length; one longer than ``max_line`` (default ``limits.MAX_LINE``) raises
    ``LineTooLong`` as soon as that is known, before it is held in memory.
    """
    if max_line is None:
        from huedesk.archive.limits import MAX_LINE

        max_line = MAX_LINE
    pieces: list[bytes] = []  # the start of the current line, from earlier blocks
    pending = 0
    lineno = 0
    while block := fh.read(CHUNK):
        if on_block is not None:
            on_block(block)
        lines = block.split(b"\n")
        last = lines.pop()
        if lines:
            if pending + len(lines[0]) > max_line or max(map(len, lines)) > max_line:
                raise LineTooLong(lineno + 1, max_line)
            if pieces:
                pieces.append(lines[0])
                lines[0] = b"".join(pieces)
                pieces.clear()
                pending = 0
            lineno += len(lines)
            yield from lines
        pending += len(last)
        if pending > max_line:
            raise LineTooLong(lineno + 1, max_line)
        if last:
            pieces.append(last)
    if pieces:
        yield b"".join(pieces)
