"""The ward profile, departments, staff directory (matching people as meetings name them) and the
ward's working-day calendar, on a real migrated database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from appliance.text.dates import WorkCalendar, add_working_days
from appliance.ward import directory, get_profile, match_person, units, work_calendar
from appliance.ward import service as ward
from appliance.ward.directory_file import import_directory


def _people(conn: sqlite3.Connection) -> None:
    ward.save_member(conn, full_name="Nguyễn Văn Hùng", title="Phó Chủ tịch UBND", unit="Lãnh đạo UBND")
    ward.save_member(conn, full_name="Trần Thị Lan", title="Công chức Tư pháp - Hộ tịch", unit="Tư pháp - Hộ tịch",
                     aliases=["Lan tư pháp"], username="lantt")
    ward.save_member(conn, full_name="Lê Thị Lan", title="Kế toán", unit="Văn phòng HĐND và UBND")
    ward.save_member(conn, full_name="Phạm Minh Hùng", title="Chuyên viên", unit="Phòng Kinh tế, Hạ tầng và Đô thị")


def test_a_fresh_unit_has_no_profile(conn: sqlite3.Connection) -> None:
    assert get_profile(conn) is None
    assert directory(conn) == [] and units(conn) == []


def test_profile_round_trip_and_validation(conn: sqlite3.Connection) -> None:
    with pytest.raises(ward.WardError, match="Thiếu tên phường"):
        ward.save_profile(conn, {"unit_code": "UBND"})
    with pytest.raises(ward.WardError, match="Ký hiệu"):
        ward.save_profile(conn, {"name": "Phường Hoa Sen", "unit_code": "ubnd hs", "place_name": "Hà Nội",
                                 "address": "1 Hoa Sen"})
    profile = ward.save_profile(conn, {"name": "Phường Hoa Sen", "unit_code": "UBND", "place_name": "Hà Nội",
                                       "parent_body": "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
                                       "address": "số 1 phố Hoa Sen"}, username="quantri")
    assert profile.issuer == "ỦY BAN NHÂN DÂN PHƯỜNG HOA SEN"  # derived when left empty
    assert get_profile(conn) == profile and not profile.demo


def test_directory_and_units(conn: sqlite3.Connection) -> None:
    ward.add_units(conn, ["Văn phòng HĐND và UBND", "Tư pháp - Hộ tịch"])
    _people(conn)
    assert units(conn)[:2] == ["Văn phòng HĐND và UBND", "Tư pháp - Hộ tịch"]
    assert set(units(conn)) >= {"Lãnh đạo UBND", "Phòng Kinh tế, Hạ tầng và Đô thị"}
    assert len(directory(conn)) == 4
    # Saving the same person again updates, never duplicates.
    assert not ward.save_member(conn, full_name="Trần  Thị Lan", title="Công chức", unit="Tư pháp - Hộ tịch")
    assert len(directory(conn)) == 4


def test_match_person_as_meetings_name_people(conn: sqlite3.Connection) -> None:
    _people(conn)

    def names(mention: str, hint: str = "") -> list[str]:
        return [m.full_name for m in match_person(conn, mention, unit_hint=hint)]

    assert names("Lan tư pháp") == ["Trần Thị Lan"]
    assert names("đồng chí Nguyễn Văn Hùng")[0] == "Nguyễn Văn Hùng"
    assert set(names("anh Hùng")) == {"Nguyễn Văn Hùng", "Phạm Minh Hùng"}
    assert names("anh Hùng", hint="Kinh tế hạ tầng")[0] == "Phạm Minh Hùng"
    assert names("chị Lan kế toán") == ["Lê Thị Lan"]
    assert names("chị Mai") == [] and names("") == []
    # A person who left is not offered.
    hung = next(m for m in directory(conn) if m.full_name == "Phạm Minh Hùng")
    ward.set_member_active(conn, hung.id, False)
    assert names("anh Hùng") == ["Nguyễn Văn Hùng"]


def test_the_wards_calendar_changes_deadlines(conn: sqlite3.Connection) -> None:
    start = dt.date(2026, 12, 31)
    assert add_working_days(start, 1, work_calendar(conn)) == dt.date(2027, 1, 4)
    ward.set_calendar_day(conn, "04/01/2027", "off", "Nghỉ hoán đổi theo thông báo của Chính phủ")
    ward.set_calendar_day(conn, "2027-01-09", "work", "Làm bù cho thứ Hai 04/01")
    calendar = work_calendar(conn)
    assert add_working_days(start, 1, calendar) == dt.date(2027, 1, 5)
    assert WorkCalendar.from_json(calendar.to_json()) == calendar
    with pytest.raises(ward.WardError):
        ward.set_calendar_day(conn, "31/02/2027", "off")
    assert ward.delete_calendar_day(conn, dt.date(2027, 1, 4))
    assert add_working_days(start, 1, work_calendar(conn)) == dt.date(2027, 1, 4)


def test_a_staff_list_printed_with_a_title_block(conn: sqlite3.Connection, tmp_path: Path) -> None:
    """The list as an office prints it (title, blank line, headings, column numbers) is read from its
    headings; the lines above are named in the summary, not added as people."""
    book = Workbook()
    sheet = book.active
    for line in ("ỦY BAN NHÂN DÂN PHƯỜNG HOA SEN", "DANH SÁCH CÁN BỘ, CÔNG CHỨC", None,
                 ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác"], ["(1)", "(2)", "(3)", "(4)"],
                 [1, "Nguyễn Văn Hùng", "Chủ tịch UBND phường", "Lãnh đạo UBND"],
                 [2, "Trần Thị Lan", "Công chức Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch"]):
        sheet.append(line if isinstance(line, list) else [line])
    book.save(tmp_path / "danh-sach.xlsx")
    result = import_directory(conn, tmp_path / "danh-sach.xlsx")
    assert (result.added, result.errors) == (2, [])
    assert [(m.full_name, m.unit) for m in directory(conn)] == [
        ("Nguyễn Văn Hùng", "Lãnh đạo UBND"), ("Trần Thị Lan", "Tư pháp - Hộ tịch")]
    assert "dòng 1–2 là phần đầu trang, dòng 5 là số thứ tự cột" in result.summary()
