"""Where models run, decided in one place: the device (CUDA when present, else CPU) and the
compute type per task. Every backend asks here, so a unit's behaviour changes in one file."""

from __future__ import annotations

import functools
import logging
import os
from typing import Literal

log = logging.getLogger(__name__)

Device = Literal["cpu", "cuda"]
Task = Literal["asr", "generator", "embedder", "diarization"]

# CTranslate2 compute types: float16 keeps Whisper accurate on a GPU; int8_float16 fits a 7B LLM in
# ~8 GB of GPU memory; on a CPU int8 is both the fastest and the smallest.
COMPUTE_TYPES: dict[tuple[str, str], str] = {
    ("asr", "cuda"): "float16",
    ("asr", "cpu"): "int8",
    ("generator", "cuda"): "int8_float16",
    ("generator", "cpu"): "int8",
}


@functools.lru_cache(maxsize=1)
def cuda_device_count() -> int:
    """CUDA devices CTranslate2 can use (0 when the driver or the CUDA 12 runtime is missing)."""
    try:
        import ctranslate2  # heavy runtime: imported only when the device is first asked for

        return int(ctranslate2.get_cuda_device_count())
    except Exception as exc:  # a broken CUDA install must never stop the CPU path
        log.info("CUDA unavailable: %s", exc)
        return 0


def resolve_device(requested: str) -> Device:
    """`auto` → cuda when a GPU is usable, else cpu. `cuda` without a GPU degrades to cpu, logged."""
    if requested == "cpu":
        return "cpu"
    if cuda_device_count() > 0:
        return "cuda"
    if requested == "cuda":
        log.warning("device=cuda requested but no usable CUDA device: running on the CPU")
    return "cpu"


def compute_type(task: Task, device: Device) -> str:
    return COMPUTE_TYPES.get((task, device), "default")


def cpu_threads() -> int:
    """Threads per model on the CPU: all cores unless OMP_NUM_THREADS caps them."""
    raw = os.environ.get("OMP_NUM_THREADS")
    if raw and raw.isdigit() and int(raw) > 0:
        return int(raw)
    return max(1, os.cpu_count() or 1)


def onnx_providers(device: Device) -> list[str]:
    """ONNX Runtime providers in preference order (the CUDA provider only when this build has it)."""
    try:
        import onnxruntime  # heavy runtime: imported only when an ONNX model is loaded

        available = set(onnxruntime.get_available_providers())
    except Exception:
        return ["CPUExecutionProvider"]
    providers = []
    if device == "cuda" and "CUDAExecutionProvider" in available:
        providers.append("CUDAExecutionProvider")
    providers.append("CPUExecutionProvider")
    return providers
