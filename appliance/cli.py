"""`appliance` console script (CONTRACT §1). Feature commands plug in through their manifest
(`cli=(register,)`, see appliance.features)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from appliance.config import ConfigError, Settings, load_settings
from appliance.text.formatting import configure_timezone

Handler = Callable[[argparse.Namespace, Settings], int]

# Offline, always: no model hub, no telemetry, whatever library asks.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_DATASETS_OFFLINE": "1",
    "PYANNOTE_METRICS_ENABLED": "0",
    "DO_NOT_TRACK": "1",
}


def apply_offline_env() -> None:
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)


def build_parser() -> argparse.ArgumentParser:
    # Imported here: the manifests import every feature, and `apply_offline_env` must run before
    # any model library is imported (tests/conftest imports this module for it).
    from appliance.features import features
    from appliance.serve import register as register_serve

    parser = argparse.ArgumentParser(prog="appliance", description="Thiết bị AI ngoại tuyến cho UBND phường")
    parser.add_argument("--validate-config", action="store_true",
                        help="kiểm tra tệp cấu hình và biến môi trường rồi thoát")
    parser.add_argument("-v", "--verbose", action="store_true", help="ghi log chi tiết")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    register_serve(sub)
    for feature in features():
        for register in feature.cli:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    apply_offline_env()
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = load_settings()
    except ConfigError as exc:
        print("Cấu hình không hợp lệ:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 2
    configure_timezone(settings.timezone)
    if args.validate_config:
        print(f"Cấu hình hợp lệ. Thư mục dữ liệu: {settings.data_dir}")
        return 0
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args, settings)
    except KeyboardInterrupt:
        return 130
    except (ValueError, FileNotFoundError, PermissionError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
