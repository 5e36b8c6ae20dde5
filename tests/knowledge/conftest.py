from __future__ import annotations

import functools
import tarfile
import tempfile
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
def library(tmp_path_factory):
    """A fresh install's database (the official starter library), one per test module: the search tests read
    it, and the few that write (catalogue, registry) touch only their module's copy."""
    connection = connect(tmp_path_factory.mktemp("library") / "appliance.db")
    migrate(connection)
    yield connection
    connection.close()


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


# The same 14 pages, packed (tar.xz, ~0,4 MB) so the import tests run where the shared folder is not
# beside the checkout (a CI clone): official legal text, not protected by copyright in Việt Nam
# (Luật Sở hữu trí tuệ, Điều 15); provenance in the packed README.md (shared/legal/README.md).
PACKED_PAGES = Path(__file__).resolve().parent / "data" / "phapdien-pages.tar.xz"


def shared_pages() -> Path | None:
    """`../shared/legal/phapdien` from the repository root (a git worktree sits one level deeper)."""
    for base in (REPO.parent, REPO.parent.parent):
        candidate = base / "shared" / "legal" / "phapdien"
        if candidate.is_dir() and any(candidate.glob("*.md")):
            return candidate
    return None


@functools.cache
def phapdien_pages() -> Path | None:
    """The official pages: the shared folder when it is there, else the packed copy unpacked once."""
    shared = shared_pages()
    if shared is not None:
        return shared
    if not PACKED_PAGES.exists():
        return None
    target = Path(tempfile.mkdtemp(prefix="phapdien-"))
    with tarfile.open(PACKED_PAGES, "r:xz") as packed:
        packed.extractall(target, filter="data")
    return target / "phapdien"


needs_pages = pytest.mark.skipif(phapdien_pages() is None,
                                 reason="neither ../shared/legal/phapdien nor the packed copy is here")
