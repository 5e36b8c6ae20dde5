"""What real models do wrong in free text, detected without a model: drifting into English or
Chinese in a Vietnamese answer, and repetition loops. Both are cheap enough to run on every
streamed chunk's tail, so a looping generation is stopped early instead of running to max_tokens."""

from __future__ import annotations

import re
import unicodedata

# Words that are frequent in English prose and are not Vietnamese syllables written without marks.
_ENGLISH = frozenset(
    "the and of to is are was were be been this that these those with for from your you we our it its "
    "here there which what when where who how will would can could should must not have has had do does "
    "did as at by an or if then than so such into about please sure certainly following answer summary "
    "note based provided text document according".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CHAR_LOOP = re.compile(r"(.{3,40}?)\1{5,}", re.S)


def _marked(word: str) -> bool:
    """A word carrying a Vietnamese letter or tone mark (đ, ơ, ư, ă, â, ê, ô or any accent)."""
    return any(ord(c) > 0x7F and unicodedata.category(c).startswith("L") for c in word)


def english_sentence(sentence: str) -> bool:
    """A sentence of ≥ 4 words, almost none marked as Vietnamese, with ≥ 2 common English words."""
    words = [w.lower() for w in _WORD.findall(sentence)]
    if len(words) < 4:
        return False
    marked = sum(1 for w in words if _marked(w))
    english = sum(1 for w in words if w in _ENGLISH)
    return marked <= len(words) * 0.1 and english >= 2 and english >= len(words) * 0.15


def language_problem(text: str, language: str = "vi") -> str | None:
    """Why `text` is not in `language`, or None. Only Vietnamese is checked ("vi"); any other value
    (SQL, codes) is not a natural language and passes."""
    if language != "vi":
        return None
    cjk = _CJK.findall(text)
    if len(cjk) >= 2:
        return f"{len(cjk)} CJK characters in a Vietnamese answer"
    english = [s for s in _SENTENCE.split(text) if english_sentence(s)]
    if english:
        return f"{len(english)} English sentence(s), e.g. {english[0][:80]!r}"
    return None


def _consecutive_loop(words: list[str]) -> str | None:
    """A span of n words repeated back to back: ≥ 3 times for n ≥ 3, more for shorter spans. A span
    repeated r times is a run of (r - 1)·n positions where each word equals the word n later."""
    count = len(words)
    for n in range(1, min(40, count // 3) + 1):
        needed = 8 if n == 1 else 5 if n == 2 else 3
        run = 0
        for j in range(count - n):
            run = run + 1 if words[j] == words[j + n] else 0
            if run >= (needed - 1) * n:
                start = j - run + 1
                return f"{' '.join(words[start:start + n])[:60]!r} repeated {needed}+ times"
    return None


def repetition_problem(text: str) -> str | None:
    """A repetition loop in `text`, or None: a phrase repeated back to back, a short string looping
    without spaces, or a long text made mostly of the same three-word sequences."""
    words = text.lower().split()
    loop = _consecutive_loop(words[-600:])
    if loop:
        return loop
    match = _CHAR_LOOP.search(text[-3000:])
    if match and len(match.group(0)) >= 40:
        return f"{match.group(1)[:30]!r} loops {len(match.group(0)) // len(match.group(1))} times"
    if len(words) >= 80:
        trigrams = [tuple(words[i:i + 3]) for i in range(len(words) - 2)]
        diversity = len(set(trigrams)) / len(trigrams)
        if diversity < 0.35:
            return f"only {diversity:.0%} distinct three-word sequences"
    return None
