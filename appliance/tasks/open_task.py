"""The task the rules are building while the turns are read (`OpenTask`), and the tests of sameness the
merging reads: whose task (`key_of`), whether two descriptions are one job, whether a later turn speaks of it again.
Shared by `proposals.py` and `merge.py`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from appliance.tasks.anchor import Anchor
from appliance.tasks.dialogue import Turn
from appliance.tasks.roster import Person
from appliance.text import fold


@dataclass
class OpenTask:
    """A task proposed while the turns are read: later turns may date, restate, move or cancel it."""

    person: Person
    content: str
    deadline: dt.date | None
    quote: str
    turn: int
    cancelled: bool = False
    called_off: bool = False      # called off in words ("không trực nữa") or given to another
    off_by: str = ""              # the sentence that called it off in words
    said_by: str = ""
    pending: list[dt.date] = field(default_factory=list)
    touched: int = -1             # the last turn that spoke of it
    how: str = "named"            # how the assignee was found, and whether a directive word named them
    directed: bool = False
    restated: bool = False        # spoken of again after it was given
    chair: bool = False           # given in the chair's turn
    self_given: bool = False      # the speaker of that turn is the assignee
    mentions: int = 1             # turns that spoke of it
    echoes: list[str] = field(default_factory=list)  # sentences that confirmed it, not to be added again (session 23)
    # the chair's later sentences giving it by name, with the date each said (session 28)
    chair_said: list[tuple[str, dt.date | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.touched = self.turn


def overlaps(a: str, b: str) -> bool:
    """Two descriptions of one job share a content word ("gửi giấy mời" / "chuẩn bị giấy mời"), or the second
    only says to do it ("Thắng làm xong thứ Hai tuần sau cho anh")."""
    words = {w for w in a.lower().split() if len(w) > 2}
    return not b.strip() or len(b.split()) <= 2 or bool(words & {w for w in b.lower().split() if len(w) > 2}) \
        or _DO_IT.fullmatch(b.lower()) is not None


_DO_IT = re.compile(r"\s*(?:làm|lo|gửi|nộp)(?:\s+(?:xong|nốt|luôn|ngay|tiếp|giúp))*(?:\s+(?:cho|giúp)\s+(?:anh|chị|"
                    r"tôi|em))?\s*")


_GENERIC = {"bao cao", "hoan thanh", "ket qua", "gui toi", "cho toi", "thuc hien", "trien khai", "lam viec", "to chuc"}


def word_pairs(text: str) -> set[str]:
    words = re.findall(r"\w+", fold(text))
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)} - _GENERIC


def same_job(a: str, b: str) -> bool:
    """Two descriptions share at least two syllable pairs beyond the generic ones ("rà soát các công trình sai
    phép" / "rà soát công trình sai phép, hạn 15/12")."""
    return len(word_pairs(a) & word_pairs(b)) >= 2


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 2}


def key_of(person: Person) -> str:
    return person.name or f"voice:{person.staff_id}"


def previous_speaker(lines: Sequence[Turn], turn: Turn) -> Turn | None:
    for earlier in reversed(lines[:turn.index]):
        if earlier.label != turn.label:
            return earlier
    return None


# Session 28 (docs/meetings.md, "Session 28"): a member's own words taken up by the chair a few turns later, giving it
# by name ("Anh An, em xin báo cáo về hội nghị quán triệt tuyển quân, …" — … — "Vậy anh Sơn chuẩn bị nội dung quán
# triệt công tác tuyển quân cho hội nghị sáng 27/11."): one task, and the sentence model reads it on the chair's
# sentence that set its date as well as on the first (`extract._read`): read on the member's report alone it was
# dropped, and the chair's order with it; not the closing recap's list, nor a sentence whose date the task does not
# keep (a different job merged in)
# on by rule R1 (session 28): fresh off alone 672/170/192, on 673/170/191 (fresh8 right +1, missed -1); training
# s11a +1 right (x05, Sơn's conference content)
SESSION28_CHAIR_SAID = True


def support(task: OpenTask, anchor: Anchor, chair: bool = False) -> None:
    """A later turn speaks of the task again: it is surer, and a named or directed mention outranks a pronoun;
    `chair`: that turn is the chair's."""
    task.restated = True
    if SESSION28_CHAIR_SAID and chair and anchor.kind == "task" and anchor.how in ("named", "unit") \
            and not anchor.recap:
        task.chair_said.append((anchor.quote, anchor.deadline))  # "Vậy anh Sơn chuẩn bị … cho hội nghị sáng 27/11."
    task.mentions += 1
    task.directed = task.directed or anchor.directed
    if anchor.how in ("named", "unit") and task.how not in ("named", "unit"):
        task.how = anchor.how
