"""The article whose whole title the question repeats, and how the office seals: session 20's legal search behaviours,
plain behaviour since session 22 (rule R8; docs/knowledge.md, "Session 20", "Session 22"). The sentences here are this
file's own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import official_words, title_asked
from appliance.knowledge.search import search
from appliance.text import fold_tokens


def _folded(text: str) -> str:
    return f" {' '.join(fold_tokens(text))} "


def _row(title: str, text: str = "quy định chung", status: str = "con_hieu_luc", repealed: int = 0) -> dict:
    return {"article_title": title, "folded": " ".join(fold_tokens(text)), "status": status, "repealed": repealed}


# --- the question repeats the whole title of the article ranked first ------------------------------------------------

def test_a_title_is_repeated_when_every_content_syllable_is_asked():
    assert title_asked.repeats_title(_folded("giờ muốn rút khiếu nại thì làm sao"), "Rút khiếu nại")
    assert title_asked.repeats_title(_folded("thoi hieu khieu nai la bao lau"), "Thời hiệu khiếu nại")
    assert not title_asked.repeats_title(_folded("muốn rút đơn thì làm sao"), "Rút khiếu nại")      # "khiếu nại" unsaid
    assert not title_asked.repeats_title(_folded("khám bệnh ở đâu"), "Khám bệnh")                    # too short a title


ONE = "bà ấy muốn rút khiếu nại thì làm sao"
BOTH = "bà ấy muốn rút khiếu nại và rút tố cáo thì làm sao"


@pytest.mark.parametrize(("question", "rows", "answers"), [
    (ONE, [_row("Rút khiếu nại"), _row("Đơn khiếu nại")], True),
    (BOTH, [_row("Rút khiếu nại"), _row("Rút tố cáo")], False),     # two titles repeated: the question does not choose
    (ONE, [_row("Rút khiếu nại"), _row("Rút tố cáo")], True),       # the other title is not asked
    (ONE, [_row("Rút khiếu nại"), _row("Rút khiếu nại", "điều khác")], True),   # one title held by two articles
    (ONE, [_row("Rút khiếu nại", status="het_hieu_luc")], False),    # out of force
    (ONE, [_row("Rút khiếu nại", repealed=1)], False),
    (ONE, [_row("Đơn khiếu nại"), _row("Rút khiếu nại")], False),    # not the first passage
])
def test_the_first_passage_answers_by_its_title_alone(question, rows, answers):
    assert title_asked.title_answers(_folded(question), rows) is answers


def test_a_passage_that_does_not_state_the_time_asked_does_not_answer():
    question = _folded("rút khiếu nại trong bao nhiêu ngày")
    assert not title_asked.title_answers(question, [_row("Rút khiếu nại", "người khiếu nại có thể rút")])
    assert title_asked.title_answers(question, [_row("Rút khiếu nại", "trong thời hạn 10 ngày")])


@pytest.mark.parametrize(("question", "article"), [
    ("bà ấy đã gửi đơn rồi, giờ muốn rút khiếu nại thì viết giấy hay nói với ai, cơ quan có dừng xử lý không",
     "02/2011/QH13|10"),
    ("anh tôi gửi tố cáo xong lại đổi ý, muốn rút tố cáo thì làm sao, người bị tố cáo có bị xử lý tiếp không",
     "31/2019/NĐ-CP|4"),
    ("thoi hieu khieu nai la bao lau, neu bi tai nan nam vien thi co duoc tinh lai khong", "02/2011/QH13|9"),
])
def test_a_long_question_repeating_the_title_is_answered(library, question, article):
    on = search(library, question, 5)
    assert on.answered and article in [f"{h.number}|{h.article}" for h in on.hits]


def test_two_titles_repeated_stay_not_found(library):
    assert not search(library, "muốn rút khiếu nại và rút tố cáo đã gửi thì làm thế nào", 5).answered


# --- how the office puts its seal on a signature or across pages: Nghị định 30/2020 ---------------------------------

@pytest.mark.parametrize("question", [
    "văn thư đóng dấu lên chữ ký của chủ tịch thì phải trùm bao nhiêu",
    "dong dau giap lai cho van ban nhieu trang the nao",
    "đóng dấu treo và dấu giáp lai khác nhau ra sao",
    "đóng dấu bằng mực dấu màu gì",
])
def test_a_question_on_how_to_seal_asks_the_seal_rule(question):
    assert [rule.family for rule in official_words.asked(_folded(question))] == ["seal"]


@pytest.mark.parametrize("question", [
    "bản chính có đóng dấu mật thì có chứng thực được không",        # a paper brought for certification
    "chứng thực chữ ký xong có đóng dấu lên chữ ký không",
    "giấy tờ tự lập có cần đóng dấu của cơ quan không",               # no how
    "chữ ký số của cơ quan dùng khi nào",
])
def test_other_questions_on_seals_or_signatures_ask_no_seal_rule(question):
    assert not [rule for rule in official_words.asked(_folded(question)) if rule.family == "seal"]


@pytest.mark.parametrize("question", [
    "văn thư đóng dấu lên chữ ký của chủ tịch thì phải trùm bao nhiêu",      # bridged to chứng thực chữ ký
    "dong dau giap lai cho van ban nhieu trang the nao",                     # not found before
])
def test_the_seal_rule_comes_first(library, question):
    on = search(library, question, 5)
    assert on.answered and f"{on.hits[0].number}|{on.hits[0].article}" == "30/2020/NĐ-CP|33"
