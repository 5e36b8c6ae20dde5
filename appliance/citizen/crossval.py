"""Leave-one-batch-out evaluation of the citizen understanding on training data only: how the chat
would answer wording that neither the fusion model's fit nor the examples it is read against have
seen, and where its answers are right, unsure (a clarifying question) or confidently wrong.

Batches: the in-sample cases (tests/citizen/cases.py), the development set (tests/citizen/dev/), the
blind training batch of session 5 (data/train/citizen_questions.toml, also the examples), session 6's
training half (`s6`: data/train/citizen_questions_s6.toml with its complaints, complaints_train2.toml),
session 8's two writers' training halves (`s8`: data/train/citizen_questions_s8a.toml and _s8b.toml),
session 9's (`s9`: data/train/citizen_questions_s9a.toml and _s9b.toml), session 10's (`s10`: _s10a, _s10b,
_s10c), session 11's (`s11`: _s11a, _s11b) and any further
labelled TOML file given with `--extra NAME=PATH`. Neither s6, s8 nor s9 is an example or
in the shipped fusion fit, so "fit as shipped" reads them out of sample. Never the held-out or fresh
sets.

The later halves are never examples here (the chat has them as examples): the
configuration with them is measured leave-one-half-out by lobo_examples.py.

Each message's features are read against examples that leave its fold out (fit.examples); for each
batch the fusion model (both variants: rules + lexical, and with the embedder) is fit on the other
batches only, and the batch is read through the chat's decision rules (chat._act for a first
message: the embedder when the rules are below `escalate`, the thresholds of data/thresholds.toml).
`python -m appliance.citizen.crossval` prints right / unsure / wrong per batch for the three views
(procedure, question or complaint, out of scope named as a procedure) and a sweep of
`answer_procedure`; `--errors` lists every procedure question not answered right. docs/citizen.md
has the figures and what was tried with them.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from appliance.citizen import fit as fusion_fit
from appliance.citizen.understanding import EMBEDDING_FEATURES, FEATURES, KINDS, Understanding, thresholds

Item = tuple[str, str, str]  # text, intent, label (procedure code, FAQ topic, complaint category or "")
TRAIN_DIR = Path(__file__).with_name("data") / "train"
# Blind training halves that are neither examples nor fusion-fit data: batches of their own (each one
# writer's wording, or a session's writers together), read here only.
LATER_BATCHES = {"s6": ("citizen_questions_s6.toml", "complaints_train2.toml"),
                 "s8": ("citizen_questions_s8a.toml", "citizen_questions_s8b.toml"),
                 "s9": ("citizen_questions_s9a.toml", "citizen_questions_s9b.toml"),
                 "s10": ("citizen_questions_s10a.toml", "citizen_questions_s10b.toml",
                         "citizen_questions_s10c.toml"),
                 "s11": ("citizen_questions_s11a.toml", "citizen_questions_s11b.toml")}
VIEWS = ("procedure", "question_or_complaint", "out_of_scope_named")


@dataclass(frozen=True)
class Outcome:
    """One message read by a fusion model that never saw its batch."""

    batch: str
    item: Item
    label: str  # the best label
    confidence: float
    said: tuple[str, str]  # what the chat would conclude: (kind, label), kind "abstain" for a question back
    verdict: str  # right | unsure | wrong


def read_toml(path: Path) -> list[Item]:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    return [(str(m["text"]), str(m["intent"]), str(m.get("procedure") or m.get("faq") or m.get("category") or ""))
            for m in raw.get("message", []) if isinstance(m, dict) and m.get("text") and m.get("intent")]


def training_batches(extra: Mapping[str, Path] | None = None) -> dict[str, list[Item]]:
    """The labelled training data by batch (never the held-out sets)."""
    from appliance.citizen.phrasings import training_batch
    from appliance.knowledge.procedures import load_catalogue
    from appliance.text import fold
    from tests.citizen import cases, sets

    code_of = {fold(p.name): p.code for p in load_catalogue()}
    out: dict[str, list[Item]] = {
        "cases": [(q, "procedure", code_of[fold(n)]) for q, n in [*cases.QUESTIONS, *cases.HELD_OUT_QUESTIONS]]
        + [(t, "complaint", c) for t, c in [*cases.COMPLAINTS, *cases.HELD_OUT_COMPLAINTS]],
        "dev": [(m.text, m.intent, m.label) for m in [*sets.DEV_QUESTIONS, *sets.DEV_COMPLAINTS]],
        # Without the later halves (examples in the chat): here they are batches of their own.
        "train": [(m.text, m.intent, m.label) for m in training_batch(halves=False)],
    }
    for name, files in LATER_BATCHES.items():
        found = [TRAIN_DIR / f for f in files if (TRAIN_DIR / f).exists()]
        if found:
            out[name] = [item for path in found for item in read_toml(path)]
    for name, path in (extra or {}).items():
        out[name] = read_toml(path)
    return out


def decide(label: str, confidence: float, complaint_cue: bool, limits: Mapping[str, float]) -> tuple[str, str]:
    """What the chat says to a first message read as `label` (chat.ChatBot._act, no conversation yet
    and no ward-written FAQ entry): (kind, label), "abstain" for a clarifying question."""
    kind, _, rest = label.partition(":")
    if kind == "chitchat" and confidence >= min(limits["answer"], limits["chitchat"]):
        return "chitchat", ""
    if kind == "complaint" and (confidence >= limits["complaint"] or complaint_cue):
        return "complaint", ""
    if kind == "proc" and confidence >= limits["answer_procedure"]:
        return "procedure", rest
    if kind == "faq" and confidence >= limits["answer"]:
        return "faq", rest
    if kind == "oos" and confidence >= limits["out_of_scope"]:
        return "out_of_scope", ""
    if kind == "status" and confidence >= limits["status"]:
        return "status", ""
    return "abstain", ""


def verdict(intent: str, label: str, said: tuple[str, str]) -> str:
    """evaluation.judge's verdict for a first message (a complaint's category is not judged here)."""
    kind, got = said
    if kind == "complaint":
        return "right" if intent == "complaint" else "wrong"
    if kind == "abstain":
        return "unsure"
    if intent == "procedure":
        return "right" if said == ("procedure", label) else "wrong"
    if intent == "faq":
        return "right" if said == ("faq", label) or (label == "tra_cuu_ho_so" and kind == "status") else "wrong"
    if intent == "status":
        return "right" if kind == "status" or said == ("faq", "tra_cuu_ho_so") else "wrong"
    if intent == "out_of_scope":
        return "right" if kind == "out_of_scope" else "wrong"
    return "right" if kind == "chitchat" and intent == "chitchat" else "wrong"


def _active(variant: str) -> np.ndarray:
    active = np.ones(len(FEATURES))
    if variant == "rules":
        active[[FEATURES.index(name) for name in EMBEDDING_FEATURES]] = 0.0
    else:
        active[FEATURES.index("clf")] = 0.0  # the shipped embedding variant has no intent model
    return active


def _probabilities(x: np.ndarray, w: np.ndarray, kinds: np.ndarray) -> np.ndarray:
    s = np.einsum("nlf,lf->nl", x, w[kinds])
    s -= s.max(axis=1, keepdims=True)
    p = np.exp(s)
    return p / p.sum(axis=1, keepdims=True)


def leave_one_batch_out(understanding: Understanding, features: Mapping[str, list[fusion_fit.Example]],
                        batches: Mapping[str, Sequence[Item]], fit_on: Sequence[str],
                        limits: Mapping[str, float]) -> list[Outcome]:
    """Every batch read by fusion weights fit on the batches of `fit_on` other than itself."""
    kinds = np.array([KINDS.index(k) for k in understanding.kinds])
    cue = FEATURES.index("complaint_cue")
    with_embedder = understanding.semantic is not None
    out: list[Outcome] = []
    for name, examples in features.items():
        train = [e for other in fit_on if other != name for e in features[other] if e.gold.any()]
        x = np.stack([e.x for e in examples])
        rules = _probabilities(x, fusion_fit.fit(train, kinds, _active("rules")), kinds)
        p = rules
        if with_embedder:  # the embedder reads what the rules are unsure of (chat default)
            emb = _probabilities(x, fusion_fit.fit(train, kinds, _active("embeddings")), kinds)
            p = np.where(rules.max(axis=1, keepdims=True) < limits["escalate"], emb, rules)
        for n, item in enumerate(batches[name]):
            best = int(np.argmax(p[n]))
            label, confidence = understanding.labels[best], float(p[n, best])
            said = decide(label, confidence, bool(x[n, 0, cue]), limits)
            out.append(Outcome(name, item, label, confidence, said, verdict(item[1], item[2], said)))
    return out


def tally(outcomes: Sequence[Outcome]) -> dict[str, Counter[str]]:
    views: dict[str, Counter[str]] = {view: Counter() for view in VIEWS}
    for o in outcomes:
        intent = o.item[1]
        if intent == "procedure":
            views["procedure"][o.verdict] += 1
        kind = o.said[0]
        views["question_or_complaint"]["unsure" if kind == "abstain" else
                                       "right" if (kind == "complaint") == (intent == "complaint") else "wrong"] += 1
        if intent == "out_of_scope":
            views["out_of_scope_named"]["wrong" if kind == "procedure" else "right"] += 1
    return views


def line(name: str, outcomes: Sequence[Outcome]) -> str:
    t = tally(outcomes)
    cells = [f"{v} {c['right']}/{c['unsure']}/{c['wrong']} of {sum(c.values())}" for v, c in t.items()]
    return f"{name:<8} " + "  ".join(cells)


def features_by_batch(understanding: Understanding, batches: Mapping[str, Sequence[Item]]
                      ) -> dict[str, list[fusion_fit.Example]]:
    """Each message read against examples without its fold (one fold split over every batch)."""
    names = list(batches)
    items = [item for name in names for item in batches[name]]
    examples = fusion_fit.examples(understanding, items, keep_all=True)
    out: dict[str, list[fusion_fit.Example]] = {}
    start = 0
    for name in names:
        out[name] = examples[start:start + len(batches[name])]
        start += len(batches[name])
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extra", action="append", default=[], help="NAME=PATH of a labelled TOML batch")
    parser.add_argument("--rules-only", action="store_true", help="without the embedder (seconds, not minutes)")
    parser.add_argument("--errors", action="store_true", help="list every procedure question not answered right")
    args = parser.parse_args(argv)
    sys.path.insert(0, ".")
    extra = {k: Path(v) for k, v in (e.split("=", 1) for e in args.extra)}
    batches = training_batches(extra)
    understanding = fusion_fit.build(not args.rules_only, halves=False)  # the halves as examples: lobo_examples.py
    understanding.use_intent = False
    features = features_by_batch(understanding, batches)
    limits = dict(thresholds())
    shipped = ("cases", "dev", "train")
    for title, fit_on in (("fit as shipped (cases, dev, train)", shipped), ("fit on every batch", tuple(batches))):
        outcomes = leave_one_batch_out(understanding, features, batches, fit_on, limits)
        print(f"{title}, each batch read by a fit without it:")
        for name in batches:
            print("  " + line(name, [o for o in outcomes if o.batch == name]))
        print("  " + line("all", outcomes))
    for bar in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        outcomes = leave_one_batch_out(understanding, features, batches, shipped, {**limits, "answer_procedure": bar})
        print(f"answer_procedure {bar}: " + line("all", outcomes))
    if args.errors:
        outcomes = leave_one_batch_out(understanding, features, batches, shipped, limits)
        for o in outcomes:
            if o.item[1] == "procedure" and o.verdict != "right":
                print(f"{o.verdict:<6} {o.batch:<6} {o.item[2]:<10} {o.label:<16} {o.confidence:.2f} "
                      f"{o.item[0][:120]}")


if __name__ == "__main__":
    main()
