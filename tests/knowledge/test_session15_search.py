"""Session 15: legal search says "not found" rather than show an article that does not answer, each behaviour
behind a SESSION15_* flag read at call time (docs/knowledge.md, "Session 15"), and the embedder path's mends. The
sentences here are this file's own, not the blind writers'."""

from __future__ import annotations

import numpy as np
import pytest

from appliance.knowledge import dense, relevance, title_phrase, vectors
from appliance.knowledge.search import search
from appliance.text import fold_tokens


def firsts(library, question: str) -> list[str]:
    result = search(library, question, 5)
    return [f"{h.number}|{h.article}" for h in (result.hits or result.nearest)[:3]]


class FakeEmbedder:
    """Three-dimensional vectors: a question about "a" points at chunk 11, one about "b" at chunk 12."""

    name = "fake-embedder"

    def embed(self, texts, kind="passage"):
        return [[1.0, 0.0, 0.0] if "a" in t else [0.0, 1.0, 0.0] for t in texts]


def test_of_reads_the_similarities_of_the_ids_asked_in_their_order():
    view = dense.DenseView(np.array([5, 9, 2, 7], dtype=np.int64), np.array([0.1, 0.9, 0.5, 0.7], dtype=np.float32))
    assert view.of([2, 5]) == [np.float32(0.5), np.float32(0.1)]
    assert view.of([7, 3, 9]) == [np.float32(0.7), np.float32(0.9)]  # 3 is not embedded: left out
    assert view.of([]) == []


def test_similar_is_the_dense_views_nearest(monkeypatch):
    ids = np.array([11, 12, 13], dtype=np.int64)
    matrix = np.array([[1, 0, 0], [0, 1, 0], [0.6, 0.8, 0]], dtype=np.float32)
    monkeypatch.setattr(vectors, "_matrix", lambda conn, model: (ids, matrix))
    found = vectors.similar(None, FakeEmbedder(), "a", limit=2)  # type: ignore[arg-type]
    assert list(found) == [11, 13] and found[11] == 1.0
    assert found == dense.DenseView(ids, matrix @ np.array([1, 0, 0], dtype=np.float32)).nearest(2)
    monkeypatch.setattr(vectors, "_matrix", lambda conn, model: None)
    assert vectors.similar(None, FakeEmbedder(), "a") == {}  # type: ignore[arg-type]


# --- an article whose title the question repeats ranks first (title_phrase.SESSION15_TITLE_PHRASE) ---------------

def test_the_title_repeated_in_order_with_few_words_between(monkeypatch):
    monkeypatch.setattr(title_phrase, "SESSION15_TITLE_PHRASE", True)
    assert title_phrase.repeats_title(fold_tokens("xin hỏi điều kiện kết hôn"), "Điều kiện kết hôn")
    # "Các …" is dropped; two words ("nào không") between the title's words are allowed
    asked = fold_tokens("những khiếu nại nào thì không được thụ lý giải quyết")
    assert title_phrase.repeats_title(asked, "Các khiếu nại không được thụ lý giải quyết")
    # the words out of order, too many words between them, or a title of two syllables: no
    assert not title_phrase.repeats_title(fold_tokens("kết hôn thì điều kiện ra sao"), "Điều kiện kết hôn")
    assert not title_phrase.repeats_title(fold_tokens("khiếu nại của bà ấy hôm qua không được thụ lý giải quyết"),
                                          "Các khiếu nại không được thụ lý giải quyết")
    assert not title_phrase.repeats_title(fold_tokens("lệ phí là bao nhiêu"), "Lệ phí")
    monkeypatch.setattr(title_phrase, "SESSION15_TITLE_PHRASE", False)
    assert not title_phrase.repeats_title(fold_tokens("xin hỏi điều kiện kết hôn"), "Điều kiện kết hôn")


def test_the_title_must_be_most_of_what_is_asked(monkeypatch):
    monkeypatch.setattr(title_phrase, "SESSION15_TITLE_PHRASE", True)
    titles = ["Điều kiện kết hôn", "Giải thích từ ngữ"]
    assert title_phrase.repeated_titles(fold_tokens("xin hỏi điều kiện kết hôn"), titles) == {"dieu kien ket hon"}
    # the title is a small part of a long question about something else: not repeated
    long_question = fold_tokens("anh trai tôi đủ điều kiện kết hôn nhưng mất giấy khai sinh thì xin cấp lại ở đâu")
    assert title_phrase.repeated_titles(long_question, titles) == set()


def test_a_longer_title_beginning_with_the_repeated_one_holds_it_too():
    phrases = {"tham quyen dang ky ket hon"}
    assert title_phrase.holds(phrases, "Thẩm quyền đăng ký kết hôn")
    assert title_phrase.holds(phrases, "Thẩm quyền đăng ký kết hôn và nội dung Giấy chứng nhận kết hôn")
    assert not title_phrase.holds({"dang ky ket hon"}, "Thủ tục đăng ký kết hôn")  # a narrower matter
    assert not title_phrase.holds(set(), "Thẩm quyền đăng ký kết hôn")


@pytest.mark.parametrize(("question", "article"), [
    ("xin hỏi điều kiện kết hôn", "52/2014/QH13|8"),
    ("cho tôi hỏi những khiếu nại nào không được thụ lý giải quyết", "02/2011/QH13|11"),
    ("thẩm quyền đăng ký khai sinh thuộc cơ quan nào", "60/2014/QH13|13"),
])
def test_search_shows_the_article_whose_title_is_asked_first(library, monkeypatch, question, article):
    monkeypatch.setattr(title_phrase, "SESSION15_TITLE_PHRASE", False)
    assert firsts(library, question)[0] != article
    monkeypatch.setattr(title_phrase, "SESSION15_TITLE_PHRASE", True)
    result = search(library, question, 5)
    assert result.answered and f"{result.hits[0].number}|{result.hits[0].article}" == article


# --- only a passage stating what is asked confirms (dense.SESSION15_CONFIRM_STATES_ASKED) -------------------------

def test_a_close_passage_that_does_not_state_what_is_asked_does_not_confirm(monkeypatch):
    monkeypatch.setattr(dense, "SESSION14_DENSE_CONFIRMS", True)
    close = dense.DenseView(np.array([1, 2, 3], dtype=np.int64), np.array([0.95, 0.80, 0.93], dtype=np.float32))
    monkeypatch.setattr(dense, "SESSION15_CONFIRM_STATES_ASKED", True)
    assert not dense.confirms(close, [1, 2], [False, True])  # the close one states no amount, the other is far
    assert dense.confirms(close, [1, 3], [False, True])  # the third is close and states it
    assert dense.confirms(close, [1, 2])  # nothing asked for (no amount, time or penalty): as before
    monkeypatch.setattr(dense, "SESSION15_CONFIRM_STATES_ASKED", False)
    assert dense.confirms(close, [1, 2], [False, True])


def test_what_a_question_asks_for_is_read_from_its_words():
    # The test SESSION15_CONFIRM_STATES_ASKED applies, on this file's own sentences.
    asks_money = " ".join(fold_tokens("làm lại giấy này hết bao nhiêu tiền"))
    assert not relevance.states_what_is_asked(asks_money, " ".join(fold_tokens("Người yêu cầu nộp tờ khai.")))
    assert relevance.states_what_is_asked(asks_money, " ".join(fold_tokens("Mức thu: 8.000 đồng/bản.")))
    asks_nothing = " ".join(fold_tokens("ai ký giấy này"))
    assert relevance.states_what_is_asked(asks_nothing, " ".join(fold_tokens("Người yêu cầu nộp tờ khai.")))
