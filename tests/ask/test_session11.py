"""Session 11 mechanisms of the leaders' question box, each with new wording and cases where it must not fire."""
from __future__ import annotations

import pytest

from appliance.ask import nodata, readings, tokens, understand
from appliance.ask.service import answer_question
from tests.ask.data import TODAY


def _asker(db):
    return lambda question: answer_question(db, question, today=TODAY, use_llm=False)


@pytest.mark.parametrize("on", [True, False])
def test_session11_a_classifier_after_cac_nhung_still_asks_the_records(ask_db, monkeypatch, on):
    """understand.SESSION11_CLASSIFIER: "các phiếu phản ánh …", "những bộ hồ sơ …" with no figure asked are
    the records, as "các phản ánh …" already were; with a figure word they stay a count."""
    monkeypatch.setattr(understand, "SESSION11_CLASSIFIER", on)
    ask = _asker(ask_db)

    for said in ("những bộ hồ sơ trễ hạn tháng 10", "các phiếu phản ánh tháng 10 chưa trả lời",
                 "các cái hồ sơ đã quá hạn hiện nay"):
        got = ask(said)
        assert got.intent is not None and got.intent.listing is on, said
        assert got.status == "ok" or not on, said
    for said in ("các bộ hồ sơ trễ hạn tháng 10 là bao nhiêu", "những phiếu phản ánh tháng 10 tổng cộng bao nhiêu",
                 "bộ hồ sơ trễ hạn tháng 10 có mấy"):
        got = ask(said)
        assert got.intent is None or not got.intent.listing, said


@pytest.mark.parametrize("on", [True, False])
def test_session11_which_records_after_a_list_phrase(ask_db, monkeypatch, on):
    """understand.SESSION11_WHICH_AFTER_LIST: "gồm những phiếu nào", "là những bộ nào" after a list phrase are
    the same request; "cán bộ nào" still asks which officer (never read as the records)."""
    monkeypatch.setattr(understand, "SESSION11_WHICH_AFTER_LIST", on)
    ask = _asker(ask_db)

    for said in ("phản ánh đã trả lời trong tháng 10 gồm những phiếu nào",
                 "hồ sơ trễ hạn tháng 10 là những bộ nào"):
        got = ask(said)
        read = on or (readings.SESSION14_WHICH_ONES and " là " in said)  # session 14 reads a closing "là … nào"
        assert (got.status == "ok" and got.intent is not None and got.intent.listing) is read, said
    # "cán bộ nào" is not a classifier before "nào": the answer by officer is the same with the flag on or off
    assert understand._RECORD_ENDS and ["can", "bo"] not in understand._RECORD_ENDS
    by_officer = ask("hồ sơ trễ hạn tháng 10 do những cán bộ nào xử lý")
    assert by_officer.status == "ok" and "cán bộ" in by_officer.answer and "danh sách" not in by_officer.answer


@pytest.mark.parametrize("on", [True, False])
def test_session11_versus_is_so_voi(ask_db, monkeypatch, on):
    """tokens.SESSION11_VERSUS: "vs" typed in chat is "so với"; whole words only, so "vsmt" (vệ sinh môi
    trường) keeps its own reading."""
    monkeypatch.setattr(tokens, "SESSION11_VERSUS", on)
    ask = _asker(ask_db)

    said = ask("phản ánh trễ hạn t10 vs t9")
    plain = ask("phản ánh trễ hạn tháng 10 so với tháng 9")
    assert plain.status == "ok"
    assert (said.status == "ok" and said.rows == plain.rows) is on
    assert tokens.expand(["vsmt"]) == ["ve", "sinh", "moi", "truong"]


@pytest.mark.parametrize("on", [True, False])
def test_session11_which_side_of_two_periods(ask_db, monkeypatch, on):
    """understand.SESSION11_WHICH_SIDE: with two periods and "hơn", "bên / cái nào" asks which of the two;
    one period, or no "hơn", leaves it unread (unsure)."""
    monkeypatch.setattr(understand, "SESSION11_WHICH_SIDE", on)
    ask = _asker(ask_db)

    plain = ask("hồ sơ tiếp nhận tháng 9 so với tháng 10")
    said = ask("hồ sơ tháng 9 với tháng 10 bên nào nhận nhiều hơn")
    assert (said.status == "ok" and said.rows == plain.rows) is on
    assert (ask("phản ánh quý 3 và quý 2 cái nào cao hơn").status == "ok") is on
    for unread in ("hồ sơ tháng 10 bên nào nhận nhiều hơn", "hồ sơ tháng 9 với tháng 10 bên nào nhận"):
        assert ask(unread).status == "unsure", unread


@pytest.mark.parametrize("on", [True, False])
def test_session11_spoken_list_requests(ask_db, monkeypatch, on):
    """tokens.SESSION11_COI and understand.SESSION11_LIST_RA: "liệt kê ra / hết cho chị coi" is "liệt kê cho chị
    xem"; "coi như" (regard as) stays unknown."""
    monkeypatch.setattr(tokens, "SESSION11_COI", on)
    monkeypatch.setattr(understand, "SESSION11_LIST_RA", on)
    ask = _asker(ask_db)

    plain = ask("hồ sơ trễ hạn tháng 10 liệt kê cho chị xem")
    assert plain.status == "ok" and plain.intent is not None and plain.intent.listing
    for said in ("hồ sơ trễ hạn tháng 10 liệt kê ra cho chị coi", "liệt kê hết hồ sơ trễ hạn tháng 10 anh coi"):
        got = ask(said)
        assert (got.status == "ok" and got.rows == plain.rows) is on, said
    assert ask("hồ sơ tháng 10 coi như trễ hạn bao nhiêu").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session11_website_visits_are_not_held(ask_db, monkeypatch, on):
    """nodata.SESSION11_WEB_VISITS: visits to the website or portal are "not in the data" (never the online
    records as a figure); records handed in through the portal are still counted."""
    monkeypatch.setattr(nodata, "SESSION11_WEB_VISITS", on)
    ask = _asker(ask_db)

    for said in ("tháng trước website của phường được bao nhiêu lượt truy cập",
                 "năm nay người dân truy cập cổng dịch vụ công bao nhiêu lần"):
        got = ask(said)
        assert got.status == ("no_data" if on else "unsure"), said
    online = ask("tháng 10 có bao nhiêu hồ sơ nộp trực tuyến")
    assert online.status == "ok" and online.rows
