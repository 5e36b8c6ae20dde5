"""provisioning/appliance-update: the previous release is kept; a broken release is refused or
rolled back; `rollback` returns to the previous venv. Runs without systemd (smoke check path)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "provisioning" / "appliance-update"
VENV_BIN = Path(sys.executable).parent


def _release(prefix: Path, name: str, *, healthy: bool = True) -> Path:
    """A release whose venv is this test's Python (healthy) or one that cannot import the app."""
    bin_dir = prefix / "releases" / name / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    for exe in ("python", "appliance"):
        body = f'exec {VENV_BIN / exe} "$@"' if healthy else "echo 'ModuleNotFoundError: appliance' >&2; exit 1"
        (bin_dir / exe).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / exe).chmod(0o755)
    return prefix / "releases" / name


def _update(prefix: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "APPLIANCE_PREFIX": str(prefix), "APPLIANCE_CONFIG": str(prefix / "none.toml")}
    return subprocess.run(["bash", str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=120)


def test_activate_keeps_previous_refuses_broken_and_rolls_back(tmp_path: Path) -> None:
    prefix = tmp_path / "opt"
    one = _release(prefix, "0.1.0-aaa")
    assert _update(prefix, "activate", str(one)).returncode == 0
    assert (prefix / "current").resolve() == one.resolve()
    two = _release(prefix, "0.1.1-bbb")  # the playbook stages a release, then activates it
    done = _update(prefix, "activate", str(two))
    assert done.returncode == 0, done.stderr
    assert (prefix / "current").resolve() == two.resolve() and (prefix / "previous").resolve() == one.resolve()

    bad = _release(prefix, "0.2.0-bad", healthy=False)
    refused = _update(prefix, "activate", str(bad))
    assert refused.returncode == 1 and "không chạy được" in refused.stderr
    assert (prefix / "current").resolve() == two.resolve(), "a broken release never becomes current"

    back = _update(prefix, "rollback")
    assert back.returncode == 0, back.stderr
    assert (prefix / "current").resolve() == one.resolve() and (prefix / "previous").resolve() == two.resolve()
    assert two.exists(), "the newer venv is kept after a rollback"


def test_prune_keeps_only_current_and_previous(tmp_path: Path) -> None:
    prefix = tmp_path / "opt"
    for n in range(3):
        assert _update(prefix, "activate", str(_release(prefix, f"0.1.{n}-x"))).returncode == 0
    left = sorted(p.name for p in (prefix / "releases").iterdir())
    assert left == ["0.1.1-x", "0.1.2-x"]
