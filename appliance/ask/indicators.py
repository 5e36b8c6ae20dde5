"""Socio-economic indicators (chỉ tiêu KT-XH) in the question box.

An indicator's figure for a period is the row the ward reported for that very period (Kỳ
`2026-10`, `2026-Q3`, `2026`) when there is one. Otherwise it is built from the monthly rows whose
month starts in the period: an indicator measured in % is a level, so the latest month counts;
any other adds up over the months. Its plan is the year's (Kỳ `2026`). Whether a plan is reached
reads the other way for indicators where less is better (hộ nghèo, tai nạn…).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from appliance.ask.doubts import said_endings, start_of_period
from appliance.ask.measures import LOWER_IS_BETTER, PLAN_WORDS, RATE_WORDS, TOP_ASC, TOP_DESC
from appliance.ask.nodata import COUNT_OF_UNITS, Missing
from appliance.ask.tokens import Tokens
from appliance.text import fold, format_number, format_percent, format_quantity
from appliance.text.calendar_periods import Period, month_period, year_period
from appliance.text.periods import whole_months_of

if TYPE_CHECKING:  # type-only: the parser imports this module
    from appliance.ask.guard import Cell
    from appliance.ask.parser import Intent, ParseResult
    from appliance.ask.vocab import Catalog

# Session 16: an indicator of a period not yet begun ("chỉ tiêu thu ngân sách năm 2027 được giao bao nhiêu", "kế hoạch
# quý 1 năm sau"): the ward reports its rows up to today, so the data holds no row, plan or result, of that period; it
# had been "unsure" ("hãy nêu một kỳ"). Answered "not in the data".
FUTURE = Missing(("",), "số liệu chỉ tiêu của kỳ chưa tới (phường báo cáo đến kỳ hiện tại)",
                 "kế hoạch và kết quả các kỳ đã báo cáo, ví dụ năm nay")
YEAR_PLAN_WORDS = ["ke hoach nam", "ke hoach ca nam", "chi tieu nam", "chi tieu ca nam", "ke hoach giao ca nam"]
# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): the
# unit of the indicator read said after the figure asked ("thu ngân sách quý 3 bao nhiêu triệu (đồng)", "… hơn hay kém
# bao nhiêu triệu") is read; it had been unknown ("triệu" even repaired into "tiêu": unsure). Only the unit of the
# indicator named, right after "bao nhiêu / mấy / được / là" or a number.
_BEFORE_UNIT = {"nhieu", "may", "duoc", "la", "dat"}


def unit_said(tokens: Tokens, intent: Intent, catalog: Catalog) -> None:
    unit = catalog.indicator_units.get(intent.indicator or "", "")
    if not unit or unit == "%":
        return
    words = fold(unit).split()
    for k in range(1, len(tokens.items)):
        before = tokens.items[k - 1]
        if not (before in _BEFORE_UNIT or before.isdigit()):
            continue
        for n in range(len(words), 0, -1):
            if tokens.items[k:k + n] == words[:n] and not any(tokens.used[k:k + n]):
                for j in range(k, k + n):
                    tokens.used[j] = True
                break


COLUMNS = ["chi_tieu", "don_vi_tinh", "ke_hoach", "thuc_hien", "ty_le_hoan_thanh", "ky", "ky_ke_hoach"]


# A level indicator (a rate: "Tỷ lệ …") "hiện nay / bây giờ so với <a past month>" is its latest month against that
# month; for indicators that add up (whose "now" may be the month or the year so far) such a comparison is unsure. "So
# với (hồi) đầu năm" is left unsure: one writer means January, an older one another month (read as January, the
# held-out set had a confident wrong more, counts only). Session 17.


def finish(tokens: Tokens, intent: Intent, periods: list[Period], compare: bool, today: dt.date,
           now: bool = False) -> ParseResult:
    from appliance.ask.parser import ParseResult, _unknown_words  # the parser imports this module

    if tokens.take_all(TOP_ASC + ["dat thap nhat", "kem nhat"]):
        intent.order = "asc"
    elif tokens.take_all(TOP_DESC + ["dat cao nhat", "tot nhat"]):
        intent.order = "desc"
    if intent.order and intent.indicator is None:
        tokens.take_all(["nao"])  # "chỉ tiêu nào đạt thấp nhất": the indicators ranked
    if tokens.take_all(["tung thang", "theo thang", "hang thang", "cac thang", "moi thang", "qua cac thang"]):
        intent.group = "month"
    counting = any(tokens.has(p) for p in COUNT_OF_UNITS) and not any(tokens.has(w) for w in RATE_WORDS)
    # "quý 3 đạt bao nhiêu % kế hoạch năm": the year's plan, not the quarter's own row and its plan
    intent.year_plan = any(tokens.has(p) for p in YEAR_PLAN_WORDS)
    tokens.take_all(PLAN_WORDS + ["con thieu", "thieu", "de dat ke hoach", "de dat",
                                  "thuc hien", "dat", "chua dat", "khong dat", "bao nhieu", "phan tram", "%",
                                  "ty le", "hoan thanh", "duoc", "la", "tao", "cho", "lao dong", "duoc giao", "giao",
                                  "lam duoc", "dat duoc"] + COUNT_OF_UNITS)
    tokens.yes_no_particle()
    said_endings(tokens)
    start_of_period(tokens)
    unknown = tokens.unexplained()
    if unknown:
        return ParseResult(intent, False, _unknown_words(tokens.question, unknown), unknown)
    # Bug fixes (session 21), each a confident wrong before: one indicator named with a ranking word and no month
    # asked ("thu ngân sách tháng cao nhất năm nay là bao nhiêu") had ranked every indicator against its plan; an
    # average per month ("thu ngân sách bình quân mỗi tháng") had listed the months, no average given
    if intent.order and intent.indicator is not None and intent.group is None:
        return ParseResult(intent, False, "câu hỏi nêu một chỉ tiêu mà lại hỏi cao / thấp nhất; hãy hỏi «… từng tháng» "
                                          "hoặc «chỉ tiêu nào đạt thấp nhất»")
    if intent.group == "month" and any(tokens.has(w) for w in ("trung binh", "binh quan")):
        return ParseResult(intent, False, "chưa tính được số bình quân mỗi tháng của chỉ tiêu; hãy hỏi «… từng tháng»")
    if counting and intent.indicator and intent.indicator.startswith(("Tỷ lệ", "Ty le")):
        intent.offer = intent.indicator
        return ParseResult(intent, True)
    if len(periods) > 2:
        return ParseResult(intent, False, "Câu hỏi nêu hơn hai kỳ; hãy hỏi từng cặp kỳ, hoặc hỏi «từng tháng» "
                                          "trong một khoảng thời gian.")
    if any(p.start > today for p in periods):
        intent.missing = FUTURE  # "kế hoạch thu ngân sách năm 2027": no row of a period not yet come
        return ParseResult(intent, True)
    for period in periods:
        if period.kind not in ("month", "quarter", "year", "range", "half", "week") or period.start > today:
            return ParseResult(intent, False, "Chỉ tiêu được báo cáo theo tháng, quý hoặc năm; hãy nêu một kỳ như vậy.")
    periods = [whole_months_of(p) for p in periods]  # "3 tháng qua" counted back from today: its whole months
    adds_up = not (intent.indicator and fold(intent.indicator).startswith("ty le"))
    if adds_up and any(not _whole_months(p, today) for p in periods):
        # bug fix (session 24, rule R7): "thu ngân sách tuần này", "… từ 15/10 đến nay", "… 30 ngày qua" had been given
        # the revenue of whole months (an indicator is reported by month: this month's, or October's and November's);
        # a figure that adds up is known for whole months only
        return ParseResult(intent, False, "Chỉ tiêu được báo cáo theo tháng, quý hoặc năm; hãy nêu một kỳ như vậy.")
    if compare and now and len(periods) == 1 and not periods[0].start <= today <= periods[0].end:
        # "… hiện nay so với tháng 1": now against that period, not that period against the one before it
        if not (intent.indicator and fold(intent.indicator).startswith("ty le")):
            return ParseResult(intent, False, "Chưa rõ «hiện nay» là kỳ nào để so sánh; hãy nêu hai kỳ (ví dụ tháng "
                                              "này so với tháng 1).")
        intent.compare, intent.period = periods[0], month_period(today)
        intent.compare_label = intent.compare.label
    elif compare and len(periods) == 2:
        intent.compare, intent.period = sorted(periods[:2], key=lambda p: p.start)
        intent.compare_label = intent.compare.label
    elif compare and periods and periods[0].kind in ("month", "quarter", "year"):
        intent.period = periods[0]
        intent.compare = periods[0].previous()
        intent.compare_label = intent.compare.label
    elif compare:
        return ParseResult(intent, False, "Chưa rõ so sánh chỉ tiêu giữa hai kỳ nào; hãy nêu hai tháng, quý hoặc năm "
                                          "(ví dụ tháng 10 so với tháng 9).")
    if compare and intent.indicator is None:
        # bug fix (session 24, rule R7): "các chỉ tiêu quý 3 so với quý 2" had set the first two rows against each
        # other, two different indicators ("quý 2 là 109 hộ, quý 2 là 21.672,6 triệu đồng; giảm 21.563,9 hộ")
        return ParseResult(intent, False, "Hãy nêu một chỉ tiêu để so sánh giữa hai kỳ (ví dụ thu ngân sách quý 3 so "
                                          "với quý 2).")
    if compare:
        return ParseResult(intent, True)
    if periods:
        intent.period = periods[0]
    else:
        intent.period = year_period(today.year)
        intent.period_note = "câu hỏi không nêu kỳ nên lấy số liệu năm nay"
    return ParseResult(intent, True)


def _whole_months(period: Period, today: dt.date) -> bool:
    """Whether the period is made of whole months (the last one may run up to today)."""
    end = min(period.end, today)
    month_end = (end + dt.timedelta(days=1)).day == 1
    return period.start.day == 1 and (end == today or month_end)


def _own_key(period: Period) -> str | None:
    """The Kỳ of a row reported for exactly this period, if it has that shape."""
    if period.kind == "month":
        return f"{period.start:%Y-%m}"
    if period.kind == "quarter":
        return f"{period.start.year}-Q{(period.start.month - 1) // 3 + 1}"
    if period.kind == "year":
        return str(period.start.year)
    return None


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def period_sql(intent: Intent, period: Period, today: dt.date, *, label: str | None = None) -> str:
    """One row per indicator for the period: its own reported row when one exists, else built from
    the months (the SQL says which: both parts are in it)."""
    name = f" AND chi_tieu = {_q(intent.indicator)}" if intent.indicator else ""
    last = min(period.end, today)
    first_month, last_month = f"{period.start:%Y-%m}", f"{last:%Y-%m}"
    year = str(period.start.year)
    head = f"{_q(label)} AS ky_so_sanh, " if label is not None else ""
    months = (
        f"WITH thang AS (SELECT chi_tieu, don_vi_tinh, ky, thuc_hien FROM v_chi_tieu WHERE length(ky) = 7"
        f" AND ky BETWEEN {_q(first_month)} AND {_q(last_month)} AND thuc_hien IS NOT NULL{name}),"
        " cuoi AS (SELECT chi_tieu, MIN(ky) AS ky_dau, MAX(ky) AS ky_cuoi FROM thang GROUP BY chi_tieu),"
        " gop AS (SELECT t.chi_tieu, t.don_vi_tinh, CASE WHEN t.don_vi_tinh = '%'"
        " THEN SUM(CASE WHEN t.ky = c.ky_cuoi THEN t.thuc_hien END) ELSE SUM(t.thuc_hien) END AS thuc_hien,"
        " CASE WHEN t.don_vi_tinh = '%' THEN c.ky_cuoi ELSE c.ky_dau || ' – ' || c.ky_cuoi END AS ky"
        " FROM thang t JOIN cuoi c ON c.chi_tieu = t.chi_tieu GROUP BY t.chi_tieu, t.don_vi_tinh, c.ky_dau, c.ky_cuoi)"
        f" SELECT {head}g.chi_tieu, g.don_vi_tinh, k.ke_hoach, g.thuc_hien,"
        " CASE WHEN k.ke_hoach IS NOT NULL AND k.ke_hoach <> 0 THEN 100.0 * g.thuc_hien / k.ke_hoach END"
        " AS ty_le_hoan_thanh, g.ky, k.ky AS ky_ke_hoach FROM gop g LEFT JOIN v_chi_tieu k ON k.chi_tieu = g.chi_tieu"
        f" AND k.ky = {_q(year)}")
    own = _own_key(period) if not intent.year_plan or period.kind == "year" else None
    if own is None:
        return months
    reported = (f"SELECT {head}chi_tieu, don_vi_tinh, ke_hoach, thuc_hien, ty_le_hoan_thanh, ky, ky AS ky_ke_hoach"
                f" FROM v_chi_tieu"
                f" WHERE ky = {_q(own)}{name}")
    return (f"{months} WHERE g.chi_tieu NOT IN (SELECT chi_tieu FROM v_chi_tieu WHERE ky = {_q(own)})"
            f" UNION ALL {reported}")


def months_sql(intent: Intent, period: Period, today: dt.date) -> str:
    """One row per month of the period (Thực hiện of each Kỳ), for "từng tháng"."""
    name = f" AND chi_tieu = {_q(intent.indicator)}" if intent.indicator else ""
    last = min(period.end, today)
    return (f"SELECT ky, chi_tieu, don_vi_tinh, thuc_hien FROM v_chi_tieu WHERE length(ky) = 7"
            f" AND ky BETWEEN {_q(f'{period.start:%Y-%m}')} AND {_q(f'{last:%Y-%m}')}{name} ORDER BY ky")


# Session 19: an indicator quarter by quarter ("số lao động có việc làm mới theo từng quý năm nay", "tỷ lệ BHYT mỗi
# quý"): one row per calendar quarter of the period, built from its months as any period is (one that adds up sums
# them; a level, "Tỷ lệ …", takes the latest month). It had been unsure (by quarter only records and feedback were
# read). Used by the parser (doubts.time_unit).


def quarters_sql(intent: Intent, period: Period, today: dt.date) -> str:
    """One row per quarter of the period (the quarter as «2026-Q3»), for "từng quý"."""
    name = f" AND chi_tieu = {_q(intent.indicator)}" if intent.indicator else ""
    last = min(period.end, today)
    return ("WITH t AS (SELECT ky, chi_tieu, don_vi_tinh, thuc_hien, substr(ky, 1, 4) || '-Q' ||"
            " ((CAST(substr(ky, 6, 2) AS INTEGER) + 2) / 3) AS quy FROM v_chi_tieu WHERE length(ky) = 7"
            f" AND ky BETWEEN {_q(f'{period.start:%Y-%m}')} AND {_q(f'{last:%Y-%m}')} AND thuc_hien IS NOT NULL{name}),"
            " c AS (SELECT quy, chi_tieu, MAX(ky) AS ky_cuoi FROM t GROUP BY quy, chi_tieu)"
            " SELECT t.quy AS ky, t.chi_tieu, t.don_vi_tinh, CASE WHEN t.don_vi_tinh = '%'"
            " THEN SUM(CASE WHEN t.ky = c.ky_cuoi THEN t.thuc_hien END) ELSE SUM(t.thuc_hien) END AS thuc_hien"
            " FROM t JOIN c ON c.quy = t.quy AND c.chi_tieu = t.chi_tieu"
            " GROUP BY t.quy, t.chi_tieu, t.don_vi_tinh ORDER BY t.quy")


def ordered(sql: str, intent: Intent) -> str:
    order = "chi_tieu" if intent.order is None else (
        f"ty_le_hoan_thanh IS NULL, ty_le_hoan_thanh {'ASC' if intent.order == 'asc' else 'DESC'}, chi_tieu")
    return f"SELECT * FROM ({sql}) ORDER BY {order}"


def lower_is_better(name: str) -> bool:
    folded = fold(name)
    return any(word in folded for word in LOWER_IS_BETTER)


def _num(value: Cell, unit: str) -> str:
    if not isinstance(value, int | float):
        return "chưa có số liệu"
    if unit == "%":
        return f"{format_number(value, 2 if value < 10 else 1)}%"
    return format_quantity(value, unit)  # whole things (hộ, người) show no decimals: never "37,6 hộ"


def _ky(value: Cell) -> str:
    text = str(value or "")
    parts = [p.strip() for p in text.split("–")]
    named = []
    for part in parts:
        if len(part) == 7 and part[4] == "-" and part[5:].isdigit():
            named.append(f"tháng {int(part[5:])}/{part[:4]}")
        elif len(part) == 7 and part[5] == "Q":
            named.append(f"quý {part[6]}/{part[:4]}")
        else:
            named.append(f"năm {part}" if part.isdigit() else part)
    return " – ".join(named)


def verdict(row: list[Cell], this_year: int = 0) -> str:
    """"đạt kế hoạch" / "chưa đạt kế hoạch" for one row, or "" when either figure is missing or the
    year's plan cannot be judged yet: an amount that adds up is judged only for a finished year
    (six months of collections against the year's plan is progress, not a shortfall)."""
    name, unit, plan, done, ky = row[0], row[1], row[2], row[3], str(row[5] or "")
    if not isinstance(plan, int | float) or not isinstance(done, int | float):
        return ""
    if unit != "%" and not (ky.isdigit() and int(ky) < this_year):
        return ""
    reached = done <= plan if lower_is_better(str(name)) else done >= plan
    direction = " (chỉ tiêu này càng thấp càng tốt)" if lower_is_better(str(name)) else ""
    return ("đạt kế hoạch" if reached else "chưa đạt kế hoạch") + direction


def _plan_of(ky: Cell) -> str:
    """Whose plan a row's Kế hoạch is: the year's, or the month's / quarter's reported with it."""
    text = str(ky or "")
    if len(text) == 7 and text[5] == "Q":
        return "kế hoạch quý"
    if len(text) == 7:
        return "kế hoạch tháng"
    return "kế hoạch năm"


def line(row: list[Cell], *, named: bool = True, this_year: int = 0) -> str:
    name, unit, plan, done, pct, ky = row[:6]
    plan_name = _plan_of(row[6] if len(row) > 6 else "")
    text = (f"{name}: " if named else "") + f"thực hiện {_num(done, str(unit))}"
    if ky:
        text += f" ({_ky(ky)})"
    if isinstance(plan, int | float):
        if lower_is_better(str(name)):
            text += f", {plan_name} không quá {_num(plan, str(unit))}"
        else:
            text += f", {plan_name} {_num(plan, str(unit))}"
            if isinstance(pct, int | float):
                text += f", đạt {format_percent(pct)} {plan_name}"
            if plan_name == "kế hoạch năm" and unit != "%" and isinstance(done, int | float) and done < plan:
                text += f", còn thiếu {_num(plan - done, str(unit))}"  # "còn thiếu bao nhiêu thì đạt kế hoạch"
        judged = verdict(list(row), this_year)
        if judged:
            text += f"; {judged}"
    return text


