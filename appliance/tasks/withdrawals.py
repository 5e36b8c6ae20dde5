"""A task the meeting withdrew or put off (docs/meetings.md, "Session 14", "Session 15").

Session 13's two withdrawal settings each fixed the withdrawn duty ("Chị Hà trực thứ Bảy ngày 5/12." — "À năm nay
thôi, không trực nữa.": the sentence model added it back) and each cost a right task on the fresh sets; session 14's
narrower forms of them were switched off by rule R1 and retired in session 16. What stays (unconditional since
session 18): the sentence model does not add back a withdrawn task's sentence for the doer it was withdrawn from,
when a cancel in words speaks of that task (session 15); a cancel that says the work of its own sentence again, a
task superseded by "à thôi", and a work the chair puts off (session 14).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from appliance.text import fold

# Session 15 (docs/meetings.md, "Session 15"): session 14's form kept the sentence model from a withdrawn task's
# sentence whoever the model read in it; a sentence that gave two people work ("Chị Lan in giấy mời, Mai gửi các tổ
# trước thứ Sáu." — "Thôi giấy mời không in nữa") lost the other's task with it. Now the sentence is kept only from
# the doer it was withdrawn from: read for anyone else, the model may still add it.
# "Còn trực thứ Bảy ngày 2/1 thì năm nay thôi, không trực nữa.": a sentence that names a work and calls it off in the
# same breath, the form saying that work again ("trực … không trực nữa"), gives nothing; a form that names no work of
# the sentence ("Chị Lan gửi lại bản mới, bản cũ không cần nữa") leaves its task (clauses.anchors)
# "Chị Lan lập lịch trực gửi tôi thứ Năm. À thôi, thứ Năm tôi họp …, chị gửi luôn mai đi.": a task withdrawn by "à
# thôi" and given again to the same person in that turn or the next is superseded; the sentence model does not add its
# first sentence back (with its old date), as a task called off is kept (proposals.proposals)
# the chair putting off a work named ("Ừ thôi thế máy tính để sang năm tính, chưa cần." after "Được đấy, chị Hà làm
# tờ trình mua máy …"): that work, given in the last two turns, is withdrawn; a deferral naming no work of a task
# given before leaves it (merge.merge)
DEFER_NAMED = re.compile(r"(?P<work>[^,.;:?!]{3,60}?)\s+(?:thì\s+)?(?:(?<!không )(?<!đừng )để\s+"
                         r"(?:sau|sang năm|năm sau|đầu năm|sau tết|qua tết|sang tháng)(?:\s+(?:hãy\s+|mới\s+)?tính)?|"
                         r"tính sau|tạm hoãn|hoãn lại)\b")

# what a cancel says besides the work it names: the words of calling off, pronouns, particles, time
_NOT_WORK = frozenset(
    "thoi khong can phai nua lam viec nay day khoi huy rut lai anh chi toi nhe the thi roi cai vay duoc luon minh "
    "chung bac ong hom nam mai tuan sau truoc cung vao nhu con dau tam chua giao lo ban".split())



def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text).lower()) if len(w) > 2}


def form_text(lower: str, at: int) -> str:
    """The words of the withdrawal form at `at`: up to its "nữa" ("thôi, không trực nữa", "không cần in giấy nữa"),
    else to the end of its clause ("khỏi in", "thôi việc đó hủy")."""
    rest = lower[at:]
    more = re.search(r"\bnữa\b", rest[:60])
    return rest[:more.end()] if more else re.split(r"(?<=\w)\s*[,;.!?]", rest, maxsplit=1)[0]


def repeats_work(lower: str, at: int) -> bool:
    """The withdrawal form at `at` says again a word of the work named before it in the sentence."""
    said = _words(form_text(lower, at)) - _NOT_WORK
    return bool(said & (_words(lower[:at]) - _NOT_WORK))


def shares_work(work: str, content: str) -> bool:
    """The work a deferral names is a word of the task's own work, accents kept ("chợ" is not "cho"); a work opened
    by "còn" ("Còn đề xuất mua máy quét thì để sau tính") is another matter."""
    if re.match(r"^\W*(?:(?:ừ|ờ|à|thế|vậy|thôi)\W+)*còn\b", work.lower()):
        return False
    return bool(_accented(work) & _accented(content))


def _accented(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 1 and fold(w).lower() not in _NOT_WORK}


def speaks_of(cancel: str, quote: str, name: str) -> bool:
    """A cancel in words (`form_text`) is about this task: it names no work, or a word of the task's sentence, or
    its doer."""
    said = _words(cancel) - _NOT_WORK
    given = fold(name.split()[-1]).lower() if name else ""
    return not said or bool(said & _words(quote)) or given in re.findall(r"\w+", fold(cancel).lower())


def same_sentence(sentence: str, quotes: Sequence[str]) -> bool:
    """The sentence is one of these quotes: each covers most of the other's words."""
    words = _words(sentence)
    return any(words and len(words & q) >= 0.8 * max(len(words), len(q)) for q in map(_words, quotes))
