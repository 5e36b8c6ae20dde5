"""Session 17, second round, of the leaders' question box: the year to date until the National Day (unconditional since
session 19) with my own wording (never a set's sentence), graded against the independent computation over the demo
ward's rows (spec_reference), and sentences where a reading must not fire. The round's other flags, off by rule R1, were
retired in session 18."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.ask import spec_eval
from tests.ask.answering import asker


@pytest.fixture(scope="module")
def grader(demo_settings):
    return spec_eval.Grader(demo_settings.db_path)


def _verdict(grader: spec_eval.Grader, question: str, kind: str, measures: tuple[str, ...], **spec) -> str:
    return grader.ask(spec_eval.Case("own", question, kind, measures, **spec)).verdict


_Y = 2026


def test_year_to_date_until_national_day(grader):
    """"từ đầu năm đến trước (dịp) Quốc khánh (2/9)" ends on 1 September. Before:
    unsure ("Quốc khánh" unknown, or the date read as a second period)."""
    span = (dt.date(_Y, 1, 1), dt.date(_Y, 9, 1))
    assert _verdict(grader, "từ đầu năm đến trước Quốc khánh tiếp nhận được mấy hồ sơ trực tuyến", "value",
                    ("truc_tuyen",), period=span) == "right"
    assert _verdict(grader, "số phản ánh từ đầu năm tới trước dịp lễ Quốc khánh 2/9", "value",
                    ("phan_anh_so_luong",), period=span) == "right"


def test_what_no_national_day_reading_answers(ask_db):
    """"Dịp Quốc khánh" alone (a week to one writer) and "trước Quốc khánh" with no start stay unsure."""
    ask = asker(ask_db)
    for question in ("số hồ sơ tiếp nhận dịp Quốc khánh", "số hồ sơ tiếp nhận trước Quốc khánh",
                     "số hồ sơ tiếp nhận tuần lễ Quốc khánh 2/9"):
        assert ask(question).status != "ok", question


def test_a_number_before_weeks_that_counts_none(ask_db):
    """A weekday, a month or a top before "tuần": no span of weeks."""
    ask = asker(ask_db)
    monday = ask("số hồ sơ tiếp nhận thứ hai tuần này")
    assert monday.status == "ok" and monday.intent is not None and monday.intent.period is not None
    assert monday.intent.period.start == monday.intent.period.end
    assert ask("số hồ sơ tháng 2 tuần qua").status != "ok"
    order = ask("phản ánh an ninh trật tự tuần này bao nhiêu")  # "tự" is no spelled four
    assert order.status == "ok" and order.intent is not None and order.intent.period is not None
    assert order.intent.period.start.weekday() == 0
