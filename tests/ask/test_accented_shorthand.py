"""Rule R7 (session 26, the lead): chat shorthand is a word typed without its accents. "hong" typed bare, or the
southern "hông" / "hổng", is "không", and so is the chat "hem"; "hồng" (sổ hồng, a land certificate), "hỏng"
(broken), "hòng", "hóng", "họng", "hõng", and "hẻm" (an alley), "hèm", are other words that fold to the same letters
and never "không". Before the fix "Tháng 10 có bao nhiêu hồ sơ cấp sổ hồng?" was answered with the records resolved
in October (498), as if "không" had been asked, and "Tháng 10 có bao nhiêu phản ánh về hẻm?" with all of October's
feedback ("có … không")."""
from __future__ import annotations

from appliance.ask.tokens import words
from tests.ask.answering import asker


def test_an_accented_word_is_not_the_shorthand_it_folds_to() -> None:
    for said in ("Tháng 10 có bao nhiêu hồ sơ cấp sổ hồng?", "số phản ánh đèn đường hỏng tháng này",
                 "Hồ sơ sổ hồng quý 3 trễ hạn bao nhiêu", "Tháng 10 có bao nhiêu phản ánh về hẻm?",
                 "phản ánh hẻm 12 đã xử lý chưa"):
        assert "khong" not in words(said), said


def test_the_shorthand_and_the_southern_forms_still_say_khong() -> None:
    for said in ("hs thang 10 hong dat bao nhieu", "hồ sơ hông đạt tháng 10 nhiêu", "hồ sơ hổng đúng hạn tháng 10",
                 "Hồ sơ tháng 10 hông đúng hạn là bao nhiêu", "pa thang 10 hem xu ly dung han nhieu"):
        assert "khong" in words(said), said


def test_a_land_certificate_question_is_no_longer_answered_with_the_records_resolved(ask_db) -> None:
    ask = asker(ask_db)
    result = ask("Tháng 10 có bao nhiêu hồ sơ cấp sổ hồng?")
    assert not (result.status == "ok" and result.keys == ["da_giai_quyet"]), result.answer
    result = ask("Tháng 10 có bao nhiêu phản ánh về hẻm?")
    assert not (result.status == "ok" and result.keys == ["pa_tiep_nhan"] and "nhóm" not in result.answer), \
        result.answer
    # the same question about a field the data names keeps its answer
    assert ask("Tháng 10 có bao nhiêu hồ sơ đất đai?").status == "ok"
