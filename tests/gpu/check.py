"""GPU check of the engines, run by tests/gpu/check.sh on a lent GPU machine (or with --device cpu
here as a dry run of the same code). Proves the CUDA paths: the registry picks CUDA and the compute
types of appliance/engines/device.py, the CUDA backends load, the same transcription and the same
generation come out on the GPU as on the CPU, and prints speed figures as GPU/CPU ratios.
The models are tiny random-weight ones (tests/gpu/prepare.sh), so only the ratios and the
agreement mean anything, not the text."""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import shutil
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any


def stub_missing(name: str, reason: str) -> None:
    """faster-whisper imports av (decoding) and huggingface_hub (downloads) at import time; neither is
    used here (audio is decoded from WAV with the standard library, models are local folders), and
    neither can travel with the carry limit. A stub that raises on use also proves no download runs."""
    if importlib.util.find_spec(name) is not None:
        return
    module = types.ModuleType(name)

    def _refuse(attr: str) -> Any:
        raise RuntimeError(f"{name}.{attr} used on the GPU check machine: {reason}")
    module.__getattr__ = _refuse  # type: ignore[method-assign]
    sys.modules[name] = module


def read_wav(path: Path) -> Any:
    import wave

    import numpy as np

    with wave.open(str(path)) as wav:
        rate, frames = wav.getframerate(), wav.readframes(wav.getnframes())
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
    if rate != 16000:  # espeak-ng writes 22050 Hz: linear resampling is enough for a check
        positions = np.arange(0, len(samples), rate / 16000)
        samples = np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
    return samples


def timed(fn: Any, repeat: int = 3) -> tuple[Any, float]:
    fn()  # warm-up (CUDA kernels, allocator)
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return result, best


def sha256sums(bundle: Path) -> None:
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in sorted(bundle.iterdir())
             if p.is_file() and p.name != "SHA256SUMS"]
    (bundle / "SHA256SUMS").write_text("\n".join(lines) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--carry", default=".cache/gpu-carry")
    parser.add_argument("--out", default="/tmp/gpu-out")
    parser.add_argument("--device", default="cuda", choices=["cuda", "cpu"])
    args = parser.parse_args()
    carry, out = Path(args.carry), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stub_missing("av", "audio is passed as numpy arrays")
    stub_missing("huggingface_hub", "models load from local folders only")

    import ctranslate2

    from appliance.config import Settings
    from appliance.engines.ct2_generator import CT2Generator
    from appliance.engines.device import compute_type, cuda_device_count, onnx_providers, resolve_device
    from appliance.engines.faster_whisper_backend import FasterWhisperTranscriber

    figures: dict[str, Any] = {"ctranslate2": ctranslate2.__version__, "cuda_devices": cuda_device_count(),
                               "onnx_providers_for_cuda": onnx_providers("cuda")}
    device = resolve_device("auto")
    figures["resolve_device(auto)"] = device
    ok = True
    if args.device == "cuda" and device != "cuda":
        print("FAIL: no CUDA device visible to CTranslate2 (check LD_LIBRARY_PATH, see shared/GPU.md)")
        return 1
    target = args.device
    print(json.dumps(figures, indent=1))

    # --- transcription: the same audio, CPU vs target -------------------------------------------
    audio = read_wav(carry / "speech.wav")
    duration = len(audio) / 16000
    whisper_dir = carry / "models" / "tiny-whisper-ct2"
    cpu_asr = FasterWhisperTranscriber(whisper_dir, device="cpu", label="tiny-whisper", compute="int8")
    started = time.perf_counter()
    dev_asr = FasterWhisperTranscriber(whisper_dir, device=target, label="tiny-whisper")
    figures["asr_load_s"] = round(time.perf_counter() - started, 2)
    figures["asr_compute_type"] = dev_asr.compute_type
    # Greedy, no temperature fallback, bounded length: random weights would otherwise sample and ramble.
    fixed = {"temperature": 0.0, "max_new_tokens": 32, "beam_size": 1}
    cpu_segments, cpu_t = timed(lambda: cpu_asr.transcribe(audio, vad=False, **fixed))
    dev_segments, dev_t = timed(lambda: dev_asr.transcribe(audio, vad=False, **fixed))
    cpu_text, dev_text = " ".join(s.text for s in cpu_segments), " ".join(s.text for s in dev_segments)
    figures |= {"asr_rtf_cpu": round(cpu_t / duration, 4), f"asr_rtf_{target}": round(dev_t / duration, 4),
                "asr_speedup": round(cpu_t / dev_t, 2), "asr_same_text": cpu_text == dev_text,
                "asr_text_cpu": cpu_text[:80], f"asr_text_{target}": dev_text[:80]}
    vad_segments = dev_asr.transcribe(audio, vad=True, **fixed)  # Silero VAD (onnxruntime) in front of the GPU model
    figures["asr_vad_segments"] = len(vad_segments)

    # --- generation: greedy, same prompt, CPU int8 vs target in each compute type ----------------
    qwen_dir = carry / "models" / "tiny-qwen2-ct2"
    messages = [{"role": "user", "content": "Tóm tắt cuộc họp giao ban."}]
    cpu_gen = CT2Generator(qwen_dir, device="cpu", label="tiny-qwen2", compute="int8")
    cpu_answer, cpu_gt = timed(lambda: cpu_gen.chat(messages, max_tokens=64))
    tokens = len(cpu_gen._tokenizer.encode(cpu_answer).ids) or 1
    figures["gen_tokens"] = tokens
    figures["gen_tok_s_cpu_int8"] = round(tokens / cpu_gt)
    types_to_try = ["float16", "int8_float16", "int8"] if target == "cuda" else ["int8", "float32"]
    for ctype in types_to_try:
        try:
            gen = CT2Generator(qwen_dir, device=target, label="tiny-qwen2", compute=ctype)
            answer, gt = timed(lambda gen=gen: gen.chat(messages, max_tokens=64))
            streamed = "".join(gen.stream(messages, max_tokens=64)).strip()
            figures[f"gen_tok_s_{target}_{ctype}"] = round(tokens / gt)
            figures[f"gen_{ctype}_same_as_cpu"] = answer == cpu_answer
            figures[f"gen_{ctype}_stream_equals_chat"] = streamed == answer
            ok &= streamed == answer
        except Exception as exc:
            figures[f"gen_{target}_{ctype}"] = f"ERROR {type(exc).__name__}: {exc}"
            ok = False

    # --- the registry on this device: install both as production bundles, let it choose -----------
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        usb = tmp / "usb"
        asr_bundle, gen_bundle = usb / "whisper-large-v3-ct2", usb / "qwen2.5-7b-instruct-ct2"
        shutil.copytree(whisper_dir, asr_bundle)
        (asr_bundle / "preprocessor_config.json").write_text('{"feature_size": 80, "sampling_rate": 16000}')
        shutil.copytree(qwen_dir, gen_bundle)
        (gen_bundle / "generation_config.json").write_text('{"eos_token_id": []}')
        for bundle in (asr_bundle, gen_bundle):
            sha256sums(bundle)
        from appliance.engines.catalogue import find
        from appliance.engines.registry import Registry
        from appliance.engines.store import install_bundle

        settings = Settings(data_dir=tmp / "data", device=args.device)
        for name, bundle in (("whisper-large-v3-ct2", asr_bundle), ("qwen2.5-7b-instruct-ct2", gen_bundle)):
            install_bundle(settings, find(name), bundle, trusted_by="gpu-check")  # unpinned production entries
        registry = Registry(settings)
        transcriber, generator = registry.available("transcriber"), registry.available("generator")
        status = registry.status()
        figures["registry_status"] = {t: {k: status[t][k] for k in ("backend", "model", "device", "state")}
                                      for t in status}
        expect_asr, expect_gen = compute_type("asr", target), compute_type("generator", target)  # type: ignore[arg-type]
        good = (transcriber is not None and generator is not None and f"({target}, {expect_asr})" in transcriber.name
                and f"({target}, {expect_gen})" in generator.name)
        figures["registry_picks_device_and_compute_types"] = good
        ok &= good
        if transcriber is not None:
            again = transcriber.transcribe(audio, vad=False, **fixed)
            figures["registry_asr_same_text"] = " ".join(s.text for s in again) == dev_text
    # Same model, same greedy decoding: identical on the CPU; on the GPU float16 vs CPU int8 may differ in a
    # token on random weights, so there the figure is reported, not required.
    ok &= bool(figures["asr_same_text"]) or target == "cuda"
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    (out / "gpu_check.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print("GPU CHECK:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
