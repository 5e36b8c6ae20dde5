"""Task extraction on the fresh held-out half written blind in session 6 (tests/tasks/fresh/README.md):
frozen before session 6 tuned anything, so its figure is an honest measure of how the extractor does on
transcripts nobody fitted it to. The floor is the figure measured there; the issue's target (F1 ≥ 0.85) is higher."""

from __future__ import annotations

import hashlib

from tests.tasks.test_heldout import _run, ward  # noqa: F401  (the fixture is used by name)
from tests.tasks.transcripts import HERE, load

FRESH = HERE / "fresh" / "meeting_transcripts.toml"
FROZEN_SHA256 = "a2367c7719eb440ac13a2456b51f00ab82f2e01ea23c46355162293a52279491"
FRESH_F1 = 0.612  # 0.581 before session 6's changes (main 5e095cb), 0.599 after them (rules; the fitted scorer 0.582);
# 0.613 once at the end of session 8 (57 right, 36 wrong, 36 missed)


def test_the_fresh_set_is_the_one_received():
    assert hashlib.sha256(FRESH.read_bytes()).hexdigest() == FROZEN_SHA256
    assert "session 6" in FRESH.read_text(encoding="utf-8")


def test_fresh_f1_with_deadlines_and_directory_assignees(ward):  # noqa: F811
    assert _run(ward, load(FRESH), "fresh held-out (blind, session 6)") >= FRESH_F1
