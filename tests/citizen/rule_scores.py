"""The rules reader's phrase scores of one message over the shipped catalogue (no embedder): the unit tests of the
session-23 phrase factors (done steps, required papers, another office's paper) read them on and off."""

from __future__ import annotations

from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.readers import reader_for
from appliance.knowledge.procedures import load_catalogue


def rule_scores(text: str) -> dict[str, float]:
    reader = reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])
    return reader.rules.scores(tokens(text))
