"""A complaint closing with "who answers for this?" (accountability.py, session 17; unconditional since session 19).
Every sentence here was written for these tests (none is from a training, development, held-out or fresh batch): each
closer is in a sentence here."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from appliance.citizen.matching import tokens


def _contains(words: Sequence[str], phrase: str) -> bool:
    wanted = phrase.split()
    return any(list(words[i:i + len(wanted)]) == wanted for i in range(len(words)))


ASKS_WHO_ANSWERS = [  # each closer of accountability.CLOSERS in a complaint written for this test
    "Cống ngõ 5 tắc cả tháng nay, mưa là ngập. Phường có biết không?",
    "Quán nướng đốt than khói mù mịt suốt tối, phường có biết chuyện này không vậy",
    "Cây đổ chắn ngang đường từ hôm qua, ai chịu trách nhiệm dọn?",
    "Bãi xe tự phát thu tiền không vé, ai quản lý cái bãi này?",
    "Hàng thịt bán thịt ôi, có ai kiểm tra không hay để vậy, ai kiểm tra đây?",
    "Đèn đường tắt cả tuần, phường có xử lý được không?",
    "Rác đổ ra bãi đất trống cả tháng, sao phường không cho người dọn, sao không ai nhắc?",
    "Nhà bên xây lấn sang ngõ, tôi báo ba lần rồi, ai giải quyết cho tôi?",
    "Nhóm thanh niên tụ tập đua xe mỗi đêm, phường có làm gì không?",
    "Cán bộ ngồi chơi điện thoại để dân đứng chờ, như thế là phục vụ dân à?",
]
NOT_ASKING_WHO = [  # questions of procedures, FAQ and other offices, some with "ai" or "phường" in them
    "Cho hỏi làm giấy khai sinh thì ai ký, mang giấy tờ gì?",
    "Phường có làm chứng thực vào thứ bảy không?",
    "Ai được nhận trợ cấp người cao tuổi hàng tháng?",
    "Phường mình ở đâu, số điện thoại là gì?",
]


@pytest.mark.parametrize("text", ASKS_WHO_ANSWERS)
def test_a_complaint_asking_who_answers_for_it(text: str) -> None:
    from appliance.citizen.accountability import asks_accountability

    assert asks_accountability(tokens(text))


@pytest.mark.parametrize("text", NOT_ASKING_WHO)
def test_questions_do_not_ask_who_answers(text: str) -> None:
    from appliance.citizen.accountability import asks_accountability

    assert not asks_accountability(tokens(text))


def test_every_closer_is_in_a_sentence_here() -> None:
    from appliance.citizen.accountability import CLOSERS

    said = [tokens(t) for t in ASKS_WHO_ANSWERS]
    assert all(any(_contains(words, " ".join(tokens(c))) for words in said) for c in CLOSERS)


def test_the_south_writes_sinh_sanh() -> None:
    """"sanh" as the south writes "sinh" (vocabulary.southern_sinh, session 17), read as "sinh"; a lobby and
    earthenware keep their words."""
    text = "Con tui mới sanh, làm giấy khai sanh ở đâu"
    assert tokens(text) == ["con", "toi", "moi", "sinh", "lam", "giay", "khai", "sinh", "o", "dau"]
    assert "sinh" not in tokens("Xe máy để chật sảnh chung cư, đồ sành vỡ đầy")
