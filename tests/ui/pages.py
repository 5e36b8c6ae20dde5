"""Every page a person can open: found by following the links of the real apps, not listed by hand,
so a page another feature adds is walked too. One URL per route shape (ids and codes folded)."""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx

SKIP = re.compile(r"^/(api|static|v1|zalo)/|^/(logout|healthz|widget\.js|favicon\.ico)$|/(stream|events|docx|pdf)$"
                  r"|/audio/|\.(docx|pdf|wav|csv|xlsx)$")
# Path segments that name one record: numbers, and codes such as HT-KS or PA-7K3-M4X.
_ID = re.compile(r"^(\d+|[A-Z0-9][A-Z0-9._-]*\d?[A-Z0-9._-]*)$")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href") and "download" not in found:
            self.hrefs.append(str(found["href"]))


def shape(path: str) -> str:
    return "/".join("{id}" if _ID.match(part) and part else part for part in path.split("/"))


def discover(client: httpx.Client, seeds: list[str], *, depth: int = 2, limit: int = 80) -> list[str]:
    """Same-origin GET pages reachable from `seeds` within `depth` clicks, one URL per shape."""
    seen: dict[str, str] = {}
    queue = deque((seed, 0) for seed in seeds)
    while queue and len(seen) < limit:
        url, level = queue.popleft()
        parts = urlsplit(url)
        if parts.netloc or SKIP.search(parts.path) or shape(parts.path) in seen:
            continue
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        seen[shape(parts.path)] = url
        if level >= depth:
            continue
        links = _Links()
        links.feed(response.text)
        for href in links.hrefs:
            if href.startswith(("#", "javascript:", "mailto:", "tel:")):
                continue
            target = urlsplit(urljoin(url, href))
            if target.netloc and target.netloc != urlsplit(str(client.base_url)).netloc:
                continue
            queue.append((target.path + (f"?{target.query}" if target.query else ""), level + 1))
    return list(seen.values())
