"""One turn of a meeting → its anchors: who is told (or offers) to do what, by when; plus the turn's
agreements to a proposed deadline and its withdrawals. Matching runs on lower-case text with its
diacritics (the deadline finder folds on its own); see `extract.py` for the phrasing families."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from appliance.tasks.deadlines import find_deadline, fold_keep
from appliance.tasks.dialogue import TDP, Turn, group_person
from appliance.tasks.roster import Mention, Person, Roster
from appliance.text import normalize
from appliance.text.dates import WorkCalendar

# Verbs of work (a name or pronoun right before one of these is being told, or offers, to act).
VERB = (r"(?:làm(?: việc)?|lập|chuẩn bị|xử lý|rà soát|rà|kiểm tra|báo cáo|gửi|nộp|trình|tổng hợp|liên hệ|viết|"
        r"thông báo|theo dõi|đôn đốc|ghép|mời|in|phát|cử|gọi|"
        r"dự(?! thảo| kiến| án| toán| báo| định| họp)|dự thảo|bố trí|thẩm định|hoàn thành|"
        r"hoàn thiện|triển khai|thực hiện|xây dựng|giải quyết|soạn(?: thảo)?|cập nhật|tổ chức|chủ trì|thu|đăng|"
        r"ra|sắp xếp|hướng dẫn|vận động|lo|phụ trách|chịu trách nhiệm|có trách nhiệm|đảm nhận|nắm|tuyên truyền|"
        r"khắc phục|tăng cường|huy động|xác minh|mua|lắp|sửa|thống kê|cắm|nhắc|tập huấn|dọn|đầu mối|"
        r"phối hợp|tiếp nhận|rà soát|tiếp tục|khẩn trương|chốt|trả lời|giải trình|bổ sung|tuần tra|duyệt|ký|"
        r"xin ý kiến|tham mưu|tiếp|đọc|cho người|đến|xuống|lên|kê khai|quét|nhập|số hóa|chụp|đặt|"
        r"thuê|mượn|bàn giao|nhận|giữ|trực|canh|chụp|dán|treo|niêm yết|chi trả|chi|trả|chuyển|đổi|báo|"
        r"sao gửi|photo|chở|dựng|mở|đóng|kiểm đếm|rà lại|soát|xong|hoàn tất|chỉ đạo|tham gia|tiếp đoàn|"
        r"đón|chuẩn|xem|xem lại|ghi|nghiên cứu|tìm hiểu|gặp|làm rõ|dứt điểm|cưỡng chế|lập tức)")
_FILLER = r"(?:\s+(?:sẽ|thì|cũng|luôn|tiếp tục|khẩn trương|trực tiếp|giúp|cho người|ngay|chịu khó|bên\s+\S+))*"
VERB_AHEAD = re.compile(rf"^\s*,?{_FILLER}\s+{VERB}\b")
DIRECTIVE = re.compile(r"\b(?:giao(?: cho| nhiệm vụ cho| nhiệm vụ)?|đề nghị|yêu cầu|nhờ|phân công|phiền|"
                       r"chuyển cho|cử)\s*$")
FIRST = re.compile(rf"^(?:để\s+(?:anh|chị)|(?:anh|chị)(?=\s+sẽ)|(?:để\s+)?(?:em|tôi|mình|tớ|chúng tôi|chúng em))"
                   rf"(?:\s+(?:sẽ|xin|cũng|luôn|thì|tự))*\s+{VERB}\b")
SENIOR_SELF = re.compile(rf"^(?:chị|anh)(?:\s+(?:sẽ|cũng))?\s+{VERB}\b[^.?!]*\bem\b")
SECOND = re.compile(rf"^(?:em|anh|chị|bác|cô|chú|ông|bà)(?:\s+(?:sẽ|thì|cũng|cứ))*\s+{VERB}\b")
OPENERS = re.compile(r"^(?:(?:dạ|vâng|ừ|ờ|được|ok|rồi|thế|thế thì|vậy|vậy thì|thôi|à|còn|nhé|tốt|tốt quá|có|"
                     r"đồng ý|rõ|càng tốt|ừ thế)\s*[,.]?\s+)+")
AGREE = re.compile(r"^(?:được|ừ|vâng|ok|đồng ý|càng tốt|thế cũng được|nhất trí)\b")
QUESTION = re.compile(r"\?\s*$|\b(?:có cần|có phải|chưa ạ|không ạ|thế nào|bao giờ)\b|"
                      r"\bđược không(?:\s+(?:ạ|anh|chị|em|nhỉ))*\s*[?.!]?\s*$")
# A request put as a question is still a request: "anh Hùng kiểm tra giúp tôi được không?"
POLITE = re.compile(r"\b(?:giúp|hộ)(?: (?:tôi|anh|chị|em|mình))?\b.{0,20}\bđược không\b|\bnhé\s*\?\s*$")
WITHDRAW = re.compile(r"(?:\.\.\.|…)?\s*,?\s*\bà\s+(?:thôi|không)\b\s*,?\s*|(?:\.\.\.|…)\s*thôi\s*,\s*",
                      re.IGNORECASE)
CANCEL = re.compile(r"\b(?:không phải làm nữa|không cần làm nữa|không cần nữa|thôi không làm|hủy việc|"
                    r"thôi,? chưa giao ai|thôi khỏi|khỏi làm|"
                    r"không làm nữa)\b|^(?:thôi,? )?chưa giao ai\b")
DEFER = re.compile(r"\b(?:để sau|tính sau|sau tính|chưa cần|không cần|chưa giao|có thể|tạm dừng|tạm hoãn|hoãn lại|"
                   r"nếu được|nếu kịp|tùy|để (?:anh|chị|em|tôi|mình) "
                   r"(?:suy nghĩ|xem|tính|hỏi)|không thì thôi|không bàn|không thuộc|hỏi lại|để sang năm|"
                   r"chưa có nguồn|chưa nói trước|không gấp|nếu có thời gian|chưa làm|khi nào có)\b")
CONDITION = re.compile(r"\bnếu\b")
REPORTED = re.compile(r"^\s*,?\s*(?:đã|vừa|mới|cho biết|nói|nêu|phát biểu|báo cáo rằng|cho rằng|nhấn mạnh|"
                      r"trình bày|bảo|có ý kiến|đang|xong rồi|làm xong rồi|đều)\b"
                      # what to say now, in the meeting ("anh Hùng báo cáo nhanh đi"): a routine remark
                      r"|^\s*(?:báo cáo|trình bày|nói|phát biểu|cho ý kiến|tóm tắt|đọc)(?:\s+(?:nhanh|qua|tình hình|"
                      r"luôn|trước|ngắn gọn|cụ thể|cho mọi người|cho các đồng chí))*\s*(?:đi|nhé|xem)?\s*[.!?]?\s*$")
PRAISE = re.compile(r"\b(?:tốt lắm|rất tốt|giỏi lắm|vất vả|cảm ơn)\b")
DONE = re.compile(r"\b(?:đã|xong rồi|rồi ạ|xong hết|vừa xong)\b")
PARTICLE = re.compile(r"\bđi\s*[.!]?$|\b(?:nhé|nha|giúp|luôn|ngay|nhanh|khẩn trương|phải|cho tôi|cho anh|cho chị|"
                      r"dứt điểm|chủ trì|phụ trách|chịu trách nhiệm|có trách nhiệm|đầu mối|theo dõi|lo)\b")
INTENT = re.compile(r"\b(?:sẽ|xin|để em|để tôi|luôn|ngay|nhé|ạ|nhận|lo cho)\b|^(?:để\s)|^\s*nhận\b")
PROPOSAL = re.compile(rf"\b(?:em|tôi|mình)(?:\s+(?:sẽ|xin))?\s+{VERB}\b(?!.*\b(?:em|tôi|mình)\s+{VERB}\b)")
ALREADY = re.compile(r"\b(?:em|tôi|bên em|chị|anh)\b.*\b(?:rồi|đã)\b")
LEAVE_IT = re.compile(r"\b(?:cứ\s+)?để\s+(?:em|tôi)(?:\s+(?:lo|làm|nhận))?\s*(?:cho|ạ|nhé|anh|chị)?\s*[.!]?\s*$")
COORDINATE = re.compile(r"^\s*,?\s*(?:phối hợp|cùng)\b")
_OBJECT_BEFORE = re.compile(r"\b(?:có|thay|cho|với|gửi|của|nộp|trình|báo|mời|hỏi|giúp|về|tặng|là)\s*$")
_JUNK = re.compile(r"^\s*(?:,|\(|\)|bên|thuộc|của|thì|ạ)\s*|\s*\b(?:nhé|nha|ạ|luôn|nhá)\b\s*|[.;,!]+\s*$")
UNITS: list[tuple[str, str]] = [
    ("Phòng Kinh tế, Hạ tầng và Đô thị", r"phong kinh te(?:,? ha tang va do thi)?"),
    ("Phòng Văn hóa - Xã hội", r"phong van hoa(?:\s*[-–,]?\s*xa hoi)?"),
    ("Văn phòng HĐND và UBND",
     r"van phong(?: hdnd va ubnd| uy ban(?: nhan dan)?| hoi dong nhan dan va uy ban nhan dan)?"),
    ("Trung tâm Phục vụ hành chính công", r"trung tam (?:phuc vu )?hanh chinh cong|bo phan mot cua"),
    ("Công an phường", r"cong an(?: phuong)?"),
    ("Ban Chỉ huy Quân sự phường", r"(?:ban chi huy )?quan su phuong|ban chi huy quan su"),
    ("Ủy ban MTTQ phường", r"(?:uy ban )?mat tran to quoc(?: phuong)?|mttq"),
    ("Đoàn Thanh niên", r"doan thanh nien(?: phuong)?"),
    ("Hội Liên hiệp Phụ nữ", r"hoi (?:lien hiep )?phu nu(?: phuong)?"),
    ("Hội Cựu chiến binh", r"hoi cuu chien binh"),
    ("Hội Người cao tuổi", r"hoi nguoi cao tuoi"),
    ("Trạm Y tế phường", r"tram y te(?: phuong)?"),
    ("Chi cục Thuế", r"chi cuc thue"),
]
_UNIT_RE = [(name, re.compile(rf"\b(?:{pattern})\b")) for name, pattern in UNITS]


@dataclass(frozen=True)
class Anchor:
    kind: str                    # task | propose | agree | cancel
    person: Person | None
    content: str = ""
    deadline: dt.date | None = None
    quote: str = ""
    follow_up: bool = False      # may be the same task as this person's in the last turns (accepting, confirming)
    inherits: bool = False       # "… à thôi, Tuấn làm luôn": takes the withdrawn task's content
    same_deadline: bool = False  # "…, cùng hạn": the deadline of the task given just before


@dataclass(frozen=True)
class _Spot:
    start: int
    end: int
    person: Person
    how: str                     # named | unit | first | second
    loose: bool = False          # a pronoun in mid-clause: a task only with a deadline or "sẽ"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+", text) if s.strip(" .;")]


def _units(sentence: str, roster: Roster) -> list[tuple[int, int, Person]]:
    folded = fold_keep(sentence)
    found = [(m.start(), m.end(), roster.unit(name) or name) for name, rx in _UNIT_RE for m in rx.finditer(folded)]
    found += [(m.start(), m.end(), group_person(m.group(1)).name) for m in TDP.finditer(sentence)]
    found.sort(key=lambda u: (u[0], -u[1]))
    kept: list[tuple[int, int, Person]] = []
    for start, end, name in found:
        if not any(start < e and s < end for s, e, _p in kept):
            kept.append((start, end, Person(name, name, None, "unit")))
    return kept


def _choose(mention: Mention, speakers: list[Person]) -> Person:
    if len(mention.people) == 1:
        return mention.people[0]
    for person in reversed(speakers):  # "Lan" said right after Lan spoke is that Lan
        if person in mention.people:
            return person
    return mention.people[0]


def _clause_start(lower: str, pos: int) -> bool:
    before = lower[:pos].rstrip()
    if not before or before.endswith((",", ";", ":", ".", "…", "!")):
        return True
    if re.fullmatch(r"(?:có|không|chưa|rồi|à quên|à|quên)", before):  # "có, huy làm …" answers a question
        return True
    return bool(re.search(r"(?:^|[\s,])(?:thì|thế|ừ|vâng|dạ|được|còn|để|nhé|rồi|thôi|vậy|tốt|chị ơi|anh ơi|em ơi|"
                          r"với cả|ngoài ra|quên|à)$", before))


def _answering(turn: Turn, previous: Turn | None) -> bool:
    """The turn answers a question of the previous speaker ("… em có cần viết tin không ạ?" — "Ừ, em viết
    luôn"): then "em", "anh", "chị" at the head of a clause name the one who asked."""
    return previous is not None and previous.label != turn.label and bool(QUESTION.search(previous.text.lower())) \
        and bool(AGREE.match(normalize(turn.text).lower()))


def _spots(sentence: str, turn: Turn, previous: Turn | None, roster: Roster, speakers: list[Person],
           vocative: Person | None) -> list[_Spot]:
    lower = normalize(sentence).lower()
    spots: list[_Spot] = []
    units = _units(sentence, roster)
    for mention in roster.mentions(sentence, verbs=VERB_AHEAD):
        if any(s <= mention.start < e for s, e, _p in units):
            continue
        spots.append(_Spot(mention.start, mention.end, _choose(mention, speakers), "named"))
    # A unit said right after a person is that person's unit ("anh Hùng, Phòng Kinh tế, …, rà soát").
    for index, spot in enumerate(spots):
        for unit in units:
            gap = sentence[spot.end:unit[0]]
            if unit[0] >= spot.end and re.fullmatch(r"\s*,?\s*(?:bên|thuộc|ở|phụ trách|(?:tổ )?trưởng|(?:tổ )?phó|"
                                                    r"cán bộ|chủ tịch)?\s*", gap, flags=re.IGNORECASE):
                person = spot.person if spot.person.unit else Person(spot.person.name, unit[2].name,
                                                                     spot.person.staff_id, spot.person.kind)
                tail = re.match(r"\s*,", sentence[unit[1]:])
                spots[index] = _Spot(spot.start, unit[1] + (tail.end() if tail else 0), person, spot.how)
                units = [u for u in units if u is not unit]
                break
    taken = [(s.start, s.end) for s in spots]
    for start, end, person in units:
        if not any(start < e and s < end for s, e in taken):
            spots.append(_Spot(start, end, person, "unit"))
    # Pronouns at the head of a clause.
    for m in re.finditer(r"(?:^|(?<=[,;:]\s)|(?<=\s))(?:để\s+)?(em|tôi|mình|tớ|chúng tôi|chúng em|anh|chị|bác|cô|"
                         r"chú|ông|bà)\b", lower):
        if any(s <= m.start() < e for s, e in taken):
            continue
        head = lower[m.start():]
        loose = not _clause_start(lower, m.start())
        if loose and not re.match(rf"^(?:em|tôi)(?:\s+(?:sẽ|xin))?\s+{VERB}\b|^(?:anh|chị)\s+sẽ\s+{VERB}\b", head) \
                and not (vocative is not None and SECOND.match(head)):
            continue
        if SECOND.match(head) and _answering(turn, previous) and previous is not None:
            spots.append(_Spot(m.start(), m.end(), vocative or previous.speaker, "second"))
        elif FIRST.match(head) or SENIOR_SELF.match(head) and previous is not None:
            spots.append(_Spot(m.start(), m.end(), turn.speaker, "first", loose))
        elif SECOND.match(head):
            addressee = vocative or (previous.speaker if previous is not None else None)
            if addressee is not None:
                spots.append(_Spot(m.start(), m.end(), addressee, "second"))
    return sorted(spots, key=lambda s: s.start)


def _is_anchor(spot: _Spot, lower: str, spots: list[_Spot]) -> bool:
    after = lower[spot.end:]
    before = lower[:spot.start]
    if DIRECTIVE.search(before[-30:]):
        return True
    if spot.how in ("first", "second"):
        return True
    if _OBJECT_BEFORE.search(before[-12:]) and not _clause_start(lower, spot.start):
        return False
    if spot.how == "unit" and not VERB_AHEAD.match(after) and not re.match(r"^\s*,", after):
        return False
    if re.match(r"^\s*(?:ơi)?\s*,", after):  # a vocative: the task is what follows, said to them
        return bool(re.match(rf"^\s*(?:ơi)?\s*,\s*{VERB}\b", after))
    return bool(VERB_AHEAD.match(after))


def anchors(turn: Turn, previous: Turn | None, roster: Roster, meeting: dt.date,
            calendar: WorkCalendar | None) -> list[Anchor]:
    out: list[Anchor] = []
    speakers: list[Person] = [turn.speaker] + ([previous.speaker] if previous else [])
    vocative: Person | None = None
    parts = WITHDRAW.split(normalize(turn.text))
    for index, part in enumerate(parts):
        withdrawn = index < len(parts) - 1   # said, then withdrawn in the same breath ("… à thôi, …")
        for sentence in sentences(part):
            lower = sentence.lower()
            if AGREE.match(lower) and not QUESTION.search(lower):
                found = find_deadline(sentence, meeting, None, calendar)
                out.append(Anchor("agree", None, deadline=found[0] if found else None))
            if CANCEL.search(lower):
                out.append(Anchor("cancel", None))
            offer = PROPOSAL.search(lower) if QUESTION.search(lower) and "được không" in lower else None
            if offer is not None:  # "em gửi trước thứ Tư được không": a new deadline, if the chair agrees
                found = find_deadline(sentence[offer.start():], meeting, None, calendar)
                if found is not None:
                    out.append(Anchor("propose", turn.speaker, deadline=found[0]))
                continue
            called = _vocative(sentence, roster, speakers)
            vocative = called or vocative
            found_here = _part(sentence, turn, previous, roster, speakers, vocative, meeting, calendar,
                               index > 0 and not withdrawn, called)
            for anchor in found_here:
                out += [anchor, Anchor("cancel", anchor.person)] if withdrawn else [anchor]
            if not found_here and ALREADY.search(lower) and not re.search(r"\bsẽ\b", lower):
                out.append(Anchor("done", turn.speaker))
            elif not found_here and not AGREE.match(lower) and not QUESTION.search(lower) \
                    and len(re.findall(r"\w+", lower)) <= 6:
                # "Muộn quá, thứ Tư.": a short answer that is a date sets the task just discussed.
                found = find_deadline(sentence, meeting, None, calendar)
                if found is not None:
                    out.append(Anchor("agree", None, deadline=found[0]))
    return out


def _vocative(sentence: str, roster: Roster, speakers: list[Person]) -> Person | None:
    """Whom the sentence calls: "Anh Minh, công an phường tăng cường…", "…, chị Lan nhé."."""
    lower = normalize(sentence).lower()
    for mention in roster.mentions(sentence, verbs=VERB_AHEAD):
        if mention.bare and not lower[mention.end:].lstrip().startswith("ơi"):
            continue
        head = OPENERS.sub("", lower[:mention.start]).strip(" ,")
        after = lower[mention.end:]
        if not head and re.match(r"^\s*(?:ơi\b|này\s*,|,)", after):
            return _choose(mention, speakers)
        if re.match(r"^\s*(?:nhé|nha|ạ)?\s*[.!]?\s*$", after) and lower[:mention.start].rstrip().endswith(","):
            return _choose(mention, speakers)
    return None


def _part(text: str, turn: Turn, previous: Turn | None, roster: Roster, speakers: list[Person],
          vocative: Person | None, meeting: dt.date, calendar: WorkCalendar | None, after_withdrawal: bool,
          called: Person | None = None) -> list[Anchor]:
    lower = normalize(text).lower()
    if not lower.strip():
        return []
    spots = _spots(text, turn, previous, roster, speakers, vocative)
    question = bool(QUESTION.search(lower)) and not POLITE.search(lower)
    out: list[Anchor] = []
    chosen = [s for s in spots if _is_anchor(s, lower, spots)]
    offer = LEAVE_IT.search(lower)
    if offer is not None and not question:  # "việc đó cứ để em": volunteering without a verb
        chosen.append(_Spot(offer.start(), offer.end(), turn.speaker, "first"))
    if not chosen and called is not None and called != turn.speaker and not question \
            and re.search(rf"\b{VERB}\b", lower) and not DEFER.search(lower) and not REPORTED.search(lower):
        # "Cái này phải có người theo dõi, anh Nam nhé.": the work is said first, then whom it is for.
        deadline, content = _deadline_and_content(text, _Spot(0, 0, called, "named"), len(text), [], meeting,
                                                  calendar)
        return [Anchor("task", called, re.sub(r",[^,]*$", "", content), deadline, text.strip(), True)]
    # Someone coordinating is not given a task of their own: the scope stays with the one who leads.
    led: list[_Spot] = []
    for spot in chosen:
        if led and COORDINATE.match(lower[spot.end:]):
            continue
        led.append(spot)
    for i, spot in enumerate(led):
        stop = led[i + 1].start if i + 1 < len(led) else len(text)
        scope_lower = lower[spot.end:stop]
        head = lower[:spot.start]
        if DEFER.search(scope_lower) or DEFER.search(head[-40:]) or CONDITION.search(head[-40:]):
            continue
        if REPORTED.match(scope_lower) or PRAISE.search(scope_lower) or \
                (spot.how == "first" and DONE.search(scope_lower)):
            continue
        if spot.how == "unit" and re.match(r"^\s*,", scope_lower) and not DIRECTIVE.search(head[-30:]):
            continue
        deadline, content = _deadline_and_content(text, spot, stop, led, meeting, calendar)
        if question:
            if spot.how == "first" and deadline is not None and "được không" in lower:
                out.append(Anchor("propose", spot.person, deadline=deadline))
            continue
        directed = bool(DIRECTIVE.search(head[-30:]))
        if spot.how == "first" and not (INTENT.search(scope_lower) or deadline or lower[spot.start:].startswith("để")):
            continue
        if spot.loose and not (deadline or re.match(r"^\s*(?:sẽ|xin)\b", scope_lower)):
            continue
        if spot.how in ("named", "unit") and not (directed or deadline or PARTICLE.search(scope_lower)
                                                   or _clause_start(lower, spot.start)):
            continue
        if spot.how == "second" and not (deadline or PARTICLE.search(scope_lower)):
            continue
        generic = re.fullmatch(r"\s*(?:làm|lo|làm nốt|nhận)?\s*(?:luôn|nhé|đi|ạ|thay)?\s*[.,]?\s*", scope_lower) \
            is not None or re.fullmatch(r"\s*làm\b.*", scope_lower) is not None and len(scope_lower.split()) <= 3
        words = len(re.findall(r"\w+", content))
        follow = spot.how in ("first", "second") or words <= 3 or spot.person == turn.speaker
        person = spot.person
        if called is not None and spot.how in ("unit", "second") and called != turn.speaker:
            person = Person(called.name, called.unit or person.unit, called.staff_id, called.kind)
        same = deadline is None and bool(re.search(r"\b(?:cùng hạn|hạn như trên|cũng hạn đó|như vậy)\b", scope_lower))
        out.append(Anchor("task", person, content, deadline, text.strip(), follow, after_withdrawal and generic,
                          same))
    return out


def _deadline_and_content(text: str, spot: _Spot, stop: int, led: list[_Spot], meeting: dt.date,
                          calendar: WorkCalendar | None) -> tuple[dt.date | None, str]:
    scope = text[spot.end:stop]
    # A name inside the scope is not a date ("mai" is tomorrow, and Vũ Thị Mai).
    masked = "".join(" " if any(s.start <= spot.end + i < s.end for s in led) else ch for i, ch in enumerate(scope))
    found = find_deadline(masked, meeting, None, calendar)
    if found is None and led and spot is led[-1] and spot.start > 0:
        found = find_deadline(text[:spot.start], meeting, None, calendar) if re.search(
            r"\b(?:thì|nhé)\s*$", text[:spot.start].lower()) else None
        found = None if found is None else (found[0], 0, 0)
    body = scope
    if found is not None and found[2] > 0:
        body = scope[:found[1]] + scope[found[2]:]
    content = _JUNK.sub(" ", body)
    content = re.sub(r"\s+", " ", content).strip(" ,.;:-–")
    content = re.sub(r"(?:[,\s]+(?:hoàn thành|xong|hạn chót là|thời hạn|chậm nhất|trước|trong|vào|ngay|hạn|cũng|"
                     r"phải))+\s*$", "", content, flags=re.IGNORECASE).strip(" ,.;:-–")
    return (found[0] if found else None), content[:1].upper() + content[1:]
