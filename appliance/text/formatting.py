"""Numbers, dates and times written the Vietnamese way: 1.234, 93,8%, ngày 05 tháng 01 năm 2026,
05/01/2026 08:30 in the unit's own time zone."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from appliance.text.fold import fold


def _round(value: float, decimals: int) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """1234567.891 → '1.234.567' (or '1.234.567,89' with decimals=2)."""
    if value is None:
        return "—"
    rounded = _round(float(value), decimals)
    sign = "-" if rounded < 0 else ""
    text = f"{abs(rounded):,.{decimals}f}"  # '1,234,567.89'
    return sign + text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(value: float | None, decimals: int = 1) -> str:
    """93.75 → '93,8%' (value is already a percentage)."""
    if value is None:
        return "—"
    return format_number(value, decimals) + "%"


def format_date_short(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_month(value: str | dt.date | None) -> str:
    """'2026-12' (or a date in that month) → '12/2026', as a month is written here."""
    if not value:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%m/%Y")
    text = str(value).strip()
    match = re.match(r"^(\d{4})-(\d{1,2})", text)
    return f"{int(match.group(2)):02d}/{match.group(1)}" if match else text


def format_date_long(value: dt.date) -> str:
    """Nghị định 30 style: days below 10 and months 1–2 get a leading zero."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


# --- Local time for people -------------------------------------------------------------------
# Stored times are UTC (SQLite's datetime('now'), or an aware datetime); people read the unit's
# zone (setting `timezone`). The zone is process-wide: every entry point (create_app,
# create_public_app, the CLI and so the worker) calls configure_timezone(settings.timezone).

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
_zone: ZoneInfo = ZoneInfo(DEFAULT_TIMEZONE)


def configure_timezone(name: str) -> None:
    """Set the zone times are shown in (raises ZoneInfoNotFoundError for an unknown name)."""
    global _zone
    _zone = ZoneInfo(name)


def local_zone() -> ZoneInfo:
    return _zone


def utc_now() -> dt.datetime:
    """Now, aware, in UTC: what is stored."""
    return dt.datetime.now(dt.UTC)


def utc_stamp(value: dt.datetime | None = None) -> str:
    """'YYYY-MM-DD HH:MM:SS' in UTC, the shape SQLite's datetime('now') writes."""
    when = (value or utc_now())
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.strftime("%Y-%m-%d %H:%M:%S")


def local_now() -> dt.datetime:
    """Now, aware, in the unit's zone: for "today", deadlines and anything a person reads."""
    return dt.datetime.now(_zone)


def local_today() -> dt.date:
    """Today in the unit's zone, whatever zone the server process runs in."""
    return local_now().date()


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def to_local(value: str | dt.datetime | None) -> dt.datetime | None:
    """A stored time in the unit's zone. Naive values and offset-less strings are UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        when = value
    else:
        text = str(value).strip().replace("Z", "+00:00")
        try:
            when = dt.datetime.fromisoformat(text)
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(_zone)


def format_local_datetime(value: str | dt.datetime | None) -> str:
    """A stored UTC time as 'dd/mm/yyyy HH:MM' in the unit's zone ('' when empty or unreadable)."""
    when = to_local(value)
    return when.strftime("%d/%m/%Y %H:%M") if when else ""


def format_local_date(value: str | dt.date | dt.datetime | None) -> str:
    """'dd/mm/yyyy'. A time is converted to the unit's zone first; a bare date (a deadline,
    a meeting day: already the ward's calendar day) is shown as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        when = to_local(value)
        return when.strftime("%d/%m/%Y") if when else ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = str(value).strip()
    if _DATE_ONLY.match(text):
        try:
            return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
        except ValueError:
            return text
    when = to_local(text)
    return when.strftime("%d/%m/%Y") if when else text


def format_local_clock(value: str | dt.datetime | None) -> str:
    """'08 giờ 05 phút' in the unit's zone, as documents write a time of day ('' when empty)."""
    when = to_local(value)
    return f"{when.hour:02d} giờ {when.minute:02d} phút" if when else ""


def sqlite_local_modifier() -> str:
    """The SQLite date modifier from UTC to the unit's zone now ('+420 minutes' in Vietnam), so
    SQL can take a stored UTC time's calendar day: date(created_at, ?)."""
    offset = local_now().utcoffset() or dt.timedelta(0)
    return f"{int(offset.total_seconds() // 60):+d} minutes"


# --- Quantities with their unit ----------------------------------------------------------------
# Units that count whole things (folded): "37,6 hộ" is nonsense, so their figures show no decimals.
# Money, areas, lengths, weights and percentages keep one decimal when there is one.
COUNT_UNITS = frozenset({
    "ho", "ho gia dinh", "ho kinh doanh", "nguoi", "lao dong", "nguoi lao dong", "vu", "vu viec", "ho so",
    "truong hop", "luot", "luot nguoi", "co so", "doanh nghiep", "can", "can ho", "cai", "con", "chiec", "xe",
    "thua", "thua dat", "cong trinh", "cuoc", "lop", "hoc sinh", "chau", "tre", "phong", "diem", "to", "to dan pho",
    "khu", "nha", "buoi", "tin", "bai", "van ban", "phan anh", "viec", "suat", "phan qua", "tuyen", "du an",
    "giay phep", "hop dong", "ban", "thon", "so", "dot", "lan", "don", "kien nghi", "dang vien", "hoi vien",
})


def unit_decimals(unit: str | None) -> int:
    """0 for a unit that counts whole things (hộ, người, vụ…), else 1."""
    return 0 if fold(unit or "").strip() in COUNT_UNITS else 1


def format_quantity(value: float | int | None, unit: str | None, *, with_unit: bool = True) -> str:
    """37.6, 'hộ' → '38 hộ'; 86500.5, 'triệu đồng' → '86.500,5 triệu đồng'; 12.0, 'ha' → '12 ha'."""
    if value is None:
        return "—"
    unit = (unit or "").strip()
    decimals = unit_decimals(unit)
    if decimals and float(value).is_integer():
        decimals = 0
    number = format_number(value, decimals)
    if not with_unit or not unit:
        return number
    return f"{number}%" if unit == "%" else f"{number} {unit}"
