"""Who a sentence names as told (or offering) to act: the people, units and pronouns at the head of a clause
(`doer_spots`), whether one opens a clause (`clause_start`), and whether a named one is told to act rather than named
as whom the work is for or asked from (`is_anchor`). Split out of clauses.py in session 18 (unchanged)."""

from __future__ import annotations

import re

from appliance.tasks import runon
from appliance.tasks.clause_parts import (
    Spot,
    answering,
    object_of,
)
from appliance.tasks.cues import (
    addresses,
    choose,
    said_to,
    units_in,
)
from appliance.tasks.dialogue import Turn, group_person
from appliance.tasks.phrases import (
    DIRECTIVE,
    FIRST,
    OBJECT_BEFORE,
    RECEIVER_BEFORE,
    SECOND,
    SENIOR_SELF,
    VERB_AHEAD,
    verb,
)
from appliance.tasks.roster import Person, Roster
from appliance.text import normalize

# Session 10: "để em …" opening a clause offers to do it whatever the verb ("Để em huấn luyện lại, sáng thứ Bảy này
# em cho diễn tập"): the construction, not the word list, says it is work; not the verbs of thinking it over or of
# speaking now ("để em xem lại", "để em nói qua").
OFFER = re.compile(r"^để\s+(?:em|tôi|chúng em|chúng tôi)\s+(?!(?:xem|hỏi|nghĩ|suy nghĩ|tính|cân nhắc|nói|kể|trình bày|"
                   r"giải thích|thưa|xin phép|đi vệ sinh|về)\b)[^\W\d_]+")


# Session 14 (docs/meetings.md, "Session 14"): a person or unit after "xin" (ask for, get from) gives what is asked
# ("danh sách xin chị Lan", "xin ý kiến anh Bảo", "xin chữ ký của chị Hạnh"), not the work; "xin mời" is an invitation
ASK_FROM = re.compile(r"(?<!\bem )(?<!\btôi )\bxin(?:\s+(?:ý kiến|chữ ký|số liệu|danh sách|dấu|của|từ|lại|thêm|"
                      r"bên))*\s*$")


# Session 12: a pronoun right before the recap's own verb ("thôi anh nhắc lại ban chỉ huy kế hoạch …", "Chị tóm tắt
# lại: …") is the one recapping, never a doer (nor the one addressed).
RECAP_VERB = re.compile(r"\s+(?:xin\s+)?(?:nhắc lại|tóm lại|tóm tắt(?: lại)?|chốt lại|kết luận|điểm lại|"
                        r"tổng kết lại)\b")


# Session 16: "dạ được anh, em trực ngày 1/1 ạ" from the one who opened a phone call to the chair: a sentence opening
# with "dạ" or "vâng" answers someone senior, so its "em" is the speaker, even in the opener's turn (the opener's "em"
# is otherwise whom they answer)
ANSWERS_UP = re.compile(r"^\W*(?:dạ|vâng)\b")


def clause_start(lower: str, pos: int) -> bool:
    before = lower[:pos].rstrip()
    if not before or before.endswith((",", ";", ":", ".", "…", "!")):
        return True
    if re.fullmatch(r"(?:có|không|chưa|rồi|à quên|à|quên)", before):  # "có, huy làm …" answers a question
        return True
    return bool(re.search(r"(?:^|[\s,])(?:thì|thế|ừ|vâng|dạ|được|còn|để|nhé|rồi|thôi|vậy|tốt|chị ơi|anh ơi|em ơi|"
                          r"với cả|ngoài ra|quên|à)$", before))


# Session 27 (docs/meetings.md, "Session 27"; plain since session 29, rule R8): a group's officer named bare, with no
# group number ("Bác tổ trưởng rà soát giúp các hộ …", "Cô Thu tổ phó làm giúp tôi danh sách …", "Tổ 5 thì bác tổ trưởng
# vận động bà con …"): the group named right before in the sentence ("tổ 5 thì / ,"), else the meeting's one group (its
# own meeting, or the only group whose officer speaks in it; `Turn.group`), as "bác tổ trưởng tổ 5" is that group;
# nobody when the meeting has none or several; not "các / mấy / từng / mỗi tổ trưởng" (every group), nor the officer as
# whom work goes to
BARE_OFFICER = re.compile(r"(?:\b(?i:bác|ông|bà|cô|chú|anh|chị)\s+(?:[A-ZĐ][^\W\d_]*\s+)?)?"
                          r"\b(?i:tổ\s+(?:trưởng|phó)|trưởng\s+tổ)\b(?!\s+(?i:tổ|tdp|dân phố|số|\d))")
_EVERY_GROUP = re.compile(r"\b(?:các|mấy|những|từng|mỗi|cả|hai|ba|với|cho|gọi|báo|mời|nhắc|của)\s+$")
_GROUP_TOPIC = re.compile(r"\btổ(?:\s+dân\s+phố)?\s+(?:số\s+)?(\d{1,2})\s*(?:thì|,)\s*$")


def bare_officers(sentence: str, lower: str, group: Person | None) -> list[Spot]:
    """The officers named bare with the group they belong to."""
    out: list[Spot] = []
    for m in BARE_OFFICER.finditer(sentence):
        before = lower[:m.start()]
        if _EVERY_GROUP.search(before[-12:]):
            continue
        topic = _GROUP_TOPIC.search(before[-24:])
        whose = group_person(topic.group(1)) if topic else group
        if whose is not None:
            out.append(Spot(m.start(), m.end(), whose, "unit"))
    return out


# Session 29 (docs/meetings.md, "Session 29"): in recogniser text, with no comma to open its clause, "để em / tôi
# <verb>" inside the run offers to do it, as at the head of a sentence (`OFFER`): "dạ bên em đang khảo sát để em làm
# xong kế hoạch thứ hai em gửi anh ạ", "em là kế toán bên trường để em làm bảng kê …"; not after a verb of sending
# or giving ("anh gửi file để em làm báo cáo": so that I can), nor the verbs of thinking it over (`OFFER`)
# off by rule R1 (session 29): no fresh verdict moved (709/176/193 on and off); off brings back no training wrong (R1b)
SESSION29_OFFER_IN_RUN = False
_PURPOSE_BEFORE = re.compile(r"\b(?:gửi|nộp|trình|chuyển|đưa|cho|giao|nhờ|cần|xin|mượn|in|photo)\b[^,.;:!?]{0,40}$")


# "thì là…" is a speaker's hesitation ("còn tổ 4 thì… thì là… anh Minh trực tiếp xuống làm việc với tổ 4"): the
# doer after it opens the clause; "là" is not a copula before an object there
HESITATION = re.compile(r"\bthì\s+là\s*$")


# "cái đấy để em lo, em cho công ty môi trường thu dọn …": an offer after the matter it takes ("cái đấy", "việc
# này", "phần đó") opens its clause, as "để em …" opening the sentence does
TOPIC_BEFORE = re.compile(r"(?:^|[,;:]\s*|\b(?:dạ|vâng|ừ|thế|vậy|thôi|còn)\s+)(?:cái|việc|vụ|phần|chuyện)\s+"
                          r"(?:này|đó|đấy|ấy|kia)\s+(?:thì\s+)?$")


def doer_spots(sentence: str, turn: Turn, previous: Turn | None, roster: Roster, speakers: list[Person],
           vocative: Person | None, form: str | None = None) -> list[Spot]:
    lower = normalize(sentence).lower()
    spots: list[Spot] = []
    units = units_in(sentence, roster)
    for mention in roster.mentions(sentence, verbs=VERB_AHEAD):
        if any(s <= mention.start < e for s, e, _p in units):
            continue
        spots.append(Spot(mention.start, mention.end, choose(mention, speakers), "named"))
    # A unit said right after a person is that person's unit ("anh Hùng, Phòng Kinh tế, …, rà soát").
    for index, spot in enumerate(spots):
        for unit in units:
            gap = sentence[spot.end:unit[0]]
            if unit[0] >= spot.end and re.fullmatch(r"\s*,?\s*(?:bên|thuộc|ở|phụ trách|(?:tổ )?trưởng|(?:tổ )?phó|"
                                                    r"cán bộ|chủ tịch)?\s*", gap, flags=re.IGNORECASE):
                person = spot.person if spot.person.unit else Person(spot.person.name, unit[2].name,
                                                                     spot.person.staff_id, spot.person.kind)
                tail = re.match(r"\s*,", sentence[unit[1]:])
                spots[index] = Spot(spot.start, unit[1] + (tail.end() if tail else 0), person, spot.how)
                units = [u for u in units if u is not unit]
                break
    taken = [(s.start, s.end) for s in spots]
    for start, end, person in units:
        if not any(start < e and s < end for s, e in taken):
            spots.append(Spot(start, end, person, "unit"))
    if len(sentence) == len(lower):
        for spot in bare_officers(sentence, lower, turn.group):
            if not any(spot.start < s.end and s.start < spot.end for s in spots):
                spots.append(spot)
                taken.append((spot.start, spot.end))
    # Pronouns at the head of a clause.
    for m in re.finditer(r"(?:^|(?<=[,;:]\s)|(?<=\s))(?:để\s+)?(em|tôi|mình|tớ|chúng tôi|chúng em|anh|chị|bác|cô|"
                         r"chú|ông|bà)\b", lower):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group(1) == "em" and re.search(r"\b(?:anh|chị)\s+$", lower[:m.start()]):
            continue  # "anh em", "chị em" are a group ("anh Minh cho anh em xuống kiểm tra …"), not the one addressed
        if RECAP_VERB.match(lower[m.end():]):
            continue  # "thôi anh nhắc lại …", "Tôi nhắc lại mấy việc": the one who recaps, not a doer
        head = lower[m.start():]
        loose = not clause_start(lower, m.start()) \
            and not (OFFER.match(head) and TOPIC_BEFORE.search(lower[:m.start()])) \
            and not (SESSION29_OFFER_IN_RUN and OFFER.match(head) and not re.search(r"[,.;:!?]", lower.rstrip(" .!?"))
                     and not _PURPOSE_BEFORE.search(lower[:m.start()]))
        if loose and not re.match(rf"^(?:em|tôi|chúng tôi|chúng em)(?:\s+(?:sẽ|xin))?\s+{verb()}\b|"
                                  rf"^(?:anh|chị)\s+sẽ\s+{verb()}\b", head) \
                and not (vocative is not None and SECOND.match(head)):
            continue
        if SECOND.match(head) and vocative is not None and (said_to(lower[:m.start()], m.group(1))
                                                             or addresses(form, m.group(0))):
            spots.append(Spot(m.start(), m.end(), vocative, "second"))
        elif SECOND.match(head) and answering(turn, previous) and previous is not None:
            spots.append(Spot(m.start(), m.end(), vocative or previous.speaker, "second"))
        elif m.group(0) == "em" and turn.leads and SECOND.match(head) and previous is not None \
                and not ANSWERS_UP.match(lower):
            # The chair says "em" to the one they answer ("12 hồ sơ đó thì em phối hợp…"), never of themself.
            spots.append(Spot(m.start(), m.end(), previous.speaker, "second"))
        elif FIRST.match(head) or SENIOR_SELF.match(head) and previous is not None \
                or not loose and OFFER.match(head):
            spots.append(Spot(m.start(), m.end(), turn.speaker, "first", loose))
        elif SECOND.match(head):
            addressee = vocative or (previous.speaker if previous is not None else None)
            if addressee is not None:
                spots.append(Spot(m.start(), m.end(), addressee, "second"))
    return sorted(spots, key=lambda s: s.start)


def is_anchor(spot: Spot, lower: str, spots: list[Spot]) -> bool:
    after = lower[spot.end:]
    before = lower[:spot.start]
    if DIRECTIVE.search(before[-30:]):
        return True
    if spot.how in ("first", "second"):
        return not (RECEIVER_BEFORE.search(before[-12:]) and not clause_start(lower, spot.start))
    if spot.how == "unit" and object_of(spot, lower, spots):
        return False
    if OBJECT_BEFORE.search(before[-12:]) and not clause_start(lower, spot.start) \
            and not HESITATION.search(before[-12:]):
        return False
    if spot.how in ("named", "unit") and runon.INCLUDED.search(before[-16:]):
        return False  # "thắng mời hai bên lên hòa giải có cả tổ trưởng tổ sáu …": who takes part, not a doer
    if spot.how in ("named", "unit") and ASK_FROM.search(before[-24:]):
        return False  # "danh sách xin chị Lan": whom it is asked from, not who does it
    if spot.how == "unit" and not VERB_AHEAD.match(after) and not re.match(r"^\s*,", after):
        return False
    if re.match(r"^\s*(?:ơi)?\s*,", after):  # a vocative: the task is what follows, said to them
        return bool(re.match(rf"^\s*(?:ơi)?\s*,\s*{verb()}\b", after))
    return bool(VERB_AHEAD.match(after))
