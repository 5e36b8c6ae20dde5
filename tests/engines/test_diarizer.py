"""The CPU diarization baseline (MFCC statistics + agglomerative clustering) on two espeak-ng
Vietnamese voices taking turns, and on one voice alone."""

from __future__ import annotations

import subprocess

import pytest

from appliance.engines.mfcc_diarizer import MfccDiarizer

pytestmark = pytest.mark.slow
LINES = ["Đề nghị phòng kinh tế rà soát các công trình xây dựng trên địa bàn trong tuần này.",
         "Văn phòng đã tiếp nhận ba mươi hai hồ sơ, trong đó có năm hồ sơ trễ hạn cần giải trình.",
         "Công an phường tăng cường tuần tra khu vực chợ vào buổi tối, bảo đảm trật tự.",
         "Trạm y tế sẽ tổ chức tiêm chủng mở rộng vào sáng thứ bảy tại nhà văn hóa tổ dân phố."]


def _duration(path) -> float:
    return float(subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True).stdout)


def _overlap(turns, start, end, speaker) -> float:
    return sum(max(0.0, min(t.end, end) - max(t.start, start)) for t in turns if t.speaker == speaker)


def test_two_voices_taking_turns(speak_to, tmp_path):
    voices = [{"voice": "vi", "pitch": 35}, {"voice": "vi+f2", "pitch": 80}]
    parts = [speak_to(text, **voices[i % 2]) for i, text in enumerate(LINES)]
    joined = tmp_path / "meeting.wav"
    subprocess.run(["sox", *map(str, parts), str(joined)], check=True)
    bounds, t = [], 0.0
    for part in parts:
        bounds.append((t, t + _duration(part)))
        t += _duration(part)

    turns = MfccDiarizer().diarize(joined)
    assert {turn.speaker for turn in turns} == {"Người nói 1", "Người nói 2"}
    # Map each true speaker to the label covering most of their first line, then score the timeline.
    label = {i: max(("Người nói 1", "Người nói 2"), key=lambda s, i=i: _overlap(turns, *bounds[i], s)) for i in (0, 1)}
    assert label[0] != label[1]
    correct = sum(_overlap(turns, start, end, label[i % 2]) for i, (start, end) in enumerate(bounds))
    assert correct / t >= 0.8, turns
    assert all(a.end <= b.start + 1e-6 for a, b in zip(turns, turns[1:], strict=False))


def test_one_voice_stays_one_speaker(speak_to):
    audio = speak_to(" ".join(LINES[:2]), voice="vi", pitch=50)
    turns = MfccDiarizer().diarize(audio)
    assert turns and {t.speaker for t in turns} == {"Người nói 1"}
    assert turns[-1].end >= _duration(audio) - 1.0


def test_known_number_of_speakers_and_silence(speak_to, tmp_path):
    audio = speak_to(LINES[0], voice="vi", pitch=50)
    assert {t.speaker for t in MfccDiarizer().diarize(audio, num_speakers=1)} == {"Người nói 1"}
    silent = tmp_path / "silence.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(silent), "trim", "0", "2"], check=True)
    assert MfccDiarizer().diarize(silent) == []
