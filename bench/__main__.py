"""Run every bench/bench_*.py module's `main()` (or only those named on the command line)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
import traceback

import bench
from appliance.cli import apply_offline_env


def main(argv: list[str]) -> int:
    apply_offline_env()
    names = sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_"))
    wanted = [n if n.startswith("bench_") else f"bench_{n}" for n in argv]
    failures = 0
    for name in wanted or names:
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception:  # one broken benchmark must not hide the others
            failures += 1
            traceback.print_exc()
        print(f"({time.perf_counter() - started:.1f} s)", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
