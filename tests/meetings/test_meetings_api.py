"""Meetings and tasks over real HTTP, without models: start/stop contract, recording indicator,
uploads of every format through ffmpeg, transcript edits, task confirmation, retention."""

from __future__ import annotations

import json
import subprocess

import pytest

from appliance.db import connect
from appliance.jobs import run_pending
from appliance.meetings import interim_store, store
from appliance.meetings.jobs import extract_meeting_tasks
from appliance.meetings.pipeline import decode_upload
from appliance.meetings.rows import NewLine
from appliance.meetings.wavfile import SegmentWriter, wav_frames
from tests.conftest import login


def test_live_meeting_contract_and_indicator(server, settings):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        h = {"X-CSRF-Token": csrf}
        r = c.post("/api/v1/meetings", json={"title": "Giao ban tuần", "device": "phong-hop-1"}, headers=h)
        assert r.status_code == 201 and r.json()["status"] == "recording"
        meeting_id = r.json()["id"]
        busy = c.post("/api/v1/meetings", json={"title": "Trùng phòng", "device": "phong-hop-1"}, headers=h)
        assert busy.status_code == 409 and "đang ghi âm" in busy.json()["error"]["message"]
        assert "ĐANG GHI ÂM" in c.get("/cuoc-hop").text
        page = c.get(f"/cuoc-hop/{meeting_id}").text
        assert 'id="rec-indicator"' in page and "hidden" not in page.split('id="rec-indicator"')[1].split(">")[0]
        body = c.get(f"/api/v1/meetings/{meeting_id}").json()
        assert {"id", "status", "duration_s", "segments", "minutes_docx_url", "tasks"} <= set(body)
        assert body["status"] == "recording"
        assert c.post(f"/api/v1/meetings/{meeting_id}/stop", headers=h).json()["status"] == "processing"
        assert c.post(f"/api/v1/meetings/{meeting_id}/stop", headers=h).status_code == 409
        assert c.get(f"/api/v1/meetings/{meeting_id}").json()["status"] == "processing"
        assert c.post("/api/v1/meetings", json={"title": "x"}, headers=h).status_code == 422
        assert c.get("/api/v1/meetings/999").status_code == 404


def test_upload_rejects_unknown_formats(server):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        r = c.post("/api/v1/meetings", files={"audio": ("notes.txt", b"hello", "text/plain")},
                   data={"title": "Sai tệp"}, headers={"X-CSRF-Token": csrf})
        assert r.status_code == 422 and "WAV" in r.json()["error"]["message"]


@pytest.mark.parametrize("ext", ["flac", "mp3", "m4a", "ogg"])
def test_every_upload_format_decodes(tmp_path, ext):
    src = tmp_path / f"in.{ext}"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ar", "44100",
                    str(src)], check=True)
    out = tmp_path / "out.wav"
    decode_upload(src, out)
    seg = wav_frames(out)
    assert seg.rate == 16000 and seg.channels == 1 and abs(seg.duration_s - 2.0) < 0.1


def test_transcript_edits_speakers_and_task_confirmation(server, settings):
    conn = connect(settings.db_path)
    meeting_id = store.create_meeting(conn, "Họp chuyên đề", status="done", source="upload",
                                      meeting_date="2026-11-23")
    conn.execute("INSERT INTO meeting_speakers (meeting_id, label, name) VALUES (?, 'SPEAKER_00', 'Người nói 1')",
                 (meeting_id,))
    conn.execute("INSERT INTO meeting_segments (meeting_id, start, end, speaker, text, original_text)"
                 " VALUES (?, 0, 4, 'SPEAKER_00', 'giao anh hùng làm báo cáo', 'giao anh hùng làm báo cáo')",
                 (meeting_id,))
    seg_id = conn.execute("SELECT id FROM meeting_segments").fetchone()[0]
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        h = {"X-CSRF-Token": csrf}
        r = c.patch(f"/api/v1/meetings/{meeting_id}/segments/{seg_id}", headers=h,
                    json={"text": "Giao anh Hùng làm báo cáo trước ngày 5/12."})
        assert r.status_code == 200 and r.json()["edited"]
        r = c.put(f"/api/v1/meetings/{meeting_id}/speakers/SPEAKER_00", headers=h, json={"name": "Nguyễn Văn An"})
        assert r.status_code == 200
        run_pending(conn, settings, kinds=["meetings.refresh_minutes"])
        meeting = c.get(f"/api/v1/meetings/{meeting_id}").json()
        assert meeting["segments"][0]["speaker"] == "Nguyễn Văn An"
        assert meeting["segments"][0]["text"].startswith("Giao anh Hùng")
        row = conn.execute("SELECT original_text, minutes_text FROM meeting_segments s JOIN meetings m"
                           " ON m.id = s.meeting_id").fetchone()
        assert row["original_text"] == "giao anh hùng làm báo cáo"  # what was heard is kept beside the edit
        assert "Nguyễn Văn An: Giao anh Hùng làm báo cáo trước ngày 5/12." in row["minutes_text"]
        assert meeting["minutes_docx_url"] and c.get(meeting["minutes_docx_url"]).status_code == 200
        [task] = meeting["tasks"]
        assert (task["assignee"], task["deadline"], task["status"]) == ("anh Hùng", "2026-12-05", "proposed")
        assert c.get("/api/v1/tasks", params={"status": "assigned"}).json()["tasks"] == []
        r = c.post(f"/nhiem-vu/{task['id']}/trang-thai", data={"status": "assigned", "csrf_token": csrf,
                                                               "next": f"/cuoc-hop/{meeting_id}"})
        assert r.status_code == 303
        [tracked] = c.get("/api/v1/tasks", params={"status": "assigned", "assignee": "hung"}).json()["tasks"]
        assert tracked["meeting"]["id"] == meeting_id and tracked["quote"].startswith("Giao anh Hùng")
        page = c.get("/nhiem-vu").text
        assert "Họp chuyên đề" in page and "05/12/2026" in page and "Giao anh Hùng làm báo cáo" in page
        # An order without a subject to whoever answered: proposed as "cần xác nhận", with what to check.
        conn.execute("UPDATE meeting_segments SET text = ? WHERE id = ?",
                     ("Giao anh Hùng làm báo cáo trước ngày 5/12. Anh Tuấn này, vụ lấn chiếm đến đâu rồi?", seg_id))
        conn.execute("INSERT INTO meeting_segments (meeting_id, start, end, speaker, text, original_text) VALUES"
                     " (?, 4, 6, 'SPEAKER_01', 'Dạ em đang xác minh ạ.', ''), (?, 6, 9, 'SPEAKER_00',"
                     " 'Khẩn trương lên, thứ Tư này báo cáo tôi kết quả.', '')", (meeting_id, meeting_id))
        conn.commit()
        extract_meeting_tasks(conn, settings, meeting_id, use_generator=False)
        [unsure] = [t for t in c.get(f"/api/v1/meetings/{meeting_id}").json()["tasks"] if t["status"] == "proposed"]
        assert unsure["deadline"] == "2026-11-25" and unsure["confidence"] < 0.6 and "suy ra" in unsure["review"]
        assert 'class="task-unsure"' in c.get(f"/cuoc-hop/{meeting_id}").text
        tracker = c.get("/nhiem-vu", params={"status": "proposed"}).text
        assert "Cần xác nhận" in tracker and unsure["review"] in tracker


def test_tasks_extract_api_and_overdue(server, settings):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        h = {"X-CSRF-Token": csrf}
        r = c.post("/api/v1/tasks/extract", headers=h, json={
            "text": "Đề nghị chị Lan, Văn phòng HĐND và UBND, gửi giấy mời trong thứ Sáu tuần này.",
            "meeting_date": "2026-11-23"})
        assert r.status_code == 200
        assert r.json()["tasks"] == [{"assignee": "chị Lan", "unit": "Văn phòng HĐND và UBND",
                                      "content": "Gửi giấy mời", "deadline": "2026-11-27",
                                      "quote": "Đề nghị chị Lan, Văn phòng HĐND và UBND, gửi giấy mời trong thứ "
                                               "Sáu tuần này."}]
        assert c.post("/api/v1/tasks/extract", headers=h, json={"text": "x", "meeting_date": "hôm qua"}) \
            .status_code == 422
        task_id = c.post("/api/v1/tasks", headers=h, json={"assignee": "anh Minh", "content": "Kiểm tra chợ",
                                                           "deadline": "01/01/2020"}).json()["id"]
        overdue = c.get("/api/v1/tasks", params={"status": "overdue"}).json()["tasks"]
        assert [t["id"] for t in overdue] == [task_id] and overdue[0]["overdue"]
        assert c.patch(f"/api/v1/tasks/{task_id}", headers=h, json={"status": "done"}).status_code == 200
        assert c.get("/api/v1/tasks", params={"status": "overdue"}).json()["tasks"] == []
        assert c.patch(f"/api/v1/tasks/{task_id}", headers=h, json={"status": "bogus"}).status_code == 422


def test_retention_admin_page(server, settings):
    conn = connect(settings.db_path)
    old = store.create_meeting(conn, "Họp cũ", status="done", source="upload", meeting_date="2020-01-01")
    folder = store.meeting_dir(settings, old)
    folder.mkdir(parents=True)
    (folder / "seg-000001.wav").write_bytes(b"x")
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        assert c.get("/quan-tri/luu-tru").status_code == 403
    with server.client() as c:
        csrf = login(c, "admin", "admin-demo")
        assert "Giữ âm thanh" in c.get("/quan-tri/luu-tru").text
        assert c.post("/quan-tri/luu-tru", data={"days": "30", "csrf_token": csrf}).status_code == 303
    run_pending(conn, settings, kinds=["meetings.retention"])
    assert not folder.exists()
    assert conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'meetings.retention_removed'").fetchone()[0] == 1


def test_caption_stream_sends_provisional_words_and_clears_them_when_final(server, settings):
    """Issue 17: the open segment's agreed words go out as `interim` events; when the segment's own
    captions are stored, the stream sends them and then clears the provisional line."""
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        meeting_id = c.post("/api/v1/meetings", json={"title": "Phụ đề tạm", "room": "phong-tam"},
                            headers={"X-CSRF-Token": csrf}).json()["id"]
        conn = connect(settings.db_path)
        interim_store.set_interim(conn, meeting_id, 1, 0.0, 1.2, "Hôm nay chúng ta")
        seen: list[tuple[str, dict]] = []
        with c.stream("GET", f"/api/v1/meetings/{meeting_id}/events") as events:
            kind = ""
            for line in events.iter_lines():
                if line.startswith("event:"):
                    kind = line.split(":", 1)[1].strip()
                elif line.startswith("data:") and kind in ("interim", "caption"):
                    seen.append((kind, json.loads(line[5:])))
                    if kind == "interim" and seen[-1][1]["text"]:  # now the segment closes and is transcribed
                        writer = SegmentWriter(store.segment_path(settings, meeting_id, 1), 16000, 1)
                        writer.write(bytes(32000))
                        audio_id = store.record_segment(conn, settings, meeting_id, 1, writer.close(),
                                                        transcribe=False)
                        audio = store.get_audio(conn, audio_id or 0)
                        assert audio is not None
                        store.mark_transcribed(conn, audio, [NewLine(0.0, 1.3, "Hôm nay chúng ta họp",
                                                                     audio_id=audio_id)], "x")
                    elif kind == "interim":
                        break
        assert seen == [("interim", {"seq": 1, "start": 0.0, "end": 1.2, "text": "Hôm nay chúng ta", "pending": ""}),
                        ("caption", seen[1][1]),
                        ("interim", {"seq": 1, "start": 0.0, "end": 0.0, "text": "", "pending": ""})]
        assert seen[1][1]["text"] == "Hôm nay chúng ta họp"
        # the provisional words are not the transcript
        assert [s["text"] for s in c.get(f"/api/v1/meetings/{meeting_id}").json()["segments"]] == \
            ["Hôm nay chúng ta họp"]
