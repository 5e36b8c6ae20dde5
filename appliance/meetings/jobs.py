"""Job handlers of the meetings pipeline (run by `appliance worker`)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from appliance.jobs import JobContext, enqueue
from appliance.meetings import pipeline, store


def transcribe_segment(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """Live captions: one closed segment, transcribed as soon as the recorder indexes it."""
    added = pipeline.transcribe_audio(ctx.conn, ctx.settings, int(payload["audio_id"]))
    return {"lines": added, "model": added is not None}


def finalize(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """After stop: wait for the recorder's last segment, finish transcription, diarize, minutes, tasks."""
    conn, settings = ctx.conn, ctx.settings
    meeting_id = int(payload["meeting_id"])
    meeting = store.get_meeting(conn, meeting_id)
    if meeting is None:
        return {"missing": True}
    if not pipeline.recorder_done(conn, settings, meeting):
        enqueue(conn, "meetings.finalize", payload, delay_seconds=1)
        return {"waiting_for_recorder": True}
    try:
        return run_steps(ctx, meeting_id, retranscribe=bool(payload.get("retranscribe")))
    except Exception as exc:
        store.set_status(conn, meeting_id, "failed", "Xử lý cuộc họp gặp lỗi; âm thanh vẫn được giữ. "
                         "Quản trị viên có thể chạy lại bằng `appliance meetings reprocess`.", error=str(exc)[:500])
        raise


def run_steps(ctx: JobContext, meeting_id: int, retranscribe: bool = False) -> dict[str, Any]:
    conn, settings = ctx.conn, ctx.settings
    if retranscribe and store.audio_rows(conn, meeting_id):  # without audio the text is all there is
        conn.execute("DELETE FROM meeting_segments WHERE meeting_id = ? AND edited_at IS NULL", (meeting_id,))
    pipeline.check_duration(conn, settings, meeting_id)
    rows = store.audio_rows(conn, meeting_id)
    transcribed = True
    for index, row in enumerate(rows):
        ctx.progress(0.6 * index / max(1, len(rows)), "Đang chép lời")
        if pipeline.transcribe_audio(conn, settings, row["id"]) is None:
            transcribed = False
            break
    meeting = store.get_meeting(conn, meeting_id)
    if transcribed and meeting is not None and meeting["source"] == "live":
        ctx.progress(0.4, "Đang chép lời toàn bộ cuộc họp cho biên bản")
        pipeline.final_pass(conn, settings, meeting_id)
    ctx.progress(0.6, "Đang phân biệt người nói")
    diarizer = pipeline.diarize_meeting(conn, settings, meeting_id)
    ctx.progress(0.8, "Đang trích xuất nhiệm vụ")
    extract_meeting_tasks(conn, meeting_id)
    ctx.progress(0.9, "Đang lập biên bản")
    from appliance.meetings.minutes import write_minutes

    write_minutes(conn, settings, meeting_id)
    message = "Đã xong: biên bản và danh sách nhiệm vụ chờ xác nhận." if transcribed else pipeline.NO_MODEL
    store.set_status(conn, meeting_id, "done", message)
    return {"transcribed": transcribed, "diarizer": diarizer}


def extract_meeting_tasks(conn: Any, meeting_id: int) -> int:
    from appliance.meetings.minutes import transcript_text
    from appliance.tasks.service import extract, save_proposed

    meeting = store.get_meeting(conn, meeting_id)
    assert meeting is not None
    tasks, engine = extract(transcript_text(conn, meeting_id), dt.date.fromisoformat(meeting["meeting_date"]))
    conn.execute("UPDATE meetings SET task_engine = ? WHERE id = ?", (engine, meeting_id))
    return save_proposed(conn, meeting_id, tasks, engine)


def process_upload(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """An uploaded recording: decode once to 16 kHz mono WAV, transcribe the whole file, then finalize."""
    conn, settings = ctx.conn, ctx.settings
    meeting_id = int(payload["meeting_id"])
    if not store.audio_rows(conn, meeting_id):
        ctx.progress(0.02, "Đang giải mã tệp âm thanh")
        dest = store.segment_path(settings, meeting_id, 1)
        pipeline.decode_upload(Path(payload["path"]), dest)
        from appliance.meetings.wavfile import wav_frames

        store.record_segment(conn, settings, meeting_id, 1, wav_frames(dest), transcribe=False)
    try:
        return run_steps(ctx, meeting_id)
    except Exception as exc:
        store.set_status(conn, meeting_id, "failed", "Xử lý tệp ghi âm gặp lỗi; tệp gốc vẫn được giữ.",
                         error=str(exc)[:500])
        raise


def refresh_minutes(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    """After transcript or speaker edits: tasks proposals and the biên bản follow the edited text."""
    from appliance.meetings.minutes import write_minutes

    meeting_id = int(payload["meeting_id"])
    extract_meeting_tasks(ctx.conn, meeting_id)
    result = write_minutes(ctx.conn, ctx.settings, meeting_id)
    return {"draft_id": result.get("id"), "at": time.time()}


def retention(ctx: JobContext, payload: dict[str, Any]) -> dict[str, Any]:
    from appliance.meetings.retention import apply_retention

    return {"removed": apply_retention(ctx.conn, ctx.settings)}


HANDLERS = {
    "meetings.transcribe_segment": transcribe_segment,
    "meetings.finalize": finalize,
    "meetings.process_upload": process_upload,
    "meetings.refresh_minutes": refresh_minutes,
    "meetings.retention": retention,
}
