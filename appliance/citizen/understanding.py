"""What a citizen's message means: intent first (procedure, FAQ, out of scope, status, chit-chat,
complaint), then which procedure, with a confidence the chatbot acts on.

Three signals per label ("proc:HT-KS", "faq:dia_chi", "oos:ho_chieu", "status", "chitchat",
"complaint"), each computed over folded, teencode-expanded text:
- rules: precise phrases (official names, aliases, colloquial terms, FAQ and out-of-scope cues); a
  phrase lying inside a longer matched phrase is ignored ("công chứng hộ chiếu" is a copy to certify,
  not a passport), the rest score by length squared;
- lexical: BM25 over words, word pairs and character trigrams of every label's examples;
- embedding: cosine of the nearest example (multilingual-e5-small), when an embedder is installed.
A small conditional-logit model (weights per kind of label, data/fusion.json, fit on the
development and in-sample sets by `python -m appliance.citizen.fit`) turns them into one
probability per label. The probability of the best label is the answer's confidence.
"""

from __future__ import annotations

import copy
import json
import math
import threading
import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from appliance.citizen import done_steps, elsewhere_errors, purpose, required_papers
from appliance.citizen.classify import CATEGORIES, Classification, FeedbackClassifier
from appliance.citizen.intent_model import IntentModel, load_or_fit
from appliance.citizen.lexical import LexicalIndex
from appliance.citizen.matching import PhraseSet, Procedure, ProcedureIndex, tokens
from appliance.citizen.on_behalf import ho_spellings, means_on_behalf
from appliance.citizen.phrasings import Phrasings
from appliance.citizen.record_corrections import boost as correction_boost
from appliance.citizen.record_corrections import correction_code
from appliance.citizen.semantic import BUSY_WAIT_S, SemanticIndex, cache_dir
from appliance.citizen.vocabulary import (
    ASPECTS,
    COMPLAINT_CUES,
    GREETINGS,
    IMPLIED_QUALIFIERS,
    QUALIFIERS,
    QUESTION_CUES,
    SMALL_TALK,
    THANKS,
)
from appliance.engines.base import Embedder

FUSION = Path(__file__).with_name("data") / "fusion.json"
# Session 11: weights refit against the index that holds the later writers' halves (phrasings.SESSION11_REFIT, served
# from session 12 until session 13's refit; lobo_examples.py's `served` configuration still reads it).
FUSION_S11 = Path(__file__).with_name("data") / "fusion_s11.json"
# Session 13: refit with session 12's citizen half and the later complaint batches too (served since session 13).
FUSION_S13 = Path(__file__).with_name("data") / "fusion_s13.json"
THRESHOLDS = Path(__file__).with_name("data") / "thresholds.toml"
KINDS = ("proc", "faq", "oos", "status", "chitchat", "complaint")
FEATURES = ("emb_gap", "emb", "lex", "rule", "rule_top", "question", "complaint_cue", "issue", "short", "bias",
            "clf")
EMBEDDING_FEATURES = ("emb_gap", "emb", "clf")  # zero without the embedder (the rules variant ignores them)
INTENT_OF = {"proc": "procedure", "faq": "faq", "oos": "out_of_scope", "status": "status", "chitchat": "chitchat",
             "complaint": "complaint"}
SINGLE_WORD_FACTOR = 0.6
NO_LABEL = "-"  # a phrase that only hides the shorter phrases inside it (PhraseRules)


def kind_of(label: str) -> str:
    return label.split(":", 1)[0]


@dataclass(frozen=True)
class Reading:
    """One message understood: the best label and its probability, and the runners-up."""

    intent: str  # procedure | faq | out_of_scope | status | chitchat | complaint
    label: str  # the best label ("proc:HT-KS", "faq:dia_chi", "complaint"…)
    confidence: float  # its probability under the fusion model
    ranked: list[tuple[str, float]]  # every label with its probability, best first
    qualifiers: list[str] = field(default_factory=list)
    aspects: list[str] = field(default_factory=list)
    complaint_cue: bool = False  # the citizen said it is a complaint ("phản ánh", "đề nghị xử lý"…)
    question: bool = False  # it is worded as a question
    engine: str = "rules"  # "rules+embeddings" when the embedder took part
    intent_model: bool = False  # the intent model (intent_model.py) took part too

    @property
    def code(self) -> str | None:
        """The procedure code when the best label is a procedure."""
        return self.label.split(":", 1)[1] if kind_of(self.label) == "proc" else None

    @property
    def topic(self) -> str | None:
        return self.label.split(":", 1)[1] if ":" in self.label and kind_of(self.label) != "proc" else None

    def procedures(self, limit: int = 3, floor: float = 0.02) -> list[tuple[str, float]]:
        """The likeliest procedures (code, probability), for a clarifying question."""
        found = [(label.split(":", 1)[1], p) for label, p in self.ranked if kind_of(label) == "proc" and p >= floor]
        return found[:limit]


def fusion_path() -> Path:
    """The weights that go with the examples phrasings.load gives (session 13's refit)."""
    return FUSION_S13


def _fusion() -> dict[str, object]:
    return fusion_at(fusion_path())


@lru_cache(maxsize=2)
def fusion_at(path: Path) -> dict[str, object]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, object] = json.load(fh)
    return data


def fusion_weights(path: Path | None = None) -> dict[str, dict[str, list[float]]]:
    """Each variant's weights per kind of label: of the file that goes with the flags, or of `path`."""
    data = fusion_at(path) if path is not None else _fusion()
    return {"embeddings": data["embeddings"], "rules": data["rules"],  # type: ignore[dict-item]
            "embeddings_intent": data.get("embeddings_intent", data["embeddings"])}  # type: ignore[dict-item]


def complaint_weights(with_embeddings: bool = True) -> dict[str, float]:
    """How the complaint category combines rules, TF-IDF and the embedding (fit.py writes them)."""
    raw = _fusion().get("complaint" if with_embeddings else "complaint_rules")
    return {str(k): float(v) for k, v in raw.items()} if isinstance(raw, dict) else {"emb": 0.0, "temperature": 1.0}


@lru_cache(maxsize=1)
def file_thresholds() -> dict[str, float]:
    """The confidence thresholds as data/thresholds.toml writes them (set on the development sets)."""
    with THRESHOLDS.open("rb") as fh:
        return {k: float(v) for k, v in tomllib.load(fh).items()}


def thresholds() -> dict[str, float]:
    """The confidence thresholds the chat acts on: the file's, with the procedure bar that goes with the
    session 13 weights (`answer_procedure_s13`; a fresh dict: callers may change it)."""
    limits = dict(file_thresholds())
    if "answer_procedure_s13" in limits:
        limits["answer_procedure"] = limits["answer_procedure_s13"]
    return limits


def procedure_threshold(reading: Reading) -> float:
    """The confidence at which a procedure's record is answered: `answer_procedure_model` when the
    embedder (and so the intent model) took part in the reading, else `answer_procedure`
    (data/thresholds.toml has how each was chosen)."""
    limits = thresholds()
    key = "answer_procedure_model" if reading.intent_model else "answer_procedure"
    return limits.get(key, limits["answer_procedure"])


def complaint_probabilities(scores: Mapping[str, float], emb: Mapping[str, float],
                            weights: Mapping[str, float]) -> dict[str, float]:
    """Per category: rules + TF-IDF (the classifier's score) plus the embedding's nearest example,
    through a softmax whose temperature was fit with the weights."""
    emb_w, temp = weights.get("emb", 0.0), weights.get("temperature", 1.0)
    best_emb = max(emb.values(), default=0.0)
    combined = {c: scores.get(c, 0.0) + emb_w * 10.0 * (emb.get(c, best_emb) - best_emb) for c in CATEGORIES}
    top = max(combined.values())
    exp = {c: math.exp(temp * (v - top)) for c, v in combined.items()}
    total = sum(exp.values())
    return {c: v / total for c, v in exp.items()}


class PhraseRules:
    """Precise phrases of every label in one pass, longest wins (see the module's doc)."""

    def __init__(self, index: ProcedureIndex, phrasings: Phrasings):
        phrases: list[tuple[tuple[str, ...], tuple[str, float]]] = []
        for words, code, factor in index.phrases:
            phrases.append((words, (f"proc:{code}", factor)))
        for topic, cues in phrasings.faq_cues.items():
            phrases.extend((tuple(c.split()), (f"faq:{topic}", 1.0)) for c in cues)
        for topic, oos in phrasings.out_of_scope.items():
            phrases.extend((tuple(c.split()), (f"oos:{topic}", 1.0)) for c in oos.cues)
        phrases.extend((tuple(c.split()), ("status", 1.0)) for c in phrasings.status_cues)
        self.index = index
        self.matcher: PhraseSet[tuple[str, float]] = PhraseSet(phrases)
        self.correction = correction_code(index.procedures)  # record_corrections.py (session 10)

    def scores(self, words: Sequence[str]) -> dict[str, float]:
        hits = self.matcher.find(words)
        kept = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0])
                                           for o in hits)]
        scores: dict[str, float] = {}
        seen: set[tuple[int, int, str]] = set()
        spans = [(start, end, label) for start, end, (label, _) in kept]
        done = done_steps.factors(spans, words)  # session 23: a step the citizen has done is not asked…
        done.update(required_papers.factors(spans, words))  # …nor a paper asked as required (session 23)
        done.update(elsewhere_errors.factors(spans, words))  # another office's paper's mistake (session 23)
        after = purpose.factors([h for h in spans if h not in done], words)  # …nor is it what a purpose serves (s19)
        for start, end, (label, factor) in kept:
            if label != NO_LABEL and (start, end, label) not in seen:
                seen.add((start, end, label))
                factor *= after.get((start, end, label), 1.0) * done.get((start, end, label), 1.0)
                scores[label] = scores.get(label, 0.0) + factor * (end - start) ** 2
        present = set(words)
        for label in scores:
            if kind_of(label) == "proc":
                code = label.split(":", 1)[1]
                if self.index.cues.get(code, set()) & present:
                    scores[label] += 3.0
        return correction_boost(scores, words, self.correction)


def _has(matcher: PhraseSet[None], words: Sequence[str]) -> bool:
    return matcher.any_in(words)


def _phrases(items: Sequence[str]) -> PhraseSet[None]:
    return PhraseSet((tuple(p.split()), None) for p in items)


_QUESTION = _phrases(QUESTION_CUES)
_COMPLAINT = _phrases(COMPLAINT_CUES)
_THANKS = _phrases(THANKS)
_SMALL_TALK = _phrases(SMALL_TALK)
_ASPECTS: PhraseSet[str] = PhraseSet((tuple(c.split()), a) for a, cues in ASPECTS.items() for c in cues)
_QUALIFIERS: PhraseSet[str] = PhraseSet((tuple(c.split()), q) for q, cues in QUALIFIERS.items() for c in cues)


def aspects_of(words: Sequence[str]) -> list[str]:
    found = {a for _, _, a in _ASPECTS.find(words)}
    return [a for a in ASPECTS if a in found]


def qualifiers_of(words: Sequence[str], procedure_name_folded: str = "", text: str = "") -> list[str]:
    """`text`: the message as typed, which tells "hộ" (on behalf) from "hồ sơ", "họ" (on_behalf.py)."""
    spellings = ho_spellings(text) if text else frozenset()
    found = {q for start, end, q in _QUALIFIERS.find(words) if means_on_behalf(words, start, end, spellings)}
    for key, implied in IMPLIED_QUALIFIERS.items():
        if key in procedure_name_folded:
            found -= implied  # a death registration is always about a death: nothing to add
    return [q for q in QUALIFIERS if q in found]


def is_chitchat(words: Sequence[str]) -> bool:
    if not words:
        return True
    if (_has(_THANKS, words) or _has(_SMALL_TALK, words)) and len(words) <= 8:
        return True
    return set(words) <= GREETINGS


class Understanding:
    def __init__(self, procedures: Sequence[Procedure], phrasings: Phrasings, *, embedder: Embedder | None = None,
                 classifier: FeedbackClassifier | None = None, semantic: SemanticIndex | None = None,
                 when_unsure: bool = False, labels: Sequence[str] | None = None, intent_model: bool = False,
                 intent_on_disk: bool = True):
        self.procedures = list(procedures)
        self.index = ProcedureIndex(self.procedures)
        self.by_code = self.index.by_code
        self.phrasings = phrasings
        self.rules = PhraseRules(self.index, phrasings)
        self.lexical = LexicalIndex(phrasings.examples)
        self.semantic = semantic or (SemanticIndex(embedder, phrasings.examples) if embedder is not None else None)
        # With `when_unsure`, a message is read by rules + lexical first and embedded only when that
        # reading is below thresholds()["escalate"]: the embedder's cost is paid on the few
        # messages it can help, not on every one (docs/citizen.md has the figures).
        self.when_unsure = when_unsure and self.semantic is not None
        self.classifier = classifier or FeedbackClassifier()
        # Out-of-scope topics and complaint categories compete as one label each (their best topic's
        # signals): they are one intent, and many topics would split its probability.
        own = [label for label in phrasings.labels() if kind_of(label) not in ("complaint", "oos")]
        self.labels = list(labels) if labels is not None else [*own, "oos", "complaint"]
        self.kinds = [kind_of(label) for label in self.labels]
        self._row = {label: i for i, label in enumerate(self.labels)}
        # The intent model (intent_model.py) over the embedder's vectors of the examples: fit at
        # its first use (seconds) or read from the disk cache; `intent_on_disk=False` keeps it in
        # memory only (fit.py's subsets, each fit once).
        # Off by default: measured once on held-out it answered more procedures right but named two more
        # wrong ones (docs/citizen.md); `intent_model=True` reads with it (fit.py, evaluations).
        self.use_intent = intent_model
        self._intent: IntentModel | None = None
        self._intent_lock = threading.Lock()
        self._intent_on_disk = intent_on_disk

    def intent_model(self) -> IntentModel | None:
        """The intent model over this understanding's examples (None without an embedder)."""
        if self.semantic is None or not self.use_intent:
            return None
        with self._intent_lock:
            if self._intent is None:
                examples, rows = [], []
                for i, (label, text) in enumerate(self.semantic.examples):
                    row = self._row_of(label)
                    if row is not None:
                        examples.append((self.labels[row], text))
                        rows.append(i)
                vectors = self.semantic.vectors[rows]
                self._intent = (load_or_fit(self.semantic.name, self.labels, examples, vectors, cache_dir())
                                if self._intent_on_disk else IntentModel(self.labels, examples, vectors))
            return self._intent

    def without(self, texts: Collection[str]) -> Understanding:
        """The same understanding with these texts taken out of its examples, over the same labels
        (fit.py reads each training message against the others, never against itself)."""
        phrasings = replace(self.phrasings, examples=tuple(e for e in self.phrasings.examples if e[1] not in texts))
        semantic = self.semantic.subset(phrasings.examples) if self.semantic is not None else None
        return Understanding(self.procedures, phrasings, classifier=self.classifier, semantic=semantic,
                             when_unsure=self.when_unsure, labels=self.labels, intent_model=self.use_intent,
                             intent_on_disk=False)

    def with_semantic(self, semantic: SemanticIndex, when_unsure: bool = False) -> Understanding:
        """This understanding with the embedding signal added (its vectors built in the background,
        public/preparing.py): the rules' and lexical indexes are shared, not built again."""
        out = copy.copy(self)
        out.semantic = semantic
        out.when_unsure = when_unsure
        return out

    def oos_topic(self, text: str) -> str:
        """Which out-of-scope topic: its precise cue, else the nearest example; "oos" when unknown."""
        rules = {k: v for k, v in self.rules.scores(tokens(text)).items() if kind_of(k) == "oos"}
        if rules:
            return max(rules, key=lambda k: rules[k])
        semantic = None if self.when_unsure else self.semantic  # a topic's name is not worth an embedding
        sims = {k: v for k, v in (semantic.scores(text) if semantic else {}).items() if kind_of(k) == "oos"}
        lex = {k: v for k, v in self.lexical.scores(text).items() if kind_of(k) == "oos"}
        pool = sims or lex
        return max(pool, key=lambda k: pool[k]) if pool else "oos"

    @property
    def engine(self) -> str:
        return "rules+embeddings" if self.semantic is not None else "rules"

    # --- features ---------------------------------------------------------------------------
    def _row_of(self, label: str) -> int | None:
        kind = kind_of(label)
        return self._row.get(kind if kind in ("complaint", "oos") else label)

    def features(self, text: str, *, embed: bool = True, sims: Mapping[str, float] | None = None,
                 vector: np.ndarray | None = None) -> np.ndarray:
        """One row per label (self.labels), one column per FEATURES name; `embed=False` leaves
        the embedding's columns at zero (the rules variant of the fusion model ignores them);
        `sims` and `vector`: the embedding's scores and the message's vector when the caller
        already has them."""
        words = tokens(text)
        x = np.zeros((len(self.labels), len(FEATURES)), dtype=np.float64)
        col = {name: i for i, name in enumerate(FEATURES)}
        if sims is None and self.semantic is not None and embed:
            vector = self.semantic.vector(text)
            sims = self.semantic.scores(text)  # the vector is cached: not embedded twice
        if sims is not None:
            model = self.intent_model()
            if model is not None and vector is not None:
                p = model.probabilities(text, vector)
                for i, label in enumerate(self.labels):
                    # log10 of the probability, floored at 10^-4, as 0..1: the fusion model's
                    # features are all about that size.
                    x[i, col["clf"]] = 1.0 + max(math.log10(max(p.get(label, 0.0), 1e-12)), -4.0) / 4.0
            for label, sim in sims.items():
                row = self._row_of(label)
                if row is not None:
                    x[row, col["emb"]] = max(x[row, col["emb"]], sim) if x[row, col["emb"]] else sim
            best = x[:, col["emb"]].max()
            x[:, col["emb_gap"]] = (x[:, col["emb"]] - best) * 10.0
            x[:, col["emb"]] = (x[:, col["emb"]] - 0.8) * 10.0
        for label, value in self.lexical.scores(text).items():
            row = self._row_of(label)
            if row is not None:
                x[row, col["lex"]] = max(x[row, col["lex"]], value)
        rules = self.rules.scores(words)
        top_by_kind: dict[str, float] = {}
        for label, score in rules.items():
            top_by_kind[kind_of(label)] = max(top_by_kind.get(kind_of(label), 0.0), score)
        overall = max(rules.values(), default=0.0)
        for label, score in rules.items():
            row = self._row_of(label)
            if row is None:
                continue
            x[row, col["rule"]] = max(x[row, col["rule"]], min(1.0, math.log1p(score) / math.log1p(16.0)))
            if score >= top_by_kind[kind_of(label)]:
                x[row, col["rule_top"]] = 1.0 if score >= overall else 0.5
        complaint = self._row["complaint"]
        issue = max(self.classifier.rule_scores(words).values(), default=0.0)
        x[complaint, col["rule"]] = min(1.0, math.log1p(issue) / math.log1p(16.0))
        chit = self._row.get("chitchat")
        if chit is not None and is_chitchat(words):
            x[chit, col["rule"]] = 1.0
            x[chit, col["rule_top"]] = 1.0
        question = "?" in text or _has(_QUESTION, words)
        cue = _has(_COMPLAINT, words)
        content = [w for w in words if w not in GREETINGS]
        x[:, col["question"]] = 1.0 if question else 0.0
        x[:, col["complaint_cue"]] = 1.0 if cue else 0.0
        x[:, col["issue"]] = min(1.0, math.log1p(issue) / math.log1p(16.0))
        x[:, col["short"]] = 1.0 if len(content) <= 3 else 0.0
        x[:, col["bias"]] = 1.0
        return x

    def probabilities(self, x: np.ndarray, weights: dict[str, list[float]] | None = None) -> np.ndarray:
        variant = "embeddings_intent" if self.use_intent else "embeddings"
        w = weights or fusion_weights()[variant if self.semantic is not None and not self.when_unsure else "rules"]
        scores = np.array([x[i] @ np.asarray(w[kind]) for i, kind in enumerate(self.kinds)])
        scores -= scores.max()
        p = np.exp(scores)
        return p / p.sum()

    # --- complaints -----------------------------------------------------------------------------
    def complaint_scores(self, text: str) -> tuple[dict[str, float], dict[str, float]]:
        """The classifier's per-category scores and the embedding's (nearest complaint example)."""
        scores, emb, _ = self._complaint_signals(text)
        return scores, emb

    def _complaint_signals(self, text: str, *, embed: bool = True) -> tuple[dict[str, float], dict[str, float],
                                                                            str | None]:
        base = self.classifier.classify(text)
        emb: dict[str, float] = {}
        if self.semantic is not None and embed:
            sims = self.semantic.scores(text)
            emb = {c: sims[f"complaint:{c}"] for c in CATEGORIES if f"complaint:{c}" in sims}
        return base.scores, emb, base.nearest

    def classify_complaint(self, text: str, *, second_opinion: bool = False) -> Classification:
        """The complaint's category and whether it waits "chờ phân loại": when its probability is
        below the threshold, or (`second_opinion`, settings.citizen_complaint_second_opinion) when
        the nearest examples alone name another category. The cue phrases were written on the
        development wording and make the probability confident even when they are wrong; the
        examples' own vote is a check they cannot outvote. It trades right answers for fewer wrong
        departments (docs/citizen.md, measured on the development and held-out sets), so the ward
        chooses it."""
        scores, emb, nearest = self._complaint_signals(text, embed=not self.when_unsure)
        p = complaint_probabilities(scores, emb, complaint_weights(bool(emb)))
        engine = self.engine if emb else "rules"
        if self.when_unsure and max(p.values()) < thresholds()["escalate"]:  # as `read` does
            scores, emb, nearest = self._complaint_signals(text)
            p = complaint_probabilities(scores, emb, complaint_weights(True))
            engine = self.engine
        best = max(CATEGORIES, key=lambda c: (p[c], c == "khac"))
        confidence = round(p[best], 3)
        doubtful = confidence < thresholds()["complaint_category"] or (second_opinion and nearest != best)
        return Classification(best, confidence, scores, engine=engine, pending=doubtful, nearest=nearest)

    # --- reading ------------------------------------------------------------------------------
    def _probabilities_of(self, text: str) -> tuple[np.ndarray, str]:
        """The fusion model's probabilities and the engine that gave them. A message the embedder
        cannot take within BUSY_WAIT_S (a burst of chats) is read by rules + lexical alone, as
        without an embedder: the chat stays fast under load, and the reading says so."""
        rules = fusion_weights()["rules"]
        if self.semantic is None:
            return self.probabilities(self.features(text), rules), "rules"
        plain: np.ndarray | None = None
        if self.when_unsure:
            plain = self.probabilities(self.features(text, embed=False), rules)
            if float(plain.max()) >= thresholds()["escalate"]:
                return plain, "rules"
        sims = self.semantic.scores_within(text, BUSY_WAIT_S)
        if sims is None:
            return (plain if plain is not None else self.probabilities(self.features(text, embed=False), rules)), \
                "rules"
        vector = self.semantic.vector(text, 0.0)  # cached by scores_within: never waits for the model
        weights = fusion_weights()["embeddings_intent" if self.use_intent else "embeddings"]
        return self.probabilities(self.features(text, sims=sims, vector=vector), weights), "rules+embeddings"

    def read(self, text: str) -> Reading:
        words = tokens(text)
        p, engine = self._probabilities_of(text)
        intent_model = self.use_intent and engine == "rules+embeddings"
        order = np.argsort(-p)
        ranked = [(self.labels[i], float(p[i])) for i in order]
        best, confidence = ranked[0]
        if best == "oos":
            best = self.oos_topic(text)
        kind = kind_of(best)
        name = self.by_code[best.split(":", 1)[1]].name if kind == "proc" else ""
        return Reading(intent=INTENT_OF[kind], label=best, confidence=confidence, ranked=ranked,
                       qualifiers=qualifiers_of(words, " ".join(tokens(name)), text),
                       aspects=aspects_of(words),
                       complaint_cue=_has(_COMPLAINT, words), question="?" in text or _has(_QUESTION, words),
                       engine=engine, intent_model=intent_model)
