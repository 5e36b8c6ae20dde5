"""Right / wrong / missed tasks on the TRAINING batches only (development, tests/tasks/train/), with settings switched
in-process: `python -m tests.tasks.train_figures [module.SETTING=0|1 …] [--only=s12c,s11b] [--misses]
[--each=SESSION13_]`. It never opens the fresh or held-out sets (tests/tasks/fresh*, heldout). `--each=PREFIX` prints,
for every setting of appliance/tasks/* whose name starts with PREFIX, what switching it from its shipped value changes
(docs/meetings.md, "Session 13")."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from appliance.tasks.extract import extract_tasks
from tests.tasks.transcripts import DEV_ALL, HERE, load, memory_ward, score

MODULES = ("clauses", "clause_tasks", "doers", "clause_dates", "deadlines", "dialogue", "proposals",
           "merge", "undated_drops", "phrases", "cues", "roster", "runon", "clause_model", "withdrawals", "clause_add")
_T = HERE / "train"
BATCHES: dict[str, tuple[Path, ...]] = {
    "dev": DEV_ALL, "s5": (_T / "meeting_transcripts.toml",), "s6": (_T / "meeting_transcripts_session6.toml",),
    "s8a": (_T / "meetings_session8_a.toml",), "s8b": (_T / "meetings_session8_b.toml",),
    "s9a": (_T / "meetings_session9_a.toml",), "s9b": (_T / "meetings_session9_b.toml",),
    "s10b": (_T / "meetings_session10_b.toml",), "s11a": (_T / "meetings_session11_a.toml",),
    "s11b": (_T / "meetings_session11_b.toml",), "s12c": (_T / "meetings_session12_c.toml",),
    "s15a": (_T / "meetings_session15_a.toml",), "s15b": (_T / "meetings_session15_b.toml",),
    "s17": (_T / "meetings_session17.toml",), "s18": (_T / "meetings_session18.toml",),
    "s19": (_T / "meetings_session19.toml",),
    "s20": (_T / "meetings_session20.toml",),
    "s29": (_T / "meetings_session29.toml",),
}
Counts = dict[str, tuple[int, int, int]]


def figures(only: list[str] | None = None, misses: bool = False) -> Counts:
    """(right, wrong, missed) per batch and "ALL", with the settings as they stand now."""
    roster, calendar = memory_ward()
    out: Counts = {}
    total = [0, 0, 0]
    for name, paths in BATCHES.items():
        if only and name not in only:
            continue
        meetings = [m for p in paths for m in load(p)]
        result = score(meetings, lambda m: extract_tasks(m.transcript, m.date, calendar, roster=roster, title=m.title))
        out[name] = (result.tp, result.fp, result.fn)
        total = [total[0] + result.tp, total[1] + result.fp, total[2] + result.fn]
        if misses:
            print(name, *result.misses, sep="\n    ")
    out["ALL"] = (total[0], total[1], total[2])
    return out


def switch(setting: str, value: bool) -> bool:
    """Set module.SETTING, return what it was."""
    module_name, name = setting.rsplit(".", 1)
    module = importlib.import_module(f"appliance.tasks.{module_name}")
    if not hasattr(module, name):
        raise SystemExit(f"no setting {setting}")
    was = bool(getattr(module, name))
    setattr(module, name, value)
    return was


def _settings(prefix: str) -> list[str]:
    found = []
    for module_name in MODULES:
        module = importlib.import_module(f"appliance.tasks.{module_name}")
        found += [f"{module_name}.{n}" for n, v in vars(module).items() if n.startswith(prefix) and isinstance(v, bool)]
    return found


def main(argv: list[str]) -> None:
    only = next((a.split("=", 1)[1].split(",") for a in argv if a.startswith("--only=")), None)
    each = next((a.split("=", 1)[1] for a in argv if a.startswith("--each=")), None)
    for arg in (a for a in argv if not a.startswith("--")):
        setting, value = arg.split("=")
        switch(setting, value == "1")
    base = figures(only, "--misses" in argv)
    for name, (right, wrong, missed) in base.items():
        print(f"{name:5s} right {right:3d} wrong {wrong:3d} missed {missed:3d}")
    if each is None:
        return
    for setting in _settings(each):
        was = switch(setting, True)
        switch(setting, not was)
        changed = figures(only)
        switch(setting, was)
        moved = {k: (base[k][0] - v[0], base[k][1] - v[1], base[k][2] - v[2]) for k, v in changed.items()
                 if v != base[k]}
        print(f"{setting} (shipped {'on' if was else 'off'}): as shipped minus switched (right, wrong, missed): "
              f"{moved or 'no change'}")


if __name__ == "__main__":
    main(sys.argv[1:])
