"""The undated drops (session 17): an undated job that nobody took up afterwards is no task when it is only a
speaker's own offer, a member naming someone else, or a doer inferred from the dialogue (`extract_tasks` applies
`kept` after the sentence model and before the scorer; the biên bản reads the commitments before the drops)."""

from __future__ import annotations

import re

from appliance.tasks.open_task import OpenTask


def lone_offer(o: OpenTask) -> bool:
    """A speaker's own offer with no date that nobody took up afterwards ("dạ em nhận ạ", "em sẽ cử cảnh sát khu vực
    đi cùng Thắng ạ", "số liệu thì anh sẽ nhắc các phòng"): on the training batches such offers were a bare
    acceptance of a task read elsewhere, a helper's part, the chair's own step or a request for leave far more often
    than work given; the secretary adds the rare real one by hand."""
    return o.how == "first" and o.deadline is None and not o.restated \
        and not (SESSION24_GROUP_OFFER and _group_commits(o))


# Session 24 (docs/meetings.md, "Session 24"): a tổ dân phố's voice (its tổ trưởng, known by the directory of the
# meeting) promising work in the first person with "sẽ" ("tôi sẽ phát tờ rơi đến từng hộ", "được tôi sẽ thông báo
# cho bà con biết") takes the work for the tổ: on the development set both such offers are tasks; asking leave
# ("tổ em xin tổ chức văn nghệ …") or a staff member's offer is dropped as before
# off by rule R1b (session 24): no fresh verdict moved (668/182/196 on and off); off brings back no training wrong
SESSION24_GROUP_OFFER = False
_COMMITS = re.compile(r"\b(?:tôi|em|chúng tôi|tổ tôi|tổ em)\s+sẽ\b")


def _group_commits(o: OpenTask) -> bool:
    return o.person.name.startswith("Tổ dân phố") and _COMMITS.search(o.quote.lower()) is not None \
        and not re.search(r"\bxin\b", o.quote.lower())


def member_names(o: OpenTask) -> bool:
    """A member other than the chair naming someone else for an undated job that nobody took up ("dạ chợ do phường
    quản lý, Phòng Kinh tế theo dõi ạ", "… chị lan kiểm tra lại giúp em"): whose job it is, or a favour asked between
    colleagues, more often than work given (training: 3 right, 6 wrong)."""
    return o.how in ("named", "unit") and not o.chair and not o.self_given and not o.directed \
        and o.deadline is None and not o.restated and not (SESSION24_NO_VOICES and not o.said_by)


# Session 24 (docs/meetings.md, "Session 24"): in a recogniser's run with no speaker labels nobody is known to be the
# chair, so an undated job naming someone ("… chị hà bố trí một quầy riêng tiếp nhận hồ sơ … từ thứ hai tới nhé …",
# "… thì lan tư pháp hướng dẫn bà hoa thủ tục khởi kiện ra tòa nhé …") is not read as a member naming someone else
# (training: 3 such jobs are tasks, 1 is a task whose date the doer set in reply)
# off by rule R1 (session 24): fresh off alone 667/178/197, on 668/182/196 (fresh7 right +1, wrong +4)
SESSION24_NO_VOICES = False


def lone_pronoun(o: OpenTask) -> bool:
    """An undated job whose doer is only inferred from the dialogue (a pronoun, a call, an order without a subject)
    and nobody took up ("ừ tốt em làm đi", "…, chị qua xem nhé"): approving what was said, or a request to a
    resident, more often than work given (training: 2 right, 4 wrong)."""
    return o.how in ("second", "called", "told") and o.deadline is None and not o.restated


def kept(found: list[OpenTask]) -> list[OpenTask]:
    """The proposals the drops leave."""
    return [o for o in found if not (lone_offer(o) or member_names(o) or lone_pronoun(o))]
