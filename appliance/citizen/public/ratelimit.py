"""Sliding-window rate limits for the citizen app, per IP and per chat session.

Kept in memory: the citizen app is one process, and a restart forgetting the windows is
harmless. Old keys are pruned as they are touched, and the table is capped."""

from __future__ import annotations

import threading
import time
from collections import deque

MAX_KEYS = 50_000


class RateLimiter:
    def __init__(self) -> None:
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, limit: int, window_s: float, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        with self._lock:
            hits = self._hits.get(key)
            if hits is None:
                if len(self._hits) >= MAX_KEYS:
                    self._prune(now, window_s)
                hits = self._hits[key] = deque()
            while hits and now - hits[0] > window_s:
                hits.popleft()
            if len(hits) >= limit:
                return False
            hits.append(now)
            return True

    def _prune(self, now: float, window_s: float) -> None:
        for key in [k for k, v in self._hits.items() if not v or now - v[-1] > window_s]:
            del self._hits[key]
        if len(self._hits) >= MAX_KEYS:  # under attack: forget the oldest half rather than grow
            for key in list(self._hits)[: MAX_KEYS // 2]:
                del self._hits[key]
