"""The model engine: a generator writes SQL over the reporting views for questions the parser
cannot answer. Its output is never trusted: guard.validate and guard.run apply exactly as for
the parser's SQL, and the answer says the model wrote it."""

from __future__ import annotations

import datetime as dt
import json

from appliance.ask.guard import VIEWS
from appliance.ask.parser import Intent
from appliance.ask.sqlbuild import build
from appliance.engines.base import Generator
from appliance.engines.generation import GenerationFailure, chat_json
from appliance.reporting.measures import MEASURES
from appliance.reporting.views import VIEWS as VIEW_COLUMNS
from appliance.text.calendar_periods import month_period, quarter_period, year_period


def schema_text() -> str:
    """The views and their columns, with formats and values, from the reporting layer's table."""
    lines = ["Các view SQLite được phép đọc (chỉ SELECT):"]
    for view in VIEW_COLUMNS.values():
        columns = ", ".join(f"{c.name} {c.hint}" if c.hint else c.name for c in view.columns)
        lines.append(f"{view.name}({columns})")
    return "\n".join(lines)


def definitions(today: dt.date) -> str:
    """How each measure is computed: the rules engine's own SQL for this month, from the table of measures."""
    month = month_period(today)
    lines = [f"Cách tính từng chỉ số (SQL của hệ thống, ví dụ cho {month.label}):"]
    for m in MEASURES.values():
        lines.append(f"- {m.label}: {build(Intent(m.domain, [m.key], period=month), today).sql}")
    return "\n".join(lines)


def examples() -> list[tuple[str, str]]:
    """Worked questions, their SQL written by the same builder as the rules engine's."""
    year = year_period(2026)
    asked = [
        ("Tháng 10/2026 tiếp nhận bao nhiêu hồ sơ?",
         Intent("ho_so", ["tiep_nhan"], period=month_period(dt.date(2026, 10, 1)))),
        ("Tỷ lệ đúng hạn quý 3/2026 lĩnh vực Đất đai?",
         Intent("ho_so", ["ty_le_dung_han"], period=quarter_period(dt.date(2026, 7, 1)),
                filters={"linh_vuc": "Đất đai"})),
        ("Cán bộ nào giải quyết nhiều hồ sơ nhất năm 2026?",
         Intent("ho_so", ["da_giai_quyet"], period=year, group="can_bo_xu_ly", order="desc", limit=5)),
    ]
    return [(question, build(intent, year.end).sql) for question, intent in asked]


SQL_SCHEMA: dict[str, object] = {
    "type": "object", "additionalProperties": False, "required": ["answerable", "sql"],
    "properties": {"answerable": {"type": "boolean"}, "sql": {"type": "string"}},
}


def build_messages(question: str, today: str, names: dict[str, list[str]]) -> list[dict[str, str]]:
    values = "\n".join(f"{k}: {', '.join(v[:40])}" for k, v in names.items() if v)
    shots = "\n\n".join(f"Câu hỏi: {q}\nJSON: {json.dumps({'answerable': True, 'sql': s}, ensure_ascii=False)}"
                         for q, s in examples())
    system = (f"Bạn viết đúng MỘT câu lệnh SQLite SELECT trả lời câu hỏi về số liệu của UBND phường. Hôm nay là "
              f"{today}. Chỉ dùng các view dưới đây. Không bao giờ viết lệnh ghi, PRAGMA, ATTACH. Trả lời bằng một "
              'đối tượng JSON {"answerable": true, "sql": "SELECT …"}. Nếu các view này không chứa số liệu được hỏi '
              '(ví dụ lệ phí, mức độ hài lòng, dân số, số cán bộ), trả lời {"answerable": false, "sql": ""}.'
              f"\n\n{schema_text()}\n\n{definitions(dt.date.fromisoformat(today))}\n\nGiá trị có trong dữ liệu:\n"
              f"{values}\n\nVí dụ:\n{shots}")
    return [{"role": "system", "content": system}, {"role": "user", "content": f"Câu hỏi: {question}"}]


def extract_sql(value: dict[str, object]) -> str | None:
    """The SQL of a valid answer, or None when the model says the views cannot answer."""
    sql = value.get("sql")
    if value.get("answerable") is False or not isinstance(sql, str) or not sql.strip():
        return None
    return sql.strip()


ASK_DEADLINE_S = 20.0  # a leader waits this long for model-written SQL before the "not sure" answer


def write_sql(generator: Generator | None, question: str, today: str, names: dict[str, list[str]], *,
              deadline_s: float | None = None) -> str | GenerationFailure | None:
    """The model's SQL (not yet validated), None when it says it cannot answer, or why it failed
    (unavailable, busy, too slow, cut at max_tokens, not JSON, wrong keys): the generation contract
    (`chat_json`) strips fences and prose around the object and retries once on a schema error."""
    result = chat_json(generator, build_messages(question, today, names), schema=SQL_SCHEMA, max_tokens=400,
                       deadline_s=ASK_DEADLINE_S if deadline_s is None else deadline_s)
    if isinstance(result, GenerationFailure):
        return result
    return extract_sql(result.value)


__all__ = ["SQL_SCHEMA", "VIEWS", "build_messages", "extract_sql", "write_sql"]
