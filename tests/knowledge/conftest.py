from __future__ import annotations

from pathlib import Path

import pytest

from appliance.app import create_app
from appliance.auth.demo import load_users
from appliance.db import connect, migrate
from tests.conftest import LiveServer, make_settings


def _start(settings):
    conn = connect(settings.db_path)
    migrate(conn)
    load_users(conn)
    conn.close()
    return LiveServer(create_app(settings))


@pytest.fixture(scope="module")
def kb_settings(tmp_path_factory):
    return make_settings(tmp_path_factory.mktemp("kb") / "data")


@pytest.fixture(scope="module")
def kb_server(kb_settings):
    """The staff app over real HTTP on a fresh install (the starter library loads on first start),
    shared by a test module: tests that write (upload, catalogue edit) touch their own records."""
    with _start(kb_settings) as server:
        yield server


REPO = Path(__file__).resolve().parents[2]


def phapdien_pages() -> Path | None:
    """The official pages (`../shared/legal/phapdien` from the repository root; a git worktree
    sits one level deeper). None when this checkout has no shared folder."""
    for base in (REPO.parent, REPO.parent.parent):
        candidate = base / "shared" / "legal" / "phapdien"
        if candidate.is_dir() and any(candidate.glob("*.md")):
            return candidate
    return None


needs_pages = pytest.mark.skipif(phapdien_pages() is None,
                                 reason="the Pháp điển pages (../shared/legal/phapdien) are not beside this checkout")
