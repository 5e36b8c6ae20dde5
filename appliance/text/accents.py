"""Shorthand typed bare, and the accented words with the same letters that are never that shorthand.

Users type "không" as "hong" (southern "hông" typed bare) or the chat "hem"; both folds meet words of their own:
"sổ hồng" (the land title), "hỏng" (broken), "hòng", "hóng", "họng", "hõng", and "hẻm" (an alley), "hèm", "hém",
"hẽm", "hẹm". Folding drops the marks that tell them apart, so the decision is taken on the text as typed, before
folding: where one of these accented words is typed, the shorthand of its letters is left unread for the whole text
(rule R7, session 26: "bao nhiêu hồ sơ cấp sổ hồng" had been read as a negation in the question box, and "rác ở hẻm
12" as "không" in the citizen chat). The question box and the citizen chat share this one rule.
"""

from __future__ import annotations

import re
import unicodedata

# Shorthand key (folded, as the shorthand tables spell it) → the accented spellings that are another word.
_OTHER_WORD = {"hong": re.compile(r"(?<!\w)h[ồỏòóõọ]ng(?!\w)", re.IGNORECASE),
               "hem": re.compile(r"(?<!\w)h[ẻèéẽẹ]m(?!\w)", re.IGNORECASE)}


def shorthand_kept(text: str) -> frozenset[str]:
    """The shorthand keys that `text` also types as another, accented word: leave them as they are."""
    text = unicodedata.normalize("NFC", text)
    return frozenset(key for key, accented in _OTHER_WORD.items() if accented.search(text))
