"""Real speech for the tests: `espeak-ng -v vi` in two voices, joined into one meeting recording."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import soundfile as sf

from appliance.text.wer import wer as text_wer

RATE = 16000
# (voice, pitch, sentence): two speakers taking turns, as in a short ward meeting.
SCRIPT = [
    ("vi", 40, "Hôm nay chúng ta họp giao ban về công tác vệ sinh môi trường."),
    ("vi+f3", 75, "Giao anh Hùng phòng kinh tế kiểm tra các điểm tập kết rác trước ngày năm tháng mười hai."),
    ("vi", 40, "Đề nghị chị Lan văn phòng gửi báo cáo trong tháng mười hai."),
    ("vi+f3", 75, "Cuộc họp kết thúc lúc mười giờ sáng."),
]


def synth(text: str, voice: str, pitch: int, out: Path) -> np.ndarray:
    subprocess.run(["espeak-ng", "-v", voice, "-p", str(pitch), "-s", "150", "-w", str(out), text], check=True)
    data, rate = sf.read(out, dtype="float32")
    if rate != RATE:  # espeak speaks at 22 050 Hz; the recorder and Whisper want 16 kHz
        idx = np.arange(0, len(data), rate / RATE)
        data = np.interp(idx, np.arange(len(data)), data).astype(np.float32)
    return np.asarray(data, dtype=np.float32)


def meeting_wav(folder: Path, script: list[tuple[str, int, str]] | None = None, gap_s: float = 0.6) -> \
        tuple[Path, str]:
    """(WAV path, reference transcript) of the scripted meeting."""
    path, reference, _spans = spoken_meeting(folder, script, gap_s)
    return path, reference


def spoken_meeting(folder: Path, script: list[tuple[str, int, str]] | None = None, gap_s: float = 0.6) -> \
        tuple[Path, str, list[tuple[float, float]]]:
    """(WAV path, reference transcript, (start, end) of each spoken line in seconds) of the scripted meeting."""
    folder.mkdir(parents=True, exist_ok=True)
    pieces, words, spans = [], [], []
    silence = np.zeros(int(RATE * gap_s), dtype=np.float32)
    at = 0
    for i, (voice, pitch, text) in enumerate(script or SCRIPT):
        speech = synth(text, voice, pitch, folder / f"line{i}.wav")
        voiced = np.flatnonzero(np.abs(speech) > 0.01)  # espeak pads its output with a little silence
        first, last = (int(voiced[0]), int(voiced[-1])) if len(voiced) else (0, len(speech))
        spans.append(((at + first) / RATE, (at + last) / RATE))
        pieces += [speech, silence]
        at += len(speech) + len(silence)
        words.append(text)
    out = folder / "meeting.wav"
    sf.write(out, np.concatenate(pieces), RATE, subtype="PCM_16")
    return out, " ".join(words), spans


def wer(reference: str, hypothesis: str, *, folded: bool = False) -> float:
    """Tone-aware word error rate (appliance.text.wer); `folded=True` for the lenient figure beside it."""
    return text_wer(reference, hypothesis, folded=folded)
