from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from appliance.app import create_app
from appliance.db import connect
from appliance.demo.users import load as load_users


def run_cli(settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"APPLIANCE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin", "APPLIANCE_NETGUARD": "raise"}
    return subprocess.run([sys.executable, "-m", "appliance", *args], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[2])


@pytest.fixture
def server(settings, live_server_factory):
    """A fresh staff app with the demo users and no records."""
    app = create_app(settings)
    conn = connect(settings.db_path)
    load_users(conn)
    conn.close()
    return live_server_factory(app)
