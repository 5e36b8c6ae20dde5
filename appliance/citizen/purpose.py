"""Session 19: a procedure named only as the purpose of another (docs/citizen.md "Session 19"; on by rule R1,
unconditional since session 21).

"Cần giấy chứng nhận độc thân để về quê chồng đăng ký kết hôn", "xin bản sao giấy khai sinh để làm hồ sơ đăng ký
kết hôn": the citizen asks for one paper and says, after "để", what it is for; the purpose names another procedure
with a phrase as strong as the one asked, and the reading stayed unsure between the two (training halves of sessions
17 to 19). Where a procedure is named before a purpose marker ("để làm", "để nộp", "để đăng ký"…), a procedure named
only after it counts a quarter. Over every training half and dev the rule fires on 20 messages (18 questions), each
time against the purpose's procedure and never against the one the writer labelled. "Để" alone is no marker once
folded ("đề nghị", "để trống", "để lại", "mới đẻ" fold to "de" too), nor "để cho" (let someone): only "de" before one
of the verbs below. A message that starts with the purpose ("Để đăng ký tạm trú cho con thì cần gì") has nothing
before it and is read as before.
"""

from __future__ import annotations

from collections.abc import Sequence

# Read by understanding.PhraseRules.scores.
PURPOSE_VERBS = frozenset({"lam", "nop", "dang", "ve", "xin", "sang", "di", "bo", "lo", "hoan", "chung", "mua", "ban",
                           "vay", "nhap", "lay", "ket", "hoc", "tang", "chia"})
AFTER_FACTOR = 0.25


def marker(words: Sequence[str]) -> int | None:
    """The position of the first purpose marker ("de" before a verb of PURPOSE_VERBS), or None."""
    for i in range(len(words) - 1):
        if words[i] == "de" and words[i + 1] in PURPOSE_VERBS:
            return i
    return None


def factors(hits: Sequence[tuple[int, int, str]], words: Sequence[str]) -> dict[tuple[int, int, str], float]:
    """Per procedure hit (start, end, label) lying after the purpose marker, its factor, where the message names
    another procedure before the marker and not this one; hits not listed count in full."""
    at = marker(words)
    if at is None:
        return {}
    before = {label for start, end, label in hits if end <= at and label.startswith("proc:")}
    return {(start, end, label): AFTER_FACTOR for start, end, label in hits
            if start > at and label.startswith("proc:") and before and label not in before}
