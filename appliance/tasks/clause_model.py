"""A fitted reader of one sentence: does it give someone work? (a second opinion on the rules' proposals)

Why: the rules were written reading batches of transcripts and gain mostly on the batch they were written on
(docs/meetings.md, "Task extraction"). On wording they were not written on, their largest error is a proposal
nobody gave (a report, someone proposing who should do it, asking a colleague to speak now). This model is
fitted on every sentence of the trainable transcripts — those an answer key quotes as giving a task against
all the others, about three times as many — so it learns from hundreds of non-tasks, where the proposal
scorer (scorer.py) had some forty wrong proposals to learn from.

Features are cheap and general: the folded words of the sentence and their neighbouring pairs (with the
sentence's start and end), the given names of the ward's directory replaced by one token (so it learns "N
rà soát", not who), numbers by another, a question mark, and whether the chair says it (with its first two
words). Logistic regression, L2, deterministic.
Weights: data/task_clauses.json, fitted by `python -m appliance.tasks.fit_clauses`, which also chooses the
regularisation and the thresholds by leave-one-batch-out cross-validation. Off by default (`BY_DEFAULT`):
cross-validation gained on session 6's batch (0.800 → 0.829) and little elsewhere, and the held-out set, measured
once, lost two proposals' worth (0.717 → 0.712; docs/meetings.md has the figures).

The multilingual-e5 embedder was not used: on this CPU it embeds ~6 sentences a second when the machine is
shared, too slow to read every sentence of a meeting in well under a second, and a previous trial of its
vectors as scorer features added nothing in cross-validation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from appliance.tasks.scorer import sigmoid
from appliance.text import fold

WEIGHTS = Path(__file__).with_name("data") / "task_clauses.json"
# Session 12 (docs/meetings.md, "Session 12"): the same features refitted on every training batch (development,
# sessions 5, 6, 8 A/B, 9 A/B, 10 B, 11 A/B), thresholds chosen by leave-one-batch-out cross-validation; the session 8
# weights above (fitted on five batches) are read only where it is not installed.
WEIGHTS_S12 = Path(__file__).with_name("data") / "task_clauses_s12.json"
# Whether extract_tasks drops proposals this model finds unlikely by default: only once cross-validation
# improves clearly and the held-out set, measured once, does not get worse (docs/meetings.md).
# Session 11, rule R1 once at the end over every fresh set (fresh, fresh7-11): on, right 415 -> 421 and
# confidently wrong 194 -> 191 (the older held-out set 98 / 40 -> 98 / 41, F1 0.729 -> 0.726); the leave-one-
# batch-out check on the training sets gave 527 / 90 / 79 -> 530 / 84 / 76 (docs/meetings.md, "Session 11").
BY_DEFAULT = True
VERSION = 2  # of the features below; a weights file of another version is not used

_SENTENCE = re.compile(r"(?<=[.?!;])\s+")


def sentences(text: str) -> Iterator[str]:
    """The sentences of one turn's text (a run-on recogniser turn stays whole)."""
    for sentence in _SENTENCE.split(text.strip()):
        if len(sentence.split()) >= 2:
            yield sentence


def given_names(full_names: Iterable[str]) -> frozenset[str]:
    """The folded given names of the directory's people: masked, so the model learns how work is given, not
    to whom in the ward it was fitted on."""
    return frozenset(fold(name).lower().split()[-1] for name in full_names if name.split())


def features(sentence: str, names: frozenset[str], chair: bool) -> set[str]:
    """Words and neighbouring pairs; who says it (the chair, the meeting's opener, gives work; others mostly
    report, propose or accept), alone and with how the sentence opens ("dạ…" from a member, "em định giao…")."""
    words = ["N" if w in names else "D" if w.isdigit() else w for w in re.findall(r"\w+", fold(sentence).lower())]
    padded = ["^", *words, "$"]
    role = "@chair" if chair else "@member"
    out = set(words) | {f"{a}_{b}" for a, b in zip(padded, padded[1:], strict=False)} | {role}
    out |= {f"{role}:{w}" for w in padded[1:3]}
    if "?" in sentence:
        out.add("?")
    return out


@dataclass(frozen=True)
class ClauseModel:
    bias: float
    weights: dict[str, float]
    drop: float              # proposals whose sentence scores below this are dropped
    add: float = 2.0         # sentences no proposal quotes that score at least this are added (clause_add.py)

    def probability(self, sentence: str, names: frozenset[str], chair: bool) -> float:
        return self.of(features(sentence, names, chair))

    def of(self, feats: Iterable[str]) -> float:
        return sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in feats))


def weights() -> Path:
    """The weights file extraction reads: session 12's refit when installed."""
    return WEIGHTS_S12 if WEIGHTS_S12.exists() else WEIGHTS


def model(path: Path | None = None) -> ClauseModel | None:
    """The fitted model, or None when no weights of this feature version are installed."""
    return _load(path or weights())


@lru_cache(maxsize=4)
def _load(path: Path) -> ClauseModel | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if raw.get("version") != VERSION:
        return None
    return ClauseModel(float(raw["bias"]), {str(k): float(v) for k, v in raw["weights"].items()},
                       float(raw["drop"]), float(raw["add"]))


def to_json(fitted: ClauseModel, **about: float | int | str) -> str:
    weights = {k: round(v, 5) for k, v in sorted(fitted.weights.items()) if abs(v) >= 1e-4}
    return json.dumps({"version": VERSION, "bias": round(fitted.bias, 5), "drop": fitted.drop, "add": fitted.add,
                       **about, "weights": weights}, ensure_ascii=False, indent=0) + "\n"


def vocabulary(rows: Sequence[tuple[str, set[str]]], min_groups: int = 2) -> list[str]:
    """Features seen in at least `min_groups` meetings (rows are (meeting, features)): one writer's pet
    phrase in one meeting is not learnt."""
    seen: dict[str, set[str]] = {}
    for group, feats in rows:
        for f in feats:
            seen.setdefault(f, set()).add(group)
    return sorted(f for f, groups in seen.items() if len(groups) >= min_groups)
