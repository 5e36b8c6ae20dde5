"""The rules reader's phrase scores of one message over the shipped catalogue (no embedder): the unit tests of the
session-23 phrase factors (done steps, required papers, another office's paper) read them with and without the
factor (plain behaviour since session 25, rule R8: "without" replaces the factor's function by one that finds
nothing)."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.readers import reader_for
from appliance.knowledge.procedures import load_catalogue


def rule_scores(text: str) -> dict[str, float]:
    reader = reader_for([Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()])
    return reader.rules.scores(tokens(text))


def off_and_on(monkeypatch: pytest.MonkeyPatch, module: ModuleType, name: str, nothing: Callable[..., Any],
               text: str) -> tuple[dict[str, float], dict[str, float]]:
    """The scores of `text` with the module's function `name` replaced by `nothing` (the factor off), then as
    shipped (on)."""
    with monkeypatch.context() as m:
        m.setattr(module, name, nothing)
        off = rule_scores(text)
    return off, rule_scores(text)


def no_factors(hits: Any, words: Any) -> dict[tuple[int, int, str], float]:
    return {}
