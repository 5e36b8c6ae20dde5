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

from appliance.citizen.classify import CATEGORIES, FeedbackClassifier, seed
from appliance.citizen.complaint_model import (
    SESSION5,
    SESSION7,
    ComplaintModel,
    Config,
    load_batch,
    training_batch,
    training_batch2,
)
from appliance.engines.base import Embedder, Vectors

DEV = Path(__file__).resolve().parents[2] / "tests" / "citizen" / "dev" / "complaints.toml"
FOLDS = 5


@dataclass(frozen=True)
class Prediction:
    gold: str
    best: str
    confidence: float


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
    """The labelled complaints by writer: session 5's batch, session 6's training half, dev."""
    return {"s5": training_batch(), "s6": training_batch2(), "dev": load_batch(DEV)}


def predict(embedder: Embedder, config: Config, train: Sequence[str], directory: Path
            ) -> dict[str, list[Prediction]]:
    """Every batch's complaints predicted by models that never saw them (see the module's doc)."""
    data = batches()
    classifier = FeedbackClassifier()
    seeds = [(cat, text, 1.0) for cat, v in seed().items() for text in v["examples"]]
    out: dict[str, list[Prediction]] = {}
    for name, items in data.items():
        base = seeds + [(c, t, 1.0) for other in train if other != name for c, t in data[other]]
        whole = [list(range(len(items)))]
        folds = [list(range(f, len(items), FOLDS)) for f in range(FOLDS)] if name in train else whole
        preds: list[Prediction | None] = [None] * len(items)
        for fold in folds:
            held = set(fold)
            rest = [(c, t, 1.0) for i, (c, t) in enumerate(items) if i not in held] if name in train else []
            model = ComplaintModel(classifier, embedder, base + rest, directory, config=config)
            for i in fold:
                p = model.probabilities(items[i][1])
                best = max(CATEGORIES, key=lambda c: (p[c], c == "khac"))
                preds[i] = Prediction(items[i][0], best, p[best])
        out[name] = [p for p in preds if p is not None]
    return out


def tally(preds: Sequence[Prediction], threshold: float) -> tuple[int, int, int]:
    """(right, unsure, wrong): below `threshold` a complaint waits "chờ phân loại"."""
    sure = [p for p in preds if p.confidence >= threshold]
    right = sum(p.best == p.gold for p in sure)
    return right, len(preds) - len(sure), len(sure) - right


def best_threshold(preds: Sequence[Prediction], max_wrong: float) -> float:
    """The threshold (0.30-0.99, step 0.01) with the most right answers whose wrong share is at most
    `max_wrong` (the lowest such threshold on a tie)."""
    best, most = 0.99, -1
    for t in np.round(np.arange(0.30, 1.0, 0.01), 2):
        right, _, wrong = tally(preds, float(t))
        if wrong <= max_wrong * len(preds) and right > most:
            best, most = float(t), right
    return best


def main(argv: Sequence[str] | None = None) -> int:
    from appliance.config import Settings
    from appliance.engines import engine

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--thresholds", default="0.5,0.6,0.65,0.7,0.75,0.8,0.85,0.9")
    args = parser.parse_args(argv)
    embedder = engine(Settings(), "embedder")
    if embedder is None:
        print("no embedder installed: nothing to cross-validate")
        return 1
    memo = MemoEmbedder(embedder)
    runs = {"session 5 model, trained on s5 (before)": (SESSION5, ["s5"]),
            "session 7 model, trained on s5 + s6": (SESSION7, ["s5", "s6"])}
    with tempfile.TemporaryDirectory() as tmp:
        for label, (config, train) in runs.items():
            preds = predict(memo, config, train, Path(tmp))
            blind = [*preds["s5"], *preds["s6"]]
            top1 = " ".join(f"{k} {sum(p.best == p.gold for p in v) / len(v):.1%}" for k, v in preds.items())
            print(f"{label}: top-1 {top1}")
            for t in (float(x) for x in args.thresholds.split(",")):
                cells = "  ".join(f"{k} {'/'.join(map(str, tally(v, t)))}" for k, v in preds.items())
                print(f"  {t:.2f}: {cells}  s5+s6 {'/'.join(map(str, tally(blind, t)))} of {len(blind)}")
            t = best_threshold(blind, 0.03)
            print(f"  most right with at most 3% wrong (s5+s6): {t:.2f} -> {tally(blind, t)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
