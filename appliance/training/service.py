"""Training's rules: checking an exercise in the sandbox, the safe-use questions, each trainee's
progress, the trainer's table and the certificate list. Progress is kept in progress.db."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from appliance.config import Settings
from appliance.db import connect
from appliance.training import sandbox, store
from appliance.training.lessons import EXERCISES, LESSONS, Exercise
from appliance.training.mode import TrainingState


@dataclass(frozen=True)
class Completion:
    exercise: str
    evidence: str
    completed_at: str


@dataclass(frozen=True)
class Outcome:
    done: bool
    message: str  # Vietnamese: the evidence, or what is still missing
    wrong: tuple[str, ...] = ()  # safe-use questions answered wrongly


@dataclass(frozen=True)
class Trainee:
    username: str
    full_name: str
    unit: str
    done: Mapping[str, Completion]

    @property
    def complete(self) -> bool:
        return all(key in self.done for key in EXERCISES)

    @property
    def finished_at(self) -> str | None:
        return max(c.completed_at for c in self.done.values()) if self.complete else None


def progress(live: Settings, username: str) -> dict[str, Completion]:
    if not sandbox.progress_path(live).exists():
        return {}
    conn = store.open_db(sandbox.progress_path(live))
    try:
        rows = store.completions(conn, username)
    finally:
        conn.close()
    return {r["exercise"]: Completion(r["exercise"], r["evidence"], r["completed_at"]) for r in rows}


def _record(live: Settings, state: TrainingState, key: str, evidence: str) -> None:
    conn = store.open_db(sandbox.progress_path(live))
    try:
        store.record_completion(conn, state.username, state.full_name, state.unit, key, evidence)
    finally:
        conn.close()


def check_exercise(live: Settings, state: TrainingState, exercise: Exercise) -> Outcome:
    """Look in the sandbox for what the exercise asks; record it as done when found."""
    if exercise.check is None:
        raise ValueError(f"{exercise.key} is answered with questions, not checked")
    conn = connect(state.settings.db_path)
    try:
        evidence = exercise.check(conn, state.user)
    finally:
        conn.close()
    if evidence is None:
        return Outcome(False, "Chưa thấy việc này trong hộp cát. Hãy làm theo hướng dẫn rồi bấm «Kiểm tra» lần nữa.")
    _record(live, state, exercise.key, evidence)
    return Outcome(True, evidence)


def answer_questions(live: Settings, state: TrainingState, exercise: Exercise,
                     answers: Mapping[str, str]) -> Outcome:
    wrong = tuple(q.key for q in exercise.questions if answers.get(q.key) != str(q.answer))
    if wrong:
        return Outcome(False, f"Còn {len(wrong)} câu chưa đúng: đọc lại phần giải thích bên dưới.", wrong)
    evidence = f"Trả lời đúng {len(exercise.questions)}/{len(exercise.questions)} câu hỏi."
    _record(live, state, exercise.key, evidence)
    return Outcome(True, evidence)


def trainees(live: Settings) -> list[Trainee]:
    """Everybody who completed at least one exercise, with what they completed."""
    if not sandbox.progress_path(live).exists():
        return []
    conn = store.open_db(sandbox.progress_path(live))
    try:
        rows = store.completions(conn)
    finally:
        conn.close()
    people: dict[str, Trainee] = {}
    for r in rows:
        person = people.setdefault(r["username"], Trainee(r["username"], r["full_name"], r["unit"], {}))
        done = dict(person.done)
        done[r["exercise"]] = Completion(r["exercise"], r["evidence"], r["completed_at"])
        people[r["username"]] = Trainee(person.username, person.full_name, person.unit, done)
    return sorted(people.values(), key=lambda t: (not t.complete, t.full_name))


def exercise_columns() -> list[tuple[str, str, str]]:
    """(key, day, title) of every exercise, in course order: the trainer's table's columns."""
    return [(e.key, lesson.day, e.title) for lesson in LESSONS for e in lesson.exercises]


def reset_sandbox(live: Settings) -> None:
    """A fresh demo ward for the next course (progress is kept; trainees carry on in the new ward)."""
    sandbox.build(live)
