"""What the flag tests of the question box share (test_session12.py, test_session13.py): asking on the demo ward's
day without a generator, and whether two answers are the same figure or table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from appliance.ask.service import AskResult, answer_question
from tests.ask.data import TODAY


def asker(db: Path) -> Callable[[str], AskResult]:
    return lambda question: answer_question(db, question, today=TODAY, use_llm=False)


def same(a: AskResult, b: AskResult) -> bool:
    return a.status == "ok" and b.status == "ok" and a.rows == b.rows and a.keys == b.keys


def same_or_unsure(ask: Callable[[str], AskResult], said: str, plain: str, on: bool) -> None:
    """A flag's reading checked both ways: with the flag on, `said` answers what the plain wording does; off, unsure."""
    want = ask(plain)
    assert want.status == "ok", plain
    got = ask(said)
    assert same(got, want) if on else got.status == "unsure", said
