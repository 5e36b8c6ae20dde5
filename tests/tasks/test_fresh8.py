"""Task extraction on the fresh half of the meetings written blind in session 8
(tests/tasks/fresh8/README.md): frozen the moment it was split, measured before anything of session 8
changed; never tuned on. The floor is the figure measured there; the issue's target (F1 ≥ 0.85) is higher."""

from __future__ import annotations

import hashlib

from tests.tasks.test_heldout import _run, ward  # noqa: F401  (the fixture is used by name)
from tests.tasks.transcripts import HERE, load

FRESH = (HERE / "fresh8" / "meetings_a.toml", HERE / "fresh8" / "meetings_b.toml")
FROZEN_SHA256 = {"meetings_a.toml": "417147ffd9f7b7f4e36c87406148fa462c897bba2c17965a0f383d8f729b611b",
                 "meetings_b.toml": "fb8aca2b709d3b4acb5cfd875c0b654a1681c278d993f545965f8fc260d65649"}
# 0.630 (P 0.592, R 0.673; 74 right, 51 wrong, 36 missed of 110) before session 8's changes (main 12ab0be);
# by writer: 0.519 (a) and 0.769 (b)
# 158 / 228 = 0.693 once at the end of session 8 (79 right, 39 wrong, 31 missed)
FRESH_F1 = 0.692


def test_the_fresh_set_is_the_one_received():
    for path in FRESH:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == FROZEN_SHA256[path.name], path.name
        assert "(session 8)" in path.read_text(encoding="utf-8")


def test_fresh_f1_with_deadlines_and_directory_assignees(ward):  # noqa: F811
    meetings = [m for path in FRESH for m in load(path)]
    assert len(meetings) == 20
    assert _run(ward, meetings, "fresh held-out (blind, session 8)") >= FRESH_F1
