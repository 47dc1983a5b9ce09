"""Password hashing with argon2id, a memory-hard function (RFC 9106).

The parameters are argon2-cffi's defaults (RFC 9106 "low memory" profile: 64 MiB,
3 passes, 4 lanes), about 50 ms on an office laptop: slow for someone guessing
from a stolen file, unnoticeable at sign-in. Hashes carry their parameters, so
raising them later only means rehashing at the next successful sign-in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from huedesk.errors import HueDeskError

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 8
# Made on first use: a command on a database without accounts never loads argon2.
_hasher: PasswordHasher | None = None


def _the_hasher() -> PasswordHasher:
    global _hasher
    if _hasher is None:
        from argon2 import PasswordHasher

        _hasher = PasswordHasher()
    return _hasher


def check_strength(password: str) -> None:
    """Refuse passwords too short to resist guessing."""
    if len(password) < MIN_LENGTH:
        raise HueDeskError(
            f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.",
            f"The password must have at least {MIN_LENGTH} characters.",
        )


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (after checking its length)."""
    check_strength(password)
    return _the_hasher().hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash`` (never raises for a wrong password)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _the_hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    return _the_hasher().check_needs_rehash(stored_hash)
