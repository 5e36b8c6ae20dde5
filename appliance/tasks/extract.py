"""Rule-based Vietnamese task extraction from meeting transcripts (the "rules" engine).

Meetings give work as people talk, not as a secretary writes: "giao anh Hùng rà soát… trước ngày 5/12";
"Tuấn chuẩn bị quà, xong trước thứ Ba nhé"; "để em viết ạ" (volunteering); "Ừ, em viết luôn" (to whoever
asked); "chị Lan dự thảo… à thôi, Tuấn làm luôn" (withdrawn, given to another); "em gửi trước thứ Tư được
không" — "ừ, thứ Tư" (a deadline changed); lower-case recogniser text without punctuation. Not tasks:
reports of what was done ("đã…", "xong rồi"), questions, deferrals ("để sau tính", "chưa cần"), conditions
("nếu có thời gian thì…"), someone coordinating ("Mai phối hợp": the task stays with the one who leads).

Per sentence (`clauses.py`): anchors are who is told to act — a name or unit before a verb of work, after a
directive word ("giao", "đề nghị", "yêu cầu", "nhờ", "phân công"), or a pronoun: first person is the
speaker volunteering, second person the one addressed (a vocative, else the previous speaker). Across
turns (`merge`): the same person again in the same turn, or confirming/accepting in the next turns, is the
same task (the last deadline said wins); a withdrawal cancels. Assignees are matched to the ward's
directory and units (`roster.py`): the tracker stores the full name, the unit and the staff id.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from appliance.tasks import clause_model, dialogue, withdrawals
from appliance.tasks import clauses as clause_rules
from appliance.tasks import roster as roster_rules
from appliance.tasks.anchor import Anchor
from appliance.tasks.clause_add import additions
from appliance.tasks.clauses import anchors
from appliance.tasks.confidence import Evidence, assess, doubts
from appliance.tasks.deadlines import event_date, find_deadline
from appliance.tasks.dialogue import Turn, as_typed, turns
from appliance.tasks.phrases import AGREE, QUESTION, RECAP
from appliance.tasks.roster import Person, Roster
from appliance.tasks.scorer import BY_DEFAULT, Candidate, model
from appliance.text import fold
from appliance.text.dates import WorkCalendar


@dataclass(frozen=True)
class ExtractedTask:
    assignee: str
    unit: str
    content: str
    deadline: str | None
    quote: str
    staff_id: int | None = None   # the ward directory's person, when the assignee is one
    confidence: float = 1.0       # how sure the engine is (confidence.py); below THRESHOLD: "cần xác nhận"
    review: str = ""              # what the secretary should check, Vietnamese; "" when the proposal is firm

    def as_dict(self) -> dict[str, str | None]:
        """The fields of POST /api/v1/tasks/extract, exactly as CONTRACT §2 lists them (the tracker's
        GET /api/v1/tasks carries confidence and review)."""
        return {"assignee": self.assignee, "unit": self.unit, "content": self.content, "deadline": self.deadline,
                "quote": self.quote}


@dataclass
class _Open:
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

    def __post_init__(self) -> None:
        self.touched = self.turn


def _overlap(a: str, b: str) -> bool:
    """Two descriptions of one job share a content word ("gửi giấy mời" / "chuẩn bị giấy mời"), or the second
    only says to do it ("Thắng làm xong thứ Hai tuần sau cho anh")."""
    words = {w for w in a.lower().split() if len(w) > 2}
    return not b.strip() or len(b.split()) <= 2 or bool(words & {w for w in b.lower().split() if len(w) > 2}) \
        or _DO_IT.fullmatch(b.lower()) is not None


_DO_IT = re.compile(r"\s*(?:làm|lo|gửi|nộp)(?:\s+(?:xong|nốt|luôn|ngay|tiếp|giúp))*(?:\s+(?:cho|giúp)\s+(?:anh|chị|"
                    r"tôi|em))?\s*")


_GENERIC = {"bao cao", "hoan thanh", "ket qua", "gui toi", "cho toi", "thuc hien", "trien khai", "lam viec", "to chuc"}


def _pairs(text: str) -> set[str]:
    words = re.findall(r"\w+", fold(text))
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)} - _GENERIC


def _same_job(a: str, b: str) -> bool:
    """Two descriptions share at least two syllable pairs beyond the generic ones ("rà soát các công trình sai
    phép" / "rà soát công trình sai phép, hạn 15/12")."""
    return len(_pairs(a) & _pairs(b)) >= 2


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text)) if len(w) > 2}


def _key(person: Person) -> str:
    return person.name or f"voice:{person.staff_id}"


def extract_tasks(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None, *,
                  roster: Roster | None = None, title: str = "", fitted: bool | None = None,
                  clauses: bool | clause_model.ClauseModel | None = None) -> list[ExtractedTask]:
    """The rules' proposals, each read by the fitted scorer (scorer.py) when its weights are installed and
    `fitted` (default: scorer.BY_DEFAULT): the unlikely ones are dropped, the doubtful ones marked "cần xác
    nhận", and its probability is the confidence. Without it, the rules' evidence-count confidence
    (confidence.py). With `clauses` (default: clause_model.BY_DEFAULT) and its weights installed, proposals
    whose sentence the fitted sentence model finds unlikely to give work are dropped first, and sentences it is
    sure give work that no proposal quotes are added (clause_add.py); a model may be passed (fit_clauses.py).
    """
    scorer = model() if (BY_DEFAULT if fitted is None else fitted) else None
    roster = roster or Roster()
    narrow: list[str] = []
    theirs: list[tuple[str, str]] = []
    found, lines = _proposals(text, meeting_date, calendar, roster=roster, title=title, narrow=narrow,
                              theirs=theirs)
    last = max(1, len(lines) - 1)
    wanted = clause_model.BY_DEFAULT if clauses is None else clauses
    reader = wanted if isinstance(wanted, clause_model.ClauseModel) else clause_model.model() if wanted else None
    if reader is not None:
        names = clause_model.given_names(m.full_name for m in roster.members)
        kept = [o for o in found if reader.probability(o.quote, names, o.chair) >= reader.drop]
        given = {(o.person.name, o.deadline) for o in kept}
        quotes = [o.quote for o in found]
        added = additions(lines, quotes, given, reader, names, roster, meeting_date, calendar,
                          narrow, theirs)
        found = kept + [_Open(a.person, a.quote, a.deadline, a.quote, a.turn, how="model", chair=a.chair)
                        for a in added]
    if SESSION17_LONE_OFFER:
        found = [o for o in found if not _lone_offer(o)]
    if SESSION17_MEMBER_NAMES:
        found = [o for o in found if not _member_names(o)]
    if SESSION17_LONE_PRONOUN:
        found = [o for o in found if not _lone_pronoun(o)]
    if scorer is None:
        return [_task(o, lines) for o in found]
    out: list[ExtractedTask] = []
    for o in found:
        task, candidate = _task(o, lines), _candidate(o, last)
        p = scorer.probability(candidate)
        if p < scorer.drop:
            continue
        # The rules' own doubts still count: the probability is fitted mostly on wording the rules were tuned
        # on, so it is overconfident on new wording (cross-validated on the session 6 batch: firm 61 of 72
        # right, "cần xác nhận" 9 of 23).
        review = task.review or ("" if p >= scorer.review else (candidate.reasons or _DOUBTFUL))
        out.append(replace(task, confidence=round(p, 2), review=review))
    return out


_DOUBTFUL = "lời giao việc chưa rõ ràng (mô hình đánh giá thấp)"

# Session 17 (docs/meetings.md, "Session 17"): a speaker's own offer with no date that nobody took up afterwards
# ("dạ em nhận ạ", "em sẽ cử cảnh sát khu vực đi cùng Thắng ạ", "số liệu thì anh sẽ nhắc các phòng") is no task: on
# the training batches such offers were a bare acceptance of a task read elsewhere, a helper's part, the chair's own
# step or a request for leave far more often than work given; the secretary adds the rare real one by hand
SESSION17_LONE_OFFER = True  # on by rule R1 (session 17)


def _lone_offer(o: _Open) -> bool:
    return o.how == "first" and o.deadline is None and not o.restated


# Likewise a member other than the chair naming someone else for an undated job that nobody took up ("dạ chợ do
# phường quản lý, Phòng Kinh tế theo dõi ạ", "… chị lan kiểm tra lại giúp em"): whose job it is, or a favour asked
# between colleagues, more often than work given (training: 3 right, 6 wrong)
SESSION17_MEMBER_NAMES = True  # on by rule R1 (session 17)


# And an undated job whose doer is only inferred from the dialogue (a pronoun, a call, an order without a subject) and
# nobody took up ("ừ tốt em làm đi", "…, chị qua xem nhé"): approving what was said, or a request to a resident,
# more often than work given (training: 2 right, 4 wrong)
SESSION17_LONE_PRONOUN = True  # on by rule R1 (session 17)


def _lone_pronoun(o: _Open) -> bool:
    return o.how in ("second", "called", "told") and o.deadline is None and not o.restated


def _member_names(o: _Open) -> bool:
    return o.how in ("named", "unit") and not o.chair and not o.self_given and not o.directed \
        and o.deadline is None and not o.restated


def candidates(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None, *,
               roster: Roster | None = None, title: str = "") -> list[tuple[ExtractedTask, Candidate]]:
    """Every task the rules propose, with what the scorer reads of it (fit.py; extract_tasks builds the
    scorer's view only when a scorer is asked)."""
    found, lines = _proposals(text, meeting_date, calendar, roster=roster, title=title)
    return [(_task(o, lines), _candidate(o, max(1, len(lines) - 1))) for o in found]


def _proposals(text: str, meeting_date: dt.date, calendar: WorkCalendar | None = None, *,
                roster: Roster | None = None, title: str = "",
                narrow: list[str] | None = None,
                theirs: list[tuple[str, str]] | None = None) -> tuple[list[_Open], list[Turn]]:
    """The rules' proposals after merging the turns, and the turns (`narrow` receives the quotes of tasks withdrawn
    by "à thôi" and given again to the same person: withdrawals.SESSION14_SUPERSEDED; `theirs` the quotes of tasks
    called off in words or given to another, with the doer each was withdrawn from: withdrawals.SESSION15_WITHDRAWN)."""
    roster = roster or Roster()
    lines = turns(text, roster, title)
    if roster_rules.SESSION17_GUEST_NAMES:
        roster = roster.with_guests(dict.fromkeys(t.speaker.name for t in lines if t.speaker.kind == "said"))
    found: list[_Open] = []
    helping: dict[str, int] = {}  # who was told to help ("Lan tư pháp phối hợp"), and in which turn
    for turn in lines:
        previous = _previous_speaker(lines, turn)
        for anchor in anchors(turn, previous, roster, meeting_date, calendar):
            that_day = THAT_DAY.search(anchor.quote.lower())
            if anchor.kind == "task" and anchor.deadline is None and that_day:
                said = event_date(anchor.quote[:that_day.start()], meeting_date, calendar)
                at = turn.text.find(anchor.quote)
                if SESSION15_THAT_DAY_TURN and (said is None or said < meeting_date) and at > 0:
                    said = event_date(turn.text[:at], meeting_date, calendar)  # said earlier in this turn
                anchor = replace(anchor, deadline=said if said is not None and said >= meeting_date
                                 else _that_day(lines, turn, meeting_date, calendar))
            if SESSION17_BEFORE_EVENT and anchor.kind == "task" and anchor.deadline is None:
                anchor = replace(anchor, deadline=_before_event(anchor.quote, lines, turn, meeting_date, calendar))
            if anchor.kind == "helps" and anchor.person is not None:
                helping[_key(anchor.person)] = turn.index
            elif not _helper_offer(anchor, turn, helping):
                _merge(found, anchor, turn, lines)
    chair = next((t.speaker for t in lines if t.leads), None)
    if SESSION17_ADOPTED:
        for o in found:
            o.deadline = o.deadline or _adopted_date(o, lines, meeting_date, calendar)
    group = dialogue.meeting_group(title) if SESSION16_GROUP_OFFICER else None
    for o in found:
        if group is not None and o.person.kind == "said":
            # "Bác Nghĩa trưởng ban công tác mặt trận …" — "bác tổng hợp ý kiến …": at the tổ's own
            # meeting someone outside the ward's directory given work speaks for the tổ
            o.person = group
    if theirs is not None and withdrawals.SESSION15_WITHDRAWN:
        theirs += [(o.quote, o.person.name) for o in found if o.cancelled and o.called_off
                   and (not o.off_by or withdrawals.speaks_of(o.off_by, o.quote, o.person.name))]
    if narrow is not None and withdrawals.SESSION14_SUPERSEDED:
        # "Chị Lan … thứ Năm. À thôi, …, chị gửi luôn mai đi.": withdrawn and given again to the same person
        narrow += [o.quote for o in found if o.cancelled and not o.called_off
                   and any(not t.cancelled and _key(t.person) == _key(o.person) and 0 <= t.turn - o.turn <= 1
                           for t in found)]
    return [o for o in found if not o.cancelled and not _reported_now(o, lines) and not _to_the_chair(o, chair)
            and not _resident(o.person)], lines


# Session 17 (docs/meetings.md, "Session 17"): "Anh An, em đề nghị chị Lan bố trí xe cho đoàn đi thăm ngày 28/1." —
# "ừ chị Lan lo xe.": the chair agreeing, in the next turn and in fewer words, to a member's proposal that named the
# doer and a date adopts the proposal with its date
SESSION17_ADOPTED = True  # on by rule R1 (session 17)
_PROPOSES = re.compile(r"\b(?:đề nghị|đề xuất|kiến nghị)\b")
_SMALL = {"anh", "chi", "em", "cho", "voi", "va", "nhe", "nha", "luon", "di", "the", "cai", "viec", "nay", "do", "ay"}


def _adopted_date(task: _Open, lines: Sequence[Turn], meeting_date: dt.date,
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
    """dialogue.SESSION16_RESIDENT: an unnamed voice who said they are a resident; asked of them is no task."""
    return dialogue.SESSION16_RESIDENT and person.kind == "voice" and person.unit == dialogue.RESIDENT


# Session 15 (docs/meetings.md, "Session 15"): "buổi cưỡng chế thì ấn định sáng thứ năm tuần sau ngày mười chín ờ
# công an phường bố trí lực lượng … buổi hôm đấy nhé", cut into two sentences: the event day said earlier in the same
# turn is the one "hôm đấy" points to, before any turn earlier
SESSION15_THAT_DAY_TURN = True  # on by rule R1 (session 15)
# "Anh Sơn dự thay anh An nhé, hôm đó anh An đi họp": the day of the event spoken of before is the deadline; also
# "hôm đấy", and the event day said earlier in the same sentence (session 12: "… tổ chức diễn tập … ngày mười tháng
# mười hai anh sơn bố trí dân quân tham gia diễn tập hôm đấy nhé")
THAT_DAY = re.compile(r"\b(?:hôm|ngày|buổi|bữa)\s+(?:đó|ấy|đấy)\b")


# Session 17 (docs/meetings.md, "Session 17"): "em cho công ty môi trường thu dọn trước ngày ra quân" after "ngày 24
# tháng 1 ra quân tổng vệ sinh": "trước ngày / buổi / hôm" + an event named with its day earlier (up to eight turns
# back, or earlier in the same turn) is that day
SESSION17_BEFORE_EVENT = False  # off by rule R1 (session 17): moved no fresh verdict, no training wrong back
_BEFORE_EVENT = re.compile(r"\b(?:trước|kịp|chậm nhất)\s+(?:ngày|buổi|hôm|lễ|đợt)\s+"
                           r"(?P<event>[^\W\d_]+(?:\s+[^\W\d_]+)?)")
_NOT_EVENT = re.compile(r"^(?:thứ|mai|kia|mùng|mồng|hôm|nay|đó|ấy|đấy|này|tết|cuối|đầu|rằm|chủ nhật|làm việc)\b")


def _before_event(quote: str, lines: Sequence[Turn], turn: Turn, meeting_date: dt.date,
                  calendar: WorkCalendar | None) -> dt.date | None:
    said = _BEFORE_EVENT.search(quote.lower())
    if said is None or _NOT_EVENT.match(said.group("event")):
        return None
    event = fold(said.group("event")).lower()
    at = turn.text.find(quote)
    earlier = ([turn.text[:at]] if at > 0 else []) \
        + [t.text for t in reversed(lines[max(0, turn.index - 8):turn.index])]
    for text in earlier:
        for sentence in reversed(re.split(r"(?<=[.!?])\s+", text)):
            if event in fold(sentence).lower():
                day = event_date(sentence, meeting_date, calendar)
                if day is not None and day >= meeting_date:
                    return day
    return None


def _that_day(lines: Sequence[Turn], turn: Turn, meeting_date: dt.date,
              calendar: WorkCalendar | None) -> dt.date | None:
    """The event day "hôm đó" points back to: the last day said as an event (not a deadline) in the turns
    before, up to eight back."""
    for earlier in reversed(lines[max(0, turn.index - 8):turn.index]):
        day = event_date(earlier.text, meeting_date, calendar)
        if day is not None and day >= meeting_date:
            return day
    return None


def _to_the_chair(task: _Open, chair: Person | None) -> bool:
    """"Dạ, tuần này thứ Tư có tiếp công dân, anh chủ trì ạ" said to the chair: what they tell the chair of,
    not a task given to the chair (nobody in the meeting gives the chair work by a pronoun, nor by calling them:
    "Anh An, danh sách quà Tết đã chốt 15/12 …" reports to them)."""
    return chair is not None and chair.kind != "voice" and _key(task.person) == _key(chair) \
        and task.how in ("second", "told", "called") and not task.chair and not task.restated


_SPEAK_NOW = re.compile(r"^(?:báo cáo|điểm qua|trình bày|nói|cho biết)\b", re.IGNORECASE)


def _reported_now(task: _Open, lines: Sequence[Turn]) -> bool:
    """"Anh Bảo báo cáo nhanh tình hình thu ngân sách." and Bảo reports in the next turn: asked to speak in
    the meeting, done there, no task (one with a deadline is a report to write)."""
    following = lines[task.turn + 1] if task.turn + 1 < len(lines) else None
    return task.deadline is None and not task.restated and _SPEAK_NOW.match(task.content) is not None \
        and following is not None and _key(following.speaker) == _key(task.person)


def _candidate(o: _Open, last: int) -> Candidate:
    evidence = Evidence(o.how, o.directed, o.person.kind, o.deadline is not None, o.restated)
    return Candidate(o.how, o.directed, o.person.kind, o.deadline is not None, o.restated, o.chair, o.self_given,
                     o.quote, o.content, o.turn / last, o.mentions, doubts(evidence))


def _helper_offer(anchor: Anchor, turn: Turn, helping: dict[str, int]) -> bool:
    """"Dạ, em chuẩn bị biên bản mẫu ạ" from the one just told to help: their part of the task they help
    with, not a task of their own (one with its own deadline still is)."""
    return anchor.kind == "task" and anchor.how == "first" and anchor.deadline is None \
        and anchor.person is not None and 0 < turn.index - helping.get(_key(anchor.person), -9) <= 2


def _task(o: _Open, lines: Sequence[Turn] = ()) -> ExtractedTask:
    confidence, review = assess(Evidence(o.how, o.directed, o.person.kind, o.deadline is not None, o.restated))
    # the quote as the secretary typed it (dialogue.turns reads the shorthand spelled out)
    quote = as_typed(lines[o.turn], o.quote) if 0 <= o.turn < len(lines) else o.quote
    # Trimming a particle ("… ra quân nhé, có …") leaves its space before the comma: the tasks table shows it.
    content = _SPACE_BEFORE_MARK.sub(r"\1", o.content)
    return ExtractedTask(o.person.name, o.person.unit, content, o.deadline.isoformat() if o.deadline else None,
                         quote, o.person.staff_id, confidence, review)


_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")


def _redates(live: list[_Open], turn: Turn) -> bool:
    """Session 13: the chair's short date naming the doer of the task they gave two turns back
    ("thế thứ Sáu Mai gửi" after another member's "giấy gọi phải thứ Sáu mới có")."""
    if not (turn.leads and live and live[-1].chair and live[-1].person.name
            and live[-1].touched == turn.index - 2):
        return False
    words = re.findall(r"\w+", fold(turn.text).lower())
    return len(words) <= 8 and fold(live[-1].person.name.split()[-1]).lower() in words


# Session 15 (docs/meetings.md, "Session 15"): a member's date said in reply ("anh ơi mai thứ Bảy ạ" from Hùng, after
# "… anh Hùng gửi sáng mai, còn anh Minh gửi thứ Hai nhé") does not move the deadline of another person's task that
# the chair gave: a member speaks for their own work (the chair's "Được, thứ Năm." still dates the task)
SESSION15_OWN_DATE_ONLY = True  # on by rule R1 (session 15)


# "tuấn chuẩn bị hồ sơ đề nghị khen thưởng …" — "dạ … mới có bảy tổ nộp thôi ạ" — "tổ nào chưa nộp" — "dạ tổ hai
# tổ năm …" — "thì em gọi điện từng tổ trưởng nhắc luôn đi": how to do the task, told within an exchange of the chair
# and its doer alone (up to four turns on), not a second task (session 12 reached two turns back)
SESSION15_HOW_TO_EXCHANGE = True  # on by rule R1 (session 15)


def _exchange(lines: Sequence[Turn], task: _Open, turn: Turn) -> bool:
    """Every turn since the task was given is the chair's or its doer's, four turns at most."""
    between = lines[task.turn + 1:turn.index]
    return 0 < turn.index - task.turn <= 4 and all(t.leads or _key(t.speaker) == _key(task.person) for t in between)


def _for_another(task: _Open, turn: Turn) -> bool:
    """The turn is a member's, and the task is a named other person's, given by someone else."""
    return not turn.leads and turn.speaker.kind == "staff" and task.person.kind == "staff" \
        and _key(task.person) != _key(turn.speaker) and task.said_by != turn.label


def _previous_speaker(lines: Sequence[Turn], turn: Turn) -> Turn | None:
    for earlier in reversed(lines[:turn.index]):
        if earlier.label != turn.label:
            return earlier
    return None


def _merge(found: list[_Open], anchor: Anchor, turn: Turn, lines: Sequence[Turn]) -> None:
    if anchor.kind == "cancel" and anchor.defers:
        put_off = [t for t in found if not t.cancelled and 0 < turn.index - t.turn <= 2
                   and withdrawals.shares_work(anchor.quote, t.content)]
        if put_off:
            put_off[-1].cancelled = put_off[-1].called_off = True
            put_off[-1].off_by = anchor.quote
        return
    if anchor.kind == "cancel":
        first = True
        for task in reversed(found):
            if task.cancelled or turn.index - task.turn > 2:
                continue
            if anchor.person is None or _key(task.person) == _key(anchor.person):
                # the latest task of whom it names is the one called off; earlier ones of theirs in the last
                # turns go as before, but the sentence model may still read them ("… anh tuấn liên hệ … dạ em
                # nhận … thì tuấn làm à không thôi để chị …")
                task.cancelled, task.called_off = True, first and anchor.calls_off
                task.off_by, first = anchor.quote if task.called_off else "", False
                if anchor.person is None:
                    break
        return
    if anchor.kind == "done":  # "em gửi chị rồi ạ": what was just asked of them is already done, not another
        # matter reported in the same breath ("Dạ. Báo cáo anh luôn, vỉa hè … nghiệm thu xong hôm qua rồi ạ")
        for task in reversed(found):
            if not task.cancelled and anchor.person is not None and _key(task.person) == _key(anchor.person) \
                    and 0 < turn.index - task.turn <= 2 and task.said_by != turn.label \
                    and (len(_words(anchor.content)) <= 6 or _pairs(task.content) & _pairs(anchor.content)):
                task.cancelled = True
                break
        return
    if anchor.kind == "agree" and anchor.person is not None:  # clauses.SESSION17_POSTPONE_NAMED
        named = [t for t in found if not t.cancelled and _key(t.person) == _key(anchor.person)]
        if named:
            named[-1].deadline = anchor.deadline or named[-1].deadline
            named[-1].touched = turn.index
            _support(named[-1], anchor)
        return
    if anchor.kind == "agree":  # "Được, thứ Năm." / "ừ càng tốt thứ tư": the proposed deadline stands
        for task in reversed(found):
            if not task.cancelled and task.pending and (turn.index - task.turn <= 5
                                                        or turn.index - task.touched <= 2):
                task.deadline = anchor.deadline or task.pending[-1]
                task.pending.clear()
                task.restated = True
                return
        live = [t for t in found if not t.cancelled and turn.index - t.turn <= 2]
        # The chair's own postponement (follow_up) reaches the task discussed two turns back; the assignee's
        # "Ừ, thứ Năm anh đi" says when they go, within the deadline already given, and leaves it.
        near = turn.index - (2 if anchor.follow_up or _redates(live, turn) else 1)
        if anchor.deadline is not None and live and live[-1].touched >= near \
                and not (live[-1].deadline and _key(live[-1].person) == _key(turn.speaker)) \
                and not (SESSION15_OWN_DATE_ONLY and _for_another(live[-1], turn)):
            live[-1].deadline = anchor.deadline
        return
    person = anchor.person
    assert person is not None
    mine = [t for t in found if not t.cancelled and _key(t.person) == _key(person)]
    if SESSION16_LEAD_NAMED and anchor.kind == "task" and anchor.deadline is None and turn.leads \
            and _LEAD_ONLY.fullmatch(anchor.content.lower()):
        # "thế thì Thắng với Huy cùng làm, Thắng làm đầu mối": who leads the task just given, no task of its own
        lead = [t for t in mine if turn.index - t.touched <= 2]
        if lead:
            lead[-1].touched = turn.index
            _support(lead[-1], anchor)
            return
    if SESSION17_ALSO and anchor.kind == "task" and anchor.deadline is None and not anchor.recap \
            and _ALSO.search(anchor.quote.lower()):
        # "Thế còn phần rạp, âm thanh, bàn ghế… Tuấn lo luôn nhé." after Tuấn's dated task: a part of it, as well
        earlier = [t for t in mine if t.deadline is not None and 0 < turn.index - t.touched <= 8]
        if earlier:
            earlier[-1].touched = turn.index
            _support(earlier[-1], anchor)
            return
    if SESSION17_LEADS_ONLY and anchor.kind == "task" and anchor.deadline is None \
            and _LEADS_ONLY.fullmatch(re.split(r"[,;]", anchor.content.lower())[0]):
        # "ừ thì Trung tâm chủ trì, Phòng Văn hóa - Xã hội phối hợp": who leads the task given in the last turns
        lead = [t for t in mine if 0 < turn.index - t.touched <= 3]
        if lead:
            lead[-1].touched = turn.index
            _support(lead[-1], anchor)
            return
    if anchor.recap and mine and anchor.kind == "task":
        # "Tóm lại: …, Hùng lo hòa giải, …": the recap names a task given before, in fewer words; the one
        # it shares most words with (else the latest), with the date the recap says, if any.
        task = max(mine, key=lambda t: (len(_words(t.content) & _words(anchor.content)), t.turn))
        task.touched = turn.index
        # An unpunctuated recap ("tóm lại lan xong sổ kết hôn trước mười lăm em làm khai tử thì thứ hai …")
        # cannot tell which date is whose: it fills a missing date but does not move one; an item said on its
        # own ("Vậy chốt: Thắng dự toán vỉa hè mùng 4/12; …") says its date last, and that date wins.
        alone = len(_recap_item(anchor.quote).split()) <= _RECAP_ITEM
        task.deadline = (anchor.deadline or task.deadline) if alone else (task.deadline or anchor.deadline)
        _support(task, anchor)
        return
    if anchor.how == "first":
        # Without a directory, "anh Hùng" given a task and "Trần Văn Hùng" accepting it are one person.
        said = [t for t in found if not t.cancelled and t.person.kind == "said" and person.name
                and turn.index - t.turn <= 6 and t.person.name.split()[-1:] == person.name.split()[-1:]]
        person = said[-1].person if said else person
        mine = [t for t in found if not t.cancelled and _key(t.person) == _key(person) and turn.index - t.turn <= 6]
        if mine and re.match(r"^(?:xin\s+)?nhận\b", anchor.content.lower()):
            # "Tôi xin nhận nhiệm vụ và sẽ báo cáo đúng hạn": accepting the task given a few turns before
            mine[-1].deadline = anchor.deadline or mine[-1].deadline
            _support(mine[-1], anchor)
            return
    recent = [t for t in found if not t.cancelled and _key(t.person) == _key(person)
              and (t.turn == turn.index or (anchor.follow_up and t.touched >= turn.index - 1)
                   or (anchor.follow_up and turn.index - t.turn <= 2 and _overlap(t.content, anchor.content)))]
    if anchor.kind == "propose":
        # session 12: asking for another date for one's own task ("Anh Bảo, thứ Tư tuần sau em đi đo đạc …, em
        # xin báo anh vào thứ Năm được không ạ?") reaches that person's latest task however long ago it was given
        # (the chair's agreement, as before, must follow within a few turns)
        mine = [t for t in found if not t.cancelled and _key(t.person) == _key(person)]
        if mine and anchor.deadline is not None:
            mine[-1].pending.append(anchor.deadline)
            mine[-1].touched = turn.index
        return
    if not recent and anchor.how == "first" and person.kind == "voice" and anchor.deadline is None \
            and len(anchor.content.split()) <= 2:
        # "Dạ em đi luôn" from a voice nobody named, right after a task was given: accepting it, not a new task
        given = [t for t in found if not t.cancelled and t.touched >= turn.index - 1]
        if given:
            given[-1].restated = True
            return
    if not recent and anchor.follow_up and person.unit and len(anchor.content.split()) <= 4:
        # "Dạ, em nhận ạ" from the head of the unit just given a task: that task, not a new one
        recent = [t for t in found if not t.cancelled and t.person.kind == "unit" and t.person.name == person.unit
                  and turn.index - t.touched <= 2]
    if not recent and anchor.kind == "task" and turn.leads and not anchor.recap \
            and AGREE.match(anchor.quote.lower()):
        # "Em xin treo xong trước ngày 28 ạ." — "Ừ, anh Hùng treo cờ, băng rôn … trước ngày 28/12 nhé.": the chair
        # agreeing to what that person just offered with its date, in their own words
        recent = [t for t in found if not t.cancelled and _key(t.person) == _key(person) and t.self_given
                  and (t.deadline is not None and 0 < turn.index - t.turn <= 2
                       or SESSION16_CONFIRM_UNDATED and t.deadline is None and turn.index - t.turn == 1)]
    if not recent and anchor.how == "second" and anchor.deadline is None and turn.leads:
        # "… tổng hợp danh sách … xong trước ngày mười" — "dạ nhưng mấy tổ năm nào cũng gửi chậm" — "thì em gọi
        # điện đôn đốc …": how to do the task just given to the one answering, not a task of its own
        recent = [t for t in found if not t.cancelled and _key(t.person) == _key(person) and t.chair
                  and (0 < turn.index - t.turn <= 2 or SESSION15_HOW_TO_EXCHANGE and _exchange(lines, t, turn))]
    if not recent and anchor.how == "first" and not turn.leads \
            and len(_words(anchor.content)) <= 2:
        # "dạ em gửi thứ ba ạ" a few turns after the chair gave that person a task (others answered in between):
        # accepting it, with the date said last
        recent = [t for t in found if not t.cancelled and _key(t.person) == _key(person) and t.chair
                  and 0 < turn.index - t.touched <= 6 and t.said_by != turn.label]
    if recent:
        task = recent[-1]
        task.touched = turn.index
        if task.turn != turn.index:
            _support(task, anchor)
        if anchor.deadline is not None:
            task.deadline = anchor.deadline
        elif clause_rules.SESSION17_SAME_AS_OTHER and anchor.same_deadline and task.deadline is None:
            task.deadline = _others_deadline(found, person)
        if anchor.inherits or len(anchor.content) > len(task.content) and task.turn == turn.index:
            task.content = task.content if anchor.inherits else anchor.content
        return
    again = [t for t in found if not t.cancelled and _key(t.person) == _key(person) and _same_job(t.content,
                                                                                                anchor.content)]
    if again and not anchor.inherits:
        # The chair's closing recap ("Kết luận: anh Hùng rà soát công trình sai phép, hạn 15/12") restates a
        # task given earlier: the same task, with the deadline said last.
        again[-1].touched = turn.index
        again[-1].deadline = anchor.deadline or again[-1].deadline
        _support(again[-1], anchor)
        return
    content = anchor.content
    deadline = anchor.deadline
    if turn.leads and not anchor.inherits and _THIS_JOB.match(anchor.content.lower()):
        # "Việc đó Huy làm …" — "anh cho em lùi sang tuần sau được không ạ?" — "Thôi được, Thắng làm việc này":
        # "this job" given to another takes the task of the one who just asked to be spared it
        previous = _previous_speaker(lines, turn)
        spared = [t for t in found if not t.cancelled and previous is not None and t.chair and t.person.name
                  and _key(t.person) == _key(previous.speaker) != _key(person) and 0 < turn.index - t.touched <= 3]
        if spared:
            spared[-1].cancelled = True
            content, deadline = spared[-1].content, deadline or spared[-1].deadline
    if SESSION16_SAME_JOB_OTHER and turn.leads and not anchor.inherits and _INSTEAD.match(anchor.quote.lower()):
        # "Nam đo lại cho chính xác …" — "anh ơi em không mang thước, Huy có mang đấy ạ" — "thế thì Huy đo lại cho chính
        # xác …": the same job given to another right after its doer spoke is theirs now
        previous = _previous_speaker(lines, turn)
        spared = [t for t in found if not t.cancelled and previous is not None and t.chair and t.person.name
                  and _key(t.person) == _key(previous.speaker) != _key(person) and 0 < turn.index - t.touched <= 2
                  and _same_job(t.content, anchor.content)]
        if spared:
            spared[-1].cancelled = spared[-1].called_off = True
            deadline = deadline or spared[-1].deadline
    handed = [t for t in found if not t.cancelled and t.chair and anchor.hands_from is not None
              and _key(t.person) == _key(anchor.hands_from)]
    if handed:  # session 13: the task handed over, with its content and date
        handed[-1].cancelled = handed[-1].called_off = True
        content, deadline = handed[-1].content, deadline or handed[-1].deadline
    live = [t for t in found if not t.cancelled]
    if anchor.same_deadline and live:
        deadline = live[-1].deadline
        if clause_rules.SESSION17_SAME_AS_OTHER and deadline is None:
            deadline = _others_deadline(found, person)
    if anchor.inherits:
        withdrawn = [t for t in found if t.cancelled and turn.index - t.turn <= 1]
        given = [t for t in found if not t.cancelled and turn.index - t.turn <= 2 and _key(t.person) != _key(person)]
        previous = _previous_speaker(lines, turn)
        excused = [t for t in found if not t.cancelled and previous is not None and t.chair
                   and _key(t.person) == _key(previous.speaker) != _key(person) and turn.index - t.touched <= 6]
        if excused and not given:
            # "anh ơi tuần sau em đi họp quận cả tuần ạ" — "à thế à thôi trụ nước thì để huy làm …": the task of
            # the one who just gave their reason goes to another
            given = excused
        if not withdrawn and anchor.reassigns and given:
            given[-1].cancelled = True  # "À thôi, để anh Huy làm": the task just given goes to another
            given[-1].called_off = True
            withdrawn = given[-1:]
            deadline = deadline or withdrawn[-1].deadline
        if withdrawn:
            content = withdrawn[-1].content
    found.append(_Open(person, content, deadline, anchor.quote, turn.index, said_by=turn.label, how=anchor.how,
                       directed=anchor.directed, chair=turn.leads, self_given=_key(turn.speaker) == _key(person)))


# Session 16 (docs/meetings.md, "Session 16"): the chair giving the same job (two syllable pairs shared) to another
# person right after its doer answered (an excuse, pointing to someone better placed), opening with "thế thì", "vậy
# thì", "thôi", moves it (`_merge`)
SESSION16_SAME_JOB_OTHER = True
_INSTEAD = re.compile(r"^\W*(?:(?:ừ|ờ|à|vâng|được)\W+)?(?:thế thì|vậy thì|thế|vậy|thôi)\b")
# "X làm đầu mối", "X với Y cùng làm", "X làm chính" said of a task given in the last turns names who leads it: that
# task again, not a second one with no date
SESSION16_LEAD_NAMED = False  # off by rule R1 (session 16): on, one right fewer on the fresh sets, no wrong fewer
# at a tổ dân phố's own meeting (its title names the tổ), a person outside the ward's directory who is given work (a
# tổ officer named by the transcript: "Hà Văn Nghĩa", "bác Bình") is keyed to the tổ, as the answer keys do (_proposals)
SESSION16_GROUP_OFFICER = True
# "Dạ cái máy đấy em quen bên bảo hành, để em lo ạ." — "Ừ Huy liên hệ bảo hành sửa máy, mai xong được không": the
# chair agreeing, in the next turn, to an offer that said no date is that task, with the chair's words and date
SESSION16_CONFIRM_UNDATED = True
_LEAD_ONLY = re.compile(r"\W*(?:(?:với|và|cùng)\s+(?:(?:anh|chị|em)\s+)?[^\W\d_]+\s+)?(?:cùng\s+)?làm"
                        r"(?:\s+(?:đầu mối|chính))?\W*(?:nhé|nha)?\W*|\W*(?:là\s+)?đầu mối\W*(?:nhé|nha)?\W*")
_THIS_JOB = re.compile(r"^(?:làm|lo|nhận|đảm nhận)\s+(?:việc|vụ|cái|phần)\s+(?:này|đó|ấy|đấy)\b")


# Session 17 (docs/meetings.md, "Session 17"): an undated job "luôn" (as well) for someone given a dated task in the
# last eight turns ("Thế còn phần rạp, âm thanh, bàn ghế… Tuấn lo luôn nhé", "thì huy đôn đốc luôn trong đợt kiểm
# tra") adds to that task: no second task
SESSION17_ALSO = True  # on by rule R1 (session 17)
_ALSO = re.compile(r"\bluôn\b")
# Session 17 (docs/meetings.md, "Session 17"): "X chủ trì" and nothing more, said of a task X was given in the last
# three turns (after a member said who else should do it): that task, with its helper, not a second one
SESSION17_LEADS_ONLY = True  # on by rule R1 (session 17)
_LEADS_ONLY = re.compile(r"\W*(?:vẫn\s+)?(?:là\s+)?chủ trì(?:\s+(?:chính|nhé|nha|luôn))*\W*")


def _others_deadline(found: list[_Open], person: Person) -> dt.date | None:
    dated = [t for t in found if not t.cancelled and t.deadline is not None and _key(t.person) != _key(person)]
    return dated[-1].deadline if dated else None


_RECAP_ITEM = 16  # words: longer, the quote runs over several recap items (a recogniser run)
# Session 12 (docs/meetings.md, "Session 12"): the recap's first item is measured without its header ("Anh chốt lại
# nhé: anh Hùng cùng anh Minh làm phương án vỉa hè, thứ Hai tuần sau trình anh;"): the item alone says its date.


def _recap_item(quote: str) -> str:
    head, colon, rest = quote.partition(":")
    return rest if colon and RECAP.search(head.lower()) else quote


def _support(task: _Open, anchor: Anchor) -> None:
    """A later turn speaks of the task again: it is surer, and a named or directed mention outranks a pronoun."""
    task.restated = True
    task.mentions += 1
    task.directed = task.directed or anchor.directed
    if anchor.how in ("named", "unit") and task.how not in ("named", "unit"):
        task.how = anchor.how
