"""The tasks the impact report counts, where each is counted from, and the ward's baselines."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from appliance.auth.audit import audit
from appliance.auth.users import User
from appliance.db import transaction
from appliance.http.errors import AppError
from appliance.impact import store

Source = Literal["audit", "data"]


@dataclass(frozen=True)
class Kind:
    key: str
    label: str       # Vietnamese, a column heading
    noun: str        # what one counted row is ("câu hỏi", "văn bản")
    feature: str     # which feature did the work
    source: Source   # counted from the audit log or from the feature's own rows
    basis: str       # what exactly is counted, for the page's explanation
    manual_hint: str  # what the manual baseline means, for the form


KINDS: tuple[Kind, ...] = (
    Kind("hoi_so_lieu", "Hỏi đáp số liệu", "câu hỏi", "ask", "audit",
         "câu hỏi số liệu được trả lời (nhật ký: «hỏi số liệu»; câu hỏi bị từ chối không tính)",
         "tổng hợp một số liệu từ sổ sách, bảng tính"),
    Kind("hoi_phap_ly", "Tra cứu pháp lý, thủ tục", "câu hỏi", "knowledge", "audit",
         "câu hỏi gửi trợ lý pháp lý (nhật ký: «hỏi trợ lý pháp lý»)", "tìm văn bản, điều khoản để trả lời"),
    Kind("du_thao", "Soạn dự thảo văn bản", "văn bản", "drafting", "data",
         "dự thảo tạo trong mục Soạn thảo (trừ biên bản cuộc họp, đã tính ở cột biên bản)",
         "soạn một công văn, thông báo… bằng tay"),
    Kind("tom_tat", "Tóm tắt văn bản", "văn bản", "knowledge", "audit",
         "lần tóm tắt văn bản (nhật ký: «tóm tắt một văn bản»)", "đọc và tóm tắt một văn bản"),
    Kind("bien_ban", "Biên bản cuộc họp", "biên bản", "meetings", "data",
         "cuộc họp đã có biên bản do máy lập (theo ngày họp)", "ghi và viết một biên bản bằng tay"),
    Kind("tra_loi_cong_dan", "Trả lời câu hỏi của công dân", "câu trả lời", "citizen", "data",
         "câu trả lời tự động về thủ tục, câu hỏi thường gặp, tình trạng phản ánh (trang web, Zalo)",
         "trả lời một cuộc gọi, câu hỏi của công dân"),
    Kind("chuyen_phan_anh", "Phân loại, chuyển phản ánh", "phản ánh", "citizen", "data",
         "phản ánh nhận được, tự phân loại và chuyển đơn vị xử lý", "đọc, phân loại và chuyển một phản ánh"),
)
KIND_BY_KEY = {k.key: k for k in KINDS}
MAX_MINUTES = 24 * 60


@dataclass(frozen=True)
class Baseline:
    manual: float | None     # minutes per task done by hand, as the ward estimates it
    assisted: float | None   # minutes the task still takes a person with the appliance
    updated_by: str | None = None
    updated_at: str | None = None

    @property
    def complete(self) -> bool:
        return self.manual is not None and self.assisted is not None

    @property
    def saved(self) -> float | None:
        """Minutes saved per task (never below 0: a slower tool saves nothing, it is not a gain)."""
        if self.manual is None or self.assisted is None:
            return None
        return max(0.0, self.manual - self.assisted)


def baselines(conn: sqlite3.Connection) -> dict[str, Baseline]:
    stored = {r["kind"]: Baseline(r["manual_minutes"], r["assisted_minutes"], r["updated_by"], r["updated_at"])
              for r in store.baseline_rows(conn)}
    return {k.key: stored.get(k.key, Baseline(None, None)) for k in KINDS}


def _minutes(raw: str | None, label: str, *, zero_ok: bool) -> float | None:
    text = (raw or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise AppError(422, f"{label}: cần nhập một số phút (ví dụ 45 hoặc 7,5).", "invalid") from None
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok) or value > MAX_MINUTES:
        low = "từ 0" if zero_ok else "lớn hơn 0"
        raise AppError(422, f"{label}: số phút phải {low} và không quá {MAX_MINUTES:,} phút.".replace(",", "."),
                       "invalid")
    return value


def save_baselines(conn: sqlite3.Connection, form: Mapping[str, str], user: User) -> int:
    """Every kind's two numbers from the form (`manual_<kind>`, `assisted_<kind>`; empty = not set).
    All are checked before any is stored; returns how many kinds changed."""
    current = baselines(conn)
    changes: list[tuple[str, float | None, float | None]] = []
    for kind in KINDS:
        manual = _minutes(form.get(f"manual_{kind.key}"), f"{kind.label}, làm thủ công", zero_ok=False)
        assisted = _minutes(form.get(f"assisted_{kind.key}"), f"{kind.label}, khi dùng trợ lý", zero_ok=True)
        if manual is not None and assisted is not None and assisted > manual:
            raise AppError(422, f"{kind.label}: thời gian khi dùng trợ lý ({_vn(assisted)} phút) lớn hơn thời gian "
                                f"làm thủ công ({_vn(manual)} phút). Kiểm tra lại hai số này.", "invalid")
        before = current[kind.key]
        if (manual, assisted) != (before.manual, before.assisted):
            changes.append((kind.key, manual, assisted))
    with transaction(conn):
        for key, manual, assisted in changes:
            store.set_baseline(conn, key, manual, assisted, user.username)
        if changes:
            audit(conn, "impact.baselines", user=user, target=",".join(k for k, _, _ in changes),
                  detail={k: {"thu_cong": m, "dung_tro_ly": a} for k, m, a in changes})
    return len(changes)


def _vn(value: float) -> str:
    return f"{value:g}".replace(".", ",")
