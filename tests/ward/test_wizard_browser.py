"""The setup wizard in real Chromium, as the first admin of a fresh unit meets it: the banner, each
step, the directory file upload, the password change (policy checked), and the result in the
database; the banner is gone once the ward has its own profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from appliance.app import create_app
from appliance.auth.passwords import verify_password
from appliance.auth.users import create_user, find_user
from appliance.config import Settings
from appliance.db import connect
from appliance.ward import directory, get_profile, work_calendar
from tests.conftest import browser_login, install_db, make_settings

pytestmark = pytest.mark.browser
ONE_TIME, CHOSEN = "Lan-dau-9x7Q", "Sen-Hồng-2027!"


@pytest.fixture
def fresh_unit(tmp_path: Path, migrated_template: Path, live_server_factory: Any) -> tuple[Settings, Any]:
    settings = make_settings(tmp_path / "data", demo_mode=False)
    install_db(migrated_template, settings)  # a fresh install's database (migrated once per session)
    conn = connect(settings.db_path)
    create_user(conn, "quantri", ONE_TIME, "admin")  # what first boot leaves: a one-time password
    conn.close()
    return settings, live_server_factory(create_app(settings))


def test_the_first_admin_sets_up_the_ward_in_the_wizard(browser: Any, fresh_unit: tuple[Settings, Any],
                                                         tmp_path: Path) -> None:
    settings, server = fresh_unit
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    browser_login(page, server.url, "quantri", ONE_TIME)
    banner = page.get_by_role("link", name="Thiết lập ngay")
    assert banner.is_visible()
    banner.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/thiet-lap")

    page.fill("input[name=name]", "Phường Hoa Sen")
    page.fill("input[name=parent_body]", "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
    page.fill("input[name=unit_code]", "UBND")
    page.fill("input[name=place_name]", "Hà Nội")
    page.fill("textarea[name=address]", "Số 12 phố Hoa Sen")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "buoc=mat-khau" in page.url

    page.fill("input[name=current]", ONE_TIME)
    page.fill("input[name=new]", "ngan")
    page.fill("input[name=again]", "ngan")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "ít nhất 10 ký tự" in page.content()  # refused, in Vietnamese
    page.goto(f"{server.url}/thiet-lap?buoc=mat-khau")
    page.fill("input[name=current]", ONE_TIME)
    page.fill("input[name=new]", CHOSEN)
    page.fill("input[name=again]", CHOSEN)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "buoc=danh-ba" in page.url

    staff_file = tmp_path / "danh-ba.csv"
    staff_file.write_text("Họ và tên,Chức vụ,Đơn vị,Cách gọi khác\nTrần Thị Lan,Công chức,Tư pháp - Hộ tịch,"
                          "Lan tư pháp\nNguyễn Văn Hùng,Chủ tịch UBND phường,Lãnh đạo UBND,\n", encoding="utf-8")
    page.fill("textarea[name=units]", "Văn phòng HĐND và UBND\nPhòng Kinh tế, Hạ tầng và Đô thị")
    page.set_input_files("input[name=file]", str(staff_file))
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "buoc=le-phi" in page.url and "Danh bạ: thêm 2" in page.content()

    page.fill("textarea[name=opening_hours]", "Thứ Hai – thứ Sáu: 7:30–11:30, 13:30–17:00")
    fees = page.locator("input[name^='fee:']")
    if fees.count():
        fees.first.fill("8.000 đồng/bản (Nghị quyết HĐND thành phố)")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "buoc=dinh-tuyen" in page.url
    page.fill("input[name='department:moi_truong']", "Phòng Kinh tế, Hạ tầng và Đô thị")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "buoc=lich" in page.url

    page.fill("input[name=day]", "04/01/2027")
    page.select_option("select[name=kind]", "off")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "04/01/2027" in page.content()
    page.get_by_role("link", name="Tiếp tục →").click()
    page.wait_for_load_state("networkidle")

    page.fill("input[name=app_id]", "1234567890")
    page.fill("input[name=oa_secret_key]", "khoa-bi-mat-oa")
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "buoc=xong" in page.url and "Đã lưu 2 khóa Zalo" in page.content()

    page.goto(f"{server.url}/quan-tri")
    assert page.get_by_role("link", name="Thiết lập ngay").count() == 0  # set up: no banner any more
    assert "Phường Hoa Sen" in page.locator(".brand").inner_text()
    page.close()

    conn = connect(settings.db_path)
    profile = get_profile(conn)
    assert profile is not None and profile.name == "Phường Hoa Sen" and profile.opening_hours
    found = find_user(conn, "quantri")
    assert found is not None and verify_password(found[1], CHOSEN)
    assert {m.full_name for m in directory(conn)} == {"Trần Thị Lan", "Nguyễn Văn Hùng"}
    assert work_calendar(conn).extra_off
    conn.close()
    assert (settings.secrets_dir / "zalo_oa_secret_key").read_text().strip() == "khoa-bi-mat-oa"


def test_only_admins_open_the_wizard(fresh_unit: tuple[Settings, Any]) -> None:
    settings, server = fresh_unit
    conn = connect(settings.db_path)
    create_user(conn, "canbo1", "Can-bo-2027!", "staff")
    conn.close()
    from tests.conftest import login
    with server.client() as client:
        login(client, "canbo1", "Can-bo-2027!")
        assert client.get("/thiet-lap").status_code == 403
