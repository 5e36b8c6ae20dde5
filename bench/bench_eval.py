"""The evaluation sets through the fallback engines (the same code and figures as `appliance eval`,
which adds the model next to them), and the generation contract's overhead: chat_text / chat_json
against the same call made directly on the generator, over real HTTP to a loopback
OpenAI-compatible server, interleaved so machine load hits both sides alike."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from appliance.evaluation.model import Score
from appliance.evaluation.registry import find
from appliance.evaluation.report import fallback_scores
from appliance.text.formatting import format_percent
from bench.common import report

SCHEMA: dict[str, object] = {"type": "object", "required": ["points"],
                             "properties": {"points": {"type": "array", "items": {"type": "string"}}}}


def fallback_figures(keys: Sequence[str] | None = None) -> dict[str, Score]:
    """Right / unsure / wrong of the fallback engines per set: what `appliance eval` reports."""
    with tempfile.TemporaryDirectory() as tmp:
        return fallback_scores(find(keys), Path(tmp))


def print_figures(scores: dict[str, Score]) -> None:
    for key, s in scores.items():
        extra = "" if s.grounding_rate is None else f", căn cứ {format_percent(100 * s.grounding_rate)}"
        extra += "" if s.format_rate is None else f", đúng định dạng {format_percent(100 * s.format_rate)}"
        print(f"{key} (dự phòng): đúng {s.right}/{s.items} = {format_percent(100 * s.accuracy)}, chưa chắc "
              f"{s.unsure}, sai {s.wrong}{extra}", flush=True)


def contract_overhead(rounds: int = 60) -> None:
    from appliance.engines.base import ChatMessage, GenerationInfo
    from appliance.engines.generation import JsonResult, TextResult, chat_json, chat_text
    from tests.conftest import LiveServer
    from tests.engines.misbehaving import Misbehaving, create_misbehaving_app

    points = ["Hồ sơ gồm tờ khai và giấy chứng sinh.", "Thời hạn giải quyết là trong ngày làm việc.",
              "Không thu lệ phí đăng ký khai sinh đúng hạn."]
    state = Misbehaving(answer=lambda body: json.dumps({"points": points}, ensure_ascii=False)
                        if body.get("response_format") else " ".join(points))
    messages: list[ChatMessage] = [{"role": "user", "content": "Tóm tắt văn bản."}]
    with LiveServer(create_misbehaving_app(state)) as server:
        state.url = f"{server.url}/v1"
        generator = state.generator()
        raw_chat, raw_stream, contract_json, contract_text = [], [], [], []
        for _ in range(rounds):
            started = time.perf_counter()
            json.loads(generator.chat(messages, json_schema=SCHEMA, info=GenerationInfo()))
            raw_chat.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert isinstance(chat_json(generator, messages, schema=SCHEMA, deadline_s=30), JsonResult)
            contract_json.append(time.perf_counter() - started)
            started = time.perf_counter()
            "".join(generator.stream(messages, info=GenerationInfo()))
            raw_stream.append(time.perf_counter() - started)
            started = time.perf_counter()
            assert isinstance(chat_text(generator, messages, deadline_s=30, language=""), TextResult)
            contract_text.append(time.perf_counter() - started)
        state.release.set()
    report("chat_json (tách, kiểm lược đồ, luồng có hạn giờ) so với gọi thẳng chat + json.loads, trung vị",
           statistics.median(contract_json) * 1000, statistics.median(raw_chat) * 1000, target=1.5)
    report("chat_text (luồng, kiểm ngôn ngữ và lặp) so với đọc thẳng stream, trung vị",
           statistics.median(contract_text) * 1000, statistics.median(raw_stream) * 1000, target=1.5)


def main() -> None:
    print_figures(fallback_figures())
    contract_overhead()


if __name__ == "__main__":
    main()
