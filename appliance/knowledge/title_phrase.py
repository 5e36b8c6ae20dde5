"""Session 15: an article whose title the question repeats word for word ("điều kiện kết hôn", "các khiếu nại không
được thụ lý giải quyết") is what the question asks about: it ranks first among the passages found (flag read at call
time; docs/knowledge.md, "Session 15"). Session 13's SESSION13_TITLE_PRECISION counted the title's words in any
order and lost right answers; here the title's words must stand in the question in the title's order, with at
most MAX_GAP other words between them in all, and the title must have at least MIN_WORDS folded syllables.
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.knowledge.indexing import STOPWORDS
from appliance.text import fold_tokens

SESSION15_TITLE_PHRASE = False  # off by rule R1 (session 15): fresh15 one right answer fewer, no wrong one fewer
MIN_WORDS = 3
MIN_SHARE = 0.5  # the title is most of what is asked: at least this share of the question's content words
MAX_GAP = 2  # other words the question may put between the title's ("khiếu nại [nào thì] không được thụ lý")
_PLURAL = ("cac", "nhung")  # "Các khiếu nại …": the question says "những khiếu nại" or "khiếu nại nào"


def title_words(article_title: str) -> list[str]:
    words = fold_tokens(article_title or "")
    while words and words[0] in _PLURAL:
        words = words[1:]
    return words


def repeats_title(question: Sequence[str], article_title: str) -> bool:
    """Whether the folded question tokens hold the article title's words in order, at most MAX_GAP others
    between them in all (SESSION15_TITLE_PHRASE)."""
    if not SESSION15_TITLE_PHRASE:
        return False
    title = title_words(article_title)
    if len(title) < MIN_WORDS:
        return False
    for start, word in enumerate(question):
        if word != title[0]:
            continue
        at, gaps = start + 1, 0
        for wanted in title[1:]:
            while at < len(question) and question[at] != wanted and gaps <= MAX_GAP:
                at, gaps = at + 1, gaps + 1
            if at >= len(question) or gaps > MAX_GAP:
                break
            at += 1
        else:
            return True
    return False


def repeated_titles(question: Sequence[str], article_titles: Sequence[str]) -> set[str]:
    """The folded titles (plural word dropped) among `article_titles` that the question repeats, each at least
    MIN_SHARE of the question's content words."""
    content = [w for w in dict.fromkeys(question) if w not in STOPWORDS and len(w) > 1]
    out = set()
    for article_title in dict.fromkeys(article_titles):
        words = title_words(article_title)
        if len(words) >= MIN_SHARE * max(1, len(content)) and repeats_title(question, article_title):
            out.add(" ".join(words))
    return out


def holds(phrases: set[str], article_title: str) -> bool:
    """Whether the title is, or begins word for word with, one of the repeated titles ("Thẩm quyền đăng ký kết hôn và
    nội dung Giấy chứng nhận kết hôn" holds "thẩm quyền đăng ký kết hôn": the question does not choose between them;
    "Thủ tục đăng ký kết hôn" does not hold "đăng ký kết hôn", a narrower matter)."""
    if not phrases:
        return False
    title = f"{' '.join(title_words(article_title))} "
    return any(title.startswith(f"{phrase} ") for phrase in phrases)
