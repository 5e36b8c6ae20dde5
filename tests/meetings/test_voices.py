"""Voice enrollment names diarized speakers: two espeak-ng voices, enrolled once, recognised later."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import soundfile as sf

from appliance.db import connect
from appliance.meetings import store
from appliance.meetings.voices import enroll, name_speakers
from tests.conftest import install_db
from tests.meetings.audio import RATE, synth

SAMPLE = "Tôi là cán bộ văn phòng, hôm nay tôi đọc mẫu giọng để máy nhận ra tôi trong các cuộc họp của phường."


def test_enrolled_voices_name_the_speakers(settings, migrated_template, tmp_path):
    install_db(migrated_template, settings)  # the session's fresh install (a migration costs most of a second)
    conn = connect(settings.db_path)
    for name, voice, pitch in (("Nguyễn Văn An", "vi", 40), ("Lê Thị Lan", "vi+f3", 75)):
        data = synth(SAMPLE, voice, pitch, tmp_path / "raw.wav")
        sf.write(tmp_path / f"{pitch}.wav", data, RATE)
        enroll(conn, name, tmp_path / f"{pitch}.wav")
    man = synth("Giao anh Hùng phòng kinh tế kiểm tra các điểm tập kết rác trước ngày năm tháng mười hai.", "vi", 40,
                tmp_path / "m.wav")
    woman = synth("Đề nghị chị Lan văn phòng gửi báo cáo trong tháng mười hai.", "vi+f3", 75, tmp_path / "w.wav")
    wav = tmp_path / "meeting.wav"
    sf.write(wav, np.concatenate([man, woman]), RATE)
    meeting_id = store.create_meeting(conn, "Họp", status="processing")
    for label in ("SPEAKER_00", "SPEAKER_01"):
        conn.execute("INSERT INTO meeting_speakers (meeting_id, label, name) VALUES (?, ?, ?)",
                     (meeting_id, label, label))
    split = len(man) / RATE
    turns = [SimpleNamespace(start=0.0, end=split, speaker="SPEAKER_00"),
             SimpleNamespace(start=split, end=split + len(woman) / RATE, speaker="SPEAKER_01")]
    assert name_speakers(conn, meeting_id, wav, turns) == {"SPEAKER_00": "Nguyễn Văn An", "SPEAKER_01": "Lê Thị Lan"}
    # A name set by hand is never overwritten by the voice match.
    conn.execute("UPDATE meeting_speakers SET name = 'Chủ tọa', source = 'hand' WHERE label = 'SPEAKER_00'")
    name_speakers(conn, meeting_id, wav, turns)
    assert conn.execute("SELECT name FROM meeting_speakers WHERE label = 'SPEAKER_00'").fetchone()[0] == "Chủ tọa"
