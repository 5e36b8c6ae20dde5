"""`appliance citizen publish|pull|sync`: the staff ↔ citizen database exchange, by hand.

The worker does all of this every few seconds (job `citizen.sync`); these commands are for
technicians (after restoring a backup, or to check a unit without waiting)."""

from __future__ import annotations

import argparse
import json

from appliance.citizen.public.store import public_db
from appliance.citizen.staff.sync import answer_events, publish, pull
from appliance.citizen.staff.zalo_outbox import send_pending
from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.engines import engine
from appliance.features import SubParsers


def cmd_citizen(args: argparse.Namespace, settings: Settings) -> int:
    staff = connect(settings.db_path)
    migrate(staff)
    result: dict[str, object] = {}
    try:
        with public_db(settings) as public:
            if args.action in ("publish", "sync"):
                result["published"] = publish(staff, public)
            if args.action in ("pull", "sync"):
                result["pulled"] = pull(staff, public)
            if args.action == "sync":
                result["answered"] = answer_events(staff, public, settings, engine(settings, "generator"))
        if args.action == "sync":
            result["sent"] = send_pending(staff, settings)
    finally:
        staff.close()
    print(json.dumps(result, ensure_ascii=False))
    return 0


def register(sub: SubParsers) -> None:
    parser = sub.add_parser("citizen", help="trao đổi dữ liệu giữa ứng dụng cán bộ và cổng công dân")
    actions = parser.add_subparsers(dest="action", metavar="VIỆC", required=True)
    for name, text in (("publish", "công bố danh mục thủ tục và bảng định tuyến sang cổng công dân"),
                       ("pull", "nhận phản ánh mới từ cổng công dân vào hộp phản ánh"),
                       ("sync", "một vòng đầy đủ: công bố, nhận phản ánh, trả lời tin Zalo, gửi hàng đợi Zalo")):
        actions.add_parser(name, help=text).set_defaults(handler=cmd_citizen, action=name)
