"""Reminders (issue 17): overdue and due-soon tasks on the assignee's home page, the leaders' panel on
the dashboard and the assignee's daily digest, over real HTTP on a real SQLite database."""

from __future__ import annotations

import datetime as dt
import re

from appliance import ward
from appliance.db import connect
from appliance.tasks import service
from appliance.text.dates import add_working_days
from appliance.text.formatting import format_date_short, local_today
from appliance.ward.service import save_member
from tests.conftest import login


def _section(html: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}".*?</(section|ul)>', html, re.S)
    assert found, f"no #{element_id} on the page"
    return found.group(0)


def test_reminders_reach_the_assignee_and_the_leader(server, settings):
    today = local_today()
    conn = connect(settings.db_path)
    save_member(conn, full_name="Nguyễn Thị Lan", title="Chuyên viên", unit="Văn phòng HĐND và UBND",
                     username="canbo")
    save_member(conn, full_name="Phạm Văn Hùng", title="Chỉ huy trưởng", unit="Ban Chỉ huy quân sự")
    calendar = ward.work_calendar(conn)
    late = today - dt.timedelta(days=3)
    soon = add_working_days(today, 2, calendar)
    ids = {
        "late": service.add_task(conn, "Nguyễn Thị Lan", "Báo cáo kết quả tiếp công dân", deadline=late.isoformat()),
        "soon": service.add_task(conn, "Nguyễn Thị Lan", "Rà soát hồ sơ hộ nghèo", deadline=soon.isoformat()),
        "far": service.add_task(conn, "Nguyễn Thị Lan", "Tổng kết năm",
                                deadline=(today + dt.timedelta(days=40)).isoformat()),
        "done": service.add_task(conn, "Nguyễn Thị Lan", "Việc đã xong", deadline=late.isoformat()),
        "other": service.add_task(conn, "Phạm Văn Hùng", "Kiểm tra công tác tuyển quân",
                                  deadline=today.isoformat()),
    }
    service.update_task(conn, ids["done"], service.TaskChanges(status="done"), None)
    lan = service.staff_id_of_user(conn, "canbo")
    assert lan is not None
    assert [r.id for r in service.reminders(conn, today, staff_id=lan)] == [ids["late"], ids["soon"]]
    conn.close()

    with server.client() as c:
        login(c, "canbo", "canbo-demo")
        mine = _section(c.get("/").text, "my-reminders")
        assert "Báo cáo kết quả tiếp công dân" in mine and "quá hạn 3 ngày" in mine
        assert f"hạn {format_date_short(late)}" in mine
        assert "Rà soát hồ sơ hộ nghèo" in mine and "còn 2 ngày làm việc" in mine
        assert f"hạn {format_date_short(soon)}" in mine
        for absent in ("Tổng kết năm", "Việc đã xong", "Kiểm tra công tác tuyển quân"):
            assert absent not in mine
        assert 'id="leader-tasks"' not in c.get("/").text  # staff do not get the leaders' panel

        digest = c.get("/nhiem-vu/hom-nay")
        assert digest.status_code == 200
        assert f"Nhiệm vụ hôm nay <span class=\"muted\">{format_date_short(today)}</span>" in digest.text
        assert "Báo cáo kết quả tiếp công dân" in _section(digest.text, "digest-overdue")
        assert "Rà soát hồ sơ hộ nghèo" in _section(digest.text, "digest-soon")
        assert "Kiểm tra công tác tuyển quân" not in digest.text and "Tổng kết năm" not in digest.text

    with server.client() as c:
        login(c, "lanhdao", "lanhdao-demo")
        page = c.get("/").text
        everyone = _section(page, "leader-reminders")
        assert "Nhiệm vụ quá hạn / sắp đến hạn" in page
        for shown in ("Báo cáo kết quả tiếp công dân", "Rà soát hồ sơ hộ nghèo", "Kiểm tra công tác tuyển quân"):
            assert shown in everyone
        assert "Phạm Văn Hùng" in everyone and "đến hạn hôm nay" in everyone
        assert "Tổng kết năm" not in everyone and "Việc đã xong" not in everyone
        # the leader's own account is not in the directory: said, not guessed
        assert "chưa gắn với một người trong danh bạ" in _section(page, "my-tasks")
        assert "chưa gắn với một người trong danh bạ" in c.get("/nhiem-vu/hom-nay").text


def test_the_demo_accounts_are_people_of_the_demo_directory(demo_settings):
    conn = connect(demo_settings.db_path)
    people = {m.id: m.full_name for m in ward.directory(conn)}
    assert people[service.staff_id_of_user(conn, "canbo")] == "Nguyễn Thị Lan"
    assert people[service.staff_id_of_user(conn, "lanhdao")] == "Nguyễn Văn An"
    assert service.staff_id_of_user(conn, "manhinh") is None
    conn.close()
