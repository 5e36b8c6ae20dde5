"""Training mode's rules without a server: sandbox settings carry no way out, only the staff app
honours the cookie, an expired training session is live data again, outbound jobs never run."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from starlette.requests import Request

from appliance.auth.users import create_user, set_active
from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.training import mode, sandbox, store
from appliance.training.cli import sandbox_handlers
from tests.conftest import make_settings


def _request(live: Settings, cookie: str, *, staff_app: bool) -> Request:
    state = SimpleNamespace(settings=live, **({"training_allowed": True} if staff_app else {}))
    scope = {"type": "http", "method": "GET", "path": "/", "headers": [(b"cookie", f"{mode.COOKIE}={cookie}".encode())],
             "app": SimpleNamespace(state=state), "query_string": b""}
    return Request(scope)


def test_sandbox_settings_have_no_way_out(tmp_path: Path) -> None:
    live = make_settings(tmp_path / "data", zalo_app_id="app", zalo_access_token="secret",
                         zalo_egress_proxy="http://proxy:3128", zalo_webhook_url="https://relay/zalo", demo_mode=True)
    boxed = sandbox.sandbox_settings(live, tmp_path / "box")
    assert boxed.db_path == tmp_path / "box" / "appliance.db" and boxed.public_db_path.parent == tmp_path / "box"
    assert boxed.model_root == live.model_root  # the unit's models, not an empty folder
    assert not boxed.demo_mode
    assert all(getattr(boxed, key) is None for key in ("zalo_app_id", "zalo_access_token", "zalo_egress_proxy",
                                                       "zalo_webhook_url", "zalo_oa_secret_key"))
    assert boxed.zalo_api_base.startswith("http://127.0.0.1:9/")
    assert "citizen.zalo_send" not in sandbox_handlers() and "citizen.publish" in sandbox_handlers()


def test_only_the_staff_app_honours_a_live_training_session(tmp_path: Path, monkeypatch) -> None:
    live = make_settings(tmp_path / "data")
    folder = tmp_path / "box"
    boxed = connect(folder / "appliance.db")  # an empty migrated sandbox: no demo ward needed here
    migrate(boxed)
    boxed.close()
    monkeypatch.setattr(sandbox, "ensure", lambda settings, anchor=None: folder)
    own = connect(live.db_path)  # the live unit and its account
    migrate(own)
    account = create_user(own, "canbo", "mat-khau-dai-du", "staff", "Phạm Văn Cán")
    token = mode.enter(live, account)
    state = mode.training_state(_request(live, token, staff_app=True))
    assert state is not None and state.settings.data_dir == folder and state.user.role == mode.SANDBOX_ROLE
    assert state.username == "canbo" and state.user.username == "canbo"
    assert mode.training_state(_request(live, token, staff_app=False)) is None  # the citizen app
    assert mode.training_state(_request(live, "forged", staff_app=True)) is None
    set_active(own, account.id, False)  # locked on the live unit: out of training too
    assert mode.training_state(_request(live, token, staff_app=True)) is None
    set_active(own, account.id, True)
    own.close()
    assert mode.training_state(_request(live, token, staff_app=True)) is not None

    conn = store.open_db(sandbox.progress_path(live))  # the test plays the clock: the session ran out
    try:
        conn.execute("UPDATE training_sessions SET expires_at = '2000-01-01 00:00:00'")
    finally:
        conn.close()
    assert mode.training_state(_request(live, token, staff_app=True)) is None
