"""The leaders' question box on the fresh half of the batch written blind in session 8
(tests/ask/fresh8/README.md), graded against the independent computation over the demo ward's rows
(tests/ask/spec_reference.py), as the held-out set is. Floors are what was measured; issue 16's targets
(right ≥ 85 %, confidently wrong ≤ 1 %) are beside them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.ask import spec_eval

FRESH = Path(__file__).resolve().parent / "fresh8" / "leader_questions.toml"
FRESH_SHA256 = "927bfddf1eee27eeda7daf1ff4d97b65109cace728d6f4a093cf67f77e86fcbb"


def test_the_fresh_set_is_frozen_with_its_provenance():
    raw = FRESH.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == FRESH_SHA256
    assert b"(session 8)" in raw[:600] and b"Provenance:" in raw[:600]
    assert len(spec_eval.load(FRESH)) == 64


@pytest.fixture(scope="module")
def demo_db(demo_settings):
    return demo_settings.db_path


@pytest.mark.slow
def test_fresh_leader_questions(demo_db):
    summary = spec_eval.evaluate(demo_db, spec_eval.load(FRESH))
    print("\n" + summary.line("fresh (session 8)"))
    right, wrong = summary.rate("right"), summary.rate("wrong")  # plain floats: a failure prints no case
    assert right >= 0.765, summary.line("fresh")  # 47 of 64 before session 8, 49 once at its end
    assert wrong <= 0.079, summary.line("fresh")  # 5 of 64 before session 8
