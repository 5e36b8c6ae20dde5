"""systemd readiness and watchdog without a hard dependency on systemd-python.

sd_notify is a datagram on $NOTIFY_SOCKET; we speak it directly so the same code runs in a
checkout (no socket: nothing happens) and under systemd (Type=notify, WatchdogSec=).
"""

from __future__ import annotations

import os
import socket
import threading


def notify(message: str) -> bool:
    address = os.environ.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.connect(address)
        sock.sendall(message.encode())
    return True


def start_watchdog() -> None:
    """Send READY=1 now and WATCHDOG=1 every half of WATCHDOG_USEC, from a daemon thread."""
    notify("READY=1")
    usec = int(os.environ.get("WATCHDOG_USEC", "0") or 0)
    if usec <= 0:
        return
    interval = usec / 2 / 1_000_000
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(interval):
            notify("WATCHDOG=1")

    threading.Thread(target=beat, name="sd-watchdog", daemon=True).start()
