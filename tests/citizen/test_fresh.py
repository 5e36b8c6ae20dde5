"""Issue 16: the citizen chat on the fresh held-out halves written blind in session 6
(tests/citizen/fresh/README.md), through the shipped default path (`bot_for`'s defaults: the packaged
multilingual-e5-small reads what the rules are unsure of, the complaint model files the category).
Frozen before session 6 tuned anything, so these are the honest figures for wording nobody fitted on.
The floors are what was measured; the issue's targets (≥ 90 % right, ≤ 3 % wrong) are beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from appliance.citizen import evaluation as ev
from tests.citizen.fresh_sets import assert_floors, check_frozen, default_views

FRESH = Path(__file__).resolve().parent / "fresh"
FROZEN = {"citizen_questions.toml": "cce5b3664378d125118ee55737b7a113cb2d86e2baac3cc329e90c086e4cf5f2",
          "complaints.toml": "314403a0f8032277d6b5bf2df33ffbc5f2ac8b58b927387b134af3072d3099de"}


@pytest.fixture(scope="module")
def fresh(_citizen_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, ev.Tally]:
    return default_views(_citizen_template, tmp_path_factory, FRESH, "fresh")


def test_fresh_sets_are_the_frozen_ones():
    check_frozen(FRESH, FROZEN, "session 6")


def test_fresh_procedure_top1(fresh):
    """Target ≥ 90 % right, ≤ 3 % wrong. 81 of 96 right, 4 wrong before session 6 (the same after 6 and 7)."""
    assert_floors(fresh["procedure"], items=96, right=0.84, wrong=0.042)


def test_fresh_complaint_category(fresh):
    """Target ≥ 90 % right, a wrong department told ≤ 3 %. 76 of 114 right, 6 wrong before session 6."""
    assert_floors(fresh["complaint_category"], items=114, right=0.66, wrong=0.053)


def test_fresh_question_or_complaint(fresh):
    """3 of 237 wrong before session 6; out of scope named: target ≤ 2 % of 15."""
    assert_floors(fresh["question_or_complaint"], wrong=0.013)
    named = fresh["out_of_scope_named"].items
    assert named <= 1
