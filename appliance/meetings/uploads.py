"""Guards on audio people upload (a meeting recording, a voice sample), before anything is queued.

The size is checked while the file is copied (a 2 GB file used to be copied whole and only then
refused, and stayed on disk), and the audio is decoded for a few seconds before a meeting is
created: an empty, random or text file is refused at once with a Vietnamese reason instead of
sitting "Đang xử lý" forever.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import BinaryIO

from appliance.meetings.sources import ffmpeg_decode_cmd
from appliance.text import format_number

CHUNK = 1 << 20
PROBE_SECONDS = 10
PROBE_TIMEOUT_S = 60
MIN_AUDIO_SECONDS = 0.1
FORMATS = "WAV, FLAC, MP3, M4A hoặc OGG"


class UploadRefused(Exception):
    """An upload we will not keep; `status` 413 or 422, `message` Vietnamese."""

    def __init__(self, status: int, message: str, code: str):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


def save_limited(source: BinaryIO, dest: Path, max_bytes: int) -> int:
    """Copy `source` to `dest`, stopping (and removing `dest`) as soon as it passes `max_bytes`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    try:
        with dest.open("wb") as out:
            while block := source.read(CHUNK):
                size += len(block)
                if size > max_bytes:
                    raise UploadRefused(413, f"Tệp ghi âm quá lớn (tối đa {format_number(max_bytes / 1024**2)} MB). "
                                             "Hãy chia bản ghi thành nhiều phần.", "too_large")
                out.write(block)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    if size == 0:
        dest.unlink(missing_ok=True)
        raise UploadRefused(422, "Tệp ghi âm rỗng (0 byte). Hãy chọn lại tệp.", "empty")
    return size


def probe_audio(path: Path, timeout_s: float = PROBE_TIMEOUT_S) -> float:
    """Seconds of audio decoded from the start of `path` (at most PROBE_SECONDS); UploadRefused when
    ffmpeg cannot read it as audio."""
    cmd = ffmpeg_decode_cmd(str(path))
    cmd[cmd.index("-i"):cmd.index("-i")] = ["-t", str(PROBE_SECONDS)]
    try:
        done = subprocess.run(cmd, capture_output=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        raise UploadRefused(422, f"Không đọc được tệp âm thanh sau {timeout_s:g} giây: tệp có thể bị hỏng. "
                                 f"Hãy dùng tệp {FORMATS}.", "undecodable") from None
    seconds = len(done.stdout) / (2 * 16000)  # 16-bit mono at 16 kHz
    if done.returncode != 0 or seconds < MIN_AUDIO_SECONDS:
        raise UploadRefused(422, f"Tệp này không phải âm thanh đọc được (hoặc không có tiếng). Hãy chọn tệp ghi âm "
                                 f"{FORMATS}.", "undecodable")
    return seconds


def move_into_place(staged: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(staged), dest)
