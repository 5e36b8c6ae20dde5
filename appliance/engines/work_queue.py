"""The engines server's queue: one lane (one worker thread) per model, so one GPU serves many
callers in order instead of all at once; a bounded backlog (callers beyond it get 503 and
retry) and a deadline per request (504 when it passes; queued work that times out never runs,
a running generation stops at its next token)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class QueueFull(RuntimeError):
    pass


class Cancelled(RuntimeError):
    pass


class Ticket:
    """A request's deadline and cancel flag, checked by long-running work between steps."""

    def __init__(self, timeout_s: float):
        self.deadline = time.monotonic() + timeout_s
        self.cancelled = threading.Event()

    def expired(self) -> bool:
        return self.cancelled.is_set() or time.monotonic() > self.deadline

    def check(self) -> None:
        if self.expired():
            raise Cancelled("hết thời gian xử lý yêu cầu")


class Lane:
    def __init__(self, name: str, max_pending: int):
        self.name = name
        self.max_pending = max_pending
        self._executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"engine-{name}")
        self._pending = 0
        self._lock = threading.Lock()
        self.served = 0

    @property
    def pending(self) -> int:
        return self._pending

    def submit(self, ticket: Ticket, fn: Callable[[], T]) -> concurrent.futures.Future[T]:
        with self._lock:
            if self._pending >= self.max_pending:
                raise QueueFull(f"hàng đợi {self.name} đầy ({self._pending} yêu cầu)")
            self._pending += 1

        def run() -> T:
            try:
                ticket.check()  # waited past its deadline in the queue: do not start it
                return fn()
            finally:
                with self._lock:
                    self._pending -= 1
                    self.served += 1

        return self._executor.submit(run)

    async def run(self, ticket: Ticket, fn: Callable[[], T]) -> T:
        future = self.submit(ticket, fn)
        try:
            remaining = max(0.0, ticket.deadline - time.monotonic())
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=remaining)
        except (TimeoutError, asyncio.CancelledError):
            ticket.cancelled.set()
            future.cancel()
            raise

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


class Lanes:
    def __init__(self, max_pending: int = 16):
        self.max_pending = max_pending
        self._lanes: dict[str, Lane] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> Lane:
        with self._lock:
            lane = self._lanes.get(name)
            if lane is None:
                lane = self._lanes[name] = Lane(name, self.max_pending)
            return lane

    def stats(self) -> dict[str, dict[str, int]]:
        return {name: {"pending": lane.pending, "served": lane.served} for name, lane in self._lanes.items()}

    def shutdown(self) -> None:
        for lane in self._lanes.values():
            lane.shutdown()
