"""Training mode per browser session: a cookie that points the request at the sandbox.

`http.deps.get_settings` asks `training_state(request)` first; when the request carries a valid
training cookie the settings it returns have the sandbox as data_dir, so `Conn`, `SettingsDep`
and everything built on them (documents, recordings, the citizen database, jobs) are the
sandbox's, and the user is the trainee's own account in the sandbox database. Such a request
never writes the live database: the training session lives in progress.db, not in the live
`sessions` table; the live database is only read, through a read-only connection, to check that
the trainee's account is still active (a locked account leaves training at once). Only the staff
app serves the sandbox (`app.state.training_allowed`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from appliance.auth.users import User, create_user, find_user, username_problem
from appliance.config import Settings
from appliance.db import connect, connect_readonly
from appliance.training import sandbox, store

COOKIE = "appliance_training"
# Trainees practise every day of the course, the leaders' question box included: in the sandbox
# (fictional data) each of them is a leader. Never admin: admin pages reach past the data folder
# (installed models, the unit's setup), which the sandbox does not isolate.
SANDBOX_ROLE = "leader"


@dataclass(frozen=True)
class TrainingState:
    settings: Settings      # the sandbox's
    user: User              # the trainee's account in the sandbox database
    csrf: str
    username: str           # the live account's: progress is kept under it
    full_name: str          # as on the live account, for the trainer's page and certificates
    unit: str


# Trainees' sandbox accounts by (sandbox database, live username): a reset makes a new folder, hence
# new keys, so an entry never outlives the sandbox it names.
_SANDBOX_USERS: dict[tuple[Path, str], User] = {}


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def training_state(request: Request) -> TrainingState | None:
    """The request's training state (cached on request.state), or None for live data."""
    if hasattr(request.state, "training"):
        cached: TrainingState | None = request.state.training
        return cached
    state = None
    token = request.cookies.get(COOKIE)
    if token and getattr(request.app.state, "training_allowed", False):
        state = _lookup(request.app.state.settings, token)
    request.state.training = state
    return state


def _lookup(live: Settings, token: str) -> TrainingState | None:
    path = sandbox.progress_path(live)
    if not path.exists():
        return None
    conn = store.open_db(path)
    try:
        row = store.session_by_digest(conn, _digest(token))
        name = store.get_meta(conn, "current")
    finally:
        conn.close()
    if row is None or row["expires_at"] < _now() or not _still_active(live, row["username"]):
        return None
    folder = sandbox.sandboxes_dir(live) / name if name else None
    if folder is None or not (folder / "appliance.db").exists():
        folder = sandbox.ensure(live)
    settings = sandbox.sandbox_settings(live, folder)
    user = sandbox_user(settings, row["username"], row["full_name"], row["unit"])
    return TrainingState(settings, user, row["csrf_token"], row["username"], row["full_name"], row["unit"])


def _still_active(live: Settings, username: str) -> bool:
    conn = connect_readonly(live.db_path)  # mode=ro and query_only: this cannot change a byte
    try:
        return find_user(conn, username) is not None
    finally:
        conn.close()


def sandbox_username(username: str) -> str:
    """The trainee's name in the sandbox: the live one, or a stable stand-in for an old-style name."""
    if username_problem(username) is None:
        return username
    return "hv" + hashlib.sha256(username.encode()).hexdigest()[:10]


def sandbox_user(settings: Settings, username: str, full_name: str, unit: str) -> User:
    """The trainee's account in the sandbox, created on first use (and again after a reset) with a
    random password nobody knows: it is reached only through the training cookie."""
    key = (settings.db_path, username)
    cached = _SANDBOX_USERS.get(key)
    if cached is not None:
        return cached
    conn = connect(settings.db_path)
    try:
        name = sandbox_username(username)
        found = find_user(conn, name)
        user = found[0] if found is not None else create_user(conn, name, secrets.token_urlsafe(24), SANDBOX_ROLE,
                                                               full_name, unit)
    finally:
        conn.close()
    _SANDBOX_USERS[key] = user
    return user


def enter(live: Settings, user: User) -> str:
    """Open a training session for a live user; returns the cookie value. Builds the sandbox if needed."""
    sandbox.ensure(live)
    token = secrets.token_urlsafe(32)
    expires = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=live.session_hours)).strftime("%Y-%m-%d %H:%M:%S")
    conn = store.open_db(sandbox.progress_path(live))
    try:
        store.delete_expired_sessions(conn, _now())
        store.insert_session(conn, _digest(token), user.username, user.display_name, user.unit, user.role,
                             secrets.token_urlsafe(32), expires)
    finally:
        conn.close()
    return token


def leave(live: Settings, token: str) -> None:
    conn = store.open_db(sandbox.progress_path(live))
    try:
        store.delete_session(conn, _digest(token))
    finally:
        conn.close()


def live_settings(request: Request) -> Settings:
    """The unit's own settings, whatever mode the request is in (progress.db lives beside the live data)."""
    settings: Settings = request.app.state.settings
    return settings
