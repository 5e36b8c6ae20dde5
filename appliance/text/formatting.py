"""Numbers and dates written the Vietnamese way: 1.234, 93,8%, ngày 05 tháng 01 năm 2026."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


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


def format_date_long(value: dt.date) -> str:
    """Nghị định 30 style: days below 10 and months 1–2 get a leading zero."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"
