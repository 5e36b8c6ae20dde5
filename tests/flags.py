"""Switching a session's behaviour flags in tests: rule R1 leaves some of them off in the shipped defaults, and a
test of one flag reads it against the others as they were tuned (all on)."""

from __future__ import annotations

from collections.abc import Iterable
from types import ModuleType

import pytest


def switch_on(monkeypatch: pytest.MonkeyPatch, modules: Iterable[ModuleType], prefix: str) -> None:
    """Every boolean module constant named `prefix…` in `modules` set to True for the test."""
    for module in modules:
        for name in dir(module):
            if name.startswith(prefix) and isinstance(getattr(module, name), bool):
                monkeypatch.setattr(module, name, True)
