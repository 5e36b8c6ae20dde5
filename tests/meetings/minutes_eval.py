"""The biên bản measured on meeting transcripts it was not written on: the held-out set of
tests/tasks/heldout (written blind for task extraction, frozen before any tuning) read as meetings.

Per meeting (no agenda given: the topics are found), the extractive minutes are scored on what a
secretary checks first:
- directions: of the tasks the answer key says were given, how many stand in an item's "Kết luận" (a
  conclusion that rests on the transcript line holding ≥ 80 % of the quote's words: the minutes trim "ừ",
  "nhé", so the line it cites is compared, not its wording);
- voices: of the named people who said something of substance, how many are named in some item;
- length: words of the body's items over words of the transcript (the transcript is not pasted).
Shared by tests/meetings/test_minutes_heldout.py and `make bench` (bench_meetings)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from appliance.config import Settings
from appliance.meetings import store
from appliance.meetings.jobs import extract_meeting_tasks
from appliance.meetings.minutes_build import build
from appliance.meetings.minutes_content import substantive
from appliance.meetings.rows import NewLine
from appliance.meetings.topics import Line
from appliance.text import fold_tokens
from tests.tasks.transcripts import Meeting


def store_meeting(conn: sqlite3.Connection, source: Meeting, **details: str) -> int:
    """The transcript as a processed meeting: one line per turn, 6 s apart, speakers named as written."""
    mid = store.create_meeting(conn, source.title, status="processing", meeting_date=source.date.isoformat())
    labels: dict[str, str] = {}
    lines, at = [], 0.0
    for raw in source.transcript.strip().splitlines():
        who, text = raw.split(":", 1)
        label = labels.setdefault(who.strip(), f"Người nói {len(labels) + 1}")
        store.add_speaker(conn, mid, label, who.strip(), "hand")
        lines.append(NewLine(at, at + 5, text.strip(), speaker=label))
        at += 6
    store.add_lines(conn, mid, lines)
    store.update_meeting(conn, mid, {"duration_s": at, **details})
    return mid


@dataclass
class MinutesScore:
    meetings: int = 0
    directions: int = 0
    directions_in_body: int = 0
    voices: int = 0
    voices_in_body: int = 0
    body_words: int = 0
    transcript_words: int = 0
    items: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def direction_recall(self) -> float:
        return self.directions_in_body / max(1, self.directions)

    @property
    def voice_recall(self) -> float:
        return self.voices_in_body / max(1, self.voices)

    @property
    def length_ratio(self) -> float:
        return self.body_words / max(1, self.transcript_words)

    def line(self, label: str) -> str:
        return (f"biên bản {label}: {self.meetings} meetings, {self.items / max(1, self.meetings):.1f} items each; "
                f"directions in Kết luận {self.directions_in_body}/{self.directions} ({self.direction_recall:.2f}); "
                f"speakers named {self.voices_in_body}/{self.voices} ({self.voice_recall:.2f}); "
                f"body/transcript words {self.length_ratio:.2f}")


def _covers(quote: str, texts: list[str]) -> bool:
    wanted = fold_tokens(quote)
    return any(sum(1 for w in wanted if w in set(fold_tokens(t))) >= 0.8 * len(wanted) for t in texts)


def score_minutes(conn: sqlite3.Connection, settings: Settings, meetings: list[Meeting], *,
                  use_embedder: bool) -> MinutesScore:
    result = MinutesScore()
    for source in meetings:
        # The chair as the secretary would enter it: here the one who speaks most (the first of them).
        turns = [raw.split(":", 1)[0].strip() for raw in source.transcript.strip().splitlines()]
        chair = max(dict.fromkeys(turns), key=turns.count)
        mid = store_meeting(conn, source, chair=chair)
        extract_meeting_tasks(conn, settings, mid, use_generator=False)
        meeting = store.get_meeting(conn, mid)
        assert meeting is not None
        draft = build(conn, settings, meeting, use_generator=False, use_embedder=use_embedder)
        said_in = {int(r["id"]): r["text"] for r in store.segment_rows(conn, mid)}
        conclusions = [c.text for item in draft.items for c in item.conclusions]
        cited = [" ".join(said_in.get(i, "") for i in c.sources) for item in draft.items for c in item.conclusions]
        points = [p.text for item in draft.items for p in item.points]
        result.meetings += 1
        result.items += len(draft.items)
        for task in source.tasks:
            result.directions += 1
            if _covers(task.quote, cited):
                result.directions_in_body += 1
            else:
                result.missed.append(f"{source.id}: {task.quote}")
        said: set[str] = set()
        for raw in source.transcript.strip().splitlines():
            who, text = (part.strip() for part in raw.split(":", 1))
            if not who.startswith("Người nói") and substantive(Line(0, who, text, 0.0)):
                said.add(who)
        result.voices += len(said)
        result.voices_in_body += sum(1 for who in said if any(t.startswith(who) for t in points + conclusions))
        result.body_words += sum(len(t.split()) for t in conclusions + points)
        result.transcript_words += len(source.transcript.split())
    return result
