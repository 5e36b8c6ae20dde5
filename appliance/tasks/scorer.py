"""A small fitted model that reads each task the rules propose and says how likely it is right.

Why: the rules were written on the team's own wording (development set 0.99, session 5's training batch
0.95) and on wording nobody on the team wrote they propose too much (a fresh blind batch: P 0.63). The rules
stay the proposer (high recall); this logistic model reads cheap, general evidence about each proposal (who
said it — the chair or not, the assignee themselves —, how the assignee was found, a directive word, a
deadline, whether it was spoken of again, report and question markers, a closing recap, where in the meeting)
and gives a probability. Proposals below `DROP` are not proposed; those below `REVIEW` are "cần xác nhận".

The weights (data/task_scorer.json) are fitted by `python -m appliance.tasks.fit` on every trainable
transcript (development sets and the blind training batches), deterministically; the thresholds were chosen
by leave-one-meeting-out cross-validation (docs/meetings.md, "Task extraction"). Without the weights file the
rules alone decide, with their evidence-count confidence (confidence.py).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from appliance.text import fold

WEIGHTS = Path(__file__).with_name("data") / "task_scorer.json"
# Whether extract_tasks asks the scorer by default: only once the frozen held-out set, measured once, is not
# worse with it (docs/meetings.md, "Task extraction").
BY_DEFAULT = False

FEATURES = ("bias", "directed", "deadline", "restated", "how_first", "how_second", "how_called", "how_told",
            "kind_voice", "kind_said", "kind_unit", "chair", "self", "recap", "question", "report", "proposal",
            "floor", "position", "short", "mentions")

_REPORT = re.compile(r"\b(?:da|roi|xong roi|vua)\b")
_PROPOSAL = re.compile(r"\b(?:de xuat|de nghi|em dinh|em tinh|tinh giao|dinh giao|xin phep|co nen)\b")
_FLOOR = re.compile(r"^(?:bao cao|diem qua|trinh bay|cho biet|noi qua|phat bieu|bo sung)\b")
_RECAP = re.compile(r"^\W*(?:tom lai|tong ket|chot lai|ket luan|toi nhac lai|nhac lai)\b")


@dataclass(frozen=True)
class Candidate:
    """What the rules know of one proposal when they have merged the meeting's turns."""
    how: str                 # confidence.Evidence.how
    directed: bool
    kind: str                # staff | unit | said | voice
    deadline: bool
    restated: bool
    chair: bool              # the turn that gave it is the chair's (the meeting's opener)
    self_given: bool         # the speaker of that turn is the assignee (volunteering)
    quote: str
    content: str
    position: float          # the giving turn's place in the meeting, 0..1
    mentions: int            # turns that spoke of it
    reasons: str = ""        # the rules' doubts, Vietnamese (confidence.doubts)


def features(c: Candidate) -> list[float]:
    quote, content = fold(c.quote).lower(), fold(c.content).lower()
    return [1.0, float(c.directed), float(c.deadline), float(c.restated),
            float(c.how == "first"), float(c.how == "second"), float(c.how == "called"), float(c.how == "told"),
            float(c.kind == "voice"), float(c.kind == "said"), float(c.kind == "unit"),
            float(c.chair), float(c.self_given), float(_RECAP.search(quote) is not None),
            float("?" in c.quote), float(_REPORT.search(quote) is not None),
            float(_PROPOSAL.search(quote) is not None and not c.chair),
            float(_FLOOR.search(content) is not None), c.position,
            float(len(content.split()) <= 2), min(3, c.mentions) / 3]


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    drop: float
    review: float

    def probability(self, c: Candidate) -> float:
        return sigmoid(sum(w * x for w, x in zip(self.weights, features(c), strict=True)))


def sigmoid(z: float) -> float:
    """The logistic function, clamped so a large weight sum never overflows math.exp (both fitted task
    models, this scorer and clause_model, read their probability through it)."""
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def model(path: Path = WEIGHTS) -> Model | None:
    """The fitted model, or None (the rules alone decide) when no weights were fitted for these features."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if tuple(raw.get("features", ())) != FEATURES:
        return None
    return Model(tuple(float(w) for w in raw["weights"]), float(raw["drop"]), float(raw["review"]))


def fit(rows: Sequence[list[float]] | np.ndarray, labels: Sequence[int], *, l2: float = 1e-2, steps: int = 2000,
        rate: float = 0.5) -> list[float]:
    """Logistic regression by full-batch gradient descent from zero (deterministic), L2 on all but the bias."""
    x = np.asarray(rows, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        w -= rate * (x.T @ (p - y) / len(y) + penalty * w)
    return [float(v) for v in w]
