"""The rules reader's phrase scores of one message over the shipped catalogue (no embedder): the unit tests of the
session-23 phrase factors (done steps, required papers, another office's paper) read them on and off."""

from __future__ import annotations

from types import ModuleType

import pytest

from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.readers import reader_for
from appliance.knowledge.procedures import load_catalogue


def rule_scores(text: str) -> dict[str, float]:
    reader = reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])
    return reader.rules.scores(tokens(text))


def off_and_on(monkeypatch: pytest.MonkeyPatch, module: ModuleType, flag: str, text: str
               ) -> tuple[dict[str, float], dict[str, float]]:
    """The scores of `text` with the module's flag switched off, then on."""
    monkeypatch.setattr(module, flag, False)
    off = rule_scores(text)
    monkeypatch.setattr(module, flag, True)
    return off, rule_scores(text)
