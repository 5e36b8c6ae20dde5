"""`appliance training-reset` (a fresh sandbox ward) and `appliance training-worker` (the sandbox's
own job queue: transcription, imports, publishing to the sandbox's citizen database; never the
jobs that leave the unit, see `sandbox.OUTBOUND_JOB_KINDS`)."""

from __future__ import annotations

import argparse
import logging
import signal
import sqlite3
import subprocess
import threading
from pathlib import Path

from appliance.config import Settings
from appliance.db import connect
from appliance.jobs.queue import Handler, handlers, run_one
from appliance.system.netguard import install_from_env
from appliance.training import handbook, sandbox
from appliance.ward.service import ward_display_name

log = logging.getLogger(__name__)


def serve_children(_settings: Settings) -> list[list[str]]:
    """`appliance serve` runs the sandbox's worker beside the live one."""
    return [["training-worker"]]


def sandbox_handlers() -> dict[str, Handler]:
    """Every job kind but those that leave the unit."""
    return {kind: handler for kind, handler in handlers().items() if kind not in sandbox.OUTBOUND_JOB_KINDS}


def run_sandbox_jobs(live: Settings, *, kinds: list[str] | None = None, limit: int = 1000) -> int:
    """Run the sandbox's ready jobs (of `kinds`, default all) until none is left, as the worker does:
    outbound kinds are never run, even when asked for."""
    folder = sandbox.current(live)
    if folder is None:
        return 0
    registry = {k: v for k, v in sandbox_handlers().items() if kinds is None or k in kinds}
    conn = connect(folder / "appliance.db")
    try:
        count = 0
        while count < limit and run_one(conn, sandbox.sandbox_settings(live, folder), registry):
            count += 1
        return count
    finally:
        conn.close()


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    install_from_env()
    registry = sandbox_handlers()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    folder: Path | None = None
    conn: sqlite3.Connection | None = None
    while not stop.is_set():
        found = sandbox.current(settings)
        if found != folder:  # first build, or an admin's reset: follow the current sandbox
            if conn is not None:
                conn.close()
            folder, conn = found, (connect(found / "appliance.db") if found is not None else None)
        if conn is None or folder is None or not run_one(conn, sandbox.sandbox_settings(settings, folder), registry):
            stop.wait(args.poll)
    if conn is not None:
        conn.close()
    return 0


def cmd_reset(args: argparse.Namespace, settings: Settings) -> int:
    print("Đang tạo lại hộp cát đào tạo (phường mẫu)…", flush=True)
    folder = sandbox.build(settings)
    print(f"Xong: {folder}")
    return 0


def cmd_handbook(args: argparse.Namespace, settings: Settings) -> int:
    folder = Path(args.screenshots) if args.screenshots else handbook.screenshots_dir()
    html = handbook.render_html(ward_display_name(settings), folder)
    if args.html:
        Path(args.html).write_text(html, encoding="utf-8")
    try:
        handbook.write_pdf(html, Path(args.out), chromium=Path(args.chromium))
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        print(f"Lỗi: {exc}")
        return 1
    shots = sum(len(v) for v in handbook.figures(folder).values())
    print(f"Đã tạo sổ tay: {args.out} ({shots} ảnh minh họa)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    reset = sub.add_parser("training-reset", help="tạo lại hộp cát đào tạo (dữ liệu phường mẫu)")
    reset.set_defaults(handler=cmd_reset)
    worker = sub.add_parser("training-worker", help="chạy hàng đợi công việc của hộp cát đào tạo")
    worker.add_argument("--poll", type=float, default=2.0, help="giây chờ giữa hai lần kiểm tra hàng đợi")
    worker.set_defaults(handler=cmd_worker)
    book = sub.add_parser("training-handbook", help="in sổ tay khóa tập huấn ra tệp PDF (Chromium, không cần mạng)")
    book.add_argument("--out", required=True, help="tệp PDF cần tạo")
    book.add_argument("--html", default="", help="đồng thời lưu bản HTML vào tệp này")
    book.add_argument("--screenshots", default="", help="thư mục ảnh chụp màn hình (mặc định tmp/artefacts/training)")
    book.add_argument("--chromium", default=str(handbook.CHROMIUM), help="đường dẫn trình duyệt Chromium")
    book.set_defaults(handler=cmd_handbook)
