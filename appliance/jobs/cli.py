"""`appliance worker`: runs queued jobs (imports, transcription, Zalo replies…) until stopped."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading

from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.jobs.queue import ALL_LANES, handlers, lane_names, recover, run_idle, run_one
from appliance.system.netguard import install_from_env
from appliance.system.notify import notify, start_watchdog

log = logging.getLogger(__name__)


def serve_children(_settings: Settings) -> list[list[str]]:
    """`appliance serve` runs one worker per lane beside the two apps (systemd: appliance-worker and
    appliance-worker-citizen), so a reply to a citizen never waits behind a long job."""
    return [["worker", "--lane", lane] for lane in lane_names()]


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    install_from_env()
    conn = connect(settings.db_path)
    migrate(conn)
    recovered = recover(conn)
    if recovered:
        log.info("requeued %s interrupted jobs", recovered)
    if args.lane not in (ALL_LANES, *lane_names()):
        print(f"Lỗi: không có làn công việc «{args.lane}» (có: {', '.join(lane_names())}, all)", file=sys.stderr)
        return 2
    registry = handlers(args.lane)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    start_watchdog()
    log.info("worker ready (lane %s); job kinds: %s", args.lane, ", ".join(sorted(registry)) or "(none)")
    while not stop.is_set():
        # a ready job first; else the lane's idle work (live interim captions); else wait
        if not run_one(conn, settings, registry) and not run_idle(conn, settings, args.lane):
            stop.wait(args.poll)
    notify("STOPPING=1")
    conn.close()
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    worker = sub.add_parser("worker", help="chạy hàng đợi công việc nền (dịch vụ appliance-worker)")
    worker.add_argument("--poll", type=float, default=0.5, help="giây chờ giữa hai lần kiểm tra hàng đợi")
    worker.add_argument("--lane", default=ALL_LANES,
                        help="chỉ chạy các việc của một làn (main, citizen…; mặc định: all, mọi việc)")
    worker.set_defaults(handler=cmd_worker)
