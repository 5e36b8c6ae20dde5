"""The one table of measures (CONTRACT §4 and the question box's own): names, Vietnamese labels,
kind, which rows and which day each counts, and its SQL.

Everything that computes a figure is generated from this table: the reporting views' 0/1 flags
(`reporting.views`), the dashboard's KPI scans and drill-down lists (`dashboard.measures`,
`dashboard.kpis`), the question box's SQL (`ask.sqlbuild`) and the model's prompt (`ask.llm`).
So the number on a tile, the rows behind it and the answer to a question cannot disagree.

Conditions are SQL over the view's columns. `v_ho_so` keeps the `records` columns' names, so the
dashboard runs the same conditions on `records` itself (it needs the folded columns and indexes
the view leaves out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Domain = Literal["ho_so", "phan_anh"]
BasisName = Literal["received", "returned", "asof", "created"]
Kind = Literal["count", "rate", "avg"]

# The view each domain's measures read.
VIEW: dict[Domain, str] = {"ho_so": "v_ho_so", "phan_anh": "v_phan_anh"}

# The day D of "as of D" conditions, replaced by a literal or a parameter when SQL is written.
ASOF = "{asof}"


@dataclass(frozen=True)
class Basis:
    """Which rows a measure counts at all, and which day puts a row in a period."""

    domain: Domain
    name: BasisName
    date: str  # compared with the period; for "asof", received on or before D
    month: str  # the view's YYYY-MM column for figures by month
    rows: str = ""  # SQL: the rows this basis counts ("" = every row); may hold ASOF (D)
    flag: str = ""  # the view's 0/1 column holding `rows` (today's state, for "asof" bases)
    # "as of D" bases depend on D, so the question box writes `rows` out instead of `flag = 1`.
    spelt_out: bool = False

    def rows_at(self, asof: str) -> str:
        """`rows` with D written as `asof` (a quoted literal, or "?")."""
        return self.rows.replace(ASOF, asof)

    def scope(self, asof: str = "") -> str:
        """The rows condition as the question box writes it ("" = every row); D = `asof`."""
        if self.spelt_out or not self.flag:
            return self.rows_at(asof)
        return f"{self.flag} = 1"


# CONTRACT §4: đã giải quyết = status Đã trả kết quả with a return date. A record is open today
# when it has no return date and was not rejected (the view's `chua_tra`); it was open at a day D
# when it had not been returned by D (CONTRACT §4: a count as of D never looks past D, so a record
# returned after D counts as open at D).
# The importer's vocabulary (dashboard/vocabulary.py) stores every source status as one of five
# classes: the four of CONTRACT §3 ("Dừng xử lý", "Trả lại hồ sơ" are Từ chối; "Chờ trả kết quả" is
# Đang xử lý) and "Rút/hủy", a record the citizen withdrew or the office cancelled: like a rejected
# one it is never open, so never overdue.
WITHDRAWN = "Rút/hủy"
RESOLVED_ROWS = "trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua IS NOT NULL"
OPEN_ROWS = f"ngay_tra_ket_qua IS NULL AND trang_thai NOT IN ('Từ chối', '{WITHDRAWN}')"
OPEN_AT_ROWS = (f"trang_thai NOT IN ('Từ chối', '{WITHDRAWN}')"
                f" AND (ngay_tra_ket_qua IS NULL OR ngay_tra_ket_qua > {ASOF})")
# Feedback open at D: waiting or in progress now, or resolved after D (rejected feedback never counts).
OPEN_FEEDBACK = ("cho_xu_ly", "dang_xu_ly")
FEEDBACK_OPEN_AT_ROWS = (f"(trang_thai IN ('cho_xu_ly', 'dang_xu_ly') OR (trang_thai = 'da_xu_ly'"
                         f" AND ngay_xu_ly_xong > {ASOF}))")

BASES: dict[tuple[Domain, BasisName], Basis] = {(b.domain, b.name): b for b in [
    Basis("ho_so", "received", "ngay_tiep_nhan", "thang_tiep_nhan"),
    Basis("ho_so", "returned", "ngay_tra_ket_qua", "thang_tra_ket_qua", RESOLVED_ROWS, "da_giai_quyet"),
    Basis("ho_so", "asof", "ngay_tiep_nhan", "thang_tiep_nhan", OPEN_AT_ROWS, "chua_tra", spelt_out=True),
    Basis("phan_anh", "created", "ngay_tiep_nhan", "thang_tiep_nhan"),
    Basis("phan_anh", "asof", "ngay_tiep_nhan", "thang_tiep_nhan", FEEDBACK_OPEN_AT_ROWS, "chua_xu_ly",
          spelt_out=True),
]}


@dataclass(frozen=True)
class Measure:
    key: str  # its name in the question box's SQL, and in the dashboard API unless `kpi` differs
    label: str  # Vietnamese, as it reads in an answer and as a column heading
    domain: Domain
    basis: BasisName
    kind: Kind
    cond: str = ""  # SQL within the basis: the counted rows (count) or the numerator (rate); ASOF = D
    flag: str = ""  # the view's 0/1 column for basis rows AND cond; the question box writes `flag = 1`
    column: str = ""  # the averaged column (avg)
    unit: str = "hồ sơ"
    kpi: str = ""  # its key in GET /api/v1/dashboard/kpis (CONTRACT §2, §4); "" = question box only
    tile_label: str = ""  # the dashboard's wording, where it differs from `label`
    of: str = ""  # a rate: the count measure it divides by its basis' total

    @property
    def scope(self) -> Basis:
        return BASES[(self.domain, self.basis)]

    @property
    def view(self) -> str:
        return VIEW[self.domain]

    def cond_sql(self, asof: str) -> str:
        """`cond` with D written as `asof` (a quoted literal, or "?")."""
        return self.cond.replace(ASOF, asof)

    def flag_sql(self) -> str:
        """What the view's `flag` column holds: the basis rows and this measure's condition."""
        return " AND ".join(part for part in (self.scope.rows, self.cond) if part)

    def where_at(self, asof: str) -> str:
        """Basis rows and this measure's condition with D written as `asof` ("" = every row)."""
        return " AND ".join(part for part in (self.scope.rows_at(asof), self.cond_sql(asof)) if part)


def _rate(key: str, label: str, of: Measure, **more: str) -> Measure:
    """A rate: the rows of count measure `of` over every row of its basis."""
    return Measure(key, label, of.domain, of.basis, "rate", of.cond, of.flag, unit="%", of=of.key, **more)


_TIEP_NHAN = Measure("tiep_nhan", "Tiếp nhận", "ho_so", "received", "count", kpi="tiep_nhan")
_DA_GIAI_QUYET = Measure("da_giai_quyet", "Đã giải quyết", "ho_so", "returned", "count", kpi="da_giai_quyet")
_DUNG_HAN = Measure("dung_han", "Đúng hạn", "ho_so", "returned", "count", "ngay_tra_ket_qua <= han_xu_ly",
                    "dung_han", kpi="dung_han")
_TRE_HAN = Measure("tre_han", "Trễ hạn", "ho_so", "returned", "count", "ngay_tra_ket_qua > han_xu_ly", "tre_han",
                   kpi="tre_han")
_TRUC_TUYEN = Measure("truc_tuyen", "Tiếp nhận trực tuyến", "ho_so", "received", "count",
                      "hinh_thuc_nop = 'Trực tuyến'", "truc_tuyen", kpi="truc_tuyen", tile_label="Nộp trực tuyến")
_TU_CHOI = Measure("tu_choi", "Từ chối", "ho_so", "received", "count", "trang_thai = 'Từ chối'", "tu_choi",
                   kpi="tu_choi")
_RUT_HUY = Measure("rut_huy", "Rút hồ sơ, hủy", "ho_so", "received", "count", f"trang_thai = '{WITHDRAWN}'",
                   "rut_huy")
# quá hạn chưa giải quyết at D: open (OPEN_ROWS), received on or before D, due before D.
_QUA_HAN = Measure("qua_han", "Quá hạn chưa giải quyết", "ho_so", "asof", "count", f"han_xu_ly < {ASOF}",
                   kpi="qua_han_chua_giai_quyet")

# Table order is the order of the dashboard API's keys: its counts, then its rates.
MEASURES: dict[str, Measure] = {m.key: m for m in [
    _TIEP_NHAN, _DA_GIAI_QUYET, _DUNG_HAN, _TRE_HAN, _TRUC_TUYEN, _TU_CHOI, _QUA_HAN,
    _rate("ty_le_dung_han", "Tỷ lệ đúng hạn", _DUNG_HAN, kpi="ty_le_dung_han"),
    _rate("ty_le_tre_han", "Tỷ lệ trễ hạn", _TRE_HAN, kpi="ty_le_tre_han"),
    _rate("ty_le_truc_tuyen", "Tỷ lệ trực tuyến", _TRUC_TUYEN, kpi="ty_le_truc_tuyen"),
    # The question box's own measures (not on the dashboard).
    _rate("ty_le_tu_choi", "Tỷ lệ từ chối", _TU_CHOI),
    _RUT_HUY,
    Measure("so_ngay_tb", "Thời gian giải quyết trung bình", "ho_so", "returned", "avg", column="so_ngay_xu_ly",
            unit="ngày"),
    Measure("chua_giai_quyet", "Đang giải quyết (chưa trả kết quả)", "ho_so", "asof", "count"),
    Measure("pa_tiep_nhan", "Phản ánh tiếp nhận", "phan_anh", "created", "count", unit="phản ánh"),
    Measure("pa_ty_le_da_xu_ly", "Tỷ lệ phản ánh đã xử lý", "phan_anh", "created", "rate",
            "trang_thai = 'da_xu_ly'", unit="%"),
    Measure("pa_qua_han", "Phản ánh quá hạn chưa xử lý", "phan_anh", "asof", "count", f"han_xu_ly < {ASOF}",
            unit="phản ánh"),
    Measure("pa_chua_xu_ly", "Phản ánh chưa xử lý xong", "phan_anh", "asof", "count", unit="phản ánh"),
]}


def kpi_measures() -> list[Measure]:
    """The CONTRACT §4 measures of the dashboard API, counts first, in table order."""
    found = [m for m in MEASURES.values() if m.kpi]
    return [m for m in found if m.kind == "count"] + [m for m in found if m.kind != "count"]


def total_of(measure: Measure) -> Measure:
    """The count of every row of a measure's basis: a rate's denominator."""
    for candidate in MEASURES.values():
        if (candidate.domain, candidate.basis, candidate.kind, candidate.cond) == (
                measure.domain, measure.basis, "count", ""):
            return candidate
    raise KeyError(f"no total for {measure.key}")


def flagged() -> list[Measure]:
    """Count measures with a flag column in their view, in table order."""
    return [m for m in MEASURES.values() if m.flag and m.kind == "count"]
