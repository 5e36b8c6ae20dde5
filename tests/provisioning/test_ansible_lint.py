"""The playbook is lint-clean (production profile) and parses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ANSIBLE = Path(__file__).resolve().parents[2] / "ansible"
BIN = Path(sys.executable).parent


def _env() -> dict[str, str]:
    env = {**os.environ, "ANSIBLE_CONFIG": str(ANSIBLE / "ansible.cfg"), "NO_COLOR": "1",
           "PATH": f"{BIN}:{os.environ['PATH']}", "ANSIBLE_LOCAL_TEMP": "/tmp/.ansible-local"}
    env.pop("APPLIANCE_NETGUARD", None)
    return env


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed: pip install -e '.[dev]' (pyproject pins it)")
    return str(path)


def test_syntax_check() -> None:
    done = subprocess.run([_tool("ansible-playbook"), "--syntax-check", "site.yml"], cwd=ANSIBLE, env=_env(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.timeout(240)
def test_ansible_lint_production_profile() -> None:
    done = subprocess.run([_tool("ansible-lint"), "--nocolor", "--offline"], cwd=ANSIBLE, env=_env(),
                          capture_output=True, text=True, timeout=230)
    assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-5000:]
    assert "Profile 'production' was required, and it passed" in done.stdout + done.stderr
