"""Where an attached file's copy lives: a name derived from its content, never given.

An attachment's copy is ``<attachments folder>/<sha256[:2]>/<sha256><suffix>``.
The name is worked out here from the SHA-256 (and a short, plain suffix taken
from the original file name), for every attachment row however it is written:
``validate`` derives ``stored_name`` itself and refuses one given by a user, a
form or a bundle. ``stored_path`` is the only way from a stored name to a path:
it accepts nothing but that form (two hex digits, a slash, the 64-digit hash
starting with them, a suffix without separators), so no row, however it got into
the database, can make HueDesk read or delete a file outside the attachments
folder.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SHA256 = re.compile(r"^[0-9a-f]{64}$")
# The largest file HueDesk keeps (attaching one, or importing one from a bundle).
MAX_BYTES = 512 * 1024 * 1024
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,10}$")
# Names made by earlier versions kept the file name's suffix as it was (any letters).
_STORED = re.compile(r"^([0-9a-f]{2})/\1[0-9a-f]{62}(\.[^./\\:\x00-\x1f\x7f]{1,20})?$")


class OutsideAttachments(ValueError):
    """A stored name that is not a content address inside the attachments folder."""


def suffix_of(filename: str) -> str:
    """The suffix a copy keeps (``.pdf``), or ``""`` when the name has no plain one."""
    dot = filename.rfind(".")
    suffix = filename[dot:].lower() if dot > 0 else ""
    return suffix if _SUFFIX.match(suffix) else ""


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file at ``path`` (lower-case hex), read in 1 MB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def stored_name(sha256: str, filename: str) -> str:
    """The stored name of a file with this SHA-256 (lower-case hex) and original name."""
    if not SHA256.match(sha256):
        raise ValueError(f"not a SHA-256: {sha256!r}")
    return f"{sha256[:2]}/{sha256}{suffix_of(filename)}"


def is_stored_name(name: str) -> bool:
    """Whether ``name`` is a content address (as ``stored_name`` makes them)."""
    return isinstance(name, str) and _STORED.match(name) is not None


def stored_path(folder: Path, name: str) -> Path:
    """The path of the copy named ``name`` inside ``folder``; refused for any other name."""
    if not is_stored_name(name):
        raise OutsideAttachments(f"not a stored attachment name: {name!r}")
    return folder / name


def sha_of_name(name: str) -> str:
    """The SHA-256 a stored name is derived from."""
    if not is_stored_name(name):
        raise OutsideAttachments(f"not a stored attachment name: {name!r}")
    return name[3:67]
