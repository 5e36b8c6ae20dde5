"""Session 25 of the leaders' question box: each SESSION25 flag on and off, with my own wording (never a set's
sentence) and cases where it must not fire. Most checks read the words alone (tokens.words); a few ask the generated
ward."""
from __future__ import annotations

import pytest

from appliance.ask import tokens, warm_words
from appliance.ask.tokens import words
from tests.ask.answering import asker, same
from tests.flags import switch_on

_FLAGGED = (tokens, warm_words)


@pytest.fixture(autouse=True)
def _all_on(monkeypatch):
    """Each flag is tested against the others as tuned (all on), whatever rule R1 leaves in the shipped defaults."""
    switch_on(monkeypatch, _FLAGGED, "SESSION25_")


def _said(question: str) -> str:
    return " ".join(words(question))


@pytest.mark.parametrize("on", [True, False])
def test_session25_which_mo(monkeypatch, on):
    """tokens.SESSION25_WHICH_MO: the central "mô" after a noun counted or ranked ("hồ sơ mô", "cán bộ mô", "chỉ tiêu
    mô", "những bộ mô") is "nào"; off, unknown. Never after a unit of time, nor "mô hình", "mô tả"."""
    monkeypatch.setattr(tokens, "SESSION25_WHICH_MO", on)
    for said in ("tháng 10 hồ sơ mô trễ hạn", "cán bộ mô giữ nhiều hồ sơ nhất", "chỉ tiêu mô chưa đạt",
                 "có những bộ mô", "hs mô quá hạn"):
        assert ("nao" in words(said)) is on, said
    for said in ("số hồ sơ tháng mô cao nhất", "hồ sơ mô tả sai", "hồ sơ mô hình mới"):
        assert "nao" not in words(said), said


@pytest.mark.parametrize("on", [True, False])
def test_session25_how_rang(monkeypatch, on):
    """tokens.SESSION25_HOW_RANG: "ra răng", "… răng rồi?", "răng" closing a clause are "sao"; off, unknown. "rằng"
    (that) opening what follows is never read so, nor "răng" before more words."""
    monkeypatch.setattr(tokens, "SESSION25_HOW_RANG", on)
    assert (_said("tỷ lệ đúng hạn quý 3 ra răng") == "ty le dung han quy 3 ra sao") is on
    assert (_said("thu ngân sách so với quý 2 răng rồi?").endswith("sao roi ?")) is on
    assert (_said("hồ sơ trễ hạn tháng ni răng, em?").startswith("ho so tre han thang nay sao ,")) is on
    for said in ("anh em báo cáo rằng tháng 10 nhận nhiều", "bao cao rang thang 10 nhan nhieu"):
        assert "sao" not in words(said), said


@pytest.mark.parametrize("on", [True, False])
def test_session25_tui(monkeypatch, on):
    """tokens.SESSION25_TUI: "tui" is "tôi" ("cho tui cái bảng"); off, unknown."""
    monkeypatch.setattr(tokens, "SESSION25_TUI", on)
    assert (_said("kê ra giúp tui") == "ke ra giup toi") is on
    assert _said("tuition") == "tuition"  # the whole word only


@pytest.mark.parametrize("on", [True, False])
def test_session25_same_moment(monkeypatch, on):
    """tokens.SESSION25_SAME_MOMENT: "cùng thời điểm tháng trước / năm ngoái" is "cùng kỳ …"; off, "cùng" unknown.
    "thời điểm" elsewhere ("tại thời điểm hiện nay", "cùng thời điểm đó") is untouched."""
    monkeypatch.setattr(tokens, "SESSION25_SAME_MOMENT", on)
    assert ("cung ky thang truoc" in _said("so với cùng thời điểm tháng trước")) is on
    assert ("cung ky nam ngoai" in _said("quý này so với cùng thời điểm năm ngoái")) is on
    for said in ("số hồ sơ tồn tại thời điểm hiện nay", "cùng thời điểm đó nhận bao nhiêu", "cùng thời điểm tháng 9"):
        assert "ky" not in words(said), said


@pytest.mark.parametrize("on", [True, False])
def test_session25_ba_con(ask_db, monkeypatch, on):
    """warm_words.SESSION25_BA_CON: "bà con" (the citizens) asks nothing, as "người dân" does; off, its "con" was
    doubted ("còn"): unsure. Unaccented "ba con" and "còn" alone stay unsure."""
    monkeypatch.setattr(warm_words, "SESSION25_BA_CON", on)
    ask = asker(ask_db)
    got, want = ask("năm nay bà con phản ánh nhiều nhất về lĩnh vực nào"), ask("năm nay người dân phản ánh nhiều "
                                                                             "nhất về lĩnh vực nào")
    assert same(got, want) is on and (on or got.status == "unsure")
    for said in ("ba con so ho so thang 10", "còn bao nhiêu hồ sơ"):
        assert ask(said).status == "unsure", said


@pytest.mark.parametrize("on", [True, False])
def test_session25_only_named(ask_db, monkeypatch, on):
    """warm_words.SESSION25_ONLY_NAMED: "Riêng lĩnh vực đất đai, …", "tính riêng tháng 10 …" are that name or period;
    off, "riêng" unknown (unsure). Before "từng" (a breakdown) or in the middle of a clause it stays unknown."""
    monkeypatch.setattr(warm_words, "SESSION25_ONLY_NAMED", on)
    ask = asker(ask_db)
    for said, plain in (("Riêng lĩnh vực đất đai, tỷ lệ trễ hạn quý 3 là bao nhiêu",
                         "lĩnh vực đất đai, tỷ lệ trễ hạn quý 3 là bao nhiêu"),
                        ("tính riêng tháng 10, nhận bao nhiêu hồ sơ", "tháng 10, nhận bao nhiêu hồ sơ")):
        got, want = ask(said), ask(plain)
        assert want.status == "ok", plain
        assert same(got, want) is on and (on or got.status == "unsure"), said
    for said in ("tính riêng từng lĩnh vực, số hồ sơ trễ hạn quý 3", "hồ sơ riêng lĩnh vực đất đai quý 3"):
        assert ask(said).status == "unsure", said
