"""Whether a qualifier cue read in "ho" means "hộ" (on someone's behalf) in the message as typed.

The "ủy quyền" cues are folded ("lam ho", "nop ho", "ho con", …), and folding makes "hộ" (on behalf) one word with
"hồ" (hồ sơ, the file every citizen speaks of), "họ" (a surname; they) and "hổ", "hơ", "hở". So "nộp hồ sơ tạm trú
ở đâu" and "đổi họ con theo họ mẹ" were read as done by someone else for the citizen, and the answer added a
paragraph about the authorised case nobody asked for (rule R7, session 28: every "làm/nộp hồ sơ" question carried
it). The decision is taken on the text as typed, as appliance/text/accents does for shorthand:
- typed with "hộ" somewhere: the cue stands;
- typed only with other accents ("hồ", "họ", …): no "ho" in it is "hộ";
- typed bare ("ho"): "ho so" is the word "hồ sơ", so a cue whose "ho" is followed by "so" is that word's first
  syllable, not "hộ"; any other bare "ho" may be "hộ" and stands.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from appliance.text import fold

_WORD = re.compile(r"\w+")


def ho_spellings(text: str) -> frozenset[str]:
    """The spellings, as typed (NFC, lower case), of the words of `text` that fold to "ho"."""
    text = unicodedata.normalize("NFC", text).lower()
    return frozenset(w for w in _WORD.findall(text) if fold(w) == "ho")


def means_on_behalf(words: Sequence[str], start: int, end: int, spellings: frozenset[str]) -> bool:
    """Whether the cue `words[start:end]` (folded) can mean "hộ" where it holds "ho". `spellings`: `ho_spellings`
    of the message (empty when the text is not at hand: the cue stands, as before)."""
    if "ho" not in words[start:end] or not spellings or "hộ" in spellings:
        return True
    if "ho" not in spellings:
        return False  # every "ho" typed is another word: hồ, họ, hổ, hơ, hở
    last = words[end - 1] == "ho"
    return not (last and end < len(words) and words[end] == "so")
