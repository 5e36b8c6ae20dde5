"""Session 15 mechanisms of the leaders' question box, each with my own wording (never a set's sentence) and cases
where it must not fire. Each flag is switched on and off; with it off the question is answered as before (a
confident figure or list for another question)."""
from __future__ import annotations

import pytest

from appliance.ask import supported
from tests.ask.answering import asker
from tests.flags import switch_on

_FLAGGED = (supported,)


@pytest.fixture(autouse=True)
def _session15_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads a setting against all of session 15's on; a test that wants one off switches it itself."""
    switch_on(monkeypatch, _FLAGGED, "SESSION15_")


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
