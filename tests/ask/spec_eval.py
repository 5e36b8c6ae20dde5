"""The leaders' evaluation sets written from the KPI definitions only (tests/ask/heldout: blind and
never tuned on; tests/ask/dev: for development), asked of the question box and graded against
`spec_reference.Truth`.

Verdicts: right (the figures, list or ranking match the truth; for a question the data cannot answer,
an answer saying so), unsure (the honest "not sure": no figure given), wrong (a figure, list or
ranking that does not match, or a figure given where the data holds none). Cases marked
`acceptable_unsure` count an "unsure" as right: their writer accepted asking back.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from appliance.ask.service import AskResult, answer_question
from appliance.text import fold
from tests.ask.spec_reference import (
    FEEDBACK_STATUS,
    LEVEL_INDICATORS,
    Row,
    Rows,
    Span,
    Truth,
    Value,
    bucket,
    bucket_key,
    ids,
    one_decimal,
)

HERE = Path(__file__).parent
HELDOUT = HERE / "heldout" / "leader_questions.toml"
DEV = HERE / "dev" / "leader_questions.toml"
TODAY = dt.date(2026, 11, 20)  # the sets' reference date (their header)
Verdict = Literal["right", "unsure", "wrong"]

# The question box's column names (AskResult.keys) → the measure names of the sets.
PRODUCT_KEYS = {
    "tiep_nhan": "tiep_nhan", "da_giai_quyet": "da_giai_quyet", "dung_han": "dung_han", "tre_han": "tre_han",
    "truc_tuyen": "truc_tuyen", "tu_choi": "tu_choi", "ty_le_dung_han": "ty_le_dung_han",
    "ty_le_tre_han": "ty_le_tre_han", "ty_le_truc_tuyen": "ty_le_truc_tuyen",
    "qua_han": "qua_han_chua_giai_quyet", "chua_giai_quyet": "dang_giai_quyet",
    "so_ngay_tb": "thoi_gian_giai_quyet_tb", "pa_tiep_nhan": "phan_anh_so_luong",
    "pa_chua_xu_ly": "phan_anh_chua_xu_ly", "pa_qua_han": "phan_anh_qua_han",
    "thuc_hien": "chi_tieu_thuc_hien", "ke_hoach": "chi_tieu_ke_hoach", "ty_le_hoan_thanh": "chi_tieu_ty_le_ke_hoach",
}
ID_KEYS = ("ma_ho_so", "ma_phan_anh")


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    kind: str
    measures: tuple[str, ...] = ()
    period: Span | None = None
    as_of: dt.date | None = None
    compare_to: Span | None = None
    compare_as_of: dt.date | None = None
    filters: dict[str, Any] = field(default_factory=dict)
    group_by: str | None = None
    order: str | None = None
    top: int | None = None
    order_by: str | None = None
    acceptable_unsure: bool = False
    compare_filters: dict[str, Any] = field(default_factory=dict)


def _span(raw: object) -> Span | None:
    if not raw:
        return None
    if not isinstance(raw, list | tuple) or len(raw) != 2:
        raise ValueError(f"a period is [from, to]: {raw!r}")
    return dt.date.fromisoformat(str(raw[0])), dt.date.fromisoformat(str(raw[1]))


def _day(raw: object) -> dt.date | None:
    return dt.date.fromisoformat(str(raw)) if raw else None


def load(path: Path) -> list[Case]:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)["case"]
    cases = []
    for c in raw:
        measures = tuple(c.get("measures") or ([c["measure"]] if "measure" in c else []))
        cases.append(Case(c["id"], c["question"], c["kind"], measures, _span(c.get("period")), _day(c.get("as_of")),
                          _span(c.get("compare_to")), _day(c.get("compare_as_of")), dict(c.get("filters", {})),
                          c.get("group_by"), c.get("order"), c.get("top"), c.get("order_by"),
                          bool(c.get("acceptable_unsure", False)), dict(c.get("compare_filters", {}))))
    return cases


def shown(value: object, measure: str) -> object:
    """A figure as the answer shows it: rates and averages to one decimal."""
    if isinstance(value, float) and (measure.startswith("ty_le") or measure in (
            "thoi_gian_giai_quyet_tb", "chi_tieu_ty_le_ke_hoach")):
        return one_decimal(value)
    return value


def same(got: object, want: Value, measure: str) -> bool:
    if want is None:
        return got is None
    if not isinstance(got, int | float) or isinstance(got, bool):
        return False
    if measure.startswith("ty_le") or measure in ("thoi_gian_giai_quyet_tb", "chi_tieu_ty_le_ke_hoach"):
        return one_decimal(float(got)) == want
    if measure.startswith("chi_tieu_"):
        return abs(float(got) - float(want)) < 0.05
    return float(got) == float(want)


# A count received with the channel filtered to online is the online count (session 8's writer asks
# "nhận bao nhiêu hồ sơ nộp online" with measure truc_tuyen): the measure, the filter that makes it.
SAME_AS_FILTERED = {"truc_tuyen": ("tiep_nhan", "hinh_thuc_nop = 'Trực tuyến'")}


def _column(result: AskResult, measure: str) -> int | None:
    for k, key in enumerate(result.keys):
        if PRODUCT_KEYS.get(key) == measure:
            return k
    if measure in SAME_AS_FILTERED:
        base, condition = SAME_AS_FILTERED[measure]
        if condition in result.sql:
            return _column(result, base)
    return None


@dataclass
class Graded:
    case: Case
    verdict: Verdict
    note: str
    answer: str


class Grader:
    def __init__(self, db: Path, today: dt.date = TODAY):
        self.db = db
        self.today = today
        self.truth = Truth(Rows.read(db))
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            self.category_of = {label: code for code, label in conn.execute(
                "SELECT category, label FROM feedback_routing")}
        finally:
            conn.close()

    def ask(self, case: Case) -> Graded:
        result = answer_question(self.db, case.question, today=self.today, use_llm=False)
        verdict, note = self.grade(case, result)
        if verdict == "unsure" and case.acceptable_unsure:
            verdict, note = "right", "không chắc (được chấp nhận cho câu này)"
        return Graded(case, verdict, note, result.answer)

    # --- grading -------------------------------------------------------------------------------------
    def grade(self, case: Case, result: AskResult) -> tuple[Verdict, str]:
        if case.kind == "not_in_data":
            if result.status == "no_data":
                return "right", ""
            if result.status == "ok" and result.rows:
                return "wrong", f"đưa ra số liệu: {result.rows[:2]}"
            return "unsure", result.status
        if result.status == "no_data":
            return "wrong", "nói không có số liệu nhưng dữ liệu có"
        if result.status != "ok":
            return "unsure", result.status
        grade = {"value": self._value, "compare": self._compare, "breakdown": self._breakdown,
                 "list": self._list}[case.kind]
        return grade(case, result)

    def _value(self, case: Case, result: AskResult) -> tuple[Verdict, str]:
        if not result.rows:
            return "wrong", "không có dòng kết quả"
        row = self._row_for(case, result)
        for m in case.measures:
            want = self.truth.value(m, case.period, case.as_of, case.filters)
            col = _column(result, m)
            if col is None:
                return "wrong", f"thiếu {m} (có {result.keys})"
            if not same(row[col], want, m):
                return "wrong", f"{m}: {row[col]} ≠ {want}"
        return self._verdict_words(case, result)

    def _row_for(self, case: Case, result: AskResult) -> list[Any]:
        """An indicator answer may hold several indicators: the row of the one asked about."""
        name = case.filters.get("chi_tieu")
        if name and "chi_tieu" in result.keys:
            k = result.keys.index("chi_tieu")
            for row in result.rows:
                if row[k] == name:
                    return row
        return result.rows[0]

    def _verdict_words(self, case: Case, result: AskResult) -> tuple[Verdict, str]:
        """Whether an indicator reached its plan, when the answer says so: lower is better for hộ nghèo."""
        name = case.filters.get("chi_tieu")
        if not name or "chi_tieu_ke_hoach" not in case.measures or case.period is None:
            return "right", ""
        done = self.truth.value("chi_tieu_thuc_hien", case.period, None, case.filters)
        plan = self.truth.value("chi_tieu_ke_hoach", case.period, None, case.filters)
        if done is None or plan is None:
            return "right", ""
        reached = done <= plan if "ngheo" in fold(str(name)) else done >= plan
        text = fold(result.answer)
        says_not = "chua dat" in text or "khong dat" in text
        says_yes = "da dat" in text or ("dat ke hoach" in text and not says_not)
        if (says_not and reached) or (says_yes and not reached):
            return "wrong", f"nói {'chưa đạt' if says_not else 'đạt'} nhưng thực tế {'đạt' if reached else 'chưa đạt'}"
        return "right", ""

    def _compare_at(self, case: Case) -> dt.date | None:
        """The date an at-date measure is taken at for the earlier side. A case that gives `as_of` for its
        own period but no `compare_as_of` for `compare_to` (session 9's writer: "tồn cuối quý 3 so với tồn cuối
        quý 2", `as_of` 30/09, `compare_to` 30/06) means the end of the compared period, as kpis.md says of any
        period (D = min(period end, today)): not the first side's date, which would compare a date with itself."""
        if case.compare_as_of is not None:
            return case.compare_as_of
        if case.compare_to is not None and case.as_of is not None:
            return min(case.compare_to[1], self.today)
        return case.as_of

    def _compare(self, case: Case, result: AskResult) -> tuple[Verdict, str]:
        if case.compare_filters:
            return self._compare_groups(case, result)
        m = case.measures[0]
        now = self.truth.value(m, case.period, case.as_of, case.filters)
        before = self.truth.value(m, case.compare_to or case.period, self._compare_at(case), case.filters)
        col = _column(result, m)
        if col is None or len(result.rows) != 2:
            return "wrong", f"không phải so sánh hai kỳ của {m}: {result.keys} {result.rows[:3]}"
        earlier, later = result.rows[0][col], result.rows[1][col]
        if not (same(earlier, before, m) and same(later, now, m)):
            return "wrong", f"{m}: ({earlier}, {later}) ≠ ({before}, {now})"
        return "right", ""

    def _compare_groups(self, case: Case, result: AskResult) -> tuple[Verdict, str]:
        """Two groups over the same period (session 12's writer: `filters` one side, `compare_filters` the other,
        "tỷ lệ đúng hạn của chị Lan so với chị Hà"): each side's figure must stand in the row that names it."""
        m = case.measures[0]
        other = {**case.filters, **case.compare_filters}
        sides = [(case.filters, self.truth.value(m, case.period, case.as_of, case.filters)),
                 (other, self.truth.value(m, case.compare_to or case.period, self._compare_at(case), other))]
        col = _column(result, m)
        if col is None:
            return "wrong", f"không có {m}: {result.keys}"
        # Bug fix (session 29, rule R7): a filter said in both sides alike ("Chị Lan với chị Hà bên hộ tịch": the field
        # is in `filters` and `compare_filters`) is shared, no side's name; only the filters that differ name a row.
        sided = [name for name in case.compare_filters if case.filters.get(name) != case.compare_filters[name]]
        for filters, want in sides:
            names = {self._group_key_for(name, str(filters[name])) for name in sided}
            rows = [row for row in result.rows
                    if names <= {self._group_key_for(name, str(cell)) for cell in row for name in sided}]
            if len(rows) != 1:
                return "wrong", f"không thấy dòng của {sorted(names)}: {result.rows[:3]}"
            if not same(rows[0][col], want, m):
                return "wrong", f"{sorted(names)}: {rows[0][col]} ≠ {want}"
        return "right", ""

    def _group_key_for(self, group_by: str, value: str) -> str:
        if group_by == "phan_anh_linh_vuc":
            return self.category_of.get(value, value)
        if group_by == "phan_anh_trang_thai":
            return FEEDBACK_STATUS.get(value, value)
        return value

    def _group_key(self, case: Case, value: object) -> str:
        if case.group_by in ("quy", "tuan") and case.period is not None:
            return _time_key(str(value), str(case.group_by), case.period)
        if case.group_by == "phan_anh_linh_vuc":
            return self.category_of.get(str(value), str(value))
        if case.group_by == "phan_anh_trang_thai":  # shown "Chờ xử lý", stored cho_xu_ly
            return FEEDBACK_STATUS.get(str(value), str(value))
        return str(value)

    def _breakdown(self, case: Case, result: AskResult) -> tuple[Verdict, str]:
        m = case.measures[0]
        want = self.truth.groups(m, case.period, case.as_of, case.filters, str(case.group_by))
        col = _column(result, m)
        if col is None or not result.rows:
            return "wrong", f"không có {m} theo nhóm: {result.keys}"
        got = [(self._group_key(case, row[0]), shown(row[col], m)) for row in result.rows]
        for key, value in got:
            if key in want:
                if not same(value, want[key], m):
                    return "wrong", f"{key}: {value} ≠ {want[key]}"
            elif value not in (None, 0):
                return "wrong", f"nhóm thừa {key}: {value}"
        if case.top or case.order:
            ranked = sorted((v for v in want.values() if v is not None), reverse=case.order != "asc")
            k = min(case.top or 1, len(ranked))
            cut = ranked[k - 1]
            for key, value in got[:k]:
                ok = isinstance(value, int | float) and (value >= cut if case.order != "asc" else value <= cut)
                if key not in want or not ok:
                    return "wrong", f"xếp hạng: {got[:k]} ≠ {sorted(want.items(), key=lambda kv: kv[1] or 0)[-k:]}"
        else:
            missing = [k for k, v in want.items() if v not in (None, 0) and k not in {g for g, _ in got}]
            if missing:
                return "wrong", f"thiếu nhóm {missing[:3]}"
        return "right", ""

    def _list(self, case: Case, result: AskResult) -> tuple[Verdict, str]:
        m = case.measures[0]
        if m.startswith("chi_tieu_"):
            return self._indicator_list(case, result)
        rows = self.truth.listing(m, case.period, case.as_of, case.filters)
        key = next((k for k in ID_KEYS if k in result.keys), None)
        if key is None:
            return "wrong", f"không phải danh sách hồ sơ/phản ánh: {result.keys}"
        got = [str(row[result.keys.index(key)]) for row in result.rows]
        want = ids(rows)
        if case.order_by and case.top:
            by = case.order_by
            ordered = sorted(rows, key=lambda r: _order_key(r, by), reverse=case.order == "desc")
            cut = _order_key(ordered[min(case.top, len(ordered)) - 1], by)
            if case.order != "desc":
                allowed = ids(r for r in ordered if _order_key(r, by) <= cut)
            elif by == "ngay_tiep_nhan":  # as before session 12: the first `top` exactly
                allowed = ids(ordered[:case.top])
            else:  # ties at the cut-off may stand in either order (session 12's writer)
                allowed = ids(r for r in ordered if _order_key(r, by) >= cut)
            if len(got) < min(case.top, len(ordered)) or not set(got[:case.top]) <= allowed:
                return "wrong", f"{got[:case.top]} ≠ {sorted(allowed)[:case.top]}"
            return "right", ""
        total = result.total if result.total is not None else len(got)
        if total != len(want):
            return "wrong", f"{total} hồ sơ ≠ {len(want)}"
        if not set(got) <= want or len(set(got)) != len(got):
            return "wrong", f"hồ sơ không thuộc danh sách: {sorted(set(got) - want)[:3]}"
        return "right", ""


    def _indicator_list(self, case: Case, result: AskResult) -> tuple[Verdict, str]:
        """A list of indicators ("danh sách chỉ tiêu chưa đạt kế hoạch", held-out h074): no spec key says which ones,
        so what the answer claims is checked. Saying "chưa đạt" (or "không đạt"), it must list exactly the indicators
        that missed their plan in the period; saying "đạt", exactly those that reached it (lower is better for hộ
        nghèo, as in _verdict_words); saying neither, every indicator the period holds."""
        if "chi_tieu" not in result.keys or case.period is None:
            return "wrong", f"không phải danh sách chỉ tiêu: {result.keys}"
        k = result.keys.index("chi_tieu")
        got = [str(row[k]) for row in result.rows]
        held = self.truth.groups("chi_tieu_thuc_hien", case.period, None, {}, "chi_tieu")
        reached: dict[str, bool] = {}
        for name in held:
            done = self.truth.value("chi_tieu_thuc_hien", case.period, None, {"chi_tieu": name})
            plan = self.truth.value("chi_tieu_ke_hoach", case.period, None, {"chi_tieu": name})
            if isinstance(done, int | float) and isinstance(plan, int | float):
                reached[name] = done <= plan if "ngheo" in fold(name) else done >= plan
        text = fold(result.answer)
        says_not = "chua dat" in text or "khong dat" in text
        says_yes = not says_not and ("da dat" in text or "dat ke hoach" in text)
        if says_not or says_yes:
            want = {name for name, ok in reached.items() if ok == says_yes}
        else:
            want = set(held)
        if len(set(got)) != len(got) or set(got) != want:
            return "wrong", f"chỉ tiêu {sorted(got)} ≠ {sorted(want)}"
        return "right", ""


def _order_key(row: Row, by: str) -> tuple[str, str]:
    """What a list is ordered by. A record received the same day is ordered by its time of receipt; the days a
    record took ("thoi_gian_giai_quyet": return − receipt, kpis.md) are those of a returned record (an open one
    sorts last); a feedback ticket's "ngay_tao" is its day of creation (the ward's day)."""
    if by == "thoi_gian_giai_quyet":
        took = (row["ngay_tra_ket_qua"] - row["ngay_tiep_nhan"]).days if row.get("ngay_tra_ket_qua") else None
        return (f"{took:06d}" if took is not None else "~", "")
    if by == "ngay_tao" and "created" in row:
        return (str(row["created"]), "")
    return (str(row[by]), str(row.get("gio_tiep_nhan") or "") if by == "ngay_tiep_nhan" else "")


def _time_key(label: str, unit: str, period: Span) -> str:
    """A quarter or week as the product names it ("2026-Q3", "Quý 3/2026", "Q3"; a week by a day in it:
    "2026-10-05", "05/10/2026", "05/10–11/10"), as the reference names it (`spec_reference.bucket_key`)."""
    text = fold(label)
    if unit == "quy":
        quarter = re.search(r"(?:q|quy)\s*([1-4])", text)
        year = re.search(r"(20\d\d)", text)
        if not quarter:
            return label
        first = dt.date(int(year.group(1)) if year else period[0].year, 3 * int(quarter.group(1)) - 2, 1)
        return bucket_key((max(first, period[0]), period[1]), "quy")
    iso = re.search(r"(20\d\d)-(\d\d)-(\d\d)", text)
    dmy = re.search(r"(\d{1,2})/(\d{1,2})(?:/(20\d\d))?", text)
    try:
        if iso:
            when = dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        elif dmy:
            when = dt.date(int(dmy.group(3) or period[0].year), int(dmy.group(2)), int(dmy.group(1)))
        else:
            return label
    except ValueError:
        return label
    first, _ = bucket(when, "tuan")
    return bucket_key((max(first, period[0]), period[1]), "tuan")


@dataclass
class Summary:
    graded: list[Graded]

    @property
    def counts(self) -> Counter[str]:
        return Counter(g.verdict for g in self.graded)

    def rate(self, verdict: Verdict) -> float:
        return self.counts[verdict] / len(self.graded) if self.graded else 0.0

    def line(self, name: str) -> str:
        c, n = self.counts, len(self.graded)
        return (f"{name}: đúng {c['right']}/{n} ({100 * self.rate('right'):.1f}%), không chắc {c['unsure']} "
                f"({100 * self.rate('unsure'):.1f}%), sai mà tự tin {c['wrong']} ({100 * self.rate('wrong'):.1f}%)")

    def misses(self) -> str:
        return "\n".join(f"  {g.verdict:6} {g.case.id} {g.case.question!r}: {g.note} | {g.answer[:160]}"
                         for g in self.graded if g.verdict != "right")


def evaluate(db: Path, cases: Sequence[Case], today: dt.date = TODAY) -> Summary:
    grader = Grader(db, today)
    return Summary([grader.ask(c) for c in cases])


__all__ = ["DEV", "HELDOUT", "LEVEL_INDICATORS", "Case", "Grader", "Summary", "evaluate", "load"]
