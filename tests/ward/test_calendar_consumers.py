"""Every working-day count uses the ward's calendar: a complaint filed before Tết gets its SLA
after the holiday (citizen intake, on the calendar published to public.db), and "trong N ngày làm
việc" in a meeting lands after the ward's own day off (task deadlines)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.intake import file_feedback
from appliance.citizen.public.store import public_db
from appliance.citizen.staff import inbox
from appliance.citizen.staff.sync import publish
from appliance.config import Settings
from appliance.tasks import service as tasks
from appliance.ward import service as ward
from appliance.ward import work_calendar


def test_a_complaint_filed_before_tet_gets_its_deadline_after_the_holiday(conn: sqlite3.Connection,
                                                                            settings: Settings) -> None:
    inbox.update_routing(conn, "moi_truong", "Phòng Kinh tế, Hạ tầng và Đô thị", 5, "quantri")
    with public_db(settings) as public:
        publish(conn, public)
        # Thursday 12/02/2026, the last days before Tết Bính Ngọ (off Monday 16 to Friday 20 February).
        ticket = file_feedback(public, "Rác thải đổ bừa bãi ở đầu ngõ 12 phố Hoa Sen, bốc mùi rất khó chịu",
                               now=dt.datetime(2026, 2, 12, 9, 0))
        # 5 working days: Fri 13, then after the holiday Mon 23, Tue 24, Wed 25, Thu 26.
        assert ticket["category"] == "moi_truong"
        assert ticket["deadline"] == "2026-02-26"

        # The ward works Saturday 14/02 (an admin's làm bù entry) and publishes: one day sooner.
        ward.set_calendar_day(conn, "14/02/2026", "work", "Làm bù")
        publish(conn, public)
        again = file_feedback(public, "Rác thải đổ bừa bãi ở cuối ngõ 14 phố Hoa Sen, xin xử lý sớm",
                              now=dt.datetime(2026, 2, 12, 9, 5))
        assert again["deadline"] == "2026-02-25"


def test_meeting_deadlines_in_working_days_use_the_wards_calendar(conn: sqlite3.Connection) -> None:
    said = "Giao anh Hùng phòng Kinh tế hoàn thành báo cáo trong 3 ngày làm việc."
    found, _engine = tasks.extract(said, dt.date(2027, 2, 3), work_calendar(conn))
    # Wednesday 03/02/2027, before Tết Đinh Mùi (off 4–10 February): Thu 11, Fri 12, Mon 15.
    assert found and found[0].deadline == "2027-02-15"
    ward.set_calendar_day(conn, "2027-02-11", "off", "Nghỉ thêm theo quyết định của UBND thành phố")
    found, _engine = tasks.extract(said, dt.date(2027, 2, 3), work_calendar(conn))
    assert found[0].deadline == "2027-02-16"


def test_the_wards_opening_hours_reach_the_chatbot(conn: sqlite3.Connection, settings: Settings) -> None:
    ward.save_profile(conn, {"name": "Phường Hoa Sen", "unit_code": "UBND", "place_name": "Hà Nội",
                             "address": "Số 12 phố Hoa Sen",
                             "opening_hours": "Thứ Hai – thứ Sáu: 7:30–11:30, 13:30–17:00"})
    with public_db(settings) as public:
        publish(conn, public)
        reply = ChatBot().handle(public, "web:gio-lam-viec", "đăng ký khai sinh nộp ở đâu")
        assert "Giờ làm việc: Thứ Hai – thứ Sáu: 7:30–11:30, 13:30–17:00" in reply.reply
        police = ChatBot().handle(public, "web:tam-tru", "đăng ký tạm trú nộp ở đâu")
        assert "Giờ làm việc: Thứ Hai" not in police.reply  # filed with Công an phường, not at the ward's desk
