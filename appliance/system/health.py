"""Doctor checks that need the installed unit: model hashes, the TLS certificate, systemd services.

Each degrades to a non-essential note where the thing does not apply (a dev checkout without
systemd, a unit without TLS yet, a model not installed), and fails loudly where it does apply
and is broken: a corrupted model file, an expired certificate, a service in `failed` state.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import shutil
import ssl
import subprocess
from pathlib import Path

from appliance.config import Settings
from appliance.system.checks import Check

DEFAULT_CERT = Path("/etc/appliance/tls/appliance.crt")
SERVICES = ("appliance-web", "appliance-public", "appliance-worker", "appliance-worker-citizen", "appliance-engines")


def check_models(settings: Settings) -> list[Check]:
    """Every installed model file must match its sha256 (catalogue, or the bundle's as recorded at install).

    A model not installed is only a note (its feature uses the fallback); a model installed but
    corrupted is an error, because the engine would load garbage or crash at the first request.
    """
    # Imported here: engines is a feature package (it owns the catalogue and the model store), and
    # a build without it still runs the doctor.
    try:
        from appliance.engines.catalogue import load_catalogue
        from appliance.engines.store import full_problems, locate
    except ImportError:
        return [Check("Mô hình", True, "phiên bản này chưa có kho mô hình: chỉ dùng phương án dự phòng", False)]
    try:
        entries = load_catalogue()
    except FileNotFoundError:
        return [Check("Mô hình", True, "không thấy models/catalogue.toml: chỉ dùng phương án dự phòng", False)]
    except Exception as exc:
        return [Check("Mô hình", False, f"danh mục mô hình lỗi: {exc}", True,
                      "Cài lại phần mềm (vai trò ansible appliance) để có models/catalogue.toml đúng.")]
    results: list[Check] = []
    missing: list[str] = []
    for entry in entries:
        located = locate(settings, entry, build=False)  # never build a packaged cache from the doctor
        if located.path is None:
            if located.origin == "missing":
                missing.append(entry.name)
            continue
        # Installed copies get the full sha256 check; a package's copy was hashed when it was built.
        problems = full_problems(located.path, entry) if located.origin == "installed" else located.problems
        if problems:
            results.append(Check(f"Mô hình {entry.name}", False, "; ".join(problems), True,
                                 "Cài lại mô hình từ ổ USB của kỹ thuật viên: "
                                 "`appliance models install <thư mục>` rồi `appliance models verify`.",
                                 details=[str(located.path)]))
        else:
            message = f"{len(entry.files)} tệp khớp sha256 ({located.origin})"
            results.append(Check(f"Mô hình {entry.name}", True, message, False))
    if missing:
        results.append(Check("Mô hình chưa cài", True, ", ".join(missing), False,
                             "Các tính năng dùng phương án dự phòng; cài mô hình bằng `appliance models install`."))
    return results


def _not_after(path: Path) -> dt.datetime:
    try:  # stdlib decoder (no extra dependency); fall back to the openssl tool
        info = ssl._ssl._test_decode_cert(str(path))  # type: ignore[attr-defined]
        raw = info["notAfter"]
        return dt.datetime.strptime(raw, "%b %d %H:%M:%S %Y %Z").replace(tzinfo=dt.UTC)
    except (AttributeError, KeyError, ValueError, ssl.SSLError):
        out = subprocess.run(["openssl", "x509", "-enddate", "-noout", "-in", str(path)],
                             capture_output=True, text=True, timeout=10, check=True).stdout
        parsed = email.utils.parsedate_to_datetime(out.split("=", 1)[1].strip().replace(" GMT", " +0000"))
        return parsed.astimezone(dt.UTC)


def check_certificate(settings: Settings) -> Check:
    name = "Chứng chỉ TLS"
    path = settings.tls_cert_file or DEFAULT_CERT
    if not path.exists():
        if settings.tls_cert_file is None:
            return Check(name, True, "chưa cấu hình TLS (chỉ dùng HTTP trong mạng nội bộ)", False,
                         "Chạy vai trò ansible tls để cấp chứng chỉ từ CA nội bộ.")
        return Check(name, False, f"không thấy tệp chứng chỉ {path}", True,
                     "Chạy lại vai trò ansible tls để cấp chứng chỉ cho thiết bị.")
    try:
        not_after = _not_after(path)
    except (OSError, subprocess.SubprocessError, ValueError, IndexError) as exc:
        return Check(name, False, f"không đọc được chứng chỉ {path}: {exc}", True,
                     "Chạy lại vai trò ansible tls để cấp lại chứng chỉ.")
    days = (not_after - dt.datetime.now(dt.UTC)).days
    when = not_after.astimezone().strftime("%d/%m/%Y")
    if days < 0:
        return Check(name, False, f"chứng chỉ đã hết hạn ngày {when}", True,
                     "Cấp lại chứng chỉ: chạy vai trò ansible tls từ máy kỹ thuật viên (nơi giữ khóa CA).")
    if days < settings.doctor_cert_min_days:
        return Check(name, False, f"chứng chỉ hết hạn sau {days} ngày ({when})", False,
                     "Cấp lại sớm: chạy vai trò ansible tls từ máy kỹ thuật viên.")
    return Check(name, True, f"còn hạn đến {when} ({days} ngày)", False)


def _systemd_running() -> bool:
    return Path("/run/systemd/system").is_dir() and shutil.which("systemctl") is not None


def check_services(settings: Settings) -> list[Check]:
    if not _systemd_running():
        return [Check("Dịch vụ", True, "không chạy dưới systemd (bản phát triển): bỏ qua", False)]
    results = []
    for unit in SERVICES:
        try:
            out = subprocess.run(["systemctl", "show", unit, "-p", "LoadState,ActiveState,SubState,NRestarts"],
                                 capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError) as exc:
            results.append(Check(f"Dịch vụ {unit}", False, f"systemctl lỗi: {exc}", False))
            continue
        props = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        if props.get("LoadState") != "loaded":
            results.append(Check(f"Dịch vụ {unit}", True, "chưa cài", False,
                                 "Chạy vai trò ansible appliance nếu thiết bị cần dịch vụ này."))
            continue
        active = props.get("ActiveState", "?")
        restarts = int(props.get("NRestarts", "0") or 0)
        ok = active == "active"
        message = f"{active} ({props.get('SubState', '?')}), khởi động lại {restarts} lần"
        results.append(Check(f"Dịch vụ {unit}", ok, message, True,
                             "" if ok else f"Xem nhật ký: `journalctl -u {unit} -n 50`, "
                                           f"rồi `systemctl restart {unit}`."))
    return results
