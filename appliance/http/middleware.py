"""The middleware both apps install, outermost first: the real client address (trusted proxies),
security headers, then request body limits (so a 413 carries the headers too)."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import FastAPI

from appliance.http.headers import SecurityHeadersMiddleware, install_access_log_filter
from appliance.http.limits import BodyLimitMiddleware
from appliance.http.proxies import ClientAddressMiddleware, parse_networks


def install_security(app: FastAPI, *, trusted_proxies: list[str], max_body: int,
                     body_limits: Mapping[str, int] | None = None) -> None:
    # add_middleware puts each new one outside the ones before it: add the innermost first.
    app.add_middleware(BodyLimitMiddleware, default=max_body, per_path=dict(body_limits or {}))
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(ClientAddressMiddleware, trusted=parse_networks(trusted_proxies))
    install_access_log_filter()
