"""`appliance doctor` (backup/restore join here when the operations issue lands)."""

from __future__ import annotations

import argparse

from appliance.config import Settings


def cmd_doctor(args: argparse.Namespace, settings: Settings) -> int:
    from appliance.system.doctor import print_report, run_checks

    return print_report(run_checks(settings))


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    doctor = sub.add_parser("doctor", help="kiểm tra sức khỏe thiết bị (GPU, mô hình, âm thanh, đĩa, dữ liệu, đồng hồ)")
    doctor.set_defaults(handler=cmd_doctor)
