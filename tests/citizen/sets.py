"""The labelled citizen sets written by an outside writer (TOML, provenance in each file's header):
`dev/` may be tuned on, `heldout/` never (frozen, checked by hash in test_heldout.py). Loaded as
`appliance.citizen.evaluation.Labelled` items for the scorer, `appliance eval` and `make bench`."""

from __future__ import annotations

import tomllib
from pathlib import Path

from appliance.citizen.evaluation import Labelled

HERE = Path(__file__).resolve().parent


def load(path: Path) -> list[Labelled]:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    items = []
    for m in raw["message"]:
        intent = m["intent"]
        label = m.get("procedure") or m.get("faq") or m.get("category") or ""
        items.append(Labelled(text=m["text"], intent=intent, label=label, qualifier=m.get("qualifier", "")))
    return items


DEV_QUESTIONS = load(HERE / "dev" / "citizen_questions.toml")
DEV_COMPLAINTS = load(HERE / "dev" / "complaints.toml")
HELD_OUT_QUESTIONS = load(HERE / "heldout" / "citizen_questions.toml")
HELD_OUT_COMPLAINTS = load(HERE / "heldout" / "complaints.toml")
DEV = [*DEV_QUESTIONS, *DEV_COMPLAINTS]
HELD_OUT = [*HELD_OUT_QUESTIONS, *HELD_OUT_COMPLAINTS]
