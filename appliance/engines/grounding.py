"""Grounding checks shared by the legal assistant, summaries, minutes and draft bodies.

A generated sentence is kept only if it cites at least one source we gave the model and every
checkable fact in it — numbers, dates, person names and legal references ("Điều 15", "khoản 2",
"điểm a", "60/2014/QH13") — appears in the sources it cites or in what the officer typed
(`given`). Everything else is dropped and counted, and the feature shows the count
("2 câu bị bỏ vì không có căn cứ"). Matching is on values, not spellings: "05/10/2026" matches
"ngày 5 tháng 10 năm 2026", "1.500.000" matches "1500000", names and references are compared
with diacritics folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from appliance.text import fold, normalize


@dataclass(frozen=True)
class Source:
    id: str
    text: str
    label: str = ""  # the citation shown to people, e.g. "Luật Cư trú 2020, Điều 20"


@dataclass(frozen=True)
class GroundedSentence:
    text: str
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class GroundingReport:
    kept: list[GroundedSentence]
    dropped: list[tuple[str, str]]  # (sentence, reason in Vietnamese)

    def notice(self) -> str | None:
        """What the officer is told, e.g. "2 câu bị bỏ vì không có căn cứ"; None when nothing was dropped."""
        return f"{len(self.dropped)} câu bị bỏ vì không có căn cứ" if self.dropped else None

    @property
    def rate(self) -> float:
        """The share of sentences kept (1.0 when there was nothing to check)."""
        total = len(self.kept) + len(self.dropped)
        return len(self.kept) / total if total else 1.0


# Order matters: a document number holds a year, a date holds numbers, "Điều 15" holds 15; each
# is taken out of the sentence before the next pattern looks, so a fact is checked once.
_DOC_NUMBER = re.compile(r"\b\d+/(?:\d{4}/)?[A-ZĐ][A-ZĐa-zđ0-9]*(?:-[A-ZĐa-zđ0-9]+)*")
_DATE_NUMERIC = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")
_DATE_WORDS = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b", re.I)
_REFERENCE = re.compile(r"\b(điều|khoản|điểm|chương|mục)\s+(\d+[a-zđ]?|[a-zđ](?![\wÀ-ỹ])|[IVXLC]+\b)", re.I)
_NUMBER = re.compile(r"(?<![\w/.,])\d+(?:[.,]\d+)*(?![\d/])")
_MARKER = re.compile(r"\s*\[(\w+)\]")
_NUMBERING = re.compile(r"^\s*(?:\d+|[a-zđ])[.)]\s+")
_LIST_ITEM = re.compile(r"(?:^|[\n:;.]\s*)(\d+)\.\s")
_POINT_ITEM = re.compile(r"(?:^|[\n:;.]\s*)([a-zđ])\)\s")
_SURNAMES = frozenset((  # compared as written: "Hộ" (tịch) is not the surname "Hồ"
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Đoàn Lương Trịnh Mai "
    "Cao Lâm Tô Hà Tạ Châu Quách Lưu Kiều Thái Triệu La Khổng Mạc Từ Chu Vương Doãn").split())
_TITLES = ("ông", "bà", "anh", "chị", "đồng chí", "đ/c", "cô", "chú", "bác")
_CAPITALISED = re.compile(r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]*")
_NAME_RUN = re.compile(r"(?:(?<=\s)|^)((?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]+)(?![\wà-ỹ])")
_TITLED = re.compile(r"(?<![\w/])(?i:" + "|".join(re.escape(t) for t in _TITLES)
                     + r")\s+((?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s?){1,4})")


@dataclass(frozen=True)
class Fact:
    kind: str  # "số liệu", "ngày", "căn cứ pháp lý", "số văn bản", "tên người"
    shown: str  # as written in the sentence
    key: str  # what is compared


def _number_key(text: str) -> str | None:
    """Vietnamese number formats to one value: 1.234.567 and 1234567 → 1234567; 2,5 → 2.5."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", text) and text.count(",") > 1:
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f")


def _date_key(day: str, month: str, year: str) -> str:
    return f"{int(day):02d}/{int(month):02d}/{int(year):04d}"


def _take(pattern: re.Pattern[str], text: str) -> tuple[list[re.Match[str]], str]:
    matches = list(pattern.finditer(text))
    for match in reversed(matches):
        text = text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():]
    return matches, text


def _names(text: str) -> list[str]:
    """Person names: a run of capitalised syllables led by a common surname ("Nguyễn Văn An"), or
    capitalised syllables after a title ("ông Tuấn", "đồng chí Lê Hoa")."""
    found: list[str] = []
    for match in _NAME_RUN.finditer(text):
        words = match.group(1).split()
        for index, word in enumerate(words):
            if word in _SURNAMES and len(words) - index >= 2:
                found.append(" ".join(words[index:]))
                break
    for match in _TITLED.finditer(text):
        words = [w for w in match.group(1).split() if _CAPITALISED.fullmatch(w)]
        if words:
            found.append(" ".join(words))
    return list(dict.fromkeys(found))


def facts(sentence: str) -> list[Fact]:
    """The checkable facts of one sentence."""
    text = _NUMBERING.sub("", _MARKER.sub("", normalize(sentence)))
    out: list[Fact] = []
    docs, rest = _take(_DOC_NUMBER, text)
    out += [Fact("số văn bản", m.group(0), fold(m.group(0))) for m in docs]
    numeric, rest = _take(_DATE_NUMERIC, rest)
    worded, rest = _take(_DATE_WORDS, rest)
    out += [Fact("ngày", m.group(0), _date_key(*m.groups())) for m in numeric + worded]
    refs, rest = _take(_REFERENCE, rest)
    out += [Fact("căn cứ pháp lý", m.group(0), f"{fold(m.group(1))} {fold(m.group(2))}") for m in refs]
    for match in _NUMBER.finditer(rest):
        key = _number_key(match.group(0))
        if key is not None:
            out.append(Fact("số liệu", match.group(0), key))
    out += [Fact("tên người", name, fold(name)) for name in _names(rest)]
    return out


@dataclass
class _Evidence:
    """What a set of sources (or the officer's input) can support."""
    folded: str = ""
    keys: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, texts: Iterable[str]) -> _Evidence:
        evidence = cls()
        whole = "\n".join(normalize(t) for t in texts if t)
        evidence.folded = f" {' '.join(fold(whole).split())} "
        evidence.keys |= {f"doc:{fold(m.group(0))}" for m in _DOC_NUMBER.finditer(whole)}
        evidence.keys |= {f"date:{_date_key(*m.groups())}" for m in _DATE_NUMERIC.finditer(whole)}
        evidence.keys |= {f"date:{_date_key(*m.groups())}" for m in _DATE_WORDS.finditer(whole)}
        evidence.keys |= {f"ref:{fold(m.group(1))} {fold(m.group(2))}" for m in _REFERENCE.finditer(whole)}
        # A khoản is usually written as a numbered paragraph ("2. …") and a điểm as "b) …".
        evidence.keys |= {f"ref:khoan {m.group(1)}" for m in _LIST_ITEM.finditer(whole)}
        evidence.keys |= {f"ref:diem {fold(m.group(1))}" for m in _POINT_ITEM.finditer(whole)}
        for match in re.finditer(r"\d+(?:[.,]\d+)*", whole):  # every number, dates and references included
            key = _number_key(match.group(0))
            if key is not None:
                evidence.keys.add(f"num:{key}")
        return evidence

    def supports(self, fact: Fact) -> bool:
        if fact.kind == "tên người":
            return re.search(rf"(?<!\w){re.escape(fact.key)}(?!\w)", self.folded) is not None
        prefix = {"số văn bản": "doc", "ngày": "date", "căn cứ pháp lý": "ref", "số liệu": "num"}[fact.kind]
        if f"{prefix}:{fact.key}" in self.keys:
            return True
        return prefix == "doc" and fact.key in self.folded


def ground(claims: Sequence[tuple[str, Sequence[str]]], sources: Mapping[str, Source], *,
           given: str = "") -> GroundingReport:
    """Keep each (sentence, cited source ids) whose facts all appear in the cited sources or `given`."""
    officer = _Evidence.of([given])
    kept: list[GroundedSentence] = []
    dropped: list[tuple[str, str]] = []
    cache: dict[tuple[str, ...], _Evidence] = {}
    for sentence, cited in claims:
        text = sentence.strip()  # kept as the caller wrote it; facts() reads it without [n] markers
        if not _MARKER.sub("", text).strip():
            continue
        ids = tuple(dict.fromkeys(str(c) for c in cited))
        if not ids:
            dropped.append((text, "không dẫn nguồn"))
            continue
        unknown = [c for c in ids if c not in sources]
        if unknown:
            dropped.append((text, f"dẫn nguồn không có: {', '.join(unknown)}"))
            continue
        if ids not in cache:
            cache[ids] = _Evidence.of(f"{sources[c].label}\n{sources[c].text}" for c in ids)
        evidence = cache[ids]
        missing = [f for f in facts(text) if not evidence.supports(f) and not officer.supports(f)]
        if missing:
            first = missing[0]
            dropped.append((text, f"{first.kind} «{first.shown}» không có trong nguồn được dẫn"))
            continue
        kept.append(GroundedSentence(text, ids))
    return GroundingReport(kept, dropped)


_SPLIT = re.compile(r"(?<=[.!?…])\s+|\n+")


def split_cited(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """A model's answer written with [n] markers → (sentence without markers, cited ids). Markers right
    after a sentence's full stop ("… hồ sơ. [1]") belong to that sentence."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for piece in _SPLIT.split(normalize(text).strip()):
        piece = piece.strip()
        leading = re.match(r"^(?:\[\w+\]\s*)+", piece)
        if leading and out:
            sentence, ids = out[-1]
            out[-1] = (sentence, tuple(dict.fromkeys([*ids, *re.findall(r"\[(\w+)\]", leading.group(0))])))
            piece = piece[leading.end():].strip()
        if not piece:
            continue
        ids = tuple(dict.fromkeys(re.findall(r"\[(\w+)\]", piece)))
        sentence = " ".join(_MARKER.sub("", piece).split()).replace(" .", ".")
        if sentence:
            out.append((sentence, ids))
    return out


__all__ = ["Fact", "GroundedSentence", "GroundingReport", "Source", "facts", "ground", "split_cited"]
