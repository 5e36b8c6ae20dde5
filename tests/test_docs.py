"""Every command and every setting is documented (the Datasette rule)."""

import argparse
from pathlib import Path

from appliance.cli import build_parser
from appliance.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def _docs() -> str:
    texts = [(ROOT / "README.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join(texts)


def _commands(parser: argparse.ArgumentParser, prefix: str = "appliance") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append(f"{prefix} {name}")
                found.extend(_commands(sub, f"{prefix} {name}"))
    return found


def test_every_command_is_documented():
    docs = _docs()
    missing = [cmd for cmd in _commands(build_parser()) if f"`{cmd}" not in docs]
    assert not missing, f"undocumented commands: {missing}"


def test_every_setting_is_documented():
    settings_doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`{name}`" not in settings_doc]
    assert not missing, f"undocumented settings: {missing}"
