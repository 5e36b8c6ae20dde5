"""`appliance doctor`: is the Zalo path up? (docs/citizen.md, "The Zalo path")

Inbound: an unsigned probe is sent to the public webhook address (`zalo_webhook_url`, the relay);
the unit's own answer — 401 with its error code — proves relay → VPN → unit → citizen app, with
TLS verified on the way and the signature checked on the unit. Outbound: the egress proxy
(`zalo_egress_proxy`) accepts a connection. No real Zalo event is ever faked: the probe is refused."""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import httpx

from appliance.config import Settings
from appliance.system.checks import Check

PROBE = json.dumps({"event_name": "appliance_doctor_probe", "app_id": "", "timestamp": "0"}).encode()
FIX_INBOUND = ("kiểm tra relay (vai trò Ansible zalo_relay, docs/citizen.md): nginx chạy, chứng chỉ còn hạn, VPN tới "
               "thiết bị thông, tường lửa cho relay vào cổng webhook")


def _inbound(settings: Settings, timeout: float) -> Check:
    url = settings.zalo_webhook_url
    name = "Zalo: đường nhận tin (relay → thiết bị)"
    if not url:
        return Check(name, False, "chưa khai báo địa chỉ webhook công khai (zalo_webhook_url)", essential=False,
                     fix="đặt zalo_webhook_url = địa chỉ HTTPS của relay, ví dụ https://dichvu.phuong.gov.vn/zalo/webhook")
    if urlsplit(url).scheme != "https":
        return Check(name, False, f"{url}: Zalo chỉ gửi tới địa chỉ HTTPS có tên miền", essential=False,
                     fix=FIX_INBOUND)
    try:
        answer = httpx.post(url, content=PROBE, timeout=timeout, headers={
            "Content-Type": "application/json", "X-ZEvent-Signature": "mac=kiem-tra-duong-truyen"})
    except httpx.HTTPError as exc:
        return Check(name, False, f"không tới được {url}: {type(exc).__name__} {exc}", essential=False, fix=FIX_INBOUND)
    try:
        code = answer.json().get("error", {}).get("code")
    except (ValueError, AttributeError):
        code = None
    if answer.status_code == 401 and code in ("bad_signature", "unsigned", "wrong_app"):
        return Check(name, True, f"{url} tới được thiết bị; chữ ký được kiểm tra trên thiết bị", essential=False)
    if answer.status_code == 503:
        return Check(name, False, "relay tới được thiết bị nhưng thiết bị chưa có khóa Zalo OA", essential=False,
                     fix="appliance setup (mục [zalo]) hoặc trang /thiet-lap")
    return Check(name, False, f"{url} trả HTTP {answer.status_code}: không phải câu trả lời của thiết bị",
                 essential=False, fix=FIX_INBOUND)


def _outbound(settings: Settings, timeout: float) -> Check:
    name = "Zalo: đường gửi tin (proxy ra ngoài)"
    proxy = settings.zalo_egress_proxy
    if not proxy:
        return Check(name, True, "gửi trực tiếp (không khai báo zalo_egress_proxy)", essential=False)
    parts = urlsplit(proxy)
    try:
        with socket.create_connection((parts.hostname or "", parts.port or 3128), timeout=timeout):
            pass
    except OSError as exc:
        return Check(name, False, f"không kết nối được proxy {proxy}: {exc}", essential=False,
                     fix="kiểm tra tinyproxy trên relay (vai trò zalo_relay) và danh sách địa chỉ được phép")
    return Check(name, True, f"proxy {proxy} nhận kết nối", essential=False)


def checks(settings: Settings, timeout: float = 5.0) -> list[Check]:
    if not (settings.zalo_app_id and settings.zalo_oa_secret_key):
        return []  # Zalo not configured: citizen.doctor says so already
    return [_inbound(settings, timeout), _outbound(settings, timeout)]
