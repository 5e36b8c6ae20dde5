"""The menu offers exactly what the role may open: every entry shown opens (200), every entry
hidden answers 403 (or sends the wall screen to its wall), for each role, over real HTTP."""

from __future__ import annotations

import re
from contextlib import closing

import httpx
import pytest

from appliance.auth.roles import ROLES
from appliance.features import nav_entries
from tests.conftest import login

NAV_LINK = re.compile(r'<nav id="sidenav".*?</nav>', re.S)


@pytest.mark.parametrize("role", ROLES)
def test_menu_matches_what_each_role_may_open(demo_server, role):
    username = {"admin": "admin", "leader": "lanhdao", "staff": "canbo", "display": "manhinh"}[role]
    with closing(httpx.Client(base_url=demo_server.url, timeout=30)) as client:
        login(client, username, f"{username}-demo")
        home = client.get("/wall" if role == "display" else "/")
        assert home.status_code == 200
        menu = NAV_LINK.search(home.text)
        assert menu, "the page shell has no menu"
        shown = set(re.findall(r'<a href="([^"]+)"', menu.group(0)))
        entries = {entry.path for entry in nav_entries()}
        assert shown <= entries
        for path in sorted(entries):
            status = client.get(path).status_code
            if path in shown:
                assert status == 200, f"{role} sees «{path}» in the menu but gets {status}"
            else:
                assert status in (303, 403), f"{role} does not see «{path}» in the menu but may open it ({status})"
