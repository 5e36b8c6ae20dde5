"""Vietnamese text: normalisation, folding, numbers, dates, periods, formatting.

Everything stored is NFC with one tone placement; everything searched is also kept folded
(no diacritics, đ→d) because SQLite FTS5 folds neither đ nor every two-mark letter.
"""

from appliance.text.calendar_periods import Period
from appliance.text.dates import parse_date, parse_datetime
from appliance.text.fold import fold, fold_tokens
from appliance.text.formatting import (
    format_date_long,
    format_date_short,
    format_local_clock,
    format_local_date,
    format_local_datetime,
    format_month,
    format_number,
    format_percent,
    format_quantity,
    local_now,
    local_today,
    to_local,
)
from appliance.text.normalize import normalize
from appliance.text.numbers import parse_number
from appliance.text.periods import parse_period

__all__ = [
    "Period",
    "fold",
    "fold_tokens",
    "local_now",
    "local_today",
    "format_date_long",
    "format_date_short",
    "format_local_clock",
    "format_local_date",
    "format_local_datetime",
    "format_month",
    "format_number",
    "format_percent",
    "format_quantity",
    "normalize",
    "parse_date",
    "parse_datetime",
    "parse_number",
    "parse_period",
    "to_local",
]
