"""argon2id password hashing (argon2-cffi's PasswordHasher defaults to argon2id)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# A hash of a random string, verified when the user does not exist so that timing does not
# reveal which usernames are real.
_DUMMY = _hasher.hash("không-có-người-dùng-này")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
