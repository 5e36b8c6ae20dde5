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
