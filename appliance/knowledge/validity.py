"""Validity of a legal document (tình trạng hiệu lực) and how it is shown."""

from __future__ import annotations

import datetime as dt

# Stored value → label shown beside every citation of the document.
STATUSES = {
    "con_hieu_luc": "Còn hiệu lực",
    "het_hieu_luc_mot_phan": "Hết hiệu lực một phần",
    "het_hieu_luc": "Hết hiệu lực",
    "chua_co_hieu_luc": "Chưa có hiệu lực",
    "bi_sua_doi": "Còn hiệu lực, có sửa đổi, bổ sung",  # kept for records written before the registry
    "chua_xac_dinh": "Chưa xác định hiệu lực",
}
# Statuses whose text may not be applied as it stands: labelled on every page that shows it.
WARN = {"het_hieu_luc", "het_hieu_luc_mot_phan", "chua_co_hieu_luc", "chua_xac_dinh"}

NO_TEXT = "chưa có toàn văn trong thư viện"
NEEDS_CONFIRMATION = "cần xác nhận"


def label(status: str) -> str:
    return STATUSES.get(status, status)


def in_force(status: str) -> bool:
    """False only for a document out of force (or not yet in force): still searchable, labelled."""
    return status not in ("het_hieu_luc", "chua_co_hieu_luc")


def status_from_dates(effective_on: str | None, today: dt.date) -> str:
    """What the dates alone say: in force from its effective date, not yet before it."""
    if effective_on and dt.date.fromisoformat(effective_on) > today:
        return "chua_co_hieu_luc"
    return "con_hieu_luc"
