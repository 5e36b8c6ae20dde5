"""`appliance doctor`, `appliance backup DEST`, `appliance restore SRC` (CONTRACT §1)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from appliance.config import Settings
from appliance.system.backup import BackupError, backup, dated_backup
from appliance.system.doctor import print_report, run_checks
from appliance.system.restore import restore, verify


def cmd_doctor(args: argparse.Namespace, settings: Settings) -> int:
    return print_report(run_checks(settings))


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    dest = Path(args.dest)
    try:
        if args.dated:
            result = dated_backup(settings, dest, keep=args.keep, include_models=args.include_models)
        else:
            result = backup(settings, dest, include_models=args.include_models)
    except BackupError as exc:
        print(f"Sao lưu thất bại: {exc}", file=sys.stderr)
        return 1
    print(f"Đã sao lưu {result.databases} cơ sở dữ liệu và {result.files - result.databases} tệp "
          f"({result.bytes / 1024**2:.1f} MB) vào {result.path}")
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    src = Path(args.src)
    try:
        if args.verify_only:
            if not src.is_dir():
                raise BackupError(f"Không thấy thư mục sao lưu {src}.")
            manifest = verify(src)
            print(f"Bản sao lưu {src} nguyên vẹn: {len(manifest['files'])} tệp khớp mã kiểm tra.")  # type: ignore[arg-type]
            return 0
        result = restore(settings, src, force=args.force)
    except BackupError as exc:
        print(f"Khôi phục bị từ chối: {exc}", file=sys.stderr)
        return 1
    print(f"Đã khôi phục {result.databases} cơ sở dữ liệu và {result.files - result.databases} tệp "
          f"vào {settings.data_dir}.")
    if result.kept_aside:
        print(f"Dữ liệu cũ được cất ở {result.kept_aside} (xóa khi đã chắc chắn).")
    print("Khởi động lại dịch vụ: `systemctl start appliance.target`, rồi chạy `appliance doctor`.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    doctor = sub.add_parser("doctor", help="kiểm tra sức khỏe thiết bị (GPU, mô hình, âm thanh, đĩa, dữ liệu, đồng hồ)")
    doctor.set_defaults(handler=cmd_doctor)

    bk = sub.add_parser("backup", help="sao lưu trực tuyến toàn bộ dữ liệu (cơ sở dữ liệu, ghi âm, tài liệu)")
    bk.add_argument("dest", metavar="DEST", help="thư mục đích (chưa có hoặc trống); với --dated: thư mục gốc")
    bk.add_argument("--dated", action="store_true", help="tạo thư mục con sao-luu-YYYYmmdd-HHMMSS trong DEST")
    bk.add_argument("--keep", type=int, default=0, help="với --dated: chỉ giữ N bản mới nhất (0 = giữ tất cả)")
    bk.add_argument("--include-models", action="store_true", help="sao lưu cả tệp mô hình (thường không cần)")
    bk.set_defaults(handler=cmd_backup)

    rs = sub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu (kiểm tra mã sha256 trước)")
    rs.add_argument("src", metavar="SRC", help="thư mục bản sao lưu (có manifest.json)")
    rs.add_argument("--force", action="store_true", help="ghi đè dữ liệu hiện có (dữ liệu cũ được cất riêng)")
    rs.add_argument("--verify-only", action="store_true", help="chỉ kiểm tra bản sao lưu, không khôi phục")
    rs.set_defaults(handler=cmd_restore)
