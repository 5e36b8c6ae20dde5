"""An independent reference for the evaluation set: CONTRACT §4 computed in plain Python over the
generated rows (no SQL, no code shared with appliance.ask), with periods written out by hand."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

Row = dict[str, Any]
Span = tuple[dt.date, dt.date]
RESOLVED = "Đã trả kết quả"


def month(y: int, m: int) -> Span:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def quarter(y: int, q: int) -> Span:
    return month(y, 3 * q - 2)[0], month(y, 3 * q)[1]


def year(y: int) -> Span:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def within(day: dt.date | None, span: Span) -> bool:
    return day is not None and span[0] <= day <= span[1]


class Reference:
    def __init__(self, data: dict[str, list[Row]], today: dt.date):
        self.records = data["records"]
        self.feedback = data["feedback"]
        self.indicators = data["indicators"]
        self.labels = {x["category"]: x["label"] for x in data["labels"]}
        self.today = today

    # --- record selections -------------------------------------------------------------------
    def _match(self, r: Row, f: dict[str, str]) -> bool:
        return all(r[k] == v for k, v in f.items())

    def received(self, span: Span, **f: str) -> list[Row]:
        return [r for r in self.records if within(r["ngay_tiep_nhan"], span) and self._match(r, f)]

    def resolved(self, span: Span, **f: str) -> list[Row]:
        return [r for r in self.records if r["trang_thai"] == RESOLVED and within(r["ngay_tra_ket_qua"], span)
                and self._match(r, f)]

    def open_at(self, day: dt.date, **f: str) -> list[Row]:
        """Open at a day: not returned by that day (CONTRACT §4: a count as of a day never looks past it)."""
        return [r for r in self.records if (r["ngay_tra_ket_qua"] is None or r["ngay_tra_ket_qua"] > day)
                and r["trang_thai"] != "Từ chối" and r["ngay_tiep_nhan"] <= day and self._match(r, f)]

    def overdue_at(self, day: dt.date, **f: str) -> list[Row]:
        return [r for r in self.open_at(day, **f) if r["han_xu_ly"] < day]

    # --- measures ----------------------------------------------------------------------------
    @staticmethod
    def on_time(rows: list[Row]) -> int:
        return sum(1 for r in rows if r["ngay_tra_ket_qua"] <= r["han_xu_ly"])

    @staticmethod
    def late(rows: list[Row]) -> int:
        return sum(1 for r in rows if r["ngay_tra_ket_qua"] > r["han_xu_ly"])

    @staticmethod
    def rate(part: int, whole: int) -> float | None:
        return 100.0 * part / whole if whole else None

    def on_time_rate(self, span: Span, **f: str) -> float | None:
        rows = self.resolved(span, **f)
        return self.rate(self.on_time(rows), len(rows))

    def late_rate(self, span: Span, **f: str) -> float | None:
        rows = self.resolved(span, **f)
        return self.rate(self.late(rows), len(rows))

    def online_rate(self, span: Span, **f: str) -> float | None:
        rows = self.received(span, **f)
        return self.rate(sum(1 for r in rows if r["hinh_thuc_nop"] == "Trực tuyến"), len(rows))

    def rejected(self, span: Span, **f: str) -> int:
        return sum(1 for r in self.received(span, **f) if r["trang_thai"] == "Từ chối")

    def avg_days(self, span: Span, **f: str) -> float | None:
        rows = self.resolved(span, **f)
        days = [(r["ngay_tra_ket_qua"] - r["ngay_tiep_nhan"]).days for r in rows]
        return sum(days) / len(days) if days else None

    def status_count(self, status: str) -> int:
        return sum(1 for r in self.records if r["trang_thai"] == status)

    # --- groupings ---------------------------------------------------------------------------
    @staticmethod
    def ranked(values: dict[str, Any], desc: bool = True, limit: int | None = None) -> list[list[Any]]:
        items = sorted(values.items(), key=lambda kv: kv[0])
        items.sort(key=lambda kv: kv[1], reverse=desc)  # stable: ties keep name order
        return [[k, v] for k, v in items[:limit]]

    @staticmethod
    def group(rows: list[Row], key: str | Callable[[Row], str],
              value: Callable[[list[Row]], Any] = len) -> dict[str, Any]:
        buckets: dict[str, list[Row]] = defaultdict(list)
        for r in rows:
            buckets[key(r) if callable(key) else r[key]].append(r)
        return {k: value(v) for k, v in buckets.items()}

    @staticmethod
    def ym(day: dt.date) -> str:
        return f"{day:%Y-%m}"

    def monthly(self, rows: list[Row], field: str, value: Callable[[list[Row]], Any] = len) -> list[list[Any]]:
        grouped = self.group(rows, lambda r: self.ym(r[field]), value)
        return [[k, grouped[k]] for k in sorted(grouped)]

    # --- feedback and indicators -------------------------------------------------------------
    def fb_created(self, span: Span, **f: str) -> list[Row]:
        return [x for x in self.feedback if within(x["created"], span) and self._match(x, f)]

    def fb_overdue(self, day: dt.date) -> int:
        return sum(1 for x in self.feedback if x["status"] in ("cho_xu_ly", "dang_xu_ly")
                   and x["created"] <= day and x["deadline"] < day)

    def indicator(self, ky: str, name: str | None = None) -> list[list[Any]]:
        rows = [i for i in self.indicators if i["ky"] == ky and (name is None or i["chi_tieu"] == name)]
        rows.sort(key=lambda i: i["chi_tieu"])
        return [[i["chi_tieu"], i["don_vi_tinh"], i["ke_hoach"], i["thuc_hien"],
                 100.0 * i["thuc_hien"] / i["ke_hoach"] if i["ke_hoach"] else None, i["ky"], i["ky"]] for i in rows]
