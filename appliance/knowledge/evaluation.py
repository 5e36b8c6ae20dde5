"""Recall@k and MRR@10 of the search over the shipped evaluation questions, and the "not found"
decision on questions the library can and cannot answer (right / unsure / confidently wrong)."""

from __future__ import annotations

import re
import sqlite3
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from appliance.engines import Embedder
from appliance.knowledge import relevance, store
from appliance.knowledge.search import search

EVAL_PATH = Path(__file__).resolve().parent / "data" / "eval_questions.toml"


@dataclass
class EvalReport:
    questions: int = 0
    recall_at_5: float = 0.0
    mrr_at_10: float = 0.0
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (question, expected, top 5)


@dataclass
class DecisionReport:
    """Answerable questions: right = the article shown in the top 5, unsure = "not found" said,
    wrong = other articles shown as the answer. Unanswerable: right = "not found", wrong = answered."""

    right: int = 0
    unsure: int = 0
    wrong: int = 0
    unanswerable_right: int = 0
    unanswerable_wrong: int = 0
    failures: list[str] = field(default_factory=list, repr=False)  # cases: never in an assertion's repr

    @property
    def total(self) -> int:
        return self.right + self.unsure + self.wrong + self.unanswerable_right + self.unanswerable_wrong


def load_questions(path: Path | None = None) -> list[tuple[str, str]]:
    with open(path or EVAL_PATH, "rb") as handle:
        return [(q, expected) for q, expected in tomllib.load(handle)["questions"]]


def load_unanswerable(path: Path | None = None) -> list[str]:
    """Questions the library has no official text for: search must say "not found"."""
    with open(path or EVAL_PATH, "rb") as handle:
        return [str(q) for q in tomllib.load(handle).get("unanswerable", [])]


# The writers name them "alternate: X", "alternate X", "alt X" or "alt \"X\"" (train14, 15, 18, 20 without the colon:
# read as no alternate until session 28, rule R7).
_ALTERNATE = re.compile(r"#.*?\b(?:alternates?|alt)\b:?\s*(.+)$")
_KEY = re.compile(r"[^\s|,;()\"']+\|\d+")


def load_alternates(path: Path | None = None) -> dict[str, list[str]]:
    """Articles that answer a question as well as its key, where the writer named them in a trailing comment
    ("… "60/2014/QH13|27"],  # alternate: 60/2014/QH13|7", or without the colon, or "alt"): the blind writers' files
    say so (session 13)."""
    found: dict[str, list[str]] = {}
    for line in Path(path or EVAL_PATH).read_text(encoding="utf-8").splitlines():
        match = _ALTERNATE.search(line)
        if not match or not line.lstrip().startswith("["):
            continue
        try:
            question = tomllib.loads("x = [\n" + line + "\n]")["x"][0][0]
        except (tomllib.TOMLDecodeError, IndexError, KeyError):
            continue
        found[str(question)] = _KEY.findall(match.group(1))
    return found


def _found(conn: sqlite3.Connection, question: str, embedder: Embedder | None, k: int = 10) -> list[str]:
    """"số ký hiệu|Điều" of the passages search returns, shown or only `nearest`."""
    result = search(conn, question, k, embedder=embedder)
    return [f"{h.number}|{h.article}" for h in (result.hits or result.nearest)]


def evaluate(conn: sqlite3.Connection, *, embedder: Embedder | None = None, path: Path | None = None,
             alternates: Mapping[str, list[str]] | None = None) -> EvalReport:
    """Ranking quality alone: where the expected article (or a named alternate) ranks, answered or not."""
    questions = load_questions(path)
    report = EvalReport(questions=len(questions))
    hits5, reciprocal = 0, 0.0
    for question, expected in questions:
        # A hit is a chunk (khoản) of the expected article at that rank among the returned chunks.
        found = _found(conn, question, embedder)
        keys = {expected, *(alternates or {}).get(question, [])}
        rank = next((i + 1 for i, key in enumerate(found) if key in keys), None)
        if rank is not None and rank <= 5:
            hits5 += 1
        else:
            report.misses.append((question, expected, found[:5]))
        if rank is not None and rank <= 10:
            reciprocal += 1 / rank
    report.recall_at_5 = hits5 / len(questions)
    report.mrr_at_10 = reciprocal / len(questions)
    return report


def decide(conn: sqlite3.Connection, *, path: Path | None = None, embedder: Embedder | None = None,
           alternates: Mapping[str, list[str]] | None = None) -> DecisionReport:
    """The "not found" decision on a question set (see DecisionReport); `alternates`: articles that answer a
    question as well as its key."""
    report = DecisionReport()
    for question, expected in load_questions(path):
        result = search(conn, question, 5, embedder=embedder)
        shown = [f"{h.number}|{h.article}" for h in result.hits]
        if not result.answered:
            report.unsure += 1
            report.failures.append(f"unsure: {question} ({result.confidence:.2f})")
        elif {expected, *(alternates or {}).get(question, [])} & set(shown):
            report.right += 1
        else:
            report.wrong += 1
            report.failures.append(f"wrong: {question} → {shown[:3]} (expected {expected})")
    for question in load_unanswerable(path):
        result = search(conn, question, 5, embedder=embedder)
        if result.answered:
            report.unanswerable_wrong += 1
            report.failures.append(f"answered unanswerable: {question} ({result.confidence:.2f}) → "
                                   f"{[h.citation for h in result.hits[:2]]}")
        else:
            report.unanswerable_right += 1
    return report


def relevance_samples(conn: sqlite3.Connection, *, path: Path | None = None) -> list[tuple[relevance.Features, bool]]:
    """(features of the top passages, whether they answer) for fitting relevance.COEFFICIENTS: an
    answerable question counts as answered when its article is among the top 5 passages."""
    samples = []
    for question, expected in load_questions(path):
        result = search(conn, question, 5)
        rows = store.chunks_with_documents(conn, [h.chunk_id for h in (result.hits or result.nearest)[:relevance.TOP]])
        features, _missing = relevance.features(conn, question, rows)
        shown = [f"{h.number}|{h.article}" for h in (result.hits or result.nearest)]
        samples.append((features, expected in shown))
    for question in load_unanswerable(path):
        result = search(conn, question, 5)
        rows = store.chunks_with_documents(conn, [h.chunk_id for h in (result.hits or result.nearest)[:relevance.TOP]])
        samples.append((relevance.features(conn, question, rows)[0], False))
    return samples
