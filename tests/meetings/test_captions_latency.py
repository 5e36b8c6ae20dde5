"""Captions that keep up (issue 17): a recording (espeak-ng, two Vietnamese voices, ~18 s) played into the
recorder in real time with the service's 10 s segments; the delay of each caption line from the end of its
speech is measured and printed (`make bench` prints p50/p95 on a longer recording).

Figures when written (2-core CPU shared by several engineers, Whisper base int8): here p50 6.6 s, p95 10.5 s
(3 lines); `make bench` on 36 s: p50 5.6 s, p95 12.6 s with 10 s segments, p50 6.3 s, p95 8.5 s with 3 s
segments (shorter cuts alone do not help: each costs a Whisper call and they queue). The issue's target
(p50 ≤ 4 s) is NOT met; streaming 2–3 s windows with overlap and local agreement is not built.
The bound asserted is what the segment design must keep (a caption within a segment plus its transcription),
so that a regression (a stalled worker, a lost segment) fails. Slow (~30 s: real time)."""

from __future__ import annotations

import pytest
import soundfile as sf

from appliance.db import connect, migrate
from appliance.engines.registry import get_registry
from tests.meetings.audio import SCRIPT, meeting_wav
from tests.meetings.caption_latency import measure

pytestmark = pytest.mark.slow


def test_caption_delay_while_recording_in_real_time(settings, tmp_path):
    migrate(connect(settings.db_path))
    wav, _reference = meeting_wav(tmp_path / "audio", SCRIPT)
    model = get_registry(settings).available("transcriber")
    assert model is not None, "the packaged Whisper base model must load"
    model.transcribe(tmp_path / "audio" / "line0.wav")  # warm, as a running worker is
    result = measure(settings, wav, sf.info(str(wav)).duration)
    print(result.line("Whisper base, CPU"))
    assert len(result.delays) >= 2, "captions must arrive while the meeting is recorded"
    assert result.p50 <= 2 * result.segment_seconds and result.p95 <= 3 * result.segment_seconds
