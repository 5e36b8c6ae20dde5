"""The real client address behind the unit's reverse proxies.

Both apps sit behind a proxy on a unit (nginx for staff browsers, the ward's proxy for the
citizen app). Without this every request came from the proxy's address: one ward-wide rate
limit, one login lock for everybody, 127.0.0.1 in the audit log. `X-Forwarded-For` is believed
only when the connection comes from an address in `trusted_proxies` (the same addresses the
unit's firewall lets in); the client is then the right-most address in the header that is not
itself a trusted proxy. Anybody else's header is ignored, so a client cannot pick its own address.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """"10.0.0.5", "192.168.1.0/24", "::1" → networks; a bad entry is a settings error (ValueError)."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values if value.strip())


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip().strip('"')
    if value.startswith("["):  # "[2001:db8::1]:4711"
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # "203.0.113.7:4711"
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def is_trusted(host: str | None, trusted: tuple[Network, ...]) -> bool:
    address = _address(host) if host else None
    return address is not None and any(address in network for network in trusted)


def real_client(peer: str | None, forwarded_for: str | None, trusted: tuple[Network, ...]) -> str | None:
    """The client's address: the peer itself, or, when the peer is a trusted proxy, the right-most
    X-Forwarded-For entry that is not a trusted proxy (a malformed entry ends the walk)."""
    if not peer or not forwarded_for or not is_trusted(peer, trusted):
        return peer
    client = peer
    for entry in reversed(forwarded_for.split(",")):
        address = _address(entry)
        if address is None:
            break
        client = str(address)
        if not any(address in network for network in trusted):
            break
    return client


class ClientAddressMiddleware:
    """Rewrites scope["client"] in place, so the routes, the rate limits, the audit log and the
    server's access log all see the real client."""

    def __init__(self, app: ASGIApp, trusted: tuple[Network, ...]):
        self.app = app
        self.trusted = trusted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket") and self.trusted and scope.get("client"):
            values = [value.decode("latin-1") for name, value in scope.get("headers", ()) if name == b"x-forwarded-for"]
            forwarded = ",".join(values) if values else None
            host, _port = scope["client"]
            client = real_client(host, forwarded, self.trusted)
            if client != host:
                scope["client"] = (client, 0)
        await self.app(scope, receive, send)
