"""Session 21: "can I do X online?" answered with X's record (docs/citizen.md "Session 21"; on by rule R1b in
session 21, plain behaviour since session 23).

"Đăng ký thường trú làm online trên dịch vụ công được không", "làm khai sinh online trên dịch vụ công được ko": the
citizen names one procedure and asks whether it can be done online. The reading's likeliest label is the general FAQ
on submitting online (faq:nop_truc_tuyen), so the chat answered the general FAQ or, below the bar, asked which was
meant, though the procedure's own record answers the question with its online aspect (where and how it is submitted
online) and the rest of what the citizen needs. Where the likeliest reading is that FAQ, the message asks about doing
it online, and the phrase rules name exactly one procedure by a phrase of two words or more, that procedure is
answered (with the online aspect). A message that names no procedure, or two, keeps the FAQ; a status question ("nộp
trên dịch vụ công rồi, xem kết quả ở đâu") is read as its own FAQ and never reaches this.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

FAQ = "faq:nop_truc_tuyen"
# A phrase of two words scores 4 (length squared); one word alone 0.6, or 3.6 with its cue word.
NAMED = 4.0


def named_procedure(label: str, aspects: Sequence[str], scores: Mapping[str, float]) -> str | None:
    """The one procedure code the phrase rules name, when the likeliest reading (`label`) is the FAQ on submitting
    online and the message asks about doing it online; else None."""
    if label != FAQ or "online" not in aspects:
        return None
    named = [key.split(":", 1)[1] for key, score in scores.items() if key.startswith("proc:") and score >= NAMED]
    return named[0] if len(named) == 1 else None
