"""First-run setup from a file (what the Ansible role runs): the admin with the chosen password,
the ward identity (used by drafting's ND30 header), the directory, secrets outside the settings
file; no demo account; demo data refuses clearly; the doctor names what is missing."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from appliance.auth.demo import DEMO_USERS
from appliance.auth.demo import load as load_demo_users
from appliance.auth.passwords import password_problems, verify_password
from appliance.auth.users import create_user, find_user, list_users
from appliance.config import Settings
from appliance.db import connect
from appliance.demo.context import DemoContext
from appliance.drafting.service import create_draft
from appliance.ward import directory, get_profile, match_person
from appliance.ward import setup as ward_setup
from tests.conftest import DEMO_ANCHOR, make_settings

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Sen-Hồng-2027!"
SETUP = f"""
departments = ["Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị", "Công an phường"]
staff_file = "danh-ba.csv"

[ward]
name = "Phường Hoa Sen"
parent_body = "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
unit_code = "UBND"
place_name = "Hà Nội"
address = "Số 12 phố Hoa Sen"
opening_hours = "Thứ Hai – thứ Sáu: 7:30–11:30, 13:30–17:00"

[admin]
username = "quantri"
full_name = "Quản trị phường Hoa Sen"
password = "{PASSWORD}"

[[routing]]
category = "moi_truong"
department = "Phòng Kinh tế, Hạ tầng và Đô thị"
sla_days = 5

[zalo]
app_id = "1234567890"
oa_secret_key = "khoa-bi-mat-oa"
"""
DIRECTORY = ("Họ và tên;Chức vụ;Đơn vị;Cách gọi khác\n"
             "Nguyễn Văn Hùng;Chủ tịch UBND phường;Lãnh đạo UBND;anh Hùng chủ tịch\n"
             "Trần Thị Lan;Công chức Tư pháp - Hộ tịch;Tư pháp - Hộ tịch;Lan tư pháp\n"
             ";dòng thiếu tên;;\n")


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"APPLIANCE_DATA_DIR": str(data_dir), "APPLIANCE_DEMO_MODE": "false", "PATH": "/usr/bin:/bin",
           "APPLIANCE_NETGUARD": "raise", "HOME": str(data_dir.parent)}
    return subprocess.run([sys.executable, "-m", "appliance", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=180)


def _files(folder: Path, setup_text: str = SETUP) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "danh-ba.csv").write_text(DIRECTORY, encoding="utf-8")
    path = folder / "thiet-lap.toml"
    path.write_text(setup_text, encoding="utf-8")
    return path


def test_setup_from_a_file_on_a_fresh_unit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = _cli(data, "setup", "--from", str(_files(tmp_path / "vault")))
    assert done.returncode == 0, done.stderr
    assert "Tài khoản quản trị quantri: đã tạo" in done.stdout and "Danh bạ: thêm 2" in done.stdout
    assert "dòng 4: thiếu Họ và tên" in done.stdout
    conn = connect(data / "appliance.db")
    found = find_user(conn, "quantri")
    assert found is not None and found[0].role == "admin" and verify_password(found[1], PASSWORD)
    assert not {a.username for a in list_users(conn)} & {u[0] for u in DEMO_USERS}
    profile = get_profile(conn)
    assert profile is not None and profile.name == "Phường Hoa Sen" and not profile.demo
    assert [m.full_name for m in match_person(conn, "Lan tư pháp")] == ["Trần Thị Lan"]
    conn.close()
    # Zalo credentials live in their own files (0600), not in the settings file, and settings read them.
    secret = data / "secrets" / "zalo_oa_secret_key"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600 and stat.S_IMODE(secret.parent.stat().st_mode) == 0o700
    assert Settings(data_dir=data).zalo_oa_secret_key == "khoa-bi-mat-oa"
    assert Settings(data_dir=data, zalo_oa_secret_key="từ-môi-trường").zalo_oa_secret_key == "từ-môi-trường"

    refused = _cli(data, "demo-data")
    assert refused.returncode == 1
    assert "Không nạp dữ liệu mẫu" in refused.stderr and "«quantri»" in refused.stderr
    assert "Phường Hoa Sen" in refused.stderr
    assert _cli(data, "demo-data", "--reset").returncode == 1 and (data / "appliance.db").exists()
    skipped = _cli(data, "demo-data", "--if-empty")  # what `make run` runs: nothing loaded, not an error
    assert skipped.returncode == 0 and "Không nạp dữ liệu mẫu" in skipped.stderr

    doctor = _cli(data, "doctor")
    assert "demo-data" not in doctor.stdout
    assert "Thiết lập đơn vị" in doctor.stdout and "phí, lệ phí" in doctor.stdout


def test_a_weak_or_missing_password_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    weak = _cli(data, "setup", "--from", str(_files(tmp_path / "a", SETUP.replace(PASSWORD, "admin-demo"))))
    assert weak.returncode == 1 and "ít nhất 10 ký tự" not in weak.stderr and "dễ đoán" in weak.stderr
    missing = _cli(data, "setup", "--from", str(_files(tmp_path / "b", SETUP.replace(f'password = "{PASSWORD}"', ""))))
    assert missing.returncode == 1 and "không có mật khẩu mặc định" in missing.stderr
    assert not (data / "appliance.db").exists()  # refused before anything was written


def test_password_policy() -> None:
    assert password_problems(PASSWORD, "quantri") == []
    assert password_problems("ngan", "x")
    assert password_problems("quantri-Hoa-Sen-1", "quantri")  # contains the user name
    assert password_problems("Matkhau-12345", "x")  # a common word
    assert password_problems("abcdefghijkl", "x")  # one kind of character


def test_setup_locks_demo_accounts_on_a_real_unit(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", demo_mode=False)
    conn = connect(settings.db_path)
    from appliance.db import migrate
    migrate(conn)
    create_user(conn, "admin", "admin-demo", "admin")  # left over from a demo
    conn.close()
    report = ward_setup.apply(settings, ward_setup.load_file(_files(tmp_path / "v")), base_dir=tmp_path / "v")
    assert any("Đã khóa tài khoản mẫu «admin»" in line for line in report.lines)
    conn = connect(settings.db_path)
    assert not next(a for a in list_users(conn) if a.username == "admin").active
    conn.close()


def test_demo_accounts_only_in_demo_mode(conn: sqlite3.Connection, tmp_path: Path) -> None:
    real = make_settings(tmp_path / "real", demo_mode=False)
    assert load_demo_users(DemoContext(conn, real, random.Random(1), DEMO_ANCHOR, 1)) == {"users": 0}
    assert list_users(conn) == []
    demo = make_settings(tmp_path / "demo", demo_mode=True)
    assert load_demo_users(DemoContext(conn, demo, random.Random(1), DEMO_ANCHOR, 1)) == {"users": len(DEMO_USERS)}


def test_drafting_prints_the_wards_own_header(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", demo_mode=False)
    ward_setup.apply(settings, ward_setup.load_file(_files(tmp_path / "v", SETUP.replace(
        'unit_code = "UBND"', 'unit_code = "UBND-HS"\nissuer = "Ủy ban nhân dân phường Hoa Sen"'))),
        base_dir=tmp_path / "v")
    conn = connect(settings.db_path)
    draft = create_draft(conn, settings, {"doc_type": "cong_van", "trich_yeu": "Về việc kiểm tra vệ sinh môi trường",
                                          "noi_dung": "Đề nghị các tổ dân phố phối hợp.", "ngay": "2026-12-07"},
                         None, use_registry=False)
    text = str(draft["text"] if isinstance(draft, dict) else draft)
    conn.close()
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI" in text and "PHƯỜNG HOA SEN" in text
    assert "UBND-HS-" in text and "Hà Nội, ngày" in text
    assert len(directory(connect(settings.db_path))) == 2


@pytest.mark.parametrize("bad", ["[ward]\nname = \"\"\n", "[khong_co]\na = 1\n", "không phải TOML ["])
def test_bad_files_are_refused_with_reasons(tmp_path: Path, bad: str) -> None:
    settings = make_settings(tmp_path / "data")
    path = tmp_path / "x.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ward_setup.SetupError) as caught:
        ward_setup.apply(settings, ward_setup.load_file(path), base_dir=tmp_path)
    assert caught.value.problems and all(p for p in caught.value.problems)
    assert not os.path.exists(settings.db_path) or get_profile(connect(settings.db_path)) is None
