"""Báo cáo số liệu: the period's CONTRACT §4 figures as a CSV a ward pastes into its monthly report,
with the day counts are taken at and the two comparisons, all from the dashboard's own report
(`kpis.report`) so the file, the tiles, the wall and the question box say the same numbers."""

from __future__ import annotations

import csv
import io

from appliance.dashboard.kpis import Figure, KpiReport, Previous
from appliance.dashboard.measures import LABELS, RATES
from appliance.reporting.periods import asof_label
from appliance.text import format_number, format_percent
from appliance.text.formatting import format_local_datetime, utc_now

# The measures of the report, in the order a ward's report reads them.
ORDER = ("tiep_nhan", "truc_tuyen", "ty_le_truc_tuyen", "da_giai_quyet", "dung_han", "tre_han", "ty_le_dung_han",
         "ty_le_tre_han", "tu_choi", "qua_han_chua_giai_quyet")


def _cell(measure: str, value: Figure) -> str:
    if value is None:
        return "—"
    return format_percent(value) if measure in RATES else format_number(value)


def _change(measure: str, now: Figure, before: Figure) -> str:
    if now is None or before is None:
        return "—"
    diff = round(float(now) - float(before), 1)
    sign = "+" if diff > 0 else "−" if diff < 0 else "±"
    unit = " điểm %" if measure in RATES else ""
    return f"{sign}{format_number(abs(diff), 1 if measure in RATES else 0)}{unit}"


def report_csv(report: KpiReport, period_label: str) -> str:
    """UTF-8 CSV (with BOM, so Excel opens it as Vietnamese text), one row per measure."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    compared: list[Previous] = [p for p in (report.previous, report.last_year) if p is not None]
    writer.writerow([f"Báo cáo số liệu {period_label}", f"quá hạn {asof_label(report.as_of)}",
                     f"xuất lúc {format_local_datetime(utc_now())}"])  # the ward's clock, not the server's
    writer.writerow(["Chỉ số", period_label.capitalize(), *(f"So với {p.label}" for p in compared),
                     *(f"Thay đổi so với {p.label}" for p in compared)])
    for measure in ORDER:
        now = report.totals[measure]
        writer.writerow([LABELS[measure], _cell(measure, now), *(_cell(measure, p.figures[measure]) for p in compared),
                         *(_change(measure, now, p.figures[measure]) for p in compared)])
    return out.getvalue()
