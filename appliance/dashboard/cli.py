"""`appliance import ho-so FILE` and `appliance import chi-tieu FILE` (CONTRACT §1, §3)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from appliance.config import Settings
from appliance.dashboard.importers import SourceError, run_import
from appliance.db import connect, migrate


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    try:
        migrate(conn)
        try:
            result = run_import(conn, args.kind, Path(args.file), filename=Path(args.file).name, username="cli")
        except SourceError as exc:
            print(f"Lỗi: {exc}", file=sys.stderr)
            return 1
    finally:
        conn.close()
    print(result.summary())
    for note in result.notes:
        print(note)
    for error in result.errors:
        print(f"dòng {error['line']}: {error['reason']}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    parser = sub.add_parser("import", help="nhập dữ liệu từ tệp CSV hoặc XLSX")
    kinds = parser.add_subparsers(dest="import_kind", metavar="LOẠI")
    for kind, help_text in (("ho-so", "sổ theo dõi hồ sơ thủ tục hành chính"),
                            ("chi-tieu", "chỉ tiêu kinh tế - xã hội (kế hoạch, thực hiện)")):
        p = kinds.add_parser(kind, help=help_text)
        p.add_argument("file", metavar="FILE", help="tệp .csv (UTF-8, dấu phẩy hoặc chấm phẩy) hoặc .xlsx")
        p.set_defaults(handler=cmd_import, kind=kind)
