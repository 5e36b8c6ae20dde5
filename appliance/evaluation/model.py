"""What one evaluation run records: a trial per item, summarised per set and variant (the fallback
engines, or a model) into right / unsure / wrong, grounding rate, format rate, latency p50/p95 and
tokens per second. The same `score()` gives `make bench` its figures, so both always agree."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from appliance.config import Settings
from appliance.engines.base import Generator
from appliance.engines.generation import GenerationFailure, Outcome

Verdict = Literal["right", "unsure", "wrong"]
Variant = Literal["fallback", "model"]


@dataclass(frozen=True)
class Trial:
    """One item of a set through one path."""
    verdict: Verdict
    elapsed_s: float  # the whole feature path, model calls included
    engine: str  # what answered: "rules", "extractive", "template", "llm"…
    fell_back: bool = False  # a model was there, the fallback answered
    failures: tuple[str, ...] = ()  # GenerationFailure reasons met on the way
    tokens: int = 0
    model_s: float = 0.0  # time inside model calls
    kept: int | None = None  # generated sentences kept by the grounding check
    dropped: int | None = None  # … and dropped
    format_ok: bool | None = None
    note: str = ""  # what was expected and what came (for the report's misses)


@dataclass
class EvalContext:
    """Shared by the sets of one run: settings over a scratch data folder, and a cache for what
    several sets prepare once (a generated ward, a migrated library)."""
    settings: Settings
    scratch: Path
    cache: dict[str, object] = field(default_factory=dict)


Runner = Callable[[Sequence[object], EvalContext, Generator | None], list[Trial]]


def fields(item: object, count: int, shape: str) -> tuple[object, ...]:
    """An item of a registered set as a tuple of `count` fields, or a TypeError naming the shape
    the set's kind expects (a set registered with the wrong kind fails loudly)."""
    if not isinstance(item, tuple | list) or len(item) != count:
        raise TypeError(f"an item of this set must be {shape}, got {item!r:.80}")
    return tuple(item)


def generation_stats(calls: Sequence[Outcome]) -> tuple[tuple[str, ...], int, float]:
    """Failure reasons, tokens and model seconds of the contract calls made for one item."""
    failures = tuple(c.reason for c in calls if isinstance(c, GenerationFailure))
    return failures, sum(c.tokens for c in calls), sum(c.elapsed_s for c in calls)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (the same rule as bench.common.p95_ms)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


@dataclass(frozen=True)
class Score:
    """One set through one variant."""
    items: int
    right: int
    unsure: int
    wrong: int
    fell_back: int
    failures: dict[str, int]
    grounding_rate: float | None  # kept / (kept + dropped) over the generated sentences
    format_rate: float | None
    p50_ms: float
    p95_ms: float
    tokens_per_s: float | None
    engines: dict[str, int]
    misses: list[str]

    @property
    def accuracy(self) -> float:
        return self.right / self.items if self.items else 0.0

    def as_dict(self) -> dict[str, object]:
        return {"items": self.items, "right": self.right, "unsure": self.unsure, "wrong": self.wrong,
                "accuracy": round(self.accuracy, 4), "fell_back": self.fell_back, "failures": self.failures,
                "grounding_rate": None if self.grounding_rate is None else round(self.grounding_rate, 4),
                "format_rate": None if self.format_rate is None else round(self.format_rate, 4),
                "latency_p50_ms": round(self.p50_ms, 2), "latency_p95_ms": round(self.p95_ms, 2),
                "tokens_per_s": None if self.tokens_per_s is None else round(self.tokens_per_s, 1),
                "engines": self.engines, "misses": self.misses[:20]}


def score(trials: Sequence[Trial]) -> Score:
    verdicts = Counter(t.verdict for t in trials)
    kept = sum(t.kept or 0 for t in trials)
    dropped = sum(t.dropped or 0 for t in trials)
    grounded = [t for t in trials if t.kept is not None]
    formats = [t.format_ok for t in trials if t.format_ok is not None]
    model_s = sum(t.model_s for t in trials)
    tokens = sum(t.tokens for t in trials)
    latencies = [t.elapsed_s * 1000 for t in trials]
    return Score(
        items=len(trials), right=verdicts["right"], unsure=verdicts["unsure"], wrong=verdicts["wrong"],
        fell_back=sum(1 for t in trials if t.fell_back),
        failures=dict(Counter(reason for t in trials for reason in t.failures)),
        grounding_rate=(kept / (kept + dropped) if kept + dropped else 1.0) if grounded else None,
        format_rate=sum(formats) / len(formats) if formats else None,
        p50_ms=statistics.median(latencies) if latencies else 0.0, p95_ms=percentile(latencies, 0.95),
        tokens_per_s=tokens / model_s if tokens and model_s > 0 else None,
        engines=dict(Counter(t.engine for t in trials)),
        misses=[t.note for t in trials if t.verdict != "right" and t.note])
