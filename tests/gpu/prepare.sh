#!/usr/bin/env bash
# Prepare, on this (CPU) machine, what tests/gpu/check.sh needs on a lent GPU machine: cp312 wheels
# of the engine libraries and their small pure-Python deps (the GPU machine has Python 3.12 with
# PyTorch, numpy, onnxruntime CPU, but no ctranslate2/faster-whisper), two tiny random-weight models
# in CTranslate2 format (real weights > ~60 MB cannot travel) and a short Vietnamese WAV.
# Everything lands in .cache/gpu-carry (git-ignored), which must stay under the 64 MiB carry limit.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-/work/venv/bin/python}
[ -x "$PY" ] || PY=.venv/bin/python
CARRY=.cache/gpu-carry
rm -rf "$CARRY" && mkdir -p "$CARRY/wheels" "$CARRY/models"
# Versions pinned as in pyproject.toml; --python-version 3.12 because the GPU machine runs 3.12.
"$PY" -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --platform manylinux2014_x86_64 \
  --platform manylinux_2_17_x86_64 --platform manylinux_2_28_x86_64 -d "$CARRY/wheels" \
  ctranslate2==4.8.5 faster-whisper==1.2.1 tokenizers==0.23.3 tqdm==4.70.1 pydantic==2.14.3 pydantic-core==2.50.4 \
  pydantic-settings==2.16.3 python-dotenv==1.2.4 typing-inspection==0.4.5 annotated-types==0.8.0 \
  typing-extensions==4.16.0 2>&1 | grep -v WARNING || true
"$PY" tests/gpu/tiny_whisper.py "$CARRY/models/tiny-whisper-ct2" >/dev/null
QWEN=$("$PY" tests/engines/tiny_qwen2.py | tail -1)
cp -r "$QWEN" "$CARRY/models/tiny-qwen2-ct2"
espeak-ng -v vi -w "$CARRY/speech.wav" "Xin chào các đồng chí. Hôm nay chúng ta họp về công tác đăng ký khai sinh."
du -sh "$CARRY"
ls -la "$CARRY/wheels"
