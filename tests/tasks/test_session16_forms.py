"""Session 16 (docs/meetings.md, "Session 16"): bug fixes (rule R7: the output contradicts the plain meaning of the
input; no setting) and the session's forms, each in new words written for this file (not the training meetings'
sentences), and where it must not fire; unconditional since session 18 (rule R8), the settings off by R1 deleted with
their code."""

from __future__ import annotations

import pytest

from appliance.tasks import clause_model, cues, dialogue, phrases, undated_drops
from appliance.tasks.clause_add import additions
from appliance.tasks.deadlines import find_deadline
from appliance.tasks.dialogue import turns
from appliance.tasks.extract import extract_tasks
from appliance.tasks.roster import Roster
from appliance.text.dates import WorkCalendar
from tests.tasks.transcripts import MONDAY, memory_ward, tasks_said


def _due(said: str, ward: tuple[Roster, WorkCalendar]) -> str | None:
    found = find_deadline(said, MONDAY, None, ward[1])
    return found[0].isoformat() if found else None


# --- bug fix: a day said in words is read whole (was deadlines.SESSION15_WHOLE_NUMBER, off) ---

@pytest.mark.parametrize(("said", "due"), [
    ("chị gửi em trước mười hai giờ trưa mai nhé", "2026-12-01"),    # not "before the 10th"
    ("anh nộp trước mười một giờ sáng thứ tư", "2026-12-02"),
    ("trước mười giờ sáng mai tổ gửi danh sách lên phường", "2026-12-01"),
])
def test_an_hour_in_words_is_no_day_of_the_month(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due


@pytest.mark.parametrize(("said", "due"), [
    ("xong trước mười lăm nhé", "2026-12-15"),         # a whole day in words still reads
    ("tổ trực tối hai mươi tư nhé", "2026-12-24"),
    ("gửi anh trước hai mươi", "2026-12-20"),
    ("trước ngày mười hai tháng mười hai nộp về phường", "2026-12-12"),
])
def test_whole_days_in_words_still_read(ward: tuple[Roster, WorkCalendar], said: str, due: str) -> None:
    assert _due(said, ward) == due


# --- the session's forms ---

def test_asking_where_someone_is_calls_them(ward):
    said = ("Nguyễn Văn An: Hồ sơ cấp phép ngõ 9 thì sao?\n"
            "Phạm Thu Hà: Dạ còn chậm ở khâu thẩm định ạ.\n"
            "Nguyễn Văn An: Thắng đâu, em hoàn thiện hồ sơ đó trước thứ Năm nhé.")
    assert tasks_said(said, ward) == [("Ngô Đức Thắng", "2026-12-03")]


def test_where_it_is_kept_calls_nobody(ward):
    said = ("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\n"
            "Nguyễn Văn An: Hồ sơ để đâu, chị Hương kiểm tra lại trước thứ Sáu.")
    assert tasks_said(said, ward) == [("Bùi Thanh Hương", "2026-12-04")]


LONG_IF = ("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\n"
           "Nguyễn Văn An: Nếu thấy các hộ kinh doanh còn bày hàng ra lòng đường sau giờ quy định thì anh Hùng lập "
           "biên bản ngay nhé.")


def test_a_long_condition_before_the_doer_gives_no_task(ward):
    assert tasks_said(LONG_IF, ward) == []


def test_a_condition_after_the_task_leaves_it(ward):
    said = "Nguyễn Văn An: Anh Hùng kiểm tra vỉa hè phố Tam Trinh trước thứ Sáu, nếu vi phạm thì lập biên bản."
    assert tasks_said(said, ward) == [("Trần Văn Hùng", "2026-12-04")]


BY_ONESELF = ("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\n"
              "Nguyễn Văn An: Chị Hương tự liên hệ nhà in đặt băng rôn, trong tuần này nhé.")


def test_by_oneself_between_the_doer_and_the_verb(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)  # the rules alone
    assert tasks_said(BY_ONESELF, ward) == [("Bùi Thanh Hương", "2026-12-04")]


def test_tu_before_a_noun_is_no_verb(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    assert phrases.VERB_AHEAD.match(" tự làm thủ tục") is not None
    assert phrases.VERB_AHEAD.match(" tự nguyện đóng góp") is None


MEETING_NOW = ("Người nói 1: alo alo, bà con trật tự. Hôm nay tổ dân phố số 6 họp bàn chuẩn bị bầu trưởng tổ dân phố "
               "nhiệm kỳ mới, có chị Hạnh về dự")


def test_this_meeting_said_as_a_group_meeting_today_is_no_task(ward):
    assert tasks_said(MEETING_NOW, ward) == []


RESIDENT = ("Đặng Thị Hạnh: Mời bà con có ý kiến.\n"
            "Người nói 1: Tôi là người dân tổ 8 thôi, cống trước nhà tôi tắc cả tháng nay rồi.\n"
            "Đặng Thị Hạnh: Thế thì bác dọn rác trước cửa nhà mình trong hôm nay nhé.")


def test_what_is_asked_of_a_resident_is_no_task(ward):
    assert tasks_said(RESIDENT, ward) == []


def test_an_unnamed_voice_who_is_no_resident_keeps_its_task(ward):
    said = ("Đặng Thị Hạnh: Mời các đồng chí có ý kiến.\n"
            "Người nói 1: Dân tổ tôi phản ánh cống tắc cả tháng nay rồi.\n"
            "Đặng Thị Hạnh: Thế thì bác lập danh sách các hộ bị ngập trong hôm nay nhé.")
    assert tasks_said(said, ward) == [("", "2026-11-30")]


CHAIR_EM = ("Nguyễn Văn An: Bắt đầu.\n"
            "Người nói 2: Anh ơi, mẫu báo cáo năm ngoái em còn giữ, để em gửi chị Lan luôn.\n"
            "Nguyễn Văn An: Ừ em gửi chị Lan trong chiều nay nhé.")


def test_the_sentence_model_adds_no_task_of_the_chairs_own_em(ward):
    assert ("Nguyễn Văn An", "2026-11-30") not in tasks_said(CHAIR_EM, ward)


class _Sure:
    """A sentence model sure that every sentence gives work (clause_add reads only these three)."""
    add = 0.5
    drop = 0.5

    def probability(self, sentence: str, names: frozenset[str], chair: bool) -> float:
        return 1.0


def test_the_chairs_em_is_not_the_chair_to_the_sentence_model(ward):
    people, calendar = ward
    lines = turns("Nguyễn Văn An: Bắt đầu.\nNguyễn Văn An: Ừ em gửi chị Lan trong chiều nay nhé.", people)
    added = additions(lines, [], set(), _Sure(), frozenset(), people, MONDAY, calendar)  # type: ignore[arg-type]
    assert [a.person.name for a in added] == []
    # a member's own "em" is still theirs
    lines = turns("Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ em gửi chị Lan trong chiều nay ạ.", people)
    added = additions(lines, [], set(), _Sure(), frozenset(), people, MONDAY, calendar)  # type: ignore[arg-type]
    assert [a.person.name for a in added] == ["Lê Minh Tuấn"]


HELPER_AT_END = ("Nguyễn Văn An: Tổ chức ngày hội đại đoàn kết ở tổ 4, chị Hương chủ trì, anh Tuấn huy động đoàn viên "
                 "phối hợp, xong trước ngày 10/12.")


def test_a_clause_closing_on_phoi_hop_helps_the_doer(ward):
    assert tasks_said(HELPER_AT_END, ward) == [("Bùi Thanh Hương", "2026-12-10")]


SENT_ON = "Nguyễn Văn An: Anh Thắng soạn tờ trình, chuyển chị Lan trình anh ký, trong tuần này phải xong."


def test_the_one_a_draft_is_sent_on_to_is_no_doer(ward):
    assert tasks_said(SENT_ON, ward) == [("Ngô Đức Thắng", "2026-12-04")]


def test_handing_a_task_over_still_hands_it(ward):
    said = ("Nguyễn Văn An: Chị Hương lập danh sách hộ cận nghèo, trước ngày 9/12.\n"
            "Bùi Thanh Hương: Anh ơi tuần này em đi tập huấn ở quận cả tuần ạ.\n"
            "Nguyễn Văn An: Chị Hương bận thì thôi chuyển Tuấn làm.")
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-09")]


DROPPED = ("Nguyễn Văn An: ... alo ... nghe rõ không\n"
           "Trần Văn Hùng: dạ rõ anh\n"
           "Nguyễn Văn An: ừ ... Hùng ... kiểm tra ... cống ngõ 12 ... trước thứ sáu")


def test_words_dropping_out_of_a_bad_line_leave_one_sentence(ward):
    assert tasks_said(DROPPED, ward) == [("Trần Văn Hùng", "2026-12-04")]


def test_a_trailing_thoi_after_dots_still_withdraws(ward):
    people, _calendar = ward
    text = turns("Nguyễn Văn An: chị Lan in giấy mời... thôi, Tuấn in luôn.", people)[0].text
    assert "... thôi," in text
    assert dialogue._gaps("Hết giờ... Mai họp tiếp.") == "Hết giờ... Mai họp tiếp."


ANSWER_UP = ("Phạm Thu Hà: alo anh Bảo ơi, anh nghe rõ không ạ\n"
             "Phạm Quốc Bảo: rõ, chị Hà trực thay anh thứ Bảy được không\n"
             "Phạm Thu Hà: dạ được anh, em trực thứ Bảy ạ")


def test_the_openers_em_after_da_is_themself(ward):
    assert tasks_said(ANSWER_UP, ward) == [("Phạm Thu Hà", "2026-12-05")]


def test_the_chairs_em_without_da_is_still_whom_they_answer(ward):
    said = ("Nguyễn Văn An: Bắt đầu.\n"
            "Bùi Thanh Hương: Anh ơi danh sách hộ nghèo có cần gửi quận không ạ?\n"
            "Nguyễn Văn An: Ừ, em gửi quận trước thứ Sáu.")
    assert tasks_said(said, ward) == [("Bùi Thanh Hương", "2026-12-04")]


READ_BACK = ("Phạm Thu Hà: alo anh An ơi, cả phòng đang nghe loa ngoài ạ\n"
             "Nguyễn Văn An: anh nói là ... Sơn ... kiểm tra ... các điểm ... trông giữ xe ... trước ngày 10/12\n"
             "Cao Văn Sơn: dạ rõ, kiểm tra các điểm trông giữ xe, trước ngày 10/12 ạ")


def test_reading_back_an_order_is_no_task_of_the_chair(ward):
    assert tasks_said(READ_BACK, ward) == [("Cao Văn Sơn", "2026-12-10")]


def test_an_order_said_back_to_the_one_who_answered_stands(ward):
    said = ("Nguyễn Văn An: Hồ sơ cấp phép ngõ 9 thế nào rồi Thắng?\n"
            "Ngô Đức Thắng: Dạ còn hai hồ sơ ạ.\n"
            "Nguyễn Văn An: Khẩn trương lên, thứ Tư này báo cáo tôi kết quả.")
    assert tasks_said(said, ward) == [("Ngô Đức Thắng", "2026-12-02")]


SAME_JOB = ("Nguyễn Văn An: Tuấn chụp ảnh hiện trạng vỉa hè phố Tam Trinh, gửi anh trước thứ Năm.\n"
            "Lê Minh Tuấn: Anh ơi máy ảnh của phòng đang hỏng, anh Huy có máy đấy ạ.\n"
            "Nguyễn Văn An: Thế thì Huy chụp ảnh hiện trạng vỉa hè phố Tam Trinh nhé.")


def test_the_same_job_given_to_another_after_its_doer_answered_moves(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)  # the rules alone
    assert tasks_said(SAME_JOB, ward) == [("Đỗ Quang Huy", "2026-12-03")]


def test_another_job_for_someone_else_leaves_the_first(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    said = ("Nguyễn Văn An: Tuấn chụp ảnh hiện trạng vỉa hè phố Tam Trinh, gửi anh trước thứ Năm.\n"
            "Lê Minh Tuấn: Dạ vâng ạ.\n"
            "Nguyễn Văn An: Thế thì Huy đo lại chiều rộng vỉa hè nhé.")
    assert ("Lê Minh Tuấn", "2026-12-03") in tasks_said(said, ward)


OFFERED = ("Nguyễn Văn An: Máy chiếu phòng họp hỏng từ hôm thứ Sáu.\n"
           "Đỗ Quang Huy: Dạ em quen bên bảo hành, để em lo ạ.\n"
           "Nguyễn Văn An: Ừ Huy liên hệ bảo hành sửa máy chiếu, thứ Tư xong nhé.")


def test_the_chair_agreeing_to_an_undated_offer_is_that_task(ward):
    assert tasks_said(OFFERED, ward) == [("Đỗ Quang Huy", "2026-12-02")]


def test_an_order_long_after_an_offer_is_its_own(ward):
    said = ("Nguyễn Văn An: Máy chiếu phòng họp hỏng từ hôm thứ Sáu.\n"
            "Đỗ Quang Huy: Dạ để em lo ạ.\n"
            "Phạm Thu Hà: Anh ơi máy lấy số cũng hỏng ạ.\n"
            "Lê Thị Lan: Vâng, cả máy in nữa ạ.\n"
            "Nguyễn Văn An: Ừ Huy kiểm tra máy lấy số, thứ Tư báo anh.")
    assert ("Đỗ Quang Huy", "2026-12-02") in tasks_said(said, ward)


CALLED_WITH_UNIT = ("Nguyễn Văn An: Bắt đầu.\n"
                    "Trịnh Văn Minh: Báo cáo anh, tuần qua địa bàn ổn định ạ.\n"
                    "Nguyễn Văn An: Chị Hương văn hóa, cái quỹ khuyến học năm nay còn mấy tổ chưa nộp. Chị nhắc các "
                    "tổ, trong tuần này xong.")


def test_a_call_naming_the_persons_unit_before_the_comma(ward):
    assert tasks_said(CALLED_WITH_UNIT, ward) == [("Bùi Thanh Hương", "2026-12-04")]


def test_words_that_are_not_the_persons_unit_make_no_call():
    people, _calendar = memory_ward()
    assert cues.vocative_of("Chị Hương văn hóa, cái quỹ khuyến học còn thiếu.", people, []) is not None
    assert cues.vocative_of("Chị Hương rà soát, cái quỹ khuyến học còn thiếu.", people, []) is None


WHOSE = ("Nguyễn Văn An: Trung tâm bố trí người hướng dẫn nộp hồ sơ trực tuyến từ thứ Hai.\n"
         "Phạm Thu Hà: Dạ nhưng người hướng dẫn thì phải anh Tuấn bên văn hóa điều động đoàn viên ạ.")


def test_a_member_saying_whose_job_it_is_gives_no_task(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    monkeypatch.setattr(undated_drops, "member_names", lambda o: False)  # it drops such a member's undated naming
    assert ("Lê Minh Tuấn", None) not in tasks_said(WHOSE, ward)


def test_the_chair_saying_phai_still_gives_it(ward, monkeypatch):
    monkeypatch.setattr(clause_model, "BY_DEFAULT", False)
    said = "Nguyễn Văn An: Việc này thì phải anh Tuấn điều động đoàn viên, trước thứ Sáu nhé."
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-04")]


GROUP_MEETING = ("Đặng Thị Hạnh: Mời bác Khải trưởng ban công tác mặt trận tổ mình có ý kiến.\n"
                 "Phan Văn Khải: Có tôi đây.\n"
                 "Đặng Thị Hạnh: Bác tổng hợp danh sách hộ khó khăn, gửi phường trước ngày 12/12 nhé.")


def test_someone_outside_the_directory_speaks_for_the_to_at_its_own_meeting(ward):
    people, calendar = ward
    found = extract_tasks(GROUP_MEETING, MONDAY, calendar, roster=people, title="Họp tổ dân phố số 8 cuối năm")
    assert [(t.assignee, t.deadline) for t in found] == [("Tổ dân phố số 8", "2026-12-12")]


def test_at_another_meeting_they_stay_themself(ward):
    people, calendar = ward
    found = extract_tasks(GROUP_MEETING, MONDAY, calendar, roster=people, title="Giao ban tuần 49")
    assert [(t.assignee, t.deadline) for t in found] == [("Phan Văn Khải", "2026-12-12")]


AGENDA = ("Nguyễn Văn An: Hôm nay tôi nhắc mấy việc trước khi nghỉ lễ. Chị Hương rà soát danh sách hộ nghèo trước "
          "thứ Sáu.")


def test_the_chair_announcing_a_few_things_is_no_task(ward):
    assert tasks_said(AGENDA, ward) == [("Bùi Thanh Hương", "2026-12-04")]
    assert tasks_said("Nguyễn Văn An: tôi nhắc mấy việc trước thứ Sáu.", ward) == []


def test_reminding_someone_of_a_job_is_still_work(ward):
    said = "Nguyễn Văn An: Bắt đầu.\nLê Minh Tuấn: Dạ.\nNguyễn Văn An: Tuấn nhắc các tổ nộp quỹ trước thứ Sáu."
    assert tasks_said(said, ward) == [("Lê Minh Tuấn", "2026-12-04")]
