"""Password hashing with argon2id, a memory-hard function (RFC 9106).

The parameters are argon2-cffi's defaults (RFC 9106 "low memory" profile: 64 MiB,
3 passes, 4 lanes), about 50 ms on an office laptop: slow for someone guessing
from a stolen file, unnoticeable at sign-in. Hashes carry their parameters, so
raising them later only means rehashing at the next successful sign-in.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from huedesk.errors import HueDeskError

MIN_LENGTH = 8
_hasher = PasswordHasher()


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
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash`` (never raises for a wrong password)."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(stored_hash)
