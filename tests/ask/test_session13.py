"""Session 13 mechanisms of the leaders' question box, each with new wording (never a training sentence) and cases
where it must not fire. The flags rule R1 kept on are unconditional since session 16, and those it switched off were
retired with their tests."""
from __future__ import annotations

from appliance.ask import dropped, tokens
from tests.ask.answering import asker, same


def test_session13_same_span_of_the_previous_unit(ask_db):
    """Session 13: "so với cùng kỳ tháng / quý / tuần trước" is the previous month (quarter, week) like for like;
    before, "cùng kỳ" was read as the same period last year (a confident wrong). "Cùng kỳ" alone
    and "cùng kỳ năm trước" keep the year before."""
    ask = asker(ask_db)
    for said, plain in (("tháng này trả bao nhiêu hồ sơ, so với cùng kỳ tháng trước", "tháng này trả bao nhiêu hồ sơ "
                         "so với tháng trước"),
                        ("quý này nhận mấy hồ sơ so vs cùng kỳ quý trước", "quý này nhận mấy hồ sơ so với quý trước"),
                        ("trễ hạn tuần này so với cùng kỳ tuần vừa rồi", "trễ hạn tuần này so với tuần trước")):
        got, want = ask(said), ask(plain)
        assert want.status == "ok" and "cùng kỳ" in want.answer
        assert same(got, want), said
        assert "năm trước" not in got.answer, said
    for said in ("tháng này trả bao nhiêu hồ sơ so với cùng kỳ", "tháng này trả bao nhiêu hồ sơ so với cùng kỳ năm "
                                                                 "trước"):
        assert "cùng kỳ năm trước" in ask(said).answer, said


def test_session13_chat_shorthand_and_dialect(ask_db):
    """Session 13: "lk" (ra) closing a clause is "liệt kê", "r" closing the question "rồi", "kd"
    "kinh doanh", "tthc" "thủ tục", "ni" after a unit of time "này", "rứa" "vậy", "mô" after a group word "nào".
    "chị Lan", "chi" (spend) and "lk" before a period are untouched."""
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
        assert same(ask(said), want), said
    assert tokens.expand(["ho", "kd"]) == ["ho", "kinh", "doanh"]
    # "chị" before a name, "chi" (spend) and "lk" before a period keep their reading
    assert ask("hs chi Lan tiep nhan thang 10 bn").status == "ok"
    assert "kinh" not in tokens.expand(["chi", "ngan", "sach"])
    assert tokens.expand(["lk", "tu", "dau", "nam"])[0] == "lk"
    assert tokens.expand(["r", "hs"])[0] == "r"


def test_session13_route_before_the_channel(ask_db):
    """Session 13: "gửi qua kênh nào", "nộp bằng hình thức nào": the route before a channel or form
    read; "qua" elsewhere stays unknown."""
    ask = asker(ask_db)
    plain = ask("quý 3 phản ánh theo kênh nào nhiều nhất")
    assert plain.status == "ok"
    assert same(ask("quý 3 dân gửi phản ánh qua kênh nào nhiều nhất"), plain)
    form = ask("tháng 10 hồ sơ theo hình thức nộp nào nhiều nhất")
    assert same(ask("tháng 10 hồ sơ nộp bằng hình thức nào nhiều nhất"), form)  # "bằng" was read already
    assert ask("phản ánh qua tháng 10 bao nhiêu").status == "unsure"


def test_newest_few_records(ask_db, monkeypatch):
    """Session 13: "3 hồ sơ … mới / gần đây nhất" (newest first) and "… sớm / cũ nhất" (oldest
    first) open a list of that many records; "lâu nhất" and a figure word ("5 hồ sơ … là bao nhiêu") are not read
    so (unsure)."""
    monkeypatch.setattr(dropped, "tied_cut", lambda *args: "")  # the order itself, whatever the ties
    ask = asker(ask_db)
    newest = ask("3 hồ sơ đất đai nhận mới nhất tháng 10")
    oldest = ask("4 hồ sơ hộ tịch tiếp nhận sớm nhất trong tháng 9")
    assert newest.status == oldest.status == "ok"
    assert newest.intent is not None and newest.intent.listing and newest.intent.list_order == "desc"
    days = [r[newest.keys.index("ngay_tiep_nhan")] for r in newest.rows]
    assert len(days) == 3 and days == sorted(days, reverse=True) and all(d.startswith("2026-10") for d in days)
    days = [r[oldest.keys.index("ngay_tiep_nhan")] for r in oldest.rows]
    assert len(days) == 4 and days == sorted(days) and all(d.startswith("2026-09") for d in days)
    assert ask("5 hồ sơ mới nhất tháng 10 là bao nhiêu").status == "unsure"


def test_session13_months_listed_one_by_one(ask_db):
    """Session 13: "tháng 6, tháng 7, tháng 8 mỗi tháng …" is the span June–August by month, as
    "từ tháng 6 đến tháng 8 theo tháng"; months with a gap, or without "mỗi / từng / hàng tháng", stay unsure."""
    ask = asker(ask_db)
    plain = ask("từ tháng 6 đến tháng 8 theo tháng trả bao nhiêu hồ sơ")
    assert plain.status == "ok" and [r[0] for r in plain.rows] == ["2026-06", "2026-07", "2026-08"]
    for said in ("tháng 6, tháng 7, tháng 8 mỗi tháng trả bao nhiêu hồ sơ",
                 "hồ sơ trả kết quả tháng 6, tháng 7 và tháng 8, từng tháng là bao nhiêu"):
        assert same(ask(said), plain), said
    assert ask("tháng 2, tháng 5, tháng 8 mỗi tháng trả bao nhiêu hồ sơ").status == "unsure"
    assert ask("tháng 6, tháng 7, tháng 8 trả bao nhiêu hồ sơ").status == "unsure"
