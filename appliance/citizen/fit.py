"""Fit the fusion model of `understanding` on the blind training batches, the in-sample cases and
the development set (never on the held-out sets), the later writers' halves (examples too) and complaint batches,
and write data/fusion_s13.json. Each message is read
against examples that leave it out (the training batches are examples too). The thresholds
(data/thresholds.toml) were chosen by 5-fold cross-validation over the development set: fit
without a fold, that fold read through the chat path. Run from a source checkout after changing phrasings or
features: `python -m appliance.citizen.fit` (both variants; the embedding one embeds every training
message, minutes on a small CPU) or `python -m appliance.citizen.fit --rules-only` (about a minute).
It prints the cross-validated accuracy. The weights are deterministic (fixed folds, plain gradient
descent from zero), so the same data give the same file.

The model is a conditional logit: each label's score is its feature row times the weights of its
kind, and a message's labels compete in one softmax. A gold answer may be a set of labels (any
out-of-scope topic is right for an out-of-scope question), so the loss is -log of the gold set's
probability. Plain gradient descent with L2: a few dozen weights, a few hundred messages.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from appliance.citizen.phrasings import training_batch
from appliance.citizen.semantic import query_store
from appliance.citizen.understanding import EMBEDDING_FEATURES, FEATURES, KINDS, Understanding, fusion_path

L2 = 0.0005  # chosen by the 5-fold cross-validated accuracy (0.02: 91.3%, 0.0005: 94.4%, rules variant)
SELF_FOLDS = 5
FITTED_ON = ("appliance/citizen/data/train/citizen_questions.toml + data/complaints_train.toml + "
             "tests/citizen/cases.py + tests/citizen/dev/ (thresholds chosen by cross-validation on dev; never "
             "heldout/)")
# The later writers' halves are examples and fit data too (training_batch), and the complaint model's batches fit data.
FITTED_ON_S13 = FITTED_ON.replace(" + tests/citizen/cases.py", " + data/train/citizen_questions_{s6,s8a,s8b,s9a,s9b,"
                                  "s10a,s10b,s10c,s11a,s11b,s12c}.toml + data/train/complaints_train{2,4_a,4_b,5_a,"
                                  "6_a,7_b,7_c}.toml + tests/citizen/cases.py")
TRAIN_DIR = Path(__file__).with_name("data") / "train"
COMPLAINT_BATCHES = ("complaints_train2", "complaints_train4_a", "complaints_train4_b", "complaints_train5_a")
COMPLAINT_BATCHES_S13 = (*COMPLAINT_BATCHES, "complaints_train6_a", "complaints_train7_b", "complaints_train7_c")
COMPLAINT_BATCHES_S15 = (*COMPLAINT_BATCHES_S13, "complaints_train14")


def complaint_batches() -> tuple[str, ...]:
    """The complaint model's batches that are fusion-fit data (never examples)."""
    return COMPLAINT_BATCHES_S13
STEPS = 1500
RATE = 0.5


@dataclass(frozen=True)
class Example:
    x: np.ndarray  # labels × features
    gold: np.ndarray  # bool per label
    intent: str = ""


def gold_labels(understanding: Understanding, intent: str, label: str) -> set[str]:
    labels = understanding.labels
    if intent == "procedure":
        return {f"proc:{label}"}
    if intent in ("faq", "status") and (label == "tra_cuu_ho_so" or intent == "status"):
        return {"status", "faq:tra_cuu_ho_so"} & set(labels)
    if intent == "faq":
        return {f"faq:{label}"}
    if intent == "out_of_scope":
        return {"oos"}
    return {intent}  # chitchat, complaint


def examples(understanding: Understanding, items: Sequence[tuple[str, str, str]], *,
             keep_all: bool = False) -> list[Example]:
    """Each message's features read against an index that lacks it: the messages are split into
    SELF_FOLDS and each fold is read by an understanding whose examples (lexical and embedding)
    leave that fold's texts out. The training batch is also in the shipped examples, so reading a
    message against itself would teach the model that a perfect lexical or embedding match is the
    norm; at run time no citizen's message is an example. `keep_all` keeps a message whose label this
    catalogue lacks (all-false gold; crossval.py reads it, no fit uses it)."""
    out: list[Example | None] = [None] * len(items)
    for fold in range(SELF_FOLDS):
        own = range(fold, len(items), SELF_FOLDS)
        reader = understanding.without({items[i][0] for i in own})
        for i in own:
            text, intent, label = items[i]
            gold = gold_labels(understanding, intent, label)
            mask = np.array([lab in gold for lab in understanding.labels])
            if mask.any() or keep_all:
                out[i] = Example(reader.features(text), mask, intent)
    return [e for e in out if e is not None]


def _stack(data: Sequence[Example]) -> tuple[np.ndarray, np.ndarray]:
    return np.stack([d.x for d in data]), np.stack([d.gold for d in data])


def fit(data: Sequence[Example], kinds: np.ndarray, active: np.ndarray) -> np.ndarray:
    """Weights (kinds × features); `active` masks features that exist in this variant."""
    x, gold = _stack(data)
    # Each intent weighs as if it had sqrt(its count) messages: complaints and procedures, the most
    # numerous, do not drown FAQ, out-of-scope and chit-chat.
    counts = {i: sum(1 for d in data if d.intent == i) for i in {d.intent for d in data}}
    weight = np.array([1.0 / np.sqrt(counts[d.intent]) for d in data])
    weight *= len(data) / weight.sum()
    w = np.zeros((len(KINDS), len(FEATURES)))
    for _ in range(STEPS):
        s = np.einsum("nlf,lf->nl", x, w[kinds])
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        q = np.where(gold, p, 0.0)
        q /= q.sum(axis=1, keepdims=True)
        per_label = np.einsum("nl,nlf->lf", (p - q) * weight[:, None], x)
        grad = np.zeros_like(w)
        np.add.at(grad, kinds, per_label)
        w -= RATE * (grad / len(data) + L2 * w) * active
    return w


def accuracy(data: Sequence[Example], w: np.ndarray, kinds: np.ndarray) -> float:
    if not data:
        return 0.0
    x, gold = _stack(data)
    best = np.argmax(np.einsum("nlf,lf->nl", x, w[kinds]), axis=1)
    return float(gold[np.arange(len(data)), best].mean())


def fit_complaints(understanding: Understanding, items: Sequence[tuple[str, str]]) -> dict[str, float]:
    """The embedding's weight and the softmax temperature of the complaint category, by grid search
    on the log-likelihood of the labelled complaints."""
    from appliance.citizen.understanding import complaint_probabilities

    signals = [(understanding.complaint_scores(text), category) for text, category in items]
    best: tuple[float, dict[str, float]] = (-1e9, {})
    for emb in (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0):
        for temperature in (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0):
            weights = {"emb": emb, "temperature": temperature}
            loglik = sum(math.log(max(1e-9, complaint_probabilities(s, e, weights)[c])) for (s, e), c in signals)
            if loglik > best[0]:
                best = (loglik, weights)
    weights = best[1]
    right = sum(max(p := complaint_probabilities(s, e, weights), key=lambda k: p[k]) == c for (s, e), c in signals)
    print(f"complaint category: emb weight {weights['emb']}, temperature {weights['temperature']}, "
          f"{right}/{len(signals)} right", flush=True)
    return weights


def complaint_items() -> list[tuple[str, str]]:
    from tests.citizen import cases, sets

    items = [(t, c) for t, c in [*cases.COMPLAINTS, *cases.HELD_OUT_COMPLAINTS]]
    return items + [(m.text, m.label) for m in sets.DEV_COMPLAINTS if m.intent == "complaint"]


def training_items(with_dev: bool = False, halves: bool = True) -> list[tuple[str, str, str]]:
    """The blind training batch and the in-sample cases (tests/citizen/cases.py); the development
    set (tests/citizen/dev/) only with `with_dev` (its figures are then in-sample and the thresholds
    must be chosen by cross-validation); never the held-out sets. `halves=False`: without the later
    writers' halves (and the complaint batches)."""
    from appliance.knowledge.procedures import load_catalogue
    from appliance.text import fold
    from tests.citizen import cases, sets

    code_of = {fold(p.name): p.code for p in load_catalogue()}
    items = [(q, "procedure", code_of[fold(name)]) for q, name in [*cases.QUESTIONS, *cases.HELD_OUT_QUESTIONS]]
    items += [(t, "complaint", "") for t, _ in [*cases.COMPLAINTS, *cases.HELD_OUT_COMPLAINTS]]
    # A complaint's category is not this model's question (complaint_probabilities is): one label.
    items += [(m.text, m.intent, "" if m.intent == "complaint" else m.label) for m in training_batch(halves)]
    if halves:
        # The complaint model's later batches as fit data (never examples): with the citizen halves alone the fit
        # sees few complaints and offers fewer of them (docs/citizen.md, Session 11).
        from appliance.citizen.crossval import read_toml

        items += [(t, i, "" if i == "complaint" else lab) for name in complaint_batches()
                  if (TRAIN_DIR / f"{name}.toml").exists() for t, i, lab in read_toml(TRAIN_DIR / f"{name}.toml")]
    if with_dev:
        items += [(m.text, m.intent, m.label) for m in [*sets.DEV_QUESTIONS, *sets.DEV_COMPLAINTS]]
    return items


def build(with_embeddings: bool, halves: bool = True, intent: bool = True) -> Understanding:
    from appliance.citizen.matching import Procedure
    from appliance.citizen.phrasings import load
    from appliance.config import Settings
    from appliance.engines import engine
    from appliance.knowledge.procedures import load_catalogue

    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    embedder = engine(Settings(), "embedder") if with_embeddings else None
    if with_embeddings and embedder is None:
        raise SystemExit("no embedder installed: cannot fit the embedding variant")
    # The intent model's column is filled for both embedding variants; "embeddings" masks it.
    return Understanding(procedures, load(procedures, halves=halves), embedder=embedder,
                         intent_model=with_embeddings and intent)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rules-only", action="store_true",
                        help="refit only the variant without embeddings (the default of the chat); the embedding "
                             "variant's weights are kept as they are")
    parser.add_argument("--no-dev", action="store_true",
                        help="leave the development set out of the fit (the shipped file is fit with it; its "
                             "thresholds were chosen by cross-validation over dev folds)")
    parser.add_argument("--no-intent", action="store_true",
                        help="without the intent model's variant (embeddings_intent, off in the chat): its per-fold "
                             "intent models take most of the fit's time; the chat then reads that variant with the "
                             "embeddings weights")
    args = parser.parse_args(argv)
    sys.path.insert(0, ".")
    items = training_items(not args.no_dev)
    source = FITTED_ON_S13
    fitted_on = source.split(" + tests/citizen/dev/")[0] + " (never dev/ nor heldout/)" if args.no_dev else source
    target = fusion_path()  # the file that goes with the examples these flags give
    out: dict[str, object] = {"features": list(FEATURES), "kinds": list(KINDS), "fitted_on": fitted_on}
    variants: tuple[tuple[str, bool], ...] = (("embeddings", True), ("embeddings_intent", True), ("rules", False))
    if args.no_intent:
        variants = (("embeddings", True), ("rules", False))
    if args.rules_only:
        kept = json.loads(target.read_text(encoding="utf-8"))
        out.update({k: kept[k] for k in ("embeddings", "embeddings_intent", "complaint") if k in kept})
        variants = (("rules", False),)
    built: dict[bool, tuple[Understanding, list[Example]]] = {}
    for variant, with_embeddings in variants:
        if with_embeddings not in built:
            reader = build(with_embeddings, intent=not args.no_intent)
            if reader.semantic is not None:  # each message embedded once per run, kept for the next (semantic.py)
                queries = query_store(reader.semantic.name)
                reader.semantic.keep_queries(queries)
                reader.semantic.embed_queries([text for text, _, _ in items])  # in chunks, not one by one
            built[with_embeddings] = (reader, examples(reader, items))
            if reader.semantic is not None:
                reader.semantic.save_queries(queries)
        understanding, data = built[with_embeddings]
        kinds = np.array([KINDS.index(k) for k in understanding.kinds])
        active = np.ones(len(FEATURES))
        if not with_embeddings:
            active[[FEATURES.index(name) for name in EMBEDDING_FEATURES]] = 0.0
        elif variant == "embeddings":  # the default: without the intent model (docs/citizen.md says why)
            active[FEATURES.index("clf")] = 0.0
        rng = np.random.default_rng(16)
        order = rng.permutation(len(data))
        folds = np.array_split(order, args.folds)
        cv = []
        for fold_ids in folds:
            held = set(fold_ids.tolist())
            w = fit([d for i, d in enumerate(data) if i not in held], kinds, active)
            cv.append(accuracy([data[i] for i in fold_ids], w, kinds))
        w = fit(data, kinds, active)
        print(f"{variant}: {len(data)} messages, training accuracy {accuracy(data, w, kinds):.1%}, "
              f"{args.folds}-fold cross-validated {float(np.mean(cv)):.1%}", flush=True)
        out[variant] = {kind: [round(float(v), 4) for v in w[i]] for i, kind in enumerate(KINDS)}
        if variant == "embeddings":
            out["complaint"] = fit_complaints(understanding, complaint_items())
        elif variant == "rules":
            out["complaint_rules"] = fit_complaints(understanding, complaint_items())
    target.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written {target}")


if __name__ == "__main__":
    main()
