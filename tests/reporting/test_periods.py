"""The figure rules shared by every screen: "as of" never looks into the future, and a running period
is compared like for like (the same days of the previous period and of the previous year)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.reporting.periods import as_of, comparisons, format_span, shape, shift_months

D = dt.date


def test_as_of_is_the_period_end_or_today_whichever_comes_first():
    assert as_of(D(2026, 12, 31), D(2026, 12, 4)) == D(2026, 12, 4)
    assert as_of(D(2026, 11, 30), D(2026, 12, 4)) == D(2026, 11, 30)
    assert as_of(D(2026, 12, 4), D(2026, 12, 4)) == D(2026, 12, 4)


def test_running_month_is_compared_with_the_same_days_of_last_month_and_last_year():
    c = comparisons(D(2026, 12, 1), D(2026, 12, 31), D(2026, 12, 4))
    assert c.running
    assert c.covered == (D(2026, 12, 1), D(2026, 12, 4))
    assert c.previous == (D(2026, 11, 1), D(2026, 11, 4))
    assert c.last_year == (D(2025, 12, 1), D(2025, 12, 4))
    assert c.label_previous == "so với cùng kỳ tháng trước (01–04/11)"
    assert c.label_last_year == "so với cùng kỳ năm trước (01–04/12/2025)"


def test_finished_month_is_compared_with_whole_months():
    c = comparisons(D(2026, 11, 1), D(2026, 11, 30), D(2026, 12, 4))
    assert not c.running
    assert c.previous == (D(2026, 10, 1), D(2026, 10, 31))
    assert c.last_year == (D(2025, 11, 1), D(2025, 11, 30))
    assert c.label_previous == "so với tháng 10/2026"
    assert c.label_last_year == "so với cùng kỳ năm trước (tháng 11/2025)"


def test_a_period_ending_today_is_finished():
    c = comparisons(D(2026, 11, 1), D(2026, 11, 30), D(2026, 11, 30))
    assert not c.running and c.previous == (D(2026, 10, 1), D(2026, 10, 31))


@pytest.mark.parametrize(("today", "previous"), [
    (D(2026, 3, 30), (D(2026, 2, 1), D(2026, 2, 28))),   # 30 March: February has only 28 days
    (D(2024, 3, 30), (D(2024, 2, 1), D(2024, 2, 29))),   # a leap year: up to 29 February
    (D(2026, 5, 31), (D(2026, 4, 1), D(2026, 4, 30))),   # 31 May: 30 April is the last day there
])
def test_running_month_clamps_to_the_shorter_previous_month(today, previous):
    start = today.replace(day=1)
    end = shift_months(start, 1) - dt.timedelta(days=1)
    assert comparisons(start, end, today).previous == previous


def test_leap_years():
    # A finished February of a leap year against the whole (28-day) February before it, and back.
    assert comparisons(D(2024, 2, 1), D(2024, 2, 29), D(2024, 6, 1)).last_year == (D(2023, 2, 1), D(2023, 2, 28))
    assert comparisons(D(2025, 2, 1), D(2025, 2, 28), D(2025, 6, 1)).last_year == (D(2024, 2, 1), D(2024, 2, 29))
    # Running to 29 February 2024 (the month has not ended: today is the 29th, the end is the 29th → finished).
    assert not comparisons(D(2024, 2, 1), D(2024, 2, 29), D(2024, 2, 29)).running
    # Running to 28 February 2024: last year's same days are the whole of February 2023.
    c = comparisons(D(2024, 2, 1), D(2024, 2, 29), D(2024, 2, 28))
    assert c.running and c.last_year == (D(2023, 2, 1), D(2023, 2, 28))
    # A running year on 29 February: last year stops on 28 February.
    assert comparisons(D(2024, 1, 1), D(2024, 12, 31), D(2024, 2, 29)).last_year == (D(2023, 1, 1), D(2023, 2, 28))


def test_quarters():
    running = comparisons(D(2026, 10, 1), D(2026, 12, 31), D(2026, 11, 20))
    assert running.running
    assert running.previous == (D(2026, 7, 1), D(2026, 8, 20))
    assert running.last_year == (D(2025, 10, 1), D(2025, 11, 20))
    assert running.label_previous == "so với cùng kỳ quý trước (01/07–20/08)"
    finished = comparisons(D(2026, 7, 1), D(2026, 9, 30), D(2026, 11, 20))
    assert finished.previous == (D(2026, 4, 1), D(2026, 6, 30))
    assert finished.label_previous == "so với quý 2/2026"
    # Q1 against Q4 of the previous year, running to 31 January.
    assert comparisons(D(2026, 1, 1), D(2026, 3, 31), D(2026, 1, 31)).previous == (D(2025, 10, 1), D(2025, 10, 31))
    # Running to 31 May: the previous quarter's same day is 28 February.
    assert comparisons(D(2026, 4, 1), D(2026, 6, 30), D(2026, 5, 31)).previous == (D(2026, 1, 1), D(2026, 2, 28))


def test_years_weeks_and_ranges():
    year = comparisons(D(2026, 1, 1), D(2026, 12, 31), D(2026, 11, 20))
    assert year.previous == (D(2025, 1, 1), D(2025, 11, 20)) == year.last_year
    week = comparisons(D(2026, 11, 16), D(2026, 11, 22), D(2026, 11, 20))  # Monday–Sunday, today Friday
    assert week.running and week.previous == (D(2026, 11, 9), D(2026, 11, 13))
    assert week.label_previous == "so với cùng kỳ tuần trước (09–13/11)"
    custom = comparisons(D(2026, 10, 5), D(2026, 11, 4), D(2026, 12, 4))  # 31 days, finished
    assert custom.previous == (D(2026, 9, 4), D(2026, 10, 4))
    assert custom.label_previous == "so với kỳ trước (04/09–04/10/2026)"
    running = comparisons(D(2026, 11, 25), D(2026, 12, 24), D(2026, 12, 4))  # 30 days, 10 covered
    assert running.previous == (D(2026, 10, 26), D(2026, 11, 4))
    assert running.label_previous.startswith("so với cùng số ngày của kỳ trước")
    day = comparisons(D(2026, 11, 19), D(2026, 11, 19), D(2026, 11, 20))
    assert day.previous == (D(2026, 11, 18), D(2026, 11, 18)) and day.label_previous == "so với ngày 18/11/2026"


def test_shapes_and_spans():
    assert shape(D(2026, 7, 1), D(2026, 12, 31)).kind == "half"
    assert shape(D(2026, 11, 16), D(2026, 11, 22)).kind == "week"
    assert shape(D(2026, 11, 17), D(2026, 11, 23)).kind == "range"
    assert format_span(D(2026, 7, 1), D(2026, 8, 20)) == "01/07–20/08"
    assert format_span(D(2025, 12, 20), D(2026, 1, 4)) == "20/12/2025–04/01/2026"
    assert format_span(D(2026, 11, 4), D(2026, 11, 4)) == "04/11"
