"""The meeting in items: the agenda the secretary entered, or topics found in the transcript.

With an agenda, each line goes to an agenda item in order (a monotone alignment: the meeting follows its
agenda; a line goes to the item it is most similar to, and items never come back). Without one, topics are
found TextTiling-style (Hearst 1997): the similarity of the lines before and after each gap, boundaries at
the deepest dips, and always where the chair opens a new matter ("Thứ hai là…", "Chuyển sang…", "Còn việc…").
Similarity is the packaged e5 embedder's cosine when there is one, else word overlap on folded text
(labelled as such by the caller).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from appliance.engines import Embedder
from appliance.meetings.headings import headings
from appliance.text import fold, fold_tokens, normalize

CUE = re.compile(r"^(?:(?:rồi|ừ|được|tốt|vâng|thôi|còn|tiếp|tiếp theo|nội dung tiếp theo)[,.\s]+)*"
                 r"(?:thứ (?:nhất|hai|ba|tư|năm|sáu)|việc thứ \w+|vấn đề thứ \w+|nội dung thứ \w+|tiếp theo là|"
                 r"chuyển sang|sang nội dung|sang việc|về việc|còn việc|còn vụ|còn vấn đề|nội dung tiếp|"
                 r"việc tiếp theo|vấn đề tiếp theo)\b", re.IGNORECASE)
_FILLER = re.compile(r"^(?:dạ|vâng|ừ|ờ|rõ|được|tốt|ok|vâng ạ|dạ vâng|cảm ơn)[\s.,!ạ]*$", re.IGNORECASE)
MIN_LINES = 3


@dataclass(frozen=True)
class Line:
    id: int
    speaker: str
    text: str
    start: float


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)
    from_agenda: bool = False
    named: bool = False  # opened by a cue that names the matter ("Thứ hai là …", "Chuyển sang …")


def _lexical(texts: Sequence[str]) -> np.ndarray:
    vocab: dict[str, int] = {}
    rows = [fold_tokens(t) for t in texts]
    for row in rows:
        for token in row:
            if len(token) > 1:
                vocab.setdefault(token, len(vocab))
    matrix = np.zeros((len(texts), max(1, len(vocab))), dtype=np.float32)
    for i, row in enumerate(rows):
        for token in row:
            if token in vocab:
                matrix[i, vocab[token]] += 1.0
    norms = np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    return matrix / norms


# The same sentences are embedded again whenever the biên bản re-flows (after each transcript or speaker
# edit, for the agenda alignment and for each item): e5 on this CPU takes ~0.1 s a sentence, so keep them.
_MEMO: OrderedDict[tuple[str, str, str], np.ndarray] = OrderedDict()
_MEMO_SIZE = 20_000
_MEMO_LOCK = threading.Lock()


def vectors(texts: Sequence[str], embedder: Embedder | None, kind: str = "passage") -> np.ndarray:
    if embedder is None or not texts:
        return _lexical(texts)
    side: Literal["query", "passage"] = "query" if kind == "query" else "passage"
    found: dict[str, np.ndarray] = {}
    with _MEMO_LOCK:
        for text in texts:
            key = (embedder.name, side, text)
            if key in _MEMO:
                _MEMO.move_to_end(key)
                found[text] = _MEMO[key]
    missing = [t for t in dict.fromkeys(texts) if t not in found]
    if missing:
        fresh = np.asarray(embedder.embed(missing, kind=side), dtype=np.float32)
        with _MEMO_LOCK:
            for text, vec in zip(missing, fresh, strict=True):
                found[text] = _MEMO[(embedder.name, side, text)] = vec
            while len(_MEMO) > _MEMO_SIZE:
                _MEMO.popitem(last=False)
    return np.vstack([found[t] for t in texts])


_CALL = re.compile(r"^(?:(?:dạ|vâng|ừ|rồi|thưa|báo cáo|kính thưa)\s*)*"
                   r"(?:(?:anh|chị|em|bác|đồng chí|các đồng chí|bà con)(?:\s+\w+)?\s*(?:ơi)?\s*,\s*|"
                   r"(?:anh|chị|em|bác)(?:\s+\w+)?\s+ơi\s+)?", re.IGNORECASE)


# Words a heading never ends on (a cut after twelve words can leave them): "… ngõ 418 thì", "… làm hay".
_TRAILING = re.compile(r"(?:\s+(?:thì|là|mà|và|hay|hoặc|của|cho|với|để|nhé|ạ|nhỉ|đấy|thế|sao|không|chưa))+"
                       r"\s*[,.;:?!]*$", re.IGNORECASE)


_ASKED = re.compile(r"(?:\?|\b(?:à|hả|hử|không|chưa|sao|gì|nào|ai|nhỉ|chứ))\s*…?$", re.IGNORECASE)


def _title_of(line: Line) -> str:
    """A short title from the sentence that opens the matter: cue words, greetings and vocatives dropped,
    up to its first comma when that leaves a phrase, else its first twelve words."""
    text = normalize(line.text).strip()
    text = CUE.sub("", text).strip(" ,.:;-") or text
    text = _CALL.sub("", text).strip(" ,.:;-") or text
    text = re.sub(r"^(?:là|về|thì)\s+", "", text, flags=re.IGNORECASE)
    first = re.split(r"(?<=[.?!])\s", text)[0]
    head = first.split(",")[0]
    # "vụ lún nứt nhà số 17 thì sao", "việc thu phí vệ sinh thì anh giao ai": the matter is what comes before
    # "thì"; a heading that ran on ended in "… thì" or in the question after it.
    head = head if len(head.split()) >= 4 else first
    topic = re.split(r"\s+thì\s+", head, maxsplit=1, flags=re.IGNORECASE)[0]
    words = (topic if len(topic.split()) >= 3 else head).split()
    title = _TRAILING.sub("", " ".join(words[:12])).rstrip(" ,.;:?!") + ("…" if len(words) > 12 else "")
    return (title[:1].upper() + title[1:]) if title.strip("…") else "Nội dung khác"


def _opening_title(head: Line | None, body: Sequence[Line]) -> str:
    """The title of a matter from the cue that opened it, else from its first sentence that is not a question
    back to the chair ("Ơ thế thông báo trước rồi mới thống kê à" names nothing)."""
    if head is not None:
        return _title_of(head)
    titles = [_title_of(ln) for ln in body]
    return next((t for t in titles if not _ASKED.search(t)), titles[0])


def _substantive(lines: Sequence[Line]) -> list[Line]:
    return [ln for ln in lines if not _FILLER.match(ln.text.strip()) and len(ln.text.split()) >= 4]


def by_agenda(lines: Sequence[Line], agenda: Sequence[str], embedder: Embedder | None) -> list[Section]:
    items = [a for a in agenda if a.strip()]
    sections = [Section(a.strip(), [], True) for a in items]
    if not lines or not sections:
        return sections
    if embedder is not None:
        texts = [f"{ln.text}" for ln in lines]
        line_vecs, item_vecs = vectors(texts, embedder), vectors(items, embedder, "query")
    else:  # one vocabulary for both, or the cosines mean nothing
        both = _lexical([ln.text for ln in lines] + list(items))
        line_vecs, item_vecs = both[:len(lines)], both[len(lines):]
    # Neighbouring lines share a topic: smooth each line's scores with its neighbours'.
    raw = line_vecs @ item_vecs.T
    padded = np.vstack([raw[:1], raw, raw[-1:]])
    scores = (padded[:-2] + 2 * padded[1:-1] + padded[2:]) / 4
    n, k = scores.shape
    best = np.full((n, k), -np.inf)
    back = np.zeros((n, k), dtype=np.int64)
    best[0] = scores[0]
    best[0, 1:] = best[0, 1:] - 0.05 * np.arange(1, k)  # starting past item 1 costs a little
    for i in range(1, n):
        running = np.maximum.accumulate(best[i - 1])
        arg = np.array([int(np.argmax(best[i - 1][:j + 1])) for j in range(k)])
        best[i] = running + scores[i]
        back[i] = arg
    path = np.zeros(n, dtype=np.int64)
    path[-1] = int(np.argmax(best[-1]))
    for i in range(n - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    for line, item in zip(lines, path, strict=True):
        sections[int(item)].lines.append(line)
    return sections


def by_topic(lines: Sequence[Line], embedder: Embedder | None, window: int = 2,
             units: Sequence[str] = ()) -> list[Section]:
    """The transcript cut where its subject changes; `units`: the ward's units, for the items' headings."""
    if not lines:
        return []
    cuts = {i for i, ln in enumerate(lines) if i > 0 and CUE.match(normalize(ln.text).strip())}
    if len(lines) >= 2 * MIN_LINES:
        vecs = vectors([ln.text for ln in lines], embedder)
        gaps = []
        for i in range(1, len(lines)):
            left = vecs[max(0, i - window):i].mean(axis=0)
            right = vecs[i:i + window].mean(axis=0)
            gaps.append(float(left @ right / max(1e-9, np.linalg.norm(left) * np.linalg.norm(right))))
        depth = []
        for g in range(len(gaps)):
            lpeak = max(gaps[:g + 1])
            rpeak = max(gaps[g:])
            depth.append((lpeak - gaps[g]) + (rpeak - gaps[g]))
        cutoff = float(np.mean(depth) + np.std(depth)) if depth else 1.0
        for g in sorted(range(len(depth)), key=lambda g: -depth[g]):
            i = g + 1
            if depth[g] <= cutoff:
                break
            if all(abs(i - c) >= MIN_LINES for c in cuts) and MIN_LINES <= i <= len(lines) - MIN_LINES:
                cuts.add(i)
    bounds = [0, *sorted(cuts), len(lines)]
    sections = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        chunk = list(lines[a:b])
        if not chunk:
            continue
        head = next((ln for ln in chunk if CUE.match(normalize(ln.text).strip())), None)
        body = _substantive(chunk) or chunk
        sections.append(Section(_opening_title(head, body), chunk, False, named=head is not None))
    # The opening ("Rồi, mình bắt đầu giao ban nhé") is not an item of its own when it is that short.
    if len(sections) > 1 and len(_substantive(sections[0].lines)) <= 1 and not CUE.match(sections[0].lines[0].text):
        sections[1].lines = sections[0].lines + sections[1].lines
        sections.pop(0)
    # An item is headed by the clause that names what sets it apart (headings.py), not by its first
    # sentence ("Tốt", "Em xin báo cáo", "Chào các đồng chí"), unless the chair named the matter.
    named = headings([[ln.text for ln in _substantive(s.lines) or s.lines] for s in sections],
                     sorted({ln.speaker for ln in lines}), units)
    for section, heading in zip(sections, named, strict=True):
        # the chair named the matter ("Thứ hai là …"): that is its heading, unless it was asked, not named
        # ("Ơ thế thông báo trước rồi mới thống kê à")
        if not section.named or _ASKED.search(section.title):
            section.title = heading or section.title
    return sections


def same_title(a: str, b: str) -> bool:
    return fold(a) == fold(b)
