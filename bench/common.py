"""Helpers for benchmarks: timing, medians, ratios, and a served app in a subprocess."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import wait_http


def timings(fn: Callable[[], object], repeat: int = 30, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def p95_ms(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))] * 1000


def report(label: str, value: float, baseline: float, unit: str = "ms", target: float | None = None) -> None:
    ratio = value / baseline if baseline else float("inf")
    verdict = "" if target is None else ("  [đạt]" if ratio <= target else f"  [CHƯA ĐẠT, mục tiêu ≤ {target}×]")
    print(f"{label}: {value:.2f} {unit} vs baseline {baseline:.2f} {unit} → {ratio:.2f}×{verdict}", flush=True)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0



@contextmanager
def demo_data_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = dict(os.environ, APPLIANCE_DATA_DIR=str(data))
        subprocess.run([sys.executable, "-m", "appliance", "demo-data"], env=env, check=True, capture_output=True)
        yield data


@contextmanager
def served(data_dir: Path, command: str, port: int) -> Iterator[subprocess.Popen[bytes]]:
    env = dict(os.environ, APPLIANCE_DATA_DIR=str(data_dir))
    proc = subprocess.Popen([sys.executable, "-m", "appliance", command, "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz")
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=20)
