"""Session 26 of the leaders' question box: each SESSION26 flag on and off, with my own wording (never a set's
sentence) and cases where it must not fire. Most checks read the words or the period alone; a few ask the generated
ward."""
from __future__ import annotations

import datetime as dt

import pytest

from appliance.ask import formal_words, measures, nodata, phrasings, spoken_dates, tokens, understand
from appliance.ask.spoken_dates import period_words
from appliance.ask.tokens import words
from appliance.text import periods
from appliance.text.periods import parse_period
from tests.ask.answering import asker, same
from tests.flags import switch_on

_FLAGGED = (formal_words, measures, nodata, phrasings, spoken_dates, tokens, understand, periods)
_TODAY = dt.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _all_on(monkeypatch):
    """Each flag is tested against the others as tuned (all on), whatever rule R1 leaves in the shipped defaults."""
    switch_on(monkeypatch, _FLAGGED, "SESSION26_")


def _same_or_unsure(ask, said: str, plain: str, on: bool) -> None:
    want = ask(plain)
    assert want.status == "ok", plain
    got = ask(said)
    assert same(got, want) if on else got.status == "unsure", said


@pytest.mark.parametrize("on", [True, False])
def test_session26_year_after_period(monkeypatch, on):
    """spoken_dates.SESSION26_YEAR_AFTER_PERIOD: "quý 1 2026", "tháng 10 2025" are "… năm 2026 / 2025"; off, the year
    is left as a bare number (unknown). A count after a month ("tháng 10 2000 hồ sơ") and a number that is no year are
    left alone."""
    monkeypatch.setattr(spoken_dates, "SESSION26_YEAR_AFTER_PERIOD", on)
    assert (period_words("quy 1 2026".split()) == "quy 1 nam 2026".split()) is on
    assert (period_words("so voi thang 10 2025 ?".split()) == "so voi thang 10 nam 2025 ?".split()) is on
    for said in ("thang 10 2000 ho so", "quy 3 150 phan anh", "thang 10 1995", "ngay 2026"):
        assert period_words(said.split()) == said.split(), said


@pytest.mark.parametrize("on", [True, False])
def test_session26_end_of(monkeypatch, on):
    """spoken_dates.SESSION26_END_OF: "(thời điểm) kết thúc quý 3", "khi kết thúc tháng 10" are "cuối …"; off,
    unknown. "kết thúc" before no period, or after "đã" (a verb: "hồ sơ đã kết thúc tháng 10"), is left alone."""
    monkeypatch.setattr(spoken_dates, "SESSION26_END_OF", on)
    assert (period_words("so voi thoi diem ket thuc quy 3".split()) == "so voi thoi diem cuoi quy 3".split()) is on
    assert (period_words("khi ket thuc thang 10".split()) == "khi cuoi thang 10".split()) is on
    for said in ("ho so da ket thuc thang 10", "ket thuc dot kiem tra", "ket thuc"):
        assert period_words(said.split()) == said.split(), said


@pytest.mark.parametrize("on", [True, False])
def test_session26_end_of_asked(ask_db, monkeypatch, on):
    """The end of a quarter said with "kết thúc" answers as "cuối quý 3" does (off: unsure)."""
    monkeypatch.setattr(spoken_dates, "SESSION26_END_OF", on)
    _same_or_unsure(asker(ask_db), "số hồ sơ đang giải quyết tại thời điểm kết thúc quý 3",
                    "số hồ sơ đang giải quyết cuối quý 3", on)


@pytest.mark.parametrize("on", [True, False])
def test_session26_which_staff(monkeypatch, on):
    """tokens.SESSION26_WHICH_STAFF: the southern "đứa nào" (typed with its accents) is "ai"; off, unknown. Folded
    "dua nao" (maybe "đưa") and "đứa" alone are left alone."""
    monkeypatch.setattr(tokens, "SESSION26_WHICH_STAFF", on)
    assert (words("tháng rồi đứa nào trả nhiều nhất")[2:3] == ["ai"]) is on
    assert (words("Đứa nào còn tồn nhiều")[:1] == ["ai"]) is on
    assert words("dua nao tra nhieu nhat")[:2] == ["dua", "nao"]
    assert "ai" not in words("đứa em tháng 10")


@pytest.mark.parametrize("on", [True, False])
def test_session26_sunday(ask_db, monkeypatch, on):
    """understand.SESSION26_SUNDAY: "anh Nam còn bao nhiêu hồ sơ … tính đến chủ nhật tuần trước" is that officer's
    figure of that Sunday, as "… ngày 15/11" is; off, the "nhật" of "chủ nhật" made a ranking (unsure). "nhiều nhất"
    still ranks."""
    monkeypatch.setattr(understand, "SESSION26_SUNDAY", on)
    ask = asker(ask_db)
    _same_or_unsure(ask, "anh Nam còn bao nhiêu hồ sơ đang giải quyết tính đến chủ nhật tuần trước",
                    "anh Nam còn bao nhiêu hồ sơ đang giải quyết tính đến ngày 15/11", on)
    got = ask("chủ nhật tuần trước cán bộ nào nhận nhiều hồ sơ nhất")
    assert got.intent is not None and got.intent.order == "desc"


@pytest.mark.parametrize("on", [True, False])
def test_session26_rolling_months(monkeypatch, on):
    """periods.SESSION26_ROLLING_MONTHS: "12 tháng qua", "3 tháng gần đây" count back from today (from 21/11/2025,
    21/08/2026); off, whole calendar months with the running one. Asked month by month ("từng tháng", "tháng nào") the
    calendar months stay, and an indicator takes the months whose first day lies in the span (periods.whole_months_of,
    called by indicators.finish)."""
    monkeypatch.setattr(periods, "SESSION26_ROLLING_MONTHS", on)
    twelve = parse_period("tong ho so 12 thang qua", _TODAY)
    assert twelve is not None and twelve.end == _TODAY
    assert twelve.start == (dt.date(2025, 11, 21) if on else dt.date(2025, 12, 1))
    three = parse_period("so ho so 3 thang gan day", _TODAY)
    assert three is not None and three.start == (dt.date(2026, 8, 21) if on else dt.date(2026, 9, 1))
    for said in ("so ho so tung thang trong 3 thang qua", "3 thang qua thang nao nhan nhieu nhat"):
        got = parse_period(said, _TODAY)
        assert got is not None and got.start == dt.date(2026, 9, 1), said
    one = parse_period("1 thang qua", dt.date(2026, 1, 15))
    assert one is not None and one.start == (dt.date(2025, 12, 16) if on else dt.date(2026, 1, 1))
    whole = periods.whole_months_of(three)  # an indicator: the months whose first day lies in it, as before
    assert whole.start == dt.date(2026, 9, 1) and whole.end == _TODAY
    assert whole.label.startswith("3 tháng qua (từ 01/09")
    end_of_march = parse_period("1 thang qua", dt.date(2026, 3, 31))  # back to 28/02 (no 31/02), then the day after
    assert end_of_march is not None and end_of_march.start == dt.date(2026, 3, 1)


@pytest.mark.parametrize("on", [True, False])
def test_session26_polite_opening(ask_db, monkeypatch, on):
    """formal_words.SESSION26_POLITE_OPENING: "Thưa đồng chí, …", "Xin phép hỏi …" opening the question ask nothing;
    off, "thưa" / "phép" unknown (unsure). "thưa" in the middle of the question stays unknown."""
    monkeypatch.setattr(formal_words, "SESSION26_POLITE_OPENING", on)
    ask = asker(ask_db)
    plain = "tháng 10 nhận bao nhiêu hồ sơ"
    _same_or_unsure(ask, "Thưa đồng chí, tháng 10 nhận bao nhiêu hồ sơ ạ?", plain, on)
    _same_or_unsure(ask, "Xin phép hỏi đồng chí, tháng 10 nhận bao nhiêu hồ sơ", plain, on)
    _same_or_unsure(ask, "Kính thưa đồng chí, tháng 10 nhận bao nhiêu hồ sơ", plain, on)
    _same_or_unsure(ask, "Phiền đồng chí cho biết tháng 10 nhận bao nhiêu hồ sơ", plain, on)
    assert ask("tháng 10 thưa anh nhận bao nhiêu hồ sơ").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session26_opinion(ask_db, monkeypatch, on):
    """formal_words.SESSION26_OPINION: "ý kiến phản ánh" is the feedback; off, "ý kiến" unknown. "ý kiến" alone stays
    unknown."""
    monkeypatch.setattr(formal_words, "SESSION26_OPINION", on)
    ask = asker(ask_db)
    _same_or_unsure(ask, "tháng 10 phường nhận bao nhiêu ý kiến phản ánh của người dân",
                    "tháng 10 phường nhận bao nhiêu phản ánh của người dân", on)
    assert ask("ý kiến của người dân tháng 10 bao nhiêu").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session26_set_out(ask_db, monkeypatch, on):
    """formal_words.SESSION26_SET_OUT: "chỉ tiêu năm đề ra", "kế hoạch đã đề ra" are the plan; off, "đề ra" unknown.
    "đề ra" after anything else ("các giải pháp đề ra") stays unknown."""
    monkeypatch.setattr(formal_words, "SESSION26_SET_OUT", on)
    ask = asker(ask_db)
    plain = "tỷ lệ hộ nghèo hiện nay có đạt kế hoạch năm không"
    _same_or_unsure(ask, "tỷ lệ hộ nghèo hiện nay có đạt chỉ tiêu năm đề ra không", plain, on)
    _same_or_unsure(ask, "tỷ lệ hộ nghèo hiện nay có đạt kế hoạch năm đã đề ra không", plain, on)
    assert ask("tỷ lệ hộ nghèo các giải pháp đề ra tháng 10").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session26_feedback_counter(ask_db, monkeypatch, on):
    """formal_words.SESSION26_FEEDBACK_COUNTER: "bao nhiêu việc" where feedback is named counts the feedback; off,
    "việc" unknown. "việc làm" (the jobs indicator) and "việc" beside records stay as they were."""
    monkeypatch.setattr(formal_words, "SESSION26_FEEDBACK_COUNTER", on)
    ask = asker(ask_db)
    _same_or_unsure(ask, "phản ánh tháng 10 mỗi lĩnh vực bao nhiêu việc", "phản ánh tháng 10 mỗi lĩnh vực bao nhiêu",
                    on)
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


@pytest.mark.parametrize("on", [True, False])
def test_session26_feedback_settled(ask_db, monkeypatch, on):
    """measures.SESSION26_FEEDBACK_SETTLED: feedback "đã được giải quyết", "xử lý dứt điểm" is the feedback handled,
    as "đã xử lý" is; off, unsure. "chưa được giải quyết" stays the open feedback; records keep "đã giải quyết"."""
    monkeypatch.setattr(measures, "SESSION26_FEEDBACK_SETTLED", on)
    ask = asker(ask_db)
    plain = "số phản ánh tháng 10 đã xử lý"
    _same_or_unsure(ask, "số phản ánh tháng 10 đã được giải quyết", plain, on)
    _same_or_unsure(ask, "số phản ánh tháng 10 đã xử lý dứt điểm", plain, on)
    assert same(ask("số phản ánh chưa được giải quyết"), ask("số phản ánh chưa xử lý"))
    got = ask("số hồ sơ tháng 10 đã được giải quyết")
    assert got.status == "ok" and got.intent is not None and got.intent.measures == ["da_giai_quyet"]


@pytest.mark.parametrize("on", [True, False])
def test_session26_wish_to_ask(ask_db, monkeypatch, on):
    """phrasings.SESSION26_WISH_TO_ASK: "Tôi muốn hỏi đồng chí …", "Bà con muốn biết …", "Chúng tôi muốn biết …" are
    the request, as "anh muốn biết …" is; off, "muốn" unknown (unsure). "muốn" in the middle of a clause stays
    unknown."""
    monkeypatch.setattr(phrasings, "SESSION26_WISH_TO_ASK", on)
    ask = asker(ask_db)
    plain = "số phản ánh về trật tự đô thị tháng này"
    for said in ("Tôi muốn hỏi đồng chí số phản ánh về trật tự đô thị tháng này",
                 "Bà con muốn biết số phản ánh về trật tự đô thị tháng này",
                 "Chúng tôi muốn biết số phản ánh về trật tự đô thị tháng này"):
        _same_or_unsure(ask, said, plain, on)
    assert ask("hồ sơ muốn hỏi tháng 10").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session26_bare_year(monkeypatch, on):
    """spoken_dates.SESSION26_BARE_YEAR: a year closing a clause ("… nhiều nhất 2026", "tiếp nhận 2025 so với …") is
    "năm 2026"; off, a bare number (unknown). A count ("nhận 2026 hồ sơ"), a year after "năm", and a number after a
    number are left alone."""
    monkeypatch.setattr(spoken_dates, "SESSION26_BARE_YEAR", on)
    assert (period_words("top 5 thu tuc nhieu nhat 2026".split())[-2:] == ["nam", "2026"]) is on
    assert (period_words("tiep nhan 2025 so voi".split()) == "tiep nhan nam 2025 so voi".split()) is on
    for said in ("tiep nhan 2026 ho so", "so ho so nam 2026", "so hs 10 2026", "2026"):
        assert period_words(said.split()) == said.split(), said


@pytest.mark.parametrize("on", [True, False])
def test_session26_more_not_held(ask_db, monkeypatch, on):
    """nodata.SESSION26_MORE_NOT_HELD: overtime, pay, calls to the hotline are not in the data; off, unsure. Feedback
    through the hotline is counted, and "số lượng" is no pay."""
    monkeypatch.setattr(nodata, "SESSION26_MORE_NOT_HELD", on)
    ask = asker(ask_db)
    for said in ("anh Hùng tuần này làm thêm giờ bao nhiêu", "lương cán bộ một cửa bao nhiêu",
                 "bao nhiêu người dân gọi đường dây nóng tháng này"):
        assert ask(said).status == ("no_data" if on else "unsure"), said
    for said in ("số phản ánh qua đường dây nóng tháng 10", "số lượng hồ sơ tháng 10"):
        assert ask(said).status == "ok", said
