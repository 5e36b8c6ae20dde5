"""Issue 14, worker lanes: with one serial worker a long job (embedding 153 chunks took ~100 s) held
citizen sync and Zalo replies. Citizen work now has its own lane and its own worker process
(`appliance worker --lane citizen`; `appliance serve` and systemd start one worker per lane)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from appliance.citizen.staff import store as staff_store
from appliance.config import Settings
from appliance.db import connect
from appliance.jobs import enqueue
from appliance.jobs import queue as jobs_queue
from appliance.jobs.cli import serve_children
from tests.citizen.conftest import zalo_settings

LONG_JOB_S = 4.0


def test_lanes_split_the_job_kinds() -> None:
    main, citizen, everything = (jobs_queue.handlers(lane) for lane in ("main", "citizen", "all"))
    assert {"citizen.sync", "citizen.zalo_send", "citizen.publish"} == set(citizen)
    assert not set(main) & set(citizen) and set(main) | set(citizen) == set(everything)
    assert {"knowledge.embed", "meetings.process_upload", "dashboard.import"} <= set(main)
    assert serve_children(Settings()) == [["worker", "--lane", "citizen"], ["worker", "--lane", "main"]]


def _run_workers(settings: Settings, lanes: list[str], stop: threading.Event) -> list[threading.Thread]:
    def loop(lane: str) -> None:
        conn = connect(settings.db_path)  # each worker its own connection, as its own process has
        registry = jobs_queue.handlers(lane)
        while not stop.is_set():
            if not jobs_queue.run_one(conn, settings, registry):
                stop.wait(0.05)
        conn.close()

    threads = [threading.Thread(target=loop, args=(lane,), daemon=True) for lane in lanes]
    for thread in threads:
        thread.start()
    return threads


def _reply_delay(settings: Settings, fake_zalo, lanes: list[str], monkeypatch) -> float:
    """Seconds from a staff reply being queued to Zalo receiving it, while a long embedding runs."""
    real: Callable[..., object] = jobs_queue.job_handlers

    def slow_embed(ctx: object, payload: object) -> dict[str, int]:
        time.sleep(LONG_JOB_S)  # 153 chunks through a CPU embedder
        return {"embedded": 153}

    monkeypatch.setattr(jobs_queue, "job_handlers", lambda: {**real(), "knowledge.embed": slow_embed})
    conn = connect(settings.db_path)
    enqueue(conn, "knowledge.embed", {})
    stop = threading.Event()
    threads = _run_workers(settings, lanes, stop)
    time.sleep(0.5)  # the embedding has started
    started = time.monotonic()
    staff_store.queue_reply(conn, "staff:lane", "246845883529197922", "Phường đã nhận đơn của anh.")
    enqueue(conn, "citizen.zalo_send", {})
    while not fake_zalo.messages and time.monotonic() - started < LONG_JOB_S + 5:
        time.sleep(0.05)
    delay = time.monotonic() - started
    stop.set()
    for thread in threads:
        thread.join(LONG_JOB_S + 5)
    conn.close()
    assert fake_zalo.messages, "the reply was never sent"
    return delay


def test_a_reply_does_not_wait_behind_a_long_job(citizen_settings, fake_zalo, monkeypatch) -> None:
    settings = zalo_settings(citizen_settings, fake_zalo.url)
    assert _reply_delay(settings, fake_zalo, ["main", "citizen"], monkeypatch) < 1.5


def test_one_serial_worker_made_it_wait(citizen_settings, fake_zalo, monkeypatch) -> None:
    """The finding as it was: a single worker for every kind sends the reply only after the embedding."""
    settings = zalo_settings(citizen_settings, fake_zalo.url)
    assert _reply_delay(settings, fake_zalo, ["all"], monkeypatch) > LONG_JOB_S - 1
