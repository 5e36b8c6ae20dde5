"""Session 24's forms (docs/meetings.md, "Session 24"), each in new words written for this file (not the training
meetings' sentences), and where it must not fire; plain behaviour since session 26 (rule R8: the settings on by R1
became unconditional, those off were retired in session 25)."""

from __future__ import annotations

import pytest

from appliance.tasks.extract import extract_tasks
from tests.tasks.transcripts import MONDAY, tasks_said

_A = "Nguyễn Văn An: Bắt đầu.\n"


# --- "mang vào / lên / sang …" (bring it in, over) is work ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Chị Hương cần hồ sơ gốc.\nHoàng Văn Nam: Dạ, chiều mai em mang sang cho chị Hương ạ.",
     [("Hoàng Văn Nam", "2026-12-01")]),
    ("Nguyễn Văn An: Biên bản đo đạc đâu em?\nHoàng Văn Nam: Thứ Năm em mang lên phòng anh ạ.",
     [("Hoàng Văn Nam", "2026-12-03")]),
])
def test_bringing_it_over_is_work(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


@pytest.mark.parametrize("said", [
    # "mang" without a direction: carrying, having a character, not bringing it anywhere
    "Hoàng Văn Nam: Dạ, hôm nay em mang theo máy đo ạ.",
    "Nguyễn Văn An: Việc này mang tính lâu dài.",
    # nobody named, a citizen's errand
    "Nguyễn Văn An: Bà con có giấy tờ thì mang lên phường là được.",
    # a question, not an offer
    "Nguyễn Văn An: Quà thì các tổ trưởng lên nhận hay mình mang xuống?",
])
def test_carrying_or_asking_is_no_task(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == []


# --- the doer having their people do it, the people named at more length ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: anh Minh cho anh em công an khu vực kiểm tra lại nhà trọ số 12 trong tuần này.",
     [("Trịnh Văn Minh", "2026-12-04")]),
    ("Nguyễn Văn An: Bắt đầu.\nNguyễn Văn An: anh Minh cho anh em công an khu vực xác minh nguồn tin ở ngõ 11 trong "
     "ngày hôm nay", [("Trịnh Văn Minh", "2026-11-30")]),
])
def test_having_ones_people_do_it(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


@pytest.mark.parametrize(("said", "due"), [
    # "cho" and a pronoun: asking, no work
    ("Nguyễn Văn An: Anh Minh cho em hỏi lịch trực tuần sau.", []),
    # the people are whom the paper goes to: the sender's task
    ("Nguyễn Văn An: Chị Lan gửi cho anh em công an khu vực mẫu báo cáo trước thứ Sáu.",
     [("Lê Thị Lan", "2026-12-04")]),
])
def test_cho_before_a_person_or_after_a_verb(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- a member passing on when someone said the work will be done ---

@pytest.mark.parametrize(("said", "due"), [
    ("Trần Văn Hùng: Anh An, đường ống ngõ 8 sửa được 60%, Nam báo thứ Năm hoàn thành.",
     [("Hoàng Văn Nam", "2026-12-03")]),
    ("Trần Văn Hùng: Anh An, sổ hộ tịch số hóa được nửa rồi, Lan tư pháp báo cuối tháng này xong ạ.",
     [("Nguyễn Thị Lan", "2026-11-30")]),
])
def test_passing_on_when_it_will_be_done_is_no_task(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == []


@pytest.mark.parametrize(("said", "due"), [
    # the chair's words: an order, as before
    ("Nguyễn Văn An: Nam báo thứ Năm xong nhé.", [("Hoàng Văn Nam", "2026-12-03")]),
    # "báo" and whom to tell: work to do
    ("Trần Văn Hùng: Nam báo anh trước thứ Năm nhé.", [("Hoàng Văn Nam", "2026-12-03")]),
    ("Trần Văn Hùng: Nam báo cáo anh trước thứ Năm hoàn thành nhé.", [("Hoàng Văn Nam", "2026-12-03")]),
])
def test_telling_someone_or_the_chairs_order_stays_a_task(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- a matter, "thì", a doer and a verb of work alone: who sees to it ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Ừ, loa đài thì anh Tuấn phụ trách.", [("Lê Minh Tuấn", None)]),
    ("Nguyễn Văn An: Hội trường thì Mai lo. Anh Sơn gửi anh danh sách trước thứ Sáu.",
     [("Vũ Thị Mai", None), ("Cao Văn Sơn", "2026-12-04")]),
])
def test_who_sees_to_a_matter_is_no_task(ward, said: str, due: list) -> None:
    kept = [d for d in due if d[1] is not None]
    assert tasks_said(_A + said, ward) == kept


@pytest.mark.parametrize(("said", "due"), [
    # an order's particle
    ("Nguyễn Văn An: Hội trường thì Mai lo nhé.", [("Vũ Thị Mai", None)]),
    # a date
    ("Nguyễn Văn An: Kinh phí thì anh Bảo cân đối trước thứ Sáu.", [("Phạm Quốc Bảo", "2026-12-04")]),
    # an object
    ("Nguyễn Văn An: Việc đó thì chị Hương rà soát danh sách hộ nghèo.", [("Bùi Thanh Hương", None)]),
    # "thế thì" opens no matter
    ("Nguyễn Văn An: Anh Nam bận à.\nNguyễn Văn An: Thế thì Thắng đo.", [("Ngô Đức Thắng", None)]),
])
def test_a_matter_with_more_said_stays_a_task(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- a tổ dân phố's voice asking leave or hedging, and a staff member's lone offer, are dropped (session 24's
# GROUP_OFFER, retired in session 25, kept them dropped too) ---

_GROUP = "Người nói 1: hôm nay tổ 5 họp về vệ sinh ngõ xóm\nNgười nói 2: ngõ 12 rác nhiều quá\n"


def _group_tasks(said: str, ward) -> list:
    roster, calendar = ward
    found = extract_tasks(_GROUP + said, MONDAY, calendar, roster=roster, title="Họp tổ dân phố số 5 về vệ sinh")
    return [(t.assignee, t.deadline) for t in found]


@pytest.mark.parametrize("said", [
    "Người nói 1: tổ em xin tổ chức buổi tổng vệ sinh",   # asking leave
    "Người nói 1: để tôi xem lại quỹ đã",                  # no "sẽ": as before
])
def test_a_groups_request_or_hedge_is_dropped(ward, said: str) -> None:
    assert _group_tasks(said, ward) == []


def test_a_staff_members_lone_offer_is_still_dropped(ward) -> None:
    assert tasks_said(_A + "Trần Văn Hùng: Dạ, em sẽ xem lại hồ sơ ạ.", ward) == []


# --- a member naming someone for an undated job is dropped (session 24's NO_VOICES, retired in session 25) ---

def test_a_member_naming_someone_undated_is_still_dropped(ward) -> None:
    said = "Trần Văn Hùng: Dạ, việc đó chị Hà bố trí một bàn hướng dẫn ở sảnh ạ."
    assert tasks_said(_A + said, ward) == []


# --- "em cố ạ" offers no work (session 24's TRY, retired in session 25) ---

def test_trying_with_no_work_offers_nothing(ward) -> None:
    assert tasks_said(_A + "Nguyễn Văn An: Sổ hộ tịch còn bao nhiêu?\nNguyễn Thị Lan: Dạ, em cố ạ.", ward) == []


# --- "<doer> lo / làm … đủ rồi": covered already, also in a run without a stop ---

@pytest.mark.parametrize(("said", "unit"), [
    ("Nguyễn Văn An: anh sơn cho dân quân trực chốt ngõ 8 đêm ba mươi à thôi bên công an lo đủ rồi anh sơn không "
     "phải làm nữa", "Công an phường"),
    ("Nguyễn Văn An: anh hùng cho người dọn vỉa hè ngõ 8 trước thứ sáu à thôi phòng kinh tế làm đủ rồi anh hùng "
     "không phải làm nữa", "Phòng Kinh tế, Hạ tầng và Đô thị"),
])
def test_work_covered_already_is_no_task(ward, said: str, unit: str) -> None:
    assert tasks_said(_A + said, ward) == []


@pytest.mark.parametrize(("said", "due"), [
    # "đủ" before what is still to be found: work to do
    ("Nguyễn Văn An: Anh Sơn lo đủ người rồi báo anh trước thứ Sáu.", [("Cao Văn Sơn", "2026-12-04")]),
    ("Nguyễn Văn An: Anh Sơn lo đủ người trực đêm 31/12.", [("Cao Văn Sơn", "2026-12-31")]),
])
def test_enough_of_something_to_find_is_still_work(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- a verb said of no doer, or of work done, is no task (session 24's MORE_VERBS, retired in session 25) ---

@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Hội nghị do quận triệu tập sáng thứ Năm.",   # said of no doer
    "Trịnh Văn Minh: Báo cáo anh, chợ hoa mở từ thứ Sáu, bên em đã có phương án.",   # done already
])
def test_a_verb_said_of_no_doer_or_done_is_no_task(ward, said: str) -> None:
    assert tasks_said(_A + said, ward) == []


# --- the tổ chosen ("chọn tổ năm đi") and "<doer> làm tốt" alone: no task ---

def test_the_group_chosen_for_doing_well_is_no_task(ward) -> None:
    said = ("Nguyễn Văn An: chọn tổ năm đi tổ năm làm tốt ờ chị hương làm việc với tổ năm xây dựng kịch bản thứ sáu "
            "này gửi anh")
    assert tasks_said(_A + said, ward) == [("Bùi Thanh Hương", "2026-12-04")]


@pytest.mark.parametrize(("said", "due"), [
    # doing well at a work named: an order, as before
    ("Nguyễn Văn An: Tổ 5 làm tốt công tác tuyên truyền nhé.", [("Tổ dân phố số 5", None)]),
    # "chọn" not right before the doer
    ("Nguyễn Văn An: Chọn xong thì tổ 5 làm báo cáo gửi phường trước thứ Sáu.", [("Tổ dân phố số 5", "2026-12-04")]),
])
def test_doing_well_at_a_work_stays_a_task(ward, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- "việc đó để anh tính" and "để anh Hùng …" (session 24's SENIOR_OFFER, retired in session 25) ---

_ASKED_SENIOR = "Bùi Thanh Hương: Em xin anh Bảo hỏi giúp bên điện lực lịch cắt điện ạ.\n"


@pytest.mark.parametrize(("said", "due"), [
    # thinking it over: no offer
    ("Phạm Quốc Bảo: Việc đó để anh tính, thứ Năm anh trả lời em.", []),
    # a name after "để anh": that person's task, as before
    ("Phạm Quốc Bảo: Việc đó để anh Hùng liên hệ điện lực, thứ Năm báo lại em.", [("Trần Văn Hùng", "2026-12-03")]),
])
def test_a_senior_thinking_or_naming_someone(ward, said: str, due: list) -> None:
    assert tasks_said(_A + _ASKED_SENIOR + said, ward) == due


# --- "cứ … như kế hoạch" carries on, no task (session 24's GO_AHEAD, retired in session 25) ---

def test_carrying_on_as_planned_is_no_task(ward) -> None:
    said = "Nguyễn Văn An: ờ anh sơn cứ chuẩn bị như kế hoạch để tuần sau họp riêng"
    assert tasks_said(_A + said, ward) == []
