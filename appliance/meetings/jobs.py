"""Job handlers of the meetings pipeline (run by `appliance worker`)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

from appliance.config import Settings
from appliance.engines import engine
from appliance.features import JobPayload
from appliance.jobs import JobContext, enqueue
from appliance.meetings import interim_store, pipeline, store
from appliance.meetings.minutes import write_minutes
from appliance.meetings.minutes_build import embed_ahead, transcript_text
from appliance.meetings.recount import recount_speakers
from appliance.meetings.retention import apply_retention
from appliance.meetings.wavfile import wav_frames
from appliance.tasks import service as tasks


def transcribe_segment(ctx: JobContext, payload: JobPayload) -> JobPayload:
    """Live captions: one closed segment, transcribed as soon as the recorder indexes it."""
    added = pipeline.transcribe_audio(ctx.conn, ctx.settings, int(payload["audio_id"]))
    return {"lines": added, "model": added is not None}


def finalize(ctx: JobContext, payload: JobPayload) -> JobPayload:
    """After stop: wait for the recorder's last segment, finish transcription, diarize, minutes, tasks."""
    conn, settings = ctx.conn, ctx.settings
    meeting_id = int(payload["meeting_id"])
    meeting = store.get_meeting(conn, meeting_id)
    if meeting is None:
        return {"missing": True}
    if not pipeline.recorder_done(conn, settings, meeting):
        enqueue(conn, "meetings.finalize", payload, delay_seconds=1)
        return {"waiting_for_recorder": True}
    interim_store.clear_interim(conn, meeting_id)  # the recorder is done: no open segment, no provisional words
    try:
        return run_steps(ctx, meeting_id, retranscribe=bool(payload.get("retranscribe")))
    except Exception as exc:
        store.set_status(conn, meeting_id, "failed", "Xử lý cuộc họp gặp lỗi; âm thanh vẫn được giữ. "
                         "Quản trị viên có thể chạy lại bằng `appliance meetings reprocess`.", error=str(exc)[:500])
        raise


def run_steps(ctx: JobContext, meeting_id: int, retranscribe: bool = False) -> JobPayload:
    conn, settings = ctx.conn, ctx.settings
    # Wall seconds of each step, kept in the job's result: a technician (and `make bench`) can tell whether a slow
    # meeting spent its time in Whisper or in the steps after it, instead of guessing.
    seconds: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        seconds[step] = round(seconds.get(step, 0.0) + now - clock, 3)
        clock = now

    if retranscribe and store.audio_rows(conn, meeting_id):  # without audio the text is all there is
        store.delete_unedited_lines(conn, meeting_id)
    pipeline.check_duration(conn, settings, meeting_id)
    rows = store.audio_rows(conn, meeting_id)
    # Speakers found while Whisper works, when there is transcription to overlap with (an upload).
    early = pipeline.start_diarization(conn, settings, meeting_id) if any(not r["transcribed"] for r in rows) else None
    lap("prepare")
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
    lap("transcribe")
    ctx.progress(0.6, "Đang phân biệt người nói")
    if early is not None and transcribed:  # the biên bản's e5 work, here while the diarizer finishes
        embed_ahead(conn, settings, meeting_id)
    lap("embed_ahead")
    diarizer = pipeline.diarize_meeting(conn, settings, meeting_id, early)
    lap("diarize_wait")
    ctx.progress(0.8, "Đang trích xuất nhiệm vụ")
    extract_meeting_tasks(conn, settings, meeting_id)
    lap("tasks")
    ctx.progress(0.9, "Đang lập biên bản")
    write_minutes(conn, settings, meeting_id)
    lap("minutes")
    if early is not None and early.took:
        seconds["diarize_background"] = early.took[0]  # overlapped with Whisper: not part of the sum above
    message = "Đã xong: biên bản và danh sách nhiệm vụ chờ xác nhận." if transcribed else pipeline.NO_MODEL
    store.set_status(conn, meeting_id, "done", message)
    return {"transcribed": transcribed, "diarizer": diarizer, "seconds": seconds}


def extract_meeting_tasks(conn: sqlite3.Connection, settings: Settings, meeting_id: int, *,
                          use_generator: bool = True) -> int:
    """Propose the tasks the transcript assigns (the tracker's service stores them): with the generator
    when one answers (every task quoting its sentence), else the rules engine, saying why."""
    meeting = store.get_meeting(conn, meeting_id)
    assert meeting is not None
    proposal = tasks.propose(conn, transcript_text(conn, meeting_id), dt.date.fromisoformat(meeting["meeting_date"]),
                             title=meeting["title"],
                             generator=engine(settings, "generator") if use_generator else None)
    store.update_meeting(conn, meeting_id, {"task_engine": proposal.engine, "task_note": proposal.note})
    return tasks.save_proposed(conn, meeting_id, proposal.tasks, proposal.engine)


def process_upload(ctx: JobContext, payload: JobPayload) -> JobPayload:
    """An uploaded recording: decode once to 16 kHz mono WAV, transcribe the whole file, then finalize."""
    conn, settings = ctx.conn, ctx.settings
    meeting_id = int(payload["meeting_id"])
    if not store.audio_rows(conn, meeting_id):
        ctx.progress(0.02, "Đang giải mã tệp âm thanh")
        dest = store.segment_path(settings, meeting_id, 1)
        try:
            pipeline.decode_upload(Path(payload["path"]), dest)
        except (ValueError, OSError) as exc:
            # A file ffmpeg cannot read will not read on a retry: the meeting says why and leaves "processing".
            store.set_status(conn, meeting_id, "failed", "Không giải mã được tệp ghi âm (tệp hỏng hoặc không phải "
                             "âm thanh); tệp gốc vẫn được giữ. Hãy tải lên lại tệp WAV, FLAC, MP3, M4A hoặc OGG.",
                             error=str(exc)[:500])
            return {"failed": "decode", "meeting_id": meeting_id}
        store.record_segment(conn, settings, meeting_id, 1, wav_frames(dest), transcribe=False)
    try:
        return run_steps(ctx, meeting_id)
    except Exception as exc:
        store.set_status(conn, meeting_id, "failed", "Xử lý tệp ghi âm gặp lỗi; tệp gốc vẫn được giữ.",
                         error=str(exc)[:500])
        raise


def refresh_minutes(ctx: JobContext, payload: JobPayload) -> JobPayload:
    """After transcript or speaker edits: tasks proposals and the biên bản follow the edited text."""
    meeting_id = int(payload["meeting_id"])
    meeting = store.get_meeting(ctx.conn, meeting_id)
    if meeting is None or meeting["status"] == "planned":
        # nothing was said yet: no tasks to propose, no biên bản; recording it brings both
        return {"skipped": "planned" if meeting else "missing"}
    extract_meeting_tasks(ctx.conn, ctx.settings, meeting_id)
    draft_id = write_minutes(ctx.conn, ctx.settings, meeting_id, regenerate=bool(payload.get("regenerate")))
    return {"draft_id": draft_id, "at": time.time()}


def recount(ctx: JobContext, payload: JobPayload) -> JobPayload:
    """The secretary gave the number of people who spoke: speakers found again, then tasks and biên bản."""
    conn, settings = ctx.conn, ctx.settings
    meeting_id, count = int(payload["meeting_id"]), int(payload["count"])
    if store.get_meeting(conn, meeting_id) is None:
        return {"missing": True}
    ctx.progress(0.1, f"Đang tách lại người nói ({count} người)")
    try:
        engine_line = recount_speakers(conn, settings, meeting_id, count)
    except LookupError as exc:  # nothing changed: the meeting stays as it was, and says why
        store.set_status(conn, meeting_id, "done", f"Không tách lại được người nói: {exc}")
        return {"failed": str(exc)}
    except Exception as exc:
        # The transcript and biên bản are whole: the meeting goes back to "done" (not stuck "processing", which
        # refuses another try), says so, and the job records the error.
        store.set_status(conn, meeting_id, "done", "Tách lại người nói gặp lỗi; cuộc họp giữ nguyên như trước. "
                         "Có thể thử lại.", error=str(exc)[:500])
        raise
    ctx.progress(0.7, "Đang cập nhật nhiệm vụ và biên bản")
    extract_meeting_tasks(conn, settings, meeting_id)
    write_minutes(conn, settings, meeting_id)
    store.set_status(conn, meeting_id, "done", f"Đã tách lại người nói theo số thư ký nhập: {count} người. "
                     "Biên bản và nhiệm vụ đã cập nhật; hãy kiểm tra tên từng người nói.")
    return {"diarizer": engine_line, "count": count}


def retention(ctx: JobContext, payload: JobPayload) -> JobPayload:
    return {"removed": apply_retention(ctx.conn, ctx.settings)}


HANDLERS = {
    "meetings.transcribe_segment": transcribe_segment,
    "meetings.finalize": finalize,
    "meetings.process_upload": process_upload,
    "meetings.refresh_minutes": refresh_minutes,
    "meetings.retention": retention,
    "meetings.recount_speakers": recount,
}
