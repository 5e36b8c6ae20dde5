#!/usr/bin/env bash
# GPU check of the engines, for a session lent a GPU machine (see shared/GPU.md). In one go it
# proves the CUDA paths: CTranslate2 sees the GPU, the registry picks CUDA with the compute types
# of appliance/engines/device.py, faster-whisper and the CTranslate2 generator load on the GPU,
# give the same transcription/generation as on the CPU, and it prints speed ratios GPU vs CPU.
#
# Here, first:   bash tests/gpu/prepare.sh          (fills .cache/gpu-carry, ~56 MB, git-ignored)
# Then the device tool:  run(command="bash tests/gpu/check.sh", carry=[".cache/gpu-carry"], timeout_s=420)
# Dry run of the same Python on this CPU machine:  python tests/gpu/check.py --device cpu
set -euo pipefail
cd "$(dirname "$0")/../.."
CARRY=${CARRY:-.cache/gpu-carry}
OUT=${OUT:-/tmp/gpu-out}
SITE=/tmp/site
[ -d "$CARRY/wheels" ] || { echo "FAIL: $CARRY missing: run tests/gpu/prepare.sh and carry it"; exit 2; }
mkdir -p "$OUT" /tmp/cu12
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$OUT/nvidia-smi.txt" || true

# ctranslate2 from PyPI is built for CUDA 12; the machine has CUDA 13: offer its cuBLAS under the
# CUDA 12 names and put torch's cuDNN 9 on the path (shared/GPU.md). A ward unit has CUDA 12 itself.
for lib in cublas cublasLt; do
  if [ -e "/usr/local/cuda-13/lib64/lib$lib.so.13" ]; then
    ln -sf "/usr/local/cuda-13/lib64/lib$lib.so.13" "/tmp/cu12/lib$lib.so.12"
  fi
done
CUDNN=$(python3 -c "import nvidia.cudnn,os;print(os.path.join(nvidia.cudnn.__path__[0],'lib'))" 2>/dev/null || true)
export LD_LIBRARY_PATH="/tmp/cu12:${CUDNN}:/usr/local/cuda-13/lib64:${LD_LIBRARY_PATH:-}"

python3 -m pip install -q --no-index --no-deps --target "$SITE" "$CARRY"/wheels/*.whl
export PYTHONPATH="$SITE:$PWD"
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 PYANNOTE_METRICS_ENABLED=0 DO_NOT_TRACK=1
export APPLIANCE_MODEL_CACHE=/tmp/appliance-model-cache OMP_WAIT_POLICY=PASSIVE
python3 -c "import ctranslate2; print('ctranslate2', ctranslate2.__version__, 'CUDA devices:', ctranslate2.get_cuda_device_count())"
python3 tests/gpu/check.py --carry "$CARRY" --out "$OUT" --device cuda 2>&1 | tee "$OUT/check.log"

# The evaluation command on the GPU (issue 18), only where the carry holds installed models with an
# instruction generator (CARRY/models/installed, the folder `appliance models install` fills on a
# unit): the tiny random-weight generator above proves the CUDA path but writes nothing worth
# grading. The report (Markdown + JSON) lands in $OUT/eval. Needs the appliance's own dependencies
# in the carry's wheels as well.
if [ -d "$CARRY/models/installed" ]; then
  APPLIANCE_DATA_DIR=/tmp/eval-data APPLIANCE_MODELS_DIR="$CARRY/models/installed" APPLIANCE_DEVICE=cuda \
    python3 -m appliance eval --source "$PWD" --out "$OUT/eval" 2>&1 | tee "$OUT/eval.log"
else
  echo "SKIP appliance eval: no installed instruction model in $CARRY/models/installed (only tiny test models)"
fi
