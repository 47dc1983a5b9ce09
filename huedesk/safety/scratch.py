"""Private scratch folders for work in progress, under the data folder, cleared at next start.

An export gathers its files before it packs them, an import unpacks attachments
before verification has passed, a backup copies files before it is complete.
None of that may land anywhere a person or another program would take for a
result, nor stay behind when HueDesk is killed: it goes into
``<data folder>/<database>-tmp/<purpose>-<host>-<pid>-<random>/`` (readable by
the user only), which is removed when the work ends, and a folder whose process
no longer runs is removed the next time the database is opened
(``clear_leftovers``). When the data folder cannot be written (a database opened
read-only), the user's own cache folder takes its place. A file that must be written elsewhere before it takes its
final name (an export to a USB drive: a rename cannot cross drives) is noted in
its folder first, so a leftover of it is removed too.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from huedesk.paths import scratch_dir, spare_scratch_dir
from huedesk.safety.applock import pid_alive, start_ticks, this_host

_OWNER = "owner.json"


@dataclass
class Scratch:
    """One scratch folder: ``path`` to work in; ``outgoing`` notes files written elsewhere."""

    path: Path
    outgoing: list[str] = field(default_factory=list)

    def _save(self) -> None:
        owner = {
            "host": this_host(),
            "pid": os.getpid(),
            "ticks": start_ticks(os.getpid()),
            "outgoing": self.outgoing,
        }
        tmp = self.path / f"{_OWNER}.new"
        tmp.write_text(json.dumps(owner), encoding="utf-8")
        os.replace(tmp, self.path / _OWNER)

    def note_outgoing(self, path: Path) -> None:
        """``path`` (outside the data folder) is about to be written: remove it if we die."""
        self.outgoing.append(str(path))
        self._save()


@contextlib.contextmanager
def scratch(db_path: Path, purpose: str) -> Iterator[Scratch]:
    """A private folder for one piece of work, removed with everything in it afterwards."""
    _clear(spare_scratch_dir())  # leftovers of work killed while a database was read-only
    root = _writable_root(db_path)
    folder = Path(tempfile.mkdtemp(prefix=f"{purpose}-{this_host()}-{os.getpid()}-", dir=root))
    work = Scratch(folder)
    work._save()
    try:
        yield work
    finally:
        for leftover in work.outgoing:  # renamed into place on success: then already gone
            with contextlib.suppress(OSError):
                Path(leftover).unlink()
        shutil.rmtree(folder, ignore_errors=True)


def _writable_root(db_path: Path) -> Path:
    """The data folder's scratch folder, or the user's own when the data folder is read-only."""
    for root in (scratch_dir(db_path), spare_scratch_dir()):
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        with contextlib.suppress(OSError):
            os.chmod(root, 0o700)
        if os.access(root, os.W_OK):
            return root
    return scratch_dir(db_path)  # mkdtemp then says why in the words of the file system


def _abandoned(folder: Path) -> bool:
    try:
        owner = json.loads((folder / _OWNER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True  # never finished being set up, or not ours
    if owner.get("host") != this_host():
        return False  # another computer's work on a shared folder: not ours to judge
    pid = int(owner.get("pid", 0))
    if not pid_alive(pid):
        return True
    ticks = owner.get("ticks")
    return ticks is not None and start_ticks(pid) not in (None, ticks)  # pid reused


def clear_leftovers(db_path: Path) -> list[Path]:
    """Remove the scratch folders of work that ended without cleaning up; returns them.

    The data folder's are looked at here; the user's own (used while a database was
    open read-only) when the next piece of work starts (``scratch``), so opening a
    database does not pay for finding the user's cache folder.
    """
    return _clear(scratch_dir(db_path))


def _clear(root: Path) -> list[Path]:
    removed: list[Path] = []
    if root.is_dir() and os.access(root, os.W_OK):
        for folder in root.iterdir():
            if not folder.is_dir() or not _abandoned(folder):
                continue
            with contextlib.suppress(OSError, ValueError):
                owner = json.loads((folder / _OWNER).read_text(encoding="utf-8"))
                for leftover in owner.get("outgoing", []):
                    with contextlib.suppress(OSError):
                        Path(leftover).unlink()
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed
