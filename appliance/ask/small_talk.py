"""Small talk around a question that asks nothing (session 24): a greeting opening it ("Chào em, …", "Xin chào anh
chị, …") and a softener after the request ("cho chị hỏi xíu", "cho anh hỏi chút", "hỏi tí"). Their words had been
unknown, so a question the box answers was unsure. Each reading has its flag, read at run time and tested on and off
in tests/ask/test_session24.py."""

from __future__ import annotations

from appliance.ask.tokens import Tokens

# Session 24 (`SESSION24_GREETING`): "chào" (after "xin") opening the question, with the ones greeted after it, up to
# the first comma; only at the very start ("chào mừng", "lời chào" elsewhere are not read).
SESSION24_GREETING = True
# Session 24 (`SESSION24_SOFTENER`): "xíu", "chút", "tí" (with "một" before it) right after "hỏi": asking briefly.
SESSION24_SOFTENER = True
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
