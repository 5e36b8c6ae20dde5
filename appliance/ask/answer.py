"""The answer sentence (period and filters first, figures in Vietnamese style) and the chart."""

from __future__ import annotations

from appliance.ask.guard import Cell
from appliance.ask.measures import DIMENSION_LABELS
from appliance.ask.parser import Intent
from appliance.ask.sqlbuild import Query
from appliance.ask.vocab import FEEDBACK_STATUS_LABELS
from appliance.reporting.measures import MEASURES
from appliance.text import format_number, format_percent


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def number(value: Cell) -> float | int | None:
    """A figure of the rules engine's SQL (whose columns are numbers where a figure is expected)."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def value_text(key: str, value: Cell) -> str:
    measure = MEASURES.get(key)
    if value is None:
        return "chưa có số liệu để tính"
    if not isinstance(value, int | float):  # a name or a date that a model's SQL selected
        return value
    if measure is None:
        return format_number(value, 1 if isinstance(value, float) and value != int(value) else 0)
    if measure.kind == "rate":
        return format_percent(value)
    if measure.kind == "avg":
        return f"{format_number(value, 1)} ngày"
    return f"{format_number(value)} {measure.unit}"


def scope_text(intent: Intent) -> str:
    """"Tháng 10/2026, lĩnh vực Hộ tịch": what the figures cover."""
    if intent.period:
        first = intent.period.label
    elif intent.asof and all(MEASURES[m].basis == "asof" for m in intent.measures if m in MEASURES):
        first = f"tính đến ngày {intent.asof:%d/%m/%Y}"
    else:
        first = "toàn bộ phản ánh hiện có" if intent.domain == "phan_anh" else "toàn bộ hồ sơ hiện có"
    parts = [first]
    names = {"linh_vuc": "lĩnh vực", "ten_thu_tuc": "thủ tục", "can_bo_xu_ly": "cán bộ",
             "hinh_thuc_nop": "hình thức nộp", "trang_thai": "trạng thái", "kenh": "kênh",
             "ma_linh_vuc": "nhóm"}
    for column, value in intent.filters.items():
        if column == "chua_xu_ly":
            parts.append("chưa xử lý xong")
            continue
        shown = FEEDBACK_STATUS_LABELS.get(str(value), str(value)) if intent.domain == "phan_anh" else str(value)
        parts.append(f"{names.get(column, column)} {shown}")
    if intent.indicator:
        parts.append(f"chỉ tiêu «{intent.indicator}»")
    return _cap(", ".join(parts))


def _asof_note(intent: Intent) -> str:
    if intent.period and intent.asof and any(MEASURES[m].basis == "asof" for m in intent.measures if m in MEASURES):
        return f" (tính đến ngày {intent.asof:%d/%m/%Y})"
    return ""


def _label(key: str) -> str:
    measure = MEASURES.get(key)
    return measure.label.lower() if measure else key


def sentence(intent: Intent, query: Query, columns: list[str], rows: list[list[Cell]],
             category_labels: dict[str, str]) -> str:
    head = scope_text(intent)
    note = f" ({intent.period_note})" if intent.period_note else ""
    if query.kind == "indicator":
        if not rows:
            return f"{head}: chưa có số liệu chỉ tiêu cho kỳ này."
        best = rows[0]
        if intent.order and best[4] is not None:
            word = "thấp nhất" if intent.order == "asc" else "cao nhất"
            return (f"{head}: chỉ tiêu đạt {word} so với kế hoạch là «{best[0]}», thực hiện "
                    f"{format_number(number(best[3]), 1)} {best[1]} trên kế hoạch "
                    f"{format_number(number(best[2]), 1)} {best[1]} ({format_percent(number(best[4]))}); "
                    "các chỉ tiêu khác trong bảng.")
        lines = [f"{r[0]}: thực hiện {format_number(number(r[3]), 1)} {r[1]}, kế hoạch "
                 f"{format_number(number(r[2]), 1)} {r[1]}"
                 + (f", đạt {format_percent(number(r[4]))} kế hoạch" if r[4] is not None else "") for r in rows[:5]]
        more = f" (và {len(rows) - 5} chỉ tiêu khác trong bảng)" if len(rows) > 5 else ""
        return f"{head}: " + "; ".join(lines) + more + "."
    keys = intent.measures
    if query.kind == "scalar":
        row = rows[0] if rows else [None] * len(keys)
        bits = [f"{_label(k)}: {value_text(k, v)}" for k, v in zip(keys, row, strict=False)]
        if intent.period is None and keys in (["tiep_nhan"], ["pa_tiep_nhan"]):
            bits = [f"có {value_text(keys[0], row[0])}"]
        return f"{head}{_asof_note(intent)}: " + "; ".join(bits) + f"{note}."
    if query.kind == "average":
        if not rows:
            return f"{head}: chưa có số liệu."
        avg, total, units = rows[0]
        unit = "tháng" if intent.per == "month" else "ngày"
        return (f"{head}: bình quân {format_number(number(avg), 1)} {MEASURES[keys[0]].unit} mỗi {unit} "
                f"({_label(keys[0])} tổng cộng {format_number(number(total))} trong {units} {unit}){note}.")
    if query.kind == "compare":
        if len(rows) < 2:
            return f"{head}: chưa đủ số liệu để so sánh."
        key = keys[0]
        (label_a, *vals_a), (label_b, *vals_b) = rows[0], rows[1]
        a, b = number(vals_a[0]), number(vals_b[0])

        def said(label: Cell, value: Cell) -> str:
            return f"{label} là {value_text(key, value)}" if value is not None else f"{label} chưa có số liệu"

        text = f"{_cap(_label(key))}: {said(label_b, b)}, {said(label_a, a)}"
        if a is not None and b is not None:
            diff = b - a
            word = "tăng" if diff > 0 else "giảm" if diff < 0 else "không đổi"
            if MEASURES[key].kind == "rate":
                text += f"; {word} {format_number(abs(diff), 1)} điểm phần trăm" if diff else "; không đổi"
            elif diff:
                change = f" ({format_percent(abs(diff) * 100 / a)})" if a else ""
                text += f"; {word} {format_number(abs(diff), 1 if MEASURES[key].kind == 'avg' else 0)}{change}"
            else:
                text += "; không đổi"
        filters = scope_text(Intent(intent.domain, filters=intent.filters)).split(", ", 1)
        scope = f" ({filters[1]})" if len(filters) > 1 else ""
        return text + scope + "."
    # grouped
    if not rows:
        return f"{head}: không có số liệu nào thỏa điều kiện."
    key = keys[0]
    dim = DIMENSION_LABELS.get(intent.group or "", "Nhóm").lower()

    def name(value: Cell) -> str:
        if intent.group == "month" and isinstance(value, str) and len(value) == 7:
            return f"tháng {int(value[5:])}/{value[:4]}"
        if intent.group == "trang_thai" and intent.domain == "phan_anh":
            return FEEDBACK_STATUS_LABELS.get(str(value), str(value))
        return category_labels.get(str(value), str(value))

    if intent.group == "month" and intent.order is None:
        values = [(r[0], figure) for r in rows if (figure := number(r[1])) is not None]
        hi = max(values, key=lambda v: v[1])
        lo = min(values, key=lambda v: v[1])
        return (f"{head}{note}: {_label(key)} theo tháng, cao nhất {name(hi[0])} ({value_text(key, hi[1])}), "
                f"thấp nhất {name(lo[0])} ({value_text(key, lo[1])}); chi tiết trong bảng và biểu đồ.")
    first = rows[0]
    word = "thấp nhất" if intent.order == "asc" else "cao nhất"
    text = (f"{head}{_asof_note(intent)}: {dim} có {_label(key)} {word} là {name(first[0])} "
            f"({value_text(key, first[1])})")
    if len(rows) > 1:
        text += "; tiếp theo: " + ", ".join(f"{name(r[0])} ({value_text(key, r[1])})" for r in rows[1:3])
    if len(rows) > 1 and rows[1][1] == first[1]:
        text += f". Lưu ý: {name(rows[1][0])} cũng bằng {value_text(key, first[1])}"
    return text + f"{note}."


def chart(intent: Intent | None, query: Query | None, rows: list[list[Cell]],
          labels: dict[str, str]) -> dict[str, object] | None:
    """An ECharts option for grouped, monthly and compared figures; None for a single figure."""
    if intent is None or query is None or query.kind not in ("group", "compare") or not rows:
        return None
    key = intent.measures[0]
    measure = MEASURES[key]
    if query.kind == "compare":
        names = [str(r[0]) for r in rows]
    elif intent.group == "month":
        names = [f"{str(r[0])[5:]}/{str(r[0])[:4]}" if r[0] else "" for r in rows]
    else:
        names = [labels.get(str(r[0]), str(r[0])) for r in rows]
    values = [None if (figure := number(r[1])) is None else round(float(figure), 2) for r in rows]
    line = intent.group == "month" and intent.order is None
    horizontal = not line and query.kind == "group" and max(len(n) for n in names) > 12
    category = {"type": "category", "data": names, "axisLabel": {"interval": 0, "width": 160, "overflow": "truncate"}}
    value_axis: dict[str, object] = {"type": "value", "name": "%" if measure.kind == "rate" else measure.unit}
    return {
        "title": {"text": measure.label, "left": "center", "textStyle": {"fontSize": 14}},
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 8, "right": 16, "bottom": 8, "top": 40, "containLabel": True},
        "xAxis": value_axis if horizontal else category,
        "yAxis": {**category, "inverse": True} if horizontal else value_axis,
        "series": [{"type": "line" if line else "bar", "name": measure.label, "data": values,
                    "label": {"show": len(values) <= 12, "position": "right" if horizontal else "top"}}],
    }
