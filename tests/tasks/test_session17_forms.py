"""Session 17 (docs/meetings.md, "Session 17"): the session's forms, each in new words written for this file (not the
training meetings' sentences), and where it must not fire (unconditional since session 19)."""

from __future__ import annotations

import pytest

from appliance.tasks import clause_model, extract, undated_drops
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import MONDAY, memory_ward, tasks_said


def _due(said: str, ward: tuple[Roster, WorkCalendar]) -> str | None:
    found = find_deadline(said, MONDAY, None, ward[1])
    return found[0].isoformat() if found else None


# --- bug fix (rule R7): a day said as a routine is no deadline ---

@pytest.mark.parametrize("said", [
    "phòng Kinh tế gửi số liệu thu cho tôi sáng thứ Sáu hằng tuần",
    "tổ trưởng nộp sổ theo dõi vào ngày 25 hàng tháng",
    "mỗi thứ Hai em cập nhật bảng theo dõi lên nhóm nhé",
    "Trung tâm mở thêm quầy các sáng thứ Bảy",
])
def test_a_routine_day_is_no_deadline(ward: tuple[Roster, WorkCalendar], said: str) -> None:
    assert _due(said, ward) is None


@pytest.mark.parametrize(("said", "due"), [
    ("chuẩn bị chương trình văn nghệ chào năm mới đêm 31/12", "2026-12-31"),   # "mới" is new, not "mỗi"
    ("gửi bảng theo dõi hằng tuần cho tôi trước thứ Sáu", "2026-12-04"),        # the routine is the report's
    ("họp các tổ trưởng thứ Năm này", "2026-12-03"),
])
def test_a_day_beside_a_routine_word_still_reads(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due


# --- an undated offer nobody took up is no task (undated_drops.lone_offer) ---

LONE_OFFERS = [
    ("Nguyễn Văn An: Hồ sơ xin phép sửa nhà ở ngõ 12 đến đâu rồi?\n"
     "Hoàng Văn Nam: Dạ em đang xem ạ, em sẽ gọi thêm người bên tổ đi cùng anh Thắng ạ.\n"
     "Nguyễn Văn An: Ừ, chuyển sang việc khác."),
    ("Nguyễn Văn An: Bắt đầu nhé.\n"
     "Bùi Thanh Hương: Dạ, em nhận ạ.\n"
     "Nguyễn Văn An: Tiếp theo là lịch tiếp dân."),
]


@pytest.mark.parametrize("said", LONE_OFFERS)
def test_an_undated_offer_nobody_takes_up_is_no_task(ward, said: str) -> None:
    assert tasks_said(said, ward) == []


@pytest.mark.parametrize(("said", "due"), [
    # an offer with its own date stands
    ("Nguyễn Văn An: Hồ sơ xin phép sửa nhà ở ngõ 12 đến đâu rồi?\n"
     "Hoàng Văn Nam: Dạ em sẽ gửi anh biên bản kiểm tra trước thứ Sáu ạ.", [("Hoàng Văn Nam", "2026-12-04")]),
    # an undated offer the chair takes up stands
    ("Nguyễn Văn An: Hồ sơ xin phép sửa nhà ở ngõ 12 đến đâu rồi?\n"
     "Hoàng Văn Nam: Dạ để em kiểm tra lại hồ sơ đó ạ.\n"
     "Nguyễn Văn An: Ừ, Nam kiểm tra lại hồ sơ đó, thứ Sáu báo anh.", [("Hoàng Văn Nam", "2026-12-04")]),
    # an undated task the chair gives stands
    ("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\n"
     "Nguyễn Văn An: Chị Hương liên hệ nhà in đặt băng rôn.", [("Bùi Thanh Hương", None)]),
])
def test_dated_offers_and_given_tasks_stand(ward, said: str, due: list[tuple[str, str | None]]) -> None:
    assert tasks_said(said, ward) == due


# --- the chair adopting a member's dated proposal takes its date (proposals) ---

ADOPTED = ("Nguyễn Văn An: Tiếp theo là hội nghị tiếp xúc cử tri.\n"
           "Đặng Thị Hạnh: Anh An, em đề nghị Mai in tài liệu cho đại biểu trước thứ Năm.\n"
           "Nguyễn Văn An: Ừ, Mai in tài liệu nhé.")


def test_the_chair_adopting_a_dated_proposal_takes_its_date(ward) -> None:
    assert tasks_said(ADOPTED, ward) == [("Vũ Thị Mai", "2026-12-03")]


@pytest.mark.parametrize("said", [
    # a question, not a proposal
    "Nguyễn Văn An: Tiếp theo là hội nghị tiếp xúc cử tri.\n"
    "Đặng Thị Hạnh: Anh An, có cần Mai in tài liệu cho đại biểu trước thứ Năm không ạ?\n"
    "Nguyễn Văn An: Ừ, Mai in tài liệu nhé.",
    # the proposal named another person
    "Nguyễn Văn An: Tiếp theo là hội nghị tiếp xúc cử tri.\n"
    "Đặng Thị Hạnh: Anh An, em đề nghị chị Lan in tài liệu cho đại biểu trước thứ Năm.\n"
    "Nguyễn Văn An: Ừ, Mai in tài liệu nhé.",
    # another job
    "Nguyễn Văn An: Tiếp theo là hội nghị tiếp xúc cử tri.\n"
    "Đặng Thị Hạnh: Anh An, em đề nghị Mai gửi giấy mời cho đại biểu trước thứ Năm.\n"
    "Nguyễn Văn An: Ừ, Mai in tài liệu nhé.",
])
def test_no_date_is_taken_from_what_was_not_proposed(ward, said: str) -> None:
    assert tasks_said(said, ward) == [("Vũ Thị Mai", None)]


# --- the chair moving a named doer's deadline (clause_dates.postponed) ---

POSTPONED = ("Nguyễn Văn An: Bắt đầu.\n"
             "Nguyễn Văn An: Tuấn in băng rôn tuyên truyền, xong trước thứ Tư.\n"
             "Lê Minh Tuấn: Dạ.\n"
             "Nguyễn Văn An: Chị Hương gửi danh sách gia đình chính sách trước thứ Năm.\n"
             "Bùi Thanh Hương: Dạ.\n"
             "Nguyễn Văn An: Anh Hùng kiểm tra vỉa hè phố chợ trước thứ Sáu.\n"
             "Trần Văn Hùng: Dạ.\n"
             "Nguyễn Văn An: À Tuấn ơi băng rôn thì lùi sang thứ Hai tuần sau cũng được, tuần này em bận hội diễn.")


def test_the_chair_moving_a_named_doers_deadline(ward) -> None:
    assert tasks_said(POSTPONED, ward) == [("Lê Minh Tuấn", "2026-12-07"), ("Bùi Thanh Hương", "2026-12-03"),
                                            ("Trần Văn Hùng", "2026-12-04")]


def test_a_postponement_calling_nobody_moves_the_task_just_discussed(ward) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Nguyễn Văn An: Anh Hùng kiểm tra vỉa hè phố chợ trước thứ Tư.\n"
            "Trần Văn Hùng: Anh ơi thứ Tư em đi tập huấn ạ.\n"
            "Nguyễn Văn An: Thế thì lùi sang thứ Sáu.")
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-04")]


# --- "anh em" is a group (doers) ---

COLLECTIVE = ("Nguyễn Văn An: Bắt đầu.\n"
              "Người nói 1: Dạ em là tổ trưởng tổ 6, đầu ngõ có cột điện nghiêng lắm ạ.\n"
              "Nguyễn Văn An: Thế à. Anh Hùng cho anh em xuống kiểm tra cột điện đó, thứ Tư báo anh.")


def test_anh_em_is_a_group_not_the_one_answered(ward) -> None:
    assert tasks_said(COLLECTIVE, ward) == [("Trần Văn Hùng", "2026-12-02")]


def test_the_chairs_em_still_answers(ward) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Lê Minh Tuấn: Anh ơi băng rôn chưa in ạ.\n"
            "Nguyễn Văn An: Thế thì em in ngay, thứ Tư xong nhé.")
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-02")]


# --- "X chủ trì" alone restates X's task (merge) ---

LEADS = ("Nguyễn Văn An: Bắt đầu.\n"
         "Nguyễn Văn An: Phòng Văn hóa - Xã hội tổ chức giải bóng đá thiếu niên dịp hè.\n"
         "Bùi Thanh Hương: Dạ nhưng sân bãi thì phải bên kinh tế lo ạ.\n"
         "Nguyễn Văn An: Ừ thì phòng Văn hóa - Xã hội chủ trì, phòng Kinh tế phối hợp.")


def test_who_leads_a_task_just_given_is_that_task(ward) -> None:
    assert tasks_said(LEADS, ward) == [("Phòng Văn hóa - Xã hội", None)]


# --- "thì là…" before a doer is a hesitation (doers) ---

HESITATION = ("Nguyễn Văn An: Bắt đầu.\nTrần Văn Hùng: Dạ.\n"
              "Nguyễn Văn An: Còn vỉa hè phố chợ thì… thì là… anh Hùng lập biên bản các hộ lấn chiếm, thứ Sáu báo anh.")


def test_a_doer_after_a_hesitation(ward) -> None:
    assert tasks_said(HESITATION, ward) == [("Trần Văn Hùng", "2026-12-04")]


def test_la_before_a_name_still_says_who_it_is(ward) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\nTrần Văn Hùng: Dạ.\n"
            "Nguyễn Văn An: Người phụ trách bây giờ là anh Hùng làm cùng Thắng.")
    assert tasks_said(said, ward) == []


# --- a member naming another for an undated job nobody takes up (undated_drops.member_names) ---

MEMBER_NAMES = ("Nguyễn Văn An: Cái nhà văn hóa tổ 3 thì ai quản lý nhỉ?\n"
                "Trần Văn Hùng: Dạ nhà văn hóa do phường quản lý, Phòng Văn hóa - Xã hội theo dõi ạ.\n"
                "Nguyễn Văn An: Ừ, chuyển sang việc khác.")


def test_a_member_saying_whose_job_it_is_gives_no_task(ward, monkeypatch) -> None:
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)  # the rules alone
    assert tasks_said(MEMBER_NAMES, ward) == []


@pytest.mark.parametrize(("said", "due"), [
    # the chair's undated task stands
    ("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\nNguyễn Văn An: Phòng Văn hóa - Xã hội theo dõi nhà văn hóa tổ 3.",
     [("Phòng Văn hóa - Xã hội", None)]),
    # a member's dated proposal for another is left to the rules as before
    ("Nguyễn Văn An: Bắt đầu.\n"
     "Trần Văn Hùng: Dạ Thắng kiểm tra lại công trình đó trước thứ Sáu ạ.\n"
     "Nguyễn Văn An: Ừ.", [("Ngô Đức Thắng", "2026-12-04")]),
])
def test_the_chairs_and_dated_tasks_stand(ward, monkeypatch, said: str, due: list[tuple[str, str | None]]) -> None:
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert tasks_said(said, ward) == due


# --- an offer after the matter it takes opens its clause (doers) ---

EVENT_OFFER = ("Nguyễn Văn An: Hội chợ Xuân khai mạc ngày 20 tháng 12 ở sân nhà văn hóa.\n"
               "Người nói 1: Sân còn nhiều vật liệu xây dựng để bừa bãi lắm ạ.\n"
               "Trần Văn Hùng: Việc này để em lo, em cho người dọn sạch trước ngày khai mạc.")


def test_an_offer_after_its_matter(ward, monkeypatch) -> None:
    monkeypatch.setattr(undated_drops, "lone_offer", lambda o: False)  # the drop would take the undated offer out
    assert tasks_said(EVENT_OFFER, ward) == [("Trần Văn Hùng", None)]


# --- an undated job for a pronoun nobody takes up (undated_drops.lone_pronoun) ---

LONE_PRONOUN = ("Nguyễn Văn An: Bắt đầu.\n"
                "Đỗ Quang Huy: Anh ơi em định vẽ lại sơ đồ các điểm đỗ xe trên phố chợ.\n"
                "Nguyễn Văn An: Ừ tốt, em làm đi.\n"
                "Nguyễn Văn An: Chuyển sang việc khác.")


def test_an_undated_job_for_a_pronoun_nobody_takes_up(ward, monkeypatch) -> None:
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert tasks_said(LONE_PRONOUN, ward) == []


def test_a_dated_job_for_a_pronoun_stands(ward) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Đỗ Quang Huy: Anh ơi sơ đồ các điểm đỗ xe chưa xong ạ.\n"
            "Nguyễn Văn An: Ừ, em làm nốt, thứ Năm gửi anh.")
    assert tasks_said(said, ward) == [("Đỗ Quang Huy", "2026-12-03")]


# --- a speaker outside the directory called by honorific and given name (Roster.with_guests) ---

GUEST_TITLE = "Họp tổ dân phố số 8 bàn việc làm sạch ngõ đón Tết"
GUEST = ("Đinh Văn Tường: Bà con trật tự nhé, hôm nay tổ dân phố số 8 họp bàn làm sạch ngõ.\n"
         "Bùi Thanh Hương: Cháu chào các bác.\n"
         "Bùi Thanh Hương: Việc thứ nhất, bác Tường huy động các hộ phát quang bờ rào, xong trước ngày 12/12 nhé.")


def _guest_tasks(said: str, title: str) -> list[tuple[str, str | None]]:
    people, calendar = memory_ward()
    return [(t.assignee, t.deadline) for t in extract.extract_tasks(said, MONDAY, calendar, roster=people, title=title)]


def test_a_speaker_outside_the_directory_called_by_name(monkeypatch) -> None:
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert _guest_tasks(GUEST, GUEST_TITLE) == [("Tổ dân phố số 8", "2026-12-12")]


def test_a_given_name_of_the_directory_stays_the_directorys() -> None:
    said = ("Đinh Văn Hùng: Bà con trật tự nhé.\n"
            "Nguyễn Văn An: Anh Hùng kiểm tra lại đường ống ngõ 8, xong trước thứ Sáu.")
    assert _guest_tasks(said, "Giao ban") == [("Trần Văn Hùng", "2026-12-04")]


# --- "X lo luôn" after X's dated task adds to it (merge) ---

ALSO = ("Nguyễn Văn An: Bắt đầu.\n"
        "Nguyễn Văn An: Tuấn viết kịch bản buổi văn nghệ, thứ Năm gửi anh.\n"
        "Lê Minh Tuấn: Dạ.\n"
        "Nguyễn Thị Lan: Dạ em có ý kiến ạ.\n"
        "Nguyễn Văn An: Thế còn phông nền với ánh sáng, Tuấn lo luôn nhé.")


def test_a_part_as_well_adds_to_the_doers_task(ward, monkeypatch) -> None:
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)


def test_luon_for_someone_without_a_task_is_a_task(ward, monkeypatch) -> None:
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Nguyễn Văn An: Tuấn viết kịch bản buổi văn nghệ, thứ Năm gửi anh.\n"
            "Lê Minh Tuấn: Dạ.\n"
            "Nguyễn Văn An: Thế còn phông nền với ánh sáng, anh Thắng lo luôn nhé.")
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-03"), ("Ngô Đức Thắng", None)]
