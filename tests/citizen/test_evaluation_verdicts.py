"""The scorer's verdicts for a complaint that names no problem (label VAGUE): left for staff to sort
is right, a department told to the citizen is confidently wrong, an abstention is unsure."""

from __future__ import annotations

from appliance.citizen import evaluation as ev
from appliance.citizen.public.chat import ChatReply
from appliance.citizen.public.intake import FiledTicket


def _filed(category: str, pending: bool) -> ChatReply:
    ticket: FiledTicket = {"ticket_code": "PA-1", "category": category, "department": "", "pending": pending,
                          "engine": "rules", "confidence": None}
    return ChatReply("", "feedback", "filed", ticket=ticket)


def test_a_vague_complaint_is_right_only_when_left_for_staff() -> None:
    vague = ev.Labelled("Tôi muốn phản ánh một việc đã lâu", "complaint", ev.VAGUE)
    assert ev.judge(vague, _filed("", True), _filed("", True), 0.0).verdict == "right"
    routed = ev.judge(vague, _filed("khac", False), _filed("khac", False), 0.0)
    assert routed.verdict == "wrong" and "vague_routed" in routed.flags
    asked = ChatReply("", "other", "clarify")
    assert ev.judge(vague, asked, asked, 0.0).verdict == "unsure"


def test_vague_complaints_have_their_own_view() -> None:
    vague = ev.Labelled("Tôi có việc bức xúc", "complaint", ev.VAGUE)
    named = ev.Labelled("Cống nghẹt ở ngõ 5", "complaint", "ha_tang")
    judged = [ev.judge(vague, _filed("", True), _filed("", True), 0.0),
              ev.judge(named, _filed("ha_tang", False), _filed("ha_tang", False), 0.0)]
    views = ev.views(judged)
    assert (views["vague_complaint"].items, views["vague_complaint"].right) == (1, 1)
    assert (views["complaint_category"].items, views["complaint_category"].right) == (1, 1)
    assert views["question_or_complaint"].right == 2
