"""Session 18's citizen flags, each shown on and off (docs/citizen.md, "Session 18"): the complaint model learns
session 18's training half (complaint_model.SESSION18_COMPLAINT_ALL) and reads the cue phrases as the north
voice-types them (voice_slips.SESSION18_VOICE_SLIPS). Every sentence here was written for these tests (none is from a
training, development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import category_families, complaint_model, voice_slips
from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.matching import PhraseSet, tokens


def test_the_complaint_model_learns_session_18s_half_with_its_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(complaint_model, "SESSION18_COMPLAINT_ALL", True)
    assert complaint_model.served_config() is complaint_model.SESSION18
    texts = {t for _, t, _ in complaint_model.training_examples()}
    new = {t for _, t in complaint_model.BATCHES["s18"]()}
    assert len(new) >= 60 and new <= texts
    older = {t for name in ("s14", "s15", "s17") for _, t in complaint_model.BATCHES[name]()}
    assert older <= texts  # session 17's halves stay learnt
    monkeypatch.setattr(complaint_model, "SESSION18_COMPLAINT_ALL", False)
    assert complaint_model.served_config() is complaint_model.SESSION17
    assert not new & {t for _, t, _ in complaint_model.training_examples()}


def test_a_cached_router_of_session_17s_model_is_not_served(monkeypatch: pytest.MonkeyPatch) -> None:
    from appliance.citizen.public import intake
    from tests.citizen.fixed_router import fixed_router

    monkeypatch.setattr(complaint_model, "SESSION18_COMPLAINT_ALL", False)
    key = (0, 0, "session18-all-test")
    monkeypatch.setitem(intake._router_cache, key, fixed_router(complaint_model.SESSION17, "ha_tang", 0.9))
    assert intake.cached_router(key) is intake._router_cache[key]
    monkeypatch.setattr(complaint_model, "SESSION18_COMPLAINT_ALL", True)
    assert intake.cached_router(key) is None


# --- SESSION18_VOICE_SLIPS: cue phrases as the north voice-types them (l/n, tr/ch, s/x) -----------------------------
SLIPPED = {  # category → complaints written for this test, each naming its problem with the merged sounds
    "trat_tu_do_thi": "quán nước đầu ngõ bày bàn ghế chiếm nòng đường cả ngày",
    "dat_dai": "hai nhà chanh chấp đất từ năm ngoái mà chưa ai giải quyết",
    "thu_tuc_hanh_chinh": "tôi đi làm giấy tờ mà bị đẩy qua đẩy nại mấy hôm",
    "an_ninh_trat_tu": "nhà bên cho vay nặng nãi, tối nào cũng có người đến đòi",
    "ha_tang": "ngõ tôi tối om vì đèn chiếu xáng hỏng cả tháng",
}
PLAIN = [  # the same words spelt plainly, or a slip that lands on an ordinary phrase: no swapped cue
    "quán nước đầu ngõ bày bàn ghế chiếm lòng đường cả ngày",
    "nhờ phường cho giúp nhà tôi cái giấy xác nhận",
    "đề nghị phường cho cấp lại giấy phép kinh doanh",
]


def _slips(text: str) -> set[str]:
    return {cat for _, _, cat in PhraseSet(voice_slips.slip_variants(True)).find(tokens(text))}


def test_swapped_onsets() -> None:
    assert set(voice_slips.swapped("long")) == {"nong"}
    assert set(voice_slips.swapped("nai")) == {"lai"}
    assert voice_slips.swapped("nguoi") == [] and voice_slips.swapped("nha") == []  # ng, nh are no n
    assert set(voice_slips.swapped("tro")) == {"cho"} and set(voice_slips.swapped("sang")) == {"xang"}


@pytest.mark.parametrize(("category", "text"), list(SLIPPED.items()))
def test_a_voice_typed_cue_names_its_category(category: str, text: str) -> None:
    assert _slips(text) == {category}


@pytest.mark.parametrize("text", PLAIN)
def test_plain_spelling_and_ordinary_phrases_are_no_slip(text: str) -> None:
    assert _slips(text) == set()


@pytest.mark.parametrize("flag", [True, False])
def test_the_complaint_model_reads_them_with_its_flag(monkeypatch: pytest.MonkeyPatch, flag: bool) -> None:
    monkeypatch.setattr(voice_slips, "SESSION18_VOICE_SLIPS", flag)
    words = tokens(SLIPPED["dat_dai"])
    found = FeedbackClassifier().rule_scores(words, category_families.active())
    assert ("dat_dai" in found) is flag


def test_a_cached_router_fit_without_them_is_not_served(monkeypatch: pytest.MonkeyPatch) -> None:
    from appliance.citizen.public import intake
    from tests.citizen.fixed_router import fixed_router

    key = (0, 0, "session18-slips-test")
    monkeypatch.setitem(intake._router_cache, key, fixed_router(complaint_model.served_config(), "ha_tang", 0.9))
    assert intake.cached_router(key) is intake._router_cache[key]
    monkeypatch.setattr(voice_slips, "SESSION18_VOICE_SLIPS", not voice_slips.SESSION18_VOICE_SLIPS)
    assert intake.cached_router(key) is None
