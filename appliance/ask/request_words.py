"""Words of a request or a report that ask nothing of their own (session 27; each kept by rule R1 in session 27, plain
behaviour since session 29, rule R8; tested in tests/ask/test_session27.py):

- "vào" right before a period ("vào cuối mỗi quý", "vào tháng 10", "nhận vào ngày 15/11") says when, as the period
  does; it had been unknown (unsure). Elsewhere ("điền vào biểu", "nhận vào bao nhiêu") it stays unknown;
- "lên" right after sending ("bà con gửi lên", "nộp lên phường", "phản ánh lên") is the direction of the sending, no
  figure of its own; it had been unknown (unsure). Never after a change ("tăng lên", "nhích lên": a comparison).
"""

from __future__ import annotations

from appliance.ask.tokens import Tokens

# "vào" right before a period's opening word or a date.
_PERIOD_OPENERS = {"cuoi", "dau", "giua", "thang", "quy", "nam", "ngay", "hom", "tuan", "thu", "chu", "dip"}
# "lên" right after "gửi / nộp / phản ánh / kiến nghị".
_SENDING = (["gui"], ["nop"], ["phan", "anh"], ["kien", "nghi"])


def at_period(tokens: Tokens) -> None:
    """Early: "vào" before a period's opening word or a date is read (the period says when)."""
    items = tokens.items
    for k in range(len(items) - 1):
        after = items[k + 1]
        if items[k] == "vao" and not tokens.used[k] and (after in _PERIOD_OPENERS or after[:1].isdigit()):
            tokens.used[k] = True


def sent_up(tokens: Tokens) -> None:
    """"gửi lên", "nộp lên", "phản ánh lên": the "lên" is read (the direction of the sending)."""
    items = tokens.items
    for k in range(1, len(items)):
        if items[k] == "len" and not tokens.used[k] and any(items[max(0, k - len(s)):k] == s for s in _SENDING):
            tokens.used[k] = True
