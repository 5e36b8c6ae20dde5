"""The deterministic Vietnamese semantic parser: a question → an Intent, or an honest "unsure".

Steps, all on folded text (no diacritics, đ→d) so accent-free input works the same:
1. tokenise, write out shorthand and repair typos (tokens.Tokens);
2. find periods (appliance.text.periods), comparisons and requests for a list;
3. find named values from the data (procedures, fields, officers, feedback categories, indicators);
4. find measures, rates, groupings, top-N, averages in what is left (understand.py);
5. words naming something the data does not hold (lệ phí, dân số, cuộc gọi…) give a "not in the
   data" answer (nodata.py);
6. any content word still unexplained makes the parser unsure, because answering a different
   question with a confident figure is worse than not answering.

Periods follow the reporting layer's rules (reporting.periods): a count at a day is taken as of
min(period end, today), and a running period is compared like for like.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from appliance.ask import (
    cohort_status,
    departments,
    doubts,
    either_reading,
    entities,
    indicators,
    nodata,
    phrasings,
    readings,
    report_words,
    sqlbuild_ends,
    supported,
    time_taken,
    understand,
)
from appliance.ask import measures as measures_words
from appliance.ask.measures import (
    ADDRESSED,
    FEEDBACK_CUES,
    IGNORED_PHRASES,
    INDICATOR_CUES,
    PLAN_WORDS,
    SPEED_COMPARE,
)
from appliance.ask.tokens import Tokens
from appliance.ask.tokens import words as words_of
from appliance.ask.vocab import Catalog
from appliance.reporting.measures import MEASURES
from appliance.reporting.periods import as_of, comparisons, format_span, shift_months
from appliance.text import fold
from appliance.text.periods import Period, find_periods, half_period, month_period, quarter_period, range_period

FilterValue = str | int | list[str]
_NOW_WORDS = ["hien nay", "hien tai", "hien gio", "bay gio", "luc nay", "den nay", "toi nay", "toi gio", "den gio"]


@dataclass
class Intent:
    domain: str  # ho_so | phan_anh | chi_tieu
    measures: list[str] = field(default_factory=list)
    period: Period | None = None
    period_note: str = ""  # why a period was assumed
    compare: Period | None = None  # the period compared with (earlier), flow measures
    compare_label: str = ""  # how the comparison reads: "cùng kỳ tháng trước (01–20/10)"
    compare_asof: dt.date | None = None  # counts at a day: the other day
    filters: dict[str, FilterValue] = field(default_factory=dict)  # view column → value (list: any of)
    group: str | None = None  # view column, or "month" / "quarter" / "week" (understand.TIME_GROUPS)
    order: str | None = None  # desc | asc
    limit: int | None = None
    per: str | None = None  # month | day: average per unit of time
    indicator: str | None = None
    asof: dt.date | None = None
    listing: bool = False  # the records themselves, not a figure
    list_order: str = "desc"  # by the day received
    topic: str = ""  # a feedback topic narrower than its category ("ngap")
    named: bool = False  # the question named a measure (else the default one is assumed)
    missing: nodata.Missing | None = None  # asked for something the data does not hold
    offer: str = ""  # what the data holds instead, when it can say it in one phrase
    year_plan: bool = False  # an indicator against the year's plan although a month or quarter is asked
    list_by: str = ""  # a list ordered by this column of v_ho_so first (time_taken.SESSION14_LIST_BY_TIME)


@dataclass
class ParseResult:
    intent: Intent | None
    confident: bool
    reason: str = ""  # Vietnamese: what was not understood
    unknown: list[str] = field(default_factory=list)


def _unknown_words(question: str, unknown: list[str]) -> str:
    """The words as the leader typed them (with their diacritics), not their folded forms."""
    typed = {fold(w): w for w in re.findall(r"\w+(?:/\w+)*", question.lower())}
    shown = list(dict.fromkeys(typed.get(w, w) for w in unknown))
    return "có từ chưa hiểu: " + ", ".join(f"«{w}»" for w in shown)


# Session 13: "cùng kỳ tháng / quý / tuần trước" is the previous month (quarter, week) like for like; "cùng kỳ" had
# been read as "cùng kỳ năm trước" whatever followed (a confident wrong).
_SAME_SPAN_OF_UNIT = re.compile(r" (?:thang|quy|tuan) (?:truoc|vua roi|vua qua|roi)\b")


def _periods(tokens: Tokens, today: dt.date) -> tuple[list[Period], bool]:
    """The periods named, in order, and whether "cùng kỳ (năm trước)" was asked."""
    # A reason's own "tháng trước" ("… vì anh nhớ tháng trước nhận nhiều") is no period of the question:
    # blanked with letters no period rule reads, word for word, so that every offset stays the same.
    text = " ".join("x" * len(w) if k in tokens.aside else w for k, w in enumerate(tokens.items))
    last_year = re.search(r"cung ky(?: nam (?:truoc|ngoai|roi))?", text)
    if last_year and _SAME_SPAN_OF_UNIT.match(text, last_year.end()):
        # "so với cùng kỳ tháng trước": like for like with the previous month (a period rule reads "tháng trước"
        # and the running period is compared like for like); never the same period last year
        tokens.mark_chars(last_year.start(), last_year.end())
        last_year = None
    if last_year:
        tokens.mark_chars(last_year.start(), last_year.end())
        # Blanked with letters no period rule reads: spaces would be collapsed by the folding in
        # find_periods and shift every offset after them.
        text = text[:last_year.start()] + "x" * (last_year.end() - last_year.start()) + text[last_year.end():]
    found = find_periods(text, today)
    for start, end, _ in found:
        tokens.mark_chars(start, end)
    return _apply_year_words(found, text), bool(last_year)


# Session 13: "tháng 8, tháng 9, tháng 10 mỗi tháng nhận bao nhiêu": consecutive months listed one by one, with "mỗi /
# từng / hàng / theo / các tháng" said, are one span asked month by month (more than two periods had been unsure).
# Months with a gap between them ("tháng 3, tháng 6, tháng 9") or without the words stay unsure.
_EACH_MONTH = ["moi thang", "tung thang", "hang thang", "theo thang", "cac thang"]


def _listed_months(tokens: Tokens, periods: list[Period]) -> list[Period]:
    each = any(tokens.find(w) for w in _EACH_MONTH)
    months = all(p.kind == "month" for p in periods)
    following = all(b.start == a.end + dt.timedelta(days=1) for a, b in zip(periods, periods[1:], strict=False))
    if not (each and months and following):
        return periods
    return [range_period(periods[0].start, periods[-1].end,
                         f"từ {periods[0].label} đến hết {periods[-1].label}")]


_PREVIOUS_OF = re.compile(r"so voi (?:cung ky )?((?:thang|quy|tuan|ky) (?:truoc|vua roi|vua qua|roi))(?! nua)")


def _previous_of_named(text: str, periods: list[Period], today: dt.date) -> list[Period]:
    """"Tháng 10 so với tháng trước": "tháng trước" is the month before October, not before today.
    The relative period is dropped when another is named, and the comparison takes that one's
    previous period (like for like while it runs)."""
    found = _PREVIOUS_OF.search(text)
    if found and len(periods) == 1:
        # "phản ánh tăng so với tháng trước không": the one period named is what it is compared WITH; the
        # current one of the same unit is compared (October against September had been answered)
        named = find_periods(found.group(1), today)
        current = find_periods(found.group(1).split()[0] + " nay", today)
        if named and current and named[0][2] == periods[0]:
            return [current[0][2], periods[0]]
        return periods
    if not found or len(periods) != 2:
        return periods
    named = find_periods(found.group(1), today)
    relative = named[0][2] if named else None
    if relative is None or relative not in periods:
        return periods
    rest = list(periods)
    rest.remove(relative)
    return rest


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
    if tokens.take_all(FEEDBACK_CUES):
        return "phan_anh"
    if any(tokens.has(c) for c in INDICATOR_CUES) and not tokens.has("ho so"):
        tokens.take_all(["chi tieu", "kinh te xa hoi", "kt xh", "ktxh"])
        return "chi_tieu"
    return "ho_so"


def _replied(tokens: Tokens) -> None:
    """In a question about complaints, "(đã / chưa) trả lời" not addressed to the box is whether the
    ward answered them: read as "xử lý" (đã trả lời = đã xử lý, chưa trả lời = chưa xử lý), never
    dropped as "answer me" (that counted every complaint received)."""
    if not any(tokens.has(c) for c in FEEDBACK_CUES):
        return
    for k in tokens.find("tra loi"):
        after = tokens.items[k + 2] if k + 2 < len(tokens.items) else ""
        if after not in ADDRESSED:
            tokens.items[k:k + 2] = ["xu", "ly"]


def _reach_verb(tokens: Tokens) -> None:
    """"đạt bao nhiêu", "đạt mức", "đạt tỷ lệ": the verb "reach" before a figure asked for. "Không
    đạt", "chưa đạt", "đạt kế hoạch" keep their meaning (rejected records, plan not reached)."""
    for k, word in enumerate(tokens.items):
        before = tokens.items[k - 1] if k else ""
        after = tokens.items[k + 1] if k + 1 < len(tokens.items) else ""
        if word == "dat" and not tokens.used[k] and before not in ("khong", "chua") and after in (
                "bao", "muc", "duoc", "ty", "%", "tren", "duoi", ""):
            tokens.used[k] = True


def parse(question: str, catalog: Catalog, today: dt.date) -> ParseResult:
    result = _parse(question, catalog, today, None)
    said = words_of(question)
    # "hồ sơ" is never an indicator, unless "chỉ tiêu" is said too ("chỉ tiêu tỷ lệ hồ sơ nộp trực tuyến")
    records = any(said[k:k + 2] == ["ho", "so"] for k in range(len(said))) and not any(
        said[k:k + 2] == ["chi", "tieu"] for k in range(len(said)))
    if not result.confident and catalog.indicators and not records and (
            result.intent is None or result.intent.domain == "ho_so"):
        # "Thu ngân sách năm 2026", "tỷ lệ thu gom rác" name an indicator without saying "chỉ tiêu".
        retry = _parse(question, catalog, today, "chi_tieu")
        if retry.confident and retry.intent is not None and retry.intent.indicator:
            return retry
    return result


def _parse(question: str, catalog: Catalog, today: dt.date, domain: str | None) -> ParseResult:
    tokens = Tokens(question, catalog, today)
    if not tokens.unexplained() and not any(t.isdigit() for t in tokens.items) and len(tokens.items) < 2:
        return ParseResult(None, False, "Câu hỏi quá ngắn.")
    _replied(tokens)
    tokens.take_all(IGNORED_PHRASES)
    _reach_verb(tokens)
    doubts.reason_clause(tokens)
    doubts.purpose_first(tokens)
    phrasings.request_opening(tokens)
    intent = Intent(domain=_domain(tokens) if domain is None else domain)
    if domain == "chi_tieu":
        tokens.take_all(["chi tieu", "kinh te xa hoi", "kt xh", "ktxh"])
    cue = intent.domain != "ho_so"  # "phản ánh", "chỉ tiêu" said what the question is about
    periods, last_year = _periods(tokens, today)
    periods = _previous_of_named(tokens.text(), periods, today)
    report_words.cut_off(tokens)
    if len(periods) > 2:
        periods = _listed_months(tokens, periods)
    if len(periods) == 2 and not last_year and _nested(*periods):
        # "lũy kế … tháng 10" read as the year to date and October, "tháng 10 so với quý 4": comparing a
        # period with a part of itself (a "giảm 38%") answers nothing asked
        return ParseResult(intent, False, "chưa rõ kỳ: câu hỏi nêu hai kỳ lồng nhau; hãy nêu một kỳ, ví dụ «từ "
                                          "đầu năm đến hết tháng 10»")
    now = tokens.take_all(_NOW_WORDS)
    unit, at = doubts.time_unit(tokens)
    if unit:
        # "trung bình mỗi tuần nhận bao nhiêu": an average per week, not a breakdown (the average processing time
        # by quarter is one: "thời gian giải quyết trung bình từng quý")
        averaged = (tokens.has("trung binh") or tokens.has("binh quan")) and not any(
            tokens.has(w) for w in ("thoi gian", "bao lau", "so ngay", "bao nhieu ngay", "may ngay"))
        if averaged or not (understand.SESSION16_QUARTER_WEEK and intent.domain != "chi_tieu"):
            return ParseResult(intent, False, doubts.time_unit_problem(unit, averaged))
        tokens.used[at - 1] = tokens.used[at] = True
        intent.group = understand.TIME_GROUPS[unit]
    understand.listing(tokens, intent)
    time_taken.list_by_time(tokens, intent)
    speed_compare = tokens.take_all(SPEED_COMPARE)  # "nhanh hơn", "chậm hơn": processing time, compared
    if intent.domain != "chi_tieu":
        understand.filters_from_lists(tokens, intent)  # before names: "chờ bổ sung" is a status, not a procedure
        phrasings.form_before_channel(tokens)
    supported.made_by(tokens)
    department = departments.match(tokens, intent, catalog)  # before names: "công an" is a department, not a topic
    problem = (department.problem or entities.match(tokens, intent, catalog) or departments.merge(intent, department)
               or _contradiction(intent, catalog))
    if problem:
        return ParseResult(intent, False, problem)
    if intent.domain == "ho_so":
        doubts.new_things(tokens)
    readings.rate_points(tokens)
    readings.over_units(tokens)
    if intent.domain == "chi_tieu":
        if nodata.SESSION16_MISSING_AGAINST_PLAN and intent.indicator is None and (
                missing := nodata.find(tokens)) is not None:
            intent.missing = missing  # "giải ngân vốn đầu tư công … đạt bao nhiêu % kế hoạch"
            return ParseResult(intent, True)
        tokens.take_all(PLAN_WORDS)  # "so với kế hoạch" compares with the plan, not another period
        less = tokens.take_all(measures_words.LESS)
        compare = tokens.take_all(measures_words.COMPARE_WORDS + report_words.change_words()) or less or (
            len(periods) >= 2)
        compare = readings.difference(tokens) or compare
        readings.not_yet_closing(tokens)
        if last_year and len(periods) <= 1 and supported.SESSION15_INDICATOR_SAME_SPAN:
            return ParseResult(intent, False, supported.INDICATOR_SAME_SPAN)
        return indicators.finish(tokens, intent, periods, compare, today, now)
    names_data = bool(intent.filters) or intent.domain == "phan_anh" or tokens.has("ho so")
    intent.missing = nodata.find(tokens, names_data)  # before measures: "nhân khẩu" is not "nhận"
    if intent.missing is not None:
        return ParseResult(intent, True)
    phrasings.with_officer(tokens, intent)
    phrasings.longest(tokens)
    cohort_status.status_asked(tokens, intent)
    understand.measures(tokens, intent, bool(periods))
    understand.via(tokens)
    if time_taken.problem(intent):
        return ParseResult(intent, False, time_taken.problem(intent))
    if not intent.measures:
        return ParseResult(intent, False, "chưa rõ cần tính tỷ lệ nào: đúng hạn, trễ hạn, trực tuyến hay từ chối")
    if intent.domain == "phan_anh" and intent.group is None and readings.feedback_about(tokens):
        intent.group = "linh_vuc"  # "phản ánh nhiều nhất về vấn đề gì": by category
    understand.grouping(tokens, intent)
    if intent.limit is not None and intent.group is None and not intent.listing:
        # "top 5 phản ánh môi trường": a top of nothing ranked; one total had been given, "top 5" dropped
        return ParseResult(intent, False, "chưa rõ xếp hạng theo gì; hãy nêu như «top 3 lĩnh vực …» hoặc «5 hồ sơ "
                                          "mới nhất …»")
    ranking_two = any(isinstance(v, list) for v in intent.filters.values())
    phrasings.which_side(tokens, ranking_two or len(periods) == 2)
    less = tokens.take_all(measures_words.LESS)
    said_compare = tokens.take_all(measures_words.COMPARE_WORDS + report_words.change_words()) or less
    said_compare = readings.difference(tokens) or said_compare
    if len(periods) >= 2 and not (said_compare or last_year or speed_compare) and doubts.span_unread(tokens):
        # "từ <period> đến <period>" that no rule read as one span: a comparison of the two ends, or the
        # first alone, would answer another question
        return ParseResult(intent, False, "chưa đọc được khoảng «từ … đến …»; hãy nêu như «từ tháng 7 đến tháng 9» "
                                          "hoặc «từ 01/07 đến 30/09»")
    compare = not ranking_two and (said_compare or len(periods) >= 2 or last_year or speed_compare)
    if ranking_two:
        tokens.take_all(measures_words.COMPARE_WORDS)  # "ai nhiều hơn": the names are ranked, not two periods
    tokens.yes_no_particle()
    readings.not_yet_closing(tokens)
    doubts.changing_filler(tokens, intent)
    doubts.said_endings(tokens)
    phrasings.wish(tokens)
    phrasings.between(tokens)
    phrasings.since_said(tokens)
    problem = (_resolve_periods(intent, periods, compare, last_year, now, today) or supported.list_one_measure(intent)
               or supported.up_to(tokens, intent, periods) or supported.vague_period(tokens, periods))
    if problem:
        return ParseResult(intent, False, problem)
    unknown = tokens.unexplained()
    if unknown:
        return ParseResult(intent, False, _unknown_words(tokens.question, unknown), unknown)
    if any(not tokens.used[k] and tokens.items[k:k + 2] == ["thang", "sau"] for k in range(len(tokens.items))):
        # Typed without accents (tokens.py writes it out when they say which): a year-to-date figure would
        # answer neither reading.
        return ParseResult(intent, False, "«thang sau» là tháng tới hay tháng 6? Hãy gõ «tháng tới» hoặc «tháng 6»")
    name = entities.bare_given_name(tokens, catalog) or doubts.unknown_person(tokens.question, intent)
    if name:
        return ParseResult(intent, False, name)
    loose = [w for k, w in enumerate(tokens.items) if not tokens.used[k] and w in doubts.PERIOD_UNITS]
    if loose and not periods:
        # "từ đầu quý đến giờ": a period was meant but not read; the year to date would answer another question
        typed = {fold(w): w for w in re.findall(r"\w+", tokens.question.lower())}
        named = " ".join(dict.fromkeys(typed.get(w, w) for w in loose))
        return ParseResult(intent, False, f"chưa đọc được kỳ («{named}» nào?); hãy nêu kỳ như «quý này», «tháng 10», "
                                          "«từ 01/10 đến nay»")
    if not _asks_something(tokens, intent, periods, cue):
        return ParseResult(intent, False, "câu hỏi chưa nêu cần số liệu gì (tiếp nhận, giải quyết, quá hạn…) "
                                          "hay kỳ nào")
    problem = (supported.weak_cue(tokens, intent) or supported.share_of_name(tokens, intent)
               or supported.compared_with_whole(tokens) or supported.rank_unread(tokens, intent)
               or supported.average_dropped(tokens, intent) or supported.feedback_officer(tokens, intent)
               or either_reading.bare_noun_phrase(tokens, intent))
    if problem:
        return ParseResult(intent, False, problem)
    return ParseResult(intent, True)


def _nested(a: Period, b: Period) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _contradiction(intent: Intent, catalog: Catalog) -> str:
    """A procedure and a field named together that no record pairs ("hồ sơ đất đai … bổ sung" read as a
    Hộ tịch procedure): one of the two names was misread, and either figure would answer another question."""
    procedure, field_name = intent.filters.get("ten_thu_tuc"), intent.filters.get("linh_vuc")
    if not isinstance(procedure, str) or not isinstance(field_name, str):
        return ""
    fields = catalog.procedure_fields.get(procedure)
    if fields is None or field_name in fields:
        return ""
    return f"Thủ tục «{procedure}» không thuộc lĩnh vực {field_name}; xin nêu rõ thủ tục hoặc lĩnh vực cần hỏi."


def _asks_something(tokens: Tokens, intent: Intent, periods: list[Period], cue: bool) -> bool:
    """Something beyond filler was understood: a measure, a name, a status, a period, a grouping, or
    (for a figure) the words "hồ sơ" / "phản ánh". "Không", "danh sách" or "top 3" alone ask nothing."""
    if intent.named or intent.filters or periods or (intent.group and intent.group != "month") or (
            phrasings.newest_alone(intent)):
        return True
    return not intent.listing and (cue or tokens.has("ho so"))


def _running_pair(later: Period, earlier: Period, today: dt.date) -> tuple[Period, str]:
    """The earlier period cut to the days the running later one covers so far (like for like)."""
    c = comparisons(later.start, later.end, today)
    for span, label in ((c.previous, c.label_previous), (c.last_year, c.label_last_year)):
        whole_prev = comparisons(later.start, later.end, later.end + dt.timedelta(days=1))
        whole = whole_prev.previous if span == c.previous else whole_prev.last_year
        if (earlier.start, earlier.end) == whole:
            return range_period(*span), label.removeprefix("so với ")
    months = (later.start.year - earlier.start.year) * 12 + later.start.month - earlier.start.month
    end = shift_months(today, -months) if later.kind in ("month", "quarter", "half", "year") else (
        earlier.start + (today - later.start))
    end = min(end, earlier.end)
    return range_period(earlier.start, end), f"cùng kỳ {earlier.label} ({format_span(earlier.start, end)})"


def _resolve_periods(intent: Intent, periods: list[Period], compare: bool, last_year: bool, now: bool,
                     today: dt.date) -> str:
    """Set the period(s) and as-of days; a Vietnamese problem, or ""."""
    if len(periods) > 2:
        # "quý 1, quý 2, quý 3": an answer compares two periods; dropping the third would mislead
        return ("Câu hỏi nêu hơn hai kỳ; hãy hỏi từng cặp kỳ, hoặc hỏi «theo tháng» / «từng quý» trong một "
                "khoảng thời gian.")
    at_a_day = all(MEASURES[m].basis == "asof" for m in intent.measures)
    if at_a_day:
        if periods:
            intent.period = periods[0] if not (now and compare) else None
        if compare and intent.group:
            return "Chưa hỗ trợ vừa so sánh hai thời điểm vừa chia nhóm trong một câu hỏi."
        if compare:
            days = sorted({as_of(p.end, today) for p in periods} | ({today} if now or len(periods) < 2 else set()))
            if len(days) == 1 and periods and periods[0].start <= today <= periods[0].end:
                c = comparisons(periods[0].start, periods[0].end, today)
                days = [c.previous[1], today]
            if len(days) != 2:
                return ("Chưa rõ so sánh số liệu tại hai ngày nào; hãy nêu hai thời điểm (ví dụ hiện nay và cuối "
                        "tháng trước).")
            intent.period = None
            intent.compare_asof, intent.asof = days
            return ""
        intent.asof = as_of(intent.period.end, today) if intent.period else today
        if intent.group in ("quarter", "week") and sqlbuild_ends.SESSION17_ASOF_BY_END and intent.period is not None:
            return ""  # "tồn cuối mỗi quý năm nay": the count at the end of each quarter (sqlbuild_ends)
        if intent.group in ("month", "quarter", "week"):
            return "Số hồ sơ tồn, quá hạn là số liệu tại một thời điểm, không chia theo tháng, quý hay tuần."
        return ""
    if compare and now and len(periods) == 1 and not last_year and not periods[0].start <= today <= periods[0].end:
        # "tỷ lệ đúng hạn hiện nay so với quý 2": now against Q2, whose "now" (this month? the year so far?) is not
        # said; Q2 against Q1 had been answered, "hiện nay" dropped
        return "Chưa rõ «hiện nay» là kỳ nào để so sánh; hãy nêu hai kỳ (ví dụ tháng này so với tháng 10)."
    if periods:
        intent.period = periods[0]
    elif intent.group == "month":
        index = today.year * 12 + today.month - 1 - 11
        start = dt.date(index // 12, index % 12 + 1, 1)
        intent.period = range_period(start, today, f"12 tháng gần nhất (từ {start:%d/%m/%Y} đến {today:%d/%m/%Y})")
        intent.period_note = "câu hỏi không nêu kỳ nên tính 12 tháng gần nhất"
    elif compare and last_year:
        intent.period = month_period(today)
        intent.period_note = "câu hỏi không nêu kỳ nên so sánh tháng này"
    elif compare:
        return ("Câu hỏi so sánh nhưng chưa rõ so sánh kỳ nào với kỳ nào; hãy nêu kỳ (ví dụ tháng này so với "
                "tháng trước).")
    elif {"trang_thai", "chua_xu_ly"} & set(intent.filters) and all(
            MEASURES[m].kind == "count" for m in intent.measures):
        intent.period = None  # "đang chờ bổ sung": the current state of every record
    else:
        start = dt.date(today.year, 1, 1)
        intent.period = range_period(start, today, f"từ đầu năm {today.year} đến {today:%d/%m/%Y}")
        intent.period_note = "câu hỏi không nêu kỳ nên tính lũy kế từ đầu năm"
    if compare and intent.period is not None:
        if len(periods) >= 2:
            later, earlier = sorted(periods[:2], key=lambda p: p.start, reverse=True)
            if later.start <= today < later.end:
                other, label = _running_pair(later, earlier, today)
            else:
                other, label = earlier, earlier.label
            intent.period = later
        else:
            c = comparisons(intent.period.start, intent.period.end, today)
            span, label = (c.last_year, c.label_last_year) if last_year else (c.previous, c.label_previous)
            other, label = range_period(*span), label.removeprefix("so với ")
        intent.compare, intent.compare_label = other, label
        if intent.group or intent.per:
            return "Chưa hỗ trợ vừa so sánh hai kỳ vừa chia nhóm trong một câu hỏi."
    if intent.group and len({MEASURES[m].basis for m in intent.measures}) > 1:
        # "tiếp nhận … đúng hạn … theo lĩnh vực": the two are counted on different dates (received vs
        # returned); one grouped table cannot hold both honestly, and dropping one would mislead.
        return ("Câu hỏi chia nhóm chỉ tính được một loại số liệu mỗi lần (ví dụ tiếp nhận, hoặc tỷ lệ đúng hạn); "
                "hãy hỏi từng số liệu.")
    if intent.group in ("month", "quarter", "week") and any(MEASURES[m].basis == "asof" for m in intent.measures):
        return "Số hồ sơ tồn, quá hạn là số liệu tại một thời điểm, không chia theo tháng, quý hay tuần."
    end = intent.period.end if intent.period else today
    intent.asof = min(end, today)
    return ""
