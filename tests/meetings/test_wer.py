"""Tone-aware WER: tone errors count, spelling conventions do not."""

from __future__ import annotations

import pytest

from appliance.text.wer import spell_number, wer, wer_words, word_errors


@pytest.mark.parametrize(("n", "spoken"), [
    (0, "không"), (5, "năm"), (10, "mười"), (15, "mười lăm"), (21, "hai mươi mốt"), (24, "hai mươi bốn"),
    (105, "một trăm lẻ năm"), (110, "một trăm mười"), (1005, "một nghìn không trăm lẻ năm"),
    (2026, "hai nghìn không trăm hai mươi sáu"), (1_500_000, "một triệu năm trăm nghìn"),
])
def test_numbers_are_spelled_as_read(n, spoken):
    assert spell_number(n) == spoken


def test_a_tone_error_counts_and_folding_hides_it():
    assert wer("tỉnh ủy họp", "tình ủy họp") == pytest.approx(1 / 3)
    assert wer("tỉnh ủy họp", "tình ủy họp", folded=True) == 0.0


def test_case_punctuation_tone_placement_digits_and_nfd_do_not_count():
    reference = "Ngày năm tháng mười hai, Ủy ban hòa giải chi một triệu năm trăm nghìn đồng."
    hypothesis = "ngày 5 tháng 12 ủy ban hoà giải chi 1.500.000 đồng"
    assert wer(reference, hypothesis) == 0.0
    nfd = "Ho\u0300a gia\u0309i"  # decomposed input (some recognisers and keyboards)
    assert wer_words(nfd) == ["hòa", "giải"]


def test_errors_add_up_over_a_corpus():
    total = word_errors("một hai ba", "một hai") + word_errors("bốn năm", "bốn năm sáu")
    assert (total.errors, total.words) == (2, 5) and total.rate == pytest.approx(0.4)
