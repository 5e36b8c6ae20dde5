"""appliance.citizen.crossval judges the chat's answers without running the chat (thousands of
readings per sweep): its decision rules must give what the real chat path gives, or its figures
would describe another product. Checked on the development set with the shipped fusion weights and
the rules + lexical reading (no embedder: seconds)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from appliance.citizen import crossval
from appliance.citizen import evaluation as ev
from appliance.citizen.fit import Example
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.citizen.understanding import FEATURES, thresholds
from tests.citizen import sets
from tests.conftest import make_settings


def test_decisions_match_the_chat_on_the_development_set(_citizen_template: Path,
                                                         tmp_path_factory: pytest.TempPathFactory) -> None:
    data = tmp_path_factory.mktemp("crossval") / "data"
    shutil.copytree(_citizen_template, data)
    bot = ChatBot(None, "")
    questions = list(sets.DEV_QUESTIONS)
    with public_db(make_settings(data)) as conn:
        understanding = bot.understanding(conn)
        judged = ev.run(bot, conn, questions, prefix="crossval")
    limits = thresholds()
    agree, verdicts = 0, Counter()
    for item, judgement in zip(questions, judged, strict=True):
        reading = understanding.read(item.text)
        said = crossval.decide(reading.label if reading.intent != "out_of_scope" else "oos", reading.confidence,
                               reading.complaint_cue, limits)
        kind = judgement.got.split(" ", 1)[0]
        agree += (said[0] if said[0] != "abstain" else "abstain") == kind
        verdicts[crossval.verdict(item.intent, item.label, said) == judgement.verdict] += 1
    # The chat has paths a first message rarely takes (a ward-written FAQ entry, a status code):
    # almost every message must agree, and the verdicts too.
    assert agree >= len(questions) - 2, agree
    assert verdicts[True] >= len(questions) - 2, verdicts


def test_each_batch_is_read_by_a_fit_without_it() -> None:
    """A batch whose messages carry a feature the other batches never show cannot learn it: the
    leave-one-batch-out fit must not see the batch it reads."""

    class Tiny:
        labels = ["proc:A", "proc:B", "complaint"]
        kinds = ["proc", "proc", "complaint"]
        semantic = None

    rule = FEATURES.index("rule")

    def example(best: int, gold: int) -> Example:
        x = np.zeros((3, len(FEATURES)))
        x[best, rule] = 1.0
        x[:, FEATURES.index("bias")] = 1.0
        return Example(x, np.arange(3) == gold, "procedure")

    # Batch "a": the rule points at the gold label; batch "b": it points away from it.
    features = {"a": [example(0, 0), example(1, 1)] * 20, "b": [example(0, 1), example(1, 0)] * 20}
    batches = {name: [("t", "procedure", "B" if e.gold[1] else "A") for e in exs] for name, exs in features.items()}
    limits = {**thresholds(), "answer_procedure": 0.0}
    out = crossval.leave_one_batch_out(Tiny(), features, batches, ("a", "b"), limits)  # type: ignore[arg-type]
    right = Counter(o.batch for o in out if o.verdict == "right")
    # Read by a fit on the other batch only, each batch is answered wrong every time.
    assert right == Counter(), right
