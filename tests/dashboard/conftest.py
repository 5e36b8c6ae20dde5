from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_cli(settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"APPLIANCE_DATA_DIR": str(settings.data_dir), "PATH": "/usr/bin:/bin", "APPLIANCE_NETGUARD": "raise"}
    return subprocess.run([sys.executable, "-m", "appliance", *args], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parents[2])


