"""Words folding onto filler words, and numbers that number a clause (rule R7, session 20: the output contradicted the
plain meaning of the question or of the passage). The sentences here are this file's own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import relevance
from appliance.knowledge.indexing import accented_words, query_terms
from appliance.text import fold_tokens


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


@pytest.mark.parametrize(("question", "kept"), [
    ("đóng dấu giáp lai thế nào cho đúng", "dau"),
    ("khiếu nại lần đầu được giải quyết trong bao lâu", "dau"),
    ("văn bản có phải đóng dấu không", "dau"),
])
def test_a_content_word_typed_with_diacritics_is_kept(question, kept):
    words, _pairs = query_terms(question)
    assert kept in words, words


@pytest.mark.parametrize(("question", "dropped"), [
    ("đăng ký kết hôn ở đâu", "dau"),
    ("nộp hồ sơ ở đâu thì được", "dau"),
    ("dong dau o dau", "dau"),          # typed without diacritics: as before
    ("tôi muốn làm giấy khai sinh cho con", "toi"),
    ("cần giấy tờ gì để chứng minh nơi ở", "minh"),   # other stopwords: as before
])
def test_filler_and_words_typed_without_diacritics_are_dropped(question, dropped):
    words, _pairs = query_terms(question)
    assert dropped not in words, words


def test_the_pair_of_a_kept_word_is_searched_and_its_accents_must_match():
    _words, pairs = query_terms("đóng dấu lên chữ ký")
    assert "dong_dau" in pairs
    assert "dấu" in accented_words("đóng dấu lên chữ ký")
    assert "đâu" not in accented_words("nộp hồ sơ ở đâu")


def test_the_relevance_judgement_counts_a_kept_word():
    assert "dau" in [w for w, _typed in relevance._content_words("đóng dấu giáp lai")]
    assert "dau" not in [w for w, _typed in relevance._content_words("nộp ở đâu")]


@pytest.mark.parametrize(("passage", "kind", "states"), [
    ("1. Nam, nữ kết hôn với nhau phải đủ tuổi theo luật", "time", False),
    ("2. Ngay sau khi nhận đủ giấy tờ, công chức kiểm tra", "time", True),     # immediately: a time
    ("3. Ngay cả khi đã nộp đủ giấy tờ", "time", False),
    ("3. Đồng thời gửi văn bản cho cơ quan cấp trên", "money", False),
    ("1. Trong thời hạn 05 ngày làm việc, cơ quan phải trả lời", "time", True),
    ("2. Thời hiệu khiếu nại là 90 ngày", "time", True),
    ("Lệ phí là 8.000 đồng một bản", "money", True),
])
def test_the_number_of_a_clause_is_no_time_or_amount(passage, kind, states):
    assert relevance.states_kind(kind, _folded(passage)) is states
    question = {"time": "mất bao lâu", "money": "bao nhiêu tiền"}[kind]
    assert relevance.states_what_is_asked(_folded(question), _folded(passage)) is states
