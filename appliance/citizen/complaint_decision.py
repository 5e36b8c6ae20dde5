"""When a complaint's category is told to the citizen, and when it waits "chờ phân loại" (session 14).

The served rule reads the complaint model's probability alone against one bar. A `Rule` here also reads
whether the classifier's cue phrases agree with the model (the rules' own view: the phrases were
written by the team, the model learnt the writers' wording) and the margin to the second category: where
they agree a lower bar suffices, where the cue phrases name another category a higher one is asked.
Rules are compared and chosen leave-one-batch-out over the blind training batches
(complaint_lobo.py): a batch's rule is chosen on the other batches' readings, then counted on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from appliance.citizen.complaint_cues import praises
from appliance.citizen.complaint_model import VAGUE, decide

if TYPE_CHECKING:
    from appliance.citizen.complaint_lobo import Reading


@dataclass(frozen=True)
class Rule:
    """Bars on the model's probability of its best category (renormalised without VAGUE), by what
    the cue phrases say: the same category (agree), none matched (silent), another one (disagree);
    and the least margin to the second category."""

    agree: float
    silent: float
    disagree: float
    margin: float = 0.0

    def bar(self, best: str, rule_best: str | None) -> float:
        if rule_best is None:
            return self.silent
        return self.agree if rule_best == best else self.disagree

    def category(self, probabilities: dict[str, float], rule_best: str | None) -> str | None:
        """The category told to the citizen, or None: "chờ phân loại"."""
        best, scores, vague = decide(probabilities)
        if vague:
            return None
        second = max((p for c, p in scores.items() if c != best), default=0.0)
        if scores[best] < self.bar(best, rule_best) or scores[best] - second < self.margin:
            return None
        return best


def served(bar: float) -> Rule:
    """The served rule: one bar whatever the cue phrases say."""
    return Rule(bar, bar, bar)


@dataclass(frozen=True)
class Table:
    """Readings as arrays, so that thousands of rules are counted in a moment."""

    batch: np.ndarray
    confidence: np.ndarray  # the model's probability of its best category, renormalised without VAGUE
    margin: np.ndarray  # to the second category
    state: np.ndarray  # the cue phrases: 0 the same category, 1 none, 2 another
    correct: np.ndarray  # the best category is the writer's
    vague_gold: np.ndarray  # the complaint names no problem (right when it waits)
    vague_read: np.ndarray  # the model reads it as naming none: it waits whatever the bars

    @classmethod
    def of(cls, readings: Sequence[Reading]) -> Table:
        rows = []
        for r in readings:
            if praises(r.text):  # praise: told "khac" whatever the bars
                rows.append((1.0, 1.0, 0, r.gold == "khac", r.gold == VAGUE, False))
                continue
            best, scores, vague = decide(r.probabilities)
            second = max(p for c, p in scores.items() if c != best)
            state = 1 if r.rule_best is None else (0 if r.rule_best == best else 2)
            rows.append((scores[best], scores[best] - second, state, best == r.gold, r.gold == VAGUE, vague))
        cols = list(zip(*rows, strict=True)) if rows else [()] * 6
        return cls(np.array([r.batch for r in readings]), np.array(cols[0], dtype=float),
                   np.array(cols[1], dtype=float), np.array(cols[2], dtype=int), np.array(cols[3], dtype=bool),
                   np.array(cols[4], dtype=bool), np.array(cols[5], dtype=bool))

    def where(self, mask: np.ndarray) -> Table:
        return Table(self.batch[mask], self.confidence[mask], self.margin[mask], self.state[mask],
                     self.correct[mask], self.vague_gold[mask], self.vague_read[mask])

    def tally(self, rule: Rule) -> tuple[int, int, int]:
        """(right, unsure, wrong); a complaint naming no problem (VAGUE) is right when it waits."""
        bars = np.array([rule.agree, rule.silent, rule.disagree])[self.state]
        told = ~self.vague_read & (self.confidence >= bars) & (self.margin >= rule.margin)
        right = int((told & self.correct).sum() + (~told & self.vague_gold).sum())
        wrong = int((told & ~self.correct).sum())
        return right, len(self.batch) - right - wrong, wrong


def tally(readings: Sequence[Reading], rule: Rule) -> tuple[int, int, int]:
    """(right, unsure, wrong) of `rule` over `readings`."""
    return Table.of(readings).tally(rule)


def _bars() -> list[float]:
    return [float(x) for x in np.round(np.arange(0.40, 0.96, 0.02), 2)] + [1.01]


def grid(silent: float | None = None) -> list[Rule]:
    """The rules compared: bars 0.40-0.94 by 0.02 (1.01: never told), agree ≤ silent ≤ disagree; with
    `silent`, that bar where no cue matched (the served one) and agree ≤ it ≤ disagree."""
    bars = _bars()
    if silent is not None:
        return [Rule(a, silent, d) for a in bars if a <= silent for d in bars if d >= silent]
    return [Rule(a, s, d) for a in bars for s in bars if s >= a for d in bars if d >= s]


def choose(table: Table, rules: Sequence[Rule], max_wrong: int, fallback: Rule) -> Rule:
    """The rule with the most right answers at most `max_wrong` wrong (fewer wrong, then higher bars
    on a tie); `fallback` when none."""
    best: tuple[tuple[int, int, float], Rule] | None = None
    for rule in rules:
        right, _, wrong = table.tally(rule)
        if wrong > max_wrong:
            continue
        key = (right, -wrong, rule.agree + rule.silent + rule.disagree + rule.margin)
        if best is None or key > best[0]:
            best = (key, rule)
    return best[1] if best else fallback


def choose_trade(table: Table, rules: Sequence[Rule], base: Rule, cost: float = 2.0) -> Rule:
    """Session 15: among the rules at most as wrong as `base`, the one with the most right − `cost` × wrong (rule
    R1's own trade: one wrong department fewer is worth up to two right ones), then fewer wrong, then higher bars;
    `base` when none."""
    most = table.tally(base)[2]
    best: tuple[tuple[float, int, float], Rule] | None = None
    for rule in rules:
        right, _, wrong = table.tally(rule)
        if wrong > most:
            continue
        key = (right - cost * wrong, -wrong, rule.agree + rule.silent + rule.disagree + rule.margin)
        if best is None or key > best[0]:
            best = (key, rule)
    return best[1] if best else base


def lobo_trade(table: Table, rules: Sequence[Rule], base: Rule, cost: float = 2.0
               ) -> dict[str, tuple[Rule, tuple[int, int, int]]]:
    """Per batch: the rule chosen by `choose_trade` on the other batches, and its counts on the batch."""
    out = {}
    for name in dict.fromkeys(table.batch.tolist()):
        rule = choose_trade(table.where(table.batch != name), rules, base, cost)
        out[name] = (rule, table.where(table.batch == name).tally(rule))
    return out


def leave_one_batch_out(table: Table, rules: Sequence[Rule], base: Rule
                        ) -> dict[str, tuple[Rule, tuple[int, int, int]]]:
    """Per batch: the rule chosen on the other batches (the most right at most as wrong as `base`
    there), and its counts on the batch."""
    out = {}
    for name in dict.fromkeys(table.batch.tolist()):
        rest = table.where(table.batch != name)
        rule = choose(rest, rules, rest.tally(base)[2], base)
        out[name] = (rule, table.where(table.batch == name).tally(rule))
    return out


def _counts(c: tuple[int, int, int]) -> str:
    return " / ".join(map(str, c))


def report(readings: Sequence[Reading]) -> list[str]:
    """The served bar, the shipped rule (data/thresholds.toml) and the rules chosen leave-one-batch-out,
    per batch and summed: right / waiting / wrong."""
    from appliance.citizen.understanding import thresholds

    limits = thresholds()
    table = Table.of(readings)
    names = list(dict.fromkeys(r.batch for r in readings))
    base = served(limits["complaint_model_session12"])
    shipped = Rule(limits["complaint_model_session14_agree"], base.silent,
                   limits["complaint_model_session14_disagree"])
    lines = [f"{len(readings)} complaints, batches {', '.join(names)}"]
    for label, rule in ((f"served, {base.silent} alone", base), (f"shipped {shipped}", shipped)):
        cells = "  ".join(f"{n} {_counts(table.where(table.batch == n).tally(rule))}" for n in names)
        lines.append(f"{label}: all {_counts(table.tally(rule))}  {cells}")
    for label, rules in (("one bar", [served(b) for b in _bars()]),
                         ("agree / disagree, silent at the served bar", grid(base.silent)),
                         ("agree / silent / disagree", grid())):
        chosen = leave_one_batch_out(table, rules, base)
        total = tuple(sum(c[i] for _, c in chosen.values()) for i in range(3))
        lines.append(f"chosen leave-one-batch-out, {label}: all {_counts(total)}")  # type: ignore[arg-type]
        lines += [f"    {n}: {_counts(c)}  {rule}" for n, (rule, c) in chosen.items()]
    session15 = Rule(limits["complaint_model_session15_agree"], base.silent,
                     limits["complaint_model_session15_disagree"])
    cells = "  ".join(f"{n} {_counts(table.where(table.batch == n).tally(session15))}" for n in names)
    lines.append(f"session 15 {session15}: all {_counts(table.tally(session15))}  {cells}")
    chosen = lobo_trade(table, grid(base.silent), base)
    total = tuple(sum(c[i] for _, c in chosen.values()) for i in range(3))
    lines.append(f"chosen leave-one-batch-out, silent at the served bar, most right - 2 x wrong at most as wrong: "
                 f"all {_counts(total)}")  # type: ignore[arg-type]
    lines += [f"    {n}: {_counts(c)}  {rule}" for n, (rule, c) in chosen.items()]
    return lines
