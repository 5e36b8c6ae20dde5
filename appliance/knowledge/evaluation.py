"""Recall@k and MRR@10 of the search over the shipped evaluation questions."""

from __future__ import annotations

import sqlite3
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from appliance.engines import Embedder
from appliance.knowledge.search import search

EVAL_PATH = Path(__file__).resolve().parent / "data" / "eval_questions.toml"


@dataclass
class EvalReport:
    questions: int = 0
    recall_at_5: float = 0.0
    mrr_at_10: float = 0.0
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (question, expected, top 5)


def load_questions(path: Path | None = None) -> list[tuple[str, str]]:
    with open(path or EVAL_PATH, "rb") as handle:
        return [(q, expected) for q, expected in tomllib.load(handle)["questions"]]


def evaluate(conn: sqlite3.Connection, *, embedder: Embedder | None = None, path: Path | None = None) -> EvalReport:
    questions = load_questions(path)
    report = EvalReport(questions=len(questions))
    hits5, reciprocal = 0, 0.0
    for question, expected in questions:
        # A hit is a chunk (khoản) of the expected article at that rank among the returned chunks.
        found = [f"{h.number}|{h.article}" for h in search(conn, question, 10, embedder=embedder).hits]
        rank = found.index(expected) + 1 if expected in found else None
        if rank is not None and rank <= 5:
            hits5 += 1
        else:
            report.misses.append((question, expected, found[:5]))
        if rank is not None and rank <= 10:
            reciprocal += 1 / rank
    report.recall_at_5 = hits5 / len(questions)
    report.mrr_at_10 = reciprocal / len(questions)
    return report
