"""Export bundles encrypted with a passphrase, as AES ZIP files common tools open.

The format is the WinZip AES extension (AE-2, 256-bit keys) that 7-Zip, WinZip,
WinRAR and the Windows 11 archive tool read, written with ``pyzipper``. File
names inside the archive are not encrypted (a limitation of the ZIP format), so
bundles should not carry personal data in file names.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pyzipper

from huedesk.errors import HueDeskError

MIN_PASSPHRASE = 10


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase too short for a file that may travel by e-mail or USB stick."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise HueDeskError(
            f"Cụm mật khẩu phải có ít nhất {MIN_PASSPHRASE} ký tự.",
            f"The passphrase must have at least {MIN_PASSPHRASE} characters.",
        )


def _members(src: Path) -> Iterator[tuple[str, bytes]]:
    """(name in archive, content) for a folder, an existing (plain) ZIP bundle, or one file."""
    if src.is_dir():
        for path in sorted(p for p in src.rglob("*") if p.is_file()):
            yield path.relative_to(src).as_posix(), path.read_bytes()
    elif zipfile.is_zipfile(src):
        with zipfile.ZipFile(src) as plain:
            for info in plain.infolist():
                if not info.is_dir():
                    yield info.filename, plain.read(info)
    else:
        yield src.name, src.read_bytes()


def encrypt_zip(src: Path, dest: Path, passphrase: str) -> Path:
    """Write ``src`` (a folder, a ZIP bundle or a file) to ``dest`` as an AES-256 ZIP.

    ``dest`` appears only when complete (written to a temporary file, then renamed).
    """
    src, dest = Path(src), Path(dest)
    check_passphrase(passphrase)
    if not src.exists():
        raise HueDeskError(f"Không có {src}.", f"{src} does not exist.")
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with pyzipper.AESZipFile(
            tmp, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
        ) as out:
            out.setpassword(passphrase.encode("utf-8"))
            out.setencryption(pyzipper.WZ_AES, nbits=256)
            for name, data in _members(src):
                out.writestr(name, data)
        os.replace(tmp, dest)
    except OSError as exc:
        raise HueDeskError(
            f"Không ghi được {dest} ({exc.strerror or exc}).",
            f"Cannot write {dest} ({exc.strerror or exc}).",
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def read_encrypted(path: Path, passphrase: str) -> dict[str, bytes]:
    """Every member of an AES ZIP (for checks and tests); a wrong passphrase is a clear error."""
    try:
        with pyzipper.AESZipFile(path) as zf:
            zf.setpassword(passphrase.encode("utf-8"))
            return {name: zf.read(name) for name in zf.namelist()}
    except RuntimeError as exc:
        raise HueDeskError(
            "Sai cụm mật khẩu của tệp nén.", "Wrong passphrase for the archive."
        ) from exc
