"""Provisional captions of the open segment (issue 17), piece by piece: reading a segment the recorder is
still writing, local agreement, what the interim pass stores and when it goes, what the caption stream
sends. The real Whisper, in real time, is in test_captions_latency.py; here a scripted recogniser stands in
so that each rule is checked exactly (fast)."""

from __future__ import annotations

import numpy as np

from appliance.engines.base import Segment, Word
from appliance.engines.vad import Speech
from appliance.features import idle_work
from appliance.meetings import interim, interim_store, store
from appliance.meetings.api import interim_events
from appliance.meetings.interim import (
    InterimCaptioner,
    agree,
    before,
    last_pause,
    looping,
    read_open_segment,
)
from appliance.meetings.rows import NewLine
from appliance.meetings.wavfile import SegmentWriter


def _words(text: str, step: float = 0.5) -> list[Word]:
    return [Word(i * step, (i + 1) * step, w) for i, w in enumerate(text.split())]


def test_agreement_is_the_common_prefix_ignoring_case_and_punctuation_not_tones():
    old = _words("Hôm nay chúng ta hỏa bán")
    new = _words("hôm nay, chúng ta hỏi là bàn")
    assert [w.text for w in agree(old, new)] == ["hôm", "nay,", "chúng", "ta"]
    assert agree([], new) == []


def test_a_looping_decode_is_not_shown():
    assert looping("báo cao chân thân nguy " * 12)
    assert not looping("Giao anh Hùng phòng kinh tế kiểm tra các điểm tập kết rác trước ngày năm tháng mười hai.")


def test_words_before_a_pause_need_no_second_decode():
    words = [Word(0.0, 0.5, "giao"), Word(0.5, 1.0, "anh"), Word(1.0, 1.5, "Hùng"), Word(2.2, 2.5, "kiểm"),
             Word(2.5, 2.8, "tra")]
    # speech 0–1.55 s, a 0.6 s pause, speech again from 2.15 s: the three words before the pause
    pause = last_pause([Speech(0.0, 1.55), Speech(2.15, 2.8)], 2.9)
    assert pause == 1.55 and [w.text for w in before(words, pause)] == ["giao", "anh", "Hùng"]
    # a pause shorter than 0.5 s ends no phrase; trailing silence that long does
    assert last_pause([Speech(0.0, 1.55), Speech(1.9, 2.8)], 2.9) is None
    assert last_pause([Speech(0.0, 1.55), Speech(1.9, 2.8)], 3.4) == 2.8
    assert last_pause([], 3.0) is None and before(words, None) == []  # no speech: nothing to end


def test_the_open_segment_reads_up_to_what_the_recorder_wrote_before_any_sync(tmp_path):
    writer = SegmentWriter(tmp_path / "seg-000001.wav", 16000, 1, sync_seconds=10.0)
    tone = (np.sin(np.arange(24000) / 5) * 8000).astype("<i2")
    writer.write(tone.tobytes())  # 1.5 s, no sync yet: the header still says 0 bytes
    samples = read_open_segment(writer.part_path)
    assert samples is not None and len(samples) == 24000
    assert np.allclose(samples, tone / 32768.0)
    writer.close()
    assert read_open_segment(writer.part_path) is None  # closed and renamed meanwhile: nothing to read


class ScriptedDrafts:
    """Gives the next scripted hypothesis at each quick decode."""

    name = "scripted"

    def __init__(self, hypotheses: list[str]):
        self.hypotheses = hypotheses

    def transcribe(self, audio, *, language="vi", vad=True, initial_prompt=None):  # pragma: no cover
        raise AssertionError("the quick pass must be used")

    def transcribe_draft(self, audio, *, language="vi"):
        text = self.hypotheses.pop(0)
        return [Segment(0.0, 0.5 * len(text.split()), text, tuple(_words(text)))]


def _recording(conn, settings):
    meeting_id = store.create_meeting(conn, "Giao ban", room="phong-hop")
    writer = SegmentWriter(store.segment_path(settings, meeting_id, 1), 16000, 1)
    return meeting_id, writer


def test_shown_words_are_agreed_grow_only_and_go_when_the_segment_is_transcribed(conn, settings):
    meeting_id, writer = _recording(conn, settings)
    drafts = ScriptedDrafts(["Hôm nay chung tờ", "Hôm nay chúng ta hỏa", "Hôm nay chúng ta hỏi là bàn",
                             "Hôm nay chúng ta hỏa là", "Hôm nay chúng ta hỏa là bàn về"])
    captioner = InterimCaptioner()
    shown = []
    for _ in range(5):
        writer.write(bytes(2 * 16000))  # one more second of audio on disk
        assert captioner.step(conn, settings, meeting_id, drafts)
        rows = interim_store.interim_rows(conn, meeting_id)
        shown.append(rows[0]["text"] if rows else "")
    assert shown == ["", "Hôm nay", "Hôm nay chúng ta", "Hôm nay chúng ta", "Hôm nay chúng ta hỏa là"]
    assert not captioner.step(conn, settings, meeting_id, drafts)  # no new second of audio: no decode
    row = interim_store.interim_rows(conn, meeting_id)[0]
    assert (row["seq"], row["start"], row["end"]) == (1, 0.0, 3.0)
    # the segment closes and its own captions are stored: the provisional line goes in the same commit
    audio_id = store.record_segment(conn, settings, meeting_id, 1, writer.close())
    audio = store.get_audio(conn, audio_id or 0)
    assert audio is not None
    store.mark_transcribed(conn, audio, [NewLine(0.0, 3.5, "Hôm nay chúng ta họp", audio_id=audio_id)], "x")
    assert interim_store.interim_rows(conn, meeting_id) == []
    # a slow quick decode finishing after that never brings provisional words back
    assert not interim_store.set_interim(conn, meeting_id, 1, 0.0, 1.0, "Hôm nay")
    assert [r["text"] for r in store.segment_rows(conn, meeting_id)] == ["Hôm nay chúng ta họp"]


def test_the_stream_sends_changes_and_clears_replaced_lines():
    shown: dict[int, tuple[str, str]] = {}
    row = interim_store.InterimRow(meeting_id=1, seq=2, start=10.0, end=11.5, text="Giao anh", updated_at=0.0,
                                   pending="Tuấn", pending_end=12.0)
    assert interim_events(shown, {2: row}) == [{"seq": 2, "start": 10.0, "end": 11.5, "text": "Giao anh",
                                                "pending": "Tuấn"}]
    assert interim_events(shown, {2: row}) == []  # unchanged: nothing sent
    row = row | {"pending": "Tuấn làm"}  # only the grey words changed: sent as well
    assert interim_events(shown, {2: row}) == [{"seq": 2, "start": 10.0, "end": 11.5, "text": "Giao anh",
                                                "pending": "Tuấn làm"}]
    assert interim_events(shown, {}) == [{"seq": 2, "start": 0.0, "end": 0.0, "text": "", "pending": ""}]


def test_the_newest_decodes_words_after_the_confirmed_ones_are_pending(conn, settings):
    """Black and grey: what two decodes agreed on is confirmed; the newest decode's words after it are
    pending, replaced by the next decode's; a decode that disagrees with the confirmed words still shows
    what it heard after them."""
    meeting_id, writer = _recording(conn, settings)
    drafts = ScriptedDrafts(["Hôm nay chung tờ", "Hôm nay chúng ta hỏa", "Hôm nay chúng ta hỏi là bàn",
                             "Hôm nây chúng ta hỏi là bàn về"])
    captioner = InterimCaptioner()
    lines = []
    for _ in range(4):
        writer.write(bytes(2 * 16000))
        assert captioner.step(conn, settings, meeting_id, drafts)
        row = interim_store.interim_rows(conn, meeting_id)[0]
        lines.append((row["text"], row["pending"]))
    assert lines == [("", "Hôm nay chung tờ"), ("Hôm nay", "chúng ta hỏa"), ("Hôm nay chúng ta", "hỏi là bàn"),
                     ("Hôm nay chúng ta", "hỏi là bàn về")]
    row = interim_store.interim_rows(conn, meeting_id)[0]
    assert (row["start"], row["end"], row["pending_end"]) == (0.0, 2.0, 4.0)  # _words: 0.5 s a word


def test_the_caption_worker_runs_the_interim_pass_when_idle():
    assert interim.captions in idle_work("main") and interim.captions in idle_work("all")
    assert interim.captions not in idle_work("citizen")



def test_no_quick_decode_that_would_still_run_when_the_segment_closes(conn, settings):
    meeting_id, writer = _recording(conn, settings)
    writer.write(bytes(2 * 16000 * 8))  # 8 s of the recorder's 10 s segment
    captioner = InterimCaptioner()
    captioner.last_decode_s = 2.5  # the last quick decode took this long: it would hold back the final
    assert not captioner.step(conn, settings, meeting_id, ScriptedDrafts([]))
    captioner.last_decode_s = 1.5
    assert captioner.step(conn, settings, meeting_id, ScriptedDrafts(["Hôm nay"]))
