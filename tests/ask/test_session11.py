"""Session 11 mechanisms of the leaders' question box, each with new wording and cases where it must not fire
(those rule R1 kept on are unconditional since session 16; those it switched off were retired with their tests)."""
from __future__ import annotations

from appliance.ask import record_lists, tokens
from appliance.ask.service import answer_question
from tests.ask.data import TODAY


def _asker(db):
    return lambda question: answer_question(db, question, today=TODAY, use_llm=False)


def test_session11_a_classifier_after_cac_nhung_still_asks_the_records(ask_db):
    """Session 11: "các phiếu phản ánh …", "những bộ hồ sơ …" with no figure asked are
    the records, as "các phản ánh …" already were; with a figure word they stay a count."""
    ask = _asker(ask_db)

    for said in ("những bộ hồ sơ trễ hạn tháng 10", "các phiếu phản ánh tháng 10 chưa trả lời",
                 "các cái hồ sơ đã quá hạn hiện nay"):
        got = ask(said)
        assert got.intent is not None and got.intent.listing, said
        assert got.status == "ok", said
    for said in ("các bộ hồ sơ trễ hạn tháng 10 là bao nhiêu", "những phiếu phản ánh tháng 10 tổng cộng bao nhiêu",
                 "bộ hồ sơ trễ hạn tháng 10 có mấy"):
        got = ask(said)
        assert got.intent is None or not got.intent.listing, said


def test_session11_which_records_after_a_list_phrase(ask_db):
    """Session 11: "gồm những phiếu nào", "là những bộ nào" after a list phrase are
    the same request; "cán bộ nào" still asks which officer (never read as the records)."""
    ask = _asker(ask_db)

    for said in ("phản ánh đã trả lời trong tháng 10 gồm những phiếu nào",
                 "hồ sơ trễ hạn tháng 10 là những bộ nào"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and got.intent.listing, said
    # "cán bộ nào" is not a classifier before "nào": the answer is by officer
    assert record_lists._RECORD_ENDS and ["can", "bo"] not in record_lists._RECORD_ENDS
    by_officer = ask("hồ sơ trễ hạn tháng 10 do những cán bộ nào xử lý")
    assert by_officer.status == "ok" and "cán bộ" in by_officer.answer and "danh sách" not in by_officer.answer


def test_session11_versus_is_so_voi(ask_db):
    """Session 11: "vs" typed in chat is "so với"; whole words only, so "vsmt" (vệ sinh môi
    trường) keeps its own reading."""
    ask = _asker(ask_db)

    said = ask("phản ánh trễ hạn t10 vs t9")
    plain = ask("phản ánh trễ hạn tháng 10 so với tháng 9")
    assert plain.status == "ok"
    assert said.status == "ok" and said.rows == plain.rows
    assert tokens.expand(["vsmt"]) == ["ve", "sinh", "moi", "truong"]
