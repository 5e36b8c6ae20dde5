"""The assistant's quoted answer starts from the passage the search ranked first (since session 17), not from a
lower passage that merely repeats more of the words."""

from __future__ import annotations

from appliance.knowledge import answer
from appliance.knowledge.search import SearchHit

# Own wording, not from any set: the first passage answers (the time limit), the second repeats the
# question's words in a sentence about something else.
QUESTION = "thời hạn giải quyết yêu cầu cấp bản sao giấy tờ là bao lâu"


def _hit(rank: int, article: str, text: str) -> SearchHit:
    return SearchHit(chunk_id=rank, doc_id=1, title="Văn bản thử", short_title="VB thử", number="1/2099/NĐ-CP",
                     citation=f"Điều {article} VB thử", article=article, clause="", article_title="", snippet=text,
                     text=text, score=1.0 / rank, status="con_hieu_luc", status_label="Còn hiệu lực", in_force=True)


PASSAGES = [
    _hit(1, "7", "Thời hạn giải quyết là trong ngày làm việc; trường hợp nhiều giấy tờ thì không quá 02 ngày."),
    _hit(2, "9", "Người yêu cầu cấp bản sao giấy tờ nộp yêu cầu cấp bản sao tại cơ quan giải quyết yêu cầu đó."),
]


def test_the_first_quoted_sentence_comes_from_the_top_passage() -> None:
    quoted = answer._extractive(QUESTION, PASSAGES)
    assert quoted[0].citations == ["Điều 7 VB thử"]
    assert quoted[0].refs == [1]


def test_a_top_passage_that_shares_too_few_words_is_not_forced_first() -> None:
    weak = [_hit(1, "3", "Văn bản này quy định về tổ chức bộ máy."), PASSAGES[1]]
    quoted = answer._extractive(QUESTION, weak)
    assert [s.citations for s in quoted] == [["Điều 9 VB thử"]]
