"""`appliance serve`: the staff app and the citizen app as two processes (the citizen
process never opens the staff database), plus whatever long-running children features add
(`serve_children=` in a feature's manifest, e.g. the job worker)."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
import time

import uvicorn

from appliance.app import create_app
from appliance.config import Settings
from appliance.features import features
from appliance.system.notify import start_watchdog

log = logging.getLogger(__name__)


def _uvicorn(app: object, host: str, port: int) -> int:
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False)  # type: ignore[arg-type, unused-ignore]
    return 0


def cmd_serve_staff(args: argparse.Namespace, settings: Settings) -> int:
    app = create_app(settings)
    start_watchdog()
    return _uvicorn(app, args.host or settings.host, args.port or settings.port)


def cmd_serve_public(args: argparse.Namespace, settings: Settings) -> int:
    # Imported here: the citizen app loads that feature's whole public stack (about 0.2 s more at
    # start), which only `serve-public` needs; every other command starts without it.
    from appliance.citizen.public.app import create_public_app

    app = create_public_app(settings)
    start_watchdog()
    return _uvicorn(app, args.host or settings.host, args.port or settings.public_port)


def _children(args: argparse.Namespace, settings: Settings) -> list[list[str]]:
    host = args.host or settings.host
    children = [
        ["serve-staff", "--host", host, "--port", str(args.port or settings.port)],
        ["serve-public", "--host", host, "--port", str(args.public_port or settings.public_port)],
    ]
    for feature in features():
        if feature.serve_children is not None:
            children.extend(feature.serve_children(settings))
    return children


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    procs: list[subprocess.Popen[bytes]] = []
    env = os.environ.copy()
    # Every child (the staff app, the worker, the citizen app) sees the addresses given on the
    # command line, so the links they print (public_base_url) name the real citizen port.
    for key, value in (("HOST", args.host), ("PORT", args.port), ("PUBLIC_PORT", args.public_port)):
        if value:
            env[f"APPLIANCE_{key}"] = str(value)
    for argv in _children(args, settings):
        cmd = [sys.executable, "-m", "appliance", *argv]
        log.info("starting: %s", " ".join(argv))
        procs.append(subprocess.Popen(cmd, env=env))
    print(f"Ứng dụng cán bộ:  http://{args.host or settings.host}:{args.port or settings.port}", flush=True)
    print(f"Ứng dụng công dân: http://{args.host or settings.host}:{args.public_port or settings.public_port}",
          flush=True)
    stopping = False

    def stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    code = 0
    try:
        while not stopping:
            for proc in procs:
                if proc.poll() is not None:
                    log.error("process %s exited with %s; stopping the others", proc.args, proc.returncode)
                    code = proc.returncode or 1
                    stopping = True
            time.sleep(0.3)
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return code


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    serve = sub.add_parser("serve", help="chạy ứng dụng cán bộ và ứng dụng công dân")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--public-port", type=int)
    serve.set_defaults(handler=cmd_serve)
    staff = sub.add_parser("serve-staff", help="chỉ chạy ứng dụng cán bộ (dịch vụ appliance-web)")
    staff.add_argument("--host")
    staff.add_argument("--port", type=int)
    staff.set_defaults(handler=cmd_serve_staff)
    public = sub.add_parser("serve-public", help="chỉ chạy ứng dụng công dân (dịch vụ appliance-public)")
    public.add_argument("--host")
    public.add_argument("--port", type=int)
    public.set_defaults(handler=cmd_serve_public)
