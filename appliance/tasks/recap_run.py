"""A closing recap the recogniser wrote as one run, without commas: "tóm lại hùng chiều nay góp ý chị lan dự thảo
trước tết dương lịch chị hạnh thứ hai họp hội đồng tuấn hồ sơ khen thưởng công an nhà trọ trong tháng".

Its items are terse ("hùng chiều nay"): a name followed by a few words of the job and its date, no verb, so the
clause rules (a doer before a verb of work) read nothing or one long clause whose date lands on the first name.
Here the run is cut at every person or unit of the directory it names, and each piece that says a date restates
that person's task with it (extract._merge's recap path: it fills a missing date and, for someone given nothing
before, adds the task; a piece without a date adds nothing, since "mai phòng họp" may be anything).
"""

from __future__ import annotations

import datetime as dt
import re

from appliance.tasks.anchor import Anchor
from appliance.tasks.cues import choose, units_in
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.phrases import VERB_AHEAD
from appliance.tasks.roster import Mention, Person, Roster
from appliance.text.dates import WorkCalendar

# Session 10 (docs/meetings.md, "Session 10"): on; False reads a run-on recap with the clause rules alone.
SESSION10_RECAP_ITEMS = False  # rule R1 of session 10, once at the end (docs/meetings.md)
_ANY = re.compile(r"")  # in a recap a name needs no verb after it: "hùng chiều nay", "tuấn hồ sơ khen thưởng"
_MIN_PEOPLE = 2


def recap_items(sentence: str, roster: Roster, speakers: list[Person], meeting: dt.date,
                calendar: WorkCalendar | None) -> list[Anchor] | None:
    """The dated items of an unpunctuated recap sentence, or None when the sentence is not one (punctuated, or
    naming fewer than two people or units)."""
    if not SESSION10_RECAP_ITEMS or re.search(r"[,;:]", sentence.rstrip(" .!?")):
        return None
    units = units_in(sentence, roster)
    spots = [(start, end, person) for start, end, person in units]
    taken = [(s, e) for s, e, _p in units]
    for mention in roster.mentions(sentence, verbs=VERB_AHEAD):
        if not any(s <= mention.start < e for s, e in taken):
            spots.append((mention.start, mention.end, choose(mention, speakers)))
            taken.append((mention.start, mention.end))
    # A bare name with no verb after it opens an item only where one can open: the recap's first word, or right
    # after the date that closed the item before ("… trong tháng mai hoa với giấy khen"; "xác minh" is no Minh).
    for mention in roster.mentions(sentence, verbs=_ANY) + _mai(sentence, roster):
        if not any(s <= mention.start < e for s, e in taken) and _opens_item(sentence[:mention.start], meeting,
                                                                              calendar):
            spots.append((mention.start, mention.end, choose(mention, speakers)))
            taken.append((mention.start, mention.end))
    spots.sort(key=lambda s: s[0])
    if len({p.name for _s, _e, p in spots}) < _MIN_PEOPLE:
        return None
    # a bare "lan" when two Lans work at the ward: the recap cannot say which, so the piece only cuts the run
    vague = {start for start, _e, _p in spots if any(m.start == start and len(m.people) > 1
                                                      for m in roster.mentions(sentence, verbs=_ANY))}
    out: list[Anchor] = []
    for index, (start, end, person) in enumerate(spots):
        stop = spots[index + 1][0] if index + 1 < len(spots) else len(sentence)
        piece = sentence[end:stop]
        found = find_deadline(_no_bare_mai(piece), meeting, None, calendar)
        if found is None or start in vague:
            continue
        content = re.sub(r"\s+", " ", piece[:found[1]] + " " + piece[found[2]:]).strip(" .")
        out.append(Anchor("task", person, content[:1].upper() + content[1:], found[0], sentence.strip(),
                          recap=True))
    return out


# Words a recap opens with before its first item: "rồi tóm lại nhé", "chị tóm lại", "thôi nhắc lại".
_OPENING = {"rồi", "thôi", "vậy", "thế", "nhé", "chốt", "lại", "tóm", "tắt", "nhắc", "kết", "luận", "tổng", "anh",
            "chị", "em", "ờ", "à", "dạ", "ừ"}
_TIME_BEFORE = re.compile(r"\b(?:ngày|sáng|chiều|tối|hôm|từ|trước|đến|trong|nội)\s*$")


def _opens_item(before: str, meeting: dt.date, calendar: WorkCalendar | None) -> bool:
    words = re.findall(r"\w+", before.lower())
    if all(w in _OPENING for w in words):
        return True
    tail = " ".join(words[-6:])
    found = find_deadline(_no_bare_mai(tail), meeting, None, calendar)
    return found is not None and not tail[found[2]:].strip()


def _mai(sentence: str, roster: Roster) -> list[Mention]:
    """"mai" as the one Mai of the directory (the roster never takes a bare lower-case "mai": it is tomorrow)."""
    people = roster.by_name("mai")
    if len(people) != 1:
        return []
    return [Mention(m.start(), m.end(), m.group(0), tuple(people), True)
            for m in re.finditer(r"\bmai\b(?!\s*$)", sentence)
            if not _TIME_BEFORE.search(sentence[:m.start()].lower())]


def _no_bare_mai(text: str) -> str:
    """In a recap, "mai" without a time word before it ("… màn hình mai phòng họp") is not tomorrow."""
    return re.sub(r"\bmai\b", lambda m: m.group(0) if _TIME_BEFORE.search(text[:m.start()].lower()) else "   ",
                  text)
