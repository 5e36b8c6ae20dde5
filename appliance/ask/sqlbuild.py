"""Intent → one SELECT over the reporting views. Literals are inlined (quoted) so the SQL shown
under "Cách tính" is exactly what ran and can be pasted into any SQLite client."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from appliance.ask.measures import DIMENSION_LABELS
from appliance.ask.parser import Intent
from appliance.reporting.measures import ASOF, MEASURES, Measure
from appliance.text.periods import Period


def q(value: object) -> str:
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


@dataclass
class Query:
    sql: str
    columns: list[str]
    kind: str  # scalar | group | compare | average | indicator


def scope(measure: Measure, period: Period | None, asof: dt.date) -> str:
    """The rows a measure counts, over the period (or as of `asof`), as the WHERE clause holds them."""
    basis = measure.scope
    rows = basis.scope(q(asof.isoformat()))
    parts = [rows] if rows else []
    if measure.basis == "asof":
        parts.append(f"{basis.date} <= {q(asof.isoformat())}")
    elif period is not None:
        parts.append(f"{basis.date} BETWEEN {q(period.start.isoformat())} AND {q(period.end.isoformat())}")
    return " AND ".join(parts) or "1 = 1"


def _cond(measure: Measure, asof: dt.date) -> str | None:
    """The counted rows (or a rate's numerator) within the scope: the view's flag when it has one."""
    if measure.flag:
        return f"{measure.flag} = 1"
    if measure.cond:
        return measure.cond.replace(ASOF, q(asof.isoformat()))
    return None


def expression(measure: Measure, asof: dt.date, within: str | None = None) -> str:
    """The aggregate for one measure; `within` is its scope when the WHERE clause cannot hold it."""
    cond = _cond(measure, asof)

    def count(extra: str | None) -> str:
        test = " AND ".join(p for p in (within, extra) if p)
        if not test:
            return "COUNT(*)"
        return f"COUNT(CASE WHEN {test} THEN 1 END)"  # 0, not NULL, over no rows

    if measure.kind == "count":
        return count(cond)
    if measure.kind == "rate":
        return f"100.0 * {count(cond)} / NULLIF({count(None)}, 0)"
    column = measure.column
    return f"AVG({column})" if within is None else f"AVG(CASE WHEN {within} THEN {column} END)"


def _filters(intent: Intent) -> list[str]:
    return [f"{column} = {q(value)}" for column, value in intent.filters.items()]


def _select(intent: Intent, period: Period | None, today: dt.date,
            label: str | None = None) -> tuple[str, list[str]]:
    measures = [MEASURES[m] for m in intent.measures]
    asof = min(period.end, today) if period is not None else today
    scopes = [scope(m, period, asof) for m in measures]
    shared = len(set(scopes)) == 1
    exprs, columns = [], []
    if label is not None:
        exprs.append(f"{q(label)} AS ky")
        columns.append("ky")
    group_col = None
    if intent.group:
        group_col = measures[0].scope.month if intent.group == "month" else intent.group
        exprs.append(group_col)
        columns.append(group_col)
    where = [scopes[0]] if shared else ["(" + " OR ".join(f"({s})" for s in dict.fromkeys(scopes)) + ")"]
    single = shared and len(measures) == 1 and measures[0].kind == "count" and not intent.group
    if single and (cond := _cond(measures[0], asof)):
        # One count: its condition filters rows (and lets SQLite use an index) instead of a CASE.
        where.append(cond)
        exprs.append(f"COUNT(*) AS {measures[0].key}")
        columns.append(measures[0].key)
    else:
        for m in measures:
            exprs.append(f"{expression(m, asof, None if shared else scope(m, period, asof))} AS {m.key}")
            columns.append(m.key)
    where += _filters(intent)
    if len(where) > 1 and where[0] == "1 = 1":
        where = where[1:]
    sql = f"SELECT {', '.join(exprs)} FROM {measures[0].view} WHERE {' AND '.join(where)}"
    if group_col:
        sql += f" GROUP BY {group_col}"
        first = measures[0].key
        if intent.group == "month" and intent.order is None:
            sql += f" ORDER BY {group_col}"  # a trend reads in time order, every month kept
        else:
            sql += f" ORDER BY {first} {'ASC' if intent.order == 'asc' else 'DESC'}, {group_col}"
        if intent.limit:
            sql += f" LIMIT {int(intent.limit)}"
    return sql, columns


def months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def build(intent: Intent, today: dt.date) -> Query:
    if intent.domain == "chi_tieu":
        return _indicator(intent)
    if intent.group:
        measures = [m for m in intent.measures if MEASURES[m].basis == MEASURES[intent.measures[0]].basis]
        intent.measures = measures
    if intent.compare is not None and intent.period is not None:
        first, columns = _select(intent, intent.period, today, intent.period.label)
        second, _ = _select(intent, intent.compare, today, intent.compare.label)
        return Query(f"{first} UNION ALL {second}", columns, "compare")
    sql, columns = _select(intent, intent.period, today)
    if intent.per and intent.period is not None:
        end = min(intent.period.end, today)
        units = (months_between(intent.period.start, end) if intent.per == "month"
                 else (end - intent.period.start).days + 1)
        key = intent.measures[0]
        sql = f"SELECT t.{key} * 1.0 / {units} AS binh_quan, t.{key} AS tong, {units} AS so_ky FROM ({sql}) AS t"
        return Query(sql, ["binh_quan", "tong", "so_ky"], "average")
    return Query(sql, columns, "group" if intent.group else "scalar")


def _indicator(intent: Intent) -> Query:
    period = intent.period
    assert period is not None
    if period.kind == "month":
        ky = f"{period.start:%Y-%m}"
    elif period.kind == "quarter":
        ky = f"{period.start.year}-Q{(period.start.month - 1) // 3 + 1}"
    else:
        ky = str(period.start.year)
    where = [f"ky = {q(ky)}"]
    if intent.indicator:
        where.append(f"chi_tieu = {q(intent.indicator)}")
    order = "chi_tieu" if intent.order is None else (
        f"ty_le_hoan_thanh IS NULL, ty_le_hoan_thanh {'ASC' if intent.order == 'asc' else 'DESC'}, chi_tieu")
    sql = ("SELECT chi_tieu, don_vi_tinh, ke_hoach, thuc_hien, ty_le_hoan_thanh FROM v_chi_tieu WHERE "
           + " AND ".join(where) + f" ORDER BY {order}")
    return Query(sql, ["chi_tieu", "don_vi_tinh", "ke_hoach", "thuc_hien", "ty_le_hoan_thanh"], "indicator")


COLUMN_LABELS = {**DIMENSION_LABELS, "ky": "Kỳ", "binh_quan": "Bình quân", "tong": "Tổng", "so_ky": "Số kỳ",
                 "chi_tieu": "Chỉ tiêu", "don_vi_tinh": "Đơn vị tính", "ke_hoach": "Kế hoạch",
                 "thuc_hien": "Thực hiện", "ty_le_hoan_thanh": "% hoàn thành",
                 "thang_tiep_nhan": "Tháng", "thang_tra_ket_qua": "Tháng",
                 **{k: m.label for k, m in MEASURES.items()}}
