"""Real speech (espeak-ng, two Vietnamese voices) through the real faster-whisper path with the
packaged Whisper base model: an upload is transcribed, diarized and written up; a live recording
shows captions while it is still running."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest

from appliance.app import create_app
from appliance.db import connect
from appliance.engines.registry import get_registry
from appliance.jobs import run_pending
from appliance.jobs.queue import handlers, run_one
from appliance.meetings.recorder import Recorder
from appliance.meetings.sources import open_source
from tests.conftest import install_db, login
from tests.meetings.audio import SCRIPT, meeting_wav, wer

pytestmark = pytest.mark.slow


@pytest.fixture
def server(settings, users_template, live_server_factory):
    install_db(users_template, settings)  # migrated, with the demo accounts (hashed once per session)
    return live_server_factory(create_app(settings))


def _transcriber(settings):
    model = get_registry(settings).available("transcriber")
    assert model is not None and "faster-whisper" in model.name, "the packaged Whisper base model must load"
    return model


def test_upload_two_voices_transcribed_diarized_and_minuted(server, settings, tmp_path):
    wav, reference = meeting_wav(tmp_path / "audio")
    _transcriber(settings)
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        with open(wav, "rb") as fh:
            r = c.post("/api/v1/meetings", files={"audio": ("giao-ban.wav", fh, "audio/wav")},
                       data={"title": "Giao ban vệ sinh môi trường"}, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 201 and r.json()["status"] == "processing"
        meeting_id = r.json()["id"]
        conn = connect(settings.db_path)
        run_pending(conn, settings)
        body = c.get(f"/api/v1/meetings/{meeting_id}").json()
        assert body["status"] == "done", body["message"]
        hypothesis = " ".join(s["text"] for s in body["segments"])
        error = wer(reference, hypothesis)
        print(f"WER (espeak-ng vi, Whisper base, upload): {error:.2f}; transcript: {hypothesis}")
        assert body["segments"] and error < 0.9
        assert "faster-whisper" in body["engines"]["transcriber"]
        assert body["engines"]["diarizer"] and all(s["speaker"] for s in body["segments"])
        assert body["duration_s"] > 10
        docx = c.get(body["minutes_docx_url"])
        assert docx.status_code == 200 and docx.content[:2] == b"PK"
        page = c.get(f"/cuoc-hop/{meeting_id}").text
        assert "BIÊN BẢN" in conn.execute("SELECT minutes_text FROM meetings").fetchone()[0]
        assert body["segments"][0]["text"] in page


def test_captions_arrive_while_recording(server, settings, tmp_path):
    wav, _reference = meeting_wav(tmp_path / "audio", SCRIPT)  # ~18 s, played at 1.5× real time
    # Loaded and warmed up (Silero VAD loads on the first call) before the clock starts, as in a
    # worker that has been running.
    _transcriber(settings).transcribe(tmp_path / "audio" / "line0.wav")
    stop = threading.Event()

    def worker() -> None:
        conn = connect(settings.db_path)
        registry = handlers()
        while not stop.is_set():
            if not run_one(conn, settings, registry):
                stop.wait(0.2)

    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        h = {"X-CSRF-Token": csrf}
        meeting_id = c.post("/api/v1/meetings", json={"title": "Họp trực tiếp", "device": "phong-hop-1"},
                            headers=h).json()["id"]
        rec_conn = connect(settings.db_path, synchronous="FULL")
        # 5 s segments keep the test short; the service default is 10 s.
        recorder = Recorder(rec_conn, settings, "phong-hop-1", open_source(f"file:{wav}?speed=1.5"),
                            segment_seconds=5)
        rec_thread = threading.Thread(target=recorder.run, daemon=True)
        jobs_thread = threading.Thread(target=worker, daemon=True)
        rec_thread.start()
        jobs_thread.start()
        caption = None
        started = time.monotonic()
        try:
            with c.stream("GET", f"/api/v1/meetings/{meeting_id}/events", timeout=httpx.Timeout(60)) as events:
                kind = None
                for line in events.iter_lines():
                    if line.startswith("event:"):
                        kind = line.split(":", 1)[1].strip()
                    elif line.startswith("data:") and kind == "caption":
                        caption = json.loads(line[5:])
                        break
                    if time.monotonic() - started > 60:
                        break
            assert caption is not None, "no caption within 60 s"
            still = c.get(f"/api/v1/meetings/{meeting_id}").json()
            print(f"first caption after {time.monotonic() - started:.1f} s: {caption['text']}")
            assert caption["status"] == "recording" and still["status"] == "recording"
            assert rec_thread.is_alive(), "the recording was still running when the caption arrived"
            assert c.post(f"/api/v1/meetings/{meeting_id}/stop", headers=h).status_code == 200
            rec_thread.join(timeout=30)
            deadline = time.monotonic() + 90
            while c.get(f"/api/v1/meetings/{meeting_id}").json()["status"] != "done":
                assert time.monotonic() < deadline, "processing did not finish"
                time.sleep(0.5)
        finally:
            recorder.stop.set()
            stop.set()
            jobs_thread.join(timeout=60)
        final = c.get(f"/api/v1/meetings/{meeting_id}").json()
        assert final["segments"] and final["minutes_docx_url"]
        # The biên bản text comes from one pass over the whole meeting, not from the 5 s captions.
        conn = connect(settings.db_path)
        assert conn.execute("SELECT COUNT(*) FROM meeting_segments WHERE audio_id IS NOT NULL").fetchone()[0] == 0
