"""Session 13 mechanisms of the leaders' question box, each with new wording (never a training sentence) and cases
where it must not fire. Each flag is switched on and off; with it off the question is answered as before."""
from __future__ import annotations

import datetime as dt

import pytest

from appliance.ask import doubts, dropped, measures, parser, time_taken, tokens, understand
from appliance.text import periods
from tests.ask.answering import asker, same
from tests.ask.data import TODAY


@pytest.mark.parametrize("on", [True, False])
def test_session13_same_span_of_the_previous_unit(ask_db, monkeypatch, on):
    """parser.SESSION13_SAME_SPAN_OF_UNIT: "so với cùng kỳ tháng / quý / tuần trước" is the previous month (quarter,
    week) like for like; off, "cùng kỳ" was read as the same period last year (a confident wrong). "Cùng kỳ" alone
    and "cùng kỳ năm trước" keep the year before."""
    monkeypatch.setattr(parser, "SESSION13_SAME_SPAN_OF_UNIT", on)
    ask = asker(ask_db)
    for said, plain in (("tháng này trả bao nhiêu hồ sơ, so với cùng kỳ tháng trước", "tháng này trả bao nhiêu hồ sơ "
                         "so với tháng trước"),
                        ("quý này nhận mấy hồ sơ so vs cùng kỳ quý trước", "quý này nhận mấy hồ sơ so với quý trước"),
                        ("trễ hạn tuần này so với cùng kỳ tuần vừa rồi", "trễ hạn tuần này so với tuần trước")):
        got, want = ask(said), ask(plain)
        assert want.status == "ok" and "cùng kỳ" in want.answer
        assert same(got, want) is on, said
        assert ("năm trước" in got.answer) is not on, said
    for said in ("tháng này trả bao nhiêu hồ sơ so với cùng kỳ", "tháng này trả bao nhiêu hồ sơ so với cùng kỳ năm "
                                                                 "trước"):
        assert "cùng kỳ năm trước" in ask(said).answer, said


@pytest.mark.parametrize("on", [True, False])
def test_session13_spoken_spans(ask_db, monkeypatch, on):
    """periods.SESSION13_SPOKEN_SPANS: "hai tuần gần đây", "3 tuần qua" (the last 7·N days, today included), "ba ngày
    qua", "chín tháng đầu năm", "nửa năm đầu", "tháng mười vừa qua"; numbers that are a weekday, a day, a month or a
    top are no count of weeks."""
    monkeypatch.setattr(periods, "SESSION13_SPOKEN_SPANS", on)
    ask = asker(ask_db)
    pairs = [("trong hai tuần gần đây phản ánh gửi đến bao nhiêu", "14 ngày qua phản ánh gửi đến bao nhiêu"),
             ("3 tuan qua tiep nhan bn hs", "21 ngày qua tiếp nhận bao nhiêu hồ sơ"),
             ("số hồ sơ trễ hạn ba ngày gần đây", "số hồ sơ trễ hạn 3 ngày gần đây"),
             ("chín tháng đầu năm nay giải quyết bao nhiêu hồ sơ", "9 tháng đầu năm nay giải quyết bao nhiêu hồ sơ"),
             ("nửa năm đầu tỷ lệ đúng hạn bao nhiêu", "6 tháng đầu năm tỷ lệ đúng hạn bao nhiêu"),
             ("trong tháng mười vừa qua trả được bao nhiêu hồ sơ", "tháng 10 trả được bao nhiêu hồ sơ")]
    for said, plain in pairs:
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    found = periods.find_periods("hai tuan gan day", TODAY)
    assert bool(found) is on
    if on:
        assert (found[0][2].start, found[0][2].end) == (TODAY - dt.timedelta(days=13), TODAY)
    # a weekday, a month or a top before "tuần" counts no weeks
    assert [p.kind for _, _, p in periods.find_periods("thu 2 tuan nay", TODAY)] == ["day"]
    assert periods.find_periods("top 3 tuan qua", TODAY) == []
    assert [p.label for _, _, p in periods.find_periods("thang 2 tuan qua", TODAY)] == ["tháng 2/2026"]


@pytest.mark.parametrize("on", [True, False])
def test_session13_spoken_change(ask_db, monkeypatch, on):
    """measures.SESSION13_SPOKEN_CHANGE: "tăng lên hay giảm đi", "giảm bớt", "sụt giảm" are a comparison ("đi" had
    been unknown); "đi" elsewhere stays unknown."""
    monkeypatch.setattr(measures, "SESSION13_SPOKEN_CHANGE", on)
    ask = asker(ask_db)
    plain = ask("phản ánh tháng 10 so với tháng 9 tăng hay giảm")
    assert plain.status == "ok"
    for said in ("phản ánh tháng 10 so với tháng 9 tăng lên hay giảm đi", "phản ánh tháng 10 giảm đi so với tháng 9"):
        assert same(ask(said), plain) is on, said
    assert ask("tháng 10 đi công tác bao nhiêu hồ sơ").status != "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session13_chat_shorthand_and_dialect(ask_db, monkeypatch, on):
    """tokens.SESSION13_CHAT_DIALECT: "lk" (ra) closing a clause is "liệt kê", "r" closing the question "rồi", "kd"
    "kinh doanh", "tthc" "thủ tục", "ni" after a unit of time "này", "rứa" "vậy", "mô" after a group word "nào".
    "chị Lan", "chi" (spend) and "lk" before a period are untouched."""
    monkeypatch.setattr(tokens, "SESSION13_CHAT_DIALECT", on)
    ask = asker(ask_db)
    pairs = [("hs tre han thang 9 lk", "danh sách hồ sơ trễ hạn tháng 9"),
             ("hs tu choi tuan truoc lk ra", "danh sách hồ sơ từ chối tuần trước"),
             ("tháng này trả bao nhiêu hồ sơ r", "tháng này trả bao nhiêu hồ sơ"),
             ("thang ni tiep nhan bn hs rua", "tháng này tiếp nhận bao nhiêu hồ sơ"),
             ("tthc nao tre han nhieu nhat quy 3", "thủ tục nào trễ hạn nhiều nhất quý 3"),
             ("linh vuc mo giai quyet nhieu nhat thang 10", "lĩnh vực nào giải quyết nhiều nhất tháng 10"),
             ("thang 10 hs nop qua hinh thuc mo nhieu nhat", "tháng 10 hồ sơ nộp theo hình thức nào nhiều nhất")]
    for said, plain in pairs:
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert tokens.expand(["ho", "kd"]) == (["ho", "kinh", "doanh"] if on else ["ho", "kd"])
    # "chị" before a name, "chi" (spend) and "lk" before a period keep their reading
    assert ask("hs chi Lan tiep nhan thang 10 bn").status == "ok"
    assert "kinh" not in tokens.expand(["chi", "ngan", "sach"])
    assert tokens.expand(["lk", "tu", "dau", "nam"])[0] == "lk"
    assert tokens.expand(["r", "hs"])[0] == "r"


@pytest.mark.parametrize("on", [True, False])
def test_session13_route_before_the_channel(ask_db, monkeypatch, on):
    """doubts.SESSION13_VIA_CHANNEL: "gửi qua kênh nào", "nộp bằng hình thức nào": the route before a channel or form
    read; "qua" elsewhere stays unknown."""
    monkeypatch.setattr(doubts, "SESSION13_VIA_CHANNEL", on)
    ask = asker(ask_db)
    plain = ask("quý 3 phản ánh theo kênh nào nhiều nhất")
    assert plain.status == "ok"
    assert same(ask("quý 3 dân gửi phản ánh qua kênh nào nhiều nhất"), plain) is on
    form = ask("tháng 10 hồ sơ theo hình thức nộp nào nhiều nhất")
    assert same(ask("tháng 10 hồ sơ nộp bằng hình thức nào nhiều nhất"), form)  # "bằng" was read already
    assert ask("phản ánh qua tháng 10 bao nhiêu").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session13_polite_request_opening(ask_db, monkeypatch, on):
    """doubts.SESSION13_REQUEST_OPENING: "Đề nghị (em) cho tôi …", "Kính đề nghị tổng hợp …" at a clause's start is a
    request; "đề nghị" as a thing ("số đề nghị của dân") stays unknown."""
    monkeypatch.setattr(doubts, "SESSION13_REQUEST_OPENING", on)
    ask = asker(ask_db)
    pairs = [("Đề nghị em cho tôi số hồ sơ trễ hạn trong tháng 9.", "số hồ sơ trễ hạn trong tháng 9"),
             ("Kính đề nghị tổng hợp số phản ánh quý 3", "số phản ánh quý 3"),
             ("tháng 10, đề nghị bộ phận báo cáo số hồ sơ từ chối", "số hồ sơ từ chối tháng 10")]
    for said, plain in pairs:
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert ask("số đề nghị của dân tháng 10 là bao nhiêu").status == "unsure"
    assert ask("trả lời đề nghị của công dân tháng 10 bao nhiêu").status != "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session13_names_said_with_their_commas(ask_db, monkeypatch, on):
    """tokens.SESSION13_COMMA_NAMES: a name of the data holding commas, said with them ("chứng thực hợp đồng, giao
    dịch", "nhận cha, mẹ, con"), is that name; commas between two names ("hộ tịch, chứng thực") still separate them."""
    monkeypatch.setattr(tokens, "SESSION13_COMMA_NAMES", on)
    ask = asker(ask_db)
    plain = ask("quý 3 thủ tục đăng ký nhận cha mẹ con nhận bao nhiêu hồ sơ")
    assert plain.status == "ok" and plain.rows
    assert same(ask("quý 3 thủ tục đăng ký nhận cha, mẹ, con nhận bao nhiêu hồ sơ"), plain) is on
    two = ask("tháng 9 hộ tịch, chứng thực mỗi bên nhận bao nhiêu hồ sơ")
    assert two.intent is not None and "ten_thu_tuc" not in two.intent.filters
    assert tokens._without_commas_in_names(["a", ",", "b", ",", "c", "d"], [["a", "b", "c"]]) == ["a", "b", "c", "d"]
    assert tokens._without_commas_in_names(["a", ",", "b", "x"], [["a", "b", "c"]]) == ["a", ",", "b", "x"]


@pytest.mark.parametrize("on", [True, False])
def test_session13_newest_few_records(ask_db, monkeypatch, on):
    """understand.SESSION13_NEWEST_FEW: "3 hồ sơ … mới / gần đây nhất" (newest first) and "… sớm / cũ nhất" (oldest
    first) open a list of that many records; "lâu nhất" and a figure word ("5 hồ sơ … là bao nhiêu") are not read
    so (unsure)."""
    monkeypatch.setattr(understand, "SESSION13_NEWEST_FEW", on)
    monkeypatch.setattr(dropped, "SESSION14_TIED_CUT", False)  # session 14: a cut inside a day is unsure
    ask = asker(ask_db)
    newest = ask("3 hồ sơ đất đai nhận mới nhất tháng 10")
    oldest = ask("4 hồ sơ hộ tịch tiếp nhận sớm nhất trong tháng 9")
    if not on:
        assert newest.status == oldest.status == "unsure"
    else:
        assert newest.status == oldest.status == "ok"
        assert newest.intent is not None and newest.intent.listing and newest.intent.list_order == "desc"
        days = [r[newest.keys.index("ngay_tiep_nhan")] for r in newest.rows]
        assert len(days) == 3 and days == sorted(days, reverse=True) and all(d.startswith("2026-10") for d in days)
        days = [r[oldest.keys.index("ngay_tiep_nhan")] for r in oldest.rows]
        assert len(days) == 4 and days == sorted(days) and all(d.startswith("2026-09") for d in days)
    if not time_taken.SESSION14_LIST_BY_TIME:  # session 14 orders it by the days taken (test_session14.py)
        assert ask("5 hồ sơ giải quyết lâu nhất tháng 10").status == "unsure"
    assert ask("5 hồ sơ mới nhất tháng 10 là bao nhiêu").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session13_months_listed_one_by_one(ask_db, monkeypatch, on):
    """parser.SESSION13_LISTED_MONTHS: "tháng 6, tháng 7, tháng 8 mỗi tháng …" is the span June–August by month, as
    "từ tháng 6 đến tháng 8 theo tháng"; months with a gap, or without "mỗi / từng / hàng tháng", stay unsure."""
    monkeypatch.setattr(parser, "SESSION13_LISTED_MONTHS", on)
    ask = asker(ask_db)
    plain = ask("từ tháng 6 đến tháng 8 theo tháng trả bao nhiêu hồ sơ")
    assert plain.status == "ok" and [r[0] for r in plain.rows] == ["2026-06", "2026-07", "2026-08"]
    for said in ("tháng 6, tháng 7, tháng 8 mỗi tháng trả bao nhiêu hồ sơ",
                 "hồ sơ trả kết quả tháng 6, tháng 7 và tháng 8, từng tháng là bao nhiêu"):
        assert same(ask(said), plain) is on, said
    assert ask("tháng 2, tháng 5, tháng 8 mỗi tháng trả bao nhiêu hồ sơ").status == "unsure"
    assert ask("tháng 6, tháng 7, tháng 8 trả bao nhiêu hồ sơ").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session13_due_within_a_period(ask_db, monkeypatch, on):
    """parser.SESSION13_DUE_DATE: "(hồ sơ chưa xong) đến hạn / tới hạn (xử lý) (trong) <a period>" counts the records
    open today whose deadline falls in that period, and says so; anything but the open records (or a month that
    may be last year's or the coming one) is unsure; off, the words stay unknown."""
    monkeypatch.setattr(parser, "SESSION13_DUE_DATE", on)
    ask = asker(ask_db)
    got = ask("hồ sơ chưa trả kết quả tới hạn xử lý trong tuần sau là bao nhiêu")
    listed = ask("danh sách hồ sơ còn tồn đến hạn trong tháng này")
    if not on:
        assert got.status == listed.status == "unsure"
        return
    assert got.status == "ok" and got.intent is not None and got.intent.measures == ["chua_giai_quyet"]
    assert "hạn xử lý tuần sau" in got.answer and "han_xu_ly BETWEEN '2026-11-23' AND '2026-11-29'" in got.sql
    everything = ask("hồ sơ chưa trả kết quả hiện nay bao nhiêu")
    assert 0 <= got.rows[0][0] <= everything.rows[0][0]
    assert listed.status == "ok" and listed.intent is not None and listed.intent.listing
    deadline = listed.keys.index("han_xu_ly")
    assert all("2026-11-01" <= r[deadline] <= "2026-11-30" for r in listed.rows) and listed.link == ""
    for said in ("hồ sơ đến hạn tuần sau bao nhiêu", "hồ sơ đã trả đến hạn tháng 10",
                 "hồ sơ chưa giải quyết đến hạn tháng 12 bao nhiêu",
                 "hồ sơ chưa xong đến hạn tuần sau so với tuần này"):
        assert ask(said).status == "unsure", said
    assert ask("tháng 10 trễ hạn bao nhiêu hồ sơ").intent.due is None


@pytest.mark.parametrize("on", [True, False])
def test_session13_which_of_two_names(ask_db, monkeypatch, on):
    """understand.SESSION13_WHICH_NAME: "<name> với / và <name>, bên / cái / phía nào … hơn" ranks the two names as
    "ai … hơn" ranks two officers; without two names, or without "hơn / nhất", "bên nào" stays unknown."""
    monkeypatch.setattr(understand, "SESSION13_WHICH_NAME", on)
    ask = asker(ask_db)
    plain = ask("tháng 9 hộ tịch và chứng thực trễ hạn nhiều hơn")
    assert plain.status == "ok" and len(plain.rows) == 2
    for said in ("tháng 9 hộ tịch với chứng thực, bên nào trễ hạn nhiều hơn",
                 "tháng 9 hộ tịch và chứng thực phía nào trễ hạn nhiều hơn"):
        assert same(ask(said), plain) is on, said
    assert ask("tháng 9 bên nào trễ hạn nhiều hơn").status == "unsure"
    assert ask("tháng 9 hộ tịch và chứng thực bên nào").status == "unsure"
