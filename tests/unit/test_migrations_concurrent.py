"""Processes started together on a fresh unit migrate the same database without failing."""

import sqlite3
import subprocess
import sys


def test_concurrent_migrations_from_several_processes(tmp_path):
    db = tmp_path / "appliance.db"
    code = ("import sys; from appliance.db import connect, migrate; "
            "c = connect(sys.argv[1]); migrate(c); c.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db)], stderr=subprocess.PIPE) for _ in range(4)]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM _migrations")]
    assert len(ids) == len(set(ids)) and "core_0001_auth_audit" in ids
