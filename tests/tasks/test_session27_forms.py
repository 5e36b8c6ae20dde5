"""Session 27's forms (docs/meetings.md, "Session 27"), each in new words written for this file (not the training
meetings' sentences): each setting switched off and on, and where it must not fire; and the plain bug fixes (rule
R7)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.tasks import clause_tasks, deadlines, doers, merge
from appliance.tasks.extract import extract_tasks
from tests.flags import switch_on
from tests.tasks.transcripts import MONDAY, tasks_said

_FLAGGED = (clause_tasks, deadlines, doers, merge)
_A = "Nguyễn Văn An: Bắt đầu.\n"


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION27_")
    return monkeypatch

_WEDNESDAY = dt.date(2026, 12, 9)


def _due(said: str, meeting: dt.date = MONDAY) -> str | None:
    found = deadlines.find_deadline(said, meeting)
    return found[0].isoformat() if found else None


# --- rule R7 (session 27): "hôm sau" (the day after) is no "hôm sáu" (the 6th) ---

@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo hôm sau.", None),                          # it was the 6th of the coming month
    ("Anh Nam xuống kiểm tra sáng hôm sau.", None),
    ("Chị Lan gửi báo cáo trước hôm sáu.", "2027-01-06"),             # "sáu": the 6th, as before
    ("Chị Lan gửi báo cáo sáng mùng sáu.", "2027-01-06"),
    ("chi lan gui bao cao truoc ngay sau", "2027-01-06"),              # typed without accents: as before
])
def test_the_day_after_is_no_sixth(said: str, due: str | None) -> None:
    assert _due(said, _WEDNESDAY) == due


# --- doers.SESSION27_BARE_OFFICER: a group's officer named bare is the group said before, or the meeting's one ---

def _titled(said: str, ward, title: str) -> list:
    roster, calendar = ward
    return [(t.assignee, t.deadline) for t in extract_tasks(said, MONDAY, calendar, roster=roster, title=title)]


_GROUP_MEETING = ("Người nói 1: Bắt đầu họp tổ dân phố số 7.\n"
                  "Đặng Thị Hạnh: Cảm ơn bà con, phường có mấy việc nhờ tổ.\n")


@pytest.mark.parametrize("said", [
    "Đặng Thị Hạnh: Bác tổ trưởng thống kê giúp các hộ có người cao tuổi, gửi phường trước thứ Sáu.",
    "Đặng Thị Hạnh: Chú Bình tổ phó thống kê giúp các hộ có người cao tuổi, gửi phường trước thứ Sáu.",
])
def test_the_officer_of_the_meetings_group(ward, on, said: str) -> None:
    title = "Họp tổ dân phố số 7 tháng 12"
    assert _titled(_GROUP_MEETING + said, ward, title) == [("Tổ dân phố số 7", "2026-12-04")]
    on.setattr(doers, "SESSION27_BARE_OFFICER", False)
    assert ("Tổ dân phố số 7", "2026-12-04") not in _titled(_GROUP_MEETING + said, ward, title)


@pytest.mark.parametrize("said", [
    "Nguyễn Văn An: Tổ 9 thì bác tổ trưởng vận động bà con dọn ngõ trước thứ Bảy.",
    "Nguyễn Văn An: Còn tổ 9, bác tổ trưởng vận động bà con dọn ngõ trước thứ Bảy.",
])
def test_the_officer_of_the_group_said_before(ward, on, said: str) -> None:
    assert tasks_said(_A + said, ward) == [("Tổ dân phố số 9", "2026-12-05")]
    on.setattr(doers, "SESSION27_BARE_OFFICER", False)
    assert tasks_said(_A + said, ward) == []


def test_the_officer_of_the_one_group_that_spoke(ward, on) -> None:
    said = (_A + "Người nói 2: Tôi là tổ trưởng tổ 11, ngõ 40 mất điện chiếu sáng cả tuần nay.\n"
            "Nguyễn Văn An: Anh Hùng cho kiểm tra nhé. Bác tổ trưởng thống kê giúp các cột hỏng, gửi anh Hùng "
            "trước thứ Năm.")
    assert ("Tổ dân phố số 11", "2026-12-03") in tasks_said(said, ward)


@pytest.mark.parametrize("said", [
    # no group in the meeting: nobody
    "Nguyễn Văn An: Bác tổ trưởng thống kê giúp các hộ có người cao tuổi trước thứ Sáu.",
    # every group's officer
    "Nguyễn Văn An: Các tổ trưởng thống kê giúp các hộ có người cao tuổi trước thứ Sáu.",
    "Nguyễn Văn An: Mỗi tổ trưởng thống kê giúp các hộ có người cao tuổi trước thứ Sáu.",
    # the officer as whom it goes to
    "Nguyễn Văn An: Tuấn gửi danh sách cho bác tổ trưởng tổ 9 trước thứ Sáu.",
])
def test_an_officer_who_is_no_doer(ward, on, said: str) -> None:
    assert all(not a.startswith("Tổ dân phố") for a, _d in tasks_said(_A + said, ward))


def test_two_groups_spoke_so_nobody(ward, on) -> None:
    said = (_A + "Người nói 2: Tôi là tổ trưởng tổ 11, ngõ 40 mất điện.\n"
            "Người nói 3: Tôi là tổ trưởng tổ 12, ngõ 42 cũng thế.\n"
            "Nguyễn Văn An: Bác tổ trưởng thống kê giúp các cột hỏng trước thứ Năm.")
    assert tasks_said(said, ward) == []


def test_an_officer_told_not_to(ward, on) -> None:
    said = _GROUP_MEETING + "Đặng Thị Hạnh: Bác tổ trưởng đừng nói với ai, để công an làm."
    assert ("Tổ dân phố số 7", None) not in _titled(said, ward, "Họp tổ dân phố số 7")


# --- doers.SESSION27_PARTNERS: the people and units listed after "phối hợp với / cùng với" are partners ---

@pytest.mark.parametrize(("said", "off"), [
    ("Nguyễn Văn An: Anh Hùng phối hợp với chị Hà và anh Nam kiểm tra các công trình trước thứ Sáu.",
     [("Hoàng Văn Nam", "2026-12-04")]),
    ("Nguyễn Văn An: Chị Hương phối hợp với anh Tuấn và chị Hà tổ chức ngày hội trước 20/12.",
     [("Phạm Thu Hà", "2026-12-20")]),
    ("Nguyễn Văn An: Chị Hương chủ trì, phối hợp với Đoàn Thanh niên và Hội Phụ nữ tổ chức ngày hội trước 20/12.",
     [("Bùi Thanh Hương", None), ("Hội Liên hiệp Phụ nữ", "2026-12-20")]),
])
def test_partners_listed_are_no_doers(ward, on, said: str, off: list) -> None:
    doer = tasks_said(_A + said, ward)
    assert len(doer) == 1 and doer[0][0] in ("Trần Văn Hùng", "Bùi Thanh Hương") and doer[0][1] is not None
    on.setattr(doers, "SESSION27_PARTNERS", False)
    assert tasks_said(_A + said, ward) == off


@pytest.mark.parametrize(("said", "due"), [
    # a comma, no "và": the next clause may be the last one's own
    ("Nguyễn Văn An: Anh Hùng làm việc với chị Hà, chị Lan gửi báo cáo trước thứ Sáu.",
     [("Trần Văn Hùng", None), ("Lê Thị Lan", "2026-12-04")]),
    # "và" opening a clause of its own after other words: a doer
    ("Nguyễn Văn An: Anh Hùng làm việc với chị Hà về kinh phí, và anh Nam kiểm tra hiện trường trước thứ Sáu.",
     [("Trần Văn Hùng", None), ("Hoàng Văn Nam", "2026-12-04")]),
    # a pair of doers with no partner word: as before
    ("Nguyễn Văn An: Chị Lan gửi giấy mời, chị Hà và anh Nam chuẩn bị hội trường trước thứ Năm.",
     [("Lê Thị Lan", None), ("Hoàng Văn Nam", "2026-12-03")]),
])
def test_a_list_that_is_no_partners(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- clause_tasks.SESSION27_RECEIVERS: the last of those the work goes to opens no clause; the date is the doer's ---

@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Chị Lan gửi giấy mời cho anh Hùng, anh Nam, anh Minh trước thứ Năm.", "2026-12-03"),
    ("Nguyễn Văn An: Chị Lan báo anh Hùng, anh Nam họp lúc 8 giờ sáng thứ Năm.", "2026-12-03"),
])
def test_the_date_after_a_list_of_receivers(ward, on, said: str, due: str) -> None:
    assert tasks_said(_A + said, ward) == [("Lê Thị Lan", due)]
    on.setattr(clause_tasks, "SESSION27_RECEIVERS", False)
    assert tasks_said(_A + said, ward) == [("Lê Thị Lan", None)]


@pytest.mark.parametrize(("said", "due"), [
    # the last name has work of its own: their clause, as before
    ("Nguyễn Văn An: Chị Lan gửi giấy mời cho anh Hùng, anh Nam làm báo cáo trước thứ Năm.",
     [("Lê Thị Lan", None), ("Hoàng Văn Nam", "2026-12-03")]),
    # no word the list goes to: a recap's items, as before
    ("Nguyễn Văn An: Chị Lan gửi giấy mời trước thứ Tư, anh Hùng, anh Nam trước thứ Năm.",
     [("Lê Thị Lan", "2026-12-02")]),
])
def test_a_list_that_is_no_receivers(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- rule R7 (session 27): "Tết tây", "Tết dương" are New Year's Day, as "Tết dương lịch" is ---

@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan gửi báo cáo trước Tết tây.", "2026-12-31"),      # it was the lunar new year's eve, 5/2
    ("chị lan gửi báo cáo trước tết dương", "2026-12-31"),      # it was no date
    ("Chị Lan gửi báo cáo trước Tết Dương lịch.", "2026-12-31"),
    ("Chị Lan gửi báo cáo trước Tết.", "2027-02-05"),           # the lunar new year, as before
])
def test_the_western_new_year(said: str, due: str) -> None:
    assert _due(said, _WEDNESDAY) == due


# --- deadlines.SESSION27_DAYS_SAID: "hai hôm nữa", "trong ba hôm", "ba bữa nữa" are so many days ---

@pytest.mark.parametrize(("said", "due"), [
    ("chị lan gửi báo cáo hai hôm nữa", "2026-12-11"),
    ("Chị Lan gửi báo cáo trong vòng 3 hôm.", "2026-12-12"),
    ("chị lan gửi báo cáo ba bữa nữa", "2026-12-12"),
])
def test_days_said_as_hom(on, said: str, due: str) -> None:
    assert _due(said, _WEDNESDAY) == due
    on.setattr(deadlines, "SESSION27_DAYS_SAID", False)
    assert _due(said, _WEDNESDAY) is None


@pytest.mark.parametrize(("said", "due"), [
    ("chị lan gửi báo cáo vài hôm nữa", None),             # no number
    ("chị lan gửi báo cáo mấy hôm nữa", None),
    ("chị lan gửi báo cáo hôm mười tám", "2026-12-18"),    # a day: as before
    ("chị lan gửi báo cáo hôm nay", "2026-12-09"),
])
def test_hom_that_counts_no_days(on, said: str, due: str | None) -> None:
    assert _due(said, _WEDNESDAY) == due


# --- doers.SESSION27_LED_PERSON: a person right after another doer's "chỉ đạo / nhắc / hướng dẫn" is whom they lead ---

@pytest.mark.parametrize(("said", "task", "off"), [
    ("Nguyễn Văn An: Chị Lan nhắc anh Hùng gửi báo cáo trước thứ Sáu.", ("Lê Thị Lan", "2026-12-04"),
     [("Lê Thị Lan", None), ("Trần Văn Hùng", "2026-12-04")]),
    ("Nguyễn Văn An: Đề nghị anh Hùng chỉ đạo anh Nam xuống tổ 5 kiểm tra trong tuần này.",
     ("Trần Văn Hùng", "2026-12-04"), [("Trần Văn Hùng", None), ("Hoàng Văn Nam", "2026-12-04")]),
    ("Nguyễn Văn An: Anh Nam hướng dẫn Huy làm hồ sơ này trong tuần.", ("Hoàng Văn Nam", "2026-12-04"),
     [("Hoàng Văn Nam", None), ("Đỗ Quang Huy", "2026-12-04")]),
])
def test_whom_a_doer_leads(ward, on, said: str, task: tuple, off: list) -> None:
    assert tasks_said(_A + said, ward) == [task]
    on.setattr(doers, "SESSION27_LED_PERSON", False)
    assert tasks_said(_A + said, ward) == off


@pytest.mark.parametrize(("said", "due"), [
    # the chair reminding: the one reminded does it
    ("Nguyễn Văn An: Tôi nhắc chị Lan gửi báo cáo trước thứ Sáu.", [("Lê Thị Lan", "2026-12-04")]),
    # a comma between: two clauses, as before
    ("Nguyễn Văn An: Anh Nam hướng dẫn, Huy làm hồ sơ này trong tuần.",
     [("Hoàng Văn Nam", None), ("Đỗ Quang Huy", "2026-12-04")]),
])
def test_no_one_led(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- doers.SESSION27_SPEAKS_UP: a member's "anh … giúp em …, ạ" asks the one addressed, not an offer of their own ---

@pytest.mark.parametrize("said", [
    "Lê Thị Lan: Anh ký giúp em quyết định trước thứ Sáu ạ.",
    "Lê Thị Lan: Anh duyệt giúp em kế hoạch trong tuần này nhé anh.",
])
def test_a_member_speaking_up(ward, on, said: str) -> None:
    assert ("Lê Thị Lan", "2026-12-04") not in tasks_said(_A + said, ward)
    on.setattr(doers, "SESSION27_SPEAKS_UP", False)
    assert ("Lê Thị Lan", "2026-12-04") in tasks_said(_A + said, ward)


def test_a_senior_offering_stays(ward, on) -> None:
    said = _A + "Lê Thị Lan: Chị Hà ơi.\nPhạm Thu Hà: Chị gửi em bản mẫu trước thứ Năm nhé."
    assert tasks_said(said, ward) == [("Phạm Thu Hà", "2026-12-03")]


# --- clause_tasks.SESSION27_OPINION: a member's "em nghĩ nên giao …", "theo em nên giao …" is a suggestion ---

@pytest.mark.parametrize(("said", "off"), [
    ("Trần Văn Hùng: Em nghĩ nên giao cho công an làm thì hơn ạ.", [("Công an phường", None)]),
    ("Lê Thị Lan: Theo em nên giao Tuấn làm việc này trước thứ Sáu ạ.", [("Lê Minh Tuấn", "2026-12-04")]),
])
def test_a_members_opinion_of_whom(ward, on, said: str, off: list) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION27_OPINION", False)
    assert tasks_said(_A + said, ward) == off


def test_the_chairs_opinion_is_given(ward, on) -> None:
    said = _A + "Nguyễn Văn An: Tôi thấy nên giao Tuấn làm việc này, xong trước thứ Sáu."
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-04")]


# --- clause_tasks.SESSION27_EXHORT: urging how to work, no work named and no date, is a routine remark ---

@pytest.mark.parametrize(("said", "off"), [
    ("Nguyễn Văn An: ừ anh minh nói đúng đấy bên công an phải làm quyết liệt hơn", [("Công an phường", None)]),
    ("Nguyễn Văn An: Anh Hùng cần thực hiện nghiêm túc hơn nữa.", [("Trần Văn Hùng", None)]),
])
def test_urging_is_no_task(ward, on, said: str, off: list) -> None:
    assert tasks_said(_A + said, ward) == []
    on.setattr(clause_tasks, "SESSION27_EXHORT", False)
    assert tasks_said(_A + said, ward) == off


@pytest.mark.parametrize(("said", "due"), [
    ("Nguyễn Văn An: Anh Minh xử lý nghiêm các trường hợp lấn chiếm.", [("Trịnh Văn Minh", None)]),  # the work
    ("Nguyễn Văn An: Anh Minh làm quyết liệt, xong trước thứ Sáu.", [("Trịnh Văn Minh", "2026-12-04")]),  # a date
])
def test_urging_with_work_or_a_date(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- merge.SESSION27_BARE_INSTEAD: "thế thì Huy làm" right after the doer's excuse moves the job just spoken of ---

@pytest.mark.parametrize(("said", "moved", "off"), [
    ("Nguyễn Văn An: Tuấn làm băng rôn trước thứ Năm nhé.\nLê Minh Tuấn: Dạ tuần này em đi tập huấn cả tuần ạ.\n"
     "Nguyễn Văn An: Vậy thì Huy lo nhé.", [("Đỗ Quang Huy", "2026-12-03")],
     [("Lê Minh Tuấn", "2026-12-03"), ("Đỗ Quang Huy", None)]),
    ("Nguyễn Văn An: Tuấn làm băng rôn được không?\nLê Minh Tuấn: Dạ tuần này em bận quá anh ạ.\n"
     "Nguyễn Văn An: Thế thì Huy làm.", [("Đỗ Quang Huy", None)], [("Lê Minh Tuấn", None), ("Đỗ Quang Huy", None)]),
])
def test_the_bare_job_moves_after_an_excuse(ward, on, said: str, moved: list, off: list) -> None:
    assert tasks_said(_A + said, ward) == moved
    on.setattr(merge, "SESSION27_BARE_INSTEAD", False)
    assert tasks_said(_A + said, ward) == off


@pytest.mark.parametrize(("said", "due"), [
    # a bare acceptance is no excuse: nothing moves
    ("Nguyễn Văn An: Chị Hà làm báo cáo quý.\nPhạm Thu Hà: Dạ.\nNguyễn Văn An: Thế thì Huy làm.",
     [("Phạm Thu Hà", None), ("Đỗ Quang Huy", None)]),
    # a job of its own: a second task, as before
    ("Nguyễn Văn An: Tuấn làm băng rôn trước thứ Năm nhé.\nLê Minh Tuấn: Dạ tuần này em bận quá ạ.\n"
     "Nguyễn Văn An: Thế Huy lo hội trường nhé.", [("Lê Minh Tuấn", "2026-12-03"), ("Đỗ Quang Huy", None)]),
])
def test_nothing_moves(ward, on, said: str, due: list) -> None:
    assert tasks_said(_A + said, ward) == due


# --- deadlines.SESSION27_PURPOSE_DATE: a date before "để" (so that) is the work's, the one after is what it is for ---

@pytest.mark.parametrize(("said", "off"), [
    ("Anh Hùng hoàn thiện hồ sơ trước thứ Tư để kịp trình quận trước thứ Sáu.", "2026-12-04"),
    ("Anh Hùng gửi số liệu cho chị Lan trước thứ Tư để chị Lan tổng hợp gửi quận trước thứ Sáu.", "2026-12-04"),
])
def test_the_date_before_the_purpose(on, said: str, off: str) -> None:
    assert _due(said) == "2026-12-02"
    on.setattr(deadlines, "SESSION27_PURPOSE_DATE", False)
    assert _due(said) == off


@pytest.mark.parametrize(("said", "due"), [
    ("Chị Lan chuẩn bị hội trường để thứ Sáu họp.", "2026-12-04"),              # only after "để": as before
    ("Chị Lan gửi báo cáo thứ Tư, để sau tính việc khác thứ Sáu.", "2026-12-04"),  # "để sau": no purpose
])
def test_a_date_after_de_that_stays(on, said: str, due: str) -> None:
    assert _due(said) == due


def test_days_said_off_takes_nothing_from_the_other_rules(on) -> None:
    on.setattr(deadlines, "SESSION27_DAYS_SAID", False)
    assert _due("chị lan gửi báo cáo trong hai hôm nay", _WEDNESDAY) == "2026-12-09"  # "hôm nay", as before


# --- deadlines.SESSION27_BARE_DAY_DUE: a day from ten up said bare before "phải xong" or after "sớm lên / lùi sang" ---

@pytest.mark.parametrize("said", [
    "anh làm sớm lên mười tám phải xong nhé",
    "chị lan làm báo cáo, mười tám phải có",
    "chị lan làm lùi sang mười tám nhé",
    "Chị Lan làm báo cáo, lùi sang 18 nhé.",
])
def test_a_bare_day_that_is_due(on, said: str) -> None:
    assert _due(said, _WEDNESDAY) == "2026-12-18"
    on.setattr(deadlines, "SESSION27_BARE_DAY_DUE", False)
    assert _due(said, _WEDNESDAY) is None


@pytest.mark.parametrize(("said", "due"), [
    ("mười tám hồ sơ phải xong", None),                          # a count with its noun
    ("còn 15 phải xong nhé", None),                              # after a word that counts
    ("ba phải xong", None),                                      # under ten: three of them
    ("Công an phường làm căn cước, trong tháng 12 phải xong.", "2026-12-31"),  # the month's number: as before
    ("Tuấn rà soát, xong trước 15/12 gửi chị Hạnh.", "2026-12-15"),            # a date's month: as before
])
def test_a_number_that_is_no_day(on, said: str, due: str | None) -> None:
    assert _due(said, _WEDNESDAY) == due
