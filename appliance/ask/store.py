"""`ask_history`: the only module that writes it. Each leader sees their own last questions."""

from __future__ import annotations

import sqlite3
from typing import TypedDict


class HistoryItem(TypedDict):
    id: int
    at: str
    question: str
    answer: str
    status: str
    engine: str


def add(conn: sqlite3.Connection, user_id: int, question: str, answer: str, status: str, engine: str,
        sql: str) -> None:
    conn.execute("INSERT INTO ask_history (user_id, question, answer, status, engine, sql) VALUES (?,?,?,?,?,?)",
                 (user_id, question, answer, status, engine, sql))


def history(conn: sqlite3.Connection, user_id: int, limit: int) -> list[HistoryItem]:
    rows = conn.execute("SELECT id, at, question, answer, status, engine FROM ask_history WHERE user_id = ?"
                        " ORDER BY id DESC LIMIT ?", (user_id, limit))
    return [HistoryItem(id=r["id"], at=r["at"], question=r["question"], answer=r["answer"], status=r["status"],
                        engine=r["engine"]) for r in rows]
