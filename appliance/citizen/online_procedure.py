"""Session 21: "can I do X online?" answered with X's record (`SESSION21_ONLINE_PROCEDURE`, docs/citizen.md
"Session 21").

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

# Read at call time by public/chat.ChatBot._act.
# on by rule R1 (session 21), R1b: on the thirteen fresh sets it moves no verdict (the 44 messages a session-21 change
# can reach read procedure 20 / 6 / 1 of 27, complaint category 9 / 3 / 2 of 14 on and off); off, a training half's
# confident wrong comes back (s19's "Đăng ký thường trú làm online …" answered with the FAQ: training procedure
# 1.202 / 17 / 1 → 1.201 / 17 / 2).
SESSION21_ONLINE_PROCEDURE = True
FAQ = "faq:nop_truc_tuyen"
# A phrase of two words scores 4 (length squared); one word alone 0.6, or 3.6 with its cue word.
NAMED = 4.0


def named_procedure(label: str, aspects: Sequence[str], scores: Mapping[str, float]) -> str | None:
    """The one procedure code the phrase rules name, when the likeliest reading (`label`) is the FAQ on submitting
    online and the message asks about doing it online; else None."""
    if not SESSION21_ONLINE_PROCEDURE or label != FAQ or "online" not in aspects:
        return None
    named = [key.split(":", 1)[1] for key, score in scores.items() if key.startswith("proc:") and score >= NAMED]
    return named[0] if len(named) == 1 else None
