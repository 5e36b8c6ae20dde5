from appliance.db import connect
from appliance.jobs import enqueue, get_job
from appliance.jobs.queue import recover, run_one
from tests.conftest import install_db


def test_job_runs_retries_and_recovers(settings, migrated_template):
    install_db(migrated_template, settings)  # the session's fresh install (a migration costs most of a second)
    conn = connect(settings.db_path)
    calls = []

    def ok(ctx, payload):
        ctx.progress(0.5, "đang chạy")
        calls.append(payload["n"])
        return {"double": payload["n"] * 2}

    def flaky(ctx, payload):
        raise RuntimeError("hỏng")

    registry = {"ok": ok, "flaky": flaky}
    a = enqueue(conn, "ok", {"n": 21})
    b = enqueue(conn, "flaky", {}, max_attempts=2)
    assert run_one(conn, settings, registry) and run_one(conn, settings, registry)
    assert get_job(conn, a)["result"] == {"double": 42} and get_job(conn, a)["status"] == "done"
    job_b = get_job(conn, b)
    assert job_b["status"] == "queued" and job_b["attempts"] == 1 and "hỏng" in job_b["error"]
    conn.execute("UPDATE jobs SET run_after = '2000-01-01' WHERE id = ?", (b,))
    assert run_one(conn, settings, registry)
    assert get_job(conn, b)["status"] == "failed"
    # a crash mid-job: recover() puts it back in the queue
    c = enqueue(conn, "ok", {"n": 1})
    conn.execute("UPDATE jobs SET status = 'running' WHERE id = ?", (c,))
    assert recover(conn) == 1 and run_one(conn, settings, registry)
    assert calls == [21, 1]
