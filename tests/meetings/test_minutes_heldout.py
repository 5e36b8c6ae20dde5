"""The extractive biên bản on the held-out meeting transcripts (tests/tasks/heldout: written blind for task
extraction, frozen before any tuning; read here as 44 meetings without an agenda, so the topics are found).

Figures when written (word-overlap similarity; `make bench` prints e5 beside it; the chair taken as the one
who speaks most, as the secretary would enter it): held-out — directions given that stand in a "Kết luận"
109/131 (0.83; 0.76 before the chair's addressed-and-timed directions were counted, a rule made on the
development set), named speakers of substance named in the minutes 171/172, body 0.90 of the transcript's
words (13-turn meetings; at most two sentences per speaker and item); development — 64/65, 80/80. The
directions missed are those the rules engine does not find as tasks and that carry no cue, address or time
("Chị Hà đi.", volunteers' offers): the thresholds below are what it reaches, so that a regression fails."""

from __future__ import annotations

import sqlite3

import pytest

from tests.meetings.minutes_eval import score_minutes
from tests.tasks.transcripts import DEV, HELDOUT, load, load_staff

HELDOUT_DIRECTIONS = 0.80
HELDOUT_VOICES = 0.97
# 0.95 until session 17; 0.92 (60/65) in session 17, when the task extractor's drops of undated offers nobody took up
# (tasks/undated_drops.py) took "để chị đổi ca cho em", "tôi sẽ thông báo cho bà con biết" out of "Kết luận" with
# the tasks; since session 18 "Kết luận" reads the rules' commitments before those drops (a direction is not a
# task): 63/65 (0.969), held-out 114 → 115 of 131. The floor is the measured figure (rule R5, docs/meetings.md
# "Session 18").
DEV_DIRECTIONS = 0.96


@pytest.fixture
def ward(conn: sqlite3.Connection) -> sqlite3.Connection:
    load_staff(conn)
    return conn


def test_heldout_minutes_carry_the_directions_and_the_voices(ward, settings):
    result = score_minutes(ward, settings, load(HELDOUT), use_embedder=False)
    print(result.line("held-out (word overlap)"))
    assert result.meetings >= 40
    assert result.direction_recall >= HELDOUT_DIRECTIONS
    assert result.voice_recall >= HELDOUT_VOICES
    assert result.length_ratio < 1.0


def test_development_minutes(ward, settings):
    result = score_minutes(ward, settings, load(DEV) + load(DEV.parent / "extra_transcripts.toml"),
                           use_embedder=False)
    print(result.line("development (word overlap)"))
    assert result.direction_recall >= DEV_DIRECTIONS and result.voice_recall >= 0.97
