"""The answer sentence (period and filters first, figures in Vietnamese style) and the chart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from appliance.ask import indicators, nodata
from appliance.ask.guard import Cell
from appliance.ask.measures import DIMENSION_LABELS
from appliance.ask.parser import Intent
from appliance.ask.sqlbuild import Query, covered_label
from appliance.ask.vocab import FEEDBACK_CHANNEL_LABELS, FEEDBACK_STATUS_LABELS
from appliance.reporting.measures import MEASURES
from appliance.text import format_number, format_percent, format_quantity

_FILTER_NAMES = {"linh_vuc": "lĩnh vực", "ten_thu_tuc": "thủ tục", "can_bo_xu_ly": "cán bộ",
                 "hinh_thuc_nop": "hình thức nộp", "trang_thai": "trạng thái", "kenh": "kênh", "ma_linh_vuc": "nhóm"}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def number(value: Cell) -> float | int | None:
    """A figure of the rules engine's SQL (whose columns are numbers where a figure is expected)."""
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def value_text(key: str, value: Cell) -> str:
    measure = MEASURES.get(key)
    if value is None:
        return "chưa có số liệu để tính" if measure is None or measure.kind != "rate" else (
            "không tính được (không có hồ sơ nào làm mẫu số)")
    if not isinstance(value, int | float):  # a name or a date that a model's SQL selected
        return value
    if measure is None:
        return format_number(value, 1 if isinstance(value, float) and value != int(value) else 0)
    if measure.kind == "rate":
        return format_percent(value)
    if measure.kind == "avg":
        return f"{format_number(value, 1)} ngày"
    return f"{format_number(value)} {measure.unit}"


def _shown(intent: Intent, column: str, value: object, labels: dict[str, str]) -> str:
    if column == "ma_linh_vuc":
        values = value if isinstance(value, list) else [value]
        return "«" + "», «".join(labels.get(str(v), str(v)) for v in values) + "»"
    values = value if isinstance(value, list) else [value]
    if intent.domain == "phan_anh" and column == "trang_thai":
        return ", ".join(FEEDBACK_STATUS_LABELS.get(str(v), str(v)) for v in values)
    if intent.domain == "phan_anh" and column == "kenh":
        return ", ".join(FEEDBACK_CHANNEL_LABELS.get(str(v), str(v)) for v in values)
    return ", ".join(str(v) for v in values)


def scope_text(intent: Intent, labels: dict[str, str] | None = None, today: dt.date | None = None) -> str:
    """"Tháng 10/2026, lĩnh vực Hộ tịch": what the figures cover."""
    labels = labels or {}
    at_a_day = all(MEASURES[m].basis == "asof" for m in intent.measures if m in MEASURES) and intent.measures
    if at_a_day and intent.asof and intent.group in ("quarter", "week") and intent.period is not None:
        unit = "quý" if intent.group == "quarter" else "tuần"  # sqlbuild_ends: a count at the end of each
        running = f" ({unit} đang chạy: đến ngày {intent.asof:%d/%m/%Y})" if intent.asof < intent.period.end else ""
        first = f"{intent.period.label}, tại ngày cuối mỗi {unit}{running}"
    elif at_a_day and intent.asof and intent.compare_asof is None:
        first = f"tính đến ngày {intent.asof:%d/%m/%Y}"
    elif intent.period:
        first = covered_label(intent.period, today) if today is not None else intent.period.label
    else:
        first = "toàn bộ phản ánh hiện có" if intent.domain == "phan_anh" else "toàn bộ hồ sơ hiện có"
    parts = [first]
    for column, value in intent.filters.items():
        parts.append(f"{_FILTER_NAMES.get(column, column)} {_shown(intent, column, value, labels)}")
    if intent.topic:
        parts.append(f"(dữ liệu không tách riêng «{intent.topic}»: số liệu là của cả nhóm)")
    if intent.indicator:
        parts.append(f"chỉ tiêu «{intent.indicator}»")
    return _cap(", ".join(parts))


def _label(key: str) -> str:
    measure = MEASURES.get(key)
    return measure.label.lower() if measure else key


def no_data(intent: Intent, indicators: Sequence[str] = ()) -> str:
    """What the data does not hold, and what it does; `indicators`: the names of the indicators this
    ward reports (the catalogue's), for a family whose nearest data is "the ward's indicators"."""
    if intent.offer:
        return (f"Dữ liệu của phường không có con số này (số người, số hộ): chỉ tiêu «{intent.offer}» chỉ được "
                "báo cáo dưới dạng tỷ lệ %. Anh/chị có thể hỏi tỷ lệ đó, ví dụ «" + intent.offer + " hiện nay».")
    missing = intent.missing
    assert missing is not None
    held = ", ".join(indicators) if indicators else "chưa có chỉ tiêu nào được nhập"
    return (f"Dữ liệu của hệ thống không có {missing.what}, nên không có con số để trả lời. "
            f"Dữ liệu hiện có: {missing.instead.replace(nodata.INDICATORS, held)}.")


def sentence(intent: Intent, query: Query, columns: list[str], rows: list[list[Cell]],
             category_labels: dict[str, str], today: dt.date | None = None, total: int | None = None,
             no_compare: str = "") -> str:
    """The answer in words. `no_compare`: why the earlier period of a comparison has no figure
    (it ends before the data begins): said instead of a change against a zero nobody counted."""
    head = scope_text(intent, category_labels, today)
    note = f" ({intent.period_note})" if intent.period_note else ""
    if query.kind.startswith("indicator") or query.kind == "months":
        return _indicator_sentence(intent, query, rows, head, today.year if today else 0)
    keys = intent.measures
    if query.kind == "list":
        shown = len(rows)
        count = total if total is not None else shown
        what = "phản ánh" if intent.domain == "phan_anh" else "hồ sơ"
        if not count:
            return f"{head}: không có {what} nào ({_label(keys[0])})."
        more = f"; bảng dưới liệt kê {shown} {what} đầu" if shown < count else "; danh sách trong bảng dưới"
        if intent.list_by:  # time_taken.list_by_time: say the order the table is in
            more += ", giải quyết " + ("lâu nhất trước" if intent.list_order == "desc" else "nhanh nhất trước")
        return f"{head}: {_label(keys[0])}: {format_number(count)} {what}{more}{note}."
    if query.kind == "scalar":
        row = rows[0] if rows else [None] * len(keys)
        bits = [f"{_label(k)}: {value_text(k, v)}" for k, v in zip(keys, row, strict=False)]
        if intent.period is None and keys in (["tiep_nhan"], ["pa_tiep_nhan"]):
            bits = [f"có {value_text(keys[0], row[0])}"]
        return f"{head}: " + "; ".join(bits) + f"{note}."
    if query.kind == "average":
        if not rows:
            return f"{head}: chưa có số liệu."
        avg, total_value, units = rows[0]
        unit = "tháng" if intent.per == "month" else "ngày"
        return (f"{head}: bình quân {format_number(number(avg), 1)} {MEASURES[keys[0]].unit} mỗi {unit} "
                f"({_label(keys[0])} tổng cộng {format_number(number(total_value))} trong {units} {unit}){note}.")
    if query.kind == "compare":
        return _compare_sentence(intent, keys[0], rows, category_labels, no_compare)
    return _grouped_sentence(intent, keys[0], rows, head, note, category_labels)


def _compare_sentence(intent: Intent, key: str, rows: list[list[Cell]], labels: dict[str, str],
                      no_compare: str = "") -> str:
    if len(rows) < 2:
        return "Chưa đủ số liệu để so sánh."
    (label_a, *vals_a), (label_b, *vals_b) = rows[0], rows[1]
    a, b = number(vals_a[0]), number(vals_b[0])

    def said(label: Cell, value: Cell) -> str:
        return f"{label}: {value_text(key, value)}"

    text = f"{_cap(_label(key))} {said(label_b, b)}; so với {said(label_a, a)}"
    if no_compare:
        text = f"{_cap(_label(key))} {said(label_b, b)}; {label_a}: {no_compare}"
    elif a is not None and b is not None:
        diff = b - a
        if MEASURES[key].kind != "count" and round(diff, 1) == 0:
            diff = 0  # shown to one decimal: a change too small to show is no change
        word = "tăng" if diff > 0 else "giảm" if diff < 0 else "không đổi"
        if MEASURES[key].kind == "rate":
            text += f"; {word} {format_number(abs(diff), 1)} điểm phần trăm" if diff else "; không đổi"
        elif diff:
            change = f" ({format_percent(abs(diff) * 100 / a)})" if a else ""
            text += f"; {word} {format_number(abs(diff), 1 if MEASURES[key].kind == 'avg' else 0)}{change}"
            if MEASURES[key].kind == "avg":
                text += " — giải quyết " + ("chậm hơn" if diff > 0 else "nhanh hơn")
        else:
            text += "; không đổi"
        if intent.times and a:
            text += f"; bằng {format_number(b / a, 2)} lần"
    filters = scope_text(Intent(intent.domain, filters=intent.filters, topic=intent.topic), labels).split(", ", 1)
    scope = f" ({filters[1]})" if len(filters) > 1 else ""
    return text + scope + "."


def time_group_name(group: str, value: Cell) -> str:
    """"2026-Q3" → "quý 3/2026"; a week's first day "2026-10-05" → "tuần từ 05/10/2026"."""
    text = str(value or "")
    if group == "quarter" and len(text) == 7 and text[5] == "Q":
        return f"quý {text[6]}/{text[:4]}"
    if group == "week" and len(text) == 10:
        return f"tuần từ {text[8:]}/{text[5:7]}/{text[:4]}"
    return text


def _grouped_sentence(intent: Intent, key: str, rows: list[list[Cell]], head: str, note: str,
                      labels: dict[str, str]) -> str:
    if not rows:
        return f"{head}: không có số liệu nào thỏa điều kiện."
    dim = DIMENSION_LABELS.get(intent.group or "", "Nhóm").lower()

    def name(value: Cell) -> str:
        if intent.group in ("quarter", "week"):
            return time_group_name(intent.group, value)
        if intent.group == "month" and isinstance(value, str) and len(value) == 7:
            return f"tháng {int(value[5:])}/{value[:4]}"
        if intent.group == "trang_thai" and intent.domain == "phan_anh":
            return FEEDBACK_STATUS_LABELS.get(str(value), str(value))
        if intent.group == "kenh":
            return FEEDBACK_CHANNEL_LABELS.get(str(value), str(value))
        return labels.get(str(value), str(value))

    if intent.group in ("month", "quarter", "week") and intent.order is None:
        values = [(r[0], figure) for r in rows if (figure := number(r[1])) is not None]
        if not values:
            return f"{head}{note}: chưa có số liệu."
        hi = max(values, key=lambda v: v[1])
        lo = min(values, key=lambda v: v[1])
        unit = {"month": "tháng", "quarter": "quý", "week": "tuần"}[intent.group]
        return (f"{head}{note}: {_label(key)} theo {unit}, cao nhất {name(hi[0])} ({value_text(key, hi[1])}), "
                f"thấp nhất {name(lo[0])} ({value_text(key, lo[1])}); chi tiết trong bảng và biểu đồ.")
    first = rows[0]
    word = "thấp nhất" if intent.order == "asc" else "cao nhất"
    if MEASURES[key].kind == "avg":
        word = "nhanh nhất (ít ngày nhất)" if intent.order == "asc" else "chậm nhất (nhiều ngày nhất)"
    # "thủ tục có trễ hạn cao nhất" read as broken Vietnamese for most measures: the ranking names its measure
    text = f"{head}: xếp {dim} theo «{MEASURES[key].label}», {word} là {name(first[0])} ({value_text(key, first[1])})"
    if len(rows) > 1:
        text += "; tiếp theo: " + ", ".join(f"{name(r[0])} ({value_text(key, r[1])})" for r in rows[1:3])
    if len(rows) > 1 and rows[1][1] == first[1]:
        text += f". Lưu ý: {name(rows[1][0])} cũng bằng {value_text(key, first[1])}"
    return text + f"{note}."


def _indicator_sentence(intent: Intent, query: Query, rows: list[list[Cell]], head: str, year: int) -> str:
    if not rows:
        return f"{head}: chưa có số liệu chỉ tiêu cho kỳ này."
    note = f" ({intent.period_note})" if intent.period_note else ""
    if query.kind == "months":
        unit = "quý" if intent.group == "quarter" else "tháng"
        parts = [f"{unit} {int(str(r[0])[5:].lstrip('Q'))}/{str(r[0])[:4]}: {format_quantity(number(r[3]), str(r[2]))}"
                 for r in rows[:12]]
        return f"{head}: thực hiện từng {unit} — " + "; ".join(parts) + "."
    if query.kind == "indicator_compare":
        if len(rows) < 2:
            return f"{head}: chưa đủ số liệu để so sánh hai kỳ."
        a, b = rows[0], rows[1]
        va, vb = number(a[4]), number(b[4])
        text = (f"{head}: thực hiện {b[0]} là {format_quantity(vb, str(b[2]))}, "
                f"{a[0]} là {format_quantity(va, str(a[2]))}")
        if va is not None and vb is not None:
            diff = vb - va
            if round(diff, 1) == 0:
                diff = 0  # shown to one decimal: "giảm 0,0 điểm phần trăm" between two equal figures is no change
            word = "tăng" if diff > 0 else "giảm" if diff < 0 else "không đổi"
            unit = "điểm phần trăm" if b[2] == "%" else str(b[2])
            text += f"; {word} {format_number(abs(diff), 1)} {unit}" if diff else "; không đổi"
        return text + "."
    if intent.order and rows[0][4] is not None:
        best = rows[0]
        word = "thấp nhất" if intent.order == "asc" else "cao nhất"
        return (f"{head}{note}: chỉ tiêu đạt {word} so với kế hoạch là {indicators.line(best, this_year=year)}; "
                "các chỉ tiêu khác trong bảng.")
    if intent.indicator and len(rows) == 1:
        return f"{head}{note}: " + indicators.line(rows[0], named=False, this_year=year) + "."
    lines = [indicators.line(r, this_year=year) for r in rows[:5]]
    more = f" (và {len(rows) - 5} chỉ tiêu khác trong bảng)" if len(rows) > 5 else ""
    return f"{head}{note}: " + "; ".join(lines) + more + "."


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
    elif intent.group in ("quarter", "week"):
        names = [time_group_name(intent.group, r[0]) for r in rows]
    else:
        names = [labels.get(str(r[0]), str(r[0])) for r in rows]
    values = [None if (figure := number(r[1])) is None else round(float(figure), 2) for r in rows]
    line = intent.group in ("month", "quarter", "week") and intent.order is None
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
