"""The biên bản as a secretary would sign it: Mẫu 1.9 sections, items by agenda or topic with who raised
what and the conclusions, the tasks table, the transcript only in the appendix; a generator's sentences
kept only when the lines they cite support them; the .docx in the ND30 format."""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from typing import Any

import pytest

from appliance.drafting.service import get_document, render_docx
from appliance.engines.registry import Registry, reset_registry
from appliance.meetings import minutes_model, store
from appliance.meetings.jobs import extract_meeting_tasks
from appliance.meetings.minutes import APPENDIX_TITLE, write_minutes
from appliance.meetings.topics import Line, by_topic
from appliance.tasks import service as tasks
from appliance.text import to_local
from tests.drafting.docx_checks import open_docx, run_fonts_ok, schema_order_problems, style_of
from tests.engines.misbehaving import BEHAVIOURS, UNSUPPORTED_FIGURE, Misbehaving
from tests.meetings.minutes_eval import store_meeting
from tests.tasks.transcripts import DEV, Meeting, load, load_staff

AGENDA = ["Công tác văn thư, lưu trữ phục vụ đoàn kiểm tra", "Hố ga mất nắp trên đường Tam Trinh",
          "Giải bóng đá thanh niên", "An ninh trật tự, người nước ngoài tạm trú"]


def meeting_from(conn: sqlite3.Connection, meeting_id: str = "d01", **details: str) -> int:
    source = next(m for m in load(DEV) if m.id == meeting_id)
    return store_meeting(conn, source, **{"chair": "Nguyễn Văn An", "secretary": "Lê Thị Lan",
                                          "location": "Phòng họp tầng 2, UBND phường", **details})


@pytest.fixture
def ward_conn(conn: sqlite3.Connection) -> sqlite3.Connection:
    load_staff(conn)
    return conn


def test_bien_ban_sections_items_tasks_and_appendix(ward_conn, settings):
    conn = ward_conn
    mid = meeting_from(conn, agenda="\n".join(AGENDA))
    extract_meeting_tasks(conn, settings, mid, use_generator=False)
    draft_id = write_minutes(conn, settings, mid, use_generator=False)
    assert draft_id
    model = get_document(conn, draft_id)["model"]
    body: list[str] = model["body"]
    text = "\n".join(body)
    for label in ("Thời gian bắt đầu:", "Địa điểm: Phòng họp tầng 2, UBND phường", "Thành phần tham dự:",
                  "Chủ trì (chủ tọa): Nguyễn Văn An", "Thư ký (người ghi biên bản): Lê Thị Lan",
                  "Nội dung (theo diễn biến cuộc họp):", "Phân công nhiệm vụ:", "Cuộc họp kết thúc vào"):
        assert label in text, label
    headings = [line for line in body if re.match(r"^[IVX]+\. ", line)]
    assert headings == [f"{r}. {a}" for r, a in zip(("I", "II", "III", "IV"), AGENDA, strict=True)]
    # Who raised what, with the directory's units; the chair's directions are conclusions.
    assert any(line.startswith("- Trịnh Văn Minh (Công an phường): ") for line in body)
    assert "Kết luận:" in body
    fourth = body[body.index("IV. " + AGENDA[3]):]
    assert any("Công an phường rà soát người nước ngoài tạm trú" in line for line in fourth)
    # The tasks table: header then one row per task (who, unit, what, by when).
    rows = [line for line in body if line.startswith("|")]
    assert rows[0] == "| TT | Người thực hiện | Đơn vị | Nội dung | Thời hạn |"
    assert any("| Lê Thị Lan | Văn phòng HĐND và UBND |" in r and "03/11/2026" in r for r in rows)
    assert any("| Công an phường | Công an phường |" in r and "30/11/2026" in r for r in rows)
    # The verbatim transcript is only in the appendix.
    assert "Trịnh Văn Minh: Rõ." not in text
    assert model["appendix_title"] == APPENDIX_TITLE and "Trịnh Văn Minh: Rõ." in model["appendix"]
    meeting = store.get_meeting(conn, mid)
    assert meeting is not None and json.loads(meeting["minutes_json"])["engine"] == "extractive"


def test_docx_of_the_bien_ban_passes_the_nd30_checks(ward_conn, settings):
    conn = ward_conn
    mid = meeting_from(conn, agenda="\n".join(AGENDA))
    extract_meeting_tasks(conn, settings, mid, use_generator=False)
    draft_id = write_minutes(conn, settings, mid, use_generator=False)
    data = render_docx(draft_id, conn=conn)
    document = open_docx(data)
    assert run_fonts_ok(document) == [] and schema_order_problems(data) == []
    texts = [p.text for p in document.paragraphs]
    assert "BIÊN BẢN" in texts and "PHỤ LỤC" in texts and APPENDIX_TITLE in texts
    appendix_at = texts.index("PHỤ LỤC")
    assert document.paragraphs[appendix_at].paragraph_format.page_break_before
    tasks_table = document.tables[1]
    assert tasks_table.cell(0, 1).text == "Người thực hiện" and len(tasks_table.rows) >= 3
    assert all(13 in style_of(c.paragraphs[0]).sizes for c in tasks_table.rows[1].cells if c.text.strip())
    closing = document.tables[-1]
    assert [p.text for p in closing.cell(0, 0).paragraphs if p.text] == ["THƯ KÝ", "Lê Thị Lan"]
    assert [p.text for p in closing.cell(0, 1).paragraphs if p.text] == ["CHỦ TỌA", "Nguyễn Văn An"]


def test_topics_are_found_without_an_agenda():
    said = [("Nguyễn Văn An", "Rồi, mình bắt đầu giao ban nhé."),
            ("Nguyễn Văn An", "Thứ nhất là vụ xây dựng không phép trên tuyến Tam Trinh, dân phản ánh nhiều."),
            ("Trần Văn Hùng", "Hiện có năm công trình xây dựng không phép, hai công trình đã lập biên bản."),
            ("Nguyễn Văn An", "Giao anh Hùng rà soát toàn bộ công trình xây dựng không phép, báo cáo trước 5/12."),
            ("Nguyễn Văn An", "Thứ hai là hội nghị tiếp xúc cử tri cuối năm."),
            ("Lê Thị Lan", "Văn phòng đã gửi giấy mời đại biểu dự hội nghị tiếp xúc cử tri."),
            ("Nguyễn Văn An", "Chị Lan chuẩn bị báo cáo tổng hợp ý kiến cử tri nhé.")]
    sections = by_topic([Line(i, who, text, float(i)) for i, (who, text) in enumerate(said)], None)
    assert [s.title for s in sections] == ["Vụ xây dựng không phép trên tuyến Tam Trinh",
                                           "Hội nghị tiếp xúc cử tri cuối năm"]
    assert [len(s.lines) for s in sections] == [4, 3]


def cite_each_line(body: dict[str, Any]) -> str:
    """A model that summarises each line it is given, citing it, and adds one sentence with a made-up figure."""
    # A repair request (after a bad answer) carries the transcript in an earlier message.
    prompt = "\n".join(str(m["content"]) for m in body["messages"])
    lines = re.findall(r"^\[(\d+)\] ([^:\n]+): (.+)$", prompt, re.MULTILINE)
    points = [{"text": f"{who} nêu: {text}", "sources": [int(n)]} for n, who, text in lines[:3]]
    points.append({"text": f"Kinh phí sửa chữa là {UNSUPPORTED_FIGURE} đồng.", "sources": [int(lines[0][0])]})
    return json.dumps({"points": points, "conclusions": [{"text": lines[-1][2], "sources": [int(lines[-1][0])]}]},
                      ensure_ascii=False)


@pytest.mark.parametrize("behaviour", [b for b in BEHAVIOURS if b not in ("unsupported_citation",)])
def test_generator_items_are_grounded_or_fall_back(behaviour, misbehaving: Misbehaving, ward_conn, settings,
                                                   monkeypatch):
    monkeypatch.setattr(minutes_model, "MINUTES_DEADLINE_S", 1.0)
    misbehaving.default, misbehaving.answer = behaviour, cite_each_line
    registry = Registry.from_instances(settings, generator=misbehaving.generator(timeout=20))
    monkeypatch.setattr("appliance.engines.get_registry", lambda _s: registry)
    mid = meeting_from(ward_conn, agenda="\n".join(AGENDA[:2]))
    try:
        write_minutes(ward_conn, settings, mid)
    finally:
        reset_registry()
    meeting = store.get_meeting(ward_conn, mid)
    assert meeting is not None
    draft = json.loads(meeting["minutes_json"])
    points = [p for item in draft["items"] for p in item["points"]]
    assert points and all(p["sources"] for p in points)
    assert not any(UNSUPPORTED_FIGURE in p["text"] for p in points)
    if behaviour in ("good", "fenced", "preamble"):
        assert draft["engine"] == "city-llm" or "city-llm" in draft["engine"]
        assert draft["note"] == "2 câu bị bỏ vì không có căn cứ trong lời họp"
        assert "mỗi câu dẫn dòng lời họp làm căn cứ" in draft["method"]
    else:
        assert draft["engine"] == "extractive" and "phương pháp trích câu vì" in draft["method"]


def test_edit_then_issue_keeps_the_issued_document(ward_conn, settings):
    from appliance.meetings.minutes import issue_minutes, save_edited
    from appliance.meetings.minutes_content import Item, MinutesDraft, Point

    conn = ward_conn
    mid = meeting_from(conn)
    write_minutes(conn, settings, mid, use_generator=False)
    save_edited(conn, mid, MinutesDraft([Item("Công tác văn thư", [Point("Đồng chí Lan báo cáo lịch kiểm tra.")],
                                              [Point("Giao chị Lan chuẩn bị hồ sơ, xong trước thứ Ba.")])],
                                        "person", "Thư ký soạn"))
    draft_id = write_minutes(conn, settings, mid, use_generator=False)
    assert "- Đồng chí Lan báo cáo lịch kiểm tra." in get_document(conn, draft_id)["model"]["body"]
    so_ky_hieu = issue_minutes(conn, settings, mid, None)
    assert re.fullmatch(r"\d{2}/BB-UBND", so_ky_hieu)
    assert write_minutes(conn, settings, mid, use_generator=False) == draft_id  # the issued one stays
    assert get_document(conn, draft_id)["status"] == "issued"
    assert dt.date.fromisoformat(get_document(conn, draft_id)["ngay"])


def test_the_hour_is_said_only_when_the_record_knows_it(ward_conn, settings):
    """A recording uploaded after a meeting held on another day carries the upload's time: the biên bản
    gives the meeting's day with "… giờ …" for the secretary, never the upload's hour and day."""
    conn = ward_conn
    earlier = meeting_from(conn)
    meeting = store.get_meeting(conn, earlier)
    assert meeting is not None and meeting["meeting_date"] < dt.date.today().isoformat()
    day = dt.date.fromisoformat(meeting["meeting_date"])
    body = get_document(conn, write_minutes(conn, settings, earlier, use_generator=False) or 0)["model"]["body"]
    assert body[0] == f"Thời gian bắt đầu: … giờ …, ngày {day:%d} tháng {day:%m} năm {day.year}."
    assert body[-1].startswith("Cuộc họp kết thúc vào … giờ …, ngày")
    # Recorded here today: the recorder's clock is the meeting's, hour and minute are said.
    today = meeting_from(conn, "d02")
    conn.execute("UPDATE meetings SET meeting_date = ? WHERE id = ?",
                 (to_local(store.get_meeting(conn, today)["started_at"]).date().isoformat(), today))
    body = get_document(conn, write_minutes(conn, settings, today, use_generator=False) or 0)["model"]["body"]
    assert re.match(r"^Thời gian bắt đầu: \d\d giờ \d\d, ngày ", body[0]), body[0]


def test_the_chair_entered_with_a_title_is_still_the_chair(ward_conn, settings):
    """The secretary types the chair as the biên bản names them ("Nguyễn Văn An - Chủ tịch UBND phường");
    the transcript's speaker is the enrolled name. Until session 16 only an exact start matched, so with the
    title every chair direction lost its place in "Kết luận" or came out as "Nguyễn Văn An … nhận: …"."""
    def conclusions(chair: str) -> list[str]:
        mid = meeting_from(ward_conn, chair=chair, agenda="\n".join(AGENDA))
        extract_meeting_tasks(ward_conn, settings, mid, use_generator=False)
        body: list[str] = get_document(ward_conn, write_minutes(ward_conn, settings, mid,
                                                                use_generator=False))["model"]["body"]
        return [line for line in body if line.startswith("- ")]  # who raised what, and the conclusions

    plain = conclusions("Nguyễn Văn An")
    for entered in ("Nguyễn Văn An - Chủ tịch UBND phường", "Đồng chí Nguyễn Văn An, Chủ tịch UBND phường"):
        assert conclusions(entered) == plain, entered
    assert plain and not any("Nguyễn Văn An" in line and "nhận:" in line for line in plain)


OFFERED = Meeting("own1", "Giao ban tuần", dt.date(2026, 11, 30), "\n".join([
    "Nguyễn Văn An: Chủ nhật tuần này phường ra quân làm sạch các tuyến phố. Anh Hùng chuẩn bị dụng cụ trước thứ "
    "Sáu nhé.",
    "Trần Văn Hùng: Dạ rõ.",
    "Bùi Thanh Hương: Dạ phần tuyên truyền thì em sẽ nhắc các chi hội phụ nữ vận động hội viên tham gia ạ.",
    "Nguyễn Văn An: Được, thế nhé.",
]), ())


def test_a_commitment_the_task_list_drops_stays_in_the_conclusions(ward_conn, settings):
    """An undated offer nobody took up is no task for the tracker (tasks/undated_drops.py), but it is a commitment
    said in the meeting: "Kết luận" keeps it (until session 18 it took only the stored tasks' sentences)."""
    mid = store_meeting(ward_conn, OFFERED, chair="Nguyễn Văn An")
    extract_meeting_tasks(ward_conn, settings, mid, use_generator=False)
    assert [t["assignee"] for t in tasks.meeting_tasks(ward_conn, mid)] == ["Trần Văn Hùng"]
    body: list[str] = get_document(ward_conn, write_minutes(ward_conn, settings, mid,
                                                            use_generator=False))["model"]["body"]
    conclusions = body[body.index("Kết luận:"):]
    assert any("nhắc các chi hội phụ nữ vận động hội viên" in line for line in conclusions)
