"""The Vietnamese working-day calendar: public holidays (fixed, lunar from the `holidays` package,
their nghỉ bù), the ward's own days off and compensatory working days, and every count on it."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.text.dates import (
    WorkCalendar,
    add_working_days,
    holiday_name,
    is_working_day,
    working_days_between,
)

D = dt.date


def test_tet_2026_is_five_days_off_from_16_to_20_february() -> None:
    # Tết Bính Ngọ: mùng 1 = 17/02/2026; the holiday runs Mon 16 (giao thừa) to Fri 20 February.
    for day in range(16, 21):
        assert not is_working_day(D(2026, 2, day)), day
        assert "Tết" in (holiday_name(D(2026, 2, day)) or "")
    assert is_working_day(D(2026, 2, 13)) and is_working_day(D(2026, 2, 23))
    # A "3 ngày làm việc" deadline from Thursday 12 February ends on Tuesday 24 February, not on the 18th.
    assert add_working_days(D(2026, 2, 12), 3) == D(2026, 2, 24)
    assert working_days_between(D(2026, 2, 12), D(2026, 2, 24)) == 3


def test_tet_2027_is_off_from_4_to_10_february() -> None:
    # Tết Đinh Mùi: mùng 1 = 06/02/2027 (a Saturday): 29 Tết to mùng 5 are off, Thursday 4 to Wednesday 10.
    assert [is_working_day(D(2027, 2, d)) for d in range(3, 12)] == [
        True, False, False, False, False, False, False, False, True]
    assert add_working_days(D(2027, 2, 3), 1) == D(2027, 2, 11)
    assert add_working_days(D(2027, 2, 1), 5) == D(2027, 2, 15)


def test_hung_kings_day_follows_the_lunar_calendar_with_nghi_bu() -> None:
    # 10/3 âm lịch: Sunday 26/04/2026, so Monday 27/04/2026 is the nghỉ bù; Friday 16/04/2027.
    assert "Hùng Vương" in (holiday_name(D(2026, 4, 26)) or "")
    assert not is_working_day(D(2026, 4, 27))
    assert "nghỉ bù" in (holiday_name(D(2026, 4, 27)) or "")
    assert not is_working_day(D(2027, 4, 16))
    # 30/4 and 1/5 2026 are Thursday and Friday: a deadline 2 working days after Wed 29/4 is Tue 5/5.
    assert add_working_days(D(2026, 4, 29), 2) == D(2026, 5, 5)


def test_fixed_holidays() -> None:
    for day in (D(2026, 1, 1), D(2026, 4, 30), D(2026, 5, 1), D(2026, 9, 2), D(2027, 9, 2)):
        assert not is_working_day(day), day


def test_the_wards_compensatory_working_day_and_extra_day_off() -> None:
    # The government swaps a bridge day: Monday 04/01/2027 off, worked on Saturday 09/01/2027 instead
    # (an example schedule the admin enters; the package knows only the law's own holidays).
    calendar = WorkCalendar(extra_off=frozenset({D(2027, 1, 4)}), extra_work=frozenset({D(2027, 1, 9)}))
    assert is_working_day(D(2027, 1, 4)) and not is_working_day(D(2027, 1, 9))
    assert not is_working_day(D(2027, 1, 4), calendar) and is_working_day(D(2027, 1, 9), calendar)
    # From Thursday 31/12/2026: public calendar skips 1/1 → Mon 4, Tue 5; the ward's calendar skips
    # Mon 4 but counts Saturday 9.
    assert add_working_days(D(2026, 12, 31), 2) == D(2027, 1, 5)
    assert add_working_days(D(2026, 12, 31), 2, calendar) == D(2027, 1, 6)
    assert add_working_days(D(2026, 12, 31), 5, calendar) == D(2027, 1, 9)
    assert holiday_name(D(2027, 1, 4), calendar) == "Ngày nghỉ theo lịch của đơn vị"


def test_a_compensatory_day_wins_over_a_day_off() -> None:
    both = WorkCalendar(extra_off=frozenset({D(2026, 12, 12)}), extra_work=frozenset({D(2026, 12, 12)}))
    assert is_working_day(D(2026, 12, 12), both)


@pytest.mark.parametrize("start", [D(2026, 1, 30), D(2026, 2, 10), D(2026, 4, 24), D(2027, 1, 29), D(2027, 8, 30)])
@pytest.mark.parametrize("n", [0, 1, 3, 5, 10, 15])
def test_between_inverts_add(start: dt.date, n: int) -> None:
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    assert working_days_between(end, start) == -n
    assert n == 0 or is_working_day(end)


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        add_working_days(D(2026, 1, 5), -1)
