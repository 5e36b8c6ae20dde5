"""Session 14 mechanisms of the leaders' question box, each with my own wording (never a training sentence) and cases
where it must not fire. Each flag is switched on and off; with it off the question is answered as before (for most:
a confident figure for another question). The flags rule R1 switched off were retired with their tests in session 16."""
from __future__ import annotations

import pytest

from appliance.ask import dropped, either_reading, nodata, parser, readings, supported, time_taken, tokens
from tests.ask.answering import asker
from tests.flags import switch_on

_FLAGGED = (dropped, nodata, parser, readings, time_taken, tokens)


@pytest.fixture(autouse=True)
def _session14_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads a setting against all of session 14's on: rule R1 switched some off in the shipped
    defaults (docs "Session 14"); a test that wants one off switches it itself, after this."""
    switch_on(monkeypatch, _FLAGGED, "SESSION14_")
    for name in dir(supported):  # session 15's guards catch some readings these flags leave off (test_session15)
        if name.startswith("SESSION15_"):
            monkeypatch.setattr(supported, name, False)
    # a bare noun phrase ("hồ sơ tồn hôm nay, trạng thái") is unsure since session 16 (test_session16)
    monkeypatch.setattr(either_reading, "SESSION16_BARE_NOUN_PHRASE", False)


@pytest.mark.parametrize("on", [True, False])
def test_session14_cohort_is_unsure(ask_db, monkeypatch, on):
    """dropped.SESSION14_COHORT: received in a period AND resolved, in one clause, is a cohort no measure computes;
    off, the resolved words were dropped and the received count given."""
    monkeypatch.setattr(dropped, "SESSION14_COHORT", on)
    ask = asker(ask_db)
    for said in ("hồ sơ nhận tháng 10 đã giải quyết bao nhiêu",
                 "trong số hồ sơ tiếp nhận quý 3 bao nhiêu đã trả kết quả"):
        got = ask(said)
        assert (got.status == "unsure") is on, said
        if not on:
            assert got.keys == ["tiep_nhan"]
    # two measures in two clauses, or joined by "và", stay two figures
    for said in ("tháng 10 nhận và giải quyết bao nhiêu hồ sơ", "quý 3 tiếp nhận bao nhiêu, trả kết quả bao nhiêu"):
        got = ask(said)
        assert got.status == "ok" and got.keys == ["tiep_nhan", "da_giai_quyet"], said


@pytest.mark.parametrize("on", [True, False])
def test_session14_list_by_time_taken(ask_db, monkeypatch, on):
    """time_taken.SESSION14_LIST_BY_TIME: records listed by the days they took, the slowest (fastest) first; off, the
    list was ordered by the day received ("nhanh nhất" dropped) or the number before "hồ sơ" unknown."""
    monkeypatch.setattr(time_taken, "SESSION14_LIST_BY_TIME", on)
    monkeypatch.setattr(dropped, "SESSION14_TIED_CUT", False)  # the order itself, whatever the ties
    ask = asker(ask_db)
    slow = ask("3 hồ sơ giải quyết lâu nhất quý 3")
    fast = ask("những hồ sơ nào giải quyết nhanh nhất tháng 9")
    if on:
        assert slow.status == fast.status == "ok"
        days = [r[slow.keys.index("ngay_tra_ket_qua")] for r in slow.rows]
        assert len(slow.rows) == 3 and all(days)
        assert slow.intent is not None and slow.intent.list_by == "so_ngay_xu_ly" and slow.intent.list_order == "desc"
        assert fast.intent is not None and fast.intent.list_order == "asc" and "nhanh nhất trước" in fast.answer
    else:
        assert slow.status == "unsure"
        assert fast.intent is None or not fast.intent.list_by
    # open records "lâu nhất" stay the oldest open first; a ranking of groups stays a ranking; a list of records that
    # took no time yet is unsure
    oldest = ask("3 hồ sơ quá hạn lâu nhất")
    assert oldest.status == "ok" and oldest.intent is not None and not oldest.intent.list_by
    assert ask("lĩnh vực nào giải quyết chậm nhất năm nay").intent.group == "linh_vuc"  # type: ignore[union-attr]
    assert ask("5 hồ sơ nhận lâu nhất").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session14_over_units(ask_db, monkeypatch, on):
    """readings.SESSION14_OVER_UNITS: "qua từng tháng" is the figures month by month. Off, "qua" was unknown."""
    monkeypatch.setattr(readings, "SESSION14_OVER_UNITS", on)
    ask = asker(ask_db)
    monthly = ask("số hồ sơ tiếp nhận qua từng tháng năm nay")
    assert (monthly.status == "ok" and monthly.intent is not None and monthly.intent.group == "month") is on
    # a survey's points and a channel's "qua" keep their readings
    assert ask("người dân chấm bao nhiêu điểm cho cán bộ tháng này").status != "ok"
    assert ask("hồ sơ nộp qua bưu điện tháng 10").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session14_difference_is_a_comparison(ask_db, monkeypatch, on):
    """readings.SESSION14_DIFFERENCE: "chênh (lệch) (nhau) bao nhiêu" between two periods or two names is their
    comparison ("chênh lệch" was read already); off, "chênh" alone was unknown."""
    monkeypatch.setattr(readings, "SESSION14_DIFFERENCE", on)
    ask = asker(ask_db)
    got, plain = ask("số hồ sơ trễ hạn tháng 9 và tháng 10 chênh nhau bao nhiêu"), ask(
        "số hồ sơ trễ hạn tháng 10 so với tháng 9")
    assert plain.status == "ok" and (got.status == "ok" and got.rows == plain.rows) is on
    names = ask("quý 3 hộ tịch với đất đai tiếp nhận chênh nhau mấy hồ sơ")
    assert (names.status == "ok" and len(names.rows) == 2) is on
    assert ask("tháng 10 trễ hạn chênh lệch bao nhiêu so với tháng 9").status == "ok"  # known before


@pytest.mark.parametrize("on", [True, False])
def test_session14_telegraphic(ask_db, monkeypatch, on):
    """tokens.SESSION14_TELEGRAPHIC ("TL", "XL", "TGGQ"): the words they stand for; off, unknown (unsure). "mấy bữa
    nay" stays vague, "tl" inside a word is untouched."""
    monkeypatch.setattr(tokens, "SESSION14_TELEGRAPHIC", on)
    ask = asker(ask_db)
    for said, plain in (("TL trễ hạn Q2", "tỷ lệ trễ hạn quý 2"), ("PAKN đã XL tháng 9", "phản ánh đã xử lý tháng 9"),
                        ("TGGQ T9", "thời gian giải quyết trung bình tháng 9")):
        got, want = ask(said), ask(plain)
        assert want.status == "ok"
        assert (got.status == "ok" and got.rows == want.rows) is on, said
    assert ask("mấy bữa nay nhận bao nhiêu hồ sơ").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session14_not_yet_closing(ask_db, monkeypatch, on):
    """readings.SESSION14_NOT_YET_CLOSING: "… đã tăng chưa", "… đạt kế hoạch chưa" ask yes or not yet, and "đồng chí"
    after a closing "không" is the addressee; off, "chưa" / "không" were unknown. "chưa" before its verb keeps its
    meaning (open records)."""
    monkeypatch.setattr(readings, "SESSION14_NOT_YET_CLOSING", on)
    ask = asker(ask_db)
    for said, plain in (("trễ hạn tháng 10 so với tháng 9 đã tăng chưa", "trễ hạn tháng 10 so với tháng 9"),
                        ("thu ngân sách quý 3 đạt kế hoạch chưa", "thu ngân sách quý 3"),
                        ("quý 3 tiếp nhận có nhiều hơn quý 2 không đồng chí", "quý 3 tiếp nhận so với quý 2")):
        got, want = ask(said), ask(plain)
        assert want.status == "ok", plain
        assert (got.status == "ok" and got.rows == want.rows) is on, said
    assert ask("hồ sơ đất đai chưa giải quyết").intent.measures == ["chua_giai_quyet"]  # type: ignore[union-attr]
    assert ask("tháng 10 nhận bao nhiêu hồ sơ chưa").status == "unsure"  # no "đã / đạt": not yet what?


@pytest.mark.parametrize("on", [True, False])
def test_session14_group_word_dropped(ask_db, monkeypatch, on):
    """dropped.SESSION14_GROUP_WORD_DROPPED: a group word that neither groups nor filters is unsure. Off, it gave one
    total (the group word dropped)."""
    monkeypatch.setattr(dropped, "SESSION14_GROUP_WORD_DROPPED", on)
    ask = asker(ask_db)
    plain = ask("hồ sơ tồn hôm nay theo trạng thái")
    assert plain.status == "ok" and len(plain.rows) >= 1
    bare = ask("hồ sơ tồn hôm nay, trạng thái")
    assert (bare.status == "unsure") is on
    # a group word before its value is a filter, and "theo …" groups, as before
    assert ask("hồ sơ trạng thái chờ bổ sung").status == "ok"
    assert ask("hồ sơ tháng 9 theo hình thức nộp").intent.group == "hinh_thuc_nop"  # type: ignore[union-attr]


@pytest.mark.parametrize("on", [True, False])
def test_session14_comparison_words_kept(ask_db, monkeypatch, on):
    """tokens.SESSION14_COMPARISON_KEPT: "hơn", "kém" are never repaired; off, "… nhiều hồ sơ hơn …" became "hồ sơ hồng"
    (a southern final repaired into a name) and the comparison was unsure."""
    monkeypatch.setattr(tokens, "SESSION14_COMPARISON_KEPT", on)
    ask = asker(ask_db)
    got = ask("tuần này trả nhiều hồ sơ hơn tuần trước không")
    plain = ask("tuần này trả bao nhiêu hồ sơ so với tuần trước")
    assert plain.status == "ok"
    assert (got.status == "ok" and got.rows == plain.rows) is on


@pytest.mark.parametrize("on", [True, False])
def test_session14_feedback_about(ask_db, monkeypatch, on):
    """readings.SESSION14_FEEDBACK_ABOUT: "phản ánh … về vấn đề gì / chuyện gì" is by category. Off, "vấn đề" was
    unknown."""
    monkeypatch.setattr(readings, "SESSION14_FEEDBACK_ABOUT", on)
    ask = asker(ask_db)
    about = ask("tháng 10 dân phản ánh về vấn đề gì nhiều nhất")
    assert (about.status == "ok" and about.intent is not None and about.intent.group == "linh_vuc") is on
    # without a newest / oldest word the number stays unknown, and "vấn đề" of records is not a category
    assert ask("5 cái hồ sơ tháng 10").status == "unsure"
    assert ask("hồ sơ tháng 10 có vấn đề gì").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session14_a_list_cut_inside_a_day(ask_db, monkeypatch, on):
    """dropped.SESSION14_TIED_CUT: the N newest records when the cut-off falls inside a day with more records than fit
    (the views hold no hour) are unsure; off, that day's records were picked by code. A cut between days stays."""
    monkeypatch.setattr(dropped, "SESSION14_TIED_CUT", on)
    ask = asker(ask_db)
    whole = ask("danh sách hồ sơ nhận ngày 15/10")
    assert whole.status == "ok" and whole.total is not None and whole.total > 2
    assert (ask("2 hồ sơ nhận mới nhất ngày 15/10").status == "unsure") is on
    assert dropped.tied_cut("x", [["2026-10-14"]], ["ngay_tiep_nhan"], 1, 5, lambda sql: 1) == ""
    assert dropped.tied_cut("x", [["2026-10-14"]], ["ngay_tiep_nhan"], 1, 5, lambda sql: 3) != "" or not on


@pytest.mark.parametrize("on", [True, False])
def test_session14_forecast_is_not_in_the_data(ask_db, monkeypatch, on):
    """nodata.SESSION14_FORECAST: "dự kiến / dự báo / ước tính …" asks what is expected, which no view holds: "not in
    the data"; off, its words were unknown (unsure). A plan ("kế hoạch") is held and keeps its answer."""
    monkeypatch.setattr(nodata, "SESSION14_FORECAST", on)
    ask = asker(ask_db)
    got = ask("quý tới dự báo nhận bao nhiêu hồ sơ")
    assert got.status == ("no_data" if on else "unsure")
    assert ask("hồ sơ tiếp nhận tháng 10").status == "ok"
