"""Parts of reading one clause that depend on no setting (split out of clauses.py in session 13, unchanged): where a
doer was found (`Spot`), the deadline and content of a clause, dates said before or after it, the list forms."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from appliance.tasks.anchor import Anchor
from appliance.tasks.cues import head_deadline, units_in
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.dialogue import Turn
from appliance.tasks.phrases import (
    AGREE,
    DEFER,
    JUNK,
    QUESTION,
    VERB_AHEAD,
    verb,
)
from appliance.tasks.roster import Person, Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar


@dataclass(frozen=True)
class Spot:
    start: int
    end: int
    person: Person
    how: str                     # named | unit | first | second
    loose: bool = False          # a pronoun in mid-clause: a task only with a deadline or "sẽ"


# session 9: the shape of a recap without a recap word (clauses.anchors)
LIST_RECAP_PEOPLE = 3  # distinct people named in the one sentence
LIST_RECAP_WORDS = 8   # at most this many words per item, on average


def recap_shaped(sentence: str, roster: Roster) -> bool:
    """Items split by commas, each opening with a person's name, three people or more, a few words each: the
    shape of a recap ("Anh Sơn phát lệnh …, anh Minh xác minh …, chị Hương thăm hỏi …")."""
    people: set[str] = set()
    items = [item for item in re.split(r"[,;:]", sentence) if item.strip()]
    for item in items:
        named = roster.mentions(item, verbs=VERB_AHEAD)
        units = units_in(item, roster)
        if named and not item[:named[0].start].strip():
            people.add(named[0].people[0].name if named[0].people else named[0].said.lower())
        elif units and not item[:units[0][0]].strip():
            people.add(units[0][2].name)
    words = len(re.findall(r"\w+", sentence))
    return len(people) >= LIST_RECAP_PEOPLE and words <= LIST_RECAP_WORDS * len(people)


def deadline_free(scope: str) -> bool:
    """No verb of work after where they will be ("… đi tập huấn cả ngày, mà phương án …")."""
    return not re.search(rf"\b(?:nên|thì)\s+(?:em|tôi)\s+{verb()}\b", scope)


def sentences(text: str, *, pauses: bool = False) -> list[str]:
    """The sentences of a turn; with `pauses` a trailing-off ("...") before a word in lower case does not end one
    ("tổ 10 thì là... bầu xong gửi biên bản …": the doer and the work are one sentence)."""
    out: list[str] = []
    for piece in (s.strip() for s in re.split(r"(?<=[.!?;])\s+", text)):
        if pauses and out and out[-1].endswith("...") and piece[:1].islower():
            out[-1] += " " + piece
        else:
            out.append(piece)
    return [s for s in out if s.strip(" .;")]


def answering(turn: Turn, previous: Turn | None) -> bool:
    """The turn answers a question of the previous speaker ("… em có cần viết tin không ạ?" — "Ừ, em viết
    luôn"): then "em", "anh", "chị" at the head of a clause name the one who asked."""
    return previous is not None and previous.label != turn.label and bool(QUESTION.search(previous.text.lower())) \
        and bool(AGREE.match(normalize(turn.text).lower()))


def object_of(spot: Spot, lower: str, spots: list[Spot]) -> bool:
    """A unit named after a person and a verb in the same clause is what that person works on or through
    ("đồng chí Minh chỉ đạo lực lượng công an phường xử lý…", "anh Bảo chỉ đạo phòng kinh tế xây dựng…")."""
    for other in spots:
        if other.how == "unit" or other.end > spot.start:
            continue
        between = lower[other.end:spot.start]
        if other.how == "first" and re.fullmatch(r"\s*(?:sẽ\s+)?(?:làm|nhận|lo)(?:\s+ạ)?\s*", between):
            continue
        if not re.search(r"[,;:.!?]", between) and re.search(rf"\b{verb()}\b", between):
            return True
    return False


def date_only(lower: str, said: list[Anchor]) -> bool:
    """"…, để chị Hà làm. Xong trước 15/12.": a sentence that is only a deadline, after a task given in the same
    turn, dates that task; it is not said back to the one addressed."""
    return any(a.kind == "task" for a in said) and len(re.findall(r"\w+", lower)) <= 6 \
        and re.match(r"^\W*(?:(?:phải\s+)?(?:xong|hoàn thành|nộp|gửi|báo cáo)\s+)?(?:trước|chậm nhất|hạn|trong|"
                     r"cuối|hết)\b", lower) is not None and not QUESTION.search(lower)


_HESITATION_HEAD = re.compile(r"^(?:(?:thì là|à|ờ|ừm|ơ)?\s*(?:\.\.\.|…)\s*|(?:thì là|à|ờ|ừm|ơ)\s+)+", re.IGNORECASE)
_TO_SOMEONE = re.compile(r"\b(?:gửi|cho|báo|trình|nộp|với|chuyển|đưa)\s+$")


def date_later(sentence: str, said: list[Anchor], roster: Roster, meeting: dt.date,
                calendar: WorkCalendar | None) -> dt.date | None:
    """"Thôi chị Lan lo việc này, phân công lại người cập nhật. Tuần sau anh vào xem phải có tin mới.",
    "Thắng làm việc này. Thắng, thứ Năm tuần sau có danh sách cho anh.": a later sentence of the same turn that
    names no other doer, right after the sentence that gave a task without a date, says that task's date."""
    tasks = [a for a in said if a.kind == "task"]
    if not tasks or tasks[-1].deadline is not None or tasks[-1].person is None or QUESTION.search(sentence) \
            or DEFER.search(sentence.lower()):
        return None
    # one the work goes to ("Báo cho anh Tuấn trong tuần này.") is no other doer
    others = [m for m in roster.mentions(sentence, verbs=VERB_AHEAD) if tasks[-1].person not in m.people
              and not _TO_SOMEONE.search(sentence[max(0, m.start - 12):m.start].lower())]
    found = find_deadline(sentence, meeting, None, calendar)
    return found[0] if found is not None and not others else None


REQUIRED = re.compile(r"\bphải\s+(?:xong|hoàn thành|có|nộp|gửi|dứt điểm|xử lý xong)\b|\blà\s+hạn\b")


def required_before(sentence: str, found_here: list[Anchor], required: dt.date | None, roster: Roster,
                     meeting: dt.date, calendar: WorkCalendar | None) -> tuple[list[Anchor], dt.date | None]:
    """The sentence's anchors (dated by the requirement said just before, if theirs say no date) and the date of a
    requirement this sentence states for the next."""
    tasks = [a for a in found_here if a.kind == "task"]
    if required is not None and tasks and all(a.deadline is None for a in tasks):
        return [replace(a, deadline=required) if a.kind == "task" else a for a in found_here], None
    lower = sentence.lower()
    if found_here or not REQUIRED.search(lower) or QUESTION.search(lower) or roster.mentions(sentence,
                                                                                               verbs=VERB_AHEAD):
        return found_here, None
    due = find_deadline(sentence, meeting, None, calendar)
    return found_here, (due[0] if due is not None and due[0] >= meeting else None)


def list_date(text: str, lower: str, led: list[Spot], i: int, deadline: dt.date | None,
               fronted: dt.date | None, meeting: dt.date, calendar: WorkCalendar | None
               ) -> tuple[dt.date | None, dt.date | None]:
    """The item's deadline and the list's fronted date, as it stands after this item."""
    spot = led[i]
    if i == 0:
        if deadline is None or spot.how not in ("named", "unit"):
            return deadline, None
        own = find_deadline(text[spot.end:led[1].start if len(led) > 1 else len(text)], meeting, None, calendar)
        return deadline, deadline if own is None else None  # the date came from before the doer
    between = lower[led[i - 1].end:spot.start]
    if fronted is None or spot.how not in ("named", "unit") or not re.search(r",\s*$", between) \
            or re.search(r"\bcòn\s*$", between) or re.search(r"[.;:!?]", between):
        return deadline, None
    return (deadline, fronted) if deadline is not None else (fronted, fronted)


def deadline_and_content(text: str, spot: Spot, stop: int, led: list[Spot], meeting: dt.date,
                          calendar: WorkCalendar | None) -> tuple[dt.date | None, str]:
    scope = text[spot.end:stop]
    # A name inside the scope is not a date ("mai" is tomorrow, and Vũ Thị Mai).
    masked = "".join(" " if any(s.start <= spot.end + i < s.end for s in led) else ch for i, ch in enumerate(scope))
    found = find_deadline(masked, meeting, None, calendar)
    if found is None and spot.start > 0:
        found = head_deadline(text[:spot.start], meeting, calendar, text[spot.end:])
    if found is None and led and spot is led[-1] and spot.start > 0:
        found = find_deadline(text[:spot.start], meeting, None, calendar) if re.search(
            r"\b(?:thì|nhé)\s*$", text[:spot.start].lower()) else None
        found = None if found is None else (found[0], 0, 0)
    body = scope
    if found is not None and found[2] > 0:
        body = scope[:found[1]] + scope[found[2]:]
    body = _HESITATION_HEAD.sub("", body.lstrip(" ,"))  # "tổ 10 thì là... gửi biên bản …": not the hesitation
    content = JUNK.sub(" ", body)
    content = re.sub(r"\s+", " ", content).strip(" ,.;:-–")
    content = re.sub(r"(?:[,\s]+(?:hoàn thành|xong|hạn chót là|thời hạn|chậm nhất|trước|trong|vào|ngay|hạn|cũng|"
                     r"phải|còn|thì|và))+\s*$", "", content, flags=re.IGNORECASE).strip(" ,.;:-–")
    return (found[0] if found else None), content[:1].upper() + content[1:]
