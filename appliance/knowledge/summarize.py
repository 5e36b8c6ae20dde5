"""Summaries of long Vietnamese documents: key points, the figures and dates in the text, and
who must do what.

Figures, dates and obligations are always read from the text itself by rules (so none is ever
invented); key points come from the generator engine when one is installed, else from an
extractive method (sentences ranked by the weight of their words across the document, position
and length) that is labelled as such. Long inputs are handled in parts with progress.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from appliance.engines import Generator
from appliance.engines.generation import GenerationFailure, chat_json
from appliance.engines.grounding import Source, ground
from appliance.knowledge.indexing import STOPWORDS
from appliance.knowledge.structure import split_front_matter
from appliance.text import fold_tokens, normalize

log = logging.getLogger(__name__)
PART_CHARS = 12_000  # ~4 pages: what one generator call reads comfortably
SUMMARY_DEADLINE_S = 120.0  # per part: past it that part is summarised by extraction
POINTS_SCHEMA: dict[str, object] = {
    "type": "object", "additionalProperties": False, "required": ["points"],
    "properties": {"points": {"type": "array", "minItems": 1, "maxItems": 5,
                              "items": {"type": "string", "minLength": 1}}},
}
EXTRACTIVE_LABEL = "Trích câu quan trọng (không dùng mô hình ngôn ngữ)"
Progress = Callable[[float, str], None]

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZĐÀ-Ỹ0-9“\"(\-–•])|\n+")
_MONEY = re.compile(r"\b\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*(?:đồng|VNĐ|vnđ|đ)\b"
                    r"|\b\d+(?:,\d+)?\s*(?:triệu|tỷ|nghìn)\s*đồng\b")
_PERCENT = re.compile(r"\b\d+(?:,\d+)?\s?%")
_DATE = re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b", re.IGNORECASE)
_DURATION = re.compile(r"\b\d{1,3}\s+(?:ngày làm việc|ngày|tháng|năm|giờ)\b")
_AREA = re.compile(r"\b\d+(?:,\d+)?\s?(?:m2|m²|ha|km)\b")
_OBLIGATION = re.compile(r"\b(có trách nhiệm|chịu trách nhiệm|phải|chủ trì|phối hợp|được giao|giao cho|"
                         r"đề nghị|yêu cầu|thực hiện|hoàn thành|báo cáo)\b", re.IGNORECASE)
_DEADLINE = re.compile(r"(?:trước|trong thời hạn|chậm nhất|hạn chót|trong vòng)\s+[^,.;]{3,40}", re.IGNORECASE)


@dataclass
class Figure:
    text: str
    kind: str  # tiền, tỷ lệ, ngày, thời hạn, diện tích
    context: str


@dataclass
class Action:
    who: str
    what: str
    deadline: str | None
    quote: str


@dataclass
class Summary:
    summary: str
    key_points: list[str]
    figures: list[Figure] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    engine: str = "extractive"
    engine_label: str = EXTRACTIVE_LABEL
    parts: int = 1
    chars: int = 0
    grounded: int = 0  # model points kept by the grounding check
    dropped: int = 0  # model points dropped by the grounding check
    notice: str | None = None  # "2 câu bị bỏ vì không có căn cứ"
    note: str = ""  # why a part fell back to extraction, when it did

    def api(self) -> dict[str, object]:
        data = asdict(self)
        data["figures"] = [asdict(f) for f in self.figures]
        data["actions"] = [asdict(a) for a in self.actions]
        return data


def sentences(text: str) -> list[str]:
    out = []
    for piece in _SENTENCE_END.split(text):
        piece = " ".join(piece.split()).strip(" -–•")
        if len(piece) >= 12:
            out.append(piece)
    return out


def figures(text: str, limit: int = 40) -> list[Figure]:
    found: list[tuple[int, Figure]] = []
    seen: set[str] = set()
    taken: list[tuple[int, int]] = []  # spans already claimed: "tháng 12 năm 2022" is a date, not "12 năm"
    for kind, pattern in (("ngày", _DATE), ("tiền", _MONEY), ("tỷ lệ", _PERCENT), ("thời hạn", _DURATION),
                          ("diện tích", _AREA)):
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            value = " ".join(match.group(0).split())
            if value in seen:
                continue
            seen.add(value)
            start, end = max(0, match.start() - 70), min(len(text), match.end() + 70)
            context = " ".join(text[start:end].split())
            found.append((match.start(), Figure(value, kind, ("…" if start else "") + context
                                                + ("…" if end < len(text) else ""))))
    found.sort(key=lambda item: item[0])
    return [figure for _, figure in found[:limit]]


def actions(text: str, limit: int = 20) -> list[Action]:
    out: list[Action] = []
    for sentence in sentences(text):
        match = _OBLIGATION.search(sentence)
        if not match or match.start() == 0 and match.group(1).lower() in ("phải", "thực hiện"):
            continue
        # The actor is the phrase right before the verb ("…, cơ quan đăng ký cư trú có trách nhiệm …").
        who = re.split(r"[,;:]", sentence[:match.start()])[-1].strip(" ,:;-")
        who_words = who.split()
        if not who_words or len(who_words) > 14:
            continue  # no clear actor before the verb: not a "who must do what" sentence
        deadline = _DEADLINE.search(sentence)
        out.append(Action(who=who, what=sentence[match.start():].strip(), quote=sentence,
                          deadline=deadline.group(0).strip() if deadline else None))
        if len(out) >= limit:
            break
    return out


def _rank(all_sentences: list[str], count: int) -> list[str]:
    """Extractive: a sentence scores the mean tf-idf-like weight of its content words, plus a
    little for coming early (documents state their purpose first); very short or very long
    sentences are penalised."""
    tokenised = [[t for t in fold_tokens(s) if t not in STOPWORDS and not t.isdigit()] for s in all_sentences]
    df = Counter(t for tokens in tokenised for t in set(tokens))
    tf = Counter(t for tokens in tokenised for t in tokens)
    n = len(all_sentences)
    scored = []
    for index, tokens in enumerate(tokenised):
        if not tokens:
            continue
        weight = sum(math.log(1 + tf[t]) * math.log(1 + n / df[t]) for t in set(tokens)) / math.sqrt(len(tokens))
        position = 1.0 + 0.5 * (1 - index / max(1, n))
        length = 1.0 if 8 <= len(tokens) <= 60 else 0.6
        scored.append((weight * position * length, index))
    best = sorted(scored, reverse=True)[:count]
    return [all_sentences[i] for _, i in sorted(best, key=lambda item: item[1])]


def _parts(text: str) -> list[str]:
    parts, current = [], ""
    for paragraph in text.split("\n"):
        if current and len(current) + len(paragraph) > PART_CHARS:
            parts.append(current)
            current = ""
        current += paragraph + "\n"
    if current.strip():
        parts.append(current)
    return parts


@dataclass(frozen=True)
class _PartPoints:
    points: list[str]
    dropped: list[tuple[str, str]]


def _llm_points(generator: Generator | None, part: str) -> _PartPoints | GenerationFailure:
    """The model's key points of one part, each kept only if its figures, dates, names and legal
    references are in that part (the grounding check)."""
    messages = [
        {"role": "system", "content": "Bạn tóm tắt văn bản hành chính tiếng Việt. Chỉ dùng thông tin có trong văn "
                                      "bản, không thêm số liệu. Trả lời JSON {\"points\": [\"...\"]} gồm 3-5 ý chính."},
        {"role": "user", "content": part},
    ]
    result = chat_json(generator, messages, schema=POINTS_SCHEMA, deadline_s=SUMMARY_DEADLINE_S, max_tokens=400,
                       language="vi")
    if isinstance(result, GenerationFailure):
        return result
    raw_points = result.value["points"]
    points = [normalize(str(p)).strip() for p in raw_points if str(p).strip()] if isinstance(raw_points, list) else []
    report = ground([(p, ["part"]) for p in points], {"part": Source("part", part)})
    return _PartPoints([k.text for k in report.kept], report.dropped)


def summarize(text: str, *, generator: Generator | None = None, progress: Progress | None = None,
              max_points: int = 7) -> Summary:
    text = split_front_matter(normalize(text).strip())[1]
    parts = _parts(text)
    engine, label = "extractive", EXTRACTIVE_LABEL
    points: list[str] = []
    dropped: list[tuple[str, str]] = []
    notes: list[str] = []
    grounded = 0
    for index, part in enumerate(parts):
        if progress:
            progress(index / len(parts), f"Đang đọc phần {index + 1}/{len(parts)}")
        part_points: list[str] = []
        if generator is not None:
            outcome = _llm_points(generator, part)
            if isinstance(outcome, GenerationFailure):  # this part falls back to extraction, and says so
                log.info("summary part %d by extraction: %s (%s)", index + 1, outcome.reason, outcome.detail)
                notes.append(outcome.say())
            else:
                part_points, dropped = outcome.points, dropped + outcome.dropped
                grounded += len(part_points)
                if part_points:
                    engine, label = "llm", f"Mô hình ngôn ngữ ({generator.name})"
        if not part_points:
            part_points = _rank(sentences(part), 3 if len(parts) > 1 else max_points)
        points.extend(part_points)
    if len(points) > max_points:
        points = _rank(points, max_points)
    if progress:
        progress(0.95, "Đang tổng hợp số liệu, mốc thời gian và phân công")
    note = ""
    if notes:
        which = "Văn bản" if len(parts) == 1 else f"{len(notes)}/{len(parts)} phần của văn bản"
        note = f"{which} được tóm tắt bằng cách trích câu vì {'; '.join(dict.fromkeys(notes))}."
    result = Summary(summary=" ".join(points[:3]), key_points=points, figures=figures(text), actions=actions(text),
                     engine=engine, engine_label=label, parts=len(parts), chars=len(text), grounded=grounded,
                     dropped=len(dropped),
                     notice=f"{len(dropped)} câu bị bỏ vì không có căn cứ" if dropped else None, note=note)
    if progress:
        progress(1.0, "Xong")
    return result
