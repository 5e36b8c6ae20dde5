"""The wall screen (`/wall`): large type, rotating panels, live updates by server-sent events.

The stream checks a cheap data version every `POLL_SECONDS` and pushes a fresh snapshot when
it changes, so a new import shows within seconds and without a reload. The browser's
EventSource reconnects by itself after a server restart (we ask it to retry every 3 s), and
every (re)connection starts with a full snapshot.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from collections.abc import AsyncIterator, Callable
from typing import Concatenate, ParamSpec, TypedDict, TypeVar

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sse_starlette.sse import EventSourceResponse

from appliance.config import Settings
from appliance.dashboard import extras
from appliance.dashboard.kpis import Figure, Row, report
from appliance.dashboard.routes import script_json
from appliance.db import connect
from appliance.http.deps import Conn, SettingsDep, WallUser
from appliance.http.rendering import render
from appliance.text import format_percent
from appliance.text.calendar_periods import month_period
from appliance.text.formatting import local_today

router = APIRouter()
POLL_SECONDS = 2.0
RETRY_MS = 3000
P = ParamSpec("P")
T = TypeVar("T")


class Tile(TypedDict):
    name: str
    value: Figure
    previous: Figure
    text: str
    change: Figure


# "from" is a Python keyword: the functional form keeps the JSON key.
WallPeriod = TypedDict("WallPeriod", {"from": str, "to": str, "label": str, "previous_label": str})


class WallSnapshot(TypedDict):
    period: WallPeriod
    tiles: list[Tile]
    trend: list[Row]
    fields: list[Row]
    feedback: extras.FeedbackPanel | None
    indicators: extras.IndicatorPanel
    tasks: extras.TaskPanel | None
    last_import_at: str | None
    last_import: str
    version: str


def _tile_text(name: str, value: Figure) -> str:
    if name.startswith("ty_le"):
        return format_percent(value)
    return f"{value:,}".replace(",", ".")


def wall_snapshot(conn: sqlite3.Connection, today: dt.date) -> WallSnapshot:
    """This month as of today against the same days of last month (the dashboard's own report and
    comparison rule), a 12-month trend, fields, feedback, indicators."""
    period = month_period(today)
    month = report(conn, period.start, period.end, today=today)
    assert month.previous is not None  # asked for: with_previous defaults to True
    index = today.year * 12 + today.month - 1 - 11
    trend = report(conn, dt.date(index // 12, index % 12 + 1, 1), today, with_previous=False, today=today)
    tile_names = ("tiep_nhan", "da_giai_quyet", "ty_le_dung_han", "ty_le_truc_tuyen", "qua_han_chua_giai_quyet")
    tiles: list[Tile] = []
    for name in tile_names:
        value, before = month.totals[name], month.previous.figures[name]
        tiles.append({"name": name, "value": value, "previous": before, "text": _tile_text(name, value),
                      "change": month.change()[name]})
    return {
        "period": {"from": period.start.isoformat(), "to": month.as_of.isoformat(),
                   "label": f"Tháng {today.month}/{today.year} (đến {month.as_of:%d/%m})",
                   "previous_label": month.previous.label},
        "tiles": tiles,
        "trend": [{k: m[k] for k in ("month", "tiep_nhan", "da_giai_quyet", "ty_le_dung_han")}
                  for m in trend.by_month],
        "fields": [{k: f[k] for k in ("linh_vuc", "tiep_nhan", "da_giai_quyet", "ty_le_dung_han",
                                      "qua_han_chua_giai_quyet")} for f in month.by_field],
        "feedback": extras.feedback(conn, period.start, month.as_of),
        "indicators": extras.indicators(conn, period.start, period.end),
        "tasks": extras.overdue_tasks(conn, today),
        "last_import_at": extras.last_import_at(conn),
        "last_import": extras.format_timestamp(extras.last_import_at(conn)),
        "version": extras.data_version(conn),
    }


def _with_conn(settings: Settings, fn: Callable[Concatenate[sqlite3.Connection, P], T], *args: P.args,
               **kwargs: P.kwargs) -> T:
    conn = connect(settings.db_path)
    try:
        return fn(conn, *args, **kwargs)
    finally:
        conn.close()


@router.get("/wall")
def wall_page(request: Request, conn: Conn, user: WallUser) -> Response:
    snapshot = wall_snapshot(conn, local_today())
    return render(request, "dashboard/wall.html", {"title": "Màn hình điều hành", "snapshot": snapshot,
                                                   "snapshot_json": script_json(snapshot)})


@router.get("/api/v1/dashboard/wall")
def wall_api(conn: Conn, user: WallUser) -> JSONResponse:
    return JSONResponse(wall_snapshot(conn, local_today()))


@router.get("/wall/stream")
async def wall_stream(request: Request, settings: SettingsDep, user: WallUser) -> EventSourceResponse:
    async def events() -> AsyncIterator[dict[str, str | int]]:
        last = None
        while not await request.is_disconnected():
            version = await run_in_threadpool(_with_conn, settings, extras.data_version)
            if version != last:
                snapshot = await run_in_threadpool(_with_conn, settings, wall_snapshot, local_today())
                last = snapshot["version"]
                yield {"event": "snapshot", "data": json.dumps(snapshot, ensure_ascii=False), "retry": RETRY_MS}
            await asyncio.sleep(POLL_SECONDS)

    return EventSourceResponse(events(), ping=15, headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})
