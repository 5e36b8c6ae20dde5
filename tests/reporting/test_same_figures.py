"""Issue 20: the dashboard, the wall, the question box and the report give the same figures for the same
period: counts at a day as of min(period end, today), a running month compared with the same days of
the previous month. Over real HTTP on the demo ward, with the server's own "today"."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import ROUND_HALF_UP, Decimal

from appliance.reporting.periods import as_of, comparisons
from appliance.text import format_number, format_percent
from appliance.text.formatting import local_today
from tests.conftest import login

MEASURES = ("tiep_nhan", "da_giai_quyet", "ty_le_dung_han", "qua_han_chua_giai_quyet")
QUESTIONS = {"tiep_nhan": "{p} tiếp nhận bao nhiêu hồ sơ?", "da_giai_quyet": "{p} giải quyết bao nhiêu hồ sơ?",
             "ty_le_dung_han": "Tỷ lệ đúng hạn {p} là bao nhiêu?",
             "qua_han_chua_giai_quyet": "Có bao nhiêu hồ sơ quá hạn chưa giải quyết {p}?"}


def _one_decimal(value: object) -> object:
    if isinstance(value, float):
        return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    return value


def _ask(client, csrf: str, question: str) -> dict:
    body = client.post("/api/v1/ask", json={"question": question}, headers={"X-CSRF-Token": csrf}).json()
    assert body["status"] == "ok", (question, body["answer"])
    return body


def _month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def test_dashboard_wall_question_box_and_report_agree(demo_server):
    today = local_today()
    this_month = (today.replace(day=1), _month_end(today))
    october = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    with demo_server.client() as c:
        csrf = login(c, "lanhdao", "lanhdao-demo")
        for (start, end), words in ((this_month, "tháng này"), (october, "tháng 10/2026")):
            params = {"from": start.isoformat(), "to": end.isoformat()}
            kpis = c.get("/api/v1/dashboard/kpis", params=params).json()
            assert kpis["as_of"] == as_of(end, today).isoformat()
            expected = comparisons(start, end, today)
            assert (kpis["previous"]["from"], kpis["previous"]["to"]) == tuple(d.isoformat() for d in expected.previous)
            # The question box: the same figures for the same period…
            for measure in MEASURES:
                body = _ask(c, csrf, QUESTIONS[measure].format(p=words))
                assert _one_decimal(body["rows"][0][0]) == kpis[measure], (measure, words, body["answer"])
            # … and the same comparison, like for like.
            compared = _ask(c, csrf, f"Tiếp nhận {words} so với tháng trước")
            assert [row[1] for row in compared["rows"]] == [kpis["previous"]["tiep_nhan"], kpis["tiep_nhan"]]
            assert compared["rows"][0][0] == kpis["previous"]["label"]
            # The report: the same figures, formatted as people read them.
            text = c.get("/tong-quan/bao-cao.csv", params=params).text.lstrip("\ufeff")
            lines = list(csv.reader(io.StringIO(text)))
            assert f"tính đến {as_of(end, today):%d/%m/%Y}" in lines[0][1]
            assert lines[1][2] == f"So với {kpis['previous']['label']}"
            cells = {row[0]: row[1:] for row in lines[2:]}
            for measure, label in (("tiep_nhan", "Tiếp nhận"), ("da_giai_quyet", "Đã giải quyết"),
                                   ("ty_le_dung_han", "Tỷ lệ đúng hạn"),
                                   ("qua_han_chua_giai_quyet", "Quá hạn chưa giải quyết")):
                shown = format_percent if measure.startswith("ty_le") else format_number
                assert cells[label][0] == (shown(kpis[measure]) if kpis[measure] is not None else "—")
                before = kpis["previous"][measure]
                assert cells[label][1] == (shown(before) if before is not None else "—")
            if (start, end) == this_month:
                # The wall shows this month as of today against the same days of last month.
                wall = c.get("/api/v1/dashboard/wall").json()
                tiles = {t["name"]: t for t in wall["tiles"]}
                for measure in ("tiep_nhan", "da_giai_quyet", "ty_le_dung_han", "qua_han_chua_giai_quyet"):
                    assert tiles[measure]["value"] == kpis[measure], measure
                    assert tiles[measure]["previous"] == kpis["previous"][measure], measure
                assert wall["period"]["previous_label"] == kpis["previous"]["label"]
                assert wall["period"]["to"] == kpis["as_of"]


def test_complaint_figures_agree_between_the_dashboard_panel_and_the_question_box(demo_server):
    """Complaints received in a period (the ward's calendar days on both sides) and those overdue as
    of min(period end, today): for October, open on 31/10 (resolved after it counts) as CONTRACT §4 reads."""
    today = local_today()
    this_month = (today.replace(day=1), _month_end(today))
    october = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    with demo_server.client() as c:
        csrf = login(c, "lanhdao", "lanhdao-demo")
        for (start, end), words in ((this_month, "tháng này"), (october, "tháng 10/2026")):
            panel = c.get("/api/v1/dashboard/panels", params={"from": start.isoformat(), "to": end.isoformat()}).json()
            received = _ask(c, csrf, f"{words} có bao nhiêu phản ánh")
            assert received["rows"] == [[panel["feedback"]["tiep_nhan"]]], (words, received["answer"])
            overdue = _ask(c, csrf, f"số phản ánh quá hạn {words}")  # a bare noun phrase is unsure (session 16)
            assert overdue["rows"][0][-1] == panel["feedback"]["qua_han"], (words, overdue["answer"])
