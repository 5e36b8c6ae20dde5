"""Recogniser text of a whole meeting, as one run without punctuation or speaker labels, cut where speech
turns: "… gửi lên phường trước thứ ba tuần sau nhé dạ vâng tôi sẽ làm ạ cái rãnh …".

Without the cuts, the clause rules see one sentence of several hundred words: a deadline said for one
person lands on another, an answer ("dạ em nhận") reads as the next order's doer, and a withdrawal
("ờ mà thôi … để sau tính") cancels nothing. The cues are the words that close a turn (the particles
"nhé", "ạ", "nha"; "được không" closes a question) and those that open one (an answer: "dạ", "vâng",
"rõ", "ừ"; a new matter: "còn", "tiếp theo", "mời"; a pause before a correction: "ờ"). Only runs with no
punctuation at all are cut: a transcript the secretary or the recogniser punctuated keeps its sentences.
"""

from __future__ import annotations

import re

_MIN_WORDS = 25
# Session 9 (see docs/meetings.md): a short turn is cut after "ạ" where an offer ("để em", "để tôi") follows.
# On since the lead's once-at-end measurement: fresh9 F1 0.628 -> 0.637, no fresh set or held-out set worse.
_OFFER_AFTER = re.compile(r"\bạ\s+(?=để\s+(?:em|tôi|bên em)\b)")
# A turn closes after these (a closing particle; "được không" ends a question).
_CLOSE = re.compile(r"\b(?:nhé|nha|nghen|nhá|ạ)\s+(?=\S)")
_ASKED = re.compile(r"\b(?:được không|được chưa|được chứ|phải không)\s+(?=\S)")


# A turn or a new matter opens with these; "rõ" only as an answer, not "làm rõ", "chưa rõ".
# "mời" opens a turn only as an invitation to speak ("mời ông Bình"), not in "giấy mời các hộ".
_OPENERS_TEXT = (r"(?<=\S)\s+(?=(?:dạ|vâng|ừ|còn|tiếp theo|xin mời|thưa)\b|ờ\b"
                      # "ờ" before the date of the clause it sits in ("… báo cáo lên phường ờ trước thứ sáu này nhé",
                      # "… đóng quyển ờ xong ngày mồng tám trình anh ký") is a pause inside that clause, not a new
                      # turn (session 18: cut there, the date was left in a sentence of its own)
                      r"(?!\s+(?:trước|xong|chậm nhất|muộn nhất|hạn|trong\s+(?:vòng|ngày|tuần|tháng|hôm nay|sáng|"
                      r"chiều))\b))"
                      # "à thôi" stays whole: it withdraws what was just said
                      r"|(?<!à)(?<!ờ)(?<!mà)(?<=\S)\s+(?=thôi\b)"
                      # an answer: "… trước ngày hai mươi bảy được chị có ý kiến…"
                      r"|(?<=\S)\s+(?=được\s+(?:anh|chị)\b)"
                      r"|(?<!giấy)(?<=\S)\s+(?=mời\s+(?:anh|chị|bác|ông|bà|cô|chú|đồng chí)\b)"
                      r"|(?<!làm)(?<!chưa)(?<!cho)(?<!nói)(?<!rất)(?<=\S)\s+(?=rõ\b)"
                      # a group's officer is told next: "… dạ em đi luôn bác tổ trưởng tổ mười hai nắm lại…"; not
                      # after "là" ("dạ tôi là tổ trưởng tổ bốn tổ tôi sẽ chuẩn bị …" says who speaks; session 18)
                      r"|(?<!đề nghị)(?<!giao)(?<!yêu cầu)(?<!nhờ)(?<!bác)(?<!ông)(?<!bà)(?<!\blà)<INCLUDED>(?<=\S)\s+"
                      r"(?=(?:(?:bác|ông|bà)\s+)?tổ\s+(?:trưởng|phó)\b)"
                      # a condition opens its own clause: "… trong tuần sau nếu có thời gian thì in thêm…"
                      r"|(?<=\S)\s+(?=nếu\b)")
# Session 23 (docs/meetings.md, "Session 23"): a person or group right after "có cả / mời cả / gồm cả / kể cả" (with …
# as well) takes part in the work ("thế thì thắng mời hai bên lên hòa giải có cả tổ trưởng tổ sáu làm trong tuần này
# cho anh": Thắng's task), so a run is not cut before a group's officer there, and `doers.is_anchor` reads no doer
# there; "với cả" (and also) still opens a clause
INCLUDED = re.compile(r"\b(?:có|mời|gồm|kể)\s+cả\s*$")
_OPENERS = re.compile(_OPENERS_TEXT.replace("<INCLUDED>", "(?<!có cả)(?<!mời cả)(?<!gồm cả)(?<!kể cả)"))
# A short answer closes its turn: "dạ được anh huy làm…", "dạ vâng tôi sẽ làm ạ".
_ANSWERED = re.compile(r"\b(?:dạ|vâng)(?:\s+(?:anh|chị))?(?:\s+(?:được|vâng|rõ|ạ|(?:em|tôi)\s+(?:sẽ\s+)?"
                       r"(?:làm|nhận|đi)(?:\s+(?:ngay|luôn))?))*"
                       # … when someone is told next: "dạ em nhận chị hà tiếp nhận…", "vâng em làm tổ dân phố…"
                       r"(?=\s+(?:anh|chị|bác|ông|bà|tổ|công an|phòng|đồng chí|đề nghị|giao|yêu cầu|nhờ)\s)")


def punctuate(text: str) -> str:
    """`text` with sentence breaks where speech turns, when it is an unpunctuated run; else unchanged."""
    if re.search(r"[.,;:!?…]", text):
        return text
    if len(text.split()) < _MIN_WORDS:
        # A short turn is one sentence, except where a closing "ạ" is followed by an offer ("dạ ba đồng chí ạ để
        # em làm báo cáo … trong ba ngày làm việc ạ"): the offer is a clause of its own.
        return _OFFER_AFTER.sub("ạ. ", text)
    cut = _ASKED.sub(lambda m: m.group(0).rstrip() + "? ", text)
    cut = _CLOSE.sub(lambda m: m.group(0).rstrip() + ". ", cut)
    cut = _OPENERS.sub(". ", cut)
    cut = _ANSWERED.sub(lambda m: m.group(0).rstrip() + ". ", cut)
    # "dạ. vâng", "ừ. còn": a run of openers is one opening.
    cut = re.sub(r"\b(dạ|vâng|ừ|ờ|thưa)\.\s+(?=(?:dạ|vâng|ừ|ờ|còn|thưa|rõ)\b)", r"\1 ", cut)
    cut = re.sub(r"([.?])\s*\.\s+", r"\1 ", cut)
    return cut
