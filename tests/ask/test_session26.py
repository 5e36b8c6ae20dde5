"""Session 26 of the leaders' question box: the readings R1 kept on, plain behaviour since session 28 (rule R8), with
my own wording (never a set's sentence) and cases where they must not fire; and the session's bug fixes. Most checks
read the words or the period alone; a few ask the generated ward."""
from __future__ import annotations

import datetime as dt

from appliance.text import periods
from appliance.text.periods import parse_period
from tests.ask.answering import asker, same

_TODAY = dt.date(2026, 11, 20)


def test_session26_rolling_months():
    """"12 tháng qua", "3 tháng gần đây" count back from today (from 21/11/2025, 21/08/2026), not whole calendar
    months with the running one. Asked month by month ("từng tháng", "tháng nào") the
    calendar months stay, and an indicator takes the months whose first day lies in the span (periods.whole_months_of,
    called by indicators.finish)."""
    twelve = parse_period("tong ho so 12 thang qua", _TODAY)
    assert twelve is not None and twelve.end == _TODAY
    assert twelve.start == dt.date(2025, 11, 21)
    three = parse_period("so ho so 3 thang gan day", _TODAY)
    assert three is not None and three.start == dt.date(2026, 8, 21)
    for said in ("so ho so tung thang trong 3 thang qua", "3 thang qua thang nao nhan nhieu nhat"):
        got = parse_period(said, _TODAY)
        assert got is not None and got.start == dt.date(2026, 9, 1), said
    one = parse_period("1 thang qua", dt.date(2026, 1, 15))
    assert one is not None and one.start == dt.date(2025, 12, 16)
    whole = periods.whole_months_of(three)  # an indicator: the months whose first day lies in it, as before
    assert whole.start == dt.date(2026, 9, 1) and whole.end == _TODAY
    assert whole.label.startswith("3 tháng qua (từ 01/09")
    end_of_march = parse_period("1 thang qua", dt.date(2026, 3, 31))  # back to 28/02 (no 31/02), then the day after
    assert end_of_march is not None and end_of_march.start == dt.date(2026, 3, 1)


def test_session26_polite_opening(ask_db):
    """(formal_words.polite_opening) "Thưa đồng chí, …", "Xin phép hỏi …" opening the question ask nothing. "thưa" in
    the middle of the question stays unknown."""
    ask = asker(ask_db)
    plain = ask("tháng 10 nhận bao nhiêu hồ sơ")
    for said in ("Thưa đồng chí, tháng 10 nhận bao nhiêu hồ sơ ạ?",
                 "Xin phép hỏi đồng chí, tháng 10 nhận bao nhiêu hồ sơ",
                 "Kính thưa đồng chí, tháng 10 nhận bao nhiêu hồ sơ",
                 "Phiền đồng chí cho biết tháng 10 nhận bao nhiêu hồ sơ"):
        assert same(ask(said), plain), said
    assert ask("tháng 10 thưa anh nhận bao nhiêu hồ sơ").status == "unsure"


def test_session26_set_out(ask_db):
    """(formal_words.set_out) "chỉ tiêu năm đề ra", "kế hoạch đã đề ra" are the plan. "đề ra" after anything else
    ("các giải pháp đề ra") stays unknown."""
    ask = asker(ask_db)
    plain = ask("tỷ lệ hộ nghèo hiện nay có đạt kế hoạch năm không")
    for said in ("tỷ lệ hộ nghèo hiện nay có đạt chỉ tiêu năm đề ra không",
                 "tỷ lệ hộ nghèo hiện nay có đạt kế hoạch năm đã đề ra không"):
        assert same(ask(said), plain), said
    assert ask("tỷ lệ hộ nghèo các giải pháp đề ra tháng 10").status == "unsure"


def test_session26_feedback_counter(ask_db):
    """(formal_words.feedback_counter) "bao nhiêu việc" where feedback is named counts the feedback. "việc làm" (the
    jobs indicator) and "việc" beside records stay as they were."""
    ask = asker(ask_db)
    assert same(ask("phản ánh tháng 10 mỗi lĩnh vực bao nhiêu việc"), ask("phản ánh tháng 10 mỗi lĩnh vực bao nhiêu"))
    assert ask("tháng 10 có bao nhiêu việc hồ sơ trễ hạn").status == "unsure"
    got = ask("quý 3 bao nhiêu việc làm mới")
    assert got.status == "ok" and got.intent is not None and got.intent.domain == "chi_tieu"


def test_records_lying_at_the_office_are_unsure(ask_db):
    """Bug fix (rule R7, doubts.where_held): "hồ sơ đang ở bộ phận một cửa bao nhiêu", "… đang nằm ở …", "số hồ sơ còn
    tại bộ phận một cửa" (the open records) had been given the records received since the year's start. Unsure. A
    status read ("đang giải quyết ở bộ phận …") or asked ("đang ở trạng thái nào"), and the channel ("nộp tại bộ phận
    một cửa") keep their answers."""
    ask = asker(ask_db)
    for said in ("hồ sơ đang ở bộ phận một cửa bao nhiêu", "hồ sơ đang nằm ở bộ phận một cửa bao nhiêu",
                 "số hồ sơ còn tại bộ phận một cửa"):
        assert ask(said).status == "unsure", said
    for said in ("hồ sơ đang giải quyết ở bộ phận một cửa bao nhiêu", "số hồ sơ nộp tại bộ phận một cửa tháng 10",
                 "hồ sơ nhận tuần trước giờ đang ở trạng thái nào, mỗi trạng thái bao nhiêu"):
        assert ask(said).status == "ok", said

