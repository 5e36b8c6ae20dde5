"""Crash-safe WAV segments.

A segment is written as `<name>.wav.part`: samples go straight to the kernel with os.write
(nothing waits in a Python buffer, so `kill -9` loses at most the chunk being read), the header
is rewritten with the true sizes and the file fdatasync'd every `sync_seconds` of audio, and on
close the file is fsync'd, renamed to `<name>.wav` and the directory fsync'd. A `.part` left by a
crash (or a power cut) is repaired from its size: whole frames kept, header rewritten.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

HEADER_BYTES = 44
SAMPLE_WIDTH = 2  # 16-bit PCM: what USB speakerphones deliver


def wav_header(data_bytes: int, rate: int, channels: int) -> bytes:
    block = channels * SAMPLE_WIDTH
    return (b"RIFF" + struct.pack("<I", 36 + data_bytes) + b"WAVE"
            + b"fmt " + struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block, block, 8 * SAMPLE_WIDTH)
            + b"data" + struct.pack("<I", data_bytes))


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class ClosedSegment:
    path: Path
    frames: int
    rate: int
    channels: int

    @property
    def duration_s(self) -> float:
        return self.frames / self.rate


class SegmentWriter:
    """One segment file being written. Not thread-safe; one recorder owns it."""

    def __init__(self, final_path: Path, rate: int, channels: int, sync_seconds: float = 1.0):
        self.final_path = final_path
        self.part_path = final_path.with_name(final_path.name + ".part")
        self.rate, self.channels = rate, channels
        self.frames = 0
        self._sync_every = max(1, int(rate * sync_seconds))
        self._since_sync = 0
        final_path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self.part_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
        os.write(self._fd, wav_header(0, rate, channels))
        fsync_dir(final_path.parent)  # the .part itself must survive a power cut to be repaired

    def write(self, pcm: bytes) -> None:
        block = self.channels * SAMPLE_WIDTH
        if len(pcm) % block:
            pcm = pcm[: len(pcm) - len(pcm) % block]
        view = memoryview(pcm)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        frames = len(pcm) // block
        self.frames += frames
        self._since_sync += frames
        if self._since_sync >= self._sync_every:
            self.sync()

    def sync(self) -> None:
        os.pwrite(self._fd, wav_header(self.frames * self.channels * SAMPLE_WIDTH, self.rate, self.channels), 0)
        os.fdatasync(self._fd)
        self._since_sync = 0

    def close(self) -> ClosedSegment:
        self.sync()
        os.fsync(self._fd)
        os.close(self._fd)
        os.rename(self.part_path, self.final_path)
        fsync_dir(self.final_path.parent)
        return ClosedSegment(self.final_path, self.frames, self.rate, self.channels)

    def abandon(self) -> None:
        os.close(self._fd)


def read_format(path: Path) -> tuple[int, int]:
    """(rate, channels) from a header we wrote; the fmt chunk is always at the same place."""
    with open(path, "rb") as handle:
        head = handle.read(HEADER_BYTES)
    if len(head) < HEADER_BYTES or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise ValueError(f"không phải tệp WAV hợp lệ: {path}")
    _size, _fmt, channels, rate = struct.unpack("<IHHI", head[16:28])
    return rate, channels


def repair_part(part_path: Path) -> ClosedSegment | None:
    """Turn a crashed `.part` into a decodable segment; None (and the file removed) if it holds no audio."""
    final_path = part_path.with_name(part_path.name.removesuffix(".part"))
    try:
        rate, channels = read_format(part_path)
    except (ValueError, OSError):
        part_path.unlink(missing_ok=True)  # a header never reached the disk: there is no audio either
        return None
    block = channels * SAMPLE_WIDTH
    size = part_path.stat().st_size
    data = max(0, size - HEADER_BYTES)
    data -= data % block
    if data == 0:
        part_path.unlink(missing_ok=True)
        return None
    fd = os.open(part_path, os.O_RDWR)
    try:
        os.ftruncate(fd, HEADER_BYTES + data)
        os.pwrite(fd, wav_header(data, rate, channels), 0)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.rename(part_path, final_path)
    fsync_dir(final_path.parent)
    return ClosedSegment(final_path, data // block, rate, channels)


def wav_frames(path: Path) -> ClosedSegment:
    """A closed segment's size, from the file (the header of a file we closed is exact)."""
    rate, channels = read_format(path)
    data = max(0, path.stat().st_size - HEADER_BYTES)
    return ClosedSegment(path, data // (channels * SAMPLE_WIDTH), rate, channels)
