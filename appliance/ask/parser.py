"""The deterministic Vietnamese semantic parser: a question → an Intent, or an honest "unsure".

Steps, all on folded text (no diacritics, đ→d) so accent-free input works the same:
1. tokenise and repair typos against the known vocabulary (vocab.Catalog.correct);
2. find periods (appliance.text.periods) and comparison phrases;
3. find named values from the data (procedures, fields, officers, feedback categories, indicators);
4. find measures, rates, groupings, top-N, averages in what is left;
5. any content word still unexplained makes the parser unsure, because answering a different
   question with a confident figure is worse than not answering.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from appliance.ask import entities
from appliance.ask.measures import (
    COMPARE_WORDS,
    DIMENSIONS,
    FEEDBACK_CUES,
    FEEDBACK_PHRASES,
    INDICATOR_CUES,
    RATE_OF,
    RATE_WORDS,
    RECORD_PHRASES,
    TOP_ASC,
    TOP_DESC,
    TREND_WORDS,
)
from appliance.ask.vocab import CHANNELS, FEEDBACK_CHANNELS, FEEDBACK_STATUSES, FILLER, STATUSES, Catalog
from appliance.reporting.measures import MEASURES
from appliance.text import fold
from appliance.text.periods import (
    Period,
    find_periods,
    half_period,
    month_period,
    quarter_period,
    range_period,
)

_TOKEN = re.compile(r"\d+(?:[/\-.]\d+)*|[a-z]+|%|[,;?]")


@dataclass
class Intent:
    domain: str  # ho_so | phan_anh | chi_tieu
    measures: list[str] = field(default_factory=list)
    period: Period | None = None
    period_note: str = ""  # why a period was assumed
    compare: Period | None = None
    filters: dict[str, str | int] = field(default_factory=dict)  # view column → value
    group: str | None = None  # view column, or "month"
    order: str | None = None  # desc | asc
    limit: int | None = None
    per: str | None = None  # month | day: average per unit of time
    indicator: str | None = None
    asof: dt.date | None = None


@dataclass
class ParseResult:
    intent: Intent | None
    confident: bool
    reason: str = ""  # Vietnamese: what was not understood
    unknown: list[str] = field(default_factory=list)


class Tokens:
    """Folded, repaired tokens with a consumed mark each."""

    def __init__(self, question: str, catalog: Catalog, today: dt.date | None = None):
        self.question = question
        raw = _TOKEN.findall(fold(question).replace("ti le", "ty le"))
        raw = _spelled_numbers(raw)
        if today is not None:
            raw = [_with_year(t, today) for t in raw]
        self.items = [catalog.correct(t, raw[k - 1] if k else "", raw[k + 1] if k + 1 < len(raw) else "")
                      for k, t in enumerate(raw)]
        self.used = [t in {",", ";", "?"} for t in self.items]

    def text(self) -> str:
        return " ".join(self.items)

    def find(self, phrase: str, *, free_only: bool = True) -> list[int]:
        words = phrase.split()
        n = len(words)
        hits = []
        for i in range(len(self.items) - n + 1):
            if self.items[i:i + n] == words and (not free_only or not any(self.used[i:i + n])):
                hits.append(i)
        return hits

    def take(self, phrase: str) -> int | None:
        """Consume the first free occurrence of phrase; its index, or None."""
        hits = self.find(phrase)
        if not hits:
            return None
        n = len(phrase.split())
        for k in range(hits[0], hits[0] + n):
            self.used[k] = True
        return hits[0]

    def has(self, phrase: str) -> bool:
        return bool(self.find(phrase, free_only=False))

    def mark_chars(self, start: int, end: int) -> None:
        pos = 0
        for k, tok in enumerate(self.items):
            if start <= pos and pos + len(tok) <= end:
                self.used[k] = True
            pos += len(tok) + 1

    def unexplained(self) -> list[str]:
        # A number nobody used ("tháng 13") is unexplained too: ignoring it would answer another question.
        return [t for t, u in zip(self.items, self.used, strict=True) if not u and t not in FILLER]


_UNITS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}


def _spelled_numbers(raw: list[str]) -> list[str]:
    """"tháng mười", "tháng mười hai", "tháng giêng", "quý ba" → digits, so a spelled month is
    never silently ignored (it used to fall back to the whole year)."""
    out: list[str] = []
    k = 0
    while k < len(raw):
        out.append(raw[k])
        if raw[k] in ("thang", "quy") and k + 1 < len(raw):
            nxt = raw[k + 1]
            after = raw[k + 2] if k + 2 < len(raw) else ""
            value, used = None, 0
            if raw[k] == "thang" and nxt == "gieng":
                value, used = 1, 1
            elif raw[k] == "thang" and nxt == "chap":
                value, used = 12, 1
            elif raw[k] == "thang" and nxt == "muoi":
                value, used = (10 + {"mot": 1, "hai": 2}[after], 2) if after in ("mot", "hai") else (10, 1)
            elif nxt in _UNITS:
                year_word = nxt == "nam" and (after[:1].isdigit() or after in ("nay", "ngoai", "truoc", "roi", "qua"))
                after_word = nxt == "tu" and raw[k] == "thang"  # "tháng từ …" is not April
                if not year_word and not after_word and not (nxt == "sau" and raw[k] == "thang"):
                    value, used = _UNITS[nxt], 1
            if value is not None and (raw[k] == "thang" or value <= 4):
                out.append(str(value))
                k += used
        k += 1
    return out


def _with_year(token: str, today: dt.date) -> str:
    """"1/10" (a day without its year) → "1/10/2026": the latest such day not after today."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", token)
    if not m:
        return token
    day, month = int(m.group(1)), int(m.group(2))
    try:
        year = today.year if dt.date(today.year, month, day) <= today else today.year - 1
        dt.date(year, month, day)
    except ValueError:
        return token
    return f"{day}/{month}/{year}"


def _unknown_words(question: str, unknown: list[str]) -> str:
    """The words as the leader typed them (with their diacritics), not their folded forms."""
    typed = {fold(w): w for w in re.findall(r"\w+(?:/\w+)*", question.lower())}
    shown = list(dict.fromkeys(typed.get(w, w) for w in unknown))
    return "có từ chưa hiểu: " + ", ".join(f"«{w}»" for w in shown)


def _take_first(tokens: Tokens, phrases: list[str]) -> bool:
    found = False
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        while tokens.take(phrase) is not None:
            found = True
    return found


def _periods(tokens: Tokens, today: dt.date, intent: Intent) -> list[Period]:
    text = tokens.text()
    same_last_year = re.search(r"cung ky(?: nam (?:truoc|ngoai|roi))?", text)
    if same_last_year:
        tokens.mark_chars(same_last_year.start(), same_last_year.end())
        text = text[:same_last_year.start()] + " " * (same_last_year.end() - same_last_year.start()) \
            + text[same_last_year.end():]
    found = find_periods(text, today)
    for start, end, _ in found:
        tokens.mark_chars(start, end)
    periods = _apply_year_words(found, text)
    if same_last_year and periods:
        periods = [periods[0].same_period_last_year(), periods[0]]
    elif same_last_year:
        current = month_period(today)
        periods = [current.same_period_last_year(), current]
    return periods


def _reshape(period: Period, year: int) -> Period:
    first = dt.date(year, period.start.month, 1)
    if period.kind == "quarter":
        return quarter_period(first)
    if period.kind == "half":
        return half_period(first)
    return month_period(first)


def _apply_year_words(found: list[tuple[int, int, Period]], text: str) -> list[Period]:
    """"quý 3 năm nay và năm ngoái", "tháng 10 năm ngoái": a year that follows a month, quarter or
    half written without its own year says which year that is, and is not a period of its own."""
    out: list[Period] = []
    shape: Period | None = None  # the sub-year period the next year word applies to
    last_was_shaped = False
    for start, end, period in found:
        explicit_year = re.search(r"\d{4}", text[start:end]) is not None
        if period.kind in ("month", "quarter", "half") and not explicit_year:
            shape, last_was_shaped = period, False
            out.append(period)
            continue
        if period.kind == "year" and shape is not None:
            reshaped = _reshape(shape, period.start.year)
            if last_was_shaped:
                out.append(reshaped)  # "… năm nay và năm ngoái": the same shape, another year
            else:
                out[-1] = reshaped
            last_was_shaped = True
            continue
        shape, last_was_shaped = None, False
        out.append(period)
    return out


def _domain(tokens: Tokens) -> str:
    if _take_first(tokens, FEEDBACK_CUES):
        return "phan_anh"
    if _take_first(tokens, INDICATOR_CUES):
        return "chi_tieu"
    return "ho_so"


def _filters_from_lists(tokens: Tokens, intent: Intent) -> None:
    """Channels and statuses, named by fixed phrases."""
    if intent.domain == "ho_so":
        for value, phrases in STATUSES.items():
            if _take_first(tokens, phrases):
                intent.filters["trang_thai"] = value
        for value, phrases in CHANNELS.items():
            if value == "Trực tuyến":
                continue  # a measure of its own as well as a filter: decided with the measures
            if _take_first(tokens, phrases):
                intent.filters["hinh_thuc_nop"] = value
    elif intent.domain == "phan_anh":
        if _take_first(tokens, ["chua xu ly", "chua giai quyet", "chua xu ly xong"]):
            intent.filters["chua_xu_ly"] = 1  # waiting or in progress: not yet answered
        for value, phrases in FEEDBACK_STATUSES.items():
            if value != "da_xu_ly" and _take_first(tokens, phrases):
                intent.filters["trang_thai"] = value
        for value, phrases in FEEDBACK_CHANNELS.items():
            if _take_first(tokens, phrases):
                intent.filters["kenh"] = value


def _measures(tokens: Tokens, intent: Intent) -> None:
    phrases = RECORD_PHRASES if intent.domain == "ho_so" else FEEDBACK_PHRASES
    rate_anywhere = any(tokens.has(w) for w in RATE_WORDS)
    online = intent.domain == "ho_so" and _take_first(tokens, CHANNELS["Trực tuyến"])
    # Split into clauses so "bao nhiêu hồ sơ, đúng hạn bao nhiêu phần trăm" gives two measures.
    clauses: list[list[int]] = [[]]
    for k, tok in enumerate(tokens.items):
        if tok in {",", ";", "?"} or (tok in {"va", "con"} and k > 0):
            clauses.append([])
        else:
            clauses[-1].append(k)
    found: list[str] = []
    for clause in clauses:
        if not clause:
            continue
        words = {tokens.items[k] for k in clause}
        clause_text = " " + " ".join(tokens.items[k] for k in clause) + " "
        is_rate = any(f" {w} " in clause_text for w in RATE_WORDS) or (rate_anywhere and len(clauses) == 1)
        bases: list[str] = []
        for phrase, base in sorted(phrases, key=lambda p: -len(p[0].split())):
            for start in tokens.find(phrase):
                if start in clause:
                    tokens.take(phrase)
                    bases.append(base)
        if "qua_han" in bases and not ({"chua", "ton", "dang", "con"} & words) and (
                is_rate or "da_giai_quyet" in bases):
            bases = ["tre_han" if b == "qua_han" else b for b in bases]
        if len(bases) > 1 and "da_giai_quyet" in bases:
            bases.remove("da_giai_quyet")  # "giải quyết đúng hạn": the finer measure wins
        if len(bases) > 1 and "tiep_nhan" in bases:
            bases.remove("tiep_nhan")
        if online and is_rate and bases in ([], ["tiep_nhan"]):
            bases = ["truc_tuyen"]
        for base in bases:
            key = RATE_OF.get(base, base) if is_rate else base
            if key == "pa_da_xu_ly":
                intent.filters["trang_thai"] = "da_xu_ly"
                key = "pa_tiep_nhan"
            if key in MEASURES and key not in found:
                found.append(key)
    if online:
        if not found:
            found = ["truc_tuyen"]
        elif "truc_tuyen" not in found and "ty_le_truc_tuyen" not in found:
            intent.filters["hinh_thuc_nop"] = "Trực tuyến"
    for w in RATE_WORDS:
        _take_first(tokens, [w])
    if not found:
        found = ["tiep_nhan" if intent.domain == "ho_so" else "pa_tiep_nhan"]
    intent.measures = found
    if rate_anywhere and not any(MEASURES[m].kind == "rate" for m in found):
        intent.measures = []  # "tỷ lệ" of what? Answering a count instead would mislead.


def _grouping(tokens: Tokens, intent: Intent) -> None:
    if _take_first(tokens, TOP_DESC):
        intent.order = "desc"
    elif _take_first(tokens, TOP_ASC):
        intent.order = "asc"
    if intent.order is None and tokens.has("nhat"):
        words = set(tokens.items)
        if words & {"it", "thap", "nho"}:
            intent.order = "asc"
        elif words & {"nhieu", "cao", "lon"}:
            intent.order = "desc"
    text = tokens.text()
    top = re.search(r"\btop (\d{1,2})\b", text) or re.search(
        r"\b(\d{1,2}) (?:linh vuc|thu tuc|can bo|loai|don vi)\b", text)
    if top:
        intent.limit = int(top.group(1))
        tokens.mark_chars(top.start(1), top.end(1))
        intent.order = intent.order or "desc"
    averaging = _take_first(tokens, ["trung binh", "binh quan"])
    if averaging and intent.measures != ["so_ngay_tb"]:
        for unit, phrases in (("month", ["moi thang", "mot thang", "hang thang", "thang"]),
                              ("day", ["moi ngay", "mot ngay", "hang ngay", "ngay"])):
            if _take_first(tokens, phrases[:3]):
                intent.per = unit
                break
    dims = DIMENSIONS[intent.domain] if intent.domain in DIMENSIONS else {}
    if intent.per is None and _take_first(tokens, TREND_WORDS + ["bieu do"]):
        intent.group = "month"
    for phrase, column in sorted(dims.items(), key=lambda d: -len(d[0].split())):
        for start in tokens.find(phrase, free_only=False):
            n = len(phrase.split())
            before = tokens.items[start - 1] if start > 0 else ""
            after = tokens.items[start + n] if start + n < len(tokens.items) else ""
            ranked = intent.order is not None or before == "top" or (before.isdigit() and not tokens.used[start - 1])
            if column in intent.filters:
                continue  # "cán bộ Hà": a filter already, not a grouping
            if before in {"theo", "tung", "cac", "moi"} or after in {"nao", "gi"} or (ranked and column != "month"):
                if column == "month" and intent.per:
                    continue
                intent.group = intent.group or column
                tokens.take(phrase)
    if tokens.take("ai") is not None and intent.domain == "ho_so":
        intent.group = intent.group or "can_bo_xu_ly"
    if intent.group and intent.group != "month" and intent.order is None:
        intent.order = "desc"
    if intent.group and intent.order and intent.limit is None and (
            tokens.has("nhat") or any(tokens.has(p) for p in TOP_DESC + TOP_ASC)):
        intent.limit = 5
    for word in ("linh vuc", "thu tuc", "can bo", "hinh thuc nop", "trang thai", "loai"):
        _take_first(tokens, [word])


def parse(question: str, catalog: Catalog, today: dt.date) -> ParseResult:
    result = _parse(question, catalog, today, None)
    if not result.confident and result.unknown and catalog.indicators:
        # "Thu ngân sách năm 2026" names an indicator without saying "chỉ tiêu".
        retry = _parse(question, catalog, today, "chi_tieu")
        if retry.confident and retry.intent is not None and retry.intent.indicator:
            return retry
    return result


def _parse(question: str, catalog: Catalog, today: dt.date, domain: str | None) -> ParseResult:
    tokens = Tokens(question, catalog, today)
    if not tokens.unexplained() and not any(t.isdigit() for t in tokens.items) and len(tokens.items) < 2:
        return ParseResult(None, False, "Câu hỏi quá ngắn.")
    intent = Intent(domain=_domain(tokens) if domain is None else domain)
    periods = _periods(tokens, today, intent)
    compare = _take_first(tokens, COMPARE_WORDS) or len(periods) >= 2
    if intent.domain != "chi_tieu":
        _filters_from_lists(tokens, intent)  # before names: "chờ bổ sung" is a status, not a procedure
    problem = entities.match(tokens, intent, catalog)
    if problem:
        return ParseResult(intent, False, problem)
    if intent.domain == "chi_tieu":
        return _finish_indicator(tokens, intent, periods, today)
    _measures(tokens, intent)
    if not intent.measures:
        return ParseResult(intent, False, "chưa rõ cần tính tỷ lệ nào: đúng hạn, trễ hạn, trực tuyến hay từ chối")
    _grouping(tokens, intent)
    if periods:
        intent.period = periods[0]
        if compare:
            second = periods[1] if len(periods) > 1 else periods[0].previous()
            first, second = sorted([periods[0], second], key=lambda p: p.start)
            intent.period, intent.compare = first, second
    elif {"trang_thai", "chua_xu_ly"} & set(intent.filters) and all(
            MEASURES[m].kind == "count" for m in intent.measures):
        intent.period = None  # "đang chờ bổ sung": the current state of every record
    elif intent.group == "month":
        index = today.year * 12 + today.month - 1 - 11
        start = dt.date(index // 12, index % 12 + 1, 1)
        intent.period = range_period(start, today, f"12 tháng gần nhất (từ {start:%d/%m/%Y} đến {today:%d/%m/%Y})")
        intent.period_note = "câu hỏi không nêu kỳ nên tính 12 tháng gần nhất"
    elif any(MEASURES[m].basis != "asof" for m in intent.measures):
        start = dt.date(today.year, 1, 1)
        intent.period = range_period(start, today, f"từ đầu năm {today.year} đến {today:%d/%m/%Y}")
        intent.period_note = "câu hỏi không nêu kỳ nên tính lũy kế từ đầu năm"
    if intent.compare and (intent.group or intent.per):
        return ParseResult(intent, False, "Chưa hỗ trợ vừa so sánh hai kỳ vừa chia nhóm trong một câu hỏi.")
    if intent.group and len({MEASURES[m].basis for m in intent.measures}) > 1:
        # "tiếp nhận … đúng hạn … theo lĩnh vực": the two are counted on different dates (received vs
        # returned); one grouped table cannot hold both honestly, and dropping one would mislead.
        return ParseResult(intent, False, "Câu hỏi chia nhóm chỉ tính được một loại số liệu mỗi lần "
                                          "(ví dụ tiếp nhận, hoặc tỷ lệ đúng hạn); hãy hỏi từng số liệu.")
    if intent.group == "month" and any(MEASURES[m].basis == "asof" for m in intent.measures):
        return ParseResult(intent, False, "Số hồ sơ quá hạn là số liệu tại một thời điểm, không chia theo tháng.")
    end = intent.period.end if intent.period else today
    intent.asof = min(end, today)
    unknown = tokens.unexplained()
    if unknown:
        return ParseResult(intent, False, _unknown_words(tokens.question, unknown), unknown)
    return ParseResult(intent, True)


def _finish_indicator(tokens: Tokens, intent: Intent, periods: list[Period], today: dt.date) -> ParseResult:
    if _take_first(tokens, TOP_ASC + ["dat thap nhat", "kem nhat"]):
        intent.order = "asc"
    elif _take_first(tokens, TOP_DESC + ["dat cao nhat", "tot nhat"]):
        intent.order = "desc"
    for word in ("thuc hien", "dat", "so voi", "bao nhieu", "phan tram", "%", "ty le", "hoan thanh"):
        _take_first(tokens, [word])
    period = periods[0] if periods else None
    if period is not None and period.kind not in ("month", "quarter", "year"):
        return ParseResult(intent, False, "Chỉ tiêu được báo cáo theo tháng, quý hoặc năm; hãy nêu một kỳ như vậy.")
    intent.period = period
    if period is None:
        intent.period = range_period(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31), f"năm {today.year}")
        intent.period = Period(intent.period.start, intent.period.end, f"năm {today.year}", "year")
        intent.period_note = "câu hỏi không nêu kỳ nên lấy số liệu cả năm"
    unknown = tokens.unexplained()
    if unknown:
        return ParseResult(intent, False, _unknown_words(tokens.question, unknown), unknown)
    return ParseResult(intent, True)
