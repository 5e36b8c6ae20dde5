import datetime as dt
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from appliance.text import (
    fold,
    format_date_long,
    format_number,
    format_percent,
    normalize,
    parse_date,
    parse_number,
    parse_period,
)
from appliance.text.periods import find_periods

TODAY = dt.date(2026, 11, 26)
VIET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ "


def test_tone_placement_is_unified():
    assert normalize("hoà bình") == normalize("hòa bình") == "hòa bình"
    assert normalize("thuỷ lợi") == "thủy lợi"
    assert normalize("khoẻ") == "khỏe"
    # qu + y: the tone belongs on y, must not move
    assert normalize("quý") == "quý" and normalize("quỳ") == "quỳ"
    # a final consonant keeps the tone on the second vowel in both styles
    assert normalize("hoàng") == "hoàng"


def test_nfd_input_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Đăng ký khai sinh")
    assert normalize(nfd) == "Đăng ký khai sinh"
    assert unicodedata.is_normalized("NFC", normalize(nfd))


def test_fold_handles_d_and_two_mark_letters():
    assert fold("Đăng ký CHỨNG THỰC Nguyễn") == "dang ky chung thuc nguyen"
    assert fold("cầu Giấy") == "cau giay"
    assert fold("hoà") == fold("hòa") == "hoa"


@given(st.text(alphabet=VIET + VIET.upper(), max_size=40))
def test_fold_is_ascii_and_idempotent(text):
    folded = fold(text)
    assert folded.isascii()
    assert fold(folded) == folded
    assert fold(normalize(text)) == folded


@given(st.text(alphabet=VIET + VIET.upper(), max_size=40))
def test_normalize_is_idempotent_nfc(text):
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_integer_format_round_trips(value):
    assert parse_number(format_number(value)) == value


@given(st.decimals(min_value=-10**9, max_value=10**9, places=1, allow_nan=False, allow_infinity=False))
def test_decimal_format_round_trips(value):
    assert parse_number(format_number(float(value), 1)) == float(value)


def test_numbers():
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("1.234.567") == 1234567
    assert parse_number("93,8%") == 93.8
    assert parse_number("1,5 triệu") == 1_500_000
    assert parse_number("không có") is None
    assert format_number(1234) == "1.234"
    assert format_percent(93.75) == "93,8%"
    assert format_percent(93.85) == "93,9%"  # half up, not banker's rounding
    assert format_number(-1234.5, 1) == "-1.234,5"


def test_dates():
    assert parse_date("05/01/2026") == dt.date(2026, 1, 5)
    assert parse_date("5/1/2026 08:30") == dt.date(2026, 1, 5)
    assert parse_date("2026-01-05") == dt.date(2026, 1, 5)
    assert parse_date("ngày 05 tháng 01 năm 2026") == dt.date(2026, 1, 5)
    assert parse_date(46027) == dt.date(2026, 1, 5)  # an Excel serial
    assert parse_date("31/02/2026") is None
    assert parse_date("") is None


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_long_date_round_trips(day):
    text = format_date_long(day)
    assert parse_date(text) == day
    assert text.startswith("ngày ")


def test_long_date_leading_zeros():
    assert format_date_long(dt.date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert format_date_long(dt.date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"
    assert format_date_long(dt.date(2026, 12, 15)) == "ngày 15 tháng 12 năm 2026"


def test_periods():
    p = parse_period("tháng 10/2026", TODAY)
    assert (p.start, p.end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    p = parse_period("quy 3 nam 2026", TODAY)
    assert (p.start, p.end) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    p = parse_period("từ đầu năm", TODAY)
    assert (p.start, p.end) == (dt.date(2026, 1, 1), TODAY)
    p = parse_period("tuần này", TODAY)
    assert (p.start, p.end) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    p = parse_period("hom qua", TODAY)
    assert p.start == p.end == dt.date(2026, 11, 25)
    p = parse_period("thang truoc", TODAY)
    assert p.label == "tháng 10/2026"
    assert parse_period("tháng 12", TODAY).start == dt.date(2025, 12, 1)
    assert parse_period("không có kỳ nào", TODAY) is None
    both = find_periods("so sánh tháng này với tháng trước", TODAY)
    assert [p.label for _, _, p in both] == ["tháng 11/2026", "tháng 10/2026"]


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_month_period_contains_its_days_and_previous_is_adjacent(day):
    p = parse_period(f"tháng {day.month}/{day.year}", TODAY)
    assert p.start <= day <= p.end
    prev = p.previous()
    assert prev.end + dt.timedelta(days=1) == p.start


def test_add_working_days_skips_weekends():
    from appliance.text.dates import add_working_days

    friday = dt.date(2026, 11, 27)
    assert add_working_days(friday, 0) == friday
    assert add_working_days(friday, 1) == dt.date(2026, 11, 30)  # Monday
    assert add_working_days(friday, 5) == dt.date(2026, 12, 4)


def test_spans_first_months_and_weekdays_are_one_period_each():
    """Session 8's period families: a span said with two months is one span (not a comparison of its ends),
    "N tháng đầu / cuối năm (ngoái)", a year written right after "năm", and weekdays."""
    today = dt.date(2026, 11, 20)  # a Friday

    def spans(text: str) -> list[tuple[dt.date, dt.date]]:
        return [(p.start, p.end) for _, _, p in find_periods(text, today)]

    assert spans("từ tháng 7 đến hết tháng 9") == [(dt.date(2026, 7, 1), dt.date(2026, 9, 30))]
    assert spans("tu thang 12 den thang 2") == [(dt.date(2025, 12, 1), dt.date(2026, 2, 28))]
    assert spans("từ quý 1 đến quý 3") == [(dt.date(2026, 1, 1), dt.date(2026, 9, 30))]
    assert spans("9 tháng đầu năm") == [(dt.date(2026, 1, 1), dt.date(2026, 9, 30))]
    assert spans("6 tháng cuối năm ngoái") == [(dt.date(2025, 7, 1), dt.date(2025, 12, 31))]
    assert spans("nửa cuối năm 2025") == [(dt.date(2025, 7, 1), dt.date(2025, 12, 31))]
    assert spans("thứ 2 vừa rồi") == [(dt.date(2026, 11, 16), dt.date(2026, 11, 16))]
    assert spans("chủ nhật tuần trước") == [(dt.date(2026, 11, 15), dt.date(2026, 11, 15))]
    assert spans("thu nam nay") == [(dt.date(2026, 1, 1), dt.date(2026, 12, 31))]  # "thu … năm nay", no Thursday
    assert spans("lũy kế đến tháng 10") == [(dt.date(2026, 1, 1), dt.date(2026, 10, 31))]
    assert spans("tuần thứ 2 của tháng 11") == [(dt.date(2026, 11, 1), dt.date(2026, 11, 30))]  # an ordinal
