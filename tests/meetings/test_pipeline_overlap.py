"""Session 18, the upload pipeline's overhead over bare transcription: the speakers are found while Whisper
works, the biên bản's sentences are embedded while the diarizer finishes, and a 16-bit mono WAV is read
without PyAV. Each is work moved or spared, never changed: same turns, same vectors, same samples."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import soundfile as sf

from appliance.engines import Turn
from appliance.engines.audio_io import load_audio
from appliance.engines.base import Segment
from appliance.engines.registry import Registry, reset_registry
from appliance.meetings import pipeline, store, topics
from appliance.meetings.minutes_build import embed_ahead
from appliance.meetings.wavfile import wav_frames

TURNS = [Turn(0.0, 1.0, "Người nói 1"), Turn(1.0, 2.0, "Người nói 2")]


class WaitingTranscriber:
    """Transcribes only once the diarizer has started: proof that the two overlap (else it times out)."""

    name = "waiting"

    def __init__(self, started: threading.Event):
        self.started = started
        self.overlapped = False

    def transcribe(self, audio: object, **_options: object) -> list[Segment]:
        self.overlapped = self.started.wait(timeout=10)
        return [Segment(0.1, 0.9, "Khai mạc cuộc họp."), Segment(1.1, 1.9, "Giao anh Hùng kiểm tra.")]


class CountingDiarizer:
    name = "counting"

    def __init__(self) -> None:
        self.started = threading.Event()
        self.calls: list[int | None] = []

    def diarize(self, audio: object, *, num_speakers: int | None = None,
                max_speakers: int | None = None) -> list[Turn]:
        self.calls.append(max_speakers)
        self.started.set()
        return TURNS


class CountingEmbedder:
    name = "counting-e5"
    dimension = 4

    def __init__(self) -> None:
        self.texts: list[str] = []

    def embed(self, texts, *, kind="passage"):
        self.texts += list(texts)
        return np.ones((len(texts), self.dimension), dtype=np.float32) / 2


def upload(conn, settings) -> int:
    mid = store.create_meeting(conn, "Giao ban", source="upload", status="processing")
    path = store.segment_path(settings, mid, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, np.zeros(32000, dtype=np.int16), 16000, subtype="PCM_16")
    store.record_segment(conn, settings, mid, 1, wav_frames(path), transcribe=False)
    return mid


def with_engines(monkeypatch, settings, **engines) -> None:
    registry = Registry.from_instances(settings, **engines)
    monkeypatch.setattr("appliance.engines.get_registry", lambda _s: registry)


def test_an_upload_is_diarized_while_it_is_transcribed_and_only_once(conn, settings, monkeypatch):
    mid = upload(conn, settings)
    diarizer = CountingDiarizer()
    transcriber = WaitingTranscriber(diarizer.started)
    with_engines(monkeypatch, settings, transcriber=transcriber, diarizer=diarizer)
    try:
        early = pipeline.start_diarization(conn, settings, mid)
        assert early is not None
        pipeline.transcribe_audio(conn, settings, store.audio_rows(conn, mid)[0]["id"])
        pipeline.diarize_meeting(conn, settings, mid, early)
    finally:
        reset_registry()
    assert transcriber.overlapped and diarizer.calls == [None]
    assert [r["speaker"] for r in store.segment_rows(conn, mid)] == ["Người nói 1", "Người nói 2"]


def test_attendees_confirmed_meanwhile_diarize_again_with_their_count(conn, settings, monkeypatch):
    mid = upload(conn, settings)
    diarizer = CountingDiarizer()
    with_engines(monkeypatch, settings, transcriber=WaitingTranscriber(diarizer.started), diarizer=diarizer)
    try:
        early = pipeline.start_diarization(conn, settings, mid)
        pipeline.transcribe_audio(conn, settings, store.audio_rows(conn, mid)[0]["id"])
        store.update_meeting(conn, mid, {"attendees": "Nguyễn Văn A; Trần Thị B"})
        pipeline.diarize_meeting(conn, settings, mid, early)
    finally:
        reset_registry()
    assert diarizer.calls == [None, 2]


def test_no_early_diarization_of_a_meeting_in_several_files(conn, settings, monkeypatch):
    """Several files are joined into one WAV for the diarizer after the final pass: nothing to start early."""
    mid = upload(conn, settings)
    second = store.segment_path(settings, mid, 2)
    sf.write(second, np.zeros(16000, dtype=np.int16), 16000, subtype="PCM_16")
    store.record_segment(conn, settings, mid, 2, wav_frames(second), transcribe=False)
    diarizer = CountingDiarizer()
    with_engines(monkeypatch, settings, transcriber=WaitingTranscriber(diarizer.started), diarizer=diarizer)
    try:
        assert pipeline.start_diarization(conn, settings, mid) is None
    finally:
        reset_registry()
    assert diarizer.calls == []


def test_sentences_embedded_ahead_are_not_embedded_again(conn, settings, monkeypatch):
    mid = upload(conn, settings)
    lines = [Segment(i, i + 0.9, f"Câu số {i} của cuộc họp giao ban.") for i in range(2 * topics.MIN_LINES)]
    store.add_lines(conn, mid, [pipeline.NewLine(s.start, s.end, s.text) for s in lines])
    embedder = CountingEmbedder()
    with_engines(monkeypatch, settings, embedder=embedder)
    topics._MEMO.clear()
    try:
        assert embed_ahead(conn, settings, mid) == len(lines)
        before = len(embedder.texts)
        topics.vectors([s.text for s in lines], embedder)
    finally:
        reset_registry()
        topics._MEMO.clear()
    assert before == len(lines) and len(embedder.texts) == before


def test_a_short_transcript_is_not_embedded_ahead(conn, settings, monkeypatch):
    mid = upload(conn, settings)
    store.add_lines(conn, mid, [pipeline.NewLine(0.0, 1.0, "Khai mạc cuộc họp.")])
    embedder = CountingEmbedder()
    with_engines(monkeypatch, settings, embedder=embedder)
    try:
        assert embed_ahead(conn, settings, mid) == 0
    finally:
        reset_registry()
    assert embedder.texts == []


def test_a_pcm16_wav_reads_to_the_same_samples_as_pyav(tmp_path: Path):
    from faster_whisper.audio import decode_audio

    rng = np.random.default_rng(18)
    mono = tmp_path / "mono.wav"
    sf.write(mono, rng.integers(-32768, 32767, 16000, dtype=np.int16), 16000, subtype="PCM_16")
    assert np.array_equal(load_audio(mono), decode_audio(str(mono), sampling_rate=16000))
    stereo = tmp_path / "stereo.wav"  # not 16 kHz mono: PyAV resamples and mixes it, as before
    sf.write(stereo, rng.integers(-3000, 3000, (44100, 2), dtype=np.int16), 44100, subtype="PCM_16")
    assert np.array_equal(load_audio(stereo), decode_audio(str(stereo), sampling_rate=16000))


def test_the_upload_job_records_where_its_time_went(conn, settings, monkeypatch):
    """The job's result keeps each step's wall seconds (and the background diarizer's own), so a slow meeting
    can be told apart: Whisper or the steps after it."""
    from appliance.jobs import enqueue, get_job, run_pending

    mid = upload(conn, settings)
    diarizer = CountingDiarizer()
    with_engines(monkeypatch, settings, transcriber=WaitingTranscriber(diarizer.started), diarizer=diarizer)
    try:
        job_id = enqueue(conn, "meetings.process_upload", {"meeting_id": mid, "path": "unused: audio is indexed"})
        run_pending(conn, settings)
    finally:
        reset_registry()
    job = get_job(conn, job_id)
    assert job is not None and job["status"] == "done", job
    seconds = job["result"]["seconds"]
    assert set(seconds) == {"prepare", "transcribe", "embed_ahead", "diarize_wait", "tasks", "minutes",
                            "diarize_background"}
    assert all(isinstance(v, float) and v >= 0 for v in seconds.values())
