"""Session 19: feedback asked in everyday words for its topic, without "phản ánh" ("bao nhiêu vụ rác tháng này", "mấy
vụ đánh nhau tháng 10", "karaoke ồn tuần này bao nhiêu vụ"). The topic words are the citizen classifier's cue words
(entities.py reads them only in a question about feedback), so such a question had been read as one about records and
left unsure. When the records reading is unsure, names no procedure, field or officer, and no word of the records
("hồ sơ", "thủ tục", "tthc", "một cửa") is said, the question is read again as one about feedback; that reading is
kept only where it is confident and found a topic (a category through its cue words). Read at run time; tested on
and off in tests/ask/test_session19.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import ParseResult
    from appliance.ask.tokens import Tokens

SESSION19_FEEDBACK_TOPICS = True
_RECORD_WORDS = (["ho", "so"], ["thu", "tuc"], ["tthc"], ["mot", "cua"], ["hs"])
_RECORD_NAMES = ("ten_thu_tuc", "linh_vuc", "can_bo_xu_ly")


def asked_without_cue(result: ParseResult, said: list[str]) -> bool:
    """The records reading was unsure and nothing in the question belongs to records."""
    if not SESSION19_FEEDBACK_TOPICS or result.confident:
        return False
    if result.intent is not None and (result.intent.domain != "ho_so"
                                      or any(c in result.intent.filters for c in _RECORD_NAMES)):
        return False
    return not any(said[k:k + len(w)] == w for w in _RECORD_WORDS for k in range(len(said)))


def named_topic(result: ParseResult) -> bool:
    return bool(result.confident and result.intent is not None and result.intent.topic
                and "ma_linh_vuc" in result.intent.filters)


# Session 19: a topic said in two cue words of one category ("karaoke ồn", "rác bốc mùi", "trộm cắp, đánh nhau"): once
# the category is found through one cue, the other cue words of that same category are explained by it (the second had
# been left unknown: unsure). A cue of another category stays unknown; cue words that are measure words or filler
# ("tiếp nhận", "hồ sơ") are never taken this way. Read at run time.
SESSION19_TOPIC_CUES = True


def other_cues(tokens: Tokens, codes: set[str], cues: dict[str, list[list[str]]]) -> None:
    """Mark free cue phrases of the categories found (`cues`: category code → its meaningful cue phrases)."""
    if not SESSION19_TOPIC_CUES:
        return
    items = tokens.items
    for code in codes:
        for phrase in sorted(cues.get(code, []), key=len, reverse=True):
            n = len(phrase)
            for k in range(len(items) - n + 1):
                if items[k:k + n] == phrase and not any(tokens.used[k:k + n]):
                    for j in range(k, k + n):
                        tokens.used[j] = True
