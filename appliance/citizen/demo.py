"""Demo ward: a few FAQ entries and a notice (fictional Phường Mẫu), then publish the catalogue,
routing, FAQ and notices to public.db and mirror the demo feedback's public status (no personal
data), so the citizen app answers and looks tickets up at once."""

from __future__ import annotations

from appliance.citizen import demo_feedback
from appliance.citizen.public.store import public_db
from appliance.citizen.staff import store
from appliance.citizen.staff.sync import publish, push_ticket
from appliance.db import transaction
from appliance.demo.context import DemoContext

FEEDBACK_SEED = 2  # fixed offset from the demo seed (see DemoContext.random)

FAQ = [
    ("Giờ làm việc của bộ phận một cửa phường?",
     "Bộ phận một cửa của Phường Mẫu tiếp nhận hồ sơ từ thứ Hai đến thứ Sáu, sáng 8:00–11:30, chiều 13:30–17:00; "
     "sáng thứ Bảy tiếp nhận một số thủ tục hộ tịch, chứng thực (dữ liệu mẫu)."),
    ("Lịch tiếp công dân của lãnh đạo phường?",
     "Chủ tịch UBND Phường Mẫu tiếp công dân định kỳ sáng thứ Năm tuần thứ hai hằng tháng tại trụ sở UBND phường "
     "(dữ liệu mẫu)."),
    ("Nộp hồ sơ trực tuyến ở đâu?",
     "Bạn nộp trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) bằng tài khoản định danh điện tử VNeID mức 2; "
     "thủ tục cư trú nộp qua ứng dụng VNeID."),
]
NOTICE = ("Tiếp nhận hồ sơ sáng thứ Bảy",
          "Từ tháng 11/2026, bộ phận một cửa Phường Mẫu tiếp nhận hồ sơ hộ tịch và chứng thực vào sáng thứ Bảy "
          "(dữ liệu mẫu).")


def load(ctx: DemoContext) -> dict[str, int]:
    with transaction(ctx.conn):
        feedback = demo_feedback.load(ctx.conn, ctx.random(FEEDBACK_SEED), ctx.anchor)
    with transaction(ctx.conn):
        if not store.has_faq(ctx.conn):
            for question, answer in FAQ:
                store.add_faq(ctx.conn, question, answer, "demo")
            store.add_notice(ctx.conn, *NOTICE, "demo")
    with public_db(ctx.settings) as public:
        publish(ctx.conn, public)
        rows = ctx.conn.execute("SELECT * FROM feedback").fetchall()
        with transaction(public):
            for row in rows:
                push_ticket(public, row)
    return {"feedback": feedback, "public_tickets": len(rows), "citizen_faq": len(FAQ)}
