"""One result of `appliance doctor`: what was checked, whether it passed, and the fix in Vietnamese.

Its own module so that the check producers (system.health, each feature's doctor.py) and the
runner (system.doctor) can all import it without importing each other."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Check:
    name: str
    ok: bool
    message: str
    essential: bool = True
    fix: str = ""
    details: list[str] = field(default_factory=list)
