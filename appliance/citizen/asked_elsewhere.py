"""The matter asked by name after "thủ tục" is another office's (session 27, `SESSION27_ASKED_ELSEWHERE` on by rule
R1b, plain behaviour since session 29, rule R8; docs/citizen.md "Session 27").

"Tôi muốn hỏi thủ tục ly hôn cho con gái, hai vợ chồng nó đăng ký kết hôn ở phường mình" (s27): the citizen asks the
procedure of a divorce (a court's), and tells the marriage registered at the ward as background; the phrase rules
weigh the longer background phrase ("đăng ký kết hôn", 16 against "ly hôn"'s 4) and the chat answered the marriage
registration with confidence. The words right after "thủ tục" name the procedure asked: where an out-of-scope cue
stands there and no ward procedure's phrase does after any "thủ tục", the chat answers "not handled here" with that
cue's office instead of the procedure the rest of the message names. A divorce told as a circumstance ("sau khi ly
hôn, thủ tục đăng ký kết hôn lại …") names the ward's procedure after "thủ tục" and reads as before.
"""

from __future__ import annotations

from collections.abc import Sequence

HEAD = ("thu", "tuc")


def asked_elsewhere(words: Sequence[str], hits: Sequence[tuple[int, int, tuple[str, float]]]) -> str | None:
    """The out-of-scope topic named right after "thủ tục" in `words` (the rules' phrase `hits`: start, end, (label,
    factor)), when no procedure's phrase starts right after any "thủ tục"; else None."""
    heads = {i + len(HEAD) for i in range(len(words) - len(HEAD) + 1) if tuple(words[i:i + len(HEAD)]) == HEAD}
    asked = [label for start, _end, (label, _factor) in hits if start in heads]
    if any(label.startswith("proc:") for label in asked):
        return None
    return next((label.split(":", 1)[1] for label in asked if label.startswith("oos:")), None)
