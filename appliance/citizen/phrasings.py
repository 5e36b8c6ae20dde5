"""How citizens ask, as data: example questions per procedure, FAQ topics, out-of-scope topics,
status and chit-chat (data/understanding.toml), and the complaint examples of each category
(data/feedback_classifier.toml). The understanding layer indexes all of them lexically and by
embedding; labels are strings: "proc:<code>", "faq:<topic>", "oos:<topic>", "status", "chitchat",
"complaint:<category>".

A third source is the blind training batches (data/train/citizen_questions.toml and
data/complaints_train.toml, copied unchanged with their provenance): messages written by outside
writers who saw only the procedure list and the category table, each labelled with its intent.
They are examples like the others, and the fusion model (fit.py) is fit on them. The development
set (tests/citizen/dev/) is never an example (fit.py may fit on it; its thresholds are then chosen
by cross-validation).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from appliance.citizen.classify import seed as complaint_seed
from appliance.citizen.matching import Procedure, ProcedureIndex, normalize_query
from appliance.citizen.vocabulary import ELSEWHERE_DOCUMENTS, ELSEWHERE_NAMED, REQUEST_VERBS

DATA = Path(__file__).with_name("data") / "understanding.toml"
TRAIN = Path(__file__).with_name("data") / "train" / "citizen_questions.toml"
COMPLAINTS_TRAIN = Path(__file__).with_name("data") / "complaints_train.toml"
FAQ_LABELS = {
    "gio_lam_viec": "Giờ làm việc", "dia_chi": "Địa chỉ trụ sở", "so_dien_thoai": "Số điện thoại",
    "lich_tiep_cong_dan": "Lịch tiếp công dân", "nop_truc_tuyen": "Nộp hồ sơ trực tuyến",
    "tra_cuu_ho_so": "Tra cứu hồ sơ",
}


@dataclass(frozen=True)
class OutOfScope:
    topic: str
    label: str  # what it is, in Vietnamese ("hộ chiếu")
    where: str  # where to go, or "" when unknown
    cues: tuple[str, ...]  # folded phrases that name the topic


@dataclass(frozen=True)
class Phrasings:
    examples: tuple[tuple[str, str], ...]  # (label, text)
    faq_cues: dict[str, tuple[str, ...]]
    out_of_scope: dict[str, OutOfScope]
    status_cues: tuple[str, ...]

    def labels(self) -> list[str]:
        return sorted({label for label, _ in self.examples})


@lru_cache(maxsize=1)
def _raw() -> dict[str, object]:
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


def _section(name: str) -> dict[str, dict[str, object]]:
    """A table of tables ([procedure."khai sinh"], [faq.dia_chi]…)."""
    return {k: v for k, v in _table(name).items() if isinstance(v, dict)}


def _table(name: str) -> dict[str, object]:
    value = _raw().get(name, {})
    return value if isinstance(value, dict) else {}


def _texts(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


@dataclass(frozen=True)
class Written:
    """One message of the training batch: the writer's intent and label (procedure code, FAQ topic
    or complaint category; "" for out of scope, status and chit-chat)."""

    text: str
    intent: str  # procedure | faq | out_of_scope | status | chitchat | complaint
    label: str


def _written(path: Path) -> list[Written]:
    if not path.exists():  # a source checkout that predates the batch
        return []
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    items = raw.get("message", [])
    return [Written(str(m["text"]), str(m["intent"]),
                    str(m.get("procedure") or m.get("faq") or m.get("category") or ""))
            for m in items if isinstance(m, dict) and m.get("text") and m.get("intent")]


# The later writers' halves are examples AND fusion-fit data, read through weights refit against that larger
# index. Session 11's ten halves (sessions 6 to 10, SESSION11_REFIT: on since session 12 by rule R1) and session 12's
# half s12c with the complaint model's batches complaints_train{6_a,7_b,7_c} as fusion-fit data (never examples;
# SESSION13_REFIT: on by rule R1 at the end of session 13), weights data/fusion_s13.json (`python -m
# appliance.citizen.fit --session13 --no-intent`), procedure bar `answer_procedure_s13` (data/thresholds.toml).
# Both unconditional since session 16; session 10's halves as examples with the old weights (SESSION10_MORE_EXAMPLES,
# off since session 10) retired then (docs/citizen.md, Sessions 10-13 and 16).
# Session 15's refit (s14 a half too, data/fusion_s15.json) was off by rule R1 and retired in session 18; its halves
# (SESSION15_HALVES) stay as lobo_examples.py's historical configuration `s15`.
LATER_INTENTS = ("procedure", "faq", "out_of_scope", "status", "chitchat", "complaint")
SESSION10_HALVES = ("s6", "s8a", "s8b", "s9a", "s9b")
SESSION11_HALVES = (*SESSION10_HALVES, "s10a", "s10b", "s10c", "s11a", "s11b")
SESSION13_HALVES = (*SESSION11_HALVES, "s12c")
SESSION15_HALVES = (*SESSION13_HALVES, "s14")


def later_train() -> tuple[Path, ...]:
    """The later halves used as examples (session 13's: s6 to s12c)."""
    return tuple(TRAIN.with_name(f"citizen_questions_{batch}.toml") for batch in SESSION13_HALVES)


def training_batch(halves: bool = True) -> tuple[Written, ...]:
    """The blind training batches: citizen messages of every intent, and the complaints batch (the
    complaint model's training data, data/complaints_train.toml) that teaches what a complaint
    looks like against a question, and the later writers' citizen halves (`later_train`). `halves=False` leaves
    those out."""
    return _training_batch(later_train() if halves else ())


@lru_cache(maxsize=4)
def _training_batch(later: tuple[Path, ...]) -> tuple[Written, ...]:
    more = [w for path in later for w in _written(path) if w.intent in LATER_INTENTS]
    return (*_written(TRAIN), *_written(COMPLAINTS_TRAIN), *more)


def _oos_topic(text: str, out: dict[str, OutOfScope]) -> str:
    """The out-of-scope topic whose cue the message names (the writer labels only "out of scope"),
    so that the nearest example of a passport question still says where passports are made;
    "khac" (no "where" known) otherwise."""
    padded = f" {normalize_query(text)} "
    named = [(len(cue), topic) for topic, oos in out.items() for cue in oos.cues if f" {cue} " in padded]
    return max(named)[1] if named else "khac"


def _written_label(item: Written, codes: set[str], faq: set[str], out: dict[str, OutOfScope]) -> str | None:
    if item.intent == "procedure":
        return f"proc:{item.label}" if item.label in codes else None  # a code this catalogue lacks
    if item.intent == "faq":
        return f"faq:{item.label}" if item.label in faq else None
    if item.intent == "out_of_scope":
        return f"oos:{_oos_topic(item.text, out)}"
    if item.intent in ("status", "chitchat"):
        return item.intent
    if item.intent == "complaint" and item.label:
        return f"complaint:{item.label}"
    return None


def written_examples(path: Path, codes: set[str], faq: set[str], out: dict[str, OutOfScope]
                     ) -> tuple[tuple[str, str], ...]:
    """A later writer's training half as (label, text) examples (the intents of LATER_INTENTS)."""
    pairs = ((_written_label(w, codes, faq, out), w.text) for w in _written(path) if w.intent in LATER_INTENTS)
    return tuple((label, text) for label, text in pairs if label is not None)


def procedure_for(key: str, procedures: Iterable[Procedure]) -> Procedure | None:
    """The procedure whose folded official name contains `key` (the first, in catalogue order)."""
    return next((p for p in procedures if key in normalize_query(p.name)), None)


def elsewhere_cues(topic: str, procedures: Sequence[Procedure]) -> tuple[str, ...]:
    """The generated cues of an out-of-scope topic (vocabulary.ELSEWHERE_DOCUMENTS): a request verb
    with a document another office issues, and the documents named on their own. A cue that lies
    inside one of the catalogue's own procedure phrases is left out: the ward handles that."""
    cues = {f"{verb} {doc}" for verb in REQUEST_VERBS for doc in ELSEWHERE_DOCUMENTS.get(topic, ())}
    cues.update(ELSEWHERE_NAMED.get(topic, ()))
    own = [f" {' '.join(words)} " for words, _, _ in ProcedureIndex(procedures).phrases]
    return tuple(sorted(c for c in cues if not any(f" {c} " in phrase for phrase in own)))


def load(procedures: Sequence[Procedure], halves: bool = True) -> Phrasings:
    """Everything for this catalogue: examples of its procedures (its names and aliases count as
    examples too), of the FAQ topics, out-of-scope topics (their cues with other offices' documents,
    `elsewhere_cues`), status, chit-chat and complaints. `halves=False`: without the later writers' halves
    whatever the flags say (lobo_examples.py adds them itself, leaving the one it reads out)."""
    examples: list[tuple[str, str]] = []
    for proc in procedures:
        examples.append((f"proc:{proc.code}", proc.name))
        examples.extend((f"proc:{proc.code}", str(a)) for a in proc.data.get("aliases") or [])
    for name in ("procedure", "more"):
        for key, section in _section(name).items():
            found = procedure_for(key, procedures)
            if found is not None:
                examples.extend((f"proc:{found.code}", text) for text in _texts(section.get("examples")))
    faq_cues: dict[str, tuple[str, ...]] = {}
    for topic, section in _section("faq").items():
        faq_cues[topic] = tuple(normalize_query(c) for c in _texts(section.get("cues")))
        examples.extend((f"faq:{topic}", text) for text in _texts(section.get("examples")))
    for topic, section in _section("more_faq").items():
        examples.extend((f"faq:{topic}", text) for text in _texts(section.get("examples")))
    out: dict[str, OutOfScope] = {}
    for topic, section in _section("out_of_scope").items():
        written = tuple(normalize_query(c) for c in _texts(section.get("cues")))
        generated = tuple(c for c in elsewhere_cues(topic, procedures) if c not in written)
        out[topic] = OutOfScope(topic, str(section.get("label", topic)), str(section.get("where", "")),
                                written + generated)
        examples.extend((f"oos:{topic}", text) for text in _texts(section.get("examples")))
    more_oos = _table("more_oos").get("examples")
    for pair in more_oos if isinstance(more_oos, list) else []:
        if isinstance(pair, list) and len(pair) == 2 and str(pair[0]) in out:
            examples.append((f"oos:{pair[0]}", str(pair[1])))
    status = _table("status")
    examples.extend(("status", text) for text in _texts(status.get("examples")))
    examples.extend(("status", text) for text in _texts(_table("more_status").get("examples")))
    examples.extend(("chitchat", text) for text in _texts(_table("chitchat").get("examples")))
    examples.extend(("chitchat", text) for text in _texts(_table("more_chitchat").get("examples")))
    for category, data in complaint_seed().items():
        examples.extend((f"complaint:{category}", text) for text in data["examples"])
    codes = {p.code for p in procedures}
    for item in training_batch(halves):
        label = _written_label(item, codes, set(faq_cues), out)
        if label is not None:
            examples.append((label, item.text))
    return Phrasings(tuple(examples), faq_cues, out, tuple(normalize_query(c) for c in _texts(status.get("cues"))))
