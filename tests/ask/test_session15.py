"""Session 15 mechanisms of the leaders' question box, each with my own wording (never a set's sentence) and cases
where it must not fire. Each flag is switched on and off; with it off the question is answered as before (a
confident figure or list for another question)."""
from __future__ import annotations

import pytest

from appliance.ask import dropped, either_reading, sqlbuild, supported, tokens
from tests.ask.answering import asker
from tests.flags import switch_on

_FLAGGED = (supported, tokens)


@pytest.fixture(autouse=True)
def _session15_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads a setting against all of session 15's on; a test that wants one off switches it itself."""
    switch_on(monkeypatch, _FLAGGED, "SESSION15_")
    # a bare noun phrase ("hồ sơ … tháng 9") is unsure since session 16 (test_session16)
    monkeypatch.setattr(either_reading, "SESSION16_BARE_NOUN_PHRASE", False)


@pytest.mark.parametrize("on", [True, False])
def test_session15_a_list_is_of_one_measure(ask_db, monkeypatch, on):
    """supported.SESSION15_LIST_ONE_MEASURE: a list of two measures lists the narrower where one implies the other
    (overdue feedback is open), and is unsure otherwise; off, the first measure read was listed."""
    monkeypatch.setattr(supported, "SESSION15_LIST_ONE_MEASURE", on)
    ask = asker(ask_db)
    overdue = ask("liệt kê những phản ánh quá hạn vẫn chưa xử lý xong")
    assert overdue.status == "ok" and "ma_phan_anh" in overdue.keys
    assert ("quá hạn" in overdue.answer) is on
    for said in ("liệt kê các hồ sơ bị từ chối và trễ hạn trong quý 3", "danh sách hồ sơ nhận và hồ sơ trả kết quả "
                 "tuần trước"):
        got = ask(said)
        assert (got.status == "unsure") is on, said
        if not on:
            assert "ma_ho_so" in got.keys
    # one measure listed, or two measures as figures, are answered as before
    for said in ("danh sách phản ánh quá hạn hiện nay", "liệt kê hồ sơ trễ hạn tháng 9",
                 "danh sách hồ sơ trực tuyến trễ hạn tháng 9", "tháng 9 nhận bao nhiêu hồ sơ, trễ hạn bao nhiêu"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session15_a_weak_cue_names_no_measure(ask_db, monkeypatch, on):
    """supported.SESSION15_WEAK_CUE: a period with a word that names no measure and no records ("KPI", "tình hình",
    "báo cáo", "tổng hợp") is unsure; off, the received count was assumed."""
    monkeypatch.setattr(supported, "SESSION15_WEAK_CUE", on)
    ask = asker(ask_db)
    for said in ("KPI quý 3", "tình hình tuần trước", "báo cáo tháng 9 giúp anh", "tổng hợp quý này"):
        got = ask(said)
        assert (got.status == "unsure") is on, said
        if not on:
            assert got.keys == ["tiep_nhan"]
    # records, feedback, a name, a field or a measure said keep their figure
    for said in ("hồ sơ tuần trước", "hs của chị Lan tháng 9", "PAKN quý này", "tình hình lĩnh vực đất đai quý 3",
                 "KPI trễ hạn tháng 9", "thủ tục hành chính quý 3"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session15_share_of_a_name_is_unsure(ask_db, monkeypatch, on):
    """supported.SESSION15_SHARE_OF_NAME: "<a name> chiếm bao nhiêu % <a measure>" asks the name's share of the
    measure's total; off, the measure's rate within the name was given."""
    monkeypatch.setattr(supported, "SESSION15_SHARE_OF_NAME", on)
    ask = asker(ask_db)
    for said in ("lĩnh vực chứng thực chiếm mấy phần trăm hồ sơ trễ hạn tháng 9",
                 "chị Hà chiếm bao nhiêu % số hồ sơ trễ hạn năm nay"):
        got = ask(said)
        assert (got.status == "unsure") is on, said
    # the measure said first keeps its rate within the name; encroachment is no share
    for said in ("hồ sơ trễ hạn của lĩnh vực chứng thực chiếm bao nhiêu phần trăm tháng 9",
                 "hồ sơ nộp trực tuyến chiếm mấy % trong quý 2"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session15_compared_with_the_whole_ward_is_unsure(ask_db, monkeypatch, on):
    """supported.SESSION15_COMPARED_WITH_WHOLE: one period "so với cả phường / trung bình chung" is unsure; off, the
    previous period was compared."""
    monkeypatch.setattr(supported, "SESSION15_COMPARED_WITH_WHOLE", on)
    ask = asker(ask_db)
    for said in ("tỷ lệ đúng hạn lĩnh vực hộ tịch tháng 9 so với cả phường", "tỷ lệ trễ hạn lĩnh vực đất đai quý 2 "
                 "so với toàn phường"):
        got = ask(said)
        assert (got.status == "unsure") is on, said
    for said in ("tỷ lệ đúng hạn lĩnh vực hộ tịch tháng 9 so với tháng 8", "tỷ lệ đúng hạn cả phường quý 2"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session15_a_share_is_a_rate(ask_db, monkeypatch, on):
    """tokens.SESSION15_SHARE_WORD: "tỷ trọng" is a rate word; off, "trọng" was dropped and a count given."""
    monkeypatch.setattr(tokens, "SESSION15_SHARE_WORD", on)
    ask = asker(ask_db)
    online = ask("tỷ trọng hồ sơ nộp trực tuyến tháng 9")
    assert online.status == "ok" and (online.keys == ["ty_le_truc_tuyen"]) is on
    vague = ask("hồ sơ chứng thực chiếm tỷ trọng bao nhiêu tháng 9")
    assert (vague.status == "unsure") is on


@pytest.mark.parametrize("on", [True, False])
def test_session15_indicator_same_span_last_year_is_unsure(ask_db, monkeypatch, on):
    """supported.SESSION15_INDICATOR_SAME_SPAN: an indicator "so với cùng kỳ (năm trước)" with one period is unsure
    (no reading of the same span a year before); off, the period just before was compared."""
    monkeypatch.setattr(supported, "SESSION15_INDICATOR_SAME_SPAN", on)
    ask = asker(ask_db)
    for said in ("chỉ tiêu thu ngân sách tháng 9 so với cùng kỳ", "chỉ tiêu thu ngân sách quý 2 so với cùng kỳ năm "
                 "trước"):
        assert (ask(said).status == "unsure") is on, said
    # two periods named keep their comparison
    assert ask("chỉ tiêu thu ngân sách tháng 9 so với tháng 8").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session15_a_span_said_by_its_end_is_unsure(ask_db, monkeypatch, on):
    """supported.SESSION15_UP_TO: a count over a span said by its end alone ("đến hết tháng 9") is unsure; off, the
    period named was answered by itself."""
    monkeypatch.setattr(supported, "SESSION15_UP_TO", on)
    ask = asker(ask_db)
    for said in ("số hồ sơ giải quyết tính đến hết tháng 9", "phản ánh tiếp nhận tới ngày 10/9"):
        assert (ask(said).status == "unsure") is on, said
    # a count at a day, a span with its start, and the year's running total keep their answers
    for said in ("hồ sơ còn tồn đến cuối tháng 9", "từ tháng 7 đến hết tháng 9 giải quyết bao nhiêu hồ sơ",
                 "hồ sơ giải quyết lũy kế đến hết tháng 9", "hồ sơ giải quyết trong tháng 9"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session15_a_vague_period_is_unsure(ask_db, monkeypatch, on):
    """supported.SESSION15_VAGUE_PERIOD: "vừa rồi", "kỳ báo cáo", "thời gian qua" with no period read are unsure; off,
    the year to date was assumed."""
    monkeypatch.setattr(supported, "SESSION15_VAGUE_PERIOD", on)
    ask = asker(ask_db)
    for said in ("trả kết quả bao nhiêu hồ sơ vừa rồi", "số hồ sơ trễ hạn trong kỳ báo cáo",
                 "tỷ lệ trả kết quả đúng hạn kỳ này"):
        assert (ask(said).status == "unsure") is on, said
    for said in ("tháng vừa rồi trả kết quả bao nhiêu hồ sơ", "tuần vừa qua có bao nhiêu hồ sơ bị từ chối",
                 "số hồ sơ trễ hạn năm nay"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session15_records_made_by_an_officer(ask_db, monkeypatch, on):
    """supported.SESSION15_MADE_BY: "hồ sơ do <officer> …" is by that officer; off, folded "sơ do" matched "sổ đỏ" and
    the land-certificate procedure was added as a filter."""
    monkeypatch.setattr(supported, "SESSION15_MADE_BY", on)
    ask = asker(ask_db)
    got = ask("hồ sơ do anh Hùng trả kết quả tháng 9")
    assert got.status == "ok" and got.intent is not None
    assert ("ten_thu_tuc" in got.intent.filters) is not on
    # the land certificate itself is still read
    for said in ("hồ sơ sổ đỏ tháng 9", "cấp sổ đỏ quý 3 bao nhiêu hồ sơ"):
        got = ask(said)
        assert got.intent is not None and "ten_thu_tuc" in got.intent.filters, said


@pytest.mark.parametrize("on", [True, False])
def test_session15_a_common_word_names_no_procedure(ask_db, monkeypatch, on):
    """supported.SESSION15_GENERIC_PART: one common word of a procedure's name ("hỗ trợ", "bổ sung", "nhà ở") names no
    procedure (unsure); off, the one procedure holding it was the filter."""
    monkeypatch.setattr(supported, "SESSION15_GENERIC_PART", on)
    ask = asker(ask_db)
    for said in ("bao nhiêu hồ sơ hỗ trợ tháng 9", "hồ sơ xác nhận quý 3 nhận mấy bộ", "có mấy hồ sơ nhà ở năm nay"):
        assert (ask(said).status == "unsure") is on, said
    # more of the name, a short name, or a specific word keep the procedure
    for said in ("hồ sơ hỗ trợ chi phí mai táng tháng 9", "mai táng phí quý 3", "hồ sơ trợ cấp tháng 9",
                 "hồ sơ xác nhận tình trạng hôn nhân quý 3"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and "ten_thu_tuc" in got.intent.filters, said


@pytest.mark.parametrize("on", [True, False])
def test_session15_a_ranking_or_breakdown_not_read_is_unsure(ask_db, monkeypatch, on):
    """supported.SESSION15_RANK_UNREAD: "… nhiều nhất", "ai …" with no group read, or "theo ngày / giờ", are unsure;
    off, the ranking or group words were dropped and one total given."""
    monkeypatch.setattr(supported, "SESSION15_RANK_UNREAD", on)
    ask = asker(ask_db)
    for said in ("phản ánh tiếp nhận cao nhất tháng 9", "hồ sơ trả kết quả theo từng ngày tháng 9",
                 "hồ sơ tiếp nhận theo giờ tuần trước"):
        got = ask(said)
        assert (got.status == "unsure") is on, said
    # a group read, a list, or an average per day keep their answers
    for said in ("lĩnh vực nào nhận nhiều hồ sơ nhất tháng 9", "tháng nào trả kết quả nhiều nhất năm nay",
                 "cán bộ nào trả kết quả nhiều nhất tháng 9", "bình quân mỗi ngày trả kết quả bao nhiêu hồ sơ tháng 9"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session15_an_average_dropped_is_unsure(ask_db, monkeypatch, on):
    """supported.SESSION15_AVERAGE_DROPPED: "trung bình / bình quân" that became no average per unit, no averaged
    measure and no rate is unsure; off, the total was given."""
    monkeypatch.setattr(supported, "SESSION15_AVERAGE_DROPPED", on)
    ask = asker(ask_db)
    for said in ("số hồ sơ trả kết quả bình quân tháng quý 3", "phản ánh tiếp nhận trung bình tuần này"):
        assert (ask(said).status == "unsure") is on, said
    for said in ("bình quân mỗi tháng trả kết quả bao nhiêu hồ sơ năm nay", "thời gian giải quyết bình quân tháng 9",
                 "tỷ lệ trực tuyến trung bình quý 3"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session15_records_ordered_by_the_hour_within_a_day(demo_settings, monkeypatch, on):
    """sqlbuild.SESSION15_HOUR_ORDER: the N newest (oldest) records are ordered within a day by the hour received
    (v_ho_so.gio_tiep_nhan, which the demo ward's export holds), shown beside the day; off, a cut-off inside a day
    was unsure (dropped.SESSION14_TIED_CUT), the views holding no hour."""
    monkeypatch.setattr(sqlbuild, "SESSION15_HOUR_ORDER", on)
    monkeypatch.setattr(dropped, "SESSION14_TIED_CUT", True)
    ask = asker(demo_settings.db_path)
    got = ask("cho anh 3 hồ sơ nhận sớm nhất tháng 9")
    assert (got.status == "ok") is on
    if on:
        day, hour = got.keys.index("ngay_tiep_nhan"), got.keys.index("gio_tiep_nhan")
        stamps = [(row[day], row[hour]) for row in got.rows]
        assert len(stamps) == 3 and stamps == sorted(stamps)
    # a whole list keeps every record, the hour shown or not
    whole = ask("danh sách hồ sơ bị từ chối tháng 9")
    assert whole.status == "ok" and ("gio_tiep_nhan" in whole.keys) is on


@pytest.mark.parametrize("on", [True, False])
def test_session15_feedback_names_no_officer(ask_db, monkeypatch, on):
    """supported.SESSION15_FEEDBACK_OFFICER: feedback holds no officer, so "phản ánh … cán bộ" with no category read is
    unsure; off, "cán bộ" was dropped and all feedback counted."""
    monkeypatch.setattr(supported, "SESSION15_FEEDBACK_OFFICER", on)
    ask = asker(ask_db)
    assert (ask("số phản ánh cán bộ quý 3").status == "unsure") is on
    for said in ("phản ánh về thái độ cán bộ quý 3", "phản ánh quý 3 theo đơn vị xử lý"):
        assert ask(said).status == "ok", said
