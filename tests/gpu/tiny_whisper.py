"""Build a tiny random-weight Whisper in CTranslate2 format that carries the real Whisper
tokenizer, vocabulary and language/suppress settings of the packaged Whisper base: small enough
(a few MB) to travel to a lent GPU machine, where the 145 MB base model cannot.
Usage: python tests/gpu/tiny_whisper.py OUT_DIR"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path


def build(out: Path) -> Path:
    import ctranslate2
    import torch
    from transformers import WhisperConfig, WhisperForConditionalGeneration

    from appliance.engines.catalogue import find
    from appliance.engines.packaged import packaged_path

    base = packaged_path(find("whisper-base-ct2"))
    base_config = json.loads((base / "config.json").read_text(encoding="utf-8"))
    torch.manual_seed(4321)
    config = WhisperConfig(vocab_size=51865, num_mel_bins=80, d_model=64, encoder_layers=2, decoder_layers=2,
                           encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=128,
                           decoder_ffn_dim=128, max_source_positions=1500, max_target_positions=448,
                           suppress_tokens=base_config["suppress_ids"],
                           begin_suppress_tokens=base_config["suppress_ids_begin"],
                           decoder_start_token_id=50258, eos_token_id=50257, pad_token_id=50257)
    model = WhisperForConditionalGeneration(config)
    with tempfile.TemporaryDirectory() as tmp_name:
        hf = Path(tmp_name) / "hf"
        model.save_pretrained(hf)
        shutil.copyfile(base / "tokenizer.json", hf / "tokenizer.json")
        (hf / "tokenizer_config.json").write_text(json.dumps({"tokenizer_class": "PreTrainedTokenizerFast"}))
        ctranslate2.converters.TransformersConverter(str(hf), copy_files=["tokenizer.json"]).convert(
            str(out), quantization="int8", force=True)
    config_out = json.loads((out / "config.json").read_text(encoding="utf-8"))
    config_out["lang_ids"] = base_config["lang_ids"]  # the base model's language tokens: "vi" works
    (out / "config.json").write_text(json.dumps(config_out), encoding="utf-8")
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1])))
