"""Biên bản per Mẫu 1.9 (Phụ lục III, NĐ 30/2020): the body is built from structured fields.

Mẫu 1.9 order: thời gian bắt đầu, địa điểm, thành phần tham dự, chủ trì (chủ tọa), thư ký
(người ghi biên bản), nội dung (theo diễn biến), then "Cuộc họp kết thúc vào … giờ …, ngày …".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from appliance.text import format_date_long, normalize, parse_datetime

ELLIPSIS = "…"
_CLOCK = re.compile(r"^(\d{1,2})\s*(?:[:hg]|giờ)\s*(\d{1,2})?\s*(?:phút)?$", re.IGNORECASE)
STRUCTURED_KEYS = ("thoi_gian_bat_dau", "dia_diem", "thanh_phan", "chu_tri", "thu_ky", "ket_luan",
                   "thoi_gian_ket_thuc", "phan_cong")
TASK_HEADER = ("TT", "Người thực hiện", "Đơn vị", "Nội dung", "Thời hạn")


def _end(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "…", ":", ";", "!", "?")) else text + "."


def has_structure(payload: Mapping[str, object]) -> bool:
    return any(payload.get(key) for key in STRUCTURED_KEYS)


def _items(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [normalize(str(v)).strip() for v in value if str(v).strip()]
    return [normalize(line).strip() for line in str(value).splitlines() if line.strip()]


def moment(value: object, day: dt.date) -> str:
    """"08 giờ 00, ngày 05 tháng 02 năm 2026" from "08:00", "8h30", an ISO datetime…"""
    if value is None or str(value).strip() == "":
        return f"… giờ …, {format_date_long(day)}"
    if isinstance(value, dt.datetime):
        when = value
    else:
        text = str(value).strip()
        clock = _CLOCK.match(text)
        if clock:
            hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
            if hour > 23 or minute > 59:
                return normalize(text)
            when = dt.datetime(day.year, day.month, day.day, hour, minute)
        else:
            parsed = parse_datetime(text)
            if parsed is None:
                return normalize(text)  # written by a person ("sáng cùng ngày"): keep as is
            when = parsed
    return f"{when.hour:02d} giờ {when.minute:02d}, {format_date_long(when.date())}"


def body_lines(payload: Mapping[str, object], day: dt.date) -> list[str]:
    lines = [_end(f"Thời gian bắt đầu: {moment(payload.get('thoi_gian_bat_dau'), day)}")]
    lines.append(_end(f"Địa điểm: {normalize(str(payload.get('dia_diem') or ELLIPSIS))}"))
    attendees = _items(payload.get("thanh_phan"))
    if len(attendees) > 1:
        lines.append("Thành phần tham dự:")
        lines += [f"- {a.rstrip(' ;.')};" for a in attendees]
    else:
        lines.append(_end(f"Thành phần tham dự: {attendees[0] if attendees else ELLIPSIS}"))
    lines.append(_end(f"Chủ trì (chủ tọa): {normalize(str(payload.get('chu_tri') or ELLIPSIS))}"))
    lines.append(_end(f"Thư ký (người ghi biên bản): {normalize(str(payload.get('thu_ky') or ELLIPSIS))}"))
    lines.append("Nội dung (theo diễn biến cuộc họp):")
    content = _items(payload.get("noi_dung")) or _items(payload.get("yeu_cau")) or [ELLIPSIS]
    lines += content
    conclusions = _items(payload.get("ket_luan"))
    if conclusions:
        lines.append("Kết luận của chủ tọa:")
        lines += conclusions
    rows = payload.get("phan_cong")
    if isinstance(rows, list) and rows:
        lines.append("Phân công nhiệm vụ:")
        lines += [task_row(TASK_HEADER)] + [task_row((str(i), *map(str, row))) for i, row in enumerate(rows, 1)
                                             if isinstance(row, list | tuple)]
    lines.append(f"Cuộc họp kết thúc vào {moment(payload.get('thoi_gian_ket_thuc'), day)}./.")
    return lines


def task_row(cells: tuple[str, ...] | list[str]) -> str:
    """A row of the tasks table as a body line ("| 1 | … |"; drafting.layout renders it as a table)."""
    return "| " + " | ".join(normalize(c).replace("|", "/").strip() or "…" for c in cells) + " |"


def meeting_date(payload: Mapping[str, object], fallback: dt.date) -> dt.date:
    start = payload.get("thoi_gian_bat_dau")
    parsed = parse_datetime(start) if start and not _CLOCK.match(str(start).strip()) else None
    return parsed.date() if parsed else fallback
