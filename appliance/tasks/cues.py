"""Cues a clause gives about its doer and deadline beyond the name before the verb: a deadline said first
("chiều nay em gửi"), whom a call names and whom a pronoun after it names ("tuấn ơi em làm…", "Hà ơi, …
em tổng hợp…"), the units and residential groups said, and an order without a subject to the one who
just answered ("Khẩn trương lên, thứ Tư này báo cáo tôi kết quả.")."""

from __future__ import annotations

import datetime as dt
import re

from appliance.tasks.anchor import Anchor
from appliance.tasks.deadlines import find_deadline, fold_keep
from appliance.tasks.dialogue import TDP, Turn, group_person
from appliance.tasks.phrases import CONDITION, DEFER, JUNK, OPENERS, QUESTION, REPORTED, UNIT_RE, VERB_AHEAD, verb
from appliance.tasks.roster import HONORIFICS, Mention, Person, Roster, call_after
from appliance.text import fold, normalize
from appliance.text.dates import WorkCalendar


def head_deadline(before: str, meeting: dt.date, calendar: WorkCalendar | None,
                  after: str = "") -> tuple[dt.date, int, int] | None:
    """A deadline that opens the doer's clause: "chiều nay em gửi", "…, thứ Hai tuần sau Văn phòng trình"; `after`:
    the rest of the sentence."""
    clause = re.split(r"[,;:.!?…]|\bơi\b", before)[-1]  # "mai ơi mai em in…": the call is not the date
    found = find_deadline(clause, meeting, None, calendar)
    if found is None and not _EVERY.search(after.lower()):
        return _fronted_date(before, meeting, calendar)
    if found is None or re.search(r"\b(?:vì|do|nếu|khi|nên)\b", clause.lower()):
        return None
    rest = OPENERS.sub("", (clause[:found[1]] + " " + clause[found[2]:]).lower().strip() + " ")
    # … or after the matter named as a topic: "danh sách đấy thứ Tư tuần sau em gửi chị", "việc đó thì mai…"
    topic = re.fullmatch(r"\s*(?:\w+\s+){1,4}(?:đấy|đó|ấy|này)(?:\s+thì)?\s*", clause[:found[1]].lower())
    after = clause[found[2]:].strip(" ,").lower()
    if len(re.findall(r"\w+", rest)) <= 1 or topic and not after.startswith(("thì", "đã")):
        return found[0], 0, 0
    return None


# Session 22 (docs/meetings.md, "Session 22"): a date said alone as the sentence's first clause, right before the
# doer ("Thứ Sáu này, anh Sơn bố trí dân quân trực …", "Trước thứ Sáu, chị Lan gửi báo cáo cho anh."): the doer's
# date. Not when the clause holds more than the date ("Hôm trước hội nghị thứ Sáu, …"), says why, if or from when
# ("vì", "nếu", "khi", "từ"), or stands after other words of the sentence ("Kế hoạch đó, thứ Sáu, …"; a date between
# a call and the verb is session 13's DATE_BETWEEN, off by its R1); not when the sentence says the work recurs or when
# it starts ("Thứ sáu, Văn phòng tổng hợp tiến độ thu hằng tuần, …, bắt đầu từ tuần sau": every Friday)
_EVERY = re.compile(r"\b(?:hằng|hàng|mỗi|các)\s+(?:ngày|tuần|tháng|sáng|chiều|tối|buổi|thứ)\b|"
                    r"\b(?:bắt đầu|từ)\s+(?:từ\s+)?(?:ngày|hôm|thứ|tuần|tháng|mai|sáng|chiều|đầu|\d)")


def _fronted_date(before: str, meeting: dt.date, calendar: WorkCalendar | None) -> tuple[dt.date, int, int] | None:
    """The date of a first clause that is only a date, right before the doer's clause (session 22)."""
    parts = before.split(",")
    while len(parts) > 2 and not OPENERS.sub("", parts[0].lower().strip() + " ").strip():
        parts = parts[1:]  # "Ừ, thứ Sáu này, anh Sơn …"
    if len(parts) != 2 or re.search(r"[;:.!?…]", before) or OPENERS.sub("", parts[1].lower().strip() + " ").strip():
        return None
    found = find_deadline(parts[0], meeting, None, calendar)
    if found is None or re.search(r"\b(?:vì|do|nếu|khi|nên|từ)\b", parts[0].lower()):
        return None
    rest = OPENERS.sub("", (parts[0][:found[1]] + " " + parts[0][found[2]:]).lower().strip() + " ")
    return (found[0], 0, 0) if not re.findall(r"\w+", rest) else None


def said_to(before: str, pronoun: str) -> bool:
    """After a vocative, "em" (to a bare name or an "em") and "anh"/"chị" (to an "anh"/"chị") name the one
    called: "tuấn ơi em làm cái kế hoạch…", "anh Hùng ơi, anh ký giúp…"; "anh Hùng ơi, em gửi…" is the speaker."""
    match = re.fullmatch(r"\s*(?:(em|anh|chị|bác|cô|chú)\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?\s+ơi\s*,?\s*", before)
    if match is None:
        return False
    return (pronoun == "em" and match.group(1) in (None, "em")) or (pronoun != "em" and pronoun == match.group(1))


def choose(mention: Mention, speakers: list[Person]) -> Person:
    if len(mention.people) == 1:
        return mention.people[0]
    for person in reversed(speakers):  # "Lan" said right after Lan spoke is that Lan
        if person in mention.people:
            return person
    return mention.people[0]


# Session 16 (docs/meetings.md, "Session 16"): a call that names the person's unit after the name, opening the sentence
# ("chị Lan văn phòng, cái hệ thống … phải bỏ. Chị làm cái thông báo …"): that person is called, as with "chị Lan,"
_UNIT_THEN_COMMA = re.compile(r"^\s*(?:bên\s+)?((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)\s*,")


def _unit_then_comma(after: str, person: Person) -> bool:
    """`after` (what follows the name) is words of the person's own unit, then a comma."""
    said = _UNIT_THEN_COMMA.match(after)
    words = f" {fold(said.group(1)).lower()} " if said is not None else ""
    return bool(words and person.unit) and words in f" {fold(person.unit).lower()} "


# Session 23 (docs/meetings.md, "Session 23"): a word that moves the meeting to its next or last matter, then a comma
# ("rồi cuối cùng, chị Hà, báo cáo … chị chủ trì, …, chị gửi quận trong 7 ngày"), does not keep the name after it from
# opening the sentence as a call, as "rồi," or "còn," do: the later "chị" is Hà, not the one who spoke before
NEXT_MATTER = re.compile(r"(?:cuối cùng|sau cùng|tiếp theo|việc tiếp theo|việc cuối cùng|một việc nữa|việc nữa)")


def vocative_of(sentence: str, roster: Roster, speakers: list[Person]) -> tuple[Person, str] | None:
    """Whom the sentence calls, and how: "Anh Minh, công an phường tăng cường…" (anh), "…, chị Lan nhé."
    (chị), "Hùng, đèn ngõ 33 hư cả tuần rồi, em gọi…" (a bare name: "")."""
    lower = normalize(sentence).lower()
    mentions = roster.mentions(sentence, verbs=VERB_AHEAD)
    for index, mention in enumerate(mentions):
        head = OPENERS.sub("", lower[:mention.start]).strip(" ,")
        if NEXT_MATTER.fullmatch(head) and lower[:mention.start].rstrip().endswith(","):
            head = ""  # "rồi cuối cùng, chị Hà, …": a call after the next matter's word
        after = lower[mention.end:]
        # A bare name opens a sentence as a call when "ơi" or a comma follows, not another name ("Nam, Hùng…").
        listed = index + 1 < len(mentions) and mentions[index + 1].start - mention.end <= 3
        called = after.lstrip().startswith("ơi") or not head and call_after(after)
        if mention.bare and not called and (head or listed or not after.startswith(",")):
            continue
        if (not head or after.lstrip().startswith("ơi")) and (re.match(r"^\s*(?:ơi\b|,)", after) or call_after(after)):
            return choose(mention, speakers), _form(mention)
        if not head and not mention.bare \
                and _unit_then_comma(after, choose(mention, speakers)):
            return choose(mention, speakers), _form(mention)
        if re.match(r"^\s*(?:nhé|nha|ạ)?\s*[.!]?\s*$", after) and lower[:mention.start].rstrip().endswith(","):
            return choose(mention, speakers), _form(mention)
    return None


def _form(mention: Mention) -> str:
    first = normalize(mention.said).lower().split()[0]
    return first if first in HONORIFICS and not mention.bare else ""


def addresses(form: str | None, pronoun: str) -> bool:
    """After a call, the pronoun names the one called: "em" after a bare name or "em X", "anh" after
    "anh X" ("Hà ơi, số liệu tháng 10 em tổng hợp…", "Anh Minh, … thì anh đẩy mạnh…"); "anh Hùng ơi,
    em gửi…" is the speaker."""
    if form is None:
        return False
    return form in ("", "em") if pronoun == "em" else pronoun == form


def units_in(sentence: str, roster: Roster) -> list[tuple[int, int, Person]]:
    folded = fold_keep(sentence)
    found = [(m.start(), m.end(), roster.unit(name) or name) for name, rx in UNIT_RE for m in rx.finditer(folded)]
    found += [(m.start(), m.end(), group_person(m.group(1)).name) for m in TDP.finditer(sentence)]
    found.sort(key=lambda u: (u[0], -u[1]))
    kept: list[tuple[int, int, Person]] = []
    for start, end, name in found:
        if not any(start < e and s < end for s, e, _p in kept):
            kept.append((start, end, Person(name, name, None, "unit")))
    return kept


# Session 16 (docs/meetings.md, "Session 16"): "dạ rõ, kiểm tra các cơ sở kinh doanh vàng mã, trước ngày 2/1 ạ": one
# who answers "dạ" / "vâng" / "rõ" and repeats the work with no doer reads back their own task; it is not told to the
# one who spoke before (told_back)
READ_BACK = re.compile(r"^\W*(?:dạ|vâng|rõ)\b")


# Session 22 (docs/meetings.md, "Session 22"): after a bare acknowledgement ("dạ em.", "Dạ em nhận ạ.", "Vâng.") the
# one who spoke has taken the work given; what the chair says next goes on to the next matter ("vệ sinh môi trường,
# ngày 24 tháng 1 ra quân tổng vệ sinh. Mời anh Hùng."), not back to them, unless the chair urges them on ("Vâng." —
# "Khẩn trương lên, thứ Tư này báo cáo tôi kết quả."). An answer with more in it ("Dạ em đang phối hợp với công an
# phường ạ.", "em nghe không rõ, anh nói lại ạ") is still told back
BARE_ACK = re.compile(r"\W*(?:(?:dạ|vâng|rõ|ạ|em|tôi|cháu|anh|chị|nhận|xin nhận|ok|được|rồi|ừ)\W*)+")


# Session 22 (docs/meetings.md, "Session 22"): told back only in the turn right after the one told spoke; once the
# chair has said a turn of their own in between ("Ừ, chị Lan tổng hợp, trước ngày 23 gửi anh xem." — "Còn hội nghị
# … giờ chưa cần." — "Thông báo bà con nộp thuế … trước 30/11."), an order naming nobody is not for them, unless the
# chair urges them on ("Khẩn trương lên, …")
_URGED = re.compile(r"^\W*(?:(?:khẩn trương|nhớ|phải|cố gắng|tranh thủ|nhanh|lên|nhé)\W+)*")


def told_back(sentence: str, turn: Turn, previous: Turn | None, roster: Roster, meeting: dt.date,
               calendar: WorkCalendar | None, goes_on: bool = False) -> Anchor | None:
    """"Khẩn trương lên, thứ Tư này báo cáo tôi kết quả." said to the one who just answered: a task (or a
    deadline for the task they have) for the previous speaker, when the sentence names nobody, says a
    verb of work and a deadline, and is neither a question, a deferral, a condition nor a report. `goes_on`: the
    sentence goes on with the doer just named ("…; rồi liên hệ …", clauses.THEN), whoever spoke before."""
    lower = OPENERS.sub("", normalize(sentence).lower()).strip()
    if READ_BACK.match(normalize(sentence).lower()):
        return None
    if previous is None or previous.label == turn.label or not turn.label or QUESTION.search(lower) \
            or re.match(r"(?:báo cáo|thưa)\s+(?:anh|chị|đồng chí|chủ tịch)\b", lower) \
            or DEFER.search(lower) or CONDITION.search(lower) or REPORTED.search(lower) \
            or re.search(r"\b(?:ai|có|do|vì|hẹn|dự kiến|đang|đã)\b", lower) \
            or re.search(rf"(?:^|[,;]\s*)(?:tôi|em|mình|chúng tôi|chúng em)\b|\b(?:tôi|em|mình)\s+(?:sẽ\s+)?{verb()}\b",
                         lower) \
            or roster.mentions(sentence, verbs=VERB_AHEAD) or units_in(sentence, roster):
        return None
    found = find_deadline(sentence, meeting, None, calendar)
    if found is None:
        return None
    # The rest must be an order: a verb of work first, perhaps after "khẩn trương lên", "nhớ", "phải".
    rest = OPENERS.sub("", (sentence[:found[1]] + " " + sentence[found[2]:]).lower().strip() + " ")
    urge = _URGED.match(rest)
    urged = urge.group(0).strip(" ,.") if urge is not None else ""
    if not goes_on and turn.index - previous.index > 1 and not urged:
        return None  # "… hạn là ngày 25 ạ." — "Ừ, chị Lan tổng hợp, …" — "Còn …" — "Thông báo bà con …": said on
    if not goes_on and not urged and BARE_ACK.fullmatch(normalize(previous.text).lower()):
        return None  # "dạ em." — "vệ sinh môi trường, ngày 24 tháng 1 ra quân …": the chair goes on to the next matter
    rest = rest[urge.end():] if urge is not None else rest
    if not re.match(rf"{verb()}\b", rest):
        return None
    content = JUNK.sub(" ", sentence[:found[1]] + " " + sentence[found[2]:])
    content = re.sub(r"\s+", " ", OPENERS.sub("", content.lower())).strip(" ,.;:")
    return Anchor("task", previous.speaker, content[:1].upper() + content[1:], found[0], sentence.strip(), True,
                  how="told")
