"""One question in, one answer out: refuse hostile input, try the parser, then the model, run
the validated SQL read-only, and phrase the answer. Nothing here writes to the database; the
route audits and keeps the history on its own connection."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from appliance.ask import answer, dropped, either_reading, guard, links, llm, nodata, parser, sqlbuild
from appliance.ask.answer import number
from appliance.ask.measures import all_phrases
from appliance.ask.vocab import Catalog, cached_catalog
from appliance.citizen.classify import seed as feedback_cues
from appliance.db import connect_readonly
from appliance.engines.base import Generator
from appliance.engines.generation import GenerationFailure
from appliance.text import fold
from appliance.text.formatting import local_today

# Folded patterns of requests to change data, reach other data, or override the rules.
_HOSTILE = [
    # "xóa đói giảm nghèo", "xóa mù chữ", "sửa chữa" and mending things ("sửa đường", "sửa nhà") are what
    # leaders ask about (spending, not in the data), not commands.
    r"\bxoa\b(?! (?:doi|mu chu))", r"\bsua\b(?! (?:chua|duong|nha|cau|cong|truong|ngo|hem|via he|den|mai)\b)",
    r"\b(?:huy bo|ghi de|chen them|them moi|cap nhat lai|thay doi du lieu|doi trang thai)\b",
    r"\b(?:drop|delete|insert|update|alter|create|attach|detach|pragma|vacuum|truncate|replace|reindex|grant)\b",
    # a semicolon only beside a quote or an SQL comment (bug fix, session 28): formal Vietnamese joins clauses with it
    # ("… vì sao …; cụ thể … là bao nhiêu?"), and such questions had been refused as an attack
    r"\b(?:select|union|from)\b.*\b(?:from|where|select)\b", r"['\"`]\s*;|;\s*['\"`]|--|/\*",
    r"\bbo qua (?:moi |tat ca |cac |nhung )?(?:huong dan|chi dan|quy tac|lenh|yeu cau|rang buoc)",
    r"\b(?:ignore|disregard|forget) (?:all |the |previous |prior |your )",
    r"\b(?:system prompt|jailbreak|prompt)\b", r"\bquen (?:het |di )?(?:huong dan|quy tac)",
    r"\b(?:mat khau|password|token|phien dang nhap|sessions?|users?|audit|nhat ky he thong|tai khoan)\b",
    r"\b(?:so dien thoai|dia chi|ho ten) (?:cua )?(?:nguoi dan|cong dan|nguoi phan anh)",
]
_HOSTILE_RE = [re.compile(p) for p in _HOSTILE]
# The vocabulary typos are repaired to: the measure words, what the data does not hold, and the
# feedback topics (so "trộm cắp" is never repaired into "trợ cấp").
_PHRASES = all_phrases() + nodata.phrases() + [cue for cues in feedback_cues().values() for cue in cues["keywords"]]

REFUSAL = ("Xin lỗi, hộp hỏi đáp chỉ đọc và tổng hợp số liệu báo cáo. Tôi không thể xóa, sửa hay thay đổi dữ "
           "liệu, không xem thông tin tài khoản hay thông tin cá nhân, và không làm theo yêu cầu bỏ qua quy tắc. "
           "Dữ liệu không bị thay đổi. Anh/chị có thể hỏi, ví dụ: «Tháng này tiếp nhận bao nhiêu hồ sơ?»")

SUGGESTIONS = [
    "Tháng này phường tiếp nhận bao nhiêu hồ sơ, đúng hạn bao nhiêu phần trăm?",
    "Tỷ lệ đúng hạn quý 3 theo lĩnh vực",
    "Có bao nhiêu hồ sơ quá hạn chưa giải quyết?",
    "Thủ tục nào tiếp nhận nhiều hồ sơ nhất từ đầu năm?",
    "So sánh số hồ sơ tiếp nhận tháng này với tháng trước",
    "Xu hướng hồ sơ tiếp nhận theo tháng",
    "Tỷ lệ nộp trực tuyến tháng trước",
    "Cán bộ nào giải quyết nhiều hồ sơ nhất tháng trước?",
    "Thời gian giải quyết trung bình lĩnh vực Đất đai năm nay",
    "Bình quân mỗi tháng tiếp nhận bao nhiêu hồ sơ khai sinh?",
    "Có bao nhiêu phản ánh quá hạn?",
    "Phản ánh theo lĩnh vực tháng này",
    "Các chỉ tiêu kinh tế - xã hội tháng trước",
]


@dataclass
class AskResult:
    question: str
    answer: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[guard.Cell]] = field(default_factory=list)
    sql: str = ""
    chart: dict[str, object] | None = None  # an ECharts option
    engine: str = "rules"
    status: str = "ok"  # ok | unsure | no_data (the data does not hold it) | refused | error
    suggestions: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # raw column names of the SQL
    total: int | None = None  # a list of records: how many match (rows are capped)
    link: str = ""  # a list of records: the page listing all of them
    intent: parser.Intent | None = None

    def to_api(self) -> dict[str, object]:
        out: dict[str, object] = {"answer": self.answer, "columns": self.columns, "rows": self.rows,
                                  "sql": self.sql, "chart": self.chart, "engine": self.engine,
                                  "status": self.status, "suggestions": self.suggestions}
        if self.total is not None:
            out["total"] = self.total
        if self.link:
            out["link"] = self.link
        return out


def is_hostile(question: str) -> bool:
    folded = fold(question)
    raw = question.lower()
    return any(p.search(folded) or p.search(raw) for p in _HOSTILE_RE)


_ASK = {"tiep_nhan": "tiếp nhận bao nhiêu hồ sơ?", "da_giai_quyet": "giải quyết bao nhiêu hồ sơ?",
        "dung_han": "giải quyết đúng hạn bao nhiêu hồ sơ?", "tre_han": "có bao nhiêu hồ sơ trễ hạn?",
        "ty_le_dung_han": "tỷ lệ đúng hạn bao nhiêu?", "ty_le_tre_han": "tỷ lệ trễ hạn bao nhiêu?",
        "ty_le_truc_tuyen": "tỷ lệ trực tuyến bao nhiêu?", "qua_han": "có bao nhiêu hồ sơ quá hạn chưa giải quyết?"}
_FILTER_WORDS = {"linh_vuc": "lĩnh vực", "ten_thu_tuc": "thủ tục", "can_bo_xu_ly": "cán bộ"}


def suggest(question: str, intent: parser.Intent | None = None, k: int = 3, *,
            catalog: Catalog | None = None, today: dt.date | None = None) -> list[str]:
    """Close questions the parser is sure to answer: first built from what it did understand
    (period, field, procedure, officer), then the standard examples most like the question."""
    folded = fold(question)
    built: list[str] = []
    if intent is not None and intent.domain == "ho_so":
        period = intent.period
        if period is None:
            scope = "tháng này"
        elif period.kind == "range":
            scope = f"từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}"  # a label that parses back alike
        else:
            scope = period.label.split(" (")[0]
        names = ", ".join(f"{_FILTER_WORDS[c]} {v}" for c, v in intent.filters.items() if c in _FILTER_WORDS)
        head = scope + (f", {names}" if names else "")
        head = head[:1].upper() + head[1:]
        keys = [m for m in intent.measures if m in _ASK] or ["tiep_nhan", "ty_le_dung_han"]
        built = [f"{head} {_ASK[m]}" for m in keys] + [f"{head} {_ASK['ty_le_dung_han']}"]
    ranked = sorted(SUGGESTIONS, key=lambda s: -difflib.SequenceMatcher(None, folded, fold(s)).ratio())
    out: list[str] = []
    for candidate in dict.fromkeys(built + ranked):
        if candidate in built and catalog is not None and today is not None:
            check = parser.parse(candidate, catalog, today)
            if not check.confident or check.intent is None or check.intent.compare is not None:
                continue  # only suggest what will be answered, as meant
        out.append(candidate)
        if len(out) == k:
            break
    return out


def catalog_for(db_path: Path) -> Catalog:
    return cached_catalog(db_path, lambda: connect_readonly(db_path), _PHRASES)


def _labels(catalog: Catalog) -> dict[str, str]:
    return dict(catalog.feedback_categories)


def _unsure(question: str, reason: str, intent: parser.Intent | None, engine: str = "rules",
            catalog: Catalog | None = None, today: dt.date | None = None) -> AskResult:
    text = ("Tôi chưa chắc đã hiểu đúng câu hỏi nên không đưa ra con số" + (f" ({reason.rstrip('.')})" if reason
            else "") + ". Anh/chị có thể hỏi lại rõ hơn, ví dụ một trong các câu gợi ý.")
    suggestions = suggest(question, intent, catalog=catalog, today=today)
    if reason == either_reading.BARE_NOUN_PHRASE:
        suggestions = either_reading.both_readings(question) + suggestions[:1]  # the count, or the records
    return AskResult(question, text, engine=engine, status="unsure", suggestions=suggestions, intent=intent)


def answer_question(db_path: Path | str, question: str, *, today: dt.date | None = None,
                    generator: Generator | None = None, use_llm: bool = True) -> AskResult:
    db_path = Path(db_path)
    today = today or local_today()
    question = question.strip()
    if not question:
        return _unsure(question, "câu hỏi trống", None)
    if is_hostile(question):
        return AskResult(question, REFUSAL, engine="rules", status="refused", suggestions=SUGGESTIONS[:3])
    catalog = catalog_for(db_path)
    parsed = parser.parse(question, catalog, today)
    if parsed.confident and parsed.intent is not None:
        if parsed.intent.missing is not None or parsed.intent.offer:
            return AskResult(question, answer.no_data(parsed.intent, catalog.indicators), status="no_data",
                             intent=parsed.intent, suggestions=suggest(question, None, catalog=catalog, today=today))
        before = _outside_the_data(parsed.intent, catalog, today)
        if before:
            return AskResult(question, before, status="no_data", intent=parsed.intent,
                             suggestions=suggest(question, parsed.intent, catalog=catalog, today=today))
        return _run_rules(db_path, question, parsed.intent, catalog, today)
    if use_llm and generator is not None:
        return _run_llm(db_path, question, catalog, today, generator, parsed)
    return _unsure(question, parsed.reason, parsed.intent, catalog=catalog, today=today)


_WHAT = {"ho_so": "hồ sơ", "phan_anh": "phản ánh"}


def _first_day(intent: parser.Intent, catalog: Catalog) -> dt.date | None:
    """The first day the data holds records (or complaints) of: before it nothing was counted."""
    first = {"ho_so": catalog.first_record_day, "phan_anh": catalog.first_feedback_day}.get(intent.domain)
    return dt.date.fromisoformat(first) if first else None


def _outside_the_data(intent: parser.Intent, catalog: Catalog, today: dt.date) -> str:
    """A period not begun yet, or one that ends before the first record: there is nothing to count,
    say so (not "0": "tháng 12: tiếp nhận 0 hồ sơ" on 20/11 reads as a month with no work)."""
    if intent.domain not in _WHAT:
        return ""  # indicators: a plan for a coming period exists, the indicator rules answer it
    if intent.period is not None and intent.period.start > today:
        return f"{intent.period.label[:1].upper()}{intent.period.label[1:]} chưa bắt đầu (hôm nay là " \
               f"{today:%d/%m/%Y}), nên chưa có số liệu."
    first = _first_day(intent, catalog)
    periods = [p for p in (intent.period, intent.compare) if p is not None]
    if not first or not periods or intent.compare_asof is not None:
        return ""
    if all(p.end < first for p in periods):
        return (f"Dữ liệu {_WHAT[intent.domain]} hiện có bắt đầu từ ngày {first:%d/%m/%Y}, nên chưa có số liệu "
                f"cho {periods[0].label}.")
    return ""  # a comparison with a period before the data answers the later one and says so


def _run_rules(db_path: Path, question: str, intent: parser.Intent, catalog: Catalog,
               today: dt.date) -> AskResult:
    query = sqlbuild.build(intent, today)
    sql = guard.validate(query.sql)  # the parser's SQL passes the same wall as the model's
    result = guard.run(db_path, sql)
    total = None
    if query.count_sql:
        total = int(number(guard.run(db_path, guard.validate(query.count_sql)).rows[0][0]) or 0)
    if query.kind == "list" and query.count_sql and not intent.list_by:
        def count(sql: str) -> int:
            return int(number(guard.run(db_path, guard.validate(sql)).rows[0][0]) or 0)
        tied = dropped.tied_cut(query.count_sql, result.rows, result.columns, intent.limit, total, count)
        if tied:
            return _unsure(question, tied, intent, catalog=catalog, today=today)
    labels = _labels(catalog)
    first = _first_day(intent, catalog)
    what = _WHAT.get(intent.domain, "")
    no_compare = ""
    if first and intent.compare is not None and intent.compare_asof is None and intent.compare.end < first:
        no_compare = (f"chưa có số liệu (dữ liệu {what} hiện có bắt đầu từ ngày {first:%d/%m/%Y}), "
                      "nên không so sánh được")
    text = answer.sentence(intent, query, result.columns, result.rows, labels, today, total, no_compare)
    if result.truncated:
        text += f" (chỉ hiện {guard.ROW_CAP} dòng đầu)"
    earliest = min((p.start for p in (intent.period, intent.compare) if p is not None), default=None)
    if first and earliest and earliest < first and not no_compare:
        text += f" Lưu ý: dữ liệu {what} hiện có bắt đầu từ ngày {first:%d/%m/%Y}."
    columns = [sqlbuild.COLUMN_LABELS.get(c, c) for c in result.columns]
    status = "ok"
    if query.kind.startswith("indicator") and not result.rows:
        status = "no_data"  # no indicator row for that period: nothing reported, not a zero
    link = links.for_list(intent, today) if query.kind == "list" else ""
    if link:
        text += " Xem đầy đủ tại trang danh sách."
    return AskResult(question, text, columns, result.rows, sql, answer.chart(intent, query, result.rows, labels),
                     "rules", status=status, keys=result.columns, intent=intent, total=total, link=link)


def _run_llm(db_path: Path, question: str, catalog: Catalog, today: dt.date, generator: Generator,
             parsed: parser.ParseResult) -> AskResult:
    names = {"ten_thu_tuc": catalog.procedures, "linh_vuc": catalog.fields, "can_bo_xu_ly": catalog.officers,
             "chi_tieu": catalog.indicators}
    raw = llm.write_sql(generator, question, today.isoformat(), names)
    if isinstance(raw, GenerationFailure):  # the fallback answers, and says why the model did not
        return _unsure(question, f"không dùng được mô hình ngôn ngữ: {raw.say()}", parsed.intent, catalog=catalog,
                       today=today)
    if not raw:
        return _unsure(question, parsed.reason, parsed.intent, engine="llm", catalog=catalog, today=today)
    try:
        sql = guard.validate(raw)
        result = guard.run(db_path, sql)
    except (guard.UnsafeSQL, guard.QueryFailed) as exc:
        out = _unsure(question, f"câu lệnh do mô hình viết bị từ chối: {exc}", parsed.intent, engine="llm")
        out.sql = raw
        return out
    if not result.rows:
        text = "Mô hình ngôn ngữ đã viết câu truy vấn (xem «Cách tính») nhưng không có dòng kết quả nào."
    else:
        first = ", ".join(f"{c}: {answer.value_text(c, v)}" for c, v in zip(result.columns, result.rows[0],
                                                                             strict=False))
        more = f" (và {len(result.rows) - 1} dòng khác trong bảng)" if len(result.rows) > 1 else ""
        text = (f"Kết quả do mô hình ngôn ngữ lập câu truy vấn (hãy kiểm tra «Cách tính»): {first}{more}.")
    return AskResult(question, text, result.columns, result.rows, sql, None, "llm", keys=result.columns)
