"""A transcript as turns of speakers, and who each speaker is.

Lines are "Speaker: text" (a directory name, or "Người nói N" for a voice nobody named yet); text without
a speaker is one turn. An unnamed voice gets a name from what the meeting says:
- a vocative or a question to someone ("Anh Hùng nắm chưa?", "Anh Bảo ơi …") names who answers next;
- the opener's "có anh Nam bên địa chính về dự" names the next new voice;
- "tôi tổ trưởng tổ 10", or opening a meeting of a residential group ("Họp tổ dân phố số 1"), makes
  the voice that group's (its jobs are keyed to the group).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from appliance.tasks.deadlines import number as number_said
from appliance.tasks.roster import Person, Roster
from appliance.tasks.runon import punctuate
from appliance.text import fold, normalize

_LINE = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s*(.*)$")
_VOICE = re.compile(r"^(người nói|speaker|người phát biểu)\s*\d+$", re.IGNORECASE)
# Group numbers as the recogniser writes them: "tổ sáu", "tổ mười hai", "tổ hai mươi mốt".
_NUMBER = (r"\d{1,3}|(?:mười|(?:hai|ba) mươi)(?:\s+(?:một|mốt|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín))?|"
           r"một|hai|ba|bốn|năm|sáu|bảy|tám|chín")
# "bác tổ trưởng tổ 8", "tổ trưởng tổ năm": the group's officer speaks and acts for the group. Not after "mỗi / từng"
# ("mỗi tổ một buổi": each group one session; session 22, a bug fix by rule R7)
TDP = re.compile(rf"(?<!\bmỗi )(?<!\btừng )\b(?:(?:bác|ông|bà|anh|chị|cô|chú)\s+)?"
                 rf"(?:(?:tổ\s+(?:trưởng|phó)|trưởng\s+tổ)\s+)?"
                 rf"(?:tổ(?:\s+dân\s+phố)?|tdp)\s+(?:số\s+)?({_NUMBER})\b", re.IGNORECASE)
_SELF_OFFICER = re.compile(r"\btôi\s+(?:là\s+)?tổ\s+(?:trưởng|phó)\b", re.IGNORECASE)
_SELF_TDP = re.compile(r"\btôi\s+(?:là\s+)?tổ\s+(?:trưởng|phó)\s+tổ(?:\s+dân\s+phố)?\s+(?:số\s+)?(\d{1,3})\b",
                       re.IGNORECASE)
# Session 12 (docs/meetings.md, "Session 12"): the group's number said in words, as the recogniser writes it ("dạ tôi
# tổ trưởng tổ sáu …", "tôi là tổ trưởng tổ bốn"): that voice speaks for the group, as with "tổ 6".
_SELF_TDP_WORDS = re.compile(rf"\btôi[\s.,]+(?:là\s+)?tổ\s+(?:trưởng|phó)\s+tổ(?:\s+dân\s+phố)?\s+"
                             rf"(?:số\s+)?({_NUMBER})\b", re.IGNORECASE)
# Session 14 (docs/meetings.md, "Session 14"): a younger officer says "em" ("Cho em xin ý kiến, em là tổ trưởng tổ 3",
# "dạ em tổ trưởng tổ mười ạ"): that voice speaks for the group, as with "tôi".
_SELF_TDP_EM = re.compile(rf"\b(?:em|cháu)[\s.,]+(?:là\s+)?tổ\s+(?:trưởng|phó)\s+tổ(?:\s+dân\s+phố)?\s+"
                          rf"(?:số\s+)?({_NUMBER})\b", re.IGNORECASE)
_GROUP_MEETING = re.compile(r"\b(?:họp\s+tổ(?:\s+dân\s+phố)?\s+(?:số\s+)?(\d{1,3})|tổ(?:\s+dân\s+phố)?\s+"
                            r"(?:số\s+)?(\d{1,3})\s+họp)\b", re.IGNORECASE)
# Session 13 (docs/meetings.md, "Session 13"): the secretary notes who an unnamed voice is at the start of its turn,
# in brackets ("Người nói 7: (tổ trưởng TDP số 3) tổ em nhiều cụ già …", "(bác tổ phó tổ 9)"): that voice speaks for
# the group, as "tôi là tổ trưởng tổ 3" makes it.
_NOTED_ROLE = re.compile(rf"^\s*[(\[]\s*(?:(?:bác|ông|bà|anh|chị|cô|chú)\s+)?(?:tổ\s+(?:trưởng|phó)|trưởng\s+tổ)\s+"
                         rf"(?:tổ(?:\s+dân\s+phố)?|tdp)\s+(?:số\s+)?({_NUMBER})\b[^)\]]*[)\]]", re.IGNORECASE)
_GUEST = re.compile(r"\bcó\s+((?:anh|chị|ông|bà|đồng chí)\s+[^\W\d_]+)\b[^.?!]{0,60}?\bvề\s+dự\b", re.IGNORECASE)


_THANKED = re.compile(rf"^[^.?!]{{0,40}}?\btổ\s+(?:trưởng|phó)\s+tổ(?:\s+dân\s+phố)?\s+(?:số\s+)?({_NUMBER})\b",
                      re.IGNORECASE)


@dataclass
class Turn:
    index: int
    label: str          # as written before ":" ("" without one)
    text: str
    speaker: Person     # who speaks (kind "voice" with name "" while unknown)
    leads: bool = False  # the chair: the one who opened the meeting (their "em" is whom they answer)
    typed: str = ""     # the text as typed, when session 13's shorthand spelled out changed it
    spans: list[tuple[int, int]] = field(default_factory=list)  # each character of `text` → its span in `typed`
    group: Person | None = None  # the one tổ dân phố of the meeting (its own, or the one whose officer spoke)


def group_person(number: str) -> Person:
    name = f"Tổ dân phố số {number_said(fold(number))}"
    return Person(name, name, None, "unit")


# Session 13 (docs/meetings.md, "Session 13"): a secretary's notes typed live. Shorthand: "a." / "c." / "e." before a
# name, a lone "a", "c", "e" (anh, chị, em: "trình a ký", "c. Hạnh duyệt", "a ơi"), "b/c" (báo cáo), "ds" (danh
# sách), "đc" (được), "ko" (không), "CA" (công an), "VP" (văn phòng), "KH" (kế hoạch), "TDP" (tổ dân phố), "CHQS"
# (chỉ huy quân sự), "TN" (thanh niên) are read spelled out, so "c." ends no sentence and the units are found; the
# task's content is spelled out, its quote is given back as typed (`as_typed`).
_UPPER = "A-ZĐÀÁẢÃẠÂẦẤẨẪẬĂẰẮẲẴẶÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
# not a letter naming a block, an item or a kind ("khu a", "tòa c", "mục a.", "loại a")
_LETTER_OF = (r"(?<!\bkhu )(?<!\btòa )(?<!\bnhà )(?<!\bdãy )(?<!\blô )(?<!\btầng )(?<!\bngõ )(?<!\bhẻm )"
              r"(?<!\bloại )(?<!\bhạng )(?<!\bmục )(?<!\bđiểm )(?<!\bkhoản )(?<!\bphần )(?<!\bý )(?<!\bcâu )"
              r"(?<!\bphụ lục )(?<!\bvitamin )(?<!\bđội )(?<!\bkhối )(?<!\bsố )")
_HONORIFIC_DOT = re.compile(rf"{_LETTER_OF}(?<![\w/.])([ace])\.\s+(?=[{_UPPER}])")
_HONORIFIC_LONE = re.compile(rf"{_LETTER_OF}(?<![\w/.])([ace])(?=\s+[^\W\d_]|\s*[,.;!?]|\s*$)")
_PRONOUNS = {"a": "anh", "c": "chị", "e": "em"}
_SHORT = [(re.compile(r"(?<![\w/])(?i:b/c)(?![\w/])"), "báo cáo"),
          (re.compile(r"(?<![\w/])ds(?![\w/])"), "danh sách"), (re.compile(r"(?<![\w/])đc(?![\w/])"), "được"),
          (re.compile(r"(?<![\w/])ko(?![\w/])"), "không"), (re.compile(r"(?<![\w/])CA(?![\w/])"), "công an"),
          (re.compile(r"(?<![\w/])VP(?![\w/])"), "văn phòng"), (re.compile(r"(?<![\w/])KH(?![\w/])"), "kế hoạch"),
          (re.compile(r"(?<![\w/])TDP(?![\w/])"), "tổ dân phố"),
          (re.compile(r"(?<![\w/])CHQS(?![\w/])"), "chỉ huy quân sự"),
          (re.compile(r"(?<![\w/])TN(?![\w/])"), "thanh niên")]


_SPELLED = re.compile("|".join(f"(?P<s{i}>{rx.pattern})" for i, rx in
                               enumerate([_HONORIFIC_DOT, _HONORIFIC_LONE, *(rx for rx, _w in _SHORT)])))


def _spelled(m: re.Match[str]) -> str:
    if m.group("s0") is not None:
        return _PRONOUNS[m.group("s0")[0]] + " "
    if m.group("s1") is not None:
        return _PRONOUNS[m.group("s1")]
    return next(words for i, (_rx, words) in enumerate(_SHORT) if m.group(f"s{i + 2}") is not None)


def spell_out(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with the shorthand spelled out, and for each of its characters the span of the original text it
    comes from (so a quote can be given back as the secretary typed it)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    last = 0
    for m in _SPELLED.finditer(text):
        out.append(text[last:m.start()])
        spans += [(i, i + 1) for i in range(last, m.start())]
        words = _spelled(m)
        out.append(words)
        spans += [(m.start(), m.end())] * len(words)
        last = m.end()
    out.append(text[last:])
    spans += [(i, i + 1) for i in range(last, len(text))]
    return "".join(out), spans


def _spell_out(text: str) -> str:
    return spell_out(text)[0]


def as_typed(turn: Turn, quote: str) -> str:
    """A quote of the turn's (spelled-out) text as it was typed ("c. Lan dự thảo KH …"); unchanged when the turn had
    no shorthand or the quote is not found in it."""
    if not turn.spans:
        return quote
    at = turn.text.find(quote)
    if at < 0 or not quote:
        return quote
    return turn.typed[turn.spans[at][0]:turn.spans[at + len(quote) - 1][1]]


def turns(transcript: str, roster: Roster, title: str = "") -> list[Turn]:
    out: list[Turn] = []
    for raw in normalize(transcript).splitlines():
        if not raw.strip():
            continue
        match = _LINE.match(raw)
        if match and not re.search(r"\d", match.group(1)[:1]):
            label, text = match.group(1).strip(), match.group(2).strip()
        elif out:
            out[-1].text += " " + raw.strip()
            continue
        else:
            label, text = "", raw.strip()
        known = roster.speaker(label) if label and not _VOICE.match(label) else None
        if known is None and label and not _VOICE.match(label):
            known = Person(label, kind="said")  # a name outside the directory, as the transcript writes it
        out.append(Turn(len(out), label, text, known or Person("", kind="voice")))
    for turn in out:
        raw = _gaps(turn.text)
        spelled, spans = spell_out(raw)
        turn.text = punctuate(spelled)
        if spelled != raw and turn.text == spelled and punctuate(raw) == raw:  # the punctuator left both alone
            turn.typed, turn.spans = raw, spans
        turn.leads = bool(turn.label) and turn.label == out[0].label
    _name_voices(out, roster, title)
    return out


def meeting_group(title: str) -> Person | None:
    """Session 16: the tổ dân phố whose own meeting this is, when the title names it ("Họp tổ dân phố số 3 …")."""
    group = _GROUP_MEETING.search(title)
    return group_person(group.group(1) or group.group(2)) if group else None


def _name_voices(items: list[Turn], roster: Roster, title: str) -> None:
    names: dict[str, Person] = {}
    guests: list[Person] = []
    opener = items[0].label if items else ""
    group = _GROUP_MEETING.search(title) or (_GROUP_MEETING.search(items[0].text) if items else None)
    if group and opener and _VOICE.match(opener):
        names[opener] = group_person(group.group(1) or group.group(2))
    for turn in items:
        if turn.speaker.kind != "voice":
            continue
        noted = _NOTED_ROLE.match(turn.text)
        if noted and turn.label and turn.label not in names:
            names[turn.label] = group_person(noted.group(1))
            continue
        own = _SELF_TDP.search(turn.text) or _SELF_TDP_WORDS.search(turn.text) \
            or _SELF_TDP_EM.search(turn.text)
        if own:
            names[turn.label] = group_person(own.group(1))
        elif group and turn.label and _SELF_OFFICER.search(turn.text):  # "Tôi là tổ phó" at the group's meeting
            names[turn.label] = group_person(group.group(1) or group.group(2))
    for i, turn in enumerate(items):
        for said in _GUEST.findall(turn.text):
            found = roster.by_name(said)
            if len(found) == 1:
                guests.append(found[0])
        if turn.speaker.kind == "voice" and turn.label not in names and turn.label:
            if guests and turn.label != opener:
                names[turn.label] = guests.pop(0)
        nxt = items[i + 1] if i + 1 < len(items) else None
        # "Cảm ơn bác Vinh, tổ trưởng tổ 4 …" right after a voice: that voice spoke for the group
        thanked = _THANKED.search(nxt.text) if nxt is not None and nxt.label != turn.label else None
        if turn.speaker.kind == "voice" and turn.label and turn.label not in names and thanked:
            names[turn.label] = group_person(thanked.group(1))
        if nxt is not None and nxt.speaker.kind == "voice" and nxt.label and nxt.label != turn.label \
                and nxt.label not in names:
            called = _addressed(turn.text, roster) or _told(turn.text, nxt.text, roster)
            if called is not None:
                names[nxt.label] = called
    for turn in items:
        if turn.speaker.kind == "voice" and turn.label in names:
            turn.speaker = names[turn.label]
    # the meeting's one group: its own ("Họp tổ dân phố số 4"), or the only one whose officer speaks in it
    groups = {p.name: p for p in names.values() if p.kind == "unit" and p.name.startswith("Tổ dân phố")}
    whose = group_person(group.group(1) or group.group(2)) if group else None
    one = whose or (next(iter(groups.values())) if len(groups) == 1 else None)
    for turn in items:
        turn.group = one
    residents = {t.label for t in items if t.speaker.kind == "voice" and t.label and _RESIDENT.search(t.text)}
    for turn in items:
        if turn.label in residents and turn.speaker.kind == "voice":
            turn.speaker = Person("", RESIDENT, None, "voice")


# Session 16 (docs/meetings.md, "Session 16"): words dropping out of a bad line or a speaker trailing off mid-sentence,
# "..." between two words ("ừ ... Minh ... báo cáo ... bằng văn bản ... gửi quận ... trong 3 ngày làm việc", "cái này
# thì là... lực lượng đang mỏng"), are a gap in one sentence, not its end; "... thôi," (withdrawing), "... à", "...
# không" and a capital after it keep their reading
_DROPOUT = re.compile(r"(?<=\w)\s*(?:\.\.\.|…)\s+(?=\w)(?!(?:thôi|à|ờ|không)\b)")


def _gaps(text: str) -> str:
    """`text` with each dropout "..." before a lower-case word or a number read as a space."""
    return _DROPOUT.sub(lambda m: " " if not text[m.end()].isupper() else m.group(0), text)


# Session 16 (docs/meetings.md, "Session 16"): an unnamed voice who says they are a resident, a house owner or a shop
# owner ("tôi là người dân tổ 5 thôi", "em là chủ nhà ạ") speaks for themself, not for the ward: what is asked of them
# is a request to citizens, no task (proposals.proposals); a tổ trưởng's voice keeps its reading
RESIDENT = "người dân"
_RESIDENT = re.compile(r"\b(?:tôi|em|cháu|con)\s+(?:chỉ\s+)?(?:là\s+)?(?:người dân|dân thường|chủ nhà|chủ hộ|"
                       r"chủ quán|chủ cơ sở|chủ nhà trọ)\b", re.IGNORECASE)


_CALL = re.compile(r"((?:anh|chị|ông|bà|đồng chí|bác)\s+[^\W\d_]+)\s*(?:ơi\b|[,?]|\s+(?:nắm|thấy|có|thì|ạ)\b"
                   r"[^.!]*\?|\s+cho\s+(?:em|anh|chị|tôi)\s+hỏi\b)", re.IGNORECASE)
# A turn that opens by telling someone to act ("anh Huy kiểm tra cái cống…"), answered by a new voice with
# "dạ", "vâng", "rõ": that voice is the one told.
_OPENING_ORDER = re.compile(r"^(?:(?:thế|vậy|thôi|còn)\s+)?(?:giao\s+|đề nghị\s+|yêu cầu\s+|nhờ\s+)?"
                            r"((?:anh|chị|em|đồng chí|bác|cô|chú)\s+[^\W\d_]+)\b", re.IGNORECASE)
_CLOSING_ORDER = re.compile(r"(?:^|[,.;]\s*|\b(?:thôi|thế thì|vậy thì)\s+)((?:anh|chị|đồng chí|bác|cô|chú)\s+[^\W\d_]+)"
                            r"\s+(?:tự\s+|sẽ\s+)?(?:làm|lo|nhận|xử lý|chuẩn bị)(?:\s+(?:luôn|đi|nhé|nốt))*[\s.!]*$",
                            re.IGNORECASE)
_ANSWER = re.compile(r"^\s*(?:dạ|vâng|rõ|em\s+(?:sẽ|xin|nhận))\b", re.IGNORECASE)


def _told(text: str, answer: str, roster: Roster) -> Person | None:
    match = _OPENING_ORDER.match(text.strip())
    if match is None:
        # … or closes by telling someone ("… à không tuấn bận, thôi chị hà tự làm" — "dạ em chuẩn bị xong …")
        match = _CLOSING_ORDER.search(text.strip())
    if match is None or not _ANSWER.match(answer):
        return None
    found = roster.by_name(match.group(1))
    return found[0] if len(found) == 1 else None


# Session 23 (docs/meetings.md, "Session 23"): a name right after "đưa / gửi / trình / nộp / chuyển / cho" followed by
# a comma is whom something is handed to ("Thế thì anh gửi lại cho phường cái tờ trình …, đưa anh Hùng, bọn anh xem
# cân đối được bao nhiêu." — "Vâng."), not a call: the voice answering is not that person
_GOES_TO = re.compile(r"\b(?:đưa|gửi|trình|nộp|chuyển|cho)\s+(?:lại\s+|cho\s+)?$", re.IGNORECASE)


def _addressed(text: str, roster: Roster) -> Person | None:
    """Whom a turn calls on: "Anh Bảo ơi …", "… Anh Hùng nắm chưa?" (then that person answers)."""
    for match in _CALL.finditer(text):
        if _GOES_TO.search(text[max(0, match.start() - 12):match.start()]):
            continue  # "…, đưa anh Hùng, bọn anh xem …": whom the paper goes to, not whom the turn calls
        found = roster.by_name(match.group(1))
        if len(found) == 1:
            return found[0]
    return None
