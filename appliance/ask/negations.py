"""Session 20: negations said with the passive "được / bị", and "không trễ hạn". "hồ sơ chưa được giải quyết", "phản
ánh chưa được xử lý", "chưa bị trả kết quả" are the open ones, as "chưa giải quyết / xử lý" are ("được" had split
"chưa" from its verb: "chưa" left unknown, unsure); "hồ sơ không (bị) trễ hạn / trễ hẹn", records returned, are
those returned on time, and "không (được / bị) trả (kết quả) / xử lý đúng hạn" those returned late ("không" had been
unknown). "không quá hạn", "không bị từ chối" name no measure and stay unknown. Records for "không trễ hạn" and
"không … đúng hạn" (feedback has no on-time measure). Called by understand.measures; tested in
tests/ask/test_session20.py (a flag until session 22, plain behaviour since: rule R8).
"""

from __future__ import annotations

from appliance.ask.tokens import Tokens

_PASSIVE = {"duoc", "bi"}
_OPEN_VERBS = (["giai", "quyet"], ["xu", "ly"], ["tra"], ["hoan", "thanh"], ["duyet"], ["co", "ket", "qua"])
_LATE = (["tre", "han"], ["tre", "hen"])
_RETURN_VERBS = (["tra", "ket", "qua"], ["tra"], ["xu", "ly"], ["giai", "quyet"])
_ON_TIME = (["dung", "han"], ["dung", "hen"])


_OPEN_WORDS = {"chua", "ton", "dang", "treo"}


def _clause(items: list[str], k: int) -> list[str]:
    start = max((j + 1 for j in range(k) if items[j] in (",", ";", "?")), default=0)
    end = next((j for j in range(k, len(items)) if items[j] in (",", ";", "?")), len(items))
    return items[start:k] + items[k + 1:end]


def _starts(items: list[str], at: int, options: tuple[list[str], ...]) -> list[str] | None:
    return next((o for o in options if items[at:at + len(o)] == o), None)


def read(tokens: Tokens, domain: str) -> None:
    """Rewrite the negations above into the measure phrases they mean, marking the words they replace."""
    items, used = tokens.items, tokens.used
    for k in range(len(items) - 2):
        if used[k] or items[k] not in ("chua", "khong") or used[k + 1]:
            continue
        passive = items[k + 1] in _PASSIVE
        j = k + 2 if passive else k + 1
        if items[k] == "chua":
            if passive and not used[j] and _starts(items, j, _OPEN_VERBS):
                used[k] = True
                items[k + 1] = "chua"  # "chưa được giải quyết" → "chưa giải quyết"
            continue
        if domain != "ho_so" or any(used[k:j]):
            continue
        if (late := _starts(items, j, _LATE)) is not None and not any(used[j:j + len(late)]) and not (
                _OPEN_WORDS & set(_clause(items, k))):  # "không trễ hạn mà chưa trả": open and not overdue, no measure
            for i in range(k, j):
                used[i] = True
            items[j:j + 2] = ["dung", items[j + 1]]  # "không (bị) trễ hạn" → "đúng hạn"
            continue
        verb = _starts(items, j, _RETURN_VERBS)
        if verb is not None and verb != ["giai", "quyet"] and _starts(items, j + len(verb), _ON_TIME) and not (
                _OPEN_WORDS & set(_clause(items, k))):
            end = j + len(verb)
            for i in range(k, end):
                used[i] = True
            items[end] = "tre"  # "không (được) trả đúng hạn" → "trễ hạn"
