"""Lead's R1 harness (not in git): each SESSION14_* flag of appliance.tasks switched OFF alone from all on,
right / wrong / missed per fresh set and the older held-out set. Counts only."""
import importlib
import pkgutil

import pytest

import appliance.tasks as tasks_pkg
from appliance.tasks.extract import extract_tasks
from appliance.ward import work_calendar
from appliance.tasks.service import ward_roster
from tests.tasks.test_fresh_sets import SETS
from tests.tasks.test_heldout import ward  # noqa: F401
from tests.tasks.transcripts import HELDOUT, HERE, load, score


def flags():
    out = []
    for m in pkgutil.walk_packages(tasks_pkg.__path__, "appliance.tasks."):
        mod = importlib.import_module(m.name)
        for name in dir(mod):
            if name.startswith("SESSION14_") and isinstance(getattr(mod, name), bool):
                out.append((mod, name))
    return out


def run(conn):
    roster, calendar = ward_roster(conn), work_calendar(conn)
    res = {}
    groups = {spec.folder: [m for f in spec.files for m in load(HERE / spec.folder / f)] for spec in SETS.values()}
    groups["heldout"] = load(HELDOUT)
    for name, meetings in groups.items():
        r = score(meetings, lambda m: extract_tasks(m.transcript, m.date, calendar, roster=roster, title=m.title))
        res[name] = (r.tp, r.fp, r.fn)
    return res


def show(label, res):
    fresh = [v for k, v in res.items() if k != "heldout"]
    tot = tuple(sum(x[i] for x in fresh) for i in range(3))
    print(f"\nR1 {label:40} fresh-sum right/wrong/missed {tot} | " + " ".join(f"{k}={v}" for k, v in res.items()),
          flush=True)


def test_flags(ward):  # noqa: F811
    fl = flags()
    defaults = {(m.__name__, n): getattr(m, n) for m, n in fl}
    print("\nflags:", {f"{k[0]}.{k[1]}": v for k, v in defaults.items()})
    show("defaults", run(ward))
    for m, n in fl:
        setattr(m, n, False)
    show("all SESSION13 off", run(ward))
    for m, n in fl:
        setattr(m, n, True)
    show("all SESSION13 on", run(ward))
    for m, n in fl:
        setattr(m, n, False)
        show(f"on except {n}", run(ward))
        setattr(m, n, True)
    for m, n in fl:
        setattr(m, n, defaults[(m.__name__, n)])
