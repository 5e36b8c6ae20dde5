"""Words around a question that ask nothing (session 24): a greeting opening it ("Chào em, …", "Xin chào anh chị,
…"), a softener after the request ("cho chị hỏi xíu", "cho anh hỏi chút", "hỏi tí"), a friendly "bạn" before "cán
bộ", and the values of a grouping listed in brackets after it ("theo trạng thái (đã trả, đang xử lý, …)"). Their words
had been unknown, so a question the box answers was unsure. Each reading has its flag, read at run time and tested on
and off in tests/ask/test_session24.py."""

from __future__ import annotations

import re

from appliance.ask.tokens import Tokens, words
from appliance.text import fold

# Session 24 (`SESSION24_GREETING`): "chào" (after "xin") opening the question, with the ones greeted after it, up to
# the first comma; only at the very start ("chào mừng", "lời chào" elsewhere are not read).
SESSION24_GREETING = False  # off by rule R1 (session 24): fresh 657/222/18 on and off (R1b)
# Session 24 (`SESSION24_SOFTENER`): "xíu", "chút", "tí" (with "một" before it) right after "hỏi": asking briefly.
SESSION24_SOFTENER = False  # off by rule R1 (session 24): fresh off alone 656/224/17, on 657/222/18 (wrong +1)
# Session 24 (`SESSION24_COLLEAGUE_TITLE`): "bạn" right before "cán bộ / nhân viên" ("bạn cán bộ nào đang ôm nhiều hồ
# sơ nhất") is a friendly title; "cán bộ" is read as before. "bạn" elsewhere stays unknown.
SESSION24_COLLEAGUE_TITLE = False  # off by rule R1 (session 24): fresh off alone 657/223/17, on 657/222/18 (wrong +1)
# Session 24 (`SESSION24_VALUES_LISTED`): "theo trạng thái (đã trả, đang xử lý, chờ bổ sung, từ chối)": the statuses
# in brackets right after "theo trạng thái / tình trạng" spell out the groups asked, read with the grouping (a status
# had been unknown: unsure). Names in brackets after other groupings ("theo lĩnh vực (hộ tịch, đất đai)") keep their
# reading (those groups only).
SESSION24_VALUES_LISTED = False  # off by rule R1 (session 24): fresh 657/222/18 on and off (R1b)
_LISTED = re.compile(r"\btheo\s+(?:tung\s+|cac\s+)?(?:trang thai|tinh trang)\s*\(([^()]*)\)")
_GREETED = {"anh", "chi", "em", "ca", "nha", "moi", "nguoi", "ban", "dong", "chu", "bac", "oi", "a"}
_SOFTENERS = (["mot", "chut"], ["mot", "xiu"], ["mot", "ti"], ["chut"], ["xiu"], ["ti"])


def read(tokens: Tokens) -> None:
    items, used = tokens.items, tokens.used
    if SESSION24_GREETING:
        start = 1 if items[:1] == ["xin"] else 0
        if items[start:start + 1] == ["chao"] and items[start + 1:start + 2] != ["mung"]:
            end = start + 1
            while end < len(items) and end <= start + 4 and items[end] in _GREETED:
                end += 1
            if end == len(items) or items[end] == "," or end > start + 1:
                for k in range(end):
                    used[k] = True
    if SESSION24_SOFTENER:
        for k in tokens.find("hoi", free_only=False):
            said = next((s for s in _SOFTENERS if items[k + 1:k + 1 + len(s)] == s), None)
            if said is not None:
                for j in range(k + 1, k + 1 + len(said)):
                    used[j] = True

    if SESSION24_COLLEAGUE_TITLE:
        for k in tokens.find("ban"):
            if items[k + 1:k + 3] in (["can", "bo"], ["nhan", "vien"]):
                used[k] = True
    if SESSION24_VALUES_LISTED:
        _values_listed(tokens)


def _values_listed(tokens: Tokens) -> None:
    folded = fold(tokens.question).lower()
    for said in _LISTED.finditer(folded):
        start = len(words(folded[:said.start(1)]))
        inside = words(said.group(1))
        if tokens.items[start:start + len(inside)] == inside:
            for k in range(start, start + len(inside)):
                tokens.used[k] = True
