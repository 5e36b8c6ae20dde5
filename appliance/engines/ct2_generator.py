"""Generator on CTranslate2 (e.g. Qwen2.5-7B-Instruct int8_float16): the model's own chat
template (Jinja, from tokenizer_config.json, rendered in a sandbox), token streaming with
UTF-8-safe deltas, and stop conditions (end-of-turn tokens, stop strings, max tokens)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment
from tokenizers import Tokenizer

from appliance.engines.base import ChatMessage, GenerationInfo
from appliance.engines.device import Device, compute_type, cpu_threads

JSON_INSTRUCTION = ("Chỉ trả lời bằng một đối tượng JSON hợp lệ theo lược đồ sau, không thêm lời nào khác:\n")


class ChatTemplate:
    def __init__(self, model_dir: Path):
        config = json.loads((model_dir / "tokenizer_config.json").read_text(encoding="utf-8"))
        template = config.get("chat_template")
        if isinstance(template, list):  # some models ship several named templates
            template = next((t["template"] for t in template if t.get("name") == "default"), template[0]["template"])
        if not template and (model_dir / "chat_template.jinja").is_file():
            template = (model_dir / "chat_template.jinja").read_text(encoding="utf-8")
        if not template:
            raise ValueError(f"{model_dir}: mô hình không có chat template")

        def _token(value: object) -> str:
            return str(value.get("content", "")) if isinstance(value, dict) else str(value or "")

        self.bos_token = _token(config.get("bos_token"))
        self.eos_token = _token(config.get("eos_token"))

        def raise_exception(message: str) -> None:
            raise ValueError(message)

        # The same environment transformers uses, so templates render exactly as the model was trained.
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                            extensions=["jinja2.ext.loopcontrols"])
        env.globals["raise_exception"] = raise_exception
        env.filters["tojson"] = lambda v, indent=None: json.dumps(v, ensure_ascii=False, indent=indent)
        self._template = env.from_string(template)

    def render(self, messages: Sequence[ChatMessage]) -> str:
        return self._template.render(messages=list(messages), add_generation_prompt=True, bos_token=self.bos_token,
                                     eos_token=self.eos_token, tools=None, documents=None, enable_thinking=False)


class CT2Generator:
    reports_usage = True  # fills GenerationInfo: finish reason and tokens generated

    def __init__(self, model_dir: Path, *, device: Device = "cpu", label: str = "llm", compute: str | None = None):
        import ctranslate2  # heavy optional runtime: loaded only when a generator model is first used

        self.device = device
        self.compute_type = compute or compute_type("generator", device)
        self._generator = ctranslate2.Generator(str(model_dir), device=device, compute_type=self.compute_type,
                                                intra_threads=cpu_threads() if device == "cpu" else 0)
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.template = ChatTemplate(model_dir)
        self.end_tokens = self._end_tokens(model_dir)
        self.name = f"ctranslate2:{label} ({device}, {self.compute_type})"
        self._lock = threading.Lock()

    def _end_tokens(self, model_dir: Path) -> list[str]:
        """End-of-turn tokens: the template's eos plus generation_config's eos ids (Qwen: <|im_end|>, <|endoftext|>)."""
        ends = [self.template.eos_token] if self.template.eos_token else []
        gen_config = model_dir / "generation_config.json"
        if gen_config.is_file():
            ids = json.loads(gen_config.read_text(encoding="utf-8")).get("eos_token_id", [])
            for token_id in [ids] if isinstance(ids, int) else ids:
                token = self._tokenizer.id_to_token(int(token_id))
                if token:
                    ends.append(token)
        for special in ("<|im_end|>", "<|endoftext|>", "<|eot_id|>"):
            if self._tokenizer.token_to_id(special) is not None:
                ends.append(special)
        return list(dict.fromkeys(ends))

    def prompt_tokens(self, messages: Sequence[ChatMessage]) -> list[str]:
        prompt = self.template.render(messages)
        ids = self._tokenizer.encode(prompt, add_special_tokens=False).ids
        return [self._tokenizer.id_to_token(i) for i in ids]

    def stream(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
               stop: Sequence[str] | None = None, info: GenerationInfo | None = None) -> Iterator[str]:
        info = info if info is not None else GenerationInfo()
        info.finish_reason, info.completion_tokens = "length", 0  # until an end token or a stop string shows
        tokens = self.prompt_tokens(messages)
        stops = [s for s in (stop or []) if s]
        holdback = max((len(s) for s in stops), default=1) - 1
        sampling: dict[str, float] = {"sampling_topk": 1} if temperature <= 0 else {
            "sampling_topk": 40, "sampling_topp": 0.95, "sampling_temperature": temperature}
        ids: list[int] = []
        emitted = 0
        with self._lock:  # one generation per model at a time; the server queue orders callers
            for step in self._generator.generate_tokens(tokens, max_length=max_tokens, end_token=self.end_tokens,
                                                        repetition_penalty=1.05, **sampling):
                if step.is_last and step.token in self.end_tokens:
                    info.finish_reason = "stop"
                    break  # CTranslate2 yields the end-of-turn token itself: never show it
                ids.append(step.token_id)
                info.completion_tokens = len(ids)
                text = self._tokenizer.decode(ids)
                if text.endswith("\ufffd"):
                    continue  # a multi-byte character is not complete yet
                cut = min((i for i in (text.find(s, max(0, emitted - holdback)) for s in stops) if i >= 0),
                          default=-1)
                if cut >= 0:
                    info.finish_reason = "stop"
                    if cut > emitted:
                        yield text[emitted:cut]
                    return
                safe = len(text) - holdback if stops else len(text)
                if safe > emitted:
                    yield text[emitted:safe]
                    emitted = safe
            text = self._tokenizer.decode(ids)
            if len(text) > emitted:
                yield text[emitted:]

    def chat(self, messages: Sequence[ChatMessage], *, max_tokens: int = 512, temperature: float = 0.0,
             stop: Sequence[str] | None = None, json_schema: dict[str, Any] | None = None,
             info: GenerationInfo | None = None) -> str:
        msgs = list(messages)
        if json_schema is not None:
            # CTranslate2 has no grammar-constrained decoding: ask for JSON; callers validate what comes back.
            instruction = JSON_INSTRUCTION + json.dumps(json_schema, ensure_ascii=False)
            if msgs and msgs[0].get("role") == "system":
                msgs[0] = {"role": "system", "content": msgs[0]["content"] + "\n\n" + instruction}
            else:
                msgs.insert(0, {"role": "system", "content": instruction})
        return "".join(self.stream(msgs, max_tokens=max_tokens, temperature=temperature, stop=stop,
                                   info=info)).strip()
