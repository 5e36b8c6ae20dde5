"""The undated drops (session 17): an undated job that nobody took up afterwards is no task when it is only a
speaker's own offer, a member naming someone else, or a doer inferred from the dialogue (`extract_tasks` applies
`kept` after the sentence model and before the scorer; the biên bản reads the commitments before the drops)."""

from __future__ import annotations

from appliance.tasks.open_task import OpenTask


def lone_offer(o: OpenTask) -> bool:
    """A speaker's own offer with no date that nobody took up afterwards ("dạ em nhận ạ", "em sẽ cử cảnh sát khu vực
    đi cùng Thắng ạ", "số liệu thì anh sẽ nhắc các phòng"): on the training batches such offers were a bare
    acceptance of a task read elsewhere, a helper's part, the chair's own step or a request for leave far more often
    than work given; the secretary adds the rare real one by hand."""
    return o.how == "first" and o.deadline is None and not o.restated


def member_names(o: OpenTask) -> bool:
    """A member other than the chair naming someone else for an undated job that nobody took up ("dạ chợ do phường
    quản lý, Phòng Kinh tế theo dõi ạ", "… chị lan kiểm tra lại giúp em"): whose job it is, or a favour asked between
    colleagues, more often than work given (training: 3 right, 6 wrong)."""
    return o.how in ("named", "unit") and not o.chair and not o.self_given and not o.directed \
        and o.deadline is None and not o.restated


def lone_pronoun(o: OpenTask) -> bool:
    """An undated job whose doer is only inferred from the dialogue (a pronoun, a call, an order without a subject)
    and nobody took up ("ừ tốt em làm đi", "…, chị qua xem nhé"): approving what was said, or a request to a
    resident, more often than work given (training: 2 right, 4 wrong)."""
    return o.how in ("second", "called", "told") and o.deadline is None and not o.restated


def kept(found: list[OpenTask]) -> list[OpenTask]:
    """The proposals the drops leave."""
    return [o for o in found if not (lone_offer(o) or member_names(o) or lone_pronoun(o))]
