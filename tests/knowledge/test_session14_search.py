"""Session 14: legal search with the packaged embedder's evidence, behind a SESSION14_* flag read at call time
(docs/knowledge.md, "Session 14"; the flags off by rule R1 were retired in session 16). The sentences here are this
file's own, not the blind writer's."""

from __future__ import annotations

import numpy as np
import pytest

from appliance.knowledge import dense
from appliance.knowledge.search import search

# --- the embedder confirms the passages shown first ---------------------------------------------------------------

def view(**similarities: float) -> dense.DenseView:
    ids = np.array([int(k[1:]) for k in similarities], dtype=np.int64)
    return dense.DenseView(ids, np.array(list(similarities.values()), dtype=np.float32))


def test_a_passage_shown_first_close_in_meaning_confirms_the_answer(monkeypatch):
    monkeypatch.setattr(dense, "SESSION14_DENSE_CONFIRMS", True)
    close = view(c1=0.80, c2=0.93, c3=0.85, c4=0.99)
    assert dense.confirms(close, [1, 2, 3])
    assert not dense.confirms(close, [1, 3, 5, 4])  # the fourth passage is not among those shown first
    assert not dense.confirms(view(c1=0.90, c2=0.905), [1, 2])  # below the bar
    assert not dense.confirms(None, [1, 2])  # no embedder, or nothing embedded yet
    assert not dense.confirms(close, [])
    monkeypatch.setattr(dense, "SESSION14_DENSE_CONFIRMS", False)
    assert not dense.confirms(close, [1, 2, 3])


def test_the_bar_lies_above_the_questions_without_text_measured():
    # docs/knowledge.md "Session 14": the highest question without text here scored 0,903 on the training half.
    assert 0.903 < dense.DENSE_CONFIRM_SIMILARITY < 0.911


@pytest.fixture(scope="module")
def embedded(library):
    from tests.knowledge.embedded import embed_library, packaged_embedder

    embedder = packaged_embedder()
    embed_library(library, embedder)  # from .cache/knowledge-vectors when it holds them; else a quarter of an hour
    return embedder


@pytest.mark.slow
def test_the_embedder_confirms_a_precise_question_in_other_words(library, embedded, monkeypatch):
    question = "Tôi đã gửi đơn khiếu nại nhưng nay muốn rút lại đơn thì phải làm những gì?"
    monkeypatch.setattr(dense, "SESSION14_DENSE_CONFIRMS", False)
    before = search(library, question, 5, embedder=embedded)
    monkeypatch.setattr(dense, "SESSION14_DENSE_CONFIRMS", True)
    after = search(library, question, 5, embedder=embedded)
    assert not before.answered
    assert after.answered and any(h.number == "02/2011/QH13" and h.article == "10" for h in after.hits)
    assert not search(library, question, 5).answered  # BM25 alone: no embedder, nothing changes


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "thủ tục cấp sổ đỏ lần đầu cho đất ở",                 # đất đai: no text here
    "mức đóng bảo hiểm xã hội tự nguyện năm nay là bao nhiêu",
    "xin giấy phép kinh doanh quán cà phê ở đâu",
])
def test_questions_without_text_here_stay_not_found(library, embedded, monkeypatch, question):
    monkeypatch.setattr(dense, "SESSION14_DENSE_CONFIRMS", True)
    assert not search(library, question, 5, embedder=embedded).answered
