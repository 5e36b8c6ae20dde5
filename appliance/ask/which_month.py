"""Session 21: an indicator asked month by month with "tháng nào … nhiều / cao / ít / thấp (nhất)" ("thu ngân sách
từng tháng từ đầu năm, tháng nào thu được nhiều", "thu ngân sách tháng nào cao nhất năm nay"): the month asked for is
read off the indicator's monthly figures, so the question is the indicator by month (the table and its sentence give
every month). "tháng nào" had been left unknown for indicators (unsure), as records already read it. Not read with two
periods or more named ("tháng 9 và tháng 10 tháng nào thu nhiều hơn" is a comparison, not a ranking), with "hơn"
after the ranking word, with "bao nhiêu" (no ranking), or with no ranking word in the clause ("tháng nào đạt kế
hoạch": which months reached the plan, a reading of its own). Called by indicators.finish; tested on and off in
tests/ask/test_session21.py.
"""

from __future__ import annotations

from appliance.ask.tokens import Tokens

SESSION21_WHICH_MONTH = False  # off by rule R1 (session 21): off alone 563 / 187 / 17 as all on (no fresh move)
_RANKING = {"nhieu", "cao", "it", "thap"}
_CLAUSE_END = {",", ";", "?", "."}


def which_month(tokens: Tokens, periods: int) -> bool:
    """True where "tháng nào" with a ranking word after it asks the indicator month by month; its words are read."""
    if not SESSION21_WHICH_MONTH or periods > 1:
        return False
    items = tokens.items
    for k in tokens.find("thang nao"):
        end = next((j for j in range(k + 2, len(items)) if items[j] in _CLAUSE_END), len(items))
        ranked = [j for j in range(k + 2, end) if items[j] in _RANKING and items[j - 1] != "bao"]
        if not ranked or any(items[j + 1:j + 2] == ["hon"] for j in ranked):
            continue
        tokens.used[k] = tokens.used[k + 1] = True
        return True
    return False
