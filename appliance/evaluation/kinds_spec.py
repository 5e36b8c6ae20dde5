"""Scorer for the leaders' question sets written from the KPI definitions only (the blind held-out
set and the development sets in tests/ask/): each question is asked on the demo ward and graded
against an independent computation over its rows (tests/ask/spec_reference.py) by the grader the
tests and `make bench` use, so the three report the same figures for the fallback.

The sets and their grader are test data in the source tree, not on a unit: they are imported when
a set runs (hence the imports inside functions)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from appliance.ask.service import answer_question
from appliance.config import Settings
from appliance.demo.loader import load_demo
from appliance.engines.base import Generator
from appliance.engines.generation import observed
from appliance.evaluation.model import EvalContext, Trial, generation_stats

if TYPE_CHECKING:
    from tests.ask.spec_eval import Grader


@dataclass(frozen=True)
class _Spec:
    db: Path
    grader: Grader


def _spec(ctx: EvalContext) -> _Spec:
    """The demo ward at the sets' reference date, built once per run, and its grader."""
    from tests.ask import spec_eval  # test data: only in a source checkout

    cached = ctx.cache.get("ask.spec")
    if not isinstance(cached, _Spec):
        settings = Settings(data_dir=ctx.scratch / "ask-spec")
        load_demo(settings, anchor=spec_eval.TODAY)
        cached = ctx.cache["ask.spec"] = _Spec(settings.db_path, spec_eval.Grader(settings.db_path, spec_eval.TODAY))
    return cached


def spec_questions(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Right: the figure (list, ranking) the reference computes, or "no data" where the data cannot
    answer; unsure: the honest "not sure" (right where the case accepts it); wrong: anything else."""
    from tests.ask import spec_eval

    spec = _spec(ctx)
    trials = []
    for item in items:
        if not isinstance(item, spec_eval.Case):
            raise TypeError(f"an item of this set must be a tests.ask.spec_eval.Case, got {item!r:.80}")
        started = time.perf_counter()
        with observed() as calls:
            result = answer_question(spec.db, item.question, today=spec_eval.TODAY, generator=generator,
                                     use_llm=generator is not None)
        elapsed = time.perf_counter() - started
        verdict, note = spec.grader.grade(item, result)
        if verdict == "unsure" and item.acceptable_unsure:
            verdict, note = "right", ""
        failures, tokens, model_s = generation_stats(calls)
        trials.append(Trial(verdict, elapsed, result.engine, generator is not None and bool(failures), failures,
                            tokens, model_s, note=f"{item.question} → {note}" if note else ""))
    return trials
