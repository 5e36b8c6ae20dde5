"""The rules' proposals for a whole meeting: each turn's anchors (`clauses.py`) with the event day "hôm đó" points
to, merged across turns (`merge.py`), then what is no task taken out (withdrawn, asked to speak now, told to the
chair, asked of a resident)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from appliance.tasks import dialogue, withdrawals
from appliance.tasks.anchor import Anchor
from appliance.tasks.clauses import anchors
from appliance.tasks.deadlines import event_date, find_deadline
from appliance.tasks.dialogue import Turn, turns
from appliance.tasks.merge import merge
from appliance.tasks.open_task import OpenTask, key_of, previous_speaker
from appliance.tasks.phrases import AGREE, QUESTION
from appliance.tasks.roster import Person, Roster
from appliance.text import fold
from appliance.text.dates import WorkCalendar

# at a tổ dân phố's own meeting (its title names the tổ), a person outside the ward's directory who is given work (a
# tổ officer named by the transcript: "Hà Văn Nghĩa", "bác Bình") is keyed to the tổ, as the answer keys do (proposals)


def proposals(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None, *,
              roster: Roster | None = None, title: str = "",
              narrow: list[str] | None = None,
              theirs: list[tuple[str, str]] | None = None) -> tuple[list[OpenTask], list[Turn]]:
    """The rules' proposals after merging the turns, and the turns (`narrow` receives the quotes of tasks withdrawn
    by "à thôi" and given again to the same person; `theirs` the quotes of tasks called off in words or given to
    another, with the doer each was withdrawn from: withdrawals.py)."""
    roster = roster or Roster()
    lines = turns(text, roster, title)
    # a speaker the transcript names outside the directory ("Tạ Văn Bình: alo alo, bà con …") is called "bác Bình"
    # in the same meeting: the roster used for that meeting knows them
    roster = roster.with_guests(dict.fromkeys(t.speaker.name for t in lines if t.speaker.kind == "said"))
    found: list[OpenTask] = []
    helping: dict[str, int] = {}  # who was told to help ("Lan tư pháp phối hợp"), and in which turn
    for turn in lines:
        previous = previous_speaker(lines, turn)
        for anchor in anchors(turn, previous, roster, meeting_date, calendar):
            that_day = THAT_DAY.search(anchor.quote.lower())
            if anchor.kind == "task" and anchor.deadline is None and that_day:
                said = event_date(anchor.quote[:that_day.start()], meeting_date, calendar)
                at = turn.text.find(anchor.quote)
                if (said is None or said < meeting_date) and at > 0:
                    said = event_date(turn.text[:at], meeting_date, calendar)  # said earlier in this turn
                anchor = replace(anchor, deadline=said if said is not None and said >= meeting_date
                                 else _that_day(lines, turn, meeting_date, calendar))
            if anchor.kind == "helps" and anchor.person is not None:
                helping[key_of(anchor.person)] = turn.index
            elif not _helper_offer(anchor, turn, helping):
                merge(found, anchor, turn, lines)
    chair = next((t.speaker for t in lines if t.leads), None)
    for o in found:
        o.deadline = o.deadline or _adopted_date(o, lines, meeting_date, calendar)
    group = dialogue.meeting_group(title)
    for o in found:
        if group is not None and o.person.kind == "said":
            # "Bác Nghĩa trưởng ban công tác mặt trận …" — "bác tổng hợp ý kiến …": at the tổ's own
            # meeting someone outside the ward's directory given work speaks for the tổ
            o.person = group
    if theirs is not None:
        theirs += [(o.quote, o.person.name) for o in found if o.cancelled and o.called_off
                   and (not o.off_by or withdrawals.speaks_of(o.off_by, o.quote, o.person.name))]
    if narrow is not None:
        # "Chị Lan … thứ Năm. À thôi, …, chị gửi luôn mai đi.": withdrawn and given again to the same person
        narrow += [o.quote for o in found if o.cancelled and not o.called_off
                   and any(not t.cancelled and key_of(t.person) == key_of(o.person) and 0 <= t.turn - o.turn <= 1
                           for t in found)]
    return [o for o in found if not o.cancelled and not _reported_now(o, lines) and not _to_the_chair(o, chair)
            and not _resident(o.person)], lines


# "Anh An, em đề nghị chị Lan bố trí xe cho đoàn đi thăm ngày 28/1." — "ừ chị Lan lo xe.": the chair agreeing, in
# the next turn and in fewer words, to a member's proposal that named the doer and a date adopts the proposal with
# its date
_PROPOSES = re.compile(r"\b(?:đề nghị|đề xuất|kiến nghị)\b")
_SMALL = {"anh", "chi", "em", "cho", "voi", "va", "nhe", "nha", "luon", "di", "the", "cai", "viec", "nay", "do", "ay"}


def _adopted_date(task: OpenTask, lines: Sequence[Turn], meeting_date: dt.date,
                  calendar: WorkCalendar | None) -> dt.date | None:
    """The date of the member's proposal the chair's undated "ừ X làm …" agrees to, if it is one."""
    if not (task.chair and task.deadline is None and task.person.kind == "staff" and 0 < task.turn < len(lines)
            and AGREE.match(task.quote.lower())):
        return None
    proposal = lines[task.turn - 1]
    said = proposal.text.lower()
    named = fold(task.person.name.split()[-1]).lower() in re.findall(r"\w+", fold(said).lower())
    job = set(re.findall(r"\w+", fold(task.content).lower())[1:]) - _SMALL  # what the job is about, not its verb
    if proposal.leads or not named or not _PROPOSES.search(said) or QUESTION.search(said) \
            or not job & set(re.findall(r"\w+", fold(said).lower())):
        return None
    found = find_deadline(proposal.text, meeting_date, None, calendar)
    return found[0] if found and found[0] >= meeting_date else None


def _resident(person: Person) -> bool:
    """An unnamed voice who said they are a resident (dialogue.RESIDENT); asked of them is no task."""
    return person.kind == "voice" and person.unit == dialogue.RESIDENT


# Session 15 (docs/meetings.md, "Session 15"): "buổi cưỡng chế thì ấn định sáng thứ năm tuần sau ngày mười chín ờ
# công an phường bố trí lực lượng … buổi hôm đấy nhé", cut into two sentences: the event day said earlier in the same
# turn is the one "hôm đấy" points to, before any turn earlier
# "Anh Sơn dự thay anh An nhé, hôm đó anh An đi họp": the day of the event spoken of before is the deadline; also
# "hôm đấy", and the event day said earlier in the same sentence (session 12: "… tổ chức diễn tập … ngày mười tháng
# mười hai anh sơn bố trí dân quân tham gia diễn tập hôm đấy nhé")
THAT_DAY = re.compile(r"\b(?:hôm|ngày|buổi|bữa)\s+(?:đó|ấy|đấy)\b")


def _that_day(lines: Sequence[Turn], turn: Turn, meeting_date: dt.date,
              calendar: WorkCalendar | None) -> dt.date | None:
    """The event day "hôm đó" points back to: the last day said as an event (not a deadline) in the turns
    before, up to eight back."""
    for earlier in reversed(lines[max(0, turn.index - 8):turn.index]):
        day = event_date(earlier.text, meeting_date, calendar)
        if day is not None and day >= meeting_date:
            return day
    return None


def _to_the_chair(task: OpenTask, chair: Person | None) -> bool:
    """"Dạ, tuần này thứ Tư có tiếp công dân, anh chủ trì ạ" said to the chair: what they tell the chair of,
    not a task given to the chair (nobody in the meeting gives the chair work by a pronoun, nor by calling them:
    "Anh An, danh sách quà Tết đã chốt 15/12 …" reports to them)."""
    return chair is not None and chair.kind != "voice" and key_of(task.person) == key_of(chair) \
        and task.how in ("second", "told", "called") and not task.chair and not task.restated


_SPEAK_NOW = re.compile(r"^(?:báo cáo|điểm qua|trình bày|nói|cho biết)\b", re.IGNORECASE)


def _reported_now(task: OpenTask, lines: Sequence[Turn]) -> bool:
    """"Anh Bảo báo cáo nhanh tình hình thu ngân sách." and Bảo reports in the next turn: asked to speak in
    the meeting, done there, no task (one with a deadline is a report to write)."""
    following = lines[task.turn + 1] if task.turn + 1 < len(lines) else None
    return task.deadline is None and not task.restated and _SPEAK_NOW.match(task.content) is not None \
        and following is not None and key_of(following.speaker) == key_of(task.person)


def _helper_offer(anchor: Anchor, turn: Turn, helping: dict[str, int]) -> bool:
    """"Dạ, em chuẩn bị biên bản mẫu ạ" from the one just told to help: their part of the task they help
    with, not a task of their own (one with its own deadline still is)."""
    return anchor.kind == "task" and anchor.how == "first" and anchor.deadline is None \
        and anchor.person is not None and 0 < turn.index - helping.get(key_of(anchor.person), -9) <= 2
