"""The question box (SQL over the reporting views) and the dashboard (scans of `records`) compute
CONTRACT §4 with different SQL generated from one table of measures; a leader must never see two
different figures for the same question."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.ask.service import answer_question
from appliance.db import connect_readonly
from appliance.text import format_percent
from tests.ask.data import TODAY

QUESTIONS = {
    "tiep_nhan": "{p}{f} tiếp nhận bao nhiêu hồ sơ?",
    "da_giai_quyet": "{p}{f} đã giải quyết bao nhiêu hồ sơ?",
    "dung_han": "{p}{f} giải quyết đúng hạn bao nhiêu hồ sơ?",
    "tre_han": "{p}{f} có bao nhiêu hồ sơ trễ hạn?",
    "truc_tuyen": "{p}{f} bao nhiêu hồ sơ nộp trực tuyến?",
    "tu_choi": "{p}{f} bao nhiêu hồ sơ bị từ chối?",
    "ty_le_dung_han": "Tỷ lệ đúng hạn {p}{f}",
    "ty_le_tre_han": "Tỷ lệ trễ hạn {p}{f}",
    "ty_le_truc_tuyen": "Tỷ lệ trực tuyến {p}{f}",
    "qua_han_chua_giai_quyet": "Số hồ sơ quá hạn chưa giải quyết {p}{f}",
}
PERIODS = [("tháng 10/2026", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
           ("quý 3/2026", dt.date(2026, 7, 1), dt.date(2026, 9, 30))]


@pytest.mark.parametrize("field", [None, "Hộ tịch"])
@pytest.mark.parametrize(("label", "start", "end"), PERIODS)
def test_every_contract_measure_matches_the_dashboard(ask_db, label, start, end, field):
    kpis_module = pytest.importorskip("appliance.dashboard.kpis")
    conn = connect_readonly(ask_db)
    try:
        kpis = kpis_module.compute_kpis(conn, start, end, linh_vuc=field, with_previous=False)
    finally:
        conn.close()
    suffix = f", lĩnh vực {field}" if field else ""
    for key, template in QUESTIONS.items():
        result = answer_question(ask_db, template.format(p=label, f=suffix), today=TODAY, use_llm=False)
        assert result.status == "ok", (key, result.answer)
        value = result.rows[0][0]
        if key.startswith("ty_le"):
            assert format_percent(value) == format_percent(kpis[key]), (key, value, kpis[key])
        else:
            assert value == kpis[key], (key, value, kpis[key])
