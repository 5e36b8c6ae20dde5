"""Citizen feedback of a year, in every category of CONTRACT §5, with realistic states."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3

from appliance.citizen.staff import store
from appliance.citizen.tickets import new_ticket_code
from appliance.text import fold
from appliance.text.dates import add_working_days
from appliance.text.formatting import local_zone, utc_stamp

STREETS = ["ngõ 12 Tương Mai", "phố Trương Định", "ngõ 185 Giáp Bát", "tổ dân phố số 7", "đường Kim Đồng",
           "ngõ 34 Nguyễn An Ninh", "khu tập thể Tương Mai", "ngách 8/15 Hoàng Mai", "chợ Tương Mai"]
TEXTS = {
    "dat_dai": ["Nhà hàng xóm tại {s} lấn sang phần đất của gia đình tôi khoảng 0,5 m, đề nghị phường giải quyết.",
                "Hồ sơ cấp sổ đỏ của gia đình tôi nộp từ lâu chưa có kết quả, đề nghị cho biết tiến độ.",
                "Tranh chấp ranh giới thửa đất tại {s}, đề nghị phường tổ chức hòa giải."],
    "trat_tu_do_thi": ["Công trình tại {s} xây dựng vượt tầng, không có giấy phép.",
                       "Quán ăn ở {s} lấn chiếm vỉa hè, người đi bộ phải đi xuống lòng đường.",
                       "Biển quảng cáo lớn tại {s} lắp đặt trái phép, có nguy cơ đổ."],
    "moi_truong": ["Rác thải tập kết tại {s} nhiều ngày không được thu gom, bốc mùi hôi thối.",
                   "Xưởng gỗ ở {s} gây tiếng ồn lớn cả buổi tối, đề nghị kiểm tra.",
                   "Khói từ bếp than của nhà hàng tại {s} gây ô nhiễm không khí."],
    "ha_tang": ["Đèn chiếu sáng tại {s} bị hỏng hơn một tuần, buổi tối rất tối.",
                "Cống thoát nước tại {s} bị tắc, mưa là ngập.",
                "Mặt đường {s} có ổ gà lớn, nhiều xe máy bị ngã.",
                "Cây xanh tại {s} có cành khô sắp gãy, nguy hiểm cho người đi đường.",
                "Khu vực {s} mất nước sinh hoạt 3 ngày nay."],
    "an_ninh_trat_tu": ["Nhóm thanh niên tụ tập đua xe, gây mất trật tự tại {s} vào ban đêm.",
                        "Nghi có người bán ma túy ở khu vực {s}, đề nghị công an kiểm tra.",
                        "Trộm cắp xe máy xảy ra nhiều lần tại {s}."],
    "thu_tuc_hanh_chinh": ["Cán bộ bộ phận một cửa hướng dẫn không rõ ràng, tôi phải đi lại nhiều lần.",
                           "Hồ sơ chứng thực của tôi bị trả chậm so với giấy hẹn.",
                           "Đề nghị phường bố trí thêm ghế chờ và số thứ tự tại bộ phận tiếp nhận."],
    "chinh_sach_xa_hoi": ["Mẹ tôi đủ 80 tuổi nhưng chưa được hưởng trợ cấp xã hội hàng tháng.",
                          "Đề nghị xem xét hỗ trợ cho gia đình có hoàn cảnh khó khăn tại {s}.",
                          "Trường mầm non gần {s} thu thêm các khoản không rõ ràng.",
                          "Chế độ người có công của bố tôi chưa được điều chỉnh theo mức mới."],
    "khac": ["Đề nghị phường tổ chức thêm lớp tập dưỡng sinh cho người cao tuổi.",
             "Xin hỏi lịch tiếp công dân của lãnh đạo phường trong tháng này.",
             "Góp ý nên có thêm nhà văn hóa cho {s}."],
}
NAMES = ["Nguyễn Văn Hải", "Trần Thị Hoa", "Lê Quang Minh", "Phạm Thị Thu", "Đặng Văn Toàn", "Vũ Thị Ngọc",
         "Bùi Đức Long", "Hoàng Thị Yến"]
WEIGHTS = {"dat_dai": 8, "trat_tu_do_thi": 14, "moi_truong": 14, "ha_tang": 18, "an_ninh_trat_tu": 8,
           "thu_tuc_hanh_chinh": 7, "chinh_sach_xa_hoi": 8, "khac": 5}


def load(conn: sqlite3.Connection, rng: random.Random, anchor: dt.date, count: int = 420) -> int:
    routing = {r["category"]: (r["department"], r["sla_days"]) for r in
               conn.execute("SELECT category, department, sla_days FROM feedback_routing")}
    categories = list(WEIGHTS)
    seen: set[str] = set()
    rows = []
    for _ in range(count):
        category = rng.choices(categories, [WEIGHTS[c] for c in categories])[0]
        text = rng.choice(TEXTS[category]).format(s=rng.choice(STREETS))
        created = anchor - dt.timedelta(days=rng.randint(0, 364))
        department, sla = routing[category]
        deadline = add_working_days(created, sla)
        age = (anchor - created).days
        if age > sla * 2 or (age > sla and rng.random() < 0.8):
            status = "tu_choi" if rng.random() < 0.04 else "da_xu_ly"
        elif age > 2:
            status = rng.choice(["dang_xu_ly", "dang_xu_ly", "da_xu_ly", "cho_xu_ly"])
        else:
            status = "cho_xu_ly"
        resolved = None
        if status in ("da_xu_ly", "tu_choi"):
            resolved = add_working_days(created, rng.randint(1, sla + (3 if rng.random() < 0.2 else 0)))
            resolved = min(resolved, anchor)
        code = new_ticket_code(rng)
        while code in seen:
            code = new_ticket_code(rng)
        seen.add(code)
        channel = rng.choice(["web", "zalo", "zalo", "counter"])
        name = rng.choice(NAMES)
        phone = "09" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        street = rng.choice(STREETS)
        filed_at = dt.time(rng.randint(7, 20), rng.randint(0, 59))  # office hours, the ward's clock
        rows.append((code, channel, text, fold(text), category, department, status, name, phone,
                     street, utc_stamp(dt.datetime.combine(created, filed_at, tzinfo=local_zone())),
                     deadline.isoformat(), resolved.isoformat() if resolved else None))
    store.insert_demo_feedback(conn, rows)
    return len(rows)
