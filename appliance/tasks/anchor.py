"""What a clause says about a task: who is told (or offers) to do what, by when, or an agreement, a
withdrawal, a proposal of a new date. `clauses.py` finds anchors in a turn; `merge.py` merges them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from appliance.tasks.roster import Person


@dataclass(frozen=True)
class Anchor:
    kind: str                    # task | propose | agree | cancel | done | helps (told to help, "X phối hợp")
    person: Person | None
    content: str = ""
    deadline: dt.date | None = None
    quote: str = ""
    follow_up: bool = False      # may be the same task as this person's in the last turns (accepting, confirming)
    inherits: bool = False       # "… à thôi, Tuấn làm luôn": takes the withdrawn task's content
    same_deadline: bool = False  # "…, cùng hạn": the deadline of the task given just before
    reassigns: bool = False      # "À thôi, để anh Huy làm": withdraws the task given in the last turns
    how: str = "named"           # how the assignee was found (confidence.Evidence.how)
    directed: bool = False       # a directive word ("giao", "đề nghị"…) before the assignee
    recap: bool = False          # said in the chair's closing recap ("Tóm lại: …"): restates a task given
    calls_off: bool = False      # a cancel said in words ("không trực nữa", "hủy việc"), not "à thôi" before another
    defers: bool = False         # put off (withdrawals.DEFER_NAMED): "máy tính để sang năm tính" (quote: the work)
    hands_from: Person | None = None  # "c. Lan bận thì thôi chuyển Lan tư pháp dự thảo": whose task is handed over
    delegated: bool = False      # "Dạ việc đó để em giao anh Tuấn ạ": the speaker hands their own task down
