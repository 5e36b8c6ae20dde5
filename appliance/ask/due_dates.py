"""Due dates said in a question: "hồ sơ đến hạn hôm nay mà chưa trả kết quả", "hồ sơ chưa xong của chị Lan đến
hạn trong tuần sau". The period after "đến / tới hạn" or "hạn xử lý" is the records' due date (han_xu_ly), not the
period the figure covers: the records still open today whose due date falls in it, as four writers resolved it.

Session 18, SESSION18_DUE_DATES: session 17's SESSION17B_DUE_DATES (off by rule R1 then, retired in session 18)
measured anew, with "hết hạn" said before the period too. Before it "hạn" was left unread (unsure).
Read only for records still open (a due date of records received or returned in a period is another question:
unsure), and only when the period follows the words directly ("đến hạn … hôm nay" with other words between stays
unsure); another period said too, or a month named without its year that has not come yet this year ("đến hạn tháng
12": last December, or the coming one?), is unsure."""

from __future__ import annotations

import datetime as dt
import re

from appliance.ask.tokens import Tokens
from appliance.text.calendar_periods import Period
from appliance.text.periods import find_periods

SESSION18_DUE_DATES = False  # off by rule R1 (session 18): on, fresh17 had one confident wrong more (fresh right +1)

_OPENERS = (["den", "han"], ["toi", "han"], ["het", "han"], ["han", "xu", "ly"], ["han", "giai", "quyet"])
_LINKS = {"trong", "vao", "la", "ngay", "roi"}
NOT_OPEN = ("hạn xử lý chỉ đọc được với hồ sơ chưa giải quyết xong (ví dụ «hồ sơ chưa giải quyết đến hạn tuần sau»); "
            "hãy hỏi như vậy")


def take(tokens: Tokens, periods: list[Period], today: dt.date) -> tuple[list[Period], tuple[dt.date, dt.date] | None]:
    """The periods of the question without the due-date one, and the due dates' span (or None)."""
    if not SESSION18_DUE_DATES:
        return periods, None
    for opener in _OPENERS:
        for k in tokens.find(" ".join(opener)):
            after = k + len(opener)
            while after < len(tokens.items) and tokens.items[after] in _LINKS and not tokens.used[after]:
                after += 1
            offset = len(" ".join(tokens.items[:after])) + (1 if after else 0)
            found = find_periods(tokens.text()[offset:], today)
            if not found or found[0][0] != 0 or found[0][2] not in periods:
                continue
            due = found[0][2]
            said = tokens.text()[offset:offset + found[0][1]]
            if due.kind in ("month", "quarter", "half") and due.start.year < today.year and not re.search(
                    r"\d{4}", said):
                return periods, None  # "đến hạn tháng 12": last December or the coming one? unsure
            rest = list(periods)
            rest.remove(due)
            if rest:
                return periods, None  # another period too ("… so với tuần trước"): which is the due date's? unsure
            for j in range(k, after):
                tokens.used[j] = True
            return rest, (due.start, due.end)
    return periods, None


def problem(due: tuple[dt.date, dt.date] | None, domain: str, measures: list[str]) -> str:
    """Unsure unless every figure asked is of records open at a day."""
    if due is None:
        return ""
    if domain != "ho_so" or not measures or any(m != "chua_giai_quyet" for m in measures):
        return NOT_OPEN
    return ""


def sql(due: tuple[dt.date, dt.date] | None) -> list[str]:
    if due is None:
        return []
    return [f"han_xu_ly BETWEEN '{due[0].isoformat()}' AND '{due[1].isoformat()}'"]


def described(due: tuple[dt.date, dt.date] | None) -> str:
    if due is None:
        return ""
    if due[0] == due[1]:
        return f"hạn xử lý ngày {due[0]:%d/%m/%Y}"
    return f"hạn xử lý từ {due[0]:%d/%m/%Y} đến {due[1]:%d/%m/%Y}"
