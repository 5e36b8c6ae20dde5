"""Scorers for the paths whose answers are labels or figures: the question box, citizen
understanding, complaint routing and task extraction. Each takes a set's items, the run's context
and a generator (None: the fallback engines) and returns one Trial per item.

The labelled sets and the generated ward they are checked against live in the source tree's
`tests/` package (they are test data, not shipped on a unit): those imports are made when a set is
run, which is why some imports below are inside functions."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from appliance.ask.service import AskResult, answer_question
from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.matching import Procedure, ProcedureIndex
from appliance.engines.base import Generator
from appliance.engines.generation import observed
from appliance.evaluation.model import EvalContext, Trial, Verdict, fields, generation_stats
from appliance.knowledge.procedures import load_catalogue
from appliance.tasks.extract import extract_tasks
from appliance.text import fold

_HONORIFIC = re.compile(r"^(?:dong chi|d/c|anh|chi|ong|ba|em|co|chu|bac)\s+")


@dataclass(frozen=True)
class _Ward:
    db: Path
    reference: object  # tests.ask.reference.Reference: what each case's `expected` reads
    today: dt.date


def _ward(ctx: EvalContext) -> _Ward:
    """The question box's generated ward (the same generator and seed as its tests), built once."""
    cached = ctx.cache.get("ask.ward")
    if not isinstance(cached, _Ward):
        from tests.ask import data as ward  # test data: only in a source checkout
        from tests.ask.reference import Reference

        path = ctx.scratch / "ask-eval.db"
        cached = ctx.cache["ask.ward"] = _Ward(path, Reference(ward.build(path), ward.TODAY), ward.TODAY)
    return cached


def _asked(db: Path, question: str, today: dt.date, generator: Generator | None) -> tuple[AskResult, Trial]:
    started = time.perf_counter()
    with observed() as calls:
        result = answer_question(db, question, today=today, generator=generator, use_llm=generator is not None)
    elapsed = time.perf_counter() - started
    failures, tokens, model_s = generation_stats(calls)
    fell_back = generator is not None and bool(failures)
    return result, Trial("unsure", elapsed, result.engine, fell_back, failures, tokens, model_s)


def ask_questions(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Right: the figures match the reference computed from the ward's rows; unsure: no figure
    (the honest "not sure"); wrong: a figure that does not match."""
    from tests.ask.test_eval import rows_match  # test data: only in a source checkout

    ward = _ward(ctx)
    trials = []
    for item in items:
        question, expected, mode = fields(item, 3, "(câu hỏi, hàm kết quả, cách so)")
        if not callable(expected):
            raise TypeError(f"{question}: the expected figures must be a function of the reference")
        result, trial = _asked(ward.db, str(question), ward.today, generator)
        if result.status == "ok":
            right = rows_match(result.rows, expected(ward.reference), str(mode))
            trial = _with(trial, "right" if right else "wrong", "" if right else f"{question} → {result.rows[:3]}")
        else:
            trial = _with(trial, "unsure", f"{question} → không chắc")
        trials.append(trial)
    return trials


def ask_unanswerable(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Questions no figure can answer: right when the answer gives none, wrong when it does."""
    ward = _ward(ctx)
    trials = []
    for question in items:
        result, trial = _asked(ward.db, str(question), ward.today, generator)
        gave_figure = result.status == "ok" and bool(result.rows)
        trials.append(_with(trial, "wrong" if gave_figure else "right",
                            f"{question} → {result.rows[:3]}" if gave_figure else ""))
    return trials


def _with(trial: Trial, verdict: Verdict, note: str) -> Trial:
    return Trial(verdict, trial.elapsed_s, trial.engine, trial.fell_back, trial.failures, trial.tokens, trial.model_s,
                 note=note)


@dataclass(frozen=True)
class _Catalogue:
    index: ProcedureIndex
    by_name: dict[str, str]  # folded official name → code


def _procedures(ctx: EvalContext) -> _Catalogue:
    cached = ctx.cache.get("citizen.index")
    if not isinstance(cached, _Catalogue):
        catalogue = load_catalogue()
        index = ProcedureIndex(Procedure(p.code, p.name, p.police, p.to_dict()) for p in catalogue)
        cached = ctx.cache["citizen.index"] = _Catalogue(index, {fold(p.name): p.code for p in catalogue})
    return cached


def procedure_questions(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Citizen understanding: right when the best procedure is the labelled one, unsure when none is
    found (the chat asks again), wrong otherwise. Rules only: the chat has no model path for this."""
    catalogue = _procedures(ctx)
    trials = []
    for item in items:
        question, name = (str(v) for v in fields(item, 2, "(câu hỏi, tên thủ tục)"))
        started = time.perf_counter()
        best = catalogue.index.best(question)
        elapsed = time.perf_counter() - started
        if best is None:
            trials.append(Trial("unsure", elapsed, "rules", note=f"{question} → chưa hiểu (cần: {name})"))
        elif best.code == catalogue.by_name[fold(name)]:
            trials.append(Trial("right", elapsed, "rules"))
        else:
            trials.append(Trial("wrong", elapsed, "rules", note=f"{question} → {best.name} (cần: {name})"))
    return trials


def complaints(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Complaint routing: right when the category is the labelled one, unsure when the classifier
    leaves it to a person ("khac"), wrong otherwise. Rules only."""
    classifier = ctx.cache.get("citizen.classifier")
    if not isinstance(classifier, FeedbackClassifier):
        classifier = ctx.cache["citizen.classifier"] = FeedbackClassifier()
    trials = []
    for item in items:
        text, category = (str(v) for v in fields(item, 2, "(phản ánh, lĩnh vực)"))
        started = time.perf_counter()
        got = classifier.classify(text).category
        elapsed = time.perf_counter() - started
        verdict: Verdict = "right" if got == category else "unsure" if got == "khac" else "wrong"
        trials.append(Trial(verdict, elapsed, "rules",
                            note="" if verdict == "right" else f"{text[:80]} → {got} (cần: {category})"))
    return trials


def _list(value: object) -> list[object]:
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return list(value)


def _who(name: str) -> str:
    return _HONORIFIC.sub("", fold(name))


def meeting_tasks(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Task extraction, one trial per task: right when (assignee, deadline) is found, unsure when it
    is missed, wrong for each task found that nobody gave. Rules only for now."""
    trials = []
    for item in items:
        meeting_date, transcript, gold = fields(item, 3, "(ngày họp, lời họp, [(người nhận, hạn)])")
        started = time.perf_counter()
        found = extract_tasks(str(transcript), dt.date.fromisoformat(str(meeting_date)))
        elapsed = time.perf_counter() - started
        remaining = [(_who(str(a)), None if d is None else str(d))
                     for a, d in (fields(g, 2, "(người nhận, hạn)") for g in _list(gold))]
        for task in found:
            pair: tuple[str, str | None] = (_who(task.assignee), task.deadline)
            if pair in remaining:
                remaining.remove(pair)
                trials.append(Trial("right", elapsed, "rules"))
            else:
                trials.append(Trial("wrong", elapsed, "rules", note=f"{meeting_date}: thừa {pair}"))
        trials += [Trial("unsure", elapsed, "rules", note=f"{meeting_date}: bỏ sót {pair}") for pair in remaining]
    return trials
