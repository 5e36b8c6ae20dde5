"""`appliance doctor` checks of the citizen service: catalogue published, Zalo configured,
nothing stuck in the Zalo outbox. None is essential: the appliance runs without Zalo."""

from __future__ import annotations

import sqlite3

from appliance.citizen import zalo_path
from appliance.config import Settings
from appliance.system.checks import Check


def _count(path: object, sql: str) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def checks(settings: Settings) -> list[Check]:
    results = []
    published = _count(settings.public_db_path, "SELECT count(*) FROM pub_procedures")
    results.append(Check("Cổng công dân: danh mục thủ tục", bool(published),
                         f"{published} thủ tục đã công bố" if published else "chưa công bố danh mục thủ tục",
                         essential=False, fix="appliance citizen publish (hoặc khởi động appliance serve)"))
    signed = bool(settings.zalo_app_id and settings.zalo_oa_secret_key)
    sending = bool(settings.zalo_access_token or settings.zalo_refresh_token)
    results.append(Check("Zalo OA", signed and sending,
                         "đã cấu hình nhận và gửi tin" if signed and sending else
                         "chưa cấu hình (webhook trả 503, chatbot Zalo tắt)" if not signed else
                         "nhận được tin nhưng chưa có token để gửi trả lời",
                         essential=False, fix="appliance setup (mục [zalo]) hoặc trang /thiet-lap; hoặc đặt "
                                              "APPLIANCE_ZALO_APP_ID, APPLIANCE_ZALO_OA_SECRET_KEY, "
                                              "APPLIANCE_ZALO_REFRESH_TOKEN, APPLIANCE_ZALO_APP_SECRET"))
    results += zalo_path.checks(settings)
    stuck = _count(settings.db_path, "SELECT count(*) FROM zalo_outbox WHERE status IN ('uncertain', 'failed')"
                                     " OR (status = 'pending' AND created_at < datetime('now', '-1 hour'))")
    if stuck is not None:
        results.append(Check("Zalo: hàng đợi tin nhắn", stuck == 0,
                             "không có tin nhắn bị kẹt" if stuck == 0 else f"{stuck} tin nhắn chưa gửi được hoặc "
                             "không rõ đã gửi chưa", essential=False,
                             fix="xem /quan-tri/cong-dan và trang từng phản ánh; kiểm tra kết nối Internet và token"))
    return results
