"""Planned meetings (issue 21) over real HTTP: staff set a meeting up ahead with its agenda, an
overdue complaint goes onto it from the loop's page (planned meetings offered first), the lists
show it as "Dự kiến", nothing is minuted for it before it is held, and recording or uploading into
it later keeps its title and agenda."""

from __future__ import annotations

import datetime as dt
import html
import subprocess

from appliance.app import create_app
from appliance.citizen.public.intake import file_feedback
from appliance.citizen.public.store import public_db
from appliance.citizen.staff import inbox
from appliance.citizen.staff.sync import pull
from appliance.db import connect
from appliance.jobs import run_pending
from appliance.jobs.queue import has_pending
from appliance.meetings import store as meetings_store
from appliance.text.formatting import local_today
from tests.conftest import login


def _ticket(settings, text: str) -> tuple[int, str]:
    with public_db(settings) as public:
        filed = file_feedback(public, text, channel="web", name="Lê Văn Nam")
    conn = connect(settings.db_path)
    try:
        with public_db(settings) as public:
            pull(conn, public)
        fid = inbox.list_feedback(conn, inbox.Filters(q=filed["ticket_code"]), local_today())[0]["id"]
    finally:
        conn.close()
    assert isinstance(fid, int)
    return fid, str(filed["ticket_code"])


def test_planned_meeting_takes_a_ticket_and_keeps_its_agenda(citizen_settings, live_server_factory, tmp_path):
    fid, code = _ticket(citizen_settings, "Đèn đường ngõ 7 hỏng cả tuần, buổi tối rất tối")
    day = local_today() + dt.timedelta(days=3)
    staff = live_server_factory(create_app(citizen_settings))
    with staff.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        h = {"X-CSRF-Token": csrf}
        held = c.post("/api/v1/meetings", json={"title": "Họp đã ghi", "room": "phong-hop-9"}, headers=h).json()["id"]
        assert c.post(f"/api/v1/meetings/{held}/stop", headers=h).status_code == 200

        # Refused: no date, a date not in dd/mm/yyyy; nothing is created.
        assert c.post("/cuoc-hop/du-kien", data={"title": "Sai ngày", "meeting_date": "",
                                                 "csrf_token": csrf}).status_code == 422
        assert c.post("/cuoc-hop/du-kien", data={"title": "Sai ngày", "meeting_date": "31/02/2026",
                                                 "csrf_token": csrf}).status_code == 422
        r = c.post("/cuoc-hop/du-kien", data={"title": "Giao ban  thứ Sáu", "meeting_date": day.strftime("%d/%m/%Y"),
                                              "agenda": "Báo cáo tuần\n\n  Kế hoạch tháng  ", "csrf_token": csrf},
                   follow_redirects=False)
        assert r.status_code == 303
        planned = int(r.headers["location"].rsplit("/", 1)[1])
        body = c.get(f"/api/v1/meetings/{planned}").json()
        assert (body["title"], body["status"], body["meeting_date"]) == ("Giao ban thứ Sáu", "planned", day.isoformat())
        assert body["agenda"] == "Báo cáo tuần\nKế hoạch tháng"
        assert [m["id"] for m in c.get("/api/v1/meetings").json()["meetings"] if m["status"] == "planned"] == [planned]

        # Lists: "Dự kiến" with its local date; its page offers recording and upload into it.
        listing = html.unescape(c.get("/cuoc-hop").text)
        row = listing.split(f'href="/cuoc-hop/{planned}"')[0].rsplit("<tr>", 1)[1] + \
            listing.split(f'href="/cuoc-hop/{planned}"')[1].split("</tr>")[0]
        assert day.strftime("%d/%m/%Y") in row and "Dự kiến" in row
        page = html.unescape(c.get(f"/cuoc-hop/{planned}").text)
        assert "Dự kiến" in page and f'name="meeting_id" value="{planned}"' in page

        # The loop's "đưa vào cuộc họp": the planned meeting first, then the one already held.
        choices = html.unescape(c.get(f"/phan-anh/{fid}/hanh-trinh").text)
        assert choices.index(f'<option value="{planned}">[Dự kiến] Giao ban thứ Sáu') \
            < choices.index(f'<option value="{held}">Họp đã ghi')
        r = c.post(f"/phan-anh/{fid}/dua-vao-cuoc-hop", data={"meeting_id": planned, "csrf_token": csrf})
        assert r.status_code == 303, r.text
        agenda = c.get(f"/api/v1/meetings/{planned}").json()["agenda"].splitlines()
        assert agenda[:2] == ["Báo cáo tuần", "Kế hoạch tháng"] and len(agenda) == 3 and code in agenda[2]
        assert "Đèn đường ngõ 7" in agenda[2]

        # Editing a planned meeting writes no biên bản and proposes no task (nothing was said yet).
        assert c.patch(f"/api/v1/meetings/{planned}", json={"chair": "Chủ tịch UBND phường"}, headers=h
                       ).status_code == 200
        conn = connect(citizen_settings.db_path)
        try:
            run_pending(conn, citizen_settings, kinds=["meetings.refresh_minutes"])
            assert not has_pending(conn, "meetings.refresh_minutes")
            row_ = meetings_store.get_meeting(conn, planned)
            assert row_ is not None and row_["draft_id"] is None and row_["minutes_json"] is None
        finally:
            conn.close()

        # The secretary uploads the recording into it: same meeting, title, date and agenda kept.
        audio = tmp_path / "hop.wav"
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-ar", "16000",
                        str(audio)], check=True)
        r = c.post("/api/v1/meetings", files={"audio": ("hop.wav", audio.read_bytes(), "audio/wav")},
                   data={"title": "", "meeting_id": str(planned)}, headers=h)
        assert r.status_code == 201 and r.json() == {"id": planned, "status": "processing"}
        after = c.get(f"/api/v1/meetings/{planned}").json()
        assert (after["title"], after["status"], after["source"], after["meeting_date"]) == \
            ("Giao ban thứ Sáu", "processing", "upload", day.isoformat())
        assert after["agenda"].splitlines() == agenda
        # Only once: it is no longer planned, and it has left the planned list.
        again = c.post("/api/v1/meetings", files={"audio": ("hop.wav", audio.read_bytes(), "audio/wav")},
                       data={"meeting_id": str(planned)}, headers=h)
        assert again.status_code == 409
        assert all(m["status"] != "planned" for m in c.get("/api/v1/meetings").json()["meetings"])


def test_recording_live_into_a_planned_meeting(citizen_settings, live_server_factory):
    staff = live_server_factory(create_app(citizen_settings))
    with staff.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        h = {"X-CSRF-Token": csrf}
        later = (local_today() + dt.timedelta(days=1)).strftime("%d/%m/%Y")
        r = c.post("/cuoc-hop/du-kien", data={"title": "Họp chuyên đề", "meeting_date": later,
                                              "agenda": "Chuyển đổi số", "csrf_token": csrf}, follow_redirects=False)
        planned = int(r.headers["location"].rsplit("/", 1)[1])
        r = c.post("/api/v1/meetings", json={"title": "Họp chuyên đề", "room": "phong-hop-2", "meeting_id": planned},
                   headers=h)
        assert r.status_code == 201 and r.json() == {"id": planned, "status": "recording"}
        body = c.get(f"/api/v1/meetings/{planned}").json()
        # held today (recorded now), in that room, its agenda kept
        assert (body["status"], body["room"], body["agenda"], body["meeting_date"]) == \
            ("recording", "phong-hop-2", "Chuyển đổi số", local_today().isoformat())
        assert c.post("/api/v1/meetings", json={"title": "x", "room": "phong-hop-3", "meeting_id": planned},
                      headers=h).status_code == 409
        assert c.post("/api/v1/meetings", json={"title": "x", "room": "phong-hop-3", "meeting_id": 9999},
                      headers=h).status_code == 404
        assert c.post(f"/api/v1/meetings/{planned}/stop", headers=h).json()["status"] == "processing"
