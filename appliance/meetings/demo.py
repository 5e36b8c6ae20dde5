"""Demo ward: one recorded meeting (a weekly briefing) with its transcript, speakers, biên bản draft
and extracted tasks. Loading stays fast: the transcript is prepared text, clearly labelled as demo
data (source 'demo'), and no audio is shipped; tasks and minutes go through the real extractor and
drafting module. Some tasks are confirmed and one is overdue, so the tracker and dashboard show them."""

from __future__ import annotations

import datetime as dt

from appliance.demo.context import DemoContext
from appliance.meetings import store
from appliance.meetings.jobs import extract_meeting_tasks
from appliance.meetings.minutes import write_minutes
from appliance.meetings.rows import NewLine
from appliance.tasks import service as tasks
from appliance.text.formatting import local_zone, utc_stamp

LINES = [
    ("SPEAKER_00", "Nguyễn Văn An", "Mở đầu cuộc họp giao ban tuần, đề nghị các phòng báo cáo nhanh tình hình."),
    ("SPEAKER_01", "Trần Văn Hùng", "Phòng Kinh tế, Hạ tầng và Đô thị báo cáo tuần qua đã xử lý 12 trường hợp lấn "
                                    "chiếm vỉa hè trên tuyến Tam Trinh."),
    ("SPEAKER_00", "Nguyễn Văn An", "Giao anh Hùng, Phòng Kinh tế, Hạ tầng và Đô thị, rà soát các công trình xây "
                                    "dựng không phép trên tuyến Tam Trinh, hoàn thành trước ngày 5/12."),
    ("SPEAKER_02", "Lê Thị Lan", "Văn phòng đã chuẩn bị xong dự thảo kế hoạch tổng kết năm."),
    ("SPEAKER_00", "Nguyễn Văn An", "Đề nghị chị Lan, Văn phòng HĐND và UBND, gửi giấy mời hội nghị tổng kết "
                                    "trong thứ Sáu tuần này."),
    ("SPEAKER_00", "Nguyễn Văn An", "Phòng Văn hóa - Xã hội chủ trì tổng hợp danh sách hộ nghèo, cận nghèo, báo "
                                    "cáo Ủy ban trong tháng 12."),
    ("SPEAKER_01", "Trần Văn Hùng", "Tôi xin nhận nhiệm vụ và sẽ báo cáo đúng hạn."),
    ("SPEAKER_00", "Nguyễn Văn An", "Yêu cầu đồng chí Minh, Công an phường, kiểm tra an ninh trật tự khu vực chợ, "
                                    "báo cáo kết quả trong vòng 3 ngày."),
]


def load(ctx: DemoContext) -> dict[str, int]:
    conn, anchor = ctx.conn, ctx.anchor
    day = anchor - dt.timedelta(days=anchor.weekday() + 7)  # Monday of the week before the anchor
    meeting_id = store.create_meeting(conn, "Giao ban tuần (dữ liệu mẫu)", room="phong-hop-1", source="demo",
                                      status="processing", meeting_date=day.isoformat())
    start, lines = 0.0, []
    for label, _name, text in LINES:
        length = max(3.0, len(text.split()) * 0.42)
        lines.append(NewLine(start, start + length, text, speaker=label))
        start += length + 0.8
    store.add_lines(conn, meeting_id, lines)
    for label, name in {label: name for label, name, _t in LINES}.items():
        store.add_speaker(conn, meeting_id, label, name, source="hand")
    store.update_meeting(conn, meeting_id, {
        "started_at": utc_stamp(dt.datetime.combine(day, dt.time(8), tzinfo=local_zone())), "duration_s": start,
        "location": "Phòng họp tầng 2, UBND phường", "chair": "Nguyễn Văn An - Chủ tịch UBND phường",
        "secretary": "Lê Thị Lan", "attendees": "Lãnh đạo UBND phường; trưởng các phòng, đơn vị",
        "recorder_closed": 1, "transcriber": "dữ liệu mẫu: lời chép soạn sẵn, không có âm thanh",
        "diarizer": "dữ liệu mẫu: người nói đặt tay"})
    found = extract_meeting_tasks(conn, ctx.settings, meeting_id, use_generator=False)
    # Two tasks confirmed by the chairman's office: the tracker shows one open and one overdue.
    for task in tasks.meeting_tasks(conn, meeting_id):
        if task["status"] == "proposed" and ("minh" in task["assignee"].lower() or "Hùng" in task["assignee"]):
            tasks.update_task(conn, task["id"], tasks.TaskChanges(status="assigned"), None)
    try:
        write_minutes(conn, ctx.settings, meeting_id, use_generator=False)
    except Exception:  # the demo never fails on a missing drafting module; the transcript is there
        pass
    store.set_status(conn, meeting_id, "done", "Dữ liệu mẫu: lời chép soạn sẵn (không có âm thanh).")
    return {"meetings": 1, "tasks": found}
