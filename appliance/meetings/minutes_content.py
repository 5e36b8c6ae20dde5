"""What each item of the biên bản says: who raised what, and the chair's conclusions and directions.

Extractive (no generator, labelled so): per speaker in the item, the sentence most central to the item
(cosine to the item's centroid, e5 or word overlap), with their name and unit; the conclusions are the
sentences with a cue of deciding or directing ("kết luận", "thống nhất", "giao", "đề nghị", "yêu cầu",
"chỉ đạo", "nhất trí"), the chair's first. With a generator (`minutes_model.py`): a JSON summary whose
every sentence cites the transcript lines it rests on, checked by `ground()`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np

from appliance.engines import Embedder
from appliance.meetings.topics import Line, Section, vectors
from appliance.text import fold
from appliance.text.questions import asks

CONCLUSION = re.compile(r"\b(?:kết luận|thống nhất|nhất trí|giao(?! ban)|đề nghị|yêu cầu|chỉ đạo|quyết định|phân công|"
                        r"khẩn trương|phải hoàn thành|chịu trách nhiệm|chủ trì)\b", re.IGNORECASE)
# The chair asking someone by name to do something by a time, or with a request word, without the formal cue
# words: "ừ chị Hương chuẩn bị trước 15/1", "Bác thông báo giúp nhé" (a direction all the same).
_ADDRESSED = re.compile(r"(?:^|[\s,])(?:anh|chị|em|bác|cô|chú|ông|bà|đồng chí|tổ|phòng|văn phòng|công an)\s+\w+|"
                        r"^(?:\W*(?:ừ|thôi|vậy|thế|rồi)\W+)*(?:bác|cô|chú|ông|bà|anh|chị|em)\b", re.IGNORECASE)
_BY_WHEN = re.compile(r"\b(?:trước|chậm nhất|hạn|trong tuần|tuần (?:này|sau)|ngày mai|sáng mai|chiều mai|chiều nay|"
                      r"hôm nay|thứ (?:hai|ba|tư|năm|sáu|bảy)|cuối tháng|\d{1,2}/\d{1,2})\b|"
                      r"\b(?:giúp|nhờ|lo)\b.*\bnhé\b", re.IGNORECASE)
_FILLER = re.compile(r"^(?:dạ|vâng|ừ|ờ|rõ|được|tốt|ok|thế à|vậy à|cảm ơn)\b[\s.,!ạ]*(?:ạ|anh|chị|em)?[\s.!]*$",
                     re.IGNORECASE)
MAX_PER_SPEAKER = 2


@dataclass
class Point:
    text: str
    sources: list[int] = field(default_factory=list)   # transcript line ids


@dataclass
class Item:
    title: str
    points: list[Point] = field(default_factory=list)        # who raised what
    conclusions: list[Point] = field(default_factory=list)   # kết luận, ý kiến chỉ đạo
    from_agenda: bool = False


@dataclass
class MinutesDraft:
    items: list[Item]
    engine: str                 # "extractive" or the generator's name
    method: str                 # Vietnamese: how the content was made, shown on the page and kept in the draft
    note: str | None = None     # e.g. "2 câu bị bỏ vì không có căn cứ"
    edited: bool = False        # the secretary changed it: regenerating asks first

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> MinutesDraft:
        items = []
        stored = data.get("items")
        for raw in stored if isinstance(stored, list) else []:
            if not isinstance(raw, dict):
                continue
            items.append(Item(str(raw.get("title", "")),
                              [Point(str(p.get("text", "")), [int(s) for s in p.get("sources", [])])
                               for p in raw.get("points", []) if isinstance(p, dict)],
                              [Point(str(p.get("text", "")), [int(s) for s in p.get("sources", [])])
                               for p in raw.get("conclusions", []) if isinstance(p, dict)],
                              bool(raw.get("from_agenda"))))
        note = data.get("note")
        return cls(items, str(data.get("engine", "")), str(data.get("method", "")),
                   str(note) if note else None, bool(data.get("edited")))


def substantive(line: Line) -> bool:
    text = line.text.strip()
    return not _FILLER.match(text) and len(text.split()) >= 4 and not text.endswith("?")


# Spoken openers and closers a biên bản does not write ("Dạ vâng, …", "Ừ thế …", "… ạ", "… nhé"): the
# sentence is kept word for word otherwise (extractive).
_OPENER = re.compile(r"^(?:(?:dạ|vâng|ừ|ờ|à|ừm|thế|thì|rồi|thôi|vậy|được|ok|"
                     r"(?:anh|chị|em|bác) ơi)\b[\s,.]*)+", re.IGNORECASE)
_CLOSER = re.compile(r"(?:[\s,]+(?:ạ|nhé|nha|nhá|nhỉ|đấy|đi|luôn nhé))+\s*([.!?…]*)$", re.IGNORECASE)
# Unpunctuated questions (ASR text): "… không", "… chưa", "có cần … không", "… được không ạ".
_QUESTION = re.compile(r"(?:\b(?:không|chưa|sao|gì|nào|à|hả)\s*(?:ạ|anh|chị|em)?\s*[.?]*$)|^(?:có cần|có phải)\b|"
                       r"\bhay(?: là)? ai\s*(?:ạ|anh|chị|em|nhỉ)?\s*[.?]*$",  # "… anh giao Huy làm hay là ai"
                       re.IGNORECASE)
# Whose words a conclusion is. A line of someone other than the chair stands there either as that person's own
# commitment ("để em làm, thứ Hai em gửi", "phòng em sẽ rà soát") — "X nhận: …" — or as what they said
# (a direction from a deputy, a decision): "X: …". Writing "nhận" before a direction to someone else made the
# speaker the assignee ("Nguyễn Văn An nhận: chị Lan bố trí phòng họp"), the opposite of what was said.
_SELF = re.compile(r"(?:^|[\s,])(?:cứ )?để (?:em|tôi|tớ|mình|chúng em|chúng tôi|bên em|phòng em)\b|"
                   r"\b(?:em|tôi|tớ|chúng em|chúng tôi|bên em|phòng em|tổ em|bộ phận em)\s+"
                   r"(?:xin\s+)?(?:nhận|sẽ|xin làm)\b",
                   re.IGNORECASE)
# A bare acceptance ("Dạ em nhận ạ") says only that: the conclusion names who took the task on.
_ACCEPT_ONLY = re.compile(r"^\W*(?:(?:dạ|vâng|ừ|được|rõ|ok)\W+)*(?:em|tôi|chúng em|bên em|phòng em)\s+(?:xin\s+)?nhận"
                          r"(?:\s+(?:ạ|anh|chị|nhé))*\W*$", re.IGNORECASE)
# A report of what was done ("Báo cáo anh, tuần trước phòng em đã xử lý xong …") is no conclusion, whatever
# words it holds ("anh" + "trước" read as a direction by a date).
_REPORT = re.compile(r"^\W*(?:(?:dạ|vâng|thưa|anh|chị|ơi)\W+)*(?:em |tôi )?(?:xin )?báo cáo\b", re.IGNORECASE)


# Who a turn is addressed to, before what it says ("Anh, trên đường …", "Báo cáo anh, tuần qua …", "Thưa chủ
# tịch, …"): the biên bản already names the speaker and writes what was said, not the address. A bare title
# followed by a comma only: "Anh Hùng, chị Lan cùng làm" names the people a direction is for.
_ADDRESS = re.compile(r"^(?:(?:thưa|báo cáo|xin báo cáo|(?:em|tôi) (?:xin )?báo cáo)\s+)?"
                      r"(?:anh|chị|bác|đồng chí|chủ tịch|các anh chị|các đồng chí)(?:\s+chủ tịch)?\s*,\s*|"
                      r"^(?:thưa|báo cáo|xin báo cáo|(?:em|tôi) (?:xin )?báo cáo)\s+"
                      r"(?:anh|chị|bác|đồng chí|chủ tịch|các anh chị|các đồng chí)(?:\s+chủ tịch)?\b[\s,:]*",
                      re.IGNORECASE)
# "Bên em", "phòng em", "tổ tôi" in a speaker's mouth is the speaker's unit: a biên bản names it, as a secretary
# writes "Công an phường đã xác định được chủ nuôi" for "bên em đã xác định được chủ nuôi".
# Not after a plural ("lịch ở các tổ em đã gửi": the tổ are others, "em" the subject of what follows).
_OWN_UNIT = re.compile(r"(?<!các )(?<!những )(?<!mấy )(?<!từng )(?<!mỗi )(?<!hai )(?<!ba )"
                       r"\b(?:bên|phòng|tổ|bộ phận|ban|đơn vị) (?:chúng em|chúng tôi|em|tôi|mình)\b", re.IGNORECASE)
_UNIT_OF = re.compile(r"\(([^()]+)\)\s*$")


def unit_of(label: str) -> str | None:
    """The unit in a biên bản label ("Trịnh Văn Minh (Công an phường)" → "Công an phường"), if any."""
    found = _UNIT_OF.search(label)
    return found.group(1).strip() if found else None


def _sentence(text: str, unit: str | None = None) -> str:
    """A transcript line as a sentence of the biên bản: spoken openers, the address and closing particles
    trimmed, the speaker's "bên em" named as their unit, a question still a question."""
    asked = asks(text)
    text = " ".join(text.split()).strip(" ,")
    trimmed = _CLOSER.sub(r"\1", _OPENER.sub("", _ADDRESS.sub("", _OPENER.sub("", text)))).strip(" ,")
    text = trimmed if len(trimmed.split()) >= 3 else text
    if unit:
        text = _OWN_UNIT.sub(unit, text)
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    if asked and text[-1] not in "?":
        return text.rstrip(".!…") + "?"
    return text if text[-1] in ".!?…" else text + "."


def directs(text: str) -> bool:
    return bool(_ADDRESSED.search(text) and _BY_WHEN.search(text))


def is_question(text: str) -> bool:
    return text.strip().endswith("?") or bool(_QUESTION.search(text.strip()))


def chairs(speaker: str, chair_key: str) -> bool:
    """Whether `speaker` is the chair the secretary entered (`chair_key`, folded). The field usually carries
    the title as well ("Nguyễn Văn An - Chủ tịch UBND phường", "đ/c Nguyễn Văn An, Chủ tịch"), while the
    speaker is the enrolled name: the name as whole words of the field, or the field at the start of the
    speaker's label. A lone word ("An", "Người nói") is not enough."""
    said = fold(speaker).strip()
    if not chair_key or not said:
        return False
    if said.startswith(chair_key):
        return True
    return len(said.split()) >= 2 and re.search(rf"(?<!\w){re.escape(said)}(?!\w)", chair_key) is not None


def extractive(section: Section, people: dict[str, str], chair: str, embedder: Embedder | None,
               task_quotes: Sequence[str] = ()) -> Item:
    """`people`: a speaker's name → how the biên bản names them ("Trần Văn Hùng (Phòng Kinh tế…)");
    `task_quotes`: the sentences tasks were found in (a direction given is a conclusion of its item)."""
    lines = [ln for ln in section.lines if substantive(ln)]
    item = Item(section.title, from_agenda=section.from_agenda)
    if not lines:
        return item
    vecs = vectors([ln.text for ln in lines], embedder)
    centre = vecs.mean(axis=0)
    centrality = vecs @ centre / max(1e-9, float(np.linalg.norm(centre)))
    quotes = [fold(q) for q in task_quotes if q.strip()]
    chair_key = fold(chair)

    def by_chair(ln: Line) -> bool:
        return chairs(ln.speaker, chair_key)

    def gave_task(ln: Line) -> bool:
        return any(q in fold(ln.text) or fold(ln.text) in q for q in quotes)

    # Conclusions: what the chair decided or directed (its cue words), and any sentence a task was found in
    # (a volunteer's commitment the chair accepted); a question is never one, whatever words it holds.
    decided: list[Line] = [ln for ln in lines if not is_question(ln.text)
                           and (gave_task(ln) or ((CONCLUSION.search(ln.text) or directs(ln.text))
                                                  and (by_chair(ln) or not chair_key)
                                                  and not _REPORT.match(ln.text)))]
    order: list[str] = []
    for ln in lines:
        if ln.speaker not in order:
            order.append(ln.speaker)
    for speaker in order:
        mine = [(float(c), ln) for c, ln in zip(centrality, lines, strict=True) if ln.speaker == speaker]
        # What is under the conclusions is not said twice; the rest is who raised what.
        mine = [(c, ln) for c, ln in mine if ln not in decided]
        if not mine:
            continue
        chosen = sorted(sorted(mine, key=lambda m: -m[0])[:MAX_PER_SPEAKER], key=lambda m: m[1].start)
        name = people.get(speaker, speaker) or "Một người dự họp"
        said = " ".join(_sentence(ln.text, unit_of(name)) for _c, ln in chosen)
        item.points.append(Point(f"{name}: {said}", sorted({ln.id for _c, ln in chosen})))
    chair_first = sorted(decided, key=lambda ln: (not by_chair(ln), ln.start))
    seen: set[str] = set()
    for ln in sorted(chair_first[:6], key=lambda ln: ln.start):
        text = _sentence(ln.text, unit_of(people.get(ln.speaker, ln.speaker)))
        if fold(text) not in seen:
            seen.add(fold(text))
            said = text if by_chair(ln) else attributed(people.get(ln.speaker, ln.speaker), ln.text, text)
            item.conclusions.append(Point(said, [ln.id]))
    return item


def attributed(name: str, said: str, text: str) -> str:
    """A conclusion in the words of someone other than the chair, with whose it is ("em" alone names nobody in
    a biên bản): their commitment "X nhận: …", anything else "X: …"."""
    if _ACCEPT_ONLY.match(said.strip()):
        return f"{name} nhận nhiệm vụ."
    return f"{name} nhận: {text}" if _SELF.search(said) else f"{name}: {text}"


def sources_of(lines: Sequence[Line]) -> dict[int, str]:
    return {ln.id: f"{ln.speaker}: {ln.text}" for ln in lines}
