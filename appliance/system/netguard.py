"""Prove the appliance makes no network call: an audit hook on socket connect/resolve.

Python raises the audit events `socket.connect` and `socket.getaddrinfo` for every attempt,
whatever library makes it (httpx, urllib, huggingface_hub…). With APPLIANCE_NETGUARD=raise
any non-loopback attempt is refused; with =log it is written to APPLIANCE_NETGUARD_LOG.
Tests run with the guard raising, so a hidden download fails the suite.
"""

from __future__ import annotations

import ipaddress
import os
import sys
import threading
import traceback

_installed = False
_lock = threading.Lock()
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class NetworkBlocked(OSError):
    pass


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]")
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        addr = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return addr.is_loopback or addr.is_unspecified


def _target(event: str, args: tuple[object, ...]) -> object:
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and address:
            return address[0]
        return None  # AF_UNIX paths are local by nature
    if event == "socket.getaddrinfo":
        return args[0]
    return None


def install(mode: str = "raise", log_path: str | None = None) -> None:
    global _installed
    with _lock:
        if _installed:
            return
        _installed = True

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event not in ("socket.connect", "socket.getaddrinfo"):
            return
        host = _target(event, args)
        if _is_local(host):
            return
        message = f"netguard: blocked {event} to {host!r}"
        if log_path:
            with open(log_path, "a", encoding="utf-8") as fh:
                fh.write(message + "\n" + "".join(traceback.format_stack(limit=8)) + "\n")
        if mode == "raise":
            raise NetworkBlocked(message)

    sys.addaudithook(hook)


def install_from_env() -> None:
    mode = os.environ.get("APPLIANCE_NETGUARD")
    if mode in ("raise", "log"):
        install(mode, os.environ.get("APPLIANCE_NETGUARD_LOG"))
