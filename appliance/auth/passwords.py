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


# Passwords people choose (setup, the wizard, a reset): long enough to resist guessing over the
# LAN's login limits, not a word of the product, not the user name. No password is ever a default.
MIN_LENGTH = 10
_WEAK = ("matkhau", "password", "123456", "admin", "quantri", "appliance", "phuong", "ubnd", "qwerty")


def password_problems(password: str, username: str = "") -> list[str]:
    """Why `password` may not be used, in Vietnamese ([] when it may)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.")
    kinds = sum(any(test(ch) for ch in password) for test in (str.islower, str.isupper, str.isdigit,
                                                               lambda ch: not ch.isalnum()))
    if kinds < 3:
        problems.append("Mật khẩu cần ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký hiệu.")
    lowered = password.lower()
    if username and username.lower() in lowered:
        problems.append("Mật khẩu không được chứa tên đăng nhập.")
    if any(word in lowered for word in _WEAK) or lowered.endswith("-demo"):
        problems.append("Mật khẩu quá dễ đoán (chứa từ thông dụng hoặc mật khẩu mẫu).")
    if len(set(password)) < 5:
        problems.append("Mật khẩu lặp lại quá ít ký tự khác nhau.")
    return problems
