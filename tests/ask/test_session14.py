"""Session 14 mechanisms of the leaders' question box, each with my own wording (never a training sentence) and cases
where it must not fire. Each flag is switched on and off; with it off the question is answered as before (for most:
a confident figure for another question)."""
from __future__ import annotations

import pytest

from appliance.ask import dropped, nodata, parser, readings, supported, time_taken, tokens
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
def test_session14_average_not_computed_is_unsure(ask_db, monkeypatch, on):
    """dropped.SESSION14_AVERAGE_UNREAD: an average per group, per person or over past weeks is unsure; off, the
    groups were ranked (or the last week compared) with "trung bình" dropped."""
    monkeypatch.setattr(dropped, "SESSION14_AVERAGE_UNREAD", on)
    ask = asker(ask_db)
    for said in ("trung bình mỗi lĩnh vực nhận bao nhiêu hồ sơ tháng 10", "bình quân mỗi cán bộ giải quyết mấy hồ sơ "
                 "quý 3", "tuần này nhận bao nhiêu hồ sơ so với trung bình các tuần trước"):
        assert (ask(said).status == "unsure") is on, said
    # the averages the box computes keep their answers
    for said in ("trung bình một tháng phường nhận bao nhiêu hồ sơ", "thời gian giải quyết trung bình tháng 10",
                 "trung bình mỗi ngày nhận bao nhiêu hồ sơ tháng 10", "tỷ lệ đúng hạn trung bình năm nay"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session14_span_edges_are_unsure(ask_db, monkeypatch, on):
    """dropped.SESSION14_SPAN_EDGES: "sau / trước <a day>", "cuối tuần" (weekends), "sau / ngoài giờ" are unsure; off,
    the day itself (or the whole period) was answered."""
    monkeypatch.setattr(dropped, "SESSION14_SPAN_EDGES", on)
    ask = asker(ask_db)
    for said in ("hồ sơ nhận sau ngày 15/11", "hồ sơ nhận trước 1/10 mà chưa giải quyết", "hồ sơ nộp vào cuối tuần "
                 "tháng 10", "tháng 10 có bao nhiêu hồ sơ hộ tịch nhận sau giờ hành chính"):
        assert (ask(said).status == "unsure") is on, said
    # periods that hold the words keep their answers
    for said in ("tháng trước nhận bao nhiêu hồ sơ", "so với trước thì tháng này nhận nhiều hơn không",
                 "tuần trước tiếp nhận bao nhiêu hồ sơ", "trong giờ hành chính tháng 10 nhận bao nhiêu hồ sơ"):
        got = ask(said)
        if "giờ" in said:
            assert got.status == ("unsure" if on else "ok"), said  # the office hours: not in the records either
        else:
            assert got.status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session14_sum_of_two_periods(ask_db, monkeypatch, on):
    """dropped.SESSION14_SUM_OF_PERIODS: two periods added up ("tổng", "cộng", "gộp") are one span when they follow one
    another, unsure when not; off, they were compared."""
    monkeypatch.setattr(dropped, "SESSION14_SUM_OF_PERIODS", on)
    ask = asker(ask_db)
    summed, span = ask("tổng hồ sơ nhận quý 2 và quý 3"), ask("từ quý 2 đến hết quý 3 nhận bao nhiêu hồ sơ")
    assert span.status == "ok"
    assert (summed.status == "ok" and summed.rows == span.rows) is on
    assert (ask("tổng số hồ sơ tháng 8 và tháng 10").status == "unsure") is on
    # said as a comparison, or with no word of adding up, they are compared as before
    for said in ("tổng hồ sơ tháng 10 so với tháng 9", "tháng 9 và tháng 10 nhận bao nhiêu hồ sơ"):
        got = ask(said)
        assert got.status == "ok" and len(got.rows) == 2, said


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
def test_session14_accents_say_which_word(ask_db, monkeypatch, on):
    """dropped.SESSION14_ACCENTS_SAY: a one-word measure typed with accents that are not the measure's ("trẻ em": a
    child, not "trễ") is unsure; off, it was read as the measure (the records returned late)."""
    monkeypatch.setattr(dropped, "SESSION14_ACCENTS_SAY", on)
    ask = asker(ask_db)
    got = ask("tháng 9 hồ sơ khai sinh cho trẻ em là bao nhiêu")
    assert (got.status == "unsure") is on
    if not on:
        assert got.keys == ["tre_han"]
    # the measure typed with its own accents, or without any, keeps its reading
    for said in ("hồ sơ trễ tháng 9", "ho so tre thang 9", "tháng 9 trả bao nhiêu hồ sơ", "hồ sơ còn tồn hôm nay"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session14_more_span_edges(ask_db, monkeypatch, on):
    """dropped.SESSION14_SPAN_EDGES also: "từ <a period>" with no end said (since, or in?) and "<a period> tuần đầu"
    (a part of it) are unsure; off, the period itself was answered."""
    monkeypatch.setattr(dropped, "SESSION14_SPAN_EDGES", on)
    ask = asker(ask_db)
    for said in ("từ quý 3 giải quyết bao nhiêu hồ sơ", "tháng 9 tuần cuối trễ hạn bao nhiêu"):
        assert (ask(said).status == "unsure") is on, said
    for said in ("từ 1/10 đến nay trễ hạn bao nhiêu hồ sơ", "6 tháng đầu năm nhận bao nhiêu hồ sơ"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session14_since_a_named_period_to_now(ask_db, monkeypatch, on):
    """readings.SESSION14_SINCE_TO_NOW: "từ tháng 12 năm ngoái đến nay" runs from 1/12/2025 to today; off, December
    2025 alone was answered."""
    monkeypatch.setattr(readings, "SESSION14_SINCE_TO_NOW", on)
    ask = asker(ask_db)
    said, plain = ask("từ tháng 12 năm ngoái tới giờ giải quyết bao nhiêu hồ sơ"), ask(
        "từ 01/12/2025 đến 20/11/2026 giải quyết bao nhiêu hồ sơ")
    month = ask("tháng 12 năm ngoái giải quyết bao nhiêu hồ sơ")
    assert plain.status == month.status == "ok"
    assert said.rows == (plain.rows if on else month.rows)
    # the spans the period rules read already keep their answers
    assert ask("từ tháng 10 đến nay giải quyết bao nhiêu hồ sơ").rows == ask(
        "từ 01/10/2026 đến 20/11/2026 giải quyết bao nhiêu hồ sơ").rows


@pytest.mark.parametrize("on", [True, False])
def test_session14_rate_in_points_and_over_units(ask_db, monkeypatch, on):
    """readings.SESSION14_RATE_POINTS: "tăng bao nhiêu điểm phần trăm / điểm %" of a rate is the comparison's change;
    readings.SESSION14_OVER_UNITS: "qua từng tháng" is the figures month by month. Off, "điểm" / "qua" were unknown."""
    monkeypatch.setattr(readings, "SESSION14_RATE_POINTS", on)
    monkeypatch.setattr(readings, "SESSION14_OVER_UNITS", on)
    ask = asker(ask_db)
    points = ask("tỷ lệ trễ hạn quý 3 so với quý 2 tăng hay giảm bao nhiêu điểm %")
    plain = ask("tỷ lệ trễ hạn quý 3 so với quý 2")
    assert plain.status == "ok" and (points.rows == plain.rows and points.status == "ok") is on
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
def test_session14_telegraphic_and_southern_day(ask_db, monkeypatch, on):
    """tokens.SESSION14_TELEGRAPHIC ("TL", "XL", "TGGQ") and tokens.SESSION14_SOUTHERN_DAY ("bữa nay", "bữa qua"):
    the words they stand for; off, unknown (unsure). "mấy bữa nay" stays vague, "tl" inside a word is untouched."""
    monkeypatch.setattr(tokens, "SESSION14_TELEGRAPHIC", on)
    monkeypatch.setattr(tokens, "SESSION14_SOUTHERN_DAY", on)
    ask = asker(ask_db)
    for said, plain in (("TL trễ hạn Q2", "tỷ lệ trễ hạn quý 2"), ("PAKN đã XL tháng 9", "phản ánh đã xử lý tháng 9"),
                        ("TGGQ T9", "thời gian giải quyết trung bình tháng 9"),
                        ("bữa qua trả bao nhiêu hồ sơ", "hôm qua trả bao nhiêu hồ sơ")):
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
def test_session14_group_word_how_and_dropped(ask_db, monkeypatch, on):
    """readings.SESSION14_GROUP_HOW: "<group word> ra sao / thế nào / sao" asks the figures by that group;
    dropped.SESSION14_GROUP_WORD_DROPPED: a group word that neither groups nor filters is unsure. Off, both gave one
    total (the group word dropped)."""
    monkeypatch.setattr(readings, "SESSION14_GROUP_HOW", on)
    monkeypatch.setattr(dropped, "SESSION14_GROUP_WORD_DROPPED", on)
    ask = asker(ask_db)
    how, plain = ask("hồ sơ tồn hôm nay trạng thái ra sao"), ask("hồ sơ tồn hôm nay theo trạng thái")
    assert plain.status == "ok" and len(plain.rows) >= 1
    assert (how.status == "ok" and how.rows == plain.rows) is on
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
def test_session14_few_with_a_classifier_and_feedback_about(ask_db, monkeypatch, on):
    """readings.SESSION14_FEW_CLASSIFIER: "3 bộ hồ sơ … mới nhất" is a list of that many, newest first, as "3 hồ sơ …"
    is; readings.SESSION14_FEEDBACK_ABOUT: "phản ánh … về vấn đề gì / chuyện gì" is by category. Off, the number and
    "vấn đề" were unknown."""
    monkeypatch.setattr(readings, "SESSION14_FEW_CLASSIFIER", on)
    monkeypatch.setattr(dropped, "SESSION14_TIED_CUT", False)  # the order itself, whatever the ties
    monkeypatch.setattr(readings, "SESSION14_FEEDBACK_ABOUT", on)
    ask = asker(ask_db)
    few, plain = ask("3 bộ hồ sơ hộ tịch nhận mới nhất tháng 10"), ask("3 hồ sơ hộ tịch nhận mới nhất tháng 10")
    assert plain.status == "ok" and len(plain.rows) == 3
    assert (few.status == "ok" and few.rows == plain.rows) is on
    about = ask("tháng 10 dân phản ánh về vấn đề gì nhiều nhất")
    assert (about.status == "ok" and about.intent is not None and about.intent.group == "linh_vuc") is on
    # without a newest / oldest word the number stays unknown, and "vấn đề" of records is not a category
    assert ask("5 cái hồ sơ tháng 10").status == "unsure"
    assert ask("hồ sơ tháng 10 có vấn đề gì").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session14_signs_of_a_note(ask_db, monkeypatch, on):
    """tokens.SESSION14_SIGNS: "+" adds two periods up (anything else it joins: unsure), "… / tổng" is a rate, "3/9 -
    12/9" a span; off, the signs were dropped: "T9 + T10" and "3/9 - 12/9" compared, "đã trả / tổng" gave the count."""
    monkeypatch.setattr(tokens, "SESSION14_SIGNS", on)
    ask = asker(ask_db)
    summed, span = ask("hs nhận T8 + T9"), ask("từ tháng 8 đến hết tháng 9 nhận bao nhiêu hồ sơ")
    assert span.status == "ok" and (summed.status == "ok" and summed.rows == span.rows) is on
    share, rate = ask("hs T9: trễ hạn / tổng"), ask("tỷ lệ trễ hạn tháng 9")
    assert rate.status == "ok" and (share.status == "ok" and share.rows == rate.rows) is on
    assert (ask("hs nhận T9 trực tuyến + bưu chính").status == "unsure") is on
    dashed, plain = ask("hs nhận 3/9 - 12/9"), ask("từ 03/09 đến 12/09 nhận bao nhiêu hồ sơ")
    assert plain.status == "ok" and (dashed.status == "ok" and dashed.rows == plain.rows) is on
    assert ask("tỷ lệ hồ sơ trễ hạn tháng 9").status == "ok"  # no sign: as before


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


@pytest.mark.parametrize("on", [True, False])
def test_session14_which_ones(ask_db, monkeypatch, on):
    """readings.SESSION14_WHICH_ONES: "… là những hồ sơ / cái nào" closing the question asks for the records, and in a
    list "có … nào … không" asks whether any; off, the "nào" were unknown (unsure)."""
    monkeypatch.setattr(readings, "SESSION14_WHICH_ONES", on)
    monkeypatch.setattr(dropped, "SESSION14_TIED_CUT", False)
    ask = asker(ask_db)
    plain = ask("danh sách hồ sơ hộ tịch trễ hạn tháng 10")
    assert plain.status == "ok" and plain.total is not None
    for said in ("tháng 10 có hồ sơ hộ tịch nào trễ hạn không, là những hồ sơ nào",
                 "mấy bộ hồ sơ hộ tịch trễ hạn tháng 10 là cái nào"):
        got = ask(said)
        assert (got.status == "ok" and got.total == plain.total) is on, said
    # "nào" elsewhere keeps its readings: a group asked, or unknown
    assert ask("tháng 10 lĩnh vực nào trễ hạn nhiều nhất").intent.group == "linh_vuc"  # type: ignore[union-attr]


@pytest.mark.parametrize("on", [True, False])
def test_session14_loose_now_and_southern_today(ask_db, monkeypatch, on):
    """dropped.SESSION14_LOOSE_NOW: a "nay / nãy" no period read, in a question with no period, is unsure;
    tokens.SESSION14_SOUTHERN_DAY: "Nay …" opening the question is today. Off, the year to date was assumed."""
    monkeypatch.setattr(dropped, "SESSION14_LOOSE_NOW", on)
    monkeypatch.setattr(tokens, "SESSION14_SOUTHERN_DAY", on)
    ask = asker(ask_db)
    assert (ask("lúc nãy trả mấy hồ sơ").status == "unsure") is on
    today, said = ask("hôm nay trả bao nhiêu hồ sơ"), ask("Nay trả mấy hồ sơ vậy em")
    assert today.status == "ok" and (said.status == "ok" and said.rows == today.rows) is on
    # "hiện nay", "đến nay", "tháng này" keep their readings
    for q in ("hiện nay còn tồn bao nhiêu hồ sơ", "từ 1/10 đến nay nhận bao nhiêu hồ sơ", "tháng nay nhận bao nhiêu"):
        assert ask(q).status == "ok", q


@pytest.mark.parametrize("on", [True, False])
def test_session14_indicator_against_the_same_period_last_year(ask_db, monkeypatch, on):
    """parser.SESSION14_INDICATOR_LAST_YEAR: an indicator "so với cùng kỳ" is compared with the same period a year
    before; off, with the previous month ("cùng kỳ" dropped)."""
    monkeypatch.setattr(parser, "SESSION14_INDICATOR_LAST_YEAR", on)
    ask = asker(ask_db)
    got = ask("thu ngân sách tháng 9 so với cùng kỳ năm trước")
    assert got.intent is not None and got.intent.compare is not None
    assert (got.intent.compare.start.year, got.intent.compare.start.month) == ((2025, 9) if on else (2026, 8))
    plain = ask("thu ngân sách tháng 9 so với tháng 8")
    assert plain.intent is not None and plain.intent.compare is not None and plain.intent.compare.start.month == 8
