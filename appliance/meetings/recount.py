"""The secretary says how many people spoke: the speakers are found again with exactly that many voices.

The automatic count (the silhouette over the meeting's voices, bounded by the attendee list) can be wrong: two
similar voices merged (the session-19 study on Vietnamese read speech found voices merged, women against men),
or an attendee list typed short. Given the true count the same embeddings separate better (that study:
attribution 0,815 → 0,864 on its development speakers, 0,876 → 0,921 on its check speakers). The secretary
knows the count; one number fixes what renaming cannot.

Lines whose speaker a person chose keep it. A name given to a voice (by hand or by voice sample) goes to the new
voice that holds most of that voice's lines, when that is mutual; voice samples name the rest as usual."""

from __future__ import annotations

import sqlite3
from collections import Counter

from appliance import engines
from appliance.config import Settings
from appliance.engines.voiceprint import voice_encoder
from appliance.meetings import store
from appliance.meetings.pipeline import align_speakers, whole_meeting_wav
from appliance.meetings.voices import name_speakers

MAX_COUNT = 20


def carried_names(before: dict[int, str], after: dict[int, str]) -> dict[str, str]:
    """new label → old label whose name it takes: each one's best match by shared lines, both ways."""
    shared = Counter((before[i], after[i]) for i in after if i in before)
    best_new: dict[str, tuple[int, str]] = {}
    best_old: dict[str, tuple[int, str]] = {}
    for (old, new), n in sorted(shared.items()):
        if n > best_new.get(new, (0, ""))[0]:
            best_new[new] = (n, old)
        if n > best_old.get(old, (0, ""))[0]:
            best_old[old] = (n, new)
    return {new: old for new, (_n, old) in best_new.items() if best_old.get(old, (0, ""))[1] == new}


def recount_speakers(conn: sqlite3.Connection, settings: Settings, meeting_id: int, count: int) -> str:
    """Diarize the meeting again with exactly `count` voices; returns the engine line shown on the page.
    LookupError (in Vietnamese) when there is no diarizer, no audio or no transcript to assign."""
    if not 1 <= count <= MAX_COUNT:
        raise LookupError(f"Số người nói phải từ 1 đến {MAX_COUNT}.")
    rows = store.segment_rows(conn, meeting_id)
    if not rows:
        raise LookupError("Cuộc họp chưa có lời chép nào để gán người nói.")
    model = engines.engine(settings, "diarizer")
    if model is None:
        raise LookupError("Chưa cài mô hình phân biệt người nói.")
    wav = whole_meeting_wav(conn, settings, meeting_id)
    if wav is None or not wav.exists():
        raise LookupError("Cuộc họp không còn âm thanh (có thể đã quá thời hạn lưu trữ), không tách lại được.")
    turns = list(model.diarize(wav, num_speakers=count))
    # The new voices' labels must not meet the old ones (a name given to old "SPEAKER_01" is not the new one's).
    tag = f"N{count}_"
    turns = [engines.Turn(t.start, t.end, tag + t.speaker) for t in turns]
    before = {r["id"]: r["speaker"] for r in rows}
    kept = {r["id"]: r["speaker"] for r in rows if r["speaker"] and r["edited_at"]}
    lines = [(r["id"], r["start"], r["end"]) for r in rows]
    labels = align_speakers(lines, turns) | kept
    old_names = {s["label"]: s for s in store.speakers(conn, meeting_id)}
    found = {i: label for i, label in labels.items() if i not in kept}
    carry = carried_names({i: before[i] for i in found}, found)
    order: list[str] = []
    for seg_id, _s, _e in sorted(lines, key=lambda x: x[1]):
        if labels[seg_id] not in order:
            order.append(labels[seg_id])
    store.drop_speakers(conn, meeting_id, keep=set(kept.values()))
    store.set_line_speakers(conn, meeting_id, labels, order)
    for new, old in carry.items():
        named = old_names.get(old)
        if named is not None and named["source"] in ("hand", "voice"):
            store.set_speaker_name(conn, meeting_id, new, named["name"], named["source"])
    name_speakers(conn, meeting_id, wav, turns, encoder=voice_encoder(settings))
    engine_line = f"{model.name} · {count} người nói theo thư ký"
    store.update_meeting(conn, meeting_id, {"diarizer": engine_line})
    return engine_line
