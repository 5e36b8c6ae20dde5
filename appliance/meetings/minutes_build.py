"""The biên bản's content from the transcript: the meeting's lines (sentences, with who said them), cut
into the agenda's items or found topics (`topics.py`), each written by the generator with citations
(`minutes_model.py`) or by extraction (`minutes_content.py`), and the people named as the directory names
them ("Trần Văn Hùng (Phòng Kinh tế, Hạ tầng và Đô thị)")."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

from appliance import ward
from appliance.config import Settings
from appliance.engines import engine
from appliance.engines.generation import GenerationFailure
from appliance.meetings import store
from appliance.meetings.minutes_content import Item, MinutesDraft, extractive
from appliance.meetings.minutes_model import ModelItem, write_item
from appliance.meetings.rows import MeetingRow
from appliance.meetings.topics import MIN_LINES, Line, Section, by_agenda, by_topic, vectors
from appliance.tasks import service as tasks

_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=\S)")
EXTRACTIVE = "extractive"


def meeting_lines(conn: sqlite3.Connection, meeting_id: int) -> list[Line]:
    """Every sentence of the transcript with its speaker's name and its transcript line's id."""
    names = store.speaker_names(conn, meeting_id)
    out: list[Line] = []
    for row in store.segment_rows(conn, meeting_id):
        who = names.get(row["speaker"], row["speaker"]) or "Người nói"
        for sentence in _SENTENCE.split(row["text"].strip()):
            if sentence.strip():
                out.append(Line(row["id"], who, sentence.strip(), float(row["start"])))
    return out


def transcript_paragraphs(conn: sqlite3.Connection, meeting_id: int) -> list[str]:
    names = store.speaker_names(conn, meeting_id)
    paragraphs: list[tuple[str, list[str]]] = []
    for row in store.segment_rows(conn, meeting_id):
        who = names.get(row["speaker"], row["speaker"] or "Người nói")
        if paragraphs and paragraphs[-1][0] == who:
            paragraphs[-1][1].append(row["text"])
        else:
            paragraphs.append((who, [row["text"]]))
    return [f"{who}: {' '.join(texts)}" for who, texts in paragraphs]


def transcript_text(conn: sqlite3.Connection, meeting_id: int) -> str:
    return "\n".join(transcript_paragraphs(conn, meeting_id))


def agenda_items(meeting: MeetingRow) -> list[str]:
    items = []
    for raw in (meeting["agenda"] or "").splitlines():
        text = re.sub(r"^\s*(?:[-•*]|\d+[.)]|[IVX]+\.)\s*", "", raw).strip()
        if text:
            items.append(text)
    return items


def people_labels(conn: sqlite3.Connection, names: set[str]) -> dict[str, str]:
    """How the biên bản names each speaker: with their unit when the directory knows them."""
    labels = {}
    for name in names:
        found = ward.match_person(conn, name) if not name.lower().startswith("người nói") else []
        if found and found[0].full_name == name and found[0].unit:
            labels[name] = f"{name} ({found[0].unit})"
        else:
            labels[name] = name
    return labels


def embed_ahead(conn: sqlite3.Connection, settings: Settings, meeting_id: int) -> int:
    """Embed a new transcript's sentences before build() asks (topics.vectors keeps them): the upload job
    calls this while its speakers are still being found in the background. Sentences are the same whoever
    said them, and e5 gives a sentence the same vector whatever else is in its batch (checked bit for bit,
    session 18), so the biên bản is unchanged. Returns the sentences embedded (0: build() would not ask)."""
    meeting = store.get_meeting(conn, meeting_id)
    embedder = engine(settings, "embedder")
    if meeting is None or meeting["minutes_json"] or embedder is None:
        return 0
    lines = meeting_lines(conn, meeting_id)
    if not agenda_items(meeting) and len(lines) < 2 * MIN_LINES:  # by_topic embeds nothing then
        return 0
    return len(vectors([ln.text for ln in lines], embedder))


def build(conn: sqlite3.Connection, settings: Settings, meeting: MeetingRow, *,
          use_generator: bool = True, use_embedder: bool = True) -> MinutesDraft:
    """`use_embedder=False`: word overlap instead of e5 (labelled so; the evaluation compares both)."""
    quotes = [t["quote"] for t in tasks.meeting_tasks(conn, meeting["id"])]
    if meeting["meeting_date"]:
        # A direction is not a task: "Kết luận" reads the rules' commitments before the task list's undated drops
        # (tasks/undated_drops.py: offers and namings nobody took up, with no date), not only the tasks stored
        # ("để chị đổi ca cho em", "tôi sẽ thông báo cho bà con biết" stand in it; session 18)
        quotes += tasks.commitments(conn, transcript_text(conn, meeting["id"]),
                                    dt.date.fromisoformat(meeting["meeting_date"]), title=meeting["title"])
    lines = meeting_lines(conn, meeting["id"])
    embedder = engine(settings, "embedder") if use_embedder else None
    agenda = agenda_items(meeting)
    sections: list[Section] = (by_agenda(lines, agenda, embedder) if agenda
                               else by_topic(lines, embedder, units=ward.units(conn)))
    split = ("theo chương trình họp thư ký nhập" if agenda else
             "theo chủ đề tìm trong lời họp" + (" (độ tương đồng e5)" if embedder is not None else
                                                " (trùng từ, chưa có mô hình véc-tơ)"))
    chair = meeting["chair"]
    people = people_labels(conn, {ln.speaker for ln in lines})
    generator = engine(settings, "generator") if use_generator else None
    items: list[Item] = []
    model_name, failures, dropped = "", [], 0
    for section in sections:
        written: ModelItem | GenerationFailure | None = None
        if generator is not None and section.lines:
            written = write_item(generator, section, chair, given=" ".join(people))
        if isinstance(written, ModelItem):
            items.append(written.item)
            model_name, dropped = written.engine, dropped + written.dropped
            continue
        if isinstance(written, GenerationFailure):
            failures.append(written.say())
            # A model that failed (down, busy, off-language, past its deadline) fails the next item the same
            # way: the rest are written by extraction at once instead of waiting for each.
            generator = None
        items.append(extractive(section, people, chair, embedder, quotes))
    if model_name and not failures:
        method = (f"Nội dung do mô hình ngôn ngữ tóm tắt ({model_name}), chia {split}; "
                  "mỗi câu dẫn dòng lời họp làm căn cứ.")
        used = model_name
    else:
        method = (f"Nội dung trích nguyên câu từ lời họp (phương pháp trích câu), chia {split}"
                  + (f"; dùng phương pháp trích câu vì {failures[0]}" if failures else "") + ".")
        used = EXTRACTIVE if not model_name else f"{model_name} + {EXTRACTIVE}"
    note = f"{dropped} câu bị bỏ vì không có căn cứ trong lời họp" if dropped else None
    return MinutesDraft(items, used, method, note)
