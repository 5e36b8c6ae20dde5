"""Session 16 of the leaders' question box: each flag switched on and off with my own wording (never a set's sentence)
and cases where it must not fire; bug fixes (rule R7) as plain tests that failed before the fix."""
from __future__ import annotations

from tests.ask.answering import asker


def test_a_verb_after_not_yet_assigned_belongs_to_it(ask_db):
    """Bug fix: "chưa có ai nhận xử lý", "chưa phân công giải quyết" are feedback not yet taken (Chờ xử lý). The verb
    left over had been read as "đã xử lý", so the answer counted the feedback already handled (the status turned
    round). "đã xử lý" said alone keeps its reading."""
    ask = asker(ask_db)
    waiting = ask("bao nhiêu phản ánh chưa ai nhận")
    assert waiting.status == "ok" and waiting.intent is not None
    assert waiting.intent.filters.get("trang_thai") == "cho_xu_ly"
    for said in ("có bao nhiêu phản ánh chưa phân công xử lý", "số phản ánh chưa có ai nhận xử lý là bao nhiêu",
                 "bao nhiêu phản ánh chưa được giao giải quyết"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None, said
        assert got.intent.filters.get("trang_thai") == "cho_xu_ly" and got.rows == waiting.rows, said
    done = ask("tháng 10 bao nhiêu phản ánh đã xử lý")
    assert done.intent is not None and done.intent.filters.get("trang_thai") == "da_xu_ly"
