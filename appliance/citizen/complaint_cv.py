"""Cross-validated right / unsure / wrong of the complaint model on its training batches, by batch
(`python -m appliance.citizen.complaint_cv`; never the held-out or fresh sets).

Each blind batch was written by another outside writer, so a batch predicted by a model that has
not seen it is the best view of a new citizen's wording. Protocol per batch: when the batch is part
of the training data, 5 folds (every 5th complaint), each predicted by a model trained on the seed
examples, the other training batches and the batch's other 4/5; when it is not (the development
set, tests/citizen/dev/), one model trained on everything else predicts it. The development set is
not honest for the rules' signal (the cue phrases were tuned on it), so thresholds are chosen on
the blind batches alone.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from appliance.citizen.classify import FeedbackClassifier, seed
from appliance.citizen.complaint_model import (
    SESSION5,
    SESSION7,
    SESSION8,
    SESSION11,
    SESSION11B,
    SESSION12,
    VAGUE,
    ComplaintModel,
    Config,
    decide,
    load_batch,
    training_batch,
    training_batch2,
    training_batch4,
    training_batch5,
    training_batch6,
    training_batch7,
    training_batch14,
)
from appliance.engines.base import Embedder, Vectors

DEV = Path(__file__).resolve().parents[2] / "tests" / "citizen" / "dev" / "complaints.toml"
FOLDS = 5


@dataclass(frozen=True)
class Prediction:
    gold: str  # a category, or VAGUE: the complaint names no problem (right only when left to staff)
    best: str
    confidence: float
    vague: bool = False  # the model read it as naming no problem: "chờ phân loại" at any bar

    def pending(self, threshold: float) -> bool:
        return self.vague or self.confidence < threshold


class MemoEmbedder:
    """The embedder with every text's vector kept: the folds embed the same texts again and again."""

    def __init__(self, inner: Embedder):
        self.inner = inner
        self.name = f"{getattr(inner, 'name', type(inner).__name__)} (cv)"
        self.dimension = inner.dimension
        self._memo: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        missing = sorted({t for t in texts if f"{kind}\0{t}" not in self._memo})
        if missing:
            for text, vec in zip(missing, self.inner.embed(missing, kind=kind), strict=True):
                self._memo[f"{kind}\0{text}"] = vec
        return np.vstack([self._memo[f"{kind}\0{t}"] for t in texts]) if texts else self.inner.embed([], kind=kind)


def batches() -> dict[str, tuple[tuple[str, str], ...]]:
    """The labelled complaints by writer: session 5's batch, session 6's training half, session 8's
    training halves, session 10's, 11's, 12's and 14's (VAGUE complaints included; s11 once it is there), dev."""
    out = {"s5": training_batch(), "s6": training_batch2(), "s8": training_batch4(), "s10": training_batch5(),
           "s11": training_batch6(), "s12b": training_batch7("b"), "s12c": training_batch7("c"),
           "s14": training_batch14(), "dev": load_batch(DEV)}
    return {name: items for name, items in out.items() if items}


def predict(embedder: Embedder, config: Config, train: Sequence[str], directory: Path
            ) -> dict[str, list[Prediction]]:
    """Every batch's complaints predicted by models that never saw them (see the module's doc). VAGUE
    complaints are predicted always, trained on only by a config that learns them (`Config.vague`)."""
    data = batches()
    classifier = FeedbackClassifier()
    seeds = [(cat, text, 1.0) for cat, v in seed().items() for text in v["examples"]]
    out: dict[str, list[Prediction]] = {}
    for name, items in data.items():
        base = seeds + [(c, t, 1.0) for other in train if other != name for c, t in data[other]
                        if c in config.classes]
        whole = [list(range(len(items)))]
        folds = [list(range(f, len(items), FOLDS)) for f in range(FOLDS)] if name in train else whole
        preds: list[Prediction | None] = [None] * len(items)
        for fold in folds:
            held = set(fold)
            rest = [(c, t, 1.0) for i, (c, t) in enumerate(items)
                    if i not in held and c in config.classes] if name in train else []
            model = ComplaintModel(classifier, embedder, base + rest, directory, config=config)
            for i in fold:
                best, scores, vague = decide(model.probabilities(items[i][1]))
                preds[i] = Prediction(items[i][0], best, scores[best], vague)
        out[name] = [p for p in preds if p is not None]
    return out


def tally(preds: Sequence[Prediction], threshold: float) -> tuple[int, int, int]:
    """(right, unsure, wrong): below `threshold` (or read as naming no problem) a complaint waits
    "chờ phân loại": right for a VAGUE one, unsure for the rest; a VAGUE one routed is wrong."""
    sure = [p for p in preds if not p.pending(threshold)]
    right = sum(p.best == p.gold for p in sure) + sum(p.gold == VAGUE for p in preds if p.pending(threshold))
    wrong = len(sure) - sum(p.best == p.gold for p in sure)
    return right, len(preds) - right - wrong, wrong


def best_threshold(preds: Sequence[Prediction], max_wrong: float) -> float:
    """The threshold (0.30-0.99, step 0.01) with the most right answers whose wrong share is at most
    `max_wrong` (the lowest such threshold on a tie)."""
    best, most = 0.99, -1
    for t in np.round(np.arange(0.30, 1.0, 0.01), 2):
        right, _, wrong = tally(preds, float(t))
        if wrong <= max_wrong * len(preds) and right > most:
            best, most = float(t), right
    return best


def highest_as_right(preds: Sequence[Prediction], right: int) -> float:
    """The rule the bars were chosen by: the highest threshold (0.30-0.99, step 0.01) at which the
    model is right at least `right` times (the served model's count at its bar, on the same
    complaints); 0.30 when none is."""
    ok = [float(t) for t in np.round(np.arange(0.30, 1.0, 0.01), 2) if tally(preds, float(t))[0] >= right]
    return max(ok, default=0.30)


def dominance_bar(preds: Sequence[Prediction], right: int, wrong: int) -> float | None:
    """Session 11's rule: of the thresholds (0.30-0.99, step 0.01) at which the model is right at least
    `right` times and wrong at most `wrong` times (the model before it at its bar, on the same complaints),
    the middle one (the lower on a tie); None when there is none. Why the middle: the highest such bar
    (the standing rule) spends the whole gain on fewer wrong answers, the lowest on more right ones, and
    either edge is where the in-sample count just crossed; the middle is better than the old model on both
    counts by a margin on each side."""
    ok = [float(t) for t in np.round(np.arange(0.30, 1.0, 0.01), 2)
          if tally(preds, float(t))[0] >= right and tally(preds, float(t))[2] <= wrong]
    return ok[(len(ok) - 1) // 2] if ok else None


def main(argv: Sequence[str] | None = None) -> int:
    from appliance.config import Settings
    from appliance.engines import engine

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--thresholds", default="0.5,0.6,0.65,0.7,0.72,0.75,0.8,0.85,0.9")
    parser.add_argument("--models", default="", help="comma-separated parts of the runs' labels (default: all)")
    args = parser.parse_args(argv)
    embedder = engine(Settings(), "embedder")
    if embedder is None:
        print("no embedder installed: nothing to cross-validate")
        return 1
    memo = MemoEmbedder(embedder)
    # (config, the batches it trains on, its bar; None: chosen here by the standing rule against the
    # model served before it, at that model's bar, on the same complaints)
    runs = {"session 5 model, trained on s5": (SESSION5, ["s5"], 0.65),
            "session 7 model, trained on s5 + s6": (SESSION7, ["s5", "s6"], 0.72),
            "session 8 model (vague class; served since session 10), trained on s5 + s6 + s8":
                (SESSION8, ["s5", "s6", "s8"], 0.80),
            "session 11 model, trained on s5 + s6 + s8 + s10": (SESSION11, ["s5", "s6", "s8", "s10"], 0.82),
            f"session 11b model, trained on {' + '.join(SESSION11B.batches)}": (SESSION11B, list(SESSION11B.batches),
                                                                                None),
            f"session 12 model, trained on {' + '.join(SESSION12.batches)}": (SESSION12, list(SESSION12.batches),
                                                                               None)}
    wanted = [k for k in runs if not args.models or any(m in k for m in args.models.split(","))]
    served, served_wrong = 0, 0
    with tempfile.TemporaryDirectory() as tmp:
        for label in wanted:
            config, train, bar = runs[label]
            preds = predict(memo, config, train, Path(tmp))
            for name in [k for k, v in preds.items() if k != "dev" and any(p.gold == VAGUE for p in v)]:
                preds[f"{name} vague"] = [p for p in preds[name] if p.gold == VAGUE]
                preds[name] = [p for p in preds[name] if p.gold != VAGUE]
            blind = [p for k, v in preds.items() if k != "dev" for p in v]
            top1 = " ".join(f"{k} {sum(p.best == p.gold for p in v) / len(v):.1%}"
                            for k, v in preds.items() if "vague" not in k)
            print(f"{label}: top-1 {top1}")
            chosen = bar if bar is not None else highest_as_right(blind, served)
            middle = dominance_bar(blind, served, served_wrong) if bar is None else None
            if middle is not None:
                chosen = middle
            for t in sorted({*(float(x) for x in args.thresholds.split(",")), chosen}):
                cells = "  ".join(f"{k} {'/'.join(map(str, tally(v, t)))}" for k, v in preds.items())
                print(f"  {t:.2f}: {cells}  blind batches {'/'.join(map(str, tally(blind, t)))} of {len(blind)}")
            if bar is None:
                t = highest_as_right(blind, served)
                print(f"  highest bar right at least as often as the model before at its bar ({served}): "
                      f"{t:.2f} -> {tally(blind, t)}")
                if middle is not None:
                    print(f"  middle bar of those at least as right and at most as wrong ({served_wrong}): "
                          f"{middle:.2f} -> {tally(blind, middle)}")
            served, _, served_wrong = tally(blind, chosen)
            t = best_threshold(blind, 0.03)
            print(f"  most right with at most 3% wrong (blind batches): {t:.2f} -> {tally(blind, t)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
