"""Meeting processing: live transcription of each closed segment, and at stop the whole-meeting
steps (diarization, speaker alignment, minutes, tasks). Every step is idempotent: the job queue
re-runs a step interrupted by a crash."""

from __future__ import annotations

import logging
import re
import sqlite3
import subprocess
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import soundfile as sf

from appliance import engines
from appliance.config import Settings
from appliance.engines.voiceprint import voice_encoder
from appliance.meetings import store
from appliance.meetings.rows import MeetingRow, NewLine
from appliance.meetings.sources import ffmpeg_decode_cmd
from appliance.meetings.voices import name_speakers
from appliance.meetings.wavfile import wav_frames
from appliance.text import normalize

log = logging.getLogger(__name__)
RECORDER_GRACE_S = 10.0  # a recorder silent this long is presumed dead; its files are repaired for it
NO_MODEL = "Chưa cài mô hình chép lời: âm thanh đã được lưu, sẽ chép lời khi có mô hình."
# Speakers are found from the audio alone, so an upload's diarization runs here while Whisper transcribes:
# a beam-search decode leaves part of the 2 cores idle (bench, session 18). One at a time: a second job's
# early diarization waits rather than taking a third share of the CPU.
_EARLY = ThreadPoolExecutor(max_workers=1, thread_name_prefix="meetings-diarize")


@dataclass(frozen=True)
class EarlyTurns:
    """Turns being found in the background for `wav` with at most `max_speakers` voices."""

    wav: Path
    max_speakers: int | None
    turns: Future[list[engines.Turn]]
    took: list[float] = field(default_factory=list)  # the diarizer's own wall seconds, once it has finished


def _previous_text(conn: sqlite3.Connection, meeting_id: int, before: float) -> str | None:
    text = " ".join(store.texts_before(conn, meeting_id, before, 3)).strip()
    return text[-200:] or None


def transcribe_audio(conn: sqlite3.Connection, settings: Settings, audio_id: int) -> int | None:
    """Transcribe one indexed audio file onto the meeting timeline. Returns lines added, None without a model."""
    row = store.get_audio(conn, audio_id)
    if row is None or row["transcribed"]:
        return 0
    model = engines.engine(settings, "transcriber")
    if model is None:
        store.say_while_recording(conn, row["meeting_id"], NO_MODEL)
        return None
    prompt = _previous_text(conn, row["meeting_id"], row["start_s"])
    segments = model.transcribe(settings.data_dir / row["path"], language="vi", vad=True, initial_prompt=prompt)
    offset = float(row["start_s"])
    lines = [NewLine(offset + seg.start, offset + seg.end, text, audio_id=audio_id)
             for seg in segments if (text := normalize(seg.text).strip())]
    return store.mark_transcribed(conn, row, lines, model.name)


def final_pass(conn: sqlite3.Connection, settings: Settings, meeting_id: int) -> bool:
    """After a live meeting: transcribe the whole recording once and replace the live captions.

    Whisper reads 30 s windows, so 10 s live segments cost about 3× and lose words at the cuts
    (bench: WER 0.70 live vs 0.51 whole-file). The captions did their job during the meeting; the
    biên bản gets the better text. Skipped when a person already edited a caption (their edit wins)."""
    rows = store.audio_rows(conn, meeting_id)
    if len(rows) < 2:
        return False
    if store.has_edited_lines(conn, meeting_id):
        return False
    model = engines.engine(settings, "transcriber")
    wav = whole_meeting_wav(conn, settings, meeting_id)
    if model is None or wav is None:
        return False
    segments = model.transcribe(wav, language="vi", vad=True)
    lines = [NewLine(seg.start, seg.end, text) for seg in segments if (text := normalize(seg.text).strip())]
    if not lines:  # a pass that heard nothing must not wipe the captions the meeting already has
        log.warning("meeting %s: the whole-recording pass gave no text; the live captions are kept", meeting_id)
        return False
    store.replace_lines(conn, meeting_id, lines)
    return True


def decode_upload(src: Path, dest: Path, timeout_s: float | None = None) -> None:
    """Whatever audio ffmpeg reads (WAV/FLAC/MP3/M4A/OGG) → 16 kHz mono 16-bit WAV."""
    cmd = ffmpeg_decode_cmd(str(src))
    cmd[cmd.index("-f"):] = ["-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-y", str(dest)]
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        raise ValueError(f"Giải mã tệp âm thanh quá {timeout_s:g} giây nên đã dừng; tệp có thể bị hỏng.") from None
    if done.returncode != 0 or not dest.exists():
        raise ValueError("Không đọc được tệp âm thanh (định dạng hỗ trợ: WAV, FLAC, MP3, M4A, OGG): "
                         + done.stderr.strip()[-300:])


def whole_meeting_wav(conn: sqlite3.Connection, settings: Settings, meeting_id: int) -> Path | None:
    """One file for the whole meeting (diarization needs the voices side by side)."""
    rows = store.audio_rows(conn, meeting_id)
    if not rows:
        return None
    if len(rows) == 1:
        return settings.data_dir / rows[0]["path"]
    out = store.meeting_dir(settings, meeting_id) / "meeting.wav"
    rate = int(rows[0]["sample_rate"])
    with sf.SoundFile(out, "w", samplerate=rate, channels=1, subtype="PCM_16") as sink:
        for row in rows:
            data, _ = sf.read(settings.data_dir / row["path"], dtype="int16", always_2d=True)
            sink.write(data.mean(axis=1).astype(np.int16) if data.shape[1] > 1 else data[:, 0])
    return out


def align_speakers(segments: list[tuple[int, float, float]], turns: list[engines.Turn]) -> dict[int, str]:
    """Each transcript line takes the speaker whose turns overlap it most (nearest turn if none do)."""
    labels: dict[int, str] = {}
    for seg_id, start, end in segments:
        best, best_overlap = None, 0.0
        for turn in turns:
            overlap = min(end, turn.end) - max(start, turn.start)
            if overlap > best_overlap:
                best, best_overlap = turn.speaker, overlap
        if best is None and turns:
            mid = (start + end) / 2
            best = min(turns, key=lambda t: min(abs(t.start - mid), abs(t.end - mid))).speaker
        labels[seg_id] = best or "SPEAKER_00"
    return labels


def _max_speakers(conn: sqlite3.Connection, meeting_id: int) -> int | None:
    """The attendees the secretary confirmed bound the number of voices (some may not speak)."""
    meeting = store.get_meeting(conn, meeting_id)
    return (attendee_count(meeting["attendees"]) if meeting else 0) or None


def start_diarization(conn: sqlite3.Connection, settings: Settings, meeting_id: int) -> EarlyTurns | None:
    """Begin diarizing a one-file meeting (an upload) in the background, before its transcription; None
    when that cannot help (several files are joined into one first; no transcriber or no diarizer)."""
    rows = store.audio_rows(conn, meeting_id)
    if len(rows) != 1 or engines.engine(settings, "transcriber") is None:
        return None
    model = engines.engine(settings, "diarizer")
    wav = whole_meeting_wav(conn, settings, meeting_id)
    if model is None or wav is None:
        return None
    max_speakers = _max_speakers(conn, meeting_id)
    took: list[float] = []

    def timed() -> list[engines.Turn]:
        started = time.perf_counter()
        try:
            return list(model.diarize(wav, max_speakers=max_speakers))
        finally:
            took.append(round(time.perf_counter() - started, 3))

    return EarlyTurns(wav, max_speakers, _EARLY.submit(timed), took)


def diarize_meeting(conn: sqlite3.Connection, settings: Settings, meeting_id: int,
                    early: EarlyTurns | None = None) -> str:
    """Speakers of the transcript lines (`early`: the turns `start_diarization` began finding)."""
    rows = store.segment_rows(conn, meeting_id)
    # Lines whose speaker a person chose keep it; so do all lines when there is no audio to listen to.
    kept = {r["id"]: r["speaker"] for r in rows if r["speaker"] and r["edited_at"]}
    lines = [(r["id"], r["start"], r["end"]) for r in rows]
    model = engines.engine(settings, "diarizer")
    wav = whole_meeting_wav(conn, settings, meeting_id)
    turns: list[engines.Turn] = []
    engine = "một người nói (chưa có mô hình phân biệt người nói)"
    if model is not None and wav is not None and lines:
        max_speakers = _max_speakers(conn, meeting_id)
        if early is not None and early.wav == wav and early.max_speakers == max_speakers:
            turns = list(early.turns.result())
        else:  # none began, or the attendee list changed meanwhile
            turns = list(model.diarize(wav, max_speakers=max_speakers))
        engine = model.name
    if not turns:
        kept.update({r["id"]: r["speaker"] for r in rows if r["speaker"]})
    labels = align_speakers(lines, turns) | kept
    order: list[str] = []
    for seg_id, _s, _e in sorted(lines, key=lambda x: x[1]):
        if labels[seg_id] not in order:
            order.append(labels[seg_id])
    store.set_line_speakers(conn, meeting_id, labels, order)
    if wav is not None and turns:
        name_speakers(conn, meeting_id, wav, turns, encoder=voice_encoder(settings))
    store.update_meeting(conn, meeting_id, {"diarizer": engine})
    return engine


def attendee_count(attendees: str) -> int:
    """People in the attendee list: one per line or separated by ";" (then a comma belongs to a unit's
    name, "Phòng Kinh tế, Hạ tầng và Đô thị"), else separated by commas."""
    text = attendees or ""
    parts = re.split(r"[\n;]+", text) if re.search(r"[\n;]", text) else text.split(",")
    return len([p for p in parts if p.strip(" -.")])


def recorder_done(conn: sqlite3.Connection, settings: Settings, meeting: MeetingRow) -> bool:
    """True once no live recorder still holds this meeting's last segment (repairing for a dead one)."""
    if meeting["source"] != "live" or meeting["recorder_closed"]:
        return True
    seen = meeting["recorder_seen_at"]
    if seen is not None and time.time() - float(seen) < RECORDER_GRACE_S:
        return False
    store.repair_meeting_dir(conn, settings, meeting["id"])
    store.mark_recorder_closed(conn, meeting["id"])
    return True


def check_duration(conn: sqlite3.Connection, settings: Settings, meeting_id: int) -> float:
    total = sum(wav_frames(settings.data_dir / r["path"]).duration_s for r in store.audio_rows(conn, meeting_id))
    store.update_meeting(conn, meeting_id, {"duration_s": total})
    return total
