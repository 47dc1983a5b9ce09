"""Limits on what a bundle may hold, checked before any of it is unpacked or parsed.

A bundle comes from a USB stick or an e-mail: it may be damaged, or made to hurt.
Everything read from one is bounded here, so that verifying even a hostile
bundle takes little memory and time (``benchmarks/verify_bench.py``):

* the ZIP's entries, from its directory alone (``entry_problems``): how many, how
  large each one and all together, how much each one is compressed (a ratio no
  real bundle reaches is a ZIP bomb), and their names — a name twice, a NUL byte,
  a control character, a backslash, an absolute path, a drive letter or a ``..``
  component is refused, whatever the entry holds;
* lines of JSON Lines files are read in linear time and may not exceed
  ``MAX_LINE`` (``huedesk.archive.layout.iter_lines``);
* JSON is parsed only when it is nested at most ``MAX_DEPTH`` deep (``loads``);
* XML is parsed without entity expansion, DTD loading or network access, and only
  up to ``MAX_XML`` bytes (``huedesk.archive.iati.schema_errors``);
* an attached file may be no larger than one ``attach()`` takes
  (``huedesk.records.stored_files.MAX_BYTES``).

Python's ``zipfile`` never yields more bytes from an entry than its directory
declares (and checks the CRC at the end), so checking the declared sizes bounds
what is actually decompressed.
"""

from __future__ import annotations

import json
import lzma
import re
import struct
import zipfile
import zlib
from typing import Any

from huedesk.archive.layout import ATTACHMENTS_DIR, IATI_FILE, MANIFEST
from huedesk.records.stored_files import MAX_BYTES

MAX_ENTRIES = 500_000
MAX_ENTRY = 2 * 1024**3  # one records file (100,000 records take about 100 MB)
MAX_TOTAL = 16 * 1024**3  # everything, attached files included
MAX_RATIO = 200  # uncompressed / compressed; real records files stay under 20
RATIO_FROM = 1024**2  # small entries may compress as well as they like
MAX_LINE = 64 * 1024**2  # one record as a line of JSON
MAX_DEPTH = 32  # records are flat objects; a manifest is 4 deep
MAX_MANIFEST = 64 * 1024**2
MAX_XML = 16 * 1024**2  # about 8,000 aid projects as IATI activities

# What reading a damaged ZIP may raise: a bad header or directory, a damaged or
# truncated compressed stream (zlib, bzip2, LZMA), an unknown compression method, an
# encrypted entry (RuntimeError: a password is required).
READ_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    struct.error,
    NotImplementedError,
    RuntimeError,
)

_UNSAFE_CHAR = re.compile(r"[\x00-\x1f\x7f\\:]")


class TooDeep(ValueError):
    """JSON nested deeper than ``MAX_DEPTH``."""


def unsafe_name(name: str) -> str | None:
    """Why ``name`` may not be an entry's name (``None`` when it may)."""
    if not name:
        return "empty name"
    if "\x00" in name:
        return "NUL byte in the name"
    if _UNSAFE_CHAR.search(name):
        return "control character, backslash or colon in the name"
    if name.startswith("/"):
        return "absolute path"
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts[:-1]) or parts[-1] in (".", ".."):
        return "'..', '.' or an empty folder in the path"
    return None


def _entry_limit(name: str) -> int:
    if name.startswith(f"{ATTACHMENTS_DIR}/"):
        return MAX_BYTES
    if name == MANIFEST:
        return MAX_MANIFEST
    if name == IATI_FILE:
        return MAX_XML
    return MAX_ENTRY


def entry_problems(zf: zipfile.ZipFile) -> list[tuple[str, str, str]]:
    """What is wrong with the entries of ``zf`` as its directory lists them: (entry, vi, en)."""
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        return [
            (
                "(zip)",
                f"có {len(infos)} mục, nhiều hơn {MAX_ENTRIES} mục cho phép",
                f"holds {len(infos)} entries, more than the {MAX_ENTRIES} allowed",
            )
        ]
    out: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    total = 0
    for info in infos:
        raw = info.orig_filename
        shown = raw.replace("\x00", "\\0")
        why = unsafe_name(raw)
        if why is not None:
            out.append((shown, f"tên mục không an toàn ({why})", f"unsafe entry name ({why})"))
            continue
        if info.filename in seen:
            out.append((shown, "tên mục bị trùng", "duplicate entry name"))
            continue
        seen.add(info.filename)
        total += info.file_size
        limit = _entry_limit(info.filename)
        if info.file_size > limit:
            out.append(
                (
                    shown,
                    f"lớn {info.file_size} byte, quá giới hạn {limit} byte",
                    f"is {info.file_size} bytes, over the limit of {limit} bytes",
                )
            )
        elif info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            out.append(
                (
                    shown,
                    f"nén quá mức ({info.file_size} byte từ {info.compress_size}): bom ZIP?",
                    f"compressed too far ({info.file_size} bytes from {info.compress_size}): "
                    "a ZIP bomb?",
                )
            )
    if total > MAX_TOTAL:
        out.append(
            (
                "(zip)",
                f"tổng cộng {total} byte khi giải nén, quá giới hạn {MAX_TOTAL}",
                f"{total} bytes in all when unpacked, over the limit of {MAX_TOTAL}",
            )
        )
    return out


def depth_ok(raw: bytes | str, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON text ``raw`` nests arrays and objects at most ``limit`` deep.

    Counting brackets is cheap (C code); only text with more opening brackets than
    ``limit`` is scanned, character by character outside strings.
    """
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if data.count(b"[") + data.count(b"{") <= limit:
        return True
    depth = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            if depth > limit:
                return False
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return True


def loads(raw: bytes | str, limit: int = MAX_DEPTH) -> Any:
    """``json.loads``, refusing text nested deeper than ``limit`` (``TooDeep``)."""
    if not depth_ok(raw, limit):
        raise TooDeep(f"nested more than {limit} deep")
    return json.loads(raw)
