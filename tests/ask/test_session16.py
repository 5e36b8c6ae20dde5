"""Session 16 of the leaders' question box: each flag switched on and off with my own wording (never a set's sentence)
and cases where it must not fire; bug fixes (rule R7) as plain tests that failed before the fix."""
from __future__ import annotations

import pytest

from appliance.ask import either_reading
from tests.ask.answering import asker


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
