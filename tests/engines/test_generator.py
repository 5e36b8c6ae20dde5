"""The CTranslate2 generator on a tiny random-weight Qwen2 (tests/engines/tiny_qwen2.py): load,
the model's chat template, streaming, stop strings, end-of-turn tokens and max_tokens."""

from __future__ import annotations

import json

import pytest

from appliance.engines.base import GenerationInfo
from appliance.engines.generation import GenerationFailure, chat_text

pytestmark = pytest.mark.slow
MESSAGES = [{"role": "system", "content": "Bạn là trợ lý."}, {"role": "user", "content": "Xin chào phường"}]


def test_chat_template_matches_transformers(tiny_generator, tiny_qwen2_dir):
    # transformers' apply_chat_template output, saved when tiny_qwen2.py built the model.
    reference = json.loads((tiny_qwen2_dir / "reference_prompt.json").read_text(encoding="utf-8"))
    assert reference["messages"] == MESSAGES
    expected = reference["prompt"]
    assert tiny_generator.template.render(MESSAGES) == expected
    assert expected.endswith("<|im_start|>assistant\n")
    tokens = tiny_generator.prompt_tokens(MESSAGES)
    assert tokens.count("<|im_start|>") == 3 and "<|im_end|>" in tokens  # special tokens stay whole
    # Without a system message the template adds its own default one.
    assert "Bạn là trợ lý của UBND phường." in tiny_generator.template.render(MESSAGES[1:])


def test_stream_joins_to_chat_and_yields_pieces(tiny_generator):
    whole = tiny_generator.chat(MESSAGES, max_tokens=24)
    pieces = list(tiny_generator.stream(MESSAGES, max_tokens=24))
    assert len(pieces) > 3
    assert "".join(pieces).strip() == whole and whole
    assert "<|im_end|>" not in whole


def test_max_tokens_bounds_the_answer(tiny_generator):
    short = tiny_generator._tokenizer.encode(tiny_generator.chat(MESSAGES, max_tokens=4)).ids
    longer = tiny_generator._tokenizer.encode(tiny_generator.chat(MESSAGES, max_tokens=20)).ids
    assert len(short) <= 6 < len(longer)


def test_stop_string_cuts_before_it(tiny_generator):
    full = "".join(tiny_generator.stream(MESSAGES, max_tokens=30))
    stop = full[len(full) // 2: len(full) // 2 + 3]
    assert len(stop) == 3
    cut = "".join(tiny_generator.stream(MESSAGES, max_tokens=30, stop=[stop]))
    assert cut == full[:full.find(stop)]


def test_end_of_turn_token_stops_generation(tiny_generator):
    ids = [step.token_id for step in tiny_generator._generator.generate_tokens(
        tiny_generator.prompt_tokens(MESSAGES), max_length=20, sampling_topk=1, repetition_penalty=1.05,
        end_token=tiny_generator.end_tokens)]
    token = tiny_generator._tokenizer.id_to_token(ids[5])
    first = ids.index(ids[5])
    saved = tiny_generator.end_tokens
    try:
        tiny_generator.end_tokens = [*saved, token]  # pretend this token ends the turn
        text = tiny_generator.chat(MESSAGES, max_tokens=20)
    finally:
        tiny_generator.end_tokens = saved
    assert text == tiny_generator._tokenizer.decode(ids[:first]).strip()


def test_json_schema_is_asked_for_in_the_system_message(tiny_generator, monkeypatch):
    seen = {}

    def fake_stream(messages, **kwargs):
        seen["messages"] = messages
        yield '{"ok": true}'

    monkeypatch.setattr(tiny_generator, "stream", fake_stream)
    assert tiny_generator.chat(MESSAGES, json_schema={"type": "object"}) == '{"ok": true}'
    assert seen["messages"][0]["role"] == "system" and '{"type": "object"}' in seen["messages"][0]["content"]
    assert "Bạn là trợ lý." in seen["messages"][0]["content"]


def test_sampling_with_temperature_runs(tiny_generator):
    assert isinstance(tiny_generator.chat(MESSAGES, max_tokens=8, temperature=0.8), str)


def test_generation_info_says_how_it_stopped(tiny_generator):
    info = GenerationInfo()
    tiny_generator.chat(MESSAGES, max_tokens=8, info=info)
    assert info == GenerationInfo(finish_reason="length", completion_tokens=8)
    ids = [step.token_id for step in tiny_generator._generator.generate_tokens(
        tiny_generator.prompt_tokens(MESSAGES), max_length=20, sampling_topk=1, repetition_penalty=1.05,
        end_token=tiny_generator.end_tokens)]
    saved = tiny_generator.end_tokens
    try:
        tiny_generator.end_tokens = [*saved, tiny_generator._tokenizer.id_to_token(ids[5])]
        info = GenerationInfo()
        tiny_generator.chat(MESSAGES, max_tokens=20, info=info)
    finally:
        tiny_generator.end_tokens = saved
    assert info.finish_reason == "stop" and info.completion_tokens == ids.index(ids[5])
    # The contract reads it: an answer cut at max_tokens is refused as truncated, with its token count.
    cut = chat_text(tiny_generator, MESSAGES, deadline_s=60, max_tokens=8, language="")
    assert isinstance(cut, GenerationFailure) and cut.reason == "truncated" and cut.tokens == 8

