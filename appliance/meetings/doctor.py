"""`appliance doctor` checks of the meeting room: ffmpeg, speakerphones, the recordings folder."""

from __future__ import annotations

import os
import shutil

from appliance.config import Settings
from appliance.meetings.devices import discover
from appliance.system.doctor import Check


def checks(settings: Settings) -> list[Check]:
    results = []
    ffmpeg = shutil.which("ffmpeg")
    results.append(Check("ffmpeg (giải mã tệp ghi âm tải lên)", ffmpeg is not None, ffmpeg or "không có", False,
                         "" if ffmpeg else "Cài gói Debian ffmpeg (vai trò Ansible `audio`)."))
    try:
        devices = discover()
        names = ", ".join(f"{d.profile_name} ({d.id}, {d.alsa_pcm or 'chưa có ALSA'})" for d in devices)
        results.append(Check("Loa hội nghị USB", bool(devices), names or "không thấy thiết bị nào", False,
                             "" if devices else "Cắm loa hội nghị (Jabra, Poly, EMEET, Anker) và kiểm tra `lsusb`; "
                                                "quy tắc udev: firmware_config/99-appliance-speakerphones.rules."))
    except Exception as exc:  # sysfs unreadable in a container: say so, do not fail the doctor
        results.append(Check("Loa hội nghị USB", False, f"không kiểm tra được: {exc}", False))
    folder = settings.data_dir / "recordings"
    writable = os.access(folder if folder.exists() else settings.data_dir, os.W_OK) if settings.data_dir.exists() \
        else False
    parts = len(list(folder.rglob("*.part"))) if folder.exists() else 0
    results.append(Check("Thư mục ghi âm", writable, f"{folder} ({'ghi được' if writable else 'không ghi được'}"
                         f"; {parts} đoạn dở chờ sửa)", True,
                         "" if writable else "Cấp quyền ghi thư mục dữ liệu cho người dùng appliance."))
    return results
