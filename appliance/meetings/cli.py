"""`appliance meetings …`: the recorder process, devices, reprocessing and retention."""

from __future__ import annotations

import argparse
import fcntl
import json
import logging
import os
import signal
import subprocess

from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.jobs import enqueue, run_pending
from appliance.meetings import store
from appliance.meetings.devices import discover, source_for_room, start_hid_watcher
from appliance.meetings.recorder import Recorder, RecorderState
from appliance.meetings.retention import apply_retention
from appliance.meetings.sources import open_source, parse_spec
from appliance.system.notify import start_watchdog

log = logging.getLogger(__name__)


def cmd_record(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path, synchronous="FULL")  # DESIGN: the recordings index is FULL
    migrate(conn)
    spec = args.source
    state = RecorderState()
    hid = None
    gain_db = 0.0
    if spec == "auto":
        spec, device = source_for_room(settings, args.room)
        hid = start_hid_watcher(device, state) if device else None
        gain_db = device.gain_db
    source = open_source(spec)
    stop_at_end = args.stop_at_end or spec.startswith("file:")
    recorder = Recorder(conn, settings, args.room, source, device=args.device or spec,
                        segment_seconds=args.segment_seconds, title=args.title, stop_at_end=stop_at_end,
                        state=state, gain_db=gain_db)
    signal.signal(signal.SIGTERM, lambda *_: recorder.stop.set())
    # appliance-recorder@.service is Type=notify with WatchdogSec: READY once the source is open
    # and leftovers repaired (Recorder.__init__), then WATCHDOG pings while the process lives.
    start_watchdog()
    try:
        recorder.run()
    finally:
        source.close()
        if hid is not None:
            hid.stop()
        conn.close()
    return 0


def cmd_capture(args: argparse.Namespace, settings: Settings) -> int:
    """`appliance-capture@<room>`: arecord into a FIFO that outlives the recorder.

    The FIFO is held open read-write here, so when the recorder is killed the audio keeps
    accumulating in the pipe (1 MB = 32 s at 16 kHz mono) and the restarted recorder reads it:
    a crash costs only the chunk the recorder held in memory."""
    spec = parse_spec(args.source)
    if spec.kind != "alsa":
        raise ValueError("--source phải là alsa:<thiết bị>, ví dụ alsa:plughw:CARD=Speak510")
    fifo = settings.data_dir / "run" / f"{args.room}.fifo"
    fifo.parent.mkdir(parents=True, exist_ok=True)
    if not fifo.exists():
        os.mkfifo(fifo, 0o660)
    fd = os.open(fifo, os.O_RDWR)
    try:
        fcntl.fcntl(fd, 1031, 1 << 20)  # F_SETPIPE_SZ: as much buffer as an unprivileged process may have
    except OSError:
        log.warning("could not enlarge the pipe buffer of %s", fifo)
    print(f"Đang thu âm vào {fifo}; chạy `appliance meetings record --room {args.room} --source fifo:{fifo}`.")
    proc = subprocess.Popen(["arecord", "-q", "-D", spec.target, "-f", "S16_LE", "-r", str(spec.rate), "-c",
                             str(spec.channels), "-t", "raw"], stdout=fd)
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        return proc.wait()
    finally:
        os.close(fd)


def cmd_devices(args: argparse.Namespace, settings: Settings) -> int:
    found = discover()
    if args.json:
        print(json.dumps([d.as_dict() for d in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("Không thấy loa hội nghị USB nào. Kiểm tra dây cắm và chạy `lsusb`.")
        return 0
    for d in found:
        print(f"{d.id}\t{d.profile_name}\tALSA: {d.alsa_pcm or 'chưa thấy'}\tHID: {d.hidraw or 'không'}")
    return 0


def cmd_reprocess(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    store.reset_for_reprocess(conn, args.meeting_id)
    enqueue(conn, "meetings.finalize", {"meeting_id": args.meeting_id, "retranscribe": True})
    if args.now:
        run_pending(conn, settings, kinds=["meetings.finalize", "meetings.transcribe_segment"])
    print(f"Đã xếp lịch xử lý lại cuộc họp {args.meeting_id}.")
    return 0


def cmd_retention(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    removed = apply_retention(conn, settings)
    print(f"Đã xóa âm thanh của {len(removed)} cuộc họp quá thời hạn lưu trữ.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    meetings = sub.add_parser("meetings", help="phòng họp: ghi âm, thiết bị, xử lý lại")
    msub = meetings.add_subparsers(dest="meetings_command", metavar="LỆNH", required=True)

    record = msub.add_parser("record", help="ghi âm một phòng họp (dịch vụ appliance-recorder@<phòng>)")
    record.add_argument("--room", required=True, help="tên phòng họp, ví dụ phong-hop-1")
    record.add_argument("--source", default="auto",
                        help="auto (loa hội nghị gắn với phòng), alsa:<pcm>, fifo:<đường dẫn>, file:<tệp>?speed=N")
    record.add_argument("--device", help="mã thiết bị ghi vào cuộc họp (mặc định: nguồn)")
    record.add_argument("--title", help="mở ngay một cuộc họp mới với tiêu đề này")
    record.add_argument("--segment-seconds", type=float, default=10.0, help="độ dài mỗi đoạn âm thanh (giây)")
    record.add_argument("--stop-at-end", action="store_true", help="dừng cuộc họp khi nguồn hết âm thanh")
    record.set_defaults(handler=cmd_record)

    capture = msub.add_parser("capture", help="thu âm từ loa hội nghị vào hàng đợi FIFO (appliance-capture@<phòng>)")
    capture.add_argument("--room", required=True)
    capture.add_argument("--source", required=True, help="alsa:<pcm>?rate=16000&channels=1")
    capture.set_defaults(handler=cmd_capture)

    devices = msub.add_parser("devices", help="liệt kê loa hội nghị USB đang cắm")
    devices.add_argument("--json", action="store_true")
    devices.set_defaults(handler=cmd_devices)

    reprocess = msub.add_parser("reprocess", help="chép lời và lập biên bản lại (khi vừa cài mô hình)")
    reprocess.add_argument("meeting_id", type=int)
    reprocess.add_argument("--now", action="store_true", help="chạy ngay trong lệnh này thay vì chờ worker")
    reprocess.set_defaults(handler=cmd_reprocess)

    retention = msub.add_parser("retention", help="xóa âm thanh quá thời hạn lưu trữ (quản trị đặt)")
    retention.set_defaults(handler=cmd_retention)
