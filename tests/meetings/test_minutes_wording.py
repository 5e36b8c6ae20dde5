"""Whose words a conclusion of the biên bản is, and headings that end where the matter does (no chair entered:
the case of a secretary who fills the details in later)."""

from __future__ import annotations

from appliance.meetings.minutes_content import extractive, is_question
from appliance.meetings.topics import Line, Section, _opening_title, _title_of

NAMES = {"An": "Nguyễn Văn An", "Lan": "Lê Thị Lan", "Hùng": "Trần Văn Hùng", "Bảo": "Phạm Quốc Bảo"}
PEOPLE = {"Nguyễn Văn An": "Nguyễn Văn An (Lãnh đạo UBND)", "Lê Thị Lan": "Lê Thị Lan (Văn phòng HĐND và UBND)",
          "Trần Văn Hùng": "Trần Văn Hùng (Phòng Kinh tế)", "Phạm Quốc Bảo": "Phạm Quốc Bảo (Lãnh đạo UBND)"}


def _item(*turns: tuple[str, str], chair: str = "", quotes: tuple[str, ...] = ()) -> list[str]:
    lines = [Line(i, NAMES[who], text, 6.0 * i) for i, (who, text) in enumerate(turns)]
    return [p.text for p in extractive(Section("Việc", lines), PEOPLE, chair, None, quotes).conclusions]


def test_a_direction_to_someone_else_is_not_the_speakers_commitment():
    said = _item(("An", "ừ chị lan bố trí phòng họp trực tuyến với kiểm tra đường truyền trước thứ năm nhé"),
                 ("Lan", "dạ vâng"),
                 ("Hùng", "để em làm báo cáo tổng hợp, thứ hai em gửi anh"),
                 quotes=("chị lan bố trí phòng họp trực tuyến", "để em làm báo cáo tổng hợp"))
    assert not any(s.startswith("Nguyễn Văn An (Lãnh đạo UBND) nhận") for s in said), said
    assert ("Nguyễn Văn An (Lãnh đạo UBND): Chị lan bố trí phòng họp trực tuyến với kiểm tra đường truyền trước "
            "thứ năm.") in said
    assert any(s.startswith("Trần Văn Hùng (Phòng Kinh tế) nhận: Để em làm báo cáo tổng hợp") for s in said), said


def test_the_chairs_own_words_stand_alone():
    said = _item(("An", "chị lan bố trí phòng họp trước thứ năm nhé"), ("Lan", "dạ vâng em nhận ạ"),
                 chair="Nguyễn Văn An", quotes=("chị lan bố trí phòng họp", "dạ vâng em nhận ạ"))
    assert said == ["Chị lan bố trí phòng họp trước thứ năm.", "Lê Thị Lan (Văn phòng HĐND và UBND) nhận nhiệm vụ."]


def test_a_report_and_a_question_are_no_conclusions():
    said = _item(("Hùng", "báo cáo anh tuần trước phòng em đã xử lý xong ba điểm tập kết rác trên phố Minh Khai rồi ạ"),
                 ("Bảo", "còn việc đôn đốc thu phí vệ sinh thì anh giao huy làm hay là ai"),
                 ("An", "anh Hùng kiểm tra lại điểm tập kết rác trước thứ sáu"))
    assert said == ["Nguyễn Văn An (Lãnh đạo UBND): Anh Hùng kiểm tra lại điểm tập kết rác trước thứ sáu."]
    assert is_question("anh giao huy làm hay là ai") and not is_question("việc đấy chưa giao ai cả")


def test_a_heading_ends_with_the_matter():
    assert _title_of(Line(0, "An", "tốt còn vụ lún nứt nhà số mười bảy ngõ bốn trăm mười tám thì sao", 0.0)) == \
        "Lún nứt nhà số mười bảy ngõ bốn trăm mười tám"
    assert _title_of(Line(0, "Bảo", "còn việc đôn đốc thu phí vệ sinh thì anh giao huy làm hay là ai", 0.0)) == \
        "Đôn đốc thu phí vệ sinh"
    said = "tuần này có hội nghị trực tuyến của thành phố về cải cách hành chính và chuyển đổi số"
    long = _title_of(Line(0, "Lan", said, 0.0))
    assert long.endswith("…") and not long.rstrip("…").endswith((" và", " của"))


def test_a_matter_opened_by_a_question_is_titled_by_what_follows():
    body = [Line(0, "Đỗ Quang Huy", "ơ thế thông báo trước rồi mới thống kê à", 0.0),
            Line(1, "Phạm Quốc Bảo", "soạn thông báo yêu cầu các hộ tự tháo dỡ mái che trước thứ tư", 6.0)]
    assert _opening_title(None, body) == "Soạn thông báo yêu cầu các hộ tự tháo dỡ mái che…"
    assert _opening_title(None, body[:1]) == "Ơ thế thông báo trước rồi mới thống kê à"  # nothing better said


def test_the_address_before_what_is_said_is_not_written():
    from appliance.meetings.minutes_content import _sentence

    assert _sentence("Anh, trên đường Tam Trinh có một hố ga mất nắp, rất nguy hiểm.") == \
        "Trên đường Tam Trinh có một hố ga mất nắp, rất nguy hiểm."
    assert _sentence("Báo cáo anh, tuần qua tình hình an ninh ổn định.") == "Tuần qua tình hình an ninh ổn định."
    assert _sentence("dạ thưa chủ tịch em xin báo cáo kết quả thu thuế tháng mười") == \
        "Em xin báo cáo kết quả thu thuế tháng mười."
    # a direction naming its people keeps them
    assert _sentence("Anh Hùng, chị Lan cùng rà soát danh sách hộ nghèo trước thứ sáu.") == \
        "Anh Hùng, chị Lan cùng rà soát danh sách hộ nghèo trước thứ sáu."


def test_the_speakers_own_unit_is_named():
    from appliance.meetings.minutes_content import _sentence, unit_of

    unit = unit_of("Trịnh Văn Minh (Công an phường)")
    assert unit == "Công an phường" and unit_of("Người nói 2") is None
    assert _sentence("dạ bên em đã xác định được chủ nuôi và lập biên bản rồi ạ", unit) == \
        "Công an phường đã xác định được chủ nuôi và lập biên bản rồi."
    assert _sentence("phòng mình lấy danh sách từ cơ sở dữ liệu dân cư", "Phòng Văn hóa - Xã hội") == \
        "Phòng Văn hóa - Xã hội lấy danh sách từ cơ sở dữ liệu dân cư."
    # other tổ, and "em" the subject of what follows
    assert _sentence("lịch lãnh đạo dự ở các tổ em đã gửi các đồng chí rồi", "Văn phòng HĐND và UBND") == \
        "Lịch lãnh đạo dự ở các tổ em đã gửi các đồng chí rồi."
    assert _sentence("bên em đã gửi rồi", None) == "Bên em đã gửi rồi."  # no unit known: as said


def test_a_question_keeps_its_mark_and_a_statement_gets_none():
    from appliance.meetings.minutes_content import _sentence

    assert _sentence("chị hạnh có cần thành lập đội bắt chó thả rông không") == \
        "Chị hạnh có cần thành lập đội bắt chó thả rông không?"
    assert _sentence("mua bình cứu hỏa cho tổ được không ạ") == "Mua bình cứu hỏa cho tổ được không?"
    assert _sentence("người dẫn chương trình thì sao") == "Người dẫn chương trình thì sao?"
    assert _sentence("đội bắt chó thì nếu có kinh phí thì tính chứ giờ chưa") == \
        "Đội bắt chó thì nếu có kinh phí thì tính chứ giờ chưa."
    assert _sentence("nhà tôi đã nộp rồi từ năm ngoái mà chưa thấy gì") == \
        "Nhà tôi đã nộp rồi từ năm ngoái mà chưa thấy gì."
    assert _sentence("việc đấy chưa giao ai cả") == "Việc đấy chưa giao ai cả."


def test_only_an_unmistakable_question_asks():
    from appliance.text.questions import asks

    assert asks("có cần công an đi cùng không ạ") and asks("diễn tập vào ngày nào") and asks("xong chưa anh")
    assert asks("Tổ 5 nhận mấy suất quà?") and asks("anh giao Huy làm hay là ai")
    assert not asks("chưa giao ai cả") and not asks("giờ chưa") and not asks("mà chưa thấy gì")
    assert not asks("Tổ 5 nhận 12 suất quà.")
