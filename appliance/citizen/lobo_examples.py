"""Leave-one-half-out measurement of the later writers' training halves as examples, with the fusion model
as shipped or refit against the larger index (session 11, issue 16).

Each half (one outside writer's training half, data/train/citizen_questions_<half>.toml) is read by an
understanding whose examples never hold it, through fusion weights whose fit data never held it either, and
every fit message is read against examples without its own fold (fit.examples), as at run time no citizen's
message is an example. Configurations:

- `shipped`: the shipped examples and weights (the halves are neither examples nor fit data);
- `more+shipped`: the other halves as examples too, the shipped weights (SESSION10_MORE_EXAMPLES, off since
  session 10, retired in session 16);
- `more+refit`: the other halves as examples, weights refit on the shipped fit data (cases, dev, the
  session 5 batch) read against that larger index;
- `more+refit+halves`: the same, the other halves fit data too;
- `more+refit+all`: the same, the complaint model's session 11 batches (fit.COMPLAINT_BATCHES) fit data too;
- `served`: the examples and weights of phrasings.SESSION11_REFIT as served (data/fusion_s11.json): honest only on
  wording it never used (s12c, the complaint batches it was not fit on);
- `s11`: SESSION11_REFIT's design leave-one-half-out: session 11's ten halves as examples and fit data, its four
  complaint batches fit data, the one read left out of both;
- `s13`: SESSION13_REFIT's design the same way: the eleven halves (s12c too) and the seven complaint batches.
- `s15`: session 15's refit design (off by rule R1; retired from the chat in session 18) the same way: the twelve
  halves (s14 too) and the eight complaint batches.

Each configuration's first table is at its own procedure bar (shipped 0.7, the session 11 ones
`answer_procedure_s11`, `s13` `answer_procedure_s13` when the file has it); the sweep varies the bar.
`python -m appliance.citizen.lobo_examples` prints right / unsure / wrong per half for the three views of
crossval.py and a sweep of `answer_procedure`; `--rules-only` leaves the embedder out (the reading
without it, also the chat's reading while the embedder prepares). Training data only, never the held-out
or fresh sets.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from appliance.citizen import crossval, phrasings
from appliance.citizen import fit as fusion_fit
from appliance.citizen.semantic import query_store
from appliance.citizen.understanding import (
    FEATURES,
    FUSION,
    FUSION_S11,
    KINDS,
    Understanding,
    file_thresholds,
    fusion_weights,
)

HALVES = phrasings.SESSION15_HALVES
# The complaint model's later training batches: never examples of the chat; fit data of "more+refit+all" and
# "s11" (the first four), of "s13" (all seven); each is read left out of the fit that reads it.
COMPLAINT_BATCHES = fusion_fit.COMPLAINT_BATCHES
COMPLAINT_BATCHES_S13 = fusion_fit.COMPLAINT_BATCHES_S13
COMPLAINT_BATCHES_S15 = fusion_fit.COMPLAINT_BATCHES_S15
CONFIGS = ("shipped", "more+shipped", "more+refit", "more+refit+halves", "more+refit+all", "served", "s11", "s13",
           "s15")
# Configurations with a design of their own: (example halves, fit halves, complaint batches fit on), the read one
# left out of each.
DESIGNS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "s11": (phrasings.SESSION11_HALVES, phrasings.SESSION11_HALVES, COMPLAINT_BATCHES),
    "s13": (phrasings.SESSION13_HALVES, phrasings.SESSION13_HALVES, COMPLAINT_BATCHES_S13),
    "s15": (phrasings.SESSION15_HALVES, phrasings.SESSION15_HALVES, COMPLAINT_BATCHES_S15),
}
BAR_KEYS = {"served": "answer_procedure_s11", "s11": "answer_procedure_s11", "s13": "answer_procedure_s13",
            "s15": "answer_procedure_s15"}
Pair = tuple[str, str]  # (label, text) of an example


def half_path(name: str) -> Path:
    """A citizen half by its batch name ("s9a"), or a complaint batch by its file name."""
    if name.startswith("complaints"):
        return crossval.TRAIN_DIR / f"{name}.toml"
    return crossval.TRAIN_DIR / f"citizen_questions_{name}.toml"


def present_halves(names: Sequence[str] = HALVES) -> list[str]:
    return [n for n in names if half_path(n).exists()]


@dataclass(frozen=True)
class Weights:
    rules: np.ndarray  # kinds × features
    embeddings: np.ndarray


def shipped_weights(path: Path = FUSION) -> Weights:
    w = fusion_weights(path)  # session 10's file (or `path`), whatever the flags say
    return Weights(*(np.array([w[variant][kind] for kind in KINDS]) for variant in ("rules", "embeddings")))


def refit(data: Sequence[fusion_fit.Example], kinds: np.ndarray) -> Weights:
    return Weights(fusion_fit.fit(data, kinds, crossval._active("rules")),
                   fusion_fit.fit(data, kinds, crossval._active("embeddings")))


class Universe:
    """One understanding over every example any configuration uses; each configuration reads through a
    copy over some of them (no text is embedded twice)."""

    def __init__(self, with_embedder: bool, halves: Sequence[str]):
        from appliance.citizen.matching import Procedure
        from appliance.knowledge.procedures import load_catalogue

        procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
        self.base = phrasings.load(procedures, halves=False)
        codes = {p.code for p in procedures}
        self.half_examples: dict[str, tuple[Pair, ...]] = {
            h: phrasings.written_examples(half_path(h), codes, set(self.base.faq_cues), self.base.out_of_scope)
            for h in halves}
        every = (*self.base.examples, *(pair for pairs in self.half_examples.values() for pair in pairs))
        embedder = None
        if with_embedder:
            from appliance.config import Settings
            from appliance.engines import engine

            embedder = engine(Settings(), "embedder")
            if embedder is None:
                raise SystemExit("no embedder installed: use --rules-only")
        self.root = Understanding(procedures, replace(self.base, examples=every), embedder=embedder)
        self.root.use_intent = False
        semantic = self.root.semantic
        self.queries: Path | None = None
        if semantic is not None:
            # Every message embedded once in this run (and in earlier ones: semantic.query_store), not once per
            # half left out (the shared cache was smaller than the fit messages and the examples together).
            self.queries = query_store(semantic.name)
            semantic.keep_queries(self.queries)
        if semantic is not None:  # an example's vector is its query vector (both embed as "query")
            semantic._cache.update((text, vec) for (_, text), vec in zip(semantic.examples, semantic.vectors,
                                                                         strict=True)
                                   if " ".join(text.split())[:400] == text)
        self.kinds = np.array([KINDS.index(k) for k in self.root.kinds])

    def over(self, examples: Sequence[Pair]) -> Understanding:
        ph = replace(self.root.phrasings, examples=tuple(examples))
        semantic = self.root.semantic.subset(ph.examples) if self.root.semantic is not None else None
        return Understanding(self.root.procedures, ph, classifier=self.root.classifier, semantic=semantic,
                             labels=self.root.labels)

    def examples_without(self, held: str | None, more: bool, among: Sequence[str] | None = None) -> list[Pair]:
        """The base examples and, with `more`, every half of the universe (or of `among`) but `held`."""
        later = [pair for h, pairs in self.half_examples.items()
                 if more and h != held and (among is None or h in among) for pair in pairs]
        return [*self.base.examples, *later]

    def read(self, understanding: Understanding, items: Sequence[crossval.Item]) -> list[fusion_fit.Example]:
        out = []
        for text, intent, label in items:
            gold = fusion_fit.gold_labels(understanding, intent, label)
            out.append(fusion_fit.Example(understanding.features(text),
                                          np.array([lab in gold for lab in understanding.labels]), intent))
        return out


@dataclass(frozen=True)
class Read:
    """One half read under one configuration: its features and the weights that read it."""

    config: str
    half: str
    items: list[crossval.Item]
    x: np.ndarray  # messages × labels × features
    weights: Weights


def _probabilities(x: np.ndarray, w: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    return crossval._probabilities(x, w, kinds)


def outcomes(universe: Universe, read: Read, limits: Mapping[str, float], with_embedder: bool
             ) -> list[crossval.Outcome]:
    """The chat's first-message decisions (crossval.decide): rules + lexical, and the embedder's
    reading where that is below `escalate` (the default path)."""
    kinds = universe.kinds
    cue = FEATURES.index("complaint_cue")
    p = _probabilities(read.x, read.weights.rules, kinds)
    if with_embedder:
        emb = _probabilities(read.x, read.weights.embeddings, kinds)
        p = np.where(p.max(axis=1, keepdims=True) < limits["escalate"], emb, p)
    out = []
    for n, item in enumerate(read.items):
        best = int(np.argmax(p[n]))
        label, confidence = universe.root.labels[best], float(p[n, best])
        said = crossval.decide(label, confidence, bool(read.x[n, 0, cue]), limits)
        out.append(crossval.Outcome(read.half, item, label, confidence, said,
                                    crossval.verdict(item[1], item[2], said)))
    return out


def measure(universe: Universe, halves: Sequence[str], configs: Sequence[str] = CONFIGS,
            log: bool = True) -> list[Read]:
    """Every half (or complaint batch) read under every configuration."""
    fit_items = _shipped_fit_items()
    kinds = universe.kinds
    reads: list[Read] = []
    shipped = shipped_weights()
    base = universe.over(universe.examples_without(None, more=False))
    for half in halves:
        items = crossval.read_toml(half_path(half))
        if "shipped" in configs:
            reads.append(Read("shipped", half, items, _stack(universe.read(base, items)), shipped))
        if "served" in configs:  # what SESSION11_REFIT serves: in-sample on its own halves and batches
            served = universe.over(universe.examples_without(None, True, phrasings.SESSION11_HALVES))
            reads.append(Read("served", half, items, _stack(universe.read(served, items)),
                              shipped_weights(FUSION_S11)))
        for config in (c for c in configs if c in DESIGNS):
            example_halves, fit_halves, batches = DESIGNS[config]
            larger = universe.over(universe.examples_without(half, True, example_halves))
            others = [item for h in fit_halves if h != half and h in universe.half_examples
                      for item in _fit_form(crossval.read_toml(half_path(h)))]
            complaints = [item for name in batches if name != half and half_path(name).exists()
                          for item in _fit_form(crossval.read_toml(half_path(name)))]
            # One fold split over all the fit data, as fit.py reads it.
            data = fusion_fit.examples(larger, [*fit_items, *others, *complaints])
            reads.append(Read(config, half, items, _stack(universe.read(larger, items)), refit(data, kinds)))
        if not any(c.startswith("more") for c in configs):
            if log:
                print(f"  read {half}", file=sys.stderr, flush=True)
            continue
        larger = universe.over(universe.examples_without(half, more=True))
        x = _stack(universe.read(larger, items))
        if "more+shipped" in configs:
            reads.append(Read("more+shipped", half, items, x, shipped))
        if any(c.startswith("more+refit") for c in configs):
            data = fusion_fit.examples(larger, fit_items)
            if "more+refit" in configs:
                reads.append(Read("more+refit", half, items, x, refit(data, kinds)))
            if "more+refit+halves" in configs or "more+refit+all" in configs:
                others = [item for h in universe.half_examples if h != half
                          for item in _fit_form(crossval.read_toml(half_path(h)))]
                # Each other half's messages read against examples without their fold: they are examples too.
                data_halves = fusion_fit.examples(larger, others)
                if "more+refit+halves" in configs:
                    reads.append(Read("more+refit+halves", half, items, x, refit([*data, *data_halves], kinds)))
                if "more+refit+all" in configs:  # the complaint batches too, the one read left out
                    complaints = [item for name in COMPLAINT_BATCHES if name != half and half_path(name).exists()
                                  for item in _fit_form(crossval.read_toml(half_path(name)))]
                    data_complaints = fusion_fit.examples(larger, complaints)
                    reads.append(Read("more+refit+all", half, items, x,
                                      refit([*data, *data_halves, *data_complaints], kinds)))
        if log:
            print(f"  read {half}", file=sys.stderr, flush=True)
    return reads


def _fit_form(items: Sequence[crossval.Item]) -> list[crossval.Item]:
    """As fit.training_items writes them: a complaint's category is not the fusion model's question."""
    return [(t, i, "" if i == "complaint" else lab) for t, i, lab in items]


def _shipped_fit_items() -> list[crossval.Item]:
    """Session 10's fusion fit data (fit.py default: cases, the session 5 batch, dev), whatever
    the flags say."""
    return fusion_fit.training_items(with_dev=True, halves=False)


def _stack(data: Sequence[fusion_fit.Example]) -> np.ndarray:
    return np.stack([d.x for d in data])


def bar_of(config: str, limits: Mapping[str, float]) -> float:
    """The procedure bar a configuration is served with (the file's answer_procedure without one of its own)."""
    key = BAR_KEYS.get(config, "answer_procedure")
    if key == "answer_procedure_s15" and key not in limits:  # before its bar was chosen: session 13's
        key = "answer_procedure_s13"
    if key == "answer_procedure_s13" and key not in limits:  # before its bar was chosen: session 11's
        key = "answer_procedure_s11"
    return float(limits.get(key, limits["answer_procedure"]))


def report(universe: Universe, reads: Sequence[Read], with_embedder: bool,
           bars: Sequence[float] = (0.6, 0.65, 0.7, 0.75, 0.8, 0.85)) -> str:
    limits = dict(file_thresholds())  # each configuration at its own bar first; the sweep below varies it
    lines = []
    configs = list(dict.fromkeys(r.config for r in reads))
    for config in configs:
        own = {**limits, "answer_procedure": bar_of(config, limits)}
        lines.append(f"{config} (answer_procedure {own['answer_procedure']}):")
        every: list[crossval.Outcome] = []
        citizen: list[crossval.Outcome] = []
        for r in reads:
            if r.config == config:
                got = outcomes(universe, r, own, with_embedder)
                every.extend(got)
                if not r.half.startswith("complaints"):
                    citizen.extend(got)
                lines.append("  " + crossval.line(r.half, got))
        if len(citizen) != len(every):
            lines.append("  " + crossval.line("halves", citizen))
        lines.append("  " + crossval.line("all", every))
    for bar in bars:
        for config in configs:
            every = [o for r in reads if r.config == config
                     for o in outcomes(universe, r, {**limits, "answer_procedure": bar}, with_embedder)]
            lines.append(f"answer_procedure {bar} {config:<18} " + crossval.line("all", every))
    return "\n".join(lines)


def errors(universe: Universe, reads: Sequence[Read], with_embedder: bool) -> str:
    limits = dict(file_thresholds())
    lines = []
    for r in reads:
        for o in outcomes(universe, r, {**limits, "answer_procedure": bar_of(r.config, limits)}, with_embedder):
            text, intent, label = o.item
            missed = intent == "procedure" and o.verdict != "right"
            if missed or (intent != "procedure" and o.verdict == "wrong"):
                lines.append(f"{r.config:<18} {o.verdict:<6} {r.half:<5} {intent[:4]}:{label:<14} {o.label:<16} "
                             f"{o.confidence:.2f} {' '.join(text.split())[:150]}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules-only", action="store_true", help="without the embedder")
    parser.add_argument("--halves", default="",
                        help="comma-separated halves or complaint batches (default: every half and complaint batch "
                             "present)")
    parser.add_argument("--configs", default="s13,s15")
    parser.add_argument("--errors", action="store_true",
                        help="list, per configuration, every procedure question not answered right and every "
                             "out-of-scope question named as a procedure")
    args = parser.parse_args(argv)
    sys.path.insert(0, ".")
    halves = [h for h in args.halves.split(",") if h] or present_halves([*HALVES, *COMPLAINT_BATCHES_S15])
    universe = Universe(not args.rules_only, present_halves())
    reads = measure(universe, halves, tuple(c for c in args.configs.split(",") if c))
    if universe.root.semantic is not None and universe.queries is not None:
        universe.root.semantic.save_queries(universe.queries)
    print(report(universe, reads, not args.rules_only))
    if not args.rules_only:  # the rules variant's weights ignore the embedding's columns: the reading without it
        print("\nrules + lexical alone (the reading while the embedder prepares):")
        print(report(universe, reads, False))
    if args.errors:
        print(errors(universe, reads, not args.rules_only))


if __name__ == "__main__":
    main()
