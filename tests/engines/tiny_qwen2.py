"""Build a tiny random-weight Qwen2 chat model converted for CTranslate2, for the generator tests.

No hub access: a byte-level BPE tokenizer is trained here on a few Vietnamese sentences, the
Qwen2 architecture gets random weights (fixed seed), the ChatML template Qwen2.5 uses goes into
tokenizer_config.json, and ctranslate2's converter writes the model. The result is cached
(default ~/.cache/ward-appliance/test-models/) keyed by this file's hash, so runs after the
first take no time. Usage: python tests/engines/tiny_qwen2.py [OUT_DIR]  (prints the folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

CHATML = (
    "{%- for message in messages %}"
    "{%- if loop.first and message['role'] != 'system' %}"
    "{{- '<|im_start|>system\\nBạn là trợ lý của UBND phường.<|im_end|>\\n' }}"
    "{%- endif %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
CORPUS = [
    "Ủy ban nhân dân phường tiếp nhận hồ sơ đăng ký khai sinh trong ngày làm việc.",
    "Công dân nộp tờ khai, giấy chứng sinh và giấy tờ tùy thân tại bộ phận một cửa.",
    "Cuộc họp giao ban sáng thứ hai bàn về trật tự đô thị và vệ sinh môi trường.",
    "Phó Chủ tịch phụ trách kinh tế chỉ đạo hoàn thành báo cáo trước ngày 15.",
    "Người dân phản ánh tình trạng lấn chiếm vỉa hè trên đường Nguyễn Trãi.",
    "The quick brown fox jumps over the lazy dog 0123456789.",
]


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    return base / "ward-appliance" / "test-models" / f"qwen2-tiny-random-ct2-{digest}"


# The generator test checks our template rendering against transformers' own, rendered here at build
# time so the test itself need not import transformers.
REFERENCE_MESSAGES = [{"role": "system", "content": "Bạn là trợ lý."}, {"role": "user", "content": "Xin chào phường"}]


def build(out: Path) -> Path:
    if (out / "model.bin").is_file():
        return out
    import ctranslate2
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM
    torch.manual_seed(1234)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        hf_dir = tmp / "hf"
        tokenizer = Tokenizer(models.BPE())
        tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tokenizer.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(vocab_size=600, special_tokens=SPECIALS,
                                      initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
        tokenizer.train_from_iterator(CORPUS * 4, trainer)
        fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token="<|im_end|>", pad_token="<|endoftext|>")
        fast.chat_template = CHATML
        fast.save_pretrained(hf_dir)
        config = Qwen2Config(vocab_size=tokenizer.get_vocab_size(), hidden_size=64, intermediate_size=128,
                             num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                             max_position_embeddings=512, tie_word_embeddings=False,
                             eos_token_id=tokenizer.token_to_id("<|im_end|>"),
                             bos_token_id=tokenizer.token_to_id("<|endoftext|>"))
        model = Qwen2ForCausalLM(config)
        model.save_pretrained(hf_dir)
        # tokenizer_config.json must carry the template (newer transformers may write chat_template.jinja).
        tok_config_path = hf_dir / "tokenizer_config.json"
        tok_config = json.loads(tok_config_path.read_text(encoding="utf-8"))
        tok_config["chat_template"] = CHATML
        tok_config_path.write_text(json.dumps(tok_config, ensure_ascii=False, indent=1), encoding="utf-8")
        reference = {"messages": REFERENCE_MESSAGES, "prompt": fast.apply_chat_template(
            REFERENCE_MESSAGES, tokenize=False, add_generation_prompt=True)}
        staging = tmp / "ct2"
        converter = ctranslate2.converters.TransformersConverter(
            str(hf_dir), copy_files=["tokenizer.json", "tokenizer_config.json"])
        converter.convert(str(staging), quantization="int8", force=True)
        (staging / "reference_prompt.json").write_text(json.dumps(reference, ensure_ascii=False), encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        final_tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out.parent))
        shutil.rmtree(final_tmp)
        shutil.copytree(staging, final_tmp)
        try:
            os.rename(final_tmp, out)
        except OSError:
            shutil.rmtree(final_tmp, ignore_errors=True)
            if not (out / "model.bin").is_file():
                raise
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else cache_dir()
    print(build(target))
