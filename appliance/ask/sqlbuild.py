"""Intent → one SELECT over the reporting views. Literals are inlined (quoted) so the SQL shown
under "Cách tính" is exactly what ran and can be pasted into any SQLite client.

Every measure's rows and condition come from the reporting layer's table of measures; a count
"as of" a day uses the day the parser set (min(period end, today)), a period's flow measures
never look past today either."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from appliance.ask import indicators, sqlbuild_ends
from appliance.ask.measures import DIMENSION_LABELS
from appliance.ask.parser import Intent
from appliance.reporting.measures import MEASURES, Measure
from appliance.text.calendar_periods import Period

LIST_CAP = 50  # records shown in an answer; the link opens the full list
RECORD_COLUMNS = ["ma_ho_so", "ten_thu_tuc", "linh_vuc", "can_bo_xu_ly", "ngay_tiep_nhan", "han_xu_ly",
                  "ngay_tra_ket_qua", "trang_thai", "hinh_thuc_nop"]
FEEDBACK_COLUMNS = ["ma_phan_anh", "linh_vuc", "don_vi_xu_ly", "ngay_tiep_nhan", "han_xu_ly", "trang_thai", "kenh"]


def q(value: object) -> str:
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


@dataclass
class Query:
    sql: str
    columns: list[str]
    kind: str  # scalar | group | compare | average | indicator | indicator_compare | months | list
    count_sql: str = ""  # a list: how many rows match in all


def scope(measure: Measure, period: Period | None, asof: dt.date) -> str:
    """The rows a measure counts, over the period (or as of `asof`), as the WHERE clause holds them."""
    basis = measure.scope
    rows = basis.scope(q(asof.isoformat()))
    parts = [rows] if rows else []
    if measure.basis == "asof":
        parts.append(f"{basis.date} <= {q(asof.isoformat())}")
    elif period is not None:
        last = min(period.end, asof) if period.start <= asof else period.end
        parts.append(f"{basis.date} BETWEEN {q(period.start.isoformat())} AND {q(last.isoformat())}")
    return " AND ".join(parts) or "1 = 1"


def _cond(measure: Measure, asof: dt.date) -> str | None:
    """The counted rows (or a rate's numerator) within the scope: the view's flag when it has one."""
    if measure.flag:
        return f"{measure.flag} = 1"
    if measure.cond:
        return measure.cond_sql(q(asof.isoformat()))
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


def filters_sql(intent: Intent) -> list[str]:
    out = []
    for column, value in intent.filters.items():
        if isinstance(value, list):
            out.append(f"{column} IN ({', '.join(q(v) for v in value)})")
        else:
            out.append(f"{column} = {q(value)}")
    return out


# Figures by quarter or week (understand.TIME_GROUPS): the column each row is named by. A quarter is
# "2026-Q3"; a week is named by its first day within the period (Monday, or the period's first day when the week
# began before it: "2026-10-01" for 01–04/10).
TIME_GROUP_COLUMNS = {"quarter": "quy", "week": "tuan"}


def time_group(group: str, measure: Measure, period: Period | None) -> str:
    if group == "quarter":
        month = measure.scope.month
        return f"substr({month}, 1, 4) || '-Q' || ((CAST(substr({month}, 6, 2) AS INTEGER) + 2) / 3)"
    monday = f"date({measure.scope.date}, 'weekday 0', '-6 days')"
    return f"max({monday}, {q(period.start.isoformat())})" if period is not None else monday


def _asof(intent: Intent, period: Period | None, today: dt.date) -> dt.date:
    if intent.asof is not None and period is intent.period:
        return intent.asof
    return min(period.end, today) if period is not None else today


def _select(intent: Intent, period: Period | None, today: dt.date, label: str | None = None,
            asof: dt.date | None = None, label_column: str = "ky") -> tuple[str, list[str]]:
    measures = [MEASURES[m] for m in intent.measures]
    asof = asof or _asof(intent, period, today)
    scopes = [scope(m, period, asof) for m in measures]
    shared = len(set(scopes)) == 1
    exprs, columns = [], []
    if label is not None:
        exprs.append(f"{q(label)} AS {label_column}")
        columns.append(label_column)
    group_col = None
    if intent.group in TIME_GROUP_COLUMNS:
        group_col = TIME_GROUP_COLUMNS[intent.group]
        exprs.append(f"{time_group(intent.group, measures[0], period)} AS {group_col}")
        columns.append(group_col)
    elif intent.group:
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
    where += filters_sql(intent)
    if len(where) > 1 and where[0] == "1 = 1":
        where = where[1:]
    sql = f"SELECT {', '.join(exprs)} FROM {measures[0].view} WHERE {' AND '.join(where)}"
    if group_col:
        sql += f" GROUP BY {group_col}"
        first = measures[0].key
        if intent.group in ("month", *TIME_GROUP_COLUMNS) and intent.order is None:
            sql += f" ORDER BY {group_col}"  # a trend reads in time order, every month kept
        else:
            sql += f" ORDER BY {first} IS NULL, {first} {'ASC' if intent.order == 'asc' else 'DESC'}, {group_col}"
        if intent.limit:
            sql += f" LIMIT {int(intent.limit)}"
    return sql, columns


def months_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def build(intent: Intent, today: dt.date) -> Query:
    if intent.domain == "chi_tieu":
        return _indicator(intent, today)
    if intent.listing:
        return _listing(intent, today)
    if intent.group:
        measures = [m for m in intent.measures if MEASURES[m].basis == MEASURES[intent.measures[0]].basis]
        intent.measures = measures
    if (intent.group in TIME_GROUP_COLUMNS and intent.period is not None
            and all(MEASURES[m].basis == "asof" for m in intent.measures)):
        # a count at the end of each quarter (week): one SELECT per end, in time order
        alone = replace(intent, group=None)
        parts = [_select(alone, None, today, label, day, TIME_GROUP_COLUMNS[intent.group])
                 for label, day in sqlbuild_ends.bucket_ends(intent.group, intent.period, _asof(intent, intent.period,
                                                                                                    today))]
        return Query(" UNION ALL ".join(sql for sql, _ in parts), parts[0][1], "group")
    if intent.compare_asof is not None and intent.asof is not None:
        first, columns = _select(intent, None, today, f"tính đến {intent.compare_asof:%d/%m/%Y}", intent.compare_asof)
        second, _ = _select(intent, None, today, f"tính đến {intent.asof:%d/%m/%Y}", intent.asof)
        return Query(f"{first} UNION ALL {second}", columns, "compare")
    if intent.compare is not None and intent.period is not None:
        earlier, later = intent.compare, intent.period
        first, columns = _select(intent, earlier, today, intent.compare_label or earlier.label,
                                 min(earlier.end, today))
        second, _ = _select(intent, later, today, covered_label(later, today))
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


def covered_label(period: Period, today: dt.date) -> str:
    """A period's label, saying up to which day it is counted while it runs."""
    if period.start <= today < period.end:
        return f"{period.label.split(' (')[0]} (đến {today:%d/%m/%Y})"
    return period.label


def _listing(intent: Intent, today: dt.date) -> Query:
    """The records (or feedback) a figure counts, capped; `count_sql` gives how many in all."""
    measure = MEASURES[intent.measures[0]]
    if measure.kind == "rate":
        measure = MEASURES[measure.of]  # a rate's list is its numerator's rows
    asof = _asof(intent, intent.period, today)
    where = [scope(measure, intent.period, asof)]
    cond = _cond(measure, asof)
    if cond:
        where.append(cond)
    where += filters_sql(intent)
    if len(where) > 1 and where[0] == "1 = 1":
        where = where[1:]
    columns = RECORD_COLUMNS if measure.domain == "ho_so" else FEEDBACK_COLUMNS
    clause = " AND ".join(where)
    direction = "ASC" if intent.list_order == "asc" else "DESC"
    key = columns[0]
    first = (f"{intent.list_by} {direction}, ngay_tiep_nhan" if intent.list_by == "so_ngay_xu_ly"
             else "ngay_tiep_nhan")
    sql = (f"SELECT {', '.join(columns)} FROM {measure.view} WHERE {clause}"
           f" ORDER BY {first} {direction}, {key} LIMIT {int(intent.limit or LIST_CAP)}")
    return Query(sql, list(columns), "list", f"SELECT COUNT(*) AS so_luong FROM {measure.view} WHERE {clause}")


def _indicator(intent: Intent, today: dt.date) -> Query:
    assert intent.period is not None
    if intent.group == "month":
        return Query(indicators.months_sql(intent, intent.period, today), ["ky", "chi_tieu", "don_vi_tinh",
                                                                           "thuc_hien"], "months")
    if intent.group == "quarter":
        return Query(indicators.quarters_sql(intent, intent.period, today), ["ky", "chi_tieu", "don_vi_tinh",
                                                                             "thuc_hien"], "months")
    if intent.compare is not None:
        first = indicators.period_sql(intent, intent.compare, today, label=intent.compare.label)
        second = indicators.period_sql(intent, intent.period, today, label=intent.period.label)
        sql = f"SELECT * FROM ({first}) UNION ALL SELECT * FROM ({second})"
        return Query(sql, ["ky_so_sanh", *indicators.COLUMNS], "indicator_compare")
    sql = indicators.ordered(indicators.period_sql(intent, intent.period, today), intent)
    return Query(sql, list(indicators.COLUMNS), "indicator")


COLUMN_LABELS = {**DIMENSION_LABELS, "ky": "Kỳ", "binh_quan": "Bình quân", "tong": "Tổng", "so_ky": "Số kỳ",
                 "chi_tieu": "Chỉ tiêu", "don_vi_tinh": "Đơn vị tính", "ke_hoach": "Kế hoạch",
                 "thuc_hien": "Thực hiện", "ty_le_hoan_thanh": "% kế hoạch", "ky_so_sanh": "Kỳ so sánh",
                 "ky_ke_hoach": "Kỳ kế hoạch",
                 "thang_tiep_nhan": "Tháng", "thang_tra_ket_qua": "Tháng", "ma_ho_so": "Mã hồ sơ",
                 "ten_thu_tuc": "Thủ tục", "ngay_tiep_nhan": "Ngày tiếp nhận", "gio_tiep_nhan": "Giờ tiếp nhận",
                 "han_xu_ly": "Hạn xử lý",
                 "ngay_tra_ket_qua": "Ngày trả kết quả", "ma_phan_anh": "Mã phản ánh", "kenh": "Kênh",
                 **{k: m.label for k, m in MEASURES.items()}}
