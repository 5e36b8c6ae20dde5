"""Where the recorder's audio comes from. A source yields raw 16-bit little-endian PCM chunks.

- `alsa:<pcm>` — a speakerphone through ALSA (`arecord`, from alsa-utils), e.g. `alsa:plughw:CARD=Speak510`
- `fifo:<path>` — raw PCM from a named pipe (PipeWire `pw-record`, or the test device simulator)
- `file:<path>?speed=4` — any audio file decoded by ffmpeg, paced at `speed`× real time (0 = flat out);
  used for rehearsals and tests that must run faster than real time

Options after `?`: `rate` (default 16000), `channels` (default 1), `speed`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from typing import IO, Protocol
from urllib.parse import parse_qs

from appliance.meetings.wavfile import SAMPLE_WIDTH

CHUNK_SECONDS = 0.05  # what one read may hold: a kill -9 loses at most this much


class AudioSource(Protocol):
    rate: int
    channels: int
    description: str

    def read(self) -> bytes | None:
        """The next chunk (about CHUNK_SECONDS), or None when the source has ended."""
        ...

    def close(self) -> None: ...


@dataclass
class SourceSpec:
    kind: str
    target: str
    rate: int = 16000
    channels: int = 1
    speed: float = 1.0


def parse_spec(spec: str) -> SourceSpec:
    kind, _, rest = spec.partition(":")
    if kind not in ("alsa", "fifo", "file") or not rest:
        raise ValueError(f"Nguồn âm thanh không hợp lệ: {spec!r} (dùng alsa:<thiết bị>, fifo:<đường dẫn> "
                         "hoặc file:<tệp>)")
    target, _, query = rest.partition("?")
    opts = {k: v[-1] for k, v in parse_qs(query).items()}
    return SourceSpec(kind, target, int(opts.get("rate", 16000)), int(opts.get("channels", 1)),
                      float(opts.get("speed", 1.0)))


def _read_exact(stream: IO[bytes], size: int) -> bytes | None:
    parts, got = [], 0
    while got < size:
        chunk = stream.read(size - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    data = b"".join(parts)
    return data or None


class PipeSource:
    """Raw PCM from a stream: a FIFO, or the stdout of arecord/ffmpeg."""

    def __init__(self, stream: IO[bytes], rate: int, channels: int, description: str,
                 proc: subprocess.Popen[bytes] | None = None, speed: float = 0.0):
        self.stream, self.rate, self.channels, self.description = stream, rate, channels, description
        self.proc, self.speed = proc, speed
        self._chunk = int(rate * CHUNK_SECONDS) * channels * SAMPLE_WIDTH
        self._frames = 0
        self._started = time.monotonic()

    def read(self) -> bytes | None:
        data = _read_exact(self.stream, self._chunk)
        if data is None:
            return None
        self._frames += len(data) // (self.channels * SAMPLE_WIDTH)
        if self.speed > 0:  # pace a file like a live device, `speed` times faster
            ahead = self._frames / self.rate / self.speed - (time.monotonic() - self._started)
            if ahead > 0:
                time.sleep(ahead)
        return data

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.stream.close()


def ffmpeg_decode_cmd(path: str, rate: int = 16000, channels: int = 1) -> list[str]:
    return ["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "s16le", "-acodec", "pcm_s16le",
            "-ac", str(channels), "-ar", str(rate), "-"]


def open_source(spec: str) -> AudioSource:
    s = parse_spec(spec)
    if s.kind == "fifo":
        # Opening blocks until the producer is there, like waiting for a device to appear.
        stream = open(s.target, "rb", buffering=0)  # noqa: SIM115 - closed by PipeSource.close
        return PipeSource(stream, s.rate, s.channels, f"fifo {s.target}")
    if s.kind == "file":
        if not os.path.exists(s.target):
            raise FileNotFoundError(f"Không tìm thấy tệp âm thanh {s.target}")
        # stderr muted: a rehearsal stopped before the end of the file makes ffmpeg report a broken pipe.
        proc = subprocess.Popen(ffmpeg_decode_cmd(s.target, s.rate, s.channels), stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        assert proc.stdout is not None
        return PipeSource(proc.stdout, s.rate, s.channels, f"file {s.target}", proc, s.speed)
    arecord = shutil.which("arecord")
    if arecord is None:
        raise FileNotFoundError("Thiếu lệnh arecord: cài gói alsa-utils (vai trò Ansible `audio` cài sẵn).")
    proc = subprocess.Popen([arecord, "-q", "-D", s.target, "-f", "S16_LE", "-r", str(s.rate), "-c",
                             str(s.channels), "-t", "raw"], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    return PipeSource(proc.stdout, s.rate, s.channels, f"alsa {s.target}", proc)
