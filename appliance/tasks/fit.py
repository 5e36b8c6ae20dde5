"""Fit the task scorer (scorer.py) on every trainable transcript: `python -m appliance.tasks.fit`.

Each proposal the rules make on the development sets and the blind training batches is labelled right when
its (assignee, deadline) is one of the answer key's, as tests/tasks/transcripts.score counts it. The
regularisation and the drop threshold are chosen by leave-one-meeting-out cross-validation (a meeting's
proposals are scored by a model that never saw that meeting), then the model is fitted on all of them and
written to data/task_scorer.json. Deterministic: same transcripts, same weights. It reads the answer keys
from the source checkout's tests/tasks (they are not part of the installed appliance), hence the import of
the test helpers.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from appliance.db import connect, migrate
from appliance.tasks.extract import candidates
from appliance.tasks.roster import Roster
from appliance.tasks.scorer import FEATURES, WEIGHTS, features, fit
from appliance.tasks.service import ward_roster
from appliance.text import fold
from appliance.text.dates import WorkCalendar
from appliance.ward import work_calendar
from tests.tasks.transcripts import TRAINABLE, Meeting, load, load_staff

L2_GRID = (3e-3, 1e-2, 3e-2, 1e-1)
DROP_GRID = tuple(round(0.05 * i, 2) for i in range(1, 12))
REVIEW = 0.8  # below this probability (or doubted by the rules) a proposal is "cần xác nhận"


Row = tuple[str, list[float], int]  # (meeting id, features, right?)


def training_ward() -> tuple[Roster, WorkCalendar]:
    """The directory and working calendar the training transcripts were written against (the test
    ward's staff.md), read once into a throwaway database."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "fit.db")
        migrate(conn)
        load_staff(conn)
        roster, calendar = ward_roster(conn), work_calendar(conn)
        conn.close()
    return roster, calendar


def labelled(meetings: list[Meeting]) -> tuple[list[Row], int]:
    """The rules' proposals with their labels, and how many answer-key tasks there are."""
    roster, calendar = training_ward()
    rows: list[Row] = []
    for m in meetings:
        remaining = [(fold(t.assignee), t.deadline) for t in m.tasks]
        for task, candidate in candidates(m.transcript, m.date, calendar, roster=roster, title=m.title):
            pair = (fold(task.assignee), task.deadline)
            right = pair in remaining
            if right:
                remaining.remove(pair)
            rows.append((f"{m.date}/{m.id}", features(candidate), int(right)))
    return rows, sum(len(m.tasks) for m in meetings)


def cross_validated(rows: list[Row], l2: float) -> list[float]:
    """Each proposal's probability from a model fitted without its meeting."""
    out = [0.0] * len(rows)
    for meeting in sorted({r[0] for r in rows}):
        train = [r for r in rows if r[0] != meeting]
        w = fit([r[1] for r in train], [r[2] for r in train], l2=l2)
        for i, r in enumerate(rows):
            if r[0] == meeting:
                z = sum(a * b for a, b in zip(w, r[1], strict=True))
                out[i] = 1 / (1 + pow(2.718281828459045, -max(-30.0, min(30.0, z))))
    return out


def f1(rows: list[Row], probs: list[float], gold: int, drop: float) -> tuple[float, float, float]:
    kept = [r[2] for r, p in zip(rows, probs, strict=True) if p >= drop]
    tp = sum(kept)
    precision, recall = tp / max(1, len(kept)), tp / max(1, gold)
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args()
    sets = {f"{path.parent.name}/{path.stem}": load(path) for path in TRAINABLE}
    data = {name: labelled(meetings) for name, meetings in sets.items()}
    rows = [r for name in data for r in data[name][0]]
    gold = sum(g for _, g in data.values())
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    cv: dict[float, list[float]] = {}
    for l2 in L2_GRID:
        cv[l2] = cross_validated(rows, l2)
        for drop in DROP_GRID:
            score = f1(rows, cv[l2], gold, drop)[2]
            if score > best[0] + 1e-9:
                best = (score, l2, drop)
    _, l2, drop = best
    print(f"chosen by leave-one-meeting-out CV: l2={l2} drop={drop}")
    start = 0
    for name, (part, g) in data.items():
        probs = cv[l2][start:start + len(part)]
        start += len(part)
        rules = f1(part, [1.0] * len(part), g, 0.0)
        fitted = f1(part, probs, g, drop)
        print(f"{name}: rules P={rules[0]:.3f} R={rules[1]:.3f} F1={rules[2]:.3f}; "
              f"with the scorer (CV) P={fitted[0]:.3f} R={fitted[1]:.3f} F1={fitted[2]:.3f}")
    weights = fit([r[1] for r in rows], [r[2] for r in rows], l2=l2)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"features": FEATURES, "weights": [round(w, 6) for w in weights], "l2": l2,
                                    "drop": drop, "review": REVIEW, "proposals": len(rows)}, indent=1) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
