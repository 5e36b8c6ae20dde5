"""What citizens are told of a procedure: only facts whose basis checks out in the library.

A fact a citizen acts on (who decides, how long, how much, which papers) is published only when at
least one of its bases is an article of an official text the library holds and that article states
it (procedure_basis.check). Otherwise the value is withheld and the field listed in `unsourced`:
the chatbot and the citizen's procedure page say "cần xác nhận" and show no text, so a figure
written from memory never reaches a citizen. Staff read views (search results, the assistant's
procedure cards, the procedure page) withhold the same values (`withheld_fields`): an officer would
repeat them at the counter. Only the admin's catalogue editor shows the stored value, where it is
checked and corrected."""

from __future__ import annotations

import sqlite3

from appliance.knowledge.procedure_basis import check
from appliance.knowledge.procedures import Procedure
from appliance.knowledge.subjects import procedure_gap

# The facts a citizen relies on that must rest on official text (where/online/forms are the ward's
# own local details and carry their own "cần xác nhận" mark).
STATED_FACTS = ("agency", "processing_time", "fee", "documents")


def sourced_fields(conn: sqlite3.Connection | None, proc: Procedure) -> set[str]:
    """The stated facts of `proc` with at least one basis the library confirms (none without a library)."""
    if conn is None:
        return set()
    return {c.basis.field for c in check(conn, proc) if c.ok and c.basis.field in STATED_FACTS}


def withheld_fields(conn: sqlite3.Connection | None, proc: Procedure) -> set[str]:
    """The stated facts of `proc` that no article of the library confirms: shown "cần xác nhận", no text."""
    return set(STATED_FACTS) - sourced_fields(conn, proc)


def citizen_record(conn: sqlite3.Connection | None, proc: Procedure) -> dict[str, object]:
    """The procedure as published to the citizen app: unsourced stated facts withheld and listed."""
    record = proc.to_dict()
    withheld = withheld_fields(conn, proc)
    unsourced = [name for name in STATED_FACTS if name in withheld]
    for name in unsourced:
        record[name] = [] if isinstance(record.get(name), list) else ""
    record["unsourced"] = unsourced
    record["needs_confirmation"] = sorted({*proc.needs_confirmation, *unsourced})
    # The procedure's own law has no official text here: the chat says so with the registry entry, in
    # the words the staff search uses (subjects.Gap.message).
    gap = procedure_gap(conn, proc) if conn is not None else None
    if gap is not None:
        record["library_gap"] = {"number": gap.number, "name": gap.name, "status": gap.status,
                                 "status_label": gap.status_label, "message": gap.message}
    return record
