"""The sandbox holds the ward's own catalogue and library (issue 21), copied from the live
database read-only: an edit the live unit made shows in the sandbox, and the live file keeps
every byte."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from appliance.db import connect, migrate
from appliance.demo.loader import is_loaded
from appliance.knowledge import store as kb_store
from appliance.knowledge.procedures import get_procedure, list_procedures, upsert_procedure
from appliance.knowledge.search import search
from appliance.training import sandbox
from tests.conftest import DEMO_ANCHOR, make_settings


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_sandbox_holds_the_live_catalogue_and_library_and_the_live_file_is_untouched(tmp_path: Path) -> None:
    live = make_settings(tmp_path / "data")
    conn = connect(live.db_path)
    migrate(conn)
    first = list_procedures(conn)[0]
    # The ward's admin corrects a procedure and drops one document from its library.
    upsert_procedure(conn, dataclasses.replace(first, name=first.name + " (phường đã sửa)"), edited_by="quan_tri")
    documents = kb_store.documents_with_counts(conn)
    dropped = documents[-1]
    kb_store.delete_document(conn, dropped["id"])
    live_docs = {row["doc_key"] for row in kb_store.documents_with_counts(conn)}
    live_chunks = kb_store.chunk_total(conn)
    conn.close()
    before = _digest(live.db_path)
    assert not Path(f"{live.db_path}-wal").exists()  # closed cleanly: every byte is in the main file

    folder = sandbox.build(live, anchor=DEMO_ANCHOR)

    assert _digest(live.db_path) == before  # not a byte of the live file changed
    # A read-only reader of a WAL database may leave SQLite's empty WAL and shared-memory index
    # beside it (as the running app does); it never writes a frame.
    wal = Path(f"{live.db_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    sandbox_conn = connect(folder / "appliance.db")
    try:
        copied = get_procedure(sandbox_conn, first.code)
        assert copied is not None and copied.name == first.name + " (phường đã sửa)"
        assert {row["doc_key"] for row in kb_store.documents_with_counts(sandbox_conn)} == live_docs
        assert dropped["doc_key"] not in live_docs
        assert kb_store.chunk_total(sandbox_conn) == live_chunks
        kb_store.check_fts_integrity(sandbox_conn)  # the index was rebuilt over the copied chunks
        assert search(sandbox_conn, "đăng ký khai tử", k=3)
        # The rest of the sandbox is still the demo ward's (the copy replaced only knowledge's tables).
        assert is_loaded(sandbox_conn)
    finally:
        sandbox_conn.close()


def test_a_unit_without_a_live_database_keeps_the_demo_catalogue(tmp_path: Path) -> None:
    live = make_settings(tmp_path / "data")
    folder = sandbox.build(live, anchor=DEMO_ANCHOR)
    assert not live.db_path.exists()  # building the sandbox never creates the live database
    sandbox_conn = connect(folder / "appliance.db")
    try:
        assert kb_store.procedure_count(sandbox_conn) > 0
    finally:
        sandbox_conn.close()
