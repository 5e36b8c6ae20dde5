"""Tổng quan (`/`), the drill-down list and `GET /api/v1/dashboard/kpis` (CONTRACT §2).

The wall screen and the import pages live in wall_routes.py and import_routes.py; the
feature's manifest lists all three routers.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from appliance.auth.roles import LEADER_ROLES, STAFF_ROLES, WALL_ROLES
from appliance.auth.users import User
from appliance.dashboard import export, extras
from appliance.dashboard.kpis import compute_kpis, report
from appliance.dashboard.measures import DRILL, LABELS, RATE_NUMERATOR, Filters, drill_records, month_end
from appliance.dashboard.period import KINDS, parse_day, pick, require_range, shape
from appliance.dashboard.store import record_names
from appliance.http.deps import Conn, StaffUser, require_roles
from appliance.http.errors import AppError
from appliance.http.rendering import render
from appliance.reporting.periods import as_of, asof_label
from appliance.text import format_date_short
from appliance.text.formatting import local_today

router = APIRouter()

AnyUser = Annotated[User, Depends(require_roles(*STAFF_ROLES, *WALL_ROLES))]
# The wall screen (role display) reads aggregates only: never the record-level drill-down.
ApiUser = Annotated[User, Depends(require_roles(*STAFF_ROLES, "display"))]
TILES = ("tiep_nhan", "da_giai_quyet", "ty_le_dung_han", "tre_han", "ty_le_truc_tuyen", "tu_choi",
         "qua_han_chua_giai_quyet")
# For these a rise is bad news; the tile colours its change accordingly.
WORSE_WHEN_UP = {"tre_han", "ty_le_tre_han", "tu_choi", "qua_han_chua_giai_quyet"}
PAGE_SIZE = 100


def drill_url(measure: str, start: str, end: str, **filters: str | None) -> str:
    """The list of records behind one figure on screen."""
    params = {"measure": measure, "from": start, "to": end}
    params.update({k: v for k, v in filters.items() if v})
    return "/tong-quan/ho-so?" + urlencode(params)


_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                                 "\u2029": "\\u2029"})


def script_json(value: object) -> str:
    """JSON safe inside <script>: no "<", ">" or "&" at all (a name holding "</script>" or "<!--<script>"
    must neither end the element nor switch the HTML parser into its escaped states), and no
    U+2028/U+2029 (line terminators to older JavaScript parsers). JSON.parse reads the escapes back."""
    return json.dumps(value, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def _trend_range(end: dt.date) -> tuple[dt.date, dt.date]:
    """The twelve months ending with the period's last month, for the trend chart."""
    index = end.year * 12 + end.month - 1 - 11
    return dt.date(index // 12, index % 12 + 1, 1), end


@router.get("/")
def dashboard_page(request: Request, conn: Conn, user: AnyUser, ky: str | None = None, thang: str | None = None,
                   quy: str | None = None, nam: str | None = None, tu: str | None = None, den: str | None = None,
                   linh_vuc: str | None = None, thu_tuc: str | None = None) -> Response:
    if user.role == "display":
        return RedirectResponse("/wall", status_code=303)
    today = local_today()
    picked = pick(ky, thang, quy, nam, tu, den, today)
    start, end = picked.period.start, picked.period.end
    kpis = report(conn, start, end, linh_vuc=linh_vuc, thu_tuc=thu_tuc, today=today)
    trend_start, trend_end = _trend_range(end)
    trend = report(conn, trend_start, trend_end, linh_vuc=linh_vuc, thu_tuc=thu_tuc, with_previous=False,
                   today=today)
    s, e = start.isoformat(), end.isoformat()

    def drill(measure: str, first: str = s, last: str = e, **kw: str | None) -> str:
        # The page's filters apply unless a table row narrows them (its field, procedure, officer).
        kw.setdefault("linh_vuc", linh_vuc)
        kw.setdefault("thu_tuc", thu_tuc)
        return drill_url(RATE_NUMERATOR.get(measure, measure), first, last, **kw)

    charts = {
        "trend": {"months": [m["month"] for m in trend.by_month],
                  "tiep_nhan": [m["tiep_nhan"] for m in trend.by_month],
                  "da_giai_quyet": [m["da_giai_quyet"] for m in trend.by_month],
                  "ty_le_dung_han": [m["ty_le_dung_han"] for m in trend.by_month]},
        "fields": {"names": [f["linh_vuc"] for f in kpis.by_field],
                   "dung_han": [f["dung_han"] for f in kpis.by_field],
                   "tre_han": [f["tre_han"] for f in kpis.by_field]},
    }
    ctx: dict[str, object] = {
        "title": "Tổng quan", "kpis": kpis.as_dict(), "trend": trend.as_dict(), "picked": picked, "kinds": KINDS,
        "period_label": picked.period.label, "tiles": TILES, "labels": LABELS, "worse_when_up": WORSE_WHEN_UP,
        "filters": {"linh_vuc": linh_vuc or "", "thu_tuc": thu_tuc or ""},
        "field_options": record_names(conn, "linh_vuc"), "procedure_options": record_names(conn, "ten_thu_tuc"),
        "charts_json": script_json(charts),
        "indicators": extras.indicators(conn, start, end), "feedback": extras.feedback(conn, start, kpis.as_of),
        "tasks": extras.overdue_tasks(conn, kpis.as_of),
        "reminders": extras.reminders(conn, user.username, user.role in LEADER_ROLES, today),
        "is_leader": user.role in LEADER_ROLES,
        "last_import": extras.format_timestamp(extras.last_import_at(conn)),
        "drill": drill,
        "trend_from": trend_start.isoformat(), "trend_to": trend_end.isoformat(),
        "fmt_day": lambda iso: format_date_short(dt.date.fromisoformat(iso)) if iso else "",
    }
    return render(request, "dashboard/index.html", ctx)


@router.get("/api/v1/dashboard/kpis")
def kpis_api(conn: Conn, user: ApiUser, start: Annotated[str | None, Query(alias="from")] = None,
             end: Annotated[str | None, Query(alias="to")] = None, linh_vuc: str | None = None,
             thu_tuc: str | None = None) -> JSONResponse:
    first, last = require_range(parse_day(start, "from"), parse_day(end, "to"))
    return JSONResponse(compute_kpis(conn, first, last, linh_vuc=linh_vuc, thu_tuc=thu_tuc))


@router.get("/tong-quan/bao-cao.csv")
def report_csv(conn: Conn, user: AnyUser, start: Annotated[str | None, Query(alias="from")] = None,
               end: Annotated[str | None, Query(alias="to")] = None, linh_vuc: str | None = None,
               thu_tuc: str | None = None) -> Response:
    """Báo cáo số liệu: the period's figures and both comparisons as a CSV for the ward's report."""
    first, last = require_range(parse_day(start, "from"), parse_day(end, "to"))
    kpis = report(conn, first, last, linh_vuc=linh_vuc, thu_tuc=thu_tuc, today=local_today())
    name = f"bao-cao-so-lieu-{first.isoformat()}-{last.isoformat()}.csv"
    return Response(export.report_csv(kpis, shape(first, last).label), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/api/v1/dashboard/panels")
def panels_api(conn: Conn, user: ApiUser, start: Annotated[str | None, Query(alias="from")] = None,
               end: Annotated[str | None, Query(alias="to")] = None) -> JSONResponse:
    """Indicators, citizen feedback, overdue tasks and the last import time for a period."""
    first, last = require_range(parse_day(start, "from"), parse_day(end, "to"))
    at = as_of(last, local_today())  # open feedback and tasks are counted as of this day, never later
    return JSONResponse({"from": first.isoformat(), "to": last.isoformat(), "as_of": at.isoformat(),
                         "indicators": extras.indicators(conn, first, last),
                         "feedback": extras.feedback(conn, first, at),
                         "tasks": extras.overdue_tasks(conn, at), "last_import_at": extras.last_import_at(conn)})


def drill_asof(measure: str, end: dt.date, month: str | None, today: dt.date) -> str | None:
    """The day a list of records open "as of" is taken (None for lists by period), as the figure was."""
    if DRILL[RATE_NUMERATOR.get(measure, measure)].basis != "asof":
        return None
    cap = as_of(end, today)
    return month_end(month, cap) if month else cap.isoformat()


def _drill_args(measure: str, start: str | None, end: str | None) -> tuple[str, dt.date, dt.date]:
    if RATE_NUMERATOR.get(measure, measure) not in DRILL:
        raise AppError(422, f"Chỉ số «{measure}» không có danh sách hồ sơ. Chọn một trong: {', '.join(DRILL)}.",
                       "invalid")
    first, last = require_range(parse_day(start, "from"), parse_day(end, "to"))
    return measure, first, last


@router.get("/api/v1/dashboard/records")
def records_api(conn: Conn, user: StaffUser, measure: str, start: Annotated[str | None, Query(alias="from")] = None,
                end: Annotated[str | None, Query(alias="to")] = None, linh_vuc: str | None = None,
                thu_tuc: str | None = None, can_bo: str | None = None, month: str | None = None,
                trang_thai: str | None = None, hinh_thuc_nop: str | None = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = PAGE_SIZE,
                offset: Annotated[int, Query(ge=0)] = 0) -> JSONResponse:
    """The records behind one figure (drill-down), the same conditions as the KPI."""
    measure, first, last = _drill_args(measure, start, end)
    today = local_today()
    filters = Filters(linh_vuc, thu_tuc, can_bo, trang_thai, hinh_thuc_nop)
    total, rows = drill_records(conn, measure, first, last, filters, month, limit, offset, today=today)
    return JSONResponse({"measure": measure, "total": total, "records": rows,
                         "as_of": drill_asof(measure, last, month, today)})


@router.get("/tong-quan/ho-so")
def records_page(request: Request, conn: Conn, user: StaffUser, measure: str = "tiep_nhan",
                 start: Annotated[str | None, Query(alias="from")] = None,
                 end: Annotated[str | None, Query(alias="to")] = None, linh_vuc: str | None = None,
                 thu_tuc: str | None = None, can_bo: str | None = None, month: str | None = None,
                 trang_thai: str | None = None, hinh_thuc_nop: str | None = None,
                 trang: Annotated[int, Query(ge=1)] = 1) -> Response:
    measure, first, last = _drill_args(measure, start, end)
    filters = Filters(linh_vuc, thu_tuc, can_bo, trang_thai, hinh_thuc_nop)
    today = local_today()
    total, rows = drill_records(conn, measure, first, last, filters, month, PAGE_SIZE, (trang - 1) * PAGE_SIZE,
                                today=today)
    at = drill_asof(measure, last, month, today)
    query = {"measure": measure, "from": first.isoformat(), "to": last.isoformat(), "linh_vuc": linh_vuc,
             "thu_tuc": thu_tuc, "can_bo": can_bo, "month": month, "trang_thai": trang_thai,
             "hinh_thuc_nop": hinh_thuc_nop}
    base = "/tong-quan/ho-so?" + urlencode({k: v for k, v in query.items() if v})
    pages = max(1, -(-total // PAGE_SIZE))
    ctx = {"title": f"Hồ sơ: {LABELS.get(measure, measure)}", "measure_label": LABELS.get(measure, measure),
           "period": shape(first, last).label if at is None else asof_label(dt.date.fromisoformat(at)),
           "total": total, "rows": rows, "page": trang, "pages": pages,
           "base": base, "filters": {"Lĩnh vực": linh_vuc, "Thủ tục": thu_tuc, "Cán bộ": can_bo, "Tháng": month,
                       "Trạng thái": trang_thai, "Hình thức nộp": hinh_thuc_nop},
           "is_rate": measure in RATE_NUMERATOR,
           "fmt_day": lambda iso: format_date_short(dt.date.fromisoformat(iso)) if iso else ""}
    return render(request, "dashboard/records.html", ctx)
