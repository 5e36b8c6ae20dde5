"""One turn of a meeting → its anchors: who is told (or offers) to do what, by when; plus the turn's
agreements to a proposed deadline and its withdrawals. Matching runs on lower-case text with its
diacritics (the deadline finder folds on its own); see `extract.py` for the phrasing families,
`clause_tasks.py` for one sentence's tasks (`doers.py`: who it names) and `clause_dates.py` for dates that reach a
sentence's tasks from outside a doer's clause."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from appliance.tasks import clause_dates, clause_tasks, phrases, withdrawals
from appliance.tasks.anchor import Anchor
from appliance.tasks.clause_parts import (
    date_later,
    date_only,
    recap_shaped,
    required_before,
    sentences,
)
from appliance.tasks.clause_tasks import tasks_in
from appliance.tasks.cues import (
    choose,
    told_back,
    units_in,
    vocative_of,
)
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.dialogue import Turn
from appliance.tasks.open_task import key_of
from appliance.tasks.phrases import (
    AGREE,
    ALREADY,
    CANCEL,
    DEFER,
    OPENERS,
    POSTPONE,
    PROPOSAL,
    QUESTION,
    RECAP,
    VERB_AHEAD,
)
from appliance.tasks.roster import Person, Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

# Done in part: "số liệu em gửi từ hôm thứ Sáu rồi, giờ em chỉ bổ sung phần kiến nghị thôi" (the task stands).
REMAINS = re.compile(r"\b(?:giờ|bây giờ|còn)\b[^.?!]*\b(?:chỉ|nốt|bổ sung|thêm)\b")


# "Dạ, em đã soạn sẵn rồi ạ.", "em có bản nháp rồi": ready to do it, not the work already done
READY = re.compile(r"\b(?:sẵn|bản nháp|dự thảo rồi)\b")


# "…, giao phòng Kinh tế … làm, chị Lan đôn đốc. Hạn thì mình nộp sớm hơn hai ngày, ngày hai mươi ba tháng mười một
# nhé.": a sentence about the deadline ("hạn thì…", "thời hạn là…") right after a task is given dates that task, and
# gives none of its own ("mình" there is the ward, not the speaker)
DEADLINE_TOPIC = re.compile(r"^\W*(?:(?:còn|về|vậy|thế)\s+)?(?:thời\s+)?hạn(?:\s+(?:chót|nộp|cuối))?\s*(?:thì|là|,)\s")
# "huy ghi lại" — "dạ em ghi rồi ạ": noting it down in the meeting is no task, and "ghi rồi" (noted) says nothing
# of the task just given being done
NOTED = re.compile(r"\bghi(?:\s+(?:lại|nhận|chép|sổ))?\s+rồi\b")


# Session 23 (docs/meetings.md, "Session 23"): "thế thì" and a date alone, the chair's answer to the doer's objection
# ("Hà: … quận yêu cầu ngày 30 là phải có rồi ạ" — "thế à, thế thì cuối tháng này luôn nhé"): the new deadline of the
# task discussed; with any other word but a closing particle it is read as before
SO_THEN = re.compile(r"^\W*(?:(?:thế|vậy)\s+à\W+)?(?:thế thì|vậy thì)\s+")
_CLOSING = {"luôn", "nhé", "nha", "nhá", "đi", "thôi", "vậy", "em", "anh", "chị", "cũng", "được", "là"}


# Session 23 (docs/meetings.md, "Session 23"): the chair making a job given a few turns before wait on a condition
# ("Chị Lan làm hợp đồng thuê xe." — "… quận có hỗ trợ xe không ạ?" — "Vậy thế này, nếu quận không hỗ trợ thì chị Lan
# mới thuê."): "nếu … thì X mới <work>" withdraws X's task of that work given in the last three turns; without "mới"
# ("nếu có vi phạm thì anh Hùng lập biên bản") it is a contingency read as before
IF_ONLY = re.compile(r"\bnếu\b[^.;!?]{3,80}?\bthì\s+(?P<who>[^.;!?,]{2,30}?)\s+mới\s+(?P<work>\w+(?:\s+\w+){0,4})")


def _so_then_date(sentence: str, lower: str, turn: Turn, meeting: dt.date,
                  calendar: WorkCalendar | None) -> dt.date | None:
    """The date the chair sets after the doer's objection ("thế thì cuối tháng này luôn nhé"), if the sentence is
    one."""
    if not turn.leads or QUESTION.search(lower):
        return None
    so_then = SO_THEN.match(lower)
    if so_then is None:
        return None
    said = sentence[so_then.end():]
    found = find_deadline(said, meeting, None, calendar)
    if found is None:
        return None
    rest = re.findall(r"\w+", (said[:found[1]] + " " + said[found[2]:]).lower())
    return found[0] if all(w in _CLOSING for w in rest) else None


def _renamed(found: list[Anchor], correction: str, roster: Roster, speakers: list[Person]) -> list[Anchor]:
    """The withdrawn sentence's earlier anchors, each task followed by its cancel when the correction names its
    person again."""
    again = {key_of(choose(m, speakers)) for m in roster.mentions(correction, verbs=VERB_AHEAD)}
    out: list[Anchor] = []
    for anchor in found:
        out.append(anchor)
        if anchor.kind == "task" and anchor.person is not None and key_of(anchor.person) in again:
            out.append(Anchor("cancel", anchor.person))
    return out


def anchors(turn: Turn, previous: Turn | None, roster: Roster, meeting: dt.date,
            calendar: WorkCalendar | None) -> list[Anchor]:
    out: list[Anchor] = []
    speakers: list[Person] = [turn.speaker] + ([previous.speaker] if previous else [])
    vocative: Person | None = None
    form: str | None = None      # how the vocative called them: "" a bare name, else its honorific
    withdraw = phrases.WITHDRAW_BUT
    parts = withdraw.split(normalize(turn.text))
    # "à không" (no, I mean …) corrects what was just said; "à thôi" may as well drop it
    marks = [bool(re.search(r"\bkhông\b", m.group(0).lower())) for m in withdraw.finditer(normalize(turn.text))]
    inherit = gave = recap = False
    given_at: tuple[int, int] | None = None  # where the anchors of the last sentence that gave tasks stand in `out`
    required: dt.date | None = None  # "4 người đấy trong tuần này phải xong." said just before
    for index, part in enumerate(parts):
        chunks = sentences(part, pauses=True)
        # "… gửi thành phố thứ hai tuần sau à thôi thứ sáu này gửi luôn đi": a new date, not a withdrawal
        fix = clause_dates.correction(parts[index + 1], roster, meeting, calendar) \
            if index < len(parts) - 1 else None
        inherit = inherit or index > 0   # the first task after "à thôi" may take the withdrawn one's content
        for at, sentence in enumerate(chunks):
            # Said, then withdrawn in the same breath ("… à thôi, …"): the sentence right before it only.
            withdrawn = index < len(parts) - 1 and at == len(chunks) - 1
            if index > 0 and at == 0 and (fixed := clause_dates.correction(part, roster, meeting, calendar)):
                if turn.leads and index == 1 and marks[0] \
                        and not OPENERS.sub("", parts[0].lower() + " ").strip(" ,.…"):
                    # "à không, trước 20/12 thôi" opening the chair's turn, after the doer's objection: the
                    # date of the task discussed (the chair's own redating reaches two turns back)
                    out.append(Anchor("agree", None, deadline=fixed, follow_up=True))
                continue  # the date was given to the task before "à thôi"
            lower = sentence.lower()
            recap = recap or bool(RECAP.search(lower))
            if gave and DEADLINE_TOPIC.match(lower) and not QUESTION.search(lower):
                due = find_deadline(sentence, meeting, None, calendar)
                if due is not None:  # "Hạn thì mình nộp sớm hơn hai ngày, ngày 23/11 nhé.": the task's date
                    out.append(Anchor("agree", None, deadline=due[0]))
                    continue
            if AGREE.match(lower) and not QUESTION.search(lower):
                # The date agreed ("Thôi được, thứ Sáu."), not one said after the next doer is named
                # ("vâng chị anh tuấn liên hệ… trong tháng này").
                doers = [m.start for m in roster.mentions(sentence, verbs=VERB_AHEAD)] + \
                    [u[0] for u in units_in(sentence, roster)]
                found = find_deadline(sentence[:min(doers, default=len(sentence))], meeting, None, calendar)
                out.append(Anchor("agree", None, deadline=found[0] if found else None))
            if (so_then := _so_then_date(sentence, lower, turn, meeting, calendar)) is not None:
                out.append(Anchor("agree", None, deadline=so_then, follow_up=True))
                continue
            cancels = CANCEL.search(lower) or (phrases.DROP_WORDS.search(lower) if phrases.SESSION29_DROP_WORDS
                                               else None)
            cancel_at = cancels.start() if cancels else None
            asks = QUESTION.search(lower) and re.search(r"\bđược không\b", lower)
            offer = PROPOSAL.search(lower) if asks else None
            if offer is not None:  # "em gửi trước thứ Tư được không": a new deadline, if the chair agrees
                found = find_deadline(sentence[offer.start():], meeting, None, calendar)
                if found is None and SESSION29_FRONTED_PROPOSAL:
                    found = _fronted(sentence[:offer.start()], meeting, calendar)
                if found is not None:
                    out.append(Anchor("propose", turn.speaker, deadline=found[0]))
                continue
            later = POSTPONE.search(lower) or (phrases.MOVE_WORDS.search(lower) if phrases.SESSION29_MOVE_WORDS
                                               else None)
            if later is not None or asks:
                # "Thứ Tư thì gấp quá, thứ Sáu được không anh?", "em xin lùi sang thứ Hai tuần sau vì…"
                said = re.split(r"\b(?:vì|do|bởi)\b", sentence[later.end():] if later else sentence)[0]
                if later is None:
                    said = re.split(r",", said)[-1]
                found = find_deadline(said, meeting, None, calendar)
                moved = clause_dates.postponed(sentence, later, roster, speakers, meeting, calendar) \
                    if later is not None and turn.leads else None
                if moved is not None:
                    # "à Huy ơi cái danh sách vỉa hè, lùi sang thứ Ba tuần sau cũng được, tuần này em còn việc …"
                    out.append(Anchor("agree", moved[0], deadline=moved[1], follow_up=True))
                    continue
                if found is not None and later is not None and turn.leads:
                    # "Thế thì lùi sang thứ Hai tuần sau": the chair moves the deadline; nobody need agree
                    out.append(Anchor("agree", None, deadline=found[0], follow_up=True))
                    continue
                if found is not None and not roster.mentions(said, verbs=VERB_AHEAD) \
                        and not (turn.leads and units_in(said, roster)):
                    out.append(Anchor("propose", turn.speaker, deadline=found[0]))
                    continue
            said = vocative_of(sentence, roster, speakers)
            called = said[0] if said else None
            vocative, form = said or (vocative, form)
            found_here = tasks_in(sentence, turn, previous, roster, speakers, (vocative, form), meeting, calendar,
                               inherit and not withdrawn, called)
            inherit = inherit and not found_here
            if index == 1 and not OPENERS.sub("", parts[0].lower() + " ").strip(" ,.…"):
                found_here = [replace(a, reassigns=True) if a.inherits else a for a in found_here]
            found_here, required = required_before(sentence, found_here, required, roster, meeting, calendar)
            # session 9: three or more people a terse item each ("Vậy nhé. Anh Sơn phát lệnh trước Tết dương lịch, anh
            # Minh xác minh 3 trường hợp, chị Hương thăm hỏi trước Tết, Tuấn pano.") is a recap without a recap word
            listed = bool(found_here) and recap_shaped(sentence, roster)
            found_here = [replace(a, recap=True) for a in found_here] if recap or listed else found_here
            if withdrawn and found_here:  # what was said right before "à thôi" (the last of the sentence)
                last = found_here.pop()
                if not fix:
                    found_here = _renamed(found_here, parts[index + 1], roster, speakers)
                found_here += [replace(last, deadline=fix)] if fix else [last, Anchor("cancel", last.person)]
            if turn.leads and (only := IF_ONLY.search(lower)) is not None:
                named = roster.mentions(sentence[only.start("who"):only.end("who")], verbs=VERB_AHEAD)
                if len(named) == 1:  # "… nếu quận không hỗ trợ thì chị Lan mới thuê": her task waits on that
                    out.append(Anchor("cancel", choose(named[0], speakers), quote=only.group("work"), calls_off=True,
                                      defers=True))
            deferred = withdrawals.DEFER_NAMED.search(lower) if turn.leads else None
            if deferred is not None:  # "máy tính để sang năm tính": that work, given in the turns before, waits
                out.append(Anchor("cancel", None, quote=deferred.group("work"), calls_off=True, defers=True))
            if not found_here and given_at is not None \
                    and clause_tasks.condition_closes(OPENERS.sub("", lower + " ").strip(), whole=True) \
                    and _condition_closes(turn.text, lower):
                # "à chị hà thì bố trí thêm một cái ghế. ờ một cái bàn … nếu mà còn chỗ": the condition closes the
                # job of the sentence before it
                del out[given_at[0]:given_at[1]]
                given_at = None
            if found_here:
                given_at = (len(out), len(out) + len(found_here))
            out += found_here
            # "Còn trực thứ Bảy thì năm nay thôi, không trực nữa." calls off the
            # work this very sentence named, when the form says that work again: its own task, or none said back
            itself = cancel_at is not None and withdrawals.repeats_work(lower, cancel_at)
            if cancel_at is not None:  # after the sentence's own anchors, and of whom it names: "… tôi giao anh
                # Hùng, thôi, …, anh Hùng không phải lo nữa"; "Tuấn làm luôn, …, chị Lan không phải làm nữa"
                named = [m for m in roster.mentions(sentence, verbs=VERB_AHEAD)
                         if 0 <= cancel_at - m.end <= 2]
                again = cancels is None and not named and bool(out) and out[-1].kind == "cancel"
                if (named or at == 0 or gave or itself and found_here) and not again:
                    # "còn việc lắp máy pos thì. thôi chưa giao ai" (nothing given); a session 13 form right after
                    # "à thôi" withdrew a task withdraws no other
                    out.append(Anchor("cancel", choose(named[-1], speakers) if named else None,
                                      quote=withdrawals.form_text(lower, cancel_at), calls_off=True))
            just_gave, gave = gave, bool(found_here)
            if not found_here and ALREADY.search(lower) and not re.search(r"\bsẽ\b", lower) \
                    and not READY.search(lower) and not NOTED.search(lower) \
                    and not REMAINS.search(lower):
                out.append(Anchor("done", turn.speaker, content=sentence))
            elif not found_here and not recap and just_gave \
                    and (dated := date_later(sentence, out, roster, meeting, calendar)):
                out.append(Anchor("agree", None, deadline=dated))
            elif not found_here and not (short := date_only(lower, out)) and not recap and not itself \
                    and (told := told_back(sentence, turn, previous, roster, meeting, calendar,
                                           goes_on=just_gave and THEN.match(lower) is not None)):
                # (a closing recap names whom each task is for; a clause of it it could not read is not
                # said back to the one addressed)
                out.append(_then_same(told, lower, out) if just_gave else told)
            elif not found_here and (short or not AGREE.match(lower) and not QUESTION.search(lower)
                                     and not DEFER.search(lower) and len(re.findall(r"\w+", lower)) <= 6) \
                    and not _names_another(sentence, out, roster, speakers):
                # "Muộn quá, thứ Tư.": a short answer that is a date sets the task just discussed (not "chị Lan trước
                # thứ Sáu." after anh Hùng's task: a bug fix in session 26, rule R7, that moved Hùng's date)
                found = find_deadline(sentence, meeting, None, calendar)
                if found is not None:
                    out.append(Anchor("agree", None, deadline=found[0]))
    return out


def _condition_closes(text: str, lower: str) -> bool:
    """The condition runs to the end of what was said, with no "thì" after it, in the turn as said: a recogniser
    run cut before "còn" ("… nếu kinh phí. còn thì mua thêm áo phao …") was the condition of the next job."""
    said = normalize(text).lower()
    at = said.find(lower.strip(" .,…")[:24])
    rest = re.sub(r"\.\s+(?=còn\b)", " ", said[at:])  # the recogniser run's cut before "còn" (remains) undone
    return at >= 0 and not re.search(r"\bthì\b", re.split(r"[.;!?]", rest, maxsplit=1)[0])


# Session 19 (docs/meetings.md, "Session 19"): the chair asking a unit or a tổ to do a job by a date ("thế tổ mười hai
# phát thông báo cho các hộ kinh doanh trong tổ trong tuần này được không") asks them, as asking a person by name
# does; it is not the chair proposing a date of their own (`anchors`)


# Session 19 (docs/meetings.md, "Session 19"): "Huy thống kê các điểm …, gửi anh trước thứ Sáu; rồi soạn thông báo …,
# gửi các hộ trước thứ Tư.": an order with no doer that goes on with "rồi", "sau đó", "xong thì" right after the
# sentence that gave a task in the same turn is that doer's next task, not one told back to the previous speaker
THEN = re.compile(r"^\W*(?:rồi(?!\s*[,.!?])|sau đó|xong thì|tiếp đó)\b")  # "Rồi, …" alone is "OK, …"


def _then_same(told: Anchor, lower: str, out: list[Anchor]) -> Anchor:
    given = out[-1] if out and out[-1].kind == "task" and out[-1].person is not None else None
    if given is None or not THEN.match(lower):
        return told
    return replace(told, person=given.person, follow_up=False)


# Session 13: what must be done by when, said with no doer ("4 người đấy trong tuần này phải xong."), then who does it
# with no date of their own ("Mai nhắc từng người, xong báo lại anh"): that date is theirs (required_before).


# Session 13 (docs/meetings.md, "Session 13"): the chair setting another date after an objection in between
# ("c. Lan lên lịch trực, trước Tết dương lịch" — "trước Tết thì muộn quá …" — "à không, trước 20/12 thôi"; "Mai gửi
# giấy gọi, mai gửi luôn" — "giấy gọi phải thứ Sáu mới có" — "thế thứ Sáu Mai gửi"): that task's date moves, two
# turns back, as the chair's own "lùi sang …" does (merge.py reads the second form).
# Session 13 (docs/meetings.md, "Session 13"): a date said before the first of a list of doers, one item each,
# split by commas ("thứ Sáu này thì anh Hùng nộp báo cáo giải ngân, chị Hương nộp báo cáo an sinh, chị Hà thống kê hồ
# sơ trễ hạn"): each item that says no date of its own shares it; "còn X …" opens another matter, and an item with
# its own date keeps it (clause_parts.list_date).


def _names_another(sentence: str, said: list[Anchor], roster: Roster, speakers: list[Person]) -> bool:
    """The sentence names a person or unit other than the one of the last task said."""
    tasks = [a for a in said if a.kind == "task" and a.person is not None]
    last = key_of(tasks[-1].person) if tasks and tasks[-1].person is not None else None
    named = {key_of(choose(m, speakers)) for m in roster.mentions(sentence, verbs=VERB_AHEAD)}
    named |= {key_of(unit) for _s, _e, unit in units_in(sentence, roster)}
    return bool(named - {last})


# Session 29 (docs/meetings.md, "Session 29"): a member asking for a new date with the day said before the pronoun
# ("Thứ Năm em sợ không kịp, thứ Sáu em gửi được không anh?", "thứ sáu em nộp được không ạ"): that day is the one
# proposed, as in "em gửi thứ Sáu được không" (it was no proposal at all); only a day closing the words right before
# the pronoun, not one said earlier in the sentence ("thứ Năm em sợ không kịp": the old date)
# off by rule R1 (session 29): no fresh verdict moved (709/176/193 on and off); off brings back no training wrong (R1b)
SESSION29_FRONTED_PROPOSAL = False


def _fronted(before: str, meeting: dt.date, calendar: WorkCalendar | None) -> tuple[dt.date, int, int] | None:
    """The day said last before an offer, in the few words right before it."""
    piece = " ".join(re.split(r"[,;.!?:]", before)[-1].split()[-4:])
    found = find_deadline(piece, meeting, None, calendar)
    if found is None or re.sub(r"[\s,]|\bthì\b", "", piece[found[2]:]):
        return None
    return found
