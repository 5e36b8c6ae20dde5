"""Seconds each test file took in a measured `make test` run (tests/file_times.txt), so that the two test workers
take the longest files first.

Why: pytest-xdist's `--dist loadfile` hands out whole files in the order it is given; by default it sorts them by
their number of tests. A file with two tests of three minutes (the playbook in a chroot) then came last, and the other
worker sat idle while it ran. Longest first ("longest processing time", a greedy schedule) keeps both busy to the end.

Regenerate after a clean-clone `make test` (which writes var/test-times.xml):
    python -m tests.file_times var/test-times.xml var/test-times-serial.xml > tests/file_times.txt
A file missing from the list (a new one) is estimated from its number of tests."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

TIMES = Path(__file__).resolve().parent / "file_times.txt"
# Seconds per test for a file the list does not know yet: the measured mean is about 0,5 s.
UNKNOWN_PER_TEST_S = 0.5


def load(path: Path = TIMES) -> dict[str, float]:
    """Path relative to tests/ → seconds; empty when the list is absent or unreadable (the order then stays
    as collected, which is only slower, never wrong)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    out: dict[str, float] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        seconds, _, name = line.partition("\t")
        try:
            out[name.strip()] = float(seconds)
        except ValueError:
            continue
    return out


def weight(name: str, tests: int, times: dict[str, float]) -> float:
    return times.get(name, tests * UNKNOWN_PER_TEST_S)


def from_junit(paths: list[str]) -> dict[str, float]:
    """Summed time per test file (setup, call and teardown: JUnit's `time`) from pytest's JUnit XML."""
    seconds: dict[str, float] = defaultdict(float)
    for path in paths:
        for case in ET.parse(path).iter("testcase"):
            module = case.get("classname", "")
            # classname is the dotted module (and class): tests.citizen.test_fresh[.Class]
            parts = module.split(".")
            while parts and not parts[-1].startswith("test_"):
                parts.pop()
            if len(parts) < 2 or parts[0] != "tests":
                continue
            seconds["/".join(parts[1:]) + ".py"] += float(case.get("time", "0") or 0)
    return dict(seconds)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    seconds = from_junit(argv)
    print("# Seconds per test file (tests/file_times.py: the longest go first to the two workers), from "
          + ", ".join(Path(p).name for p in argv))
    for name, value in sorted(seconds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{value:.1f}\t{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
