"""Leave-one-batch-out readings of the served complaint model, for choosing its decision rule
(`python -m appliance.citizen.complaint_lobo`; never the held-out or fresh sets).

Each blind training batch (one outside writer each) is read by the served model's design trained on
the seed examples and every OTHER batch: the batch is wording the model never saw, as a new citizen's
is. complaint_cv.py's 5 folds inside a batch let a model see the writer's other texts; here none.
Per complaint the reading keeps the model's probabilities and the rules' own view (cue phrases and
the nearest TF-IDF example of the classifier's seed examples, which hold no batch text), so that a
decision rule (complaint_decision.py) can be chosen leave-one-batch-out too without refitting.
Readings are cached as JSON (`--cache`), keyed by the model's design and the batches' texts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from appliance.citizen.classify import FeedbackClassifier, nearest_category, seed
from appliance.citizen.complaint_cues import strongest_cue
from appliance.citizen.complaint_cv import MemoEmbedder, batches
from appliance.citizen.complaint_model import ComplaintModel, Config, load_batch, served_config
from appliance.citizen.matching import tokens
from appliance.engines.base import Embedder


@dataclass(frozen=True)
class Reading:
    """One complaint of a batch read by a model that never saw the batch."""

    batch: str
    gold: str  # a category, or VAGUE
    text: str
    probabilities: dict[str, float]  # the model's, VAGUE included for a model that learns it
    rules: dict[str, float]  # the classifier's cue-phrase scores per category
    similarity: dict[str, float]  # the classifier's TF-IDF cosine of the nearest seed example per category

    @property
    def nearest(self) -> str | None:
        return nearest_category(self.similarity)

    @property
    def rule_best(self) -> str | None:
        """The category of the strongest cue phrases; None when no cue matched."""
        return strongest_cue(self.rules)


def _key(config: Config, data: dict[str, tuple[tuple[str, str], ...]]) -> str:
    text = json.dumps([repr(config), {k: list(v) for k, v in sorted(data.items())}], ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def read_batches(embedder: Embedder, config: Config | None = None, names: Sequence[str] | None = None,
                 directory: Path | None = None) -> list[Reading]:
    """Every complaint of the blind batches (dev left out: the cue phrases were tuned on it), each
    batch read by `config`'s design trained on the seed examples and the other batches."""
    config = config or served_config()
    data = {k: v for k, v in batches().items() if k != "dev" and (names is None or k in names)}
    everything = {k: v for k, v in batches().items() if k != "dev"}
    classifier = FeedbackClassifier()
    seeds = [(cat, text, 1.0) for cat, v in seed().items() for text in v["examples"]]
    out: list[Reading] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, items in data.items():
            train = seeds + [(c, t, 1.0) for other, rows in everything.items() if other != name
                             for c, t in rows if c in config.classes]
            model = ComplaintModel(classifier, embedder, train, directory or Path(tmp), config=config)
            for gold, text in items:
                words = tokens(text)
                out.append(Reading(name, gold, text, model.probabilities(text), classifier.rule_scores(words),
                                   classifier.similarity_scores(words)))
    return out


def read_unseen(embedder: Embedder, path: Path, config: Config | None = None, directory: Path | None = None
                ) -> list[Reading]:
    """A batch no model trained on (a new session's training half before any refit) read by `config`'s
    design trained on the seed examples and every blind batch: the served model, as a citizen meets it."""
    config = config or served_config()
    classifier = FeedbackClassifier()
    seeds = [(cat, text, 1.0) for cat, v in seed().items() for text in v["examples"]]
    train = seeds + [(c, t, 1.0) for rows in (v for k, v in batches().items() if k != "dev" and k in config.batches)
                     for c, t in rows if c in config.classes]
    with tempfile.TemporaryDirectory() as tmp:
        model = ComplaintModel(classifier, embedder, train, directory or Path(tmp), config=config)
        return [Reading(path.stem, gold, text, model.probabilities(text), classifier.rule_scores(tokens(text)),
                        classifier.similarity_scores(tokens(text))) for gold, text in load_batch(path, vague=True)]


def cached_readings(embedder: Embedder, cache: Path, config: Config | None = None) -> list[Reading]:
    config = config or served_config()
    data = {k: v for k, v in batches().items() if k != "dev"}
    path = cache / f"complaint_lobo_{_key(config, data)}.json"
    if path.exists():
        return [Reading(**row) for row in json.loads(path.read_text(encoding="utf-8"))]
    readings = read_batches(embedder, config, directory=cache)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([asdict(r) for r in readings], ensure_ascii=False), encoding="utf-8")
    return readings


def main(argv: Sequence[str] | None = None) -> int:
    from appliance.citizen.complaint_decision import report
    from appliance.config import Settings
    from appliance.engines import engine

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "complaint_lobo")
    parser.add_argument("--unseen", type=Path, nargs="*", default=[],
                        help="training halves no model learnt yet, read by the served model (trained on every batch)")
    args = parser.parse_args(argv)
    embedder = engine(Settings(), "embedder")
    if embedder is None:
        print("no embedder installed: nothing to read")
        return 1
    memo = MemoEmbedder(embedder)
    readings = cached_readings(memo, args.cache)
    for row in report(readings):
        print(row)
    for path in args.unseen:
        unseen = read_unseen(memo, path, directory=args.cache)
        for row in report(unseen)[:3]:
            print(f"{path.stem}, read by the served model: {row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
