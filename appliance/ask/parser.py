"""The deterministic Vietnamese semantic parser: a question → an Intent, or an honest "unsure".

Steps, all on folded text (no diacritics, đ→d) so accent-free input works the same:
1. tokenise, write out shorthand and repair typos (tokens.Tokens);
2. find periods (question_periods.py over appliance.text.periods), comparisons and requests for a list
   (record_lists.py);
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
    category_words,
    context_first,
    doubts,
    dropped,
    either_reading,
    entities,
    formal_words,
    indicators,
    nodata,
    phrasings,
    question_periods,
    readings,
    record_lists,
    report_words,
    request_words,
    time_taken,
    understand,
    warm_words,
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
from appliance.text import fold
from appliance.text.calendar_periods import Period

FilterValue = str | int | list[str]
_AND_NOW = re.compile(r"\b(?:va|,) (?:hien nay|hien tai|hien gio|bay gio|luc nay)\b"
                      r"|\b(?:hien nay|hien tai|hien gio|bay gio|luc nay) (?:va|,) (?:cuoi|dau|ngay|thang|quy|tuan)\b")
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
    list_by: str = ""  # a list ordered by this column of v_ho_so first (time_taken.list_by_time)
    times: bool = False  # a comparison asked as how many times one figure is the other (readings.times)


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


_AT_MOMENT = re.compile(r"\btai (?:thoi diem|ngay)\b")


def _day_said(tokens: Tokens, periods: list[Period], today: dt.date) -> str:
    """Bug fix (session 29, rule R7): "phản ánh đang xử lý tại ngày 20/11/2026 (today)" asks those in that status at
    that moment, as "… đang xử lý" with no period does; the feedback received that day in that status had been
    counted (none). "today" or "past" for one day said as a moment, else "" (understand.measures)."""
    if len(periods) != 1 or periods[0].kind != "day" or _AT_MOMENT.search(tokens.text()) is None:
        return ""
    return "today" if periods[0].start == today else "past" if periods[0].start < today else ""


def parse(question: str, catalog: Catalog, today: dt.date) -> ParseResult:
    result = _parse(question, catalog, today, None)
    unsure_or_missing = not result.confident or (result.intent is not None and result.intent.missing is not None)
    if unsure_or_missing and (turned := context_first.read(
            question, lambda asked: parse(asked, catalog, today),
            lambda part, domain: _parse(part, catalog, today, domain))) is not None:
        return turned  # a context told first, then the question (context_first.py); its missing thing, if any, was
        # in the context: the question after the turn asks nothing missing (context_first.read)
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
    if result.confident and result.intent is not None and result.intent.domain == "ho_so" and (
            result.intent.missing is None) and not category_words.names_records(result) and (
            category := category_words.ignored_category(said, catalog)):
        result = ParseResult(result.intent, False, f"«{category}» là lĩnh vực phản ánh, kiến nghị; hãy hỏi «số phản "
                                                   "ánh …» hoặc nêu hồ sơ của lĩnh vực, thủ tục nào")
    return result


_LAST_YEAR_SAID = re.compile(r"\bcung ky nam\b")


def _confident_intent(clause: str, catalog: Catalog, today: dt.date, domain: str | None) -> Intent | None:
    """A clause read alone: its intent where it is understood."""
    result = _parse(clause, catalog, today, domain)
    return result.intent if result.confident else None


def _parse(question: str, catalog: Catalog, today: dt.date, domain: str | None) -> ParseResult:
    tokens = Tokens(question, catalog, today)
    if not tokens.unexplained() and not any(t.isdigit() for t in tokens.items) and len(tokens.items) < 2:
        return ParseResult(None, False, "Câu hỏi quá ngắn.")
    _replied(tokens)
    warm_words.citizens(tokens)
    report_words.closing_ay(tokens)
    request_words.at_period(tokens)
    request_words.sent_up(tokens)
    formal_words.polite_opening(tokens)
    formal_words.set_out(tokens)
    tokens.take_all(IGNORED_PHRASES)
    _reach_verb(tokens)
    doubts.reason_clause(tokens)
    doubts.purpose_first(tokens)
    intent = Intent(domain=_domain(tokens) if domain is None else domain)
    formal_words.feedback_counter(tokens, intent.domain)
    dropped.records_beside_feedback(tokens, intent)
    if domain == "chi_tieu":
        tokens.take_all(["chi tieu", "kinh te xa hoi", "kt xh", "ktxh"])
    cue = intent.domain != "ho_so"  # "phản ánh", "chỉ tiêu" said what the question is about
    periods, last_year = question_periods.named_periods(tokens, today)
    report_words.stage_before_period(tokens)
    periods = question_periods.previous_of_named(tokens.text(), periods, today)
    periods = question_periods.before_that(tokens, periods)
    if len(periods) > 2:
        periods = question_periods.listed_months(tokens, periods)
    periods, problem = question_periods.total_of_listed(tokens, periods)
    if problem:
        return ParseResult(intent, False, problem)
    if len(periods) == 2 and not last_year and question_periods.nested(*periods):
        # "lũy kế … tháng 10" read as the year to date and October, "tháng 10 so với quý 4": comparing a
        # period with a part of itself (a "giảm 38%") answers nothing asked
        return ParseResult(intent, False, "chưa rõ kỳ: câu hỏi nêu hai kỳ lồng nhau; hãy nêu một kỳ, ví dụ «từ "
                                          "đầu năm đến hết tháng 10»")
    if doubts.weekday_unread(tokens, periods):
        return ParseResult(intent, False, "chưa đọc được thứ trong tuần cùng với tháng / quý đã nêu; hãy hỏi một ngày "
                                          "cụ thể, ví dụ «thứ 7 tuần trước» hoặc «ngày 10/10»")
    if periods and all(p.end < today for p in periods) and doubts.since_unread(tokens):
        return ParseResult(intent, False, "chưa đọc được khoảng «từ … đến nay»; hãy nêu như «từ tháng 3 đến nay» "
                                          "hoặc «từ 01/03 đến nay»")
    if periods and all(p.end < today for p in periods) and doubts.span_to_now_unread(tokens):
        return ParseResult(intent, False, "chưa đọc được khoảng «từ … đến nay»; hãy nêu như «từ 16/11 đến nay»")
    if periods and all(p.end < today for p in periods) and doubts.until_now_unread(tokens):  # "năm nay đến giờ": ok
        return ParseResult(intent, False, "chưa đọc được «… đến nay» sau kỳ đã nêu; hãy nêu như «từ tháng 10 đến nay» "
                                          "hoặc «từ 01/10 đến nay»")
    now = tokens.take_all(_NOW_WORDS)
    if doubts.each_day_unread(tokens, periods):
        return ParseResult(intent, False, "chưa hỗ trợ chia số liệu này theo từng ngày; hãy hỏi tổng của cả kỳ, "
                                          "«trung bình mỗi ngày», hoặc từng ngày một (ví dụ «hôm qua», «ngày 10/11»)")
    unit, at = doubts.time_unit(tokens)
    if unit:
        # "trung bình mỗi tuần nhận bao nhiêu": an average per week, not a breakdown (the average processing time
        # by quarter is one: "thời gian giải quyết trung bình từng quý")
        averaged = (tokens.has("trung binh") or tokens.has("binh quan")) and not any(
            tokens.has(w) for w in ("thoi gian", "bao lau", "so ngay", "bao nhieu ngay", "may ngay"))
        if averaged or (intent.domain == "chi_tieu" and unit != "quy"):
            return ParseResult(intent, False, doubts.time_unit_problem(unit, averaged))
        tokens.used[at - 1] = tokens.used[at] = True
        intent.group = understand.TIME_GROUPS[unit]
    record_lists.listing(tokens, intent)
    report_words.sorted_by_day(tokens, intent)
    time_taken.list_by_time(tokens, intent)
    speed_compare = tokens.take_all(SPEED_COMPARE)  # "nhanh hơn", "chậm hơn": processing time, compared
    if intent.domain != "chi_tieu":
        understand.filters_from_lists(tokens, intent)  # before names: "chờ bổ sung" is a status, not a procedure
    problem = entities.match(tokens, intent, catalog) or _contradiction(intent, catalog)
    if problem:
        return ParseResult(intent, False, problem)
    warm_words.do_procedure(tokens, intent)  # after the names: "làm" is read only before one
    if intent.domain == "ho_so":
        doubts.new_things(tokens)
        doubts.where_held(tokens)
    readings.over_units(tokens)
    if intent.domain == "chi_tieu":
        plan = tokens.take_all(PLAN_WORDS)  # "so với kế hoạch" compares with the plan, not another period
        indicators.unit_said(tokens, intent, catalog)
        less = tokens.take_all(measures_words.less_words())
        # bug fix (session 28, rule R7): with the plan named and one period, a change word ("tình hình giảm nghèo năm
        # nay thế nào so với kế hoạch", "… giảm bao nhiêu so với kế hoạch") is the change against the plan; the period
        # before had been compared and the plan dropped (a confident wrong)
        change = tokens.take_all(measures_words.COMPARE_WORDS) or less
        compare = (change and not (plan and len(periods) < 2)) or len(periods) >= 2
        compare = readings.difference(tokens) or compare
        compare = readings.improved(tokens) or compare
        readings.not_yet_closing(tokens)
        if last_year and any(p.kind != "year" for p in periods):
            # "thu ngân sách quý 3 so với cùng kỳ (năm trước)": the indicator had been compared with the quarter
            # before (a confident wrong; bug fix, session 21); a year's previous period is the same period last year
            return ParseResult(intent, False, "chưa so sánh chỉ tiêu với «cùng kỳ năm trước»; hãy nêu hai kỳ, ví dụ "
                                              "«tháng 10 năm nay so với tháng 10 năm ngoái»")
        return indicators.finish(tokens, intent, periods, compare, today, now)
    readings.officials(tokens, intent)  # before the missing things: "từng công chức" is no staff count
    names_data = bool(intent.filters) or intent.domain == "phan_anh" or tokens.has("ho so")
    intent.missing = nodata.find(tokens, names_data)  # before measures: "nhân khẩu" is not "nhận"
    if intent.missing is not None:
        return ParseResult(intent, True)
    phrasings.longest(tokens)
    understand.measures(tokens, intent, bool(periods), _day_said(tokens, periods, today))
    understand.via(tokens)
    if time_taken.problem(intent):
        return ParseResult(intent, False, time_taken.problem(intent))
    if not intent.measures:
        return ParseResult(intent, False, "chưa rõ cần tính tỷ lệ nào: đúng hạn, trễ hạn, trực tuyến hay từ chối")
    if intent.domain == "phan_anh" and intent.group is None and readings.feedback_about(tokens):
        intent.group = "linh_vuc"  # "phản ánh nhiều nhất về vấn đề gì": by category
    understand.grouping(tokens, intent)
    if readings.second_grouping(tokens, intent):
        return ParseResult(intent, False, "câu hỏi chia theo hai nhóm cùng lúc; hãy hỏi từng cách chia (ví dụ «theo "
                                          "lĩnh vực», rồi «theo hình thức nộp»)")
    if intent.limit is not None and intent.group is None and not intent.listing:
        # "top 5 phản ánh môi trường": a top of nothing ranked; one total had been given, "top 5" dropped
        return ParseResult(intent, False, "chưa rõ xếp hạng theo gì; hãy nêu như «top 3 lĩnh vực …» hoặc «5 hồ sơ "
                                          "mới nhất …»")
    ranking_two = any(isinstance(v, list) for v in intent.filters.values())
    phrasings.which_side(tokens, ranking_two or len(periods) == 2)
    report_words.same_period_again(tokens, ranking_two)
    less = tokens.take_all(measures_words.less_words())
    said_compare = tokens.take_all(measures_words.COMPARE_WORDS) or less
    said_compare = readings.difference(tokens) or said_compare
    said_compare = readings.improved(tokens) or said_compare
    if readings.times(tokens):
        said_compare = intent.times = True
    if len(periods) >= 2 and not (said_compare or last_year or speed_compare) and doubts.span_unread(tokens):
        # "từ <period> đến <period>" that no rule read as one span: a comparison of the two ends, or the
        # first alone, would answer another question
        return ParseResult(intent, False, "chưa đọc được khoảng «từ … đến …»; hãy nêu như «từ tháng 7 đến tháng 9» "
                                          "hoặc «từ 01/07 đến 30/09»")
    # "tồn cuối tháng 9 và hiện nay": the day named and today, two figures (today had been dropped: one figure given)
    and_now = now and len(periods) == 1 and _AND_NOW.search(tokens.text()) is not None
    if ranking_two and question_periods.over_time(tokens, periods, last_year):
        # bug fix (session 24, rule R7): "số hồ sơ khai sinh và kết hôn tháng 10 so với tháng 9", "hộ tịch và đất đai
        # quý 3 so với cùng kỳ năm trước", "… tháng này tăng hay giảm" ranked the two names in the one period, the
        # comparison over time dropped
        return ParseResult(intent, False, "Chưa hỗ trợ vừa so sánh hai kỳ vừa chia nhóm trong một câu hỏi.")
    compare = not ranking_two and (said_compare or len(periods) >= 2 or last_year or speed_compare or and_now)
    if ranking_two:
        tokens.take_all(measures_words.COMPARE_WORDS)  # "ai nhiều hơn": the names are ranked, not two periods
    tokens.yes_no_particle()
    readings.not_yet_closing(tokens)
    readings.let_lapse(tokens)
    warm_words.mainly(tokens, intent)
    dropped.clause_before_feedback(tokens, intent)
    report_words.structure(tokens, intent)
    report_words.gathered_in(tokens, intent)
    doubts.changing_filler(tokens, intent)
    doubts.said_endings(tokens)
    phrasings.wish(tokens)
    if len(periods) == 2 and last_year and _LAST_YEAR_SAID.search(tokens.text()):
        # bug fix (session 24, rule R7): "tháng này, tháng trước và cùng kỳ năm ngoái" had dropped "cùng kỳ", "quý 3 năm
        # 2026 so với cùng kỳ năm 2025" compared with the whole year 2025: three periods ("q4 vs q3 cùng kỳ", the
        # same days, is two)
        return ParseResult(intent, False, "Câu hỏi nêu hơn hai kỳ; hãy hỏi từng cặp kỳ.")
    problem = (question_periods.resolve_periods(intent, periods, compare, last_year, now, today)
               or record_lists.one_measure(intent, bool(said_compare)))
    problem = problem or doubts.ranks_nothing(tokens, intent)
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
    if readings.rate_shared(tokens, intent):
        return ParseResult(intent, False, "«tỷ lệ» nói một lần cho hai số liệu; hãy hỏi «tỷ lệ … và tỷ lệ …»")
    if readings.both_kinds(tokens):
        return ParseResult(intent, False, "câu hỏi hỏi cả hồ sơ và phản ánh; hãy hỏi từng loại")
    if readings.total_dropped(tokens, intent):
        return ParseResult(intent, False, "câu hỏi hỏi cả tổng số và một phần của nó; hãy hỏi như «nhận bao nhiêu, "
                                          "trong đó … bao nhiêu»")
    if readings.running_total_to_a_day(tokens, intent):
        return ParseResult(intent, False, "chưa rõ tính từ khi nào đến ngày đã nêu; hãy hỏi như «từ đầu năm đến nay» "
                                          "hoặc «hôm nay»")
    if readings.first_figure_dropped(tokens, intent, lambda clause: _confident_intent(clause, catalog, today,
                                                                                         intent.domain)):
        return ParseResult(intent, False, "câu hỏi hỏi cả số chung và số của một phần (lĩnh vực, thủ tục, cán bộ, "
                                          "hình thức…); hãy hỏi từng câu")
    if loose and periods and question_periods.unread_period_asked(tokens, doubts.TIME_UNITS | {"hom"}):
        return ParseResult(intent, False, "chưa đọc được kỳ của một vế câu hỏi; hãy nêu kỳ như «hôm kia», «tháng 9»")
    if not _asks_something(tokens, intent, periods, cue):
        return ParseResult(intent, False, "câu hỏi chưa nêu cần số liệu gì (tiếp nhận, giải quyết, quá hạn…) "
                                          "hay kỳ nào")
    problem = either_reading.bare_noun_phrase(tokens, intent)
    if problem:
        return ParseResult(intent, False, problem)
    return ParseResult(intent, True)


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
    if intent.named or intent.filters or periods or (intent.group and intent.group != "month"):
        return True
    return not intent.listing and (cue or tokens.has("ho so"))
