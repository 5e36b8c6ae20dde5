"""Session 16 of the leaders' question box: each flag switched on and off with my own wording (never a set's sentence)
and cases where it must not fire; bug fixes (rule R7) as plain tests that failed before the fix."""
from __future__ import annotations

import pytest

from appliance.ask import either_reading, indicators, nodata, phrasings, readings, sqlbuild_ends, tokens, understand
from tests.ask.answering import asker, same


def test_a_verb_after_not_yet_assigned_belongs_to_it(ask_db):
    """Bug fix: "chưa có ai nhận xử lý", "chưa phân công giải quyết" are feedback not yet taken (Chờ xử lý). The verb
    left over had been read as "đã xử lý", so the answer counted the feedback already handled (the status turned
    round). "đã xử lý" said alone keeps its reading."""
    ask = asker(ask_db)
    waiting = ask("bao nhiêu phản ánh chưa ai nhận")
    assert waiting.status == "ok" and waiting.intent is not None
    assert waiting.intent.filters.get("trang_thai") == "cho_xu_ly"
    for said in ("có bao nhiêu phản ánh chưa phân công xử lý", "số phản ánh chưa có ai nhận xử lý là bao nhiêu",
                 "bao nhiêu phản ánh chưa được giao giải quyết"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None, said
        assert got.intent.filters.get("trang_thai") == "cho_xu_ly" and got.rows == waiting.rows, said
    done = ask("tháng 10 bao nhiêu phản ánh đã xử lý")
    assert done.intent is not None and done.intent.filters.get("trang_thai") == "da_xu_ly"


@pytest.mark.parametrize("on", [True, False])
def test_session16_a_bare_noun_phrase_is_unsure(ask_db, monkeypatch, on):
    """either_reading.SESSION16_BARE_NOUN_PHRASE: "hồ sơ … <a measure, a name, a period>" with no figure word and no
    list word is read as the count by some writers and as the records by others: unsure, suggesting both. Off, the
    count was given."""
    monkeypatch.setattr(either_reading, "SESSION16_BARE_NOUN_PHRASE", on)
    ask = asker(ask_db)
    for said in ("hồ sơ đất đai từ chối tuần trước", "phản ánh môi trường chưa xử lý", "hs trả đúng hạn hôm kia",
                 "PAKN về giao thông 7 ngày qua", "hồ sơ chị Lan đang giữ"):
        got = ask(said)
        assert (got.status == "unsure") is on, said
        if on:
            assert not got.rows and got.suggestions[:2] == [f"Số {said}", f"Danh sách {said}"], said
            for suggestion in got.suggestions[:2]:  # each reading, said so, is answered
                assert ask(suggestion).status == "ok", suggestion
        else:
            assert got.status == "ok" and got.intent is not None and not got.intent.listing, said


def test_session16_what_is_no_bare_noun_phrase(ask_db, monkeypatch):
    """With the flag on: a figure word, a list word, a question ("?", "có … không", "… chưa"), a figure at a day said
    the report's way ("tính đến", "tại thời điểm"), a comparison, a grouping, a rate or an average, or no noun of the
    records at the start, keep their answer."""
    monkeypatch.setattr(either_reading, "SESSION16_BARE_NOUN_PHRASE", True)
    ask = asker(ask_db)
    for said in ("số hồ sơ đất đai từ chối tuần trước", "bao nhiêu hồ sơ đất đai từ chối tuần trước",
                 "hồ sơ đất đai từ chối tuần trước mấy bộ", "danh sách hồ sơ đất đai từ chối tuần trước",
                 "hồ sơ đất đai từ chối tuần trước?", "hồ sơ đất đai tuần trước có bị từ chối không",
                 "hồ sơ quá hạn tính đến ngày 15/11", "hồ sơ đang giải quyết tại thời điểm 31/10",
                 "hồ sơ đất đai tuần này so với tuần trước", "hồ sơ tháng 10 theo lĩnh vực",
                 "hồ sơ tỷ lệ đúng hạn quý 3", "từ chối tuần trước", "các hồ sơ đất đai bị từ chối tuần trước"):
        got = ask(said)
        assert got.status == "ok", said
    assert ask("thu ngân sách quý 3").status == "ok"  # an indicator: no records named


@pytest.mark.parametrize("on", [True, False])
def test_session16_a_polite_request_opening(ask_db, monkeypatch, on):
    """phrasings.SESSION16_REQUEST_OPENING: "Kính đề nghị tổng hợp …", "Đề nghị anh cho biết …" open a request; "đề
    nghị" as a thing ("số đề nghị của dân") stays unknown."""
    monkeypatch.setattr(phrasings, "SESSION16_REQUEST_OPENING", on)
    monkeypatch.setattr(phrasings, "SESSION17_REQUEST_OPENING", False)  # the same reading, measured anew
    ask = asker(ask_db)
    for said, plain in (("Kính đề nghị tổng hợp số hồ sơ trễ hạn quý 3", "số hồ sơ trễ hạn quý 3"),
                        ("Đề nghị anh cho biết tháng 10 nhận bao nhiêu hồ sơ", "tháng 10 nhận bao nhiêu hồ sơ"),
                        ("quý 3, đề nghị em liệt kê hồ sơ bị từ chối", "quý 3 liệt kê hồ sơ bị từ chối")):
        assert same(ask(said), ask(plain)) is on, said
    assert ask("số đề nghị của dân tháng 10 là bao nhiêu").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session16_between_in_a_comparison(ask_db, monkeypatch, on):
    """phrasings.SESSION16_BETWEEN: "so sánh … giữa hộ tịch và đất đai" compares the two; "giữa tháng 10" (the middle of
    a month) stays unknown."""
    monkeypatch.setattr(phrasings, "SESSION16_BETWEEN", on)
    ask = asker(ask_db)
    plain = ask("so sánh số hồ sơ tiếp nhận của hộ tịch và đất đai tháng 9")
    assert same(ask("so sánh số hồ sơ tiếp nhận giữa hộ tịch và đất đai tháng 9"), plain) is on
    assert ask("giữa tháng 10 có bao nhiêu hồ sơ").status == "unsure"
    assert ask("so sánh giữa tháng 10 với tháng 9 số hồ sơ tiếp nhận").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session16_form_before_the_channel(ask_db, monkeypatch, on):
    """phrasings.SESSION16_FORM_BEFORE_CHANNEL: "(qua / bằng) hình thức bưu chính" is the channel; "hình thức" alone
    stays unknown, "theo hình thức nộp" still groups."""
    monkeypatch.setattr(phrasings, "SESSION16_FORM_BEFORE_CHANNEL", on)
    ask = asker(ask_db)
    plain = ask("tháng 9 nhận bao nhiêu hồ sơ nộp qua bưu chính")
    for said in ("tháng 9 nhận bao nhiêu hồ sơ nộp bằng hình thức bưu chính",
                 "tháng 9 số hồ sơ tiếp nhận qua hình thức bưu chính"):
        assert same(ask(said), plain) is on, said
    assert ask("hình thức tháng 9 nhận bao nhiêu hồ sơ").status == "unsure"
    grouped = ask("tháng 9 hồ sơ tiếp nhận theo hình thức nộp")
    assert grouped.status == "ok" and grouped.intent is not None and grouped.intent.group == "hinh_thuc_nop"


@pytest.mark.parametrize("on", [True, False])
def test_session16_a_list_with_the_officer(ask_db, monkeypatch, on):
    """phrasings.SESSION16_WITH_OFFICER: "danh sách … , kèm (theo) (họ) tên cán bộ (xử lý / phụ trách)" is the list (it
    shows the officer); its "xử lý" had been a second measure. Other things "kèm" stay unknown."""
    monkeypatch.setattr(phrasings, "SESSION16_WITH_OFFICER", on)
    ask = asker(ask_db)
    plain = ask("danh sách hồ sơ trễ hạn tháng 9")
    assert plain.status == "ok" and "can_bo_xu_ly" in plain.keys
    for said in ("danh sách hồ sơ trễ hạn tháng 9, kèm tên cán bộ xử lý",
                 "liệt kê hồ sơ trễ hạn tháng 9 kèm theo họ tên cán bộ phụ trách"):
        assert same(ask(said), plain) is on, said
    assert ask("danh sách hồ sơ trễ hạn tháng 9 kèm hồ sơ gốc").status == "unsure"
    assert ask("số hồ sơ trễ hạn tháng 9 kèm tên cán bộ xử lý").status == "unsure"  # a figure has no names beside


@pytest.mark.parametrize("on", [True, False])
def test_session16_longest_and_shortest_time(ask_db, monkeypatch, on):
    """phrasings.SESSION16_LONGEST: "thời gian giải quyết … dài / ngắn nhất" ranks by the processing time, slowest /
    fastest first; without "thời gian" or "số ngày" "dài nhất" stays unknown."""
    monkeypatch.setattr(phrasings, "SESSION16_LONGEST", on)
    ask = asker(ask_db)
    for said, plain in (("lĩnh vực nào có thời gian giải quyết dài nhất quý 3",
                         "lĩnh vực nào giải quyết chậm nhất quý 3"),
                        ("thủ tục nào thời gian giải quyết trung bình ngắn nhất tháng 10",
                         "thủ tục nào giải quyết nhanh nhất tháng 10")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert ask("lĩnh vực nào dài nhất quý 3").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session16_ke_tu_is_tu(ask_db, monkeypatch, on):
    """phrasings.SESSION16_SINCE_SAID: "kể từ đầu năm", "kể từ đầu tháng" are "từ …"; "liệt kê từ …" is the list
    verb."""
    monkeypatch.setattr(phrasings, "SESSION16_SINCE_SAID", on)
    ask = asker(ask_db)
    for said, plain in (("kể từ đầu năm trả bao nhiêu hồ sơ trễ hạn", "từ đầu năm trả bao nhiêu hồ sơ trễ hạn"),
                        ("kể từ đầu tháng đến nay trả bao nhiêu hồ sơ", "từ đầu tháng đến nay trả bao nhiêu hồ sơ")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    listed = ask("liệt kê từ đầu tháng này các hồ sơ trễ hạn")
    assert listed.intent is not None and listed.intent.listing


@pytest.mark.parametrize("on", [True, False])
def test_session16_the_newest_few_alone(ask_db, monkeypatch, on):
    """phrasings.SESSION16_NEWEST_ALONE: "3 phản ánh mới nhất" with nothing else named lists the newest three; it had
    been taken for a question naming nothing. "danh sách" alone still asks nothing."""
    monkeypatch.setattr(phrasings, "SESSION16_NEWEST_ALONE", on)
    ask = asker(ask_db)
    got = ask("3 phản ánh mới nhất")
    assert (got.status == "ok") is on
    if on:
        assert got.intent is not None and got.intent.listing and got.intent.limit == 3 and len(got.rows) == 3
    assert ask("danh sách").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session16_coi_is_xem(ask_db, monkeypatch, on):
    """tokens.SESSION16_COI: "cho chị coi danh sách …", "liệt kê cho anh coi" is "xem"; "coi như" stays unknown."""
    monkeypatch.setattr(tokens, "SESSION16_COI", on)
    ask = asker(ask_db)
    plain = ask("cho chị xem danh sách hồ sơ trễ hạn tháng 9")
    assert same(ask("cho chị coi danh sách hồ sơ trễ hạn tháng 9"), plain) is on
    assert ask("hồ sơ trễ hạn tháng 9 coi như bao nhiêu").status == "unsure"
    assert tokens.expand(["trong", "coi"]) == ["trong", "coi"]


@pytest.mark.parametrize("on", [True, False])
def test_session16_more_that_no_view_holds(ask_db, monkeypatch, on):
    """nodata.SESSION16_MORE_MISSING: staff leave, incoming documents, sums of money ("tiền" typed so) are not in the
    data; "tiến độ" (folded alike) is no money, and records named keep their figure. "chi bao nhiêu tiền hỗ trợ mai
    táng" had been answered with the records of the procedure «tiền mai táng» names (a confident wrong)."""
    monkeypatch.setattr(nodata, "SESSION16_MORE_MISSING", on)
    ask = asker(ask_db)
    for said in ("tuần này bộ phận một cửa có ai nghỉ phép không", "tháng 10 phường nhận bao nhiêu văn bản đến"):
        got = ask(said)
        assert got.status == ("no_data" if on else "unsure"), said
        assert not got.rows, said
    money = ask("tháng trước phường chi bao nhiêu tiền hỗ trợ mai táng")
    assert (money.status == "no_data") is on and (money.status == "ok") is not on
    assert ask("hồ sơ tiền mai táng tháng 10 bao nhiêu").status == "ok"  # a short name of the procedure
    assert ask("tiến độ giải quyết hồ sơ tháng 10").status == "unsure"
    assert ask("tháng 10 tiếp nhận bao nhiêu hồ sơ hỗ trợ chi phí mai táng").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session16_missing_against_a_plan(ask_db, monkeypatch, on):
    """nodata.SESSION16_MISSING_AGAINST_PLAN: a statistic no view holds asked against a plan ("giải ngân … đạt bao nhiêu
    % kế hoạch") is not in the data; an indicator the ward reports keeps its answer."""
    monkeypatch.setattr(nodata, "SESSION16_MISSING_AGAINST_PLAN", on)
    ask = asker(ask_db)
    got = ask("kinh phí chi thường xuyên năm nay đạt bao nhiêu phần trăm kế hoạch")
    assert got.status == ("no_data" if on else "unsure") and not got.rows
    assert ask("thu ngân sách năm nay đạt bao nhiêu phần trăm kế hoạch").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session16_an_indicator_of_a_period_not_yet_come(ask_db, monkeypatch, on):
    """indicators.SESSION16_FUTURE_PERIOD: an indicator of a period not yet begun ("năm 2027", "quý 1 năm sau") is not
    in the data (no row reported); this year's keeps its answer."""
    monkeypatch.setattr(indicators, "SESSION16_FUTURE_PERIOD", on)
    ask = asker(ask_db)
    for said in ("kế hoạch thu ngân sách năm 2027 là bao nhiêu", "chỉ tiêu thu ngân sách quý 1 năm sau giao bao nhiêu"):
        got = ask(said)
        assert got.status == ("no_data" if on else "unsure") and not got.rows, said
    assert ask("thu ngân sách năm nay đạt bao nhiêu phần trăm kế hoạch").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session16_the_online_share_of_those_received(ask_db, monkeypatch, on):
    """understand.SESSION16_ONLINE_SHARE: "hồ sơ tiếp nhận trực tuyến chiếm bao nhiêu % trên tổng số hồ sơ tiếp nhận" is
    the online rate ("tiếp nhận" said twice had made "trực tuyến" a filter: unsure). A resolved count online keeps its
    filter."""
    monkeypatch.setattr(understand, "SESSION16_ONLINE_SHARE", on)
    ask = asker(ask_db)
    plain = ask("tỷ lệ trực tuyến quý 3 lĩnh vực hộ tịch")
    said = ask("quý 3 lĩnh vực hộ tịch, hồ sơ tiếp nhận trực tuyến chiếm bao nhiêu % trên tổng số hồ sơ tiếp nhận")
    assert same(said, plain) is on
    resolved = ask("quý 3 giải quyết bao nhiêu hồ sơ trực tuyến")
    assert resolved.intent is not None and resolved.intent.filters.get("hinh_thuc_nop") == "Trực tuyến"


@pytest.mark.parametrize("on", [True, False])
def test_session16_which_side_of_two(ask_db, monkeypatch, on):
    """phrasings.SESSION16_WHICH_SIDE: "<name> với <name>, bên / cái / phía nào … hơn" ranks the two names, and with two
    periods it is their comparison; with one side, or without "hơn / nhất", "bên nào" stays unknown."""
    monkeypatch.setattr(phrasings, "SESSION16_WHICH_SIDE", on)
    ask = asker(ask_db)
    names = ask("tháng 9 đất đai và hộ tịch trả trễ hạn nhiều hơn")
    assert names.status == "ok" and len(names.rows) == 2
    assert same(ask("tháng 9 đất đai với hộ tịch, phía nào trả trễ hạn nhiều hơn"), names) is on
    periods = ask("số hồ sơ từ chối tháng 9 so với tháng 8")
    assert same(ask("hồ sơ từ chối tháng 9 với tháng 8, cái nào nhiều hơn"), periods) is on
    assert ask("tháng 9 bên nào trả trễ hạn nhiều hơn").status == "unsure"
    assert ask("tháng 9 đất đai với hộ tịch bên nào").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session16_southern_help_and_day(ask_db, monkeypatch, on):
    """tokens.SESSION16_SOUTHERN: "giùm / dùm" is "giúp", "bữa nay / bữa qua" is "hôm nay / hôm qua"; "mấy bữa nay"
    (how many days unsaid) stays vague."""
    monkeypatch.setattr(tokens, "SESSION16_SOUTHERN", on)
    monkeypatch.setattr(tokens, "SESSION17_SOUTHERN", False)  # the same reading, measured anew
    ask = asker(ask_db)
    for said, plain in (("tính dùm anh số hồ sơ trễ hạn tháng 10", "tính giúp anh số hồ sơ trễ hạn tháng 10"),
                        ("bữa qua trả được mấy bộ hồ sơ", "hôm qua trả được mấy bộ hồ sơ")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert ask("mấy bữa nay trả được bao nhiêu hồ sơ").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session16_website_visits_are_not_held(ask_db, monkeypatch, on):
    """nodata.SESSION16_WEB_VISITS: visits to the website or the public-service portal are not in the data (never the
    online records as a figure); records handed in through the portal are still counted."""
    monkeypatch.setattr(nodata, "SESSION16_WEB_VISITS", on)
    ask = asker(ask_db)
    for said in ("tháng trước cổng dịch vụ công có bao nhiêu lượt truy cập",
                 "trang web phường quý 3 được mấy lượt vào"):
        got = ask(said)
        assert got.status == ("no_data" if on else "unsure") and not got.rows, said
    online = ask("tháng 10 có bao nhiêu hồ sơ nộp qua cổng dịch vụ công")
    assert online.status == "ok" and online.rows


@pytest.mark.parametrize("on", [True, False])
def test_session16_figures_by_quarter_or_week(ask_db, monkeypatch, on):
    """understand.SESSION16_QUARTER_WEEK: "mỗi quý", "theo từng tuần" give one figure per quarter or week, in time
    order, each cut to the period; off, unsure. A count at a day has no quarters, an average per week is no breakdown,
    and the quarter of a period named is no grouping."""
    monkeypatch.setattr(understand, "SESSION16_QUARTER_WEEK", on)
    monkeypatch.setattr(sqlbuild_ends, "SESSION17_ASOF_BY_END", False)  # session 17 reads a count at a day by quarter
    ask = asker(ask_db)
    by_quarter = ask("năm nay tiếp nhận bao nhiêu hồ sơ mỗi quý")
    by_week = ask("phản ánh tháng 10 theo từng tuần")
    if not on:
        assert by_quarter.status == by_week.status == "unsure"
    else:
        assert by_quarter.status == "ok" and by_quarter.keys[0] == "quy"
        assert [r[0] for r in by_quarter.rows] == sorted(r[0] for r in by_quarter.rows)
        assert sum(r[1] for r in by_quarter.rows) == ask("năm nay tiếp nhận bao nhiêu hồ sơ").rows[0][0]
        assert "theo quý" in by_quarter.answer and by_quarter.rows[0][0] == "2026-Q1"
        assert by_week.status == "ok" and by_week.keys[0] == "tuan" and by_week.rows[0][0] == "2026-10-01"
        assert sum(r[1] for r in by_week.rows) == ask("số phản ánh tháng 10").rows[0][0]
    assert ask("hồ sơ tồn từng quý năm nay").status == "unsure"
    assert ask("trung bình mỗi tuần nhận bao nhiêu hồ sơ năm nay").status == "unsure"
    assert ask("quý 3 tiếp nhận bao nhiêu hồ sơ").keys == ["tiep_nhan"]


@pytest.mark.parametrize("on", [True, False])
def test_session16_the_result_before_each_unit(ask_db, monkeypatch, on):
    """readings.SESSION16_RESULT_KEPT: "trả kết quả từng tháng" keeps "kết quả" whole (its "quả" had been read as the
    "qua" of "qua từng tháng", "kết" left unknown); "qua từng tháng" itself is still read."""
    monkeypatch.setattr(readings, "SESSION16_RESULT_KEPT", on)
    ask = asker(ask_db)
    plain = ask("số hồ sơ giải quyết theo tháng năm nay")
    assert same(ask("số hồ sơ trả kết quả từng tháng năm nay"), plain) is on
    assert same(ask("số hồ sơ giải quyết qua từng tháng năm nay"), plain)


@pytest.mark.parametrize("on", [True, False])
def test_session16_rate_points_list_out_and_wish(ask_db, monkeypatch, on):
    """readings.SESSION16_RATE_POINTS ("… bao nhiêu điểm phần trăm" of a rate: the comparison),
    phrasings.SESSION16_LIST_RA ("liệt kê ra / hết": the list), phrasings.SESSION16_WISH ("anh muốn biết …": the
    request). A survey's "điểm", "hồ sơ muộn" (late) stay unknown."""
    monkeypatch.setattr(readings, "SESSION16_RATE_POINTS", on)
    monkeypatch.setattr(readings, "SESSION17_RATE_POINTS", False)  # the same readings, measured anew
    monkeypatch.setattr(phrasings, "SESSION16_LIST_RA", on)
    monkeypatch.setattr(phrasings, "SESSION17_LIST_RA", False)
    monkeypatch.setattr(phrasings, "SESSION16_WISH", on)
    ask = asker(ask_db)
    for said, plain in (("tỷ lệ đúng hạn quý 3 so với quý 2 chênh bao nhiêu điểm phần trăm",
                         "tỷ lệ đúng hạn quý 3 so với quý 2"),
                        ("liệt kê hết hồ sơ bị từ chối tháng 9", "liệt kê hồ sơ bị từ chối tháng 9"),
                        ("em ơi chị muốn biết quý 3 trả bao nhiêu hồ sơ", "quý 3 trả bao nhiêu hồ sơ")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert ask("người dân chấm bao nhiêu điểm cho cán bộ tháng này").status != "ok"
    assert ask("hồ sơ muộn tháng 10 bao nhiêu").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session16_other_wards_are_not_held(ask_db, monkeypatch, on):
    """nodata.SESSION16_OTHER_UNITS: the district, the city, the other wards are not in the data (never this ward's
    figure); "toàn phường" is this ward."""
    monkeypatch.setattr(nodata, "SESSION16_OTHER_UNITS", on)
    ask = asker(ask_db)
    for said in ("cả quận tháng 10 có bao nhiêu hồ sơ trễ hạn", "tỷ lệ đúng hạn của phường so với phường bên cạnh"):
        got = ask(said)
        assert got.status == ("no_data" if on else "unsure") and not got.rows, said
    assert ask("toàn phường tháng 10 nhận bao nhiêu hồ sơ").status == "ok"
