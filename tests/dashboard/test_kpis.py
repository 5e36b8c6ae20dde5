"""The API's figures equal CONTRACT §4 computed independently (tests/dashboard/datagen.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from appliance.dashboard.importers import run_import
from appliance.db import connect
from tests.conftest import DEMO_ANCHOR, login
from tests.dashboard.datagen import generate, reference, reference_by, reference_months, write_csv

MEASURES = ("tiep_nhan", "da_giai_quyet", "dung_han", "tre_han", "ty_le_dung_han", "ty_le_tre_han", "truc_tuyen",
            "ty_le_truc_tuyen", "tu_choi", "qua_han_chua_giai_quyet")
PERIODS = [
    (dt.date(2026, 1, 1), dt.date(2026, 1, 31)),     # a month
    (dt.date(2026, 1, 1), dt.date(2026, 3, 31)),     # a quarter
    (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),    # a year, partly before the data
    (dt.date(2025, 12, 17), dt.date(2026, 2, 9)),    # a custom range across months
    (dt.date(2026, 2, 14), dt.date(2026, 2, 14)),    # one day
]


def _only(figures: dict) -> dict:
    return {k: figures[k] for k in MEASURES}


@pytest.fixture(scope="module")
def generated_server(tmp_path_factory):
    """One app over the generated records for the whole module (importing them once keeps the suite fast)."""
    from appliance.app import create_app
    from appliance.auth.demo import load_users
    from tests.conftest import LiveServer, make_settings

    folder = tmp_path_factory.mktemp("kpis")
    settings = make_settings(folder / "data")
    rows = generate(1500, seed=7)
    with LiveServer(create_app(settings)) as server:
        conn = connect(settings.db_path)
        load_users(conn)
        result = run_import(conn, "ho-so", write_csv(rows, folder / "gen.csv", seed=3))
        conn.close()
        assert (result.imported, result.rejected) == (1500, 0)
        server.rows = rows  # type: ignore[attr-defined]
        yield server


@pytest.fixture
def generated(generated_server):
    return generated_server.rows


@pytest.fixture
def server(generated_server):
    return generated_server


def test_edge_cases_are_present(generated):
    at = dt.date(2026, 2, 1)
    assert any(r["ngay_tra_ket_qua"] == r["han_xu_ly"] and r["trang_thai"] == "Đã trả kết quả" for r in generated)
    assert any(r["ngay_tra_ket_qua"] is None and r["han_xu_ly"] < at and r["trang_thai"] == "Đang xử lý"
               for r in generated)
    assert any(r["trang_thai"] == "Từ chối" for r in generated)
    assert any(r["trang_thai"] == "Đã trả kết quả" and r["ngay_tra_ket_qua"] is None for r in generated)


@pytest.mark.parametrize("start,end", PERIODS)
def test_api_equals_reference(generated, server, start, end):
    with server.client() as c:
        login(c, "lanhdao", "lanhdao-demo")
        body = c.get("/api/v1/dashboard/kpis", params={"from": start.isoformat(), "to": end.isoformat()}).json()
    assert _only(body) == reference(generated, start, end)
    for key, api_key, name in (("linh_vuc", "by_field", "linh_vuc"), ("ten_thu_tuc", "by_procedure", "thu_tuc"),
                               ("can_bo_xu_ly", "by_officer", "can_bo")):
        expected = reference_by(generated, key, start, end)
        got = {row[name]: _only(row) for row in body[api_key]}
        assert got == expected, api_key
    months = {row["month"]: _only(row) for row in body["by_month"]}
    assert months == reference_months(generated, start, end)


def test_filters_and_previous_period(generated, server):
    start, end = dt.date(2026, 2, 1), dt.date(2026, 2, 28)
    with server.client() as c:
        login(c, "lanhdao", "lanhdao-demo")
        # folded input selects the same field as the accented name
        body = c.get("/api/v1/dashboard/kpis", params={"from": "2026-02-01", "to": "2026-02-28",
                                                       "linh_vuc": "ho tich"}).json()
        proc = c.get("/api/v1/dashboard/kpis", params={"from": "2026-02-01", "to": "2026-02-28",
                                                       "thu_tuc": "Chứng thực chữ ký"}).json()
    assert _only(body) == reference([r for r in generated if r["linh_vuc"] == "Hộ tịch"], start, end)
    assert {row["linh_vuc"] for row in body["by_field"]} == {"Hộ tịch"}
    assert _only(proc) == reference([r for r in generated if r["ten_thu_tuc"] == "Chứng thực chữ ký"], start, end)
    prev = reference([r for r in generated if r["linh_vuc"] == "Hộ tịch"], dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert body["previous"]["from"] == "2026-01-01" and body["previous"]["to"] == "2026-01-31"
    assert _only(body["previous"]) == prev
    assert body["change"]["tiep_nhan"] == body["tiep_nhan"] - prev["tiep_nhan"]


def test_drill_down_lists_exactly_the_counted_records(generated, server):
    params = {"from": "2026-01-01", "to": "2026-03-31"}
    with server.client() as c:
        login(c, "lanhdao", "lanhdao-demo")
        body = c.get("/api/v1/dashboard/kpis", params=params).json()
        for measure in ("tiep_nhan", "da_giai_quyet", "dung_han", "tre_han", "truc_tuyen", "tu_choi",
                        "qua_han_chua_giai_quyet"):
            listed = c.get("/api/v1/dashboard/records", params={**params, "measure": measure, "limit": 1000}).json()
            assert listed["total"] == body[measure] == len(listed["records"]), measure
        field = body["by_field"][0]
        listed = c.get("/api/v1/dashboard/records", params={**params, "measure": "tre_han",
                                                            "linh_vuc": field["linh_vuc"]}).json()
        assert listed["total"] == field["tre_han"]
        month = body["by_month"][1]
        listed = c.get("/api/v1/dashboard/records", params={**params, "measure": "qua_han_chua_giai_quyet",
                                                            "month": month["month"]}).json()
        assert listed["total"] == month["qua_han_chua_giai_quyet"]
        page = c.get("/tong-quan/ho-so", params={**params, "measure": "tre_han"})
        assert page.status_code == 200 and f"<strong>{body['tre_han']}</strong> hồ sơ" in page.text


def test_api_errors_are_vietnamese_json(server):
    with server.client() as c:
        login(c, "lanhdao", "lanhdao-demo")
        r = c.get("/api/v1/dashboard/kpis", params={"from": "2026-13-01", "to": "2026-01-31"})
        assert r.status_code == 422 and "YYYY-MM-DD" in r.json()["error"]["message"]
        r = c.get("/api/v1/dashboard/kpis", params={"from": "2026-02-01", "to": "2026-01-31"})
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid"
        assert c.get("/api/v1/dashboard/kpis").status_code == 422
    with server.client() as c:
        assert c.get("/api/v1/dashboard/kpis", params={"from": "2026-01-01", "to": "2026-01-31"}).status_code == 401


def _demo_rows(settings) -> list[dict]:
    conn = sqlite3.connect(settings.db_path)
    conn.row_factory = sqlite3.Row
    rows = []
    for r in conn.execute("SELECT * FROM records"):
        row = dict(r)
        for key in ("ngay_tiep_nhan", "han_xu_ly", "ngay_tra_ket_qua"):
            row[key] = dt.date.fromisoformat(row[key]) if row[key] else None
        rows.append(row)
    conn.close()
    return rows


def test_demo_ward_matches_reference(demo_settings, demo_server):
    rows = _demo_rows(demo_settings)
    anchor = DEMO_ANCHOR
    periods = [(anchor.replace(day=1), anchor), (dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
               (dt.date(2026, 1, 1), dt.date(2026, 12, 31)), (dt.date(2025, 12, 1), dt.date(2025, 12, 31))]
    with demo_server.client() as c:
        login(c, "lanhdao", "lanhdao-demo")
        for start, end in periods:
            body = c.get("/api/v1/dashboard/kpis", params={"from": start.isoformat(), "to": end.isoformat()}).json()
            assert _only(body) == reference(rows, start, end)
            assert {r["linh_vuc"]: _only(r) for r in body["by_field"]} == reference_by(rows, "linh_vuc", start, end)
            assert {r["month"]: _only(r) for r in body["by_month"]} == reference_months(rows, start, end)
        assert body["tiep_nhan"] > 100 and body["qua_han_chua_giai_quyet"] >= 0
