"""Headings of biên bản items found without an agenda (appliance/meetings/headings.py): the clause that names
what sets the item apart, never a greeting, an assent or a bare report opener. The wording is written for this
test (no test set's transcript)."""

from __future__ import annotations

from appliance.meetings.headings import headings
from appliance.meetings.topics import Line, by_topic

SAID = [
    ("Nguyễn Văn An", "Chào các đồng chí, mình bắt đầu nhé."),
    ("Phạm Thu Hà", "Em xin báo cáo, việc cấp đổi thẻ bảo hiểm y tế cho người cao tuổi tháng này còn chậm."),
    ("Phạm Thu Hà", "Bảo hiểm xã hội quận chưa gửi lại danh sách thẻ bảo hiểm y tế đã in."),
    ("Nguyễn Văn An", "Tốt. Chị Hà đôn đốc bảo hiểm xã hội quận gửi danh sách thẻ trước thứ Sáu."),
    ("Phạm Thu Hà", "Dạ vâng, em làm ạ."),
    ("Trịnh Văn Minh", "Báo cáo anh, đêm qua có một vụ cháy xe máy ở nhà để xe chung cư B2."),
    ("Trịnh Văn Minh", "Nhà để xe chung cư B2 không có bình chữa cháy, lối thoát bị chắn."),
    ("Nguyễn Văn An", "Anh Minh lập biên bản, yêu cầu ban quản lý chung cư B2 trang bị bình chữa cháy."),
    ("Trịnh Văn Minh", "Rõ, thưa anh."),
]


def _lines() -> list[Line]:
    return [Line(i, who, text, float(i)) for i, (who, text) in enumerate(SAID)]


def test_an_item_is_headed_by_what_it_is_about():
    sections = by_topic(_lines(), None)
    titles = [s.title for s in sections]
    assert len(sections) == 2, titles
    assert "bảo hiểm y tế" in titles[0].lower() and "chung cư B2" in titles[1], titles
    for title in titles:  # no greeting, assent or report opener
        assert not title.lower().startswith(("chào", "tốt", "dạ", "em xin báo cáo", "báo cáo anh", "rõ")), title


def test_directions_to_a_person_and_questions_do_not_head_an_item():
    items = [["Lan chuẩn bị phòng họp trực tuyến nhé.", "Kế hoạch tổng vệ sinh cuối năm phải xong trước ngày 20."],
             ["Hồ sơ đất của nhà số 12 ai đang giữ?", "Hồ sơ đất nhà số 12 ngõ 40 đã chuyển sang địa chính."]]
    first, second = headings(items, people=["Lê Thị Lan"])
    assert first is not None and first.startswith("Kế hoạch tổng vệ sinh cuối năm"), first
    assert second is not None and not second.endswith("?") and "nhà số 12" in second, second


def test_an_item_of_fillers_only_keeps_its_own_title():
    assert headings([["Dạ vâng.", "Rõ ạ."], ["Kinh phí sửa nhà văn hóa tổ 5 đã được duyệt."]]) == [
        None, "Kinh phí sửa nhà văn hóa tổ 5 đã được duyệt"]


def test_a_units_name_is_never_cut_at_its_comma():
    """The ward's units have commas in their names ("Phòng Kinh tế, Hạ tầng và Đô thị"); cut there, a heading
    began in the middle of the name ("Hạ tầng và Đô thị báo cáo tuần qua đã xử lý…"). A unit opening its
    own report is an opener, as "em xin báo cáo" is; the unit named elsewhere stays whole."""
    units = ["Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"]
    report = ["Phòng Kinh tế, Hạ tầng và Đô thị báo cáo tuần qua đã xử lý 12 trường hợp đổ phế thải ra ngõ 7."]
    other = ["Kế hoạch hiến máu tình nguyện đợt hai đã gửi các tổ dân phố."]
    first, second = headings([report, other], units=units)
    assert first is not None and first.startswith("Tuần qua đã xử lý 12 trường hợp đổ phế thải"), first
    assert second is not None and second.startswith("Kế hoạch hiến máu"), second
    # without the units the name is cut at its comma, as before
    cut, _ = headings([report, other])
    assert cut is not None and cut.startswith("Hạ tầng và Đô thị báo cáo"), cut
    (whole,) = headings([["Giao Phòng Kinh tế, Hạ tầng và Đô thị khảo sát điểm đổ phế thải ở ngõ 7."]], units=units)
    assert whole is not None and "Phòng Kinh tế, Hạ tầng và Đô thị" in whole, whole
