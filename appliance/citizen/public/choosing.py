"""With a generator installed, the model may choose among the likeliest readings of an unsure
message — only among their ids (a JSON enum), never inventing one; "none" or any failure of the
generation contract leaves the choice to the citizen (the clarifying question)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from appliance.engines import Generator
from appliance.engines.generation import GenerationFailure, chat_json

log = logging.getLogger(__name__)
PICK_DEADLINE_S = 2.5  # a citizen waits at most this long before the choices are shown instead
NONE = "none"


def pick_with_model(generator: Generator | None, message: str, options: Sequence[tuple[str, str]]) -> str | None:
    """One of `options` (id, title) the model is sure the message means, or None."""
    if generator is None or len(options) < 2:
        return None
    ids = [option_id for option_id, _ in options]
    listing = "\n".join(f"- {option_id}: {title}" for option_id, title in options)
    schema: dict[str, object] = {
        "type": "object", "additionalProperties": False, "required": ["choice"],
        "properties": {"choice": {"type": "string", "enum": [*ids, NONE]}}}
    messages = [
        {"role": "system", "content": (
            "Bạn giúp bộ phận một cửa UBND phường hiểu câu hỏi của người dân. Chọn đúng một mã trong danh sách "
            f"mà câu hỏi chắc chắn nói tới; nếu không chắc chắn, chọn \"{NONE}\". Chỉ trả lời bằng JSON.")},
        {"role": "user", "content": f"Câu hỏi: {message}\n\nCác lựa chọn:\n{listing}"},
    ]
    result = chat_json(generator, messages, schema=schema, deadline_s=PICK_DEADLINE_S, max_tokens=40)
    if isinstance(result, GenerationFailure):
        log.info("model choice not used (%s: %s); the citizen chooses", result.reason, result.detail)
        return None
    choice = result.value.get("choice")
    return choice if isinstance(choice, str) and choice in ids else None
