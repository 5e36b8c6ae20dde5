"""Session 12 mechanisms of the leaders' question box, each with new wording (never a training sentence) and cases
where it must not fire. Each flag is switched on and off; with it off the question is answered as before."""
from __future__ import annotations

import pytest

from appliance.ask import doubts, measures, nodata, supported, tokens, understand, vocab
from appliance.text import periods
from tests.ask.answering import asker, same
from tests.ask.data import TODAY


@pytest.mark.parametrize("on", [True, False])
def test_session12_southern_help(ask_db, monkeypatch, on):
    """tokens.SESSION12_SOUTHERN_HELP: "giùm / dùm" is "giúp"."""
    monkeypatch.setattr(tokens, "SESSION12_SOUTHERN_HELP", on)
    ask = asker(ask_db)
    plain = ask("em tính giúp anh số hồ sơ trễ hạn tháng 10")
    for said in ("em tính giùm anh số hồ sơ trễ hạn tháng 10", "tính dùm số hồ sơ trễ hạn tháng 10"):
        assert same(ask(said), plain) is on, said
    assert tokens.expand(["giumx"]) == ["giumx"]


@pytest.mark.parametrize("on", [True, False])
def test_session12_still_open_whatever_stands_between(ask_db, monkeypatch, on):
    """understand.SESSION12_STILL_OPEN: "đang còn / đang được / vẫn còn … giải quyết" are the open records; they had
    been read as those returned (a confident wrong). "còn giải quyết bao nhiêu" after a comma (and as for …) and
    "đang quá hạn" keep their reading."""
    monkeypatch.setattr(understand, "SESSION12_STILL_OPEN", on)
    ask = asker(ask_db)
    open_now = ask("hồ sơ đang giải quyết hiện nay bao nhiêu")
    assert open_now.intent is not None and open_now.intent.measures == ["chua_giai_quyet"]
    for said in ("hồ sơ đang được xử lý hiện nay bao nhiêu", "hiện nay hồ sơ vẫn còn giải quyết là bao nhiêu",
                 "hồ sơ vẫn đang trong quá trình giải quyết hiện có bao nhiêu"):
        got = ask(said)
        assert got.intent is not None
        assert (got.intent.measures == ["chua_giai_quyet"] and same(got, open_now)) is on, said
    overdue = ask("hồ sơ đang quá hạn giải quyết hiện nay")
    assert overdue.intent is not None and overdue.intent.measures == ["qua_han"]
    both = ask("tháng 10 nhận bao nhiêu hồ sơ, còn giải quyết bao nhiêu")
    assert both.intent is not None and "chua_giai_quyet" not in both.intent.measures


@pytest.mark.parametrize("on", [True, False])
def test_session12_figures_by_quarter_or_week(ask_db, monkeypatch, on):
    """doubts.SESSION12_TIME_UNIT_GROUP and understand.SESSION12_QUARTER_WEEK: "từng quý", "mỗi tuần" had been
    dropped and the period's total given (a confident wrong). Off: the total as before; the unit detected but not
    grouped: unsure; both on: one figure per quarter or week, in time order, each cut to the period."""
    monkeypatch.setattr(doubts, "SESSION12_TIME_UNIT_GROUP", on)
    monkeypatch.setattr(understand, "SESSION12_QUARTER_WEEK", True)  # off by default since rule R1 (session 12)
    ask = asker(ask_db)
    by_quarter = ask("năm nay tiếp nhận bao nhiêu hồ sơ mỗi quý")
    by_week = ask("phản ánh tháng 10 theo từng tuần")
    if not on:
        assert by_quarter.status == "ok" and by_quarter.keys == ["tiep_nhan"]  # the old total
        return
    assert by_quarter.status == "ok" and by_quarter.keys[0] == "quy"
    assert [r[0] for r in by_quarter.rows] == sorted(r[0] for r in by_quarter.rows)
    assert sum(r[1] for r in by_quarter.rows) == ask("năm nay tiếp nhận bao nhiêu hồ sơ").rows[0][0]
    assert "theo quý" in by_quarter.answer and [r[0] for r in by_quarter.rows][0] == "2026-Q1"
    assert by_week.status == "ok" and by_week.keys[0] == "tuan" and by_week.rows[0][0] == "2026-10-01"
    assert all(r[0] >= "2026-10-01" for r in by_week.rows)
    assert sum(r[1] for r in by_week.rows) == ask("phản ánh tháng 10").rows[0][0]
    # a count at a day has no quarters; the quarter of a period named is no grouping
    assert ask("hồ sơ tồn từng quý năm nay").status == "unsure"
    assert ask("quý 3 tiếp nhận bao nhiêu hồ sơ").keys == ["tiep_nhan"]
    monkeypatch.setattr(understand, "SESSION12_QUARTER_WEEK", False)
    assert ask("năm nay tiếp nhận bao nhiêu hồ sơ mỗi quý").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session12_half_a_month_and_since_morning(ask_db, monkeypatch, on):
    """periods.SESSION12_HALF_MONTH: "nửa đầu / nửa cuối tháng N" (01–15 / 16–end), "từ sáng tới giờ" (today),
    "kể từ khi <an event begun> (d/m) đến nay" and "<d/m> tới giờ" (from that day)."""
    monkeypatch.setattr(periods, "SESSION12_HALF_MONTH", on)
    ask = asker(ask_db)
    pairs = [("nửa đầu tháng 9 trả bao nhiêu hồ sơ", "từ 01/09/2026 đến 15/09/2026 trả bao nhiêu hồ sơ"),
             ("nua cuoi thang 9 tra bao nhieu ho so", "từ 16/09/2026 đến 30/09/2026 trả bao nhiêu hồ sơ"),
             ("từ sáng tới giờ nhận được mấy hồ sơ", "hôm nay nhận được mấy hồ sơ"),
             ("kể từ khi áp dụng phần mềm mới (15/8) đến nay nhận bao nhiêu hồ sơ",
              "từ 15/08/2026 đến nay nhận bao nhiêu hồ sơ")]
    for said, plain in pairs:
        assert same(ask(said), ask(plain)) is on, said
    assert ask("nửa đầu năm nay trả bao nhiêu hồ sơ").status == "ok"  # the half year, as before
    # off, half a month read as the whole month had been made unsure (session 8); on, it is the half
    assert ask("nửa đầu tháng 10 nhận bao nhiêu").status == ("ok" if on else "unsure")
    assert ask("đầu tháng 11 trả bao nhiêu hồ sơ").status == "unsure"
    # words that are no event begun ("nhận hồ sơ đất đai": a measure and a field) are never swallowed as the event;
    # "<date> tới giờ" is from that date (off: that one day)
    text = "tu hom nhan ho so dat dai 1/9/2026 toi gio"
    start, _, period = periods.find_periods(text, TODAY)[0]
    assert start == text.index("1/9") and period.start.isoformat() == "2026-09-01"
    assert period.end == (TODAY if on else period.start)


@pytest.mark.parametrize("on", [True, False])
def test_session12_closing_day(ask_db, monkeypatch, on):
    """doubts.SESSION12_CLOSING: "chốt (sổ) cuối quý 2" is as of that day; "chốt danh sách" stays unknown."""
    monkeypatch.setattr(doubts, "SESSION12_CLOSING", on)
    ask = asker(ask_db)
    plain = ask("hồ sơ quá hạn cuối quý 2 bao nhiêu")
    assert plain.status == "ok"
    for said in ("số liệu chốt cuối quý 2 hồ sơ quá hạn bao nhiêu", "hồ sơ quá hạn lúc chốt sổ cuối quý 2"):
        assert same(ask(said), plain) is on, said
    assert ask("chốt danh sách hồ sơ trễ hạn tháng 10").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session12_purpose_said_first(ask_db, monkeypatch, on):
    """doubts.SESSION12_PURPOSE_FIRST: a first clause "chuẩn bị <a meeting>," is an aside; one that asks a figure
    ("chuẩn bị trả bao nhiêu hồ sơ, …") is the question and stays unsure."""
    monkeypatch.setattr(doubts, "SESSION12_PURPOSE_FIRST", on)
    ask = asker(ask_db)
    plain = ask("em cho anh số hồ sơ trễ hạn tháng 10")
    assert same(ask("chuẩn bị giao ban sáng mai, em cho anh số hồ sơ trễ hạn tháng 10"), plain) is on
    assert ask("chuẩn bị trả kết quả bao nhiêu hồ sơ, em xem giúp").status == "unsure"
    assert same(ask("chiều nay anh họp giao ban, em cho anh số hồ sơ trễ hạn tháng 10"), plain) is on
    assert ask("số cuộc họp tháng này, em cho anh biết").status == "no_data"  # the clause asks: meetings


@pytest.mark.parametrize("on", [True, False])
def test_session12_top_said_as_people(ask_db, monkeypatch, on):
    """understand.SESSION12_TOP_PEOPLE: "… nhiều nhất, cho anh N người đứng đầu" is a top N by officer; without a
    ranking said the number stays unknown."""
    monkeypatch.setattr(understand, "SESSION12_TOP_PEOPLE", on)
    ask = asker(ask_db)
    plain = ask("top 4 cán bộ giải quyết nhiều hồ sơ nhất tháng 10")
    got = ask("tháng 10 cán bộ nào giải quyết nhiều hồ sơ nhất, cho anh 4 người đứng đầu")
    assert same(got, plain) is on
    assert ask("tháng 10 cho anh 4 người đứng đầu").status == "unsure"
    # the month's number is no top 10
    month = ask("tháng 10 cán bộ nào giải quyết nhiều hồ sơ nhất")
    assert month.intent is not None and (month.intent.limit != 10) is on


@pytest.mark.parametrize("on", [True, False])
def test_session12_anyone_is_whether_not_who(ask_db, monkeypatch, on):
    """understand.SESSION12_ANYONE: "có ai nộp … không, được mấy bộ" asks how many, not who (it had been ranked by
    officer, a confident wrong); "ai nhận nhiều nhất" still ranks officers."""
    monkeypatch.setattr(understand, "SESSION12_ANYONE", on)
    ask = asker(ask_db)
    got = ask("tuần này có ai nộp hồ sơ qua bưu chính không, được mấy bộ")
    assert got.intent is not None and (got.intent.group is None) is on
    who = ask("tuần này ai tiếp nhận nhiều hồ sơ nhất")
    assert who.intent is not None and who.intent.group == "can_bo_xu_ly"


@pytest.mark.parametrize("on", [True, False])
def test_session12_each_officer(ask_db, monkeypatch, on):
    """understand.SESSION12_EACH_PERSON: "mỗi đồng chí / từng người" is one figure per officer (the ward's total had
    been given, a confident wrong)."""
    monkeypatch.setattr(understand, "SESSION12_EACH_PERSON", on)
    ask = asker(ask_db)
    plain = ask("tháng 10 mỗi cán bộ giải quyết bao nhiêu hồ sơ")
    assert plain.intent is not None and plain.intent.group == "can_bo_xu_ly"
    for said in ("tháng 10 mỗi đồng chí giải quyết bao nhiêu hồ sơ", "tháng 10 từng người giải quyết bao nhiêu hồ sơ"):
        got = ask(said)
        assert got.intent is not None and (got.intent.group == "can_bo_xu_ly") is on, said


@pytest.mark.parametrize("on", [True, False])
def test_session12_where_the_oldest_goes(ask_db, monkeypatch, on):
    """understand.SESSION12_ORDER_PLACE: "… cũ nhất cho lên đầu" after a list: the oldest first; "lên đầu" with no
    oldest / newest word before it stays unknown."""
    monkeypatch.setattr(understand, "SESSION12_ORDER_PLACE", on)
    ask = asker(ask_db)
    plain = ask("danh sách phản ánh chưa xử lý, cũ nhất trước")
    got = ask("danh sách phản ánh chưa xử lý, phiếu nào cũ nhất cho lên đầu")
    assert (got.status == "ok" and got.intent is not None and got.intent.list_order == "asc") is on
    assert plain.intent is not None
    assert ask("danh sách hồ sơ tháng 10 lên đầu").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session12_waiting_on_the_citizen(ask_db, monkeypatch, on):
    """understand.SESSION12_WAITING_ON_CITIZEN and SESSION12_WHAT_IS_MISSING: "chờ dân bổ sung (giấy tờ)" is the
    status Chờ bổ sung; its "bổ sung" had been read as a procedure's short name (a confident wrong)."""
    monkeypatch.setattr(understand, "SESSION12_WAITING_ON_CITIZEN", on)
    monkeypatch.setattr(understand, "SESSION12_WHAT_IS_MISSING", on)
    monkeypatch.setattr(supported, "SESSION15_GENERIC_PART", False)  # it keeps "bổ sung" from naming a procedure too
    ask = asker(ask_db)
    plain = ask("hồ sơ chờ bổ sung hiện nay bao nhiêu")
    assert plain.intent is not None and plain.intent.filters.get("trang_thai") == "Chờ bổ sung"
    for said in ("hồ sơ đang chờ công dân bổ sung hiện nay bao nhiêu",
                 "hồ sơ chờ bổ sung thêm giấy tờ hiện nay bao nhiêu"):
        got = ask(said)
        assert same(got, plain) is on, said
    got = ask("hồ sơ đang chờ người dân bổ sung hiện nay bao nhiêu")
    assert got.intent is not None and ("ten_thu_tuc" in got.intent.filters) is not on


@pytest.mark.parametrize("on", [True, False])
def test_session12_like_for_like_said(ask_db, monkeypatch, on):
    """understand.SESSION12_SAME_DAYS: "tính cùng số ngày" with a running period compared (like for like already);
    two whole months stay unsure (they differ in days)."""
    monkeypatch.setattr(understand, "SESSION12_SAME_DAYS", on)
    ask = asker(ask_db)
    plain = ask("hồ sơ trả trễ tháng này so với tháng trước")
    assert same(ask("hồ sơ trả trễ tháng này so với tháng trước, tính cùng số ngày"), plain) is on
    assert ask("hồ sơ trả trễ tháng 10 so với tháng 9 tính cùng số ngày").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session12_whole_ward_and_other_units(ask_db, monkeypatch, on):
    """tokens.SESSION12_WHOLE_WARD: "toàn dân", "toàn địa bàn" are the whole ward; nodata.SESSION12_OTHER_UNITS:
    the district, the city or the other wards are not in the data (never this ward's figure)."""
    monkeypatch.setattr(tokens, "SESSION12_WHOLE_WARD", on)
    monkeypatch.setattr(nodata, "SESSION12_OTHER_UNITS", on)
    ask = asker(ask_db)
    plain = ask("tháng 10 nhận bao nhiêu hồ sơ")
    assert same(ask("tháng 10 toàn địa bàn nhận bao nhiêu hồ sơ"), plain) is on
    for said in ("cả quận tháng 10 có bao nhiêu hồ sơ trễ hạn", "tỷ lệ đúng hạn của phường so với các phường khác"):
        got = ask(said)
        assert got.status == ("no_data" if on else "unsure"), said
        assert not got.rows


@pytest.mark.parametrize("on", [True, False])
def test_session12_refusal_direction_and_comparison_words(ask_db, monkeypatch, on):
    """measures.SESSION12_REFUSED_SAID ("không nhận giải quyết": refused), SESSION12_DIRECTION ("nhận vào / trả ra"),
    SESSION12_SHORTER ("rút ngắn": processing time compared), SESSION12_LESS ("hơn hay kém": a comparison)."""
    for flag in ("SESSION12_REFUSED_SAID", "SESSION12_DIRECTION", "SESSION12_SHORTER", "SESSION12_LESS"):
        monkeypatch.setattr(measures, flag, on)
    ask = asker(ask_db)
    pairs = [("tháng 10 bao nhiêu hồ sơ không nhận giải quyết", "tháng 10 bao nhiêu hồ sơ bị từ chối"),
             ("tháng 10 nhận vào bao nhiêu hồ sơ, trả ra bao nhiêu", "tháng 10 nhận bao nhiêu hồ sơ, trả bao nhiêu"),
             ("thời gian giải quyết tháng 10 so với tháng 9 có rút ngắn không",
              "thời gian giải quyết tháng 10 so với tháng 9"),
             ("hồ sơ trễ hạn quý 3 hơn hay kém quý 2", "hồ sơ trễ hạn quý 3 so với quý 2")]
    for said, plain in pairs:
        assert same(ask(said), ask(plain)) is on, said
    assert ask("hồ sơ kèm theo tháng 10").status == "unsure"  # "kèm" is no comparison


@pytest.mark.parametrize("on", [True, False])
def test_session12_vague_first_clause(ask_db, monkeypatch, on):
    """doubts.SESSION12_VAGUE_LEAD: "gần đây … nhiều không, <a period> bao nhiêu": the period after it answers;
    alone, "dạo này" stays unread (unsure)."""
    monkeypatch.setattr(doubts, "SESSION12_VAGUE_LEAD", on)
    ask = asker(ask_db)
    plain = ask("tháng 10 trả trễ bao nhiêu hồ sơ")
    assert same(ask("dạo này hồ sơ trả trễ có nhiều không, tháng 10 trả trễ bao nhiêu hồ sơ"), plain) is on
    assert ask("dạo này hồ sơ trả trễ có nhiều không").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session12_finals_into_measures_only_and_chart_kind(ask_db, monkeypatch, on):
    """vocab.SESSION12_FINALS_MEASURES: a southern final consonant is repaired only into a measure's own phrase
    ("hồ sơ hơn" had become "hồ sơ hồng", a feedback cue); "quá hạng" is still "quá hạn".
    understand.SESSION12_CHART_KIND: "biểu đồ cột / tròn" asks the chart the box draws."""
    monkeypatch.setattr(vocab, "SESSION12_FINALS_MEASURES", on)
    monkeypatch.setattr(understand, "SESSION12_CHART_KIND", on)
    ask = asker(ask_db)
    plain = ask("hôm nay nhận nhiều hồ sơ hơn hôm qua không")
    assert (plain.status == "ok") is (on or tokens.SESSION14_COMPARISON_KEPT)  # session 14 keeps "hơn" whatever
    overdue = ask("hồ sơ quá hạng hiện nay")
    assert overdue.intent is not None and overdue.intent.measures == ["qua_han"]
    trend = ask("hồ sơ tiếp nhận từng tháng năm nay")
    assert same(ask("hồ sơ tiếp nhận từng tháng năm nay, vẽ biểu đồ cột"), trend) is on


@pytest.mark.parametrize("on", [True, False])
def test_session12_report_shorthand_and_quarter_to_date(ask_db, monkeypatch, on):
    """tokens.SESSION12_SHORTHAND: "ytd", "bc", "xd", "kh" after a rate; periods.SESSION12_QUARTER_START: "từ đầu
    quý (đến giờ)" is the quarter to date (it had been left unread: unsure, never the year to date)."""
    monkeypatch.setattr(tokens, "SESSION12_SHORTHAND", on)
    monkeypatch.setattr(periods, "SESSION12_QUARTER_START", on)
    ask = asker(ask_db)
    pairs = [("ytd nhận bao nhiêu hs", "từ đầu năm nhận bao nhiêu hồ sơ"),
             ("bc tháng 9 số hs trả trễ", "báo cáo tháng 9 số hồ sơ trả trễ"),
             ("từ đầu quý đến giờ trả bao nhiêu hồ sơ", "từ 01/10/2026 đến nay trả bao nhiêu hồ sơ")]
    for said, plain in pairs:
        assert same(ask(said), ask(plain)) is on, said
    assert tokens.expand(["dat", "%", "kh"])[2:] == (["ke", "hoach"] if on else ["khong"])
    assert tokens.expand(["tre", "kh"])[-1] == "khong"  # "kh" elsewhere is still "không"
    assert tokens.expand(["tang", "5", "%", "kh"])[-1] == "khong"
    assert ask("từ đầu quý 3 đến nay nhận bao nhiêu hồ sơ").status == "unsure"  # no quarter to date of another


@pytest.mark.parametrize("on", [True, False])
def test_session12_status_as_the_dimension(ask_db, monkeypatch, on):
    """understand.SESSION12_STATUS_DIMENSION: "theo trạng thái xử lý" groups by status; its "xử lý" had filtered to
    the resolved ones (a confident wrong). "trạng thái đang xử lý" is still that status."""
    monkeypatch.setattr(understand, "SESSION12_STATUS_DIMENSION", on)
    ask = asker(ask_db)
    plain = ask("phản ánh tháng 10 theo trạng thái")
    assert plain.keys[0] == "trang_thai"
    got = ask("phản ánh tháng 10 theo trạng thái xử lý")
    assert same(got, plain) is on
    one = ask("phản ánh trạng thái đang xử lý tháng 10")
    assert one.intent is not None and one.intent.filters.get("trang_thai") == "dang_xu_ly" and one.intent.group is None


def test_session12_an_average_per_unit_is_no_breakdown(ask_db, monkeypatch):
    """With the session-12 flags on, "trung bình mỗi tuần / mỗi người" asks an average the box does not compute:
    unsure, never the breakdown (a table of each week or officer is not the average asked); the average processing
    time by quarter is a breakdown."""
    monkeypatch.setattr(understand, "SESSION12_QUARTER_WEEK", True)  # off by default since rule R1 (session 12)
    ask = asker(ask_db)
    for said in ("trung bình mỗi tuần nhận bao nhiêu hồ sơ năm nay", "trung bình mỗi người giải quyết bao nhiêu hồ sơ"
                 " tháng 10", "năm nay bình quân mỗi quý trả bao nhiêu hồ sơ"):
        assert ask(said).status == "unsure", said
    by_quarter = ask("thời gian giải quyết trung bình từng quý năm nay")
    assert by_quarter.status == "ok" and by_quarter.keys == ["quy", "so_ngay_tb"]


@pytest.mark.parametrize("on", [True, False])
def test_session12_short_titles_before_a_name(ask_db, monkeypatch, on):
    """tokens.SESSION12_SHORT_TITLE: "a Hùng", "c Lan" (a capital letter on the name) are "anh Hùng", "chị Lan"; a
    lone "a" is still the particle "ạ", and "c lan" in lower case stays unknown."""
    monkeypatch.setattr(tokens, "SESSION12_SHORT_TITLE", on)
    ask = asker(ask_db)
    plain = ask("chị Lan tháng 10 trả bao nhiêu hồ sơ")
    assert plain.intent is not None and plain.intent.filters.get("can_bo_xu_ly")
    assert same(ask("c Lan thang 10 tra bao nhieu hs"), plain) is on
    assert ask("c lan thang 10 tra bao nhieu hs").status == "unsure"
    assert ask("tháng 10 trả bao nhiêu hồ sơ a").status == "ok"
