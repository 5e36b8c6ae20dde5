"""Session 25: a copy of another office's paper is still certified at the ward (`SESSION25_COPY_ANY_PAPER`, on by rule
R1 in session 25, plain behaviour since session 27; docs/citizen.md "Session 25").

"I need chứng thực copy of my passport and marriage certificate. Ở phường làm được không? Passport Hàn Quốc." (s24):
the paper to be copied is another office's (a passport, a driving licence: out-of-scope cues), and the reading was
"not handled here" for the passport, though certifying a copy of any paper is the ward's own procedure (chứng thực bản
sao từ bản chính). Where the reading is out of scope and the phrase rules' strongest label, ahead of every other one
(out-of-scope cues included), is the copy certification, the chat answers the copy certification. Over every readable
half (dev, the training halves, train21u, train22g) the rules name the copy certification at 9 or more beside an
out-of-scope cue in 7 messages, all labelled the copy certification; no out-of-scope message has it ahead. A tie
("chứng thực bản sao ở phường với ở văn phòng công chứng …": the notary's cue as strong) reads as before.
"""

from __future__ import annotations

# Called by public/chat.ChatBot._act. On by rule R1 in session 25: over the 66 fresh messages it reads, procedure on
# 53/3/0, off 52/4/0 (right +1, wrong unchanged; question or complaint 61/5/0 on, 60/6/0 off).
COPY_CERTIFICATION = "CTH-BS"


def copy_instead(intent: str, scores: dict[str, float]) -> str | None:
    """The copy certification's code, when the reading (`intent`) is out of scope and the phrase rules (`scores`)
    name the copy certification ahead of every other label; else None."""
    if intent != "out_of_scope":
        return None
    label = f"proc:{COPY_CERTIFICATION}"
    best = scores.get(label, 0.0)
    if best <= 0 or any(v >= best for k, v in scores.items() if k != label):
        return None
    return COPY_CERTIFICATION
