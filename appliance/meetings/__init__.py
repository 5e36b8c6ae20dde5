"""Smart meeting room: devices, crash-safe recorder, transcription, speakers, minutes, tasks."""
