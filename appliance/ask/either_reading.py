"""Session 16: questions that writers of leaders' questions read two ways, so no answer is safe.

A bare noun phrase of the records or the feedback ("hồ sơ trễ hạn hôm qua", "phản ánh an ninh trật tự chưa xử lý",
"hồ sơ trích lục hộ tịch quý này") says neither a figure word ("bao nhiêu", "số", "mấy") nor a list word ("danh sách",
"liệt kê", "những … nào"). The earlier writers mean the count, the writers of sessions 14 and 15 the records
themselves; the box had answered the count, a confident wrong for every reader who meant the list. Such a question is
"unsure", and its suggestions offer both readings, each said so that it is answered ("Số …", "Danh sách …"). Tested in
tests/ask/test_session16.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from appliance.ask.measures import QUANTITY_WORDS
from appliance.ask.tokens import Tokens
from appliance.ask.vocab import FEEDBACK_STATUSES, STATUSES
from appliance.reporting.measures import MEASURES

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

BARE_NOUN_PHRASE = ("câu hỏi chỉ nêu hồ sơ / phản ánh, không nói cần con số hay danh sách; hãy hỏi «số …» hoặc "
                    "«danh sách …»")
# the nouns a bare phrase opens with, folded and written out ("hs", "PAKN", "pa" are these already); "kiến nghị" since
# session 27 (record_lists, plain behaviour since session 29)
_HEADS = (["ho", "so"], ["phan", "anh"], ["kien", "nghi"])
# words that ask whether, how or which, besides the measures' QUANTITY_WORDS ("bao nhiêu", "số lượng", "tổng"…): a
# question, not a noun phrase ("hồ sơ tháng 10 có trễ hạn không", "phản ánh tuần này thế nào")
_ASKING = {"co", "khong", "sao", "nao", "gi", "ai"}
# the words of a report's figure at a day or up to it ("… tính đến ngày 31/10", "… tại thời điểm 30/9", "lũy kế …")
_AS_OF = ["tinh den", "tinh toi", "tai thoi diem", "luy ke"]
_STATUS_PHRASES = [p for phrases in (*STATUSES.values(), *FEEDBACK_STATUSES.values()) for p in phrases]


def bare_noun_phrase(tokens: Tokens, intent: Intent) -> str:
    """The reason (Vietnamese) where the question is a bare noun phrase of records or feedback counted, else ""."""
    if intent.domain not in ("ho_so", "phan_anh"):
        return ""
    if intent.listing or intent.group or intent.per or intent.missing is not None:
        return ""
    if intent.compare is not None or intent.compare_asof is not None:
        return ""
    if not intent.measures or any(MEASURES[m].kind != "count" for m in intent.measures):
        return ""
    items = tokens.items
    if not any(items[:len(head)] == head for head in _HEADS):
        return ""  # "trễ hạn tháng này?": no noun phrase of the records, a question about a figure
    if any(tokens.has(w) for w in QUANTITY_WORDS + _AS_OF):
        return ""
    text = f" {' '.join(items)} "
    for phrase in sorted(_STATUS_PHRASES, key=len, reverse=True):
        text = text.replace(f" {phrase} ", " _ ")  # "chưa có ai nhận": a status, its "có ai" asks nothing
    if any(w in _ASKING for w in text.split()) or items[-1:] == ["chua"] or "?" in tokens.question:
        return ""  # a question ("… đã giải quyết chưa", "… tháng này?"), not a noun phrase
    return BARE_NOUN_PHRASE


def both_readings(question: str) -> list[str]:
    """The question said both ways: the count, then the records."""
    said = question.strip().rstrip(".?!")
    first = said.split(" ", 1)[0]
    if not first.isupper():  # "Hồ sơ …" → "hồ sơ …"; "PAKN …", "HS …" keep their capitals
        said = said[:1].lower() + said[1:]
    return [f"Số {said}", f"Danh sách {said}"]
