"""Lead's R1 harness (not in git), adapted for session 14: each SESSION14_* flag of appliance.ask switched OFF alone
(others at their defaults), counts per fresh set; plus all defaults and all SESSION14 off. Counts only.

Adaptation for time (results identical): the answer is a function of the parse result, save for the one flag read by
the service itself (dropped.SESSION14_TIED_CUT); so for a configuration whose parse of a question equals the parse with
all flags at their defaults, that question's verdict is the defaults' one; every other question is asked again in
full. Configurations that switch TIED_CUT off are asked in full."""
import importlib
import pkgutil
from pathlib import Path

import pytest

import appliance.ask as ask_pkg
from appliance.ask import parser
from appliance.ask.service import catalog_for
from tests.ask import spec_eval

HERE = Path(__file__).resolve().parent
SETS = ["fresh7", "fresh8", "fresh9", "fresh11", "fresh12", "fresh13", "fresh14", "train13", "train14", "heldout"]
FULL = {"SESSION14_TIED_CUT"}


def flags():
    out = []
    names = [f"appliance.ask.{m.name}" for m in pkgutil.iter_modules(ask_pkg.__path__)] + ["appliance.text.periods"]
    for name_ in names:
        mod = importlib.import_module(name_)
        for name in dir(mod):
            if name.startswith("SESSION14_") and isinstance(getattr(mod, name), bool):
                out.append((mod, name))
    return out


def load(s):
    path = HERE / s / "leader_questions.toml"
    if not path.exists():
        path = next((HERE / s).glob("*.toml"))
    return spec_eval.load(path)


class Runner:
    def __init__(self, db):
        self.db = db
        self.catalog = catalog_for(db)
        self.cases = {s: load(s) for s in SETS}
        self.graders = {s: spec_eval.Grader(db) for s in SETS}
        self.base_parse = None
        self.base_verdict = None

    def parses(self):
        return {s: [parser.parse(c.question, self.catalog, spec_eval.TODAY) for c in cs] for s, cs in self.cases.items()}

    def full(self):
        return {s: [self.graders[s].ask(c).verdict for c in cs] for s, cs in self.cases.items()}

    def remember_base(self):
        self.base_parse, self.base_verdict = self.parses(), self.full()
        return self.base_verdict

    def cached(self):
        now = self.parses()
        out = {}
        for s, cs in self.cases.items():
            out[s] = [self.base_verdict[s][k] if now[s][k] == self.base_parse[s][k] else self.graders[s].ask(c).verdict
                      for k, c in enumerate(cs)]
        return out


def counts(verdicts):
    return {s: (v.count("right"), v.count("unsure"), v.count("wrong")) for s, v in verdicts.items()}


def show(label, res):
    fresh = [v for k, v in res.items() if k.startswith("fresh")]
    tot = tuple(sum(x[i] for x in fresh) for i in range(3))
    print(f"\nR1 {label:40} fresh-sum {tot} | " + " ".join(f"{k}={v}" for k, v in res.items()), flush=True)


@pytest.mark.slow
def test_flags(demo_settings):
    db = demo_settings.db_path
    fl = flags()
    defaults = {(m.__name__, n): getattr(m, n) for m, n in fl}
    print("\nflags:", {f"{k[0]}.{k[1]}": v for k, v in defaults.items()})
    runner = Runner(db)
    show("defaults (all SESSION14 on)", counts(runner.remember_base()))
    for m, n in fl:
        setattr(m, n, False)
    show("all SESSION14 off", counts(runner.full()))
    for m, n in fl:
        setattr(m, n, defaults[(m.__name__, n)])
    for m, n in fl:
        setattr(m, n, False)
        show(f"on except {n}", counts(runner.full() if n in FULL else runner.cached()))
        setattr(m, n, defaults[(m.__name__, n)])
