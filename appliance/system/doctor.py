"""`appliance doctor`: what a technician checks first, with fixes in Vietnamese.

Each check returns a Check. Exit status is 0 only when every essential check passes.
Features add checks through their manifest (`doctor=checks`, `checks(settings) -> list[Check]`).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from appliance.config import Settings
from appliance.features import features
from appliance.system import health
from appliance.system.checks import Check

__all__ = ["Check", "check_audio", "check_clock", "check_database", "check_disk", "check_gpu", "print_report",
           "run_checks"]


def check_database(settings: Settings) -> list[Check]:
    results = []
    databases = (("Cơ sở dữ liệu cán bộ", settings.db_path), ("Cơ sở dữ liệu công dân", settings.public_db_path))
    for label, path in databases:
        if not path.exists():
            results.append(Check(label, False, f"chưa có tệp {path}", True,
                                 "Chạy `appliance setup` hoặc khởi động dịch vụ để tạo cơ sở dữ liệu."))
            continue
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            conn.close()
        except sqlite3.DatabaseError as exc:
            result = str(exc)
        ok = result == "ok"
        results.append(Check(label, ok, "toàn vẹn" if ok else f"lỗi toàn vẹn: {result}", True,
                             "" if ok else "Dừng dịch vụ và khôi phục từ bản sao lưu gần nhất: "
                                           "`appliance restore <thư mục sao lưu>`."))
    return results


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}".rstrip("0").replace(".", ",")


def check_disk(settings: Settings) -> Check:
    """Recordings fill a disk quietly; SQLite and the recorder fail badly when it is full."""
    target = settings.data_dir if settings.data_dir.exists() else Path("/")
    usage = shutil.disk_usage(target)
    free_gb = usage.free / 1024**3
    percent = usage.free / usage.total * 100 if usage.total else 0.0
    low_gb = free_gb < settings.doctor_min_free_gb
    low_percent = percent < settings.doctor_min_free_percent
    ok = not (low_gb or low_percent)
    message = f"còn trống {free_gb:.2f} GB ({percent:.1f}%) tại {target}"
    if not ok:
        limits = []
        if low_gb:
            limits.append(f"dưới ngưỡng {_num(settings.doctor_min_free_gb)} GB")
        if low_percent:
            limits.append(f"dưới ngưỡng {_num(settings.doctor_min_free_percent)}%")
        message = f"đĩa gần đầy: {message}, " + " và ".join(limits)
    return Check("Dung lượng đĩa", ok, message, True,
                 "" if ok else "Xóa bản ghi âm cũ theo chính sách lưu trữ, chuyển bản sao lưu sang ổ USB/NAS, "
                               "hoặc lắp ổ lớn hơn; ghi âm và cơ sở dữ liệu sẽ lỗi khi đĩa đầy.")


def check_clock() -> Check:
    now = dt.datetime.now()
    if now.year < 2025:
        return Check("Đồng hồ hệ thống", False, f"giờ hệ thống sai: {now:%d/%m/%Y %H:%M}", True,
                     "Đặt lại giờ (`timedatectl set-time`) và bật đồng bộ thời gian (chrony).")
    synced = None
    if shutil.which("timedatectl"):
        try:
            out = subprocess.run(["timedatectl", "show", "-p", "NTPSynchronized", "--value"],
                                 capture_output=True, text=True, timeout=5).stdout.strip()
            synced = out == "yes"
        except (OSError, subprocess.SubprocessError):
            synced = None
    if synced is False:
        return Check("Đồng hồ hệ thống", True, f"{now:%d/%m/%Y %H:%M}, chưa đồng bộ NTP", False,
                     "Kiểm tra dịch vụ chrony và máy chủ thời gian nội bộ.")
    return Check("Đồng hồ hệ thống", True, f"{now:%d/%m/%Y %H:%M}", False)


def check_gpu() -> Check:
    if not shutil.which("nvidia-smi"):
        return Check("GPU", True, "không có GPU NVIDIA: các mô hình chạy bằng CPU hoặc phương án dự phòng", False)
    try:
        out = subprocess.run(["nvidia-smi", "--query-gpu=name,memory.total,memory.used", "--format=csv,noheader"],
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError) as exc:
        return Check("GPU", False, f"nvidia-smi lỗi: {exc}", False,
                     "Cài lại trình điều khiển NVIDIA (vai trò ansible gpu).")
    if out.returncode != 0:
        return Check("GPU", False, out.stderr.strip() or "nvidia-smi lỗi", False,
                     "Cài lại trình điều khiển NVIDIA (vai trò ansible gpu) rồi khởi động lại.")
    return Check("GPU", True, out.stdout.strip(), False)


def check_audio() -> Check:
    cards = Path("/proc/asound/cards")
    text = cards.read_text() if cards.exists() else ""
    if not text.strip() or "no soundcards" in text:
        return Check("Thiết bị âm thanh", True, "không thấy loa hội nghị USB nào", False,
                     "Cắm loa hội nghị USB vào máy; kiểm tra `lsusb` và quy tắc udev trong firmware_config/.")
    names = [line.strip() for line in text.splitlines() if line.strip() and line.strip()[0].isdigit()]
    return Check("Thiết bị âm thanh", True, f"{len(names)} thiết bị", False, details=names)


def _core_checks() -> list[Callable[[Settings], list[Check] | Check]]:
    return [
        check_database,
        check_disk,
        lambda _s: check_clock(),
        lambda _s: check_gpu(),
        lambda _s: check_audio(),
        health.check_models,
        health.check_certificate,
        health.check_services,
    ]


def run_checks(settings: Settings) -> list[Check]:
    results: list[Check] = []
    producers = _core_checks()
    for feature in features():
        if feature.doctor is not None:
            producers.append(feature.doctor)
    for produce in producers:
        try:
            out = produce(settings)
        except Exception as exc:  # a broken check must not hide the others
            out = Check(getattr(produce, "__name__", "kiểm tra"), False, f"lỗi khi kiểm tra: {exc}", True)
        results.extend(out if isinstance(out, list) else [out])
    return results


def print_report(results: list[Check]) -> int:
    failed_essential = False
    for check in results:
        mark = "OK " if check.ok else ("LỖI" if check.essential else "CẢNH BÁO")
        print(f"[{mark}] {check.name}: {check.message}")
        for line in check.details:
            print(f"        {line}")
        if not check.ok and check.fix:
            print(f"        Cách khắc phục: {check.fix}")
        failed_essential |= check.essential and not check.ok
    print("Kết luận:", "có lỗi cần xử lý" if failed_essential else "thiết bị hoạt động bình thường")
    return 1 if failed_essential else 0
