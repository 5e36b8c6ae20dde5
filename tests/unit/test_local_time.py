"""Local time for people: stored UTC, shown in the unit's zone whatever zone the process runs in."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import ValidationError

from appliance.config import Settings
from appliance.http.rendering import env
from appliance.text import formatting
from appliance.text.formatting import (
    configure_timezone,
    format_local_clock,
    format_local_date,
    format_local_datetime,
    local_today,
    to_local,
    utc_stamp,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _default_zone() -> Iterator[None]:
    yield
    configure_timezone(formatting.DEFAULT_TIMEZONE)


def test_sqlite_utc_stamps_are_shown_in_vietnam_time():
    assert format_local_datetime("2026-12-04 03:11:00") == "04/12/2026 10:11"
    assert format_local_datetime("2026-12-04 20:30:05.123") == "05/12/2026 03:30"  # the next day there
    assert format_local_datetime("2026-12-04T20:30:05+00:00") == "05/12/2026 03:30"
    assert format_local_datetime(dt.datetime(2026, 12, 4, 3, 11)) == "04/12/2026 10:11"  # naive = UTC
    aware = dt.datetime(2026, 12, 4, 10, 11, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert format_local_datetime(aware) == "04/12/2026 10:11"
    assert format_local_datetime(None) == format_local_datetime("") == format_local_datetime("hôm qua") == ""


def test_dates_convert_times_but_keep_calendar_days():
    assert format_local_date("2026-12-04 20:30:00") == "05/12/2026"
    assert format_local_date("2026-12-04") == "04/12/2026"  # a deadline is a day, not an instant
    assert format_local_date(dt.date(2026, 1, 5)) == "05/01/2026"
    assert format_local_date(None) == ""


def test_clock_for_documents():
    assert format_local_clock("2026-12-04 03:11:00") == "10 giờ 11 phút"
    assert format_local_clock(None) == ""


def test_zone_is_a_setting():
    configure_timezone("UTC")
    assert format_local_datetime("2026-12-04 03:11:00") == "04/12/2026 03:11"
    assert to_local("2026-12-04 03:11:00").utcoffset() == dt.timedelta(0)
    with pytest.raises(ValidationError, match="múi giờ"):
        Settings(timezone="Asia/Hanoi-Mars")
    assert Settings().timezone == "Asia/Ho_Chi_Minh"


def test_utc_stamp_matches_sqlite_shape():
    aware = dt.datetime(2026, 12, 5, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert utc_stamp(aware) == "2026-12-05 01:30:00"


def test_jinja_filters():
    out = env.from_string("{{ a|localtime }} · {{ b|localdate }} · {{ c|localdate }}").render(
        a="2026-12-04 03:11:00", b="2026-12-04 20:00:00", c="2026-12-31")
    assert out == "04/12/2026 10:11 · 05/12/2026 · 31/12/2026"


def test_local_today_ignores_the_process_zone():
    """A server in UTC at 20:00 UTC is already tomorrow in Hà Nội."""
    code = ("import datetime as dt; from appliance.text.formatting import local_today, local_now;"
            "print(local_today().isoformat(), dt.datetime.now(dt.UTC).date().isoformat(), local_now().utcoffset())")
    env_vars = {**os.environ, "TZ": "UTC", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env_vars, capture_output=True, text=True, check=True)
    local, _utc, offset = out.stdout.split()
    assert offset == "7:00:00"
    assert local == (dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)).date().isoformat()
    assert local_today() == (dt.datetime.now(dt.UTC) + dt.timedelta(hours=7)).date()


def test_public_base_url_follows_the_public_port():
    assert Settings(public_port=9101).public_base_url == "http://127.0.0.1:9101"
    assert Settings(host="0.0.0.0", public_port=9101).public_base_url == "http://127.0.0.1:9101"
    assert Settings(public_base_url="https://hoidap.phuongmau.gov.vn").public_base_url == \
        "https://hoidap.phuongmau.gov.vn"


def test_serve_passes_its_ports_to_every_child(monkeypatch, tmp_path):
    """`appliance serve --public-port 9101`: the staff app and the worker print citizen links on 9101."""
    import argparse

    from appliance import serve

    started: list[dict[str, str]] = []

    class Child:
        args: list[str] = []
        returncode = 0

        def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
            started.append(env)

        def poll(self) -> int:
            return 0  # exits at once: serve stops the others and returns

        def wait(self, timeout: float) -> int:
            return 0

    monkeypatch.setattr(serve.subprocess, "Popen", Child)
    monkeypatch.setattr(serve.signal, "signal", lambda *_args: None)  # leave the test run's handlers alone
    args = argparse.Namespace(host=None, port=None, public_port=9101)
    serve.cmd_serve(args, Settings(data_dir=tmp_path))
    assert started and all(env["APPLIANCE_PUBLIC_PORT"] == "9101" for env in started)
