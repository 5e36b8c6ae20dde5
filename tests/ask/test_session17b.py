"""Session 17, second round, of the leaders' question box: each SESSION17B flag on and off with my own wording (never
a set's sentence), graded against the independent computation over the demo ward's rows (spec_reference), and
sentences where the reading must not fire."""
from __future__ import annotations

import datetime as dt

import pytest

from appliance.ask import due_dates
from appliance.text import periods
from tests.ask import spec_eval
from tests.ask.answering import asker


@pytest.fixture(scope="module")
def grader(demo_settings):
    return spec_eval.Grader(demo_settings.db_path)


@pytest.fixture(autouse=True)
def _session17b_on(monkeypatch: pytest.MonkeyPatch) -> None:
    for module, name in ((due_dates, "SESSION17B_DUE_DATES"), (periods, "SESSION17B_NATIONAL_DAY"),
                         (periods, "SESSION17B_JUST_PAST"), (periods, "SESSION17B_HALF_SAID"),
                         (periods, "SESSION17B_WEEKS_BACK")):
        monkeypatch.setattr(module, name, True)


def _verdict(grader: spec_eval.Grader, question: str, kind: str, measures: tuple[str, ...], **spec) -> str:
    return grader.ask(spec_eval.Case("own", question, kind, measures, **spec)).verdict


_Y = 2026
_NEXT_WEEK = ("2026-11-23", "2026-11-29")


@pytest.mark.parametrize("on", [True, False])
def test_session17b_records_due_in_a_period(grader, monkeypatch, on):
    """due_dates.SESSION17B_DUE_DATES: "đến / tới hạn <period>", "hạn xử lý (trong) <period>" with records still
    open: those open today whose due date falls in the period. Off, "hạn" was unknown (unsure)."""
    monkeypatch.setattr(due_dates, "SESSION17B_DUE_DATES", on)
    want = "right" if on else "unsure"
    today = spec_eval.TODAY
    open_now = {"period": (today, today), "as_of": today}
    assert _verdict(grader, "bao nhiêu hồ sơ chưa giải quyết đến hạn trong tuần sau", "value", ("dang_giai_quyet",),
                    filters={"han_xu_ly": list(_NEXT_WEEK)}, **open_now) == want
    assert _verdict(grader, "số hồ sơ đang giải quyết có hạn xử lý tuần tới", "value", ("dang_giai_quyet",),
                    filters={"han_xu_ly": list(_NEXT_WEEK)}, **open_now) == want
    assert _verdict(grader, "liệt kê hồ sơ chưa xong tới hạn ngày mai", "list", ("dang_giai_quyet",),
                    filters={"han_xu_ly": ["2026-11-21", "2026-11-21"]}, **open_now) == want
    assert _verdict(grader, "hồ sơ lĩnh vực đất đai chưa trả kết quả đến hạn tuần này có mấy bộ", "value",
                    ("dang_giai_quyet",), filters={"han_xu_ly": ["2026-11-16", "2026-11-22"], "linh_vuc": "Đất đai"},
                    **open_now) == want


def test_session17b_what_no_due_date_reading_answers(ask_db):
    """Due dates are read only for records still open, and only with the period right after the words."""
    ask = asker(ask_db)
    for question in ("số hồ sơ tiếp nhận đến hạn tuần sau",  # received records: another question
                     "số hồ sơ đã giải quyết đến hạn tháng trước",
                     "phản ánh chưa xử lý đến hạn tuần sau",  # feedback: not read
                     "hồ sơ chưa giải quyết đến hạn, tuần sau có bao nhiêu",  # words between
                     "số hồ sơ chưa giải quyết đến hạn tháng 12",  # last December or the coming one
                     "hồ sơ chưa giải quyết đến hạn tuần này so với tuần trước"):  # a second period
        assert ask(question).status != "ok", question
    ok = ask("số hồ sơ chưa giải quyết đến hạn tuần sau")
    assert ok.status == "ok" and "hạn xử lý từ 23/11/2026 đến 29/11/2026" in ok.answer


@pytest.mark.parametrize("on", [True, False])
def test_session17b_year_to_date_until_national_day(grader, monkeypatch, on):
    """periods.SESSION17B_NATIONAL_DAY: "từ đầu năm đến trước (dịp) Quốc khánh (2/9)" ends on 1 September. Off:
    unsure ("Quốc khánh" unknown, or the date read as a second period)."""
    monkeypatch.setattr(periods, "SESSION17B_NATIONAL_DAY", on)
    want = "right" if on else "unsure"
    span = (dt.date(_Y, 1, 1), dt.date(_Y, 9, 1))
    assert _verdict(grader, "từ đầu năm đến trước Quốc khánh tiếp nhận được mấy hồ sơ trực tuyến", "value",
                    ("truc_tuyen",), period=span) == want
    assert _verdict(grader, "số phản ánh từ đầu năm tới trước dịp lễ Quốc khánh 2/9", "value",
                    ("phan_anh_so_luong",), period=span) == want


def test_session17b_what_no_national_day_reading_answers(ask_db):
    """"Dịp Quốc khánh" alone (a week to one writer) and "trước Quốc khánh" with no start stay unsure."""
    ask = asker(ask_db)
    for question in ("số hồ sơ tiếp nhận dịp Quốc khánh", "số hồ sơ tiếp nhận trước Quốc khánh",
                     "số hồ sơ tiếp nhận tuần lễ Quốc khánh 2/9"):
        assert ask(question).status != "ok", question


@pytest.mark.parametrize("on", [True, False])
def test_session17b_just_past_month_or_quarter(grader, monkeypatch, on):
    """periods.SESSION17B_JUST_PAST: "tháng 9 / quý ba vừa qua" is that month or quarter. Off, "qua" was unknown
    (unsure)."""
    monkeypatch.setattr(periods, "SESSION17B_JUST_PAST", on)
    want = "right" if on else "unsure"
    assert _verdict(grader, "tháng chín vừa qua nhận bao nhiêu hồ sơ", "value", ("tiep_nhan",),
                    period=(dt.date(_Y, 9, 1), dt.date(_Y, 9, 30))) == want
    assert _verdict(grader, "quý III vừa qua có bao nhiêu phản ánh", "value", ("phan_anh_so_luong",),
                    period=(dt.date(_Y, 7, 1), dt.date(_Y, 9, 30))) == want


def test_session17b_no_just_past_while_it_runs(ask_db):
    """The month or quarter still running is never "vừa qua": unsure."""
    ask = asker(ask_db)
    assert ask("tháng 11 vừa qua nhận bao nhiêu hồ sơ").status != "ok"
    assert ask("quý 4 vừa qua nhận bao nhiêu hồ sơ").status != "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session17b_half_year_said_half_first(grader, monkeypatch, on):
    """periods.SESSION17B_HALF_SAID: "nửa năm đầu / nửa năm cuối" is the first or second half of the year, as "nửa
    đầu năm" is. Off, "năm" was loose (unsure) or taken for an officer's name."""
    monkeypatch.setattr(periods, "SESSION17B_HALF_SAID", on)
    want = "right" if on else "unsure"
    assert _verdict(grader, "nửa năm đầu phường trả kết quả trễ hạn bao nhiêu hồ sơ", "value", ("tre_han",),
                    period=(dt.date(_Y, 1, 1), dt.date(_Y, 6, 30))) == want
    assert _verdict(grader, "danh sách hồ sơ khai tử tiếp nhận nửa năm đầu", "list", ("tiep_nhan",),
                    period=(dt.date(_Y, 1, 1), dt.date(_Y, 6, 30)), filters={"thu_tuc": "Đăng ký khai tử"}) == want
    assert _verdict(grader, "phản ánh nửa năm cuối được bao nhiêu", "value", ("phan_anh_so_luong",),
                    period=(dt.date(_Y, 7, 1), spec_eval.TODAY)) == want


def test_session17b_half_year_needs_its_end_word(ask_db):
    """"nửa năm qua" (the last six months, a rolling span writers differ on) is not read by the rule."""
    assert asker(ask_db)("số hồ sơ tiếp nhận nửa năm qua").status != "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session17b_weeks_back(grader, monkeypatch, on):
    """periods.SESSION17B_WEEKS_BACK: "ba tuần gần đây", "2 tuần qua" are the last 7·N days, today included. Off,
    unsure."""
    monkeypatch.setattr(periods, "SESSION17B_WEEKS_BACK", on)
    want = "right" if on else "unsure"
    assert _verdict(grader, "ba tuần gần đây phường nhận mấy hồ sơ trực tuyến", "value", ("truc_tuyen",),
                    period=(dt.date(_Y, 10, 31), spec_eval.TODAY)) == want
    assert _verdict(grader, "2 tuần qua có bao nhiêu phản ánh môi trường", "value", ("phan_anh_so_luong",),
                    period=(dt.date(_Y, 11, 7), spec_eval.TODAY), filters={"phan_anh_linh_vuc": "moi_truong"}) == want


def test_session17b_a_number_before_weeks_that_counts_none(ask_db):
    """A weekday, a month or a top before "tuần": no span of weeks."""
    ask = asker(ask_db)
    monday = ask("số hồ sơ tiếp nhận thứ hai tuần này")
    assert monday.status == "ok" and monday.intent is not None and monday.intent.period is not None
    assert monday.intent.period.start == monday.intent.period.end
    assert ask("số hồ sơ tháng 2 tuần qua").status != "ok"
    order = ask("phản ánh an ninh trật tự tuần này bao nhiêu")  # "tự" is no spelled four
    assert order.status == "ok" and order.intent is not None and order.intent.period is not None
    assert order.intent.period.start.weekday() == 0
