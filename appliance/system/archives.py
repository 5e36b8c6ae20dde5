"""A guard for ZIP-based office files (DOCX, XLSX, ODT) before any parser opens them.

A 184 KB DOCX can hold 60 MB of XML and a 409 KB XLSX one 400 MB shared string: the parsers
(python-docx, openpyxl) load such parts whole. `check_archive` reads only the ZIP directory
and refuses the file when the entries, their total uncompressed size or any entry's
compression ratio pass the limits. The declared sizes can be trusted for what follows:
Python's zipfile stops at an entry's declared size and fails its CRC if the data goes on, and
every parser here reads through zipfile.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from appliance.text import format_number

# Real files, measured: a 100-page decree as DOCX unpacks to ~3 MB (ratio < 10); a 100,000-row
# records export as XLSX to ~60 MB (sheet XML compresses ~15×). The limits leave wide room.
MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_RATIO = 100  # uncompressed / compressed, per entry
RATIO_FLOOR = 1024 * 1024  # entries smaller than this unpacked are never judged by ratio


class ArchiveRefused(ValueError):
    """The file is not a sane ZIP archive; the message is Vietnamese, for the person who sent it."""


@dataclass(frozen=True)
class ArchiveLimits:
    max_uncompressed: int = MAX_UNCOMPRESSED
    max_entries: int = MAX_ENTRIES
    max_ratio: float = MAX_RATIO


def check_archive(source: bytes | Path, name: str, limits: ArchiveLimits | None = None) -> None:
    """Raise ArchiveRefused unless `source` (bytes or a path) is a ZIP within `limits`."""
    limits = limits or ArchiveLimits()
    handle = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ArchiveRefused(f"Tệp “{name}” bị hỏng hoặc không phải tệp Office hợp lệ. "
                             "Hãy mở bằng Word/Excel và lưu lại rồi gửi lại.") from exc
    if len(infos) > limits.max_entries:
        raise ArchiveRefused(f"Tệp “{name}” chứa quá nhiều thành phần ({format_number(len(infos))}, tối đa "
                             f"{format_number(limits.max_entries)}): đây không phải tệp văn bản thông thường "
                             "nên không được xử lý.")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ArchiveRefused(f"Tệp “{name}” được mã hóa bằng mật khẩu. Hãy bỏ mật khẩu rồi gửi lại.")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ArchiveRefused(
                f"Tệp “{name}” có thành phần nén bất thường (giải nén lớn gấp "
                f"{format_number(info.file_size // max(info.compress_size, 1))} lần; tối đa "
                f"{format_number(limits.max_ratio)} lần): có thể là tệp độc hại (“bom nén”) nên không được xử lý.")
    if total > limits.max_uncompressed:
        raise ArchiveRefused(
            f"Tệp “{name}” khi giải nén quá lớn ({total // 1024 // 1024} MB; tối đa "
            f"{limits.max_uncompressed // 1024 // 1024} MB). Hãy chia thành nhiều tệp nhỏ hơn.")
