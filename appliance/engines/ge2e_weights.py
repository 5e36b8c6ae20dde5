"""The GE2E speaker encoder's weights, taken from the Resemblyzer wheel (PyPI `resemblyzer` 0.1.4,
Apache-2.0: `resemblyzer/pretrained.pt`), and its one-time conversion to ONNX.

`pretrained.pt` is a legacy (pre-zip) torch checkpoint. It is read here with a restricted unpickler
that knows only the three names such a file uses (an ordered dict, float storages, the tensor rebuild
function), so neither torch nor arbitrary pickled code runs. The network is `LSTM(40→256) ×3` then
`ReLU(Linear 256→256)` and L2 normalisation (Wan et al. 2018, "Generalized end-to-end loss for speaker
verification"); `onnx_bytes` writes that graph with ONNX's own LSTM operator. The output is the same
bytes for the same weights (no timestamps), so the catalogue pins its sha256.
"""

from __future__ import annotations

import io
import pickle
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

Floats = NDArray[np.float32]
MAGIC = 0x1950A86A20F9469CFC6C  # torch's legacy serialisation magic number
HIDDEN, LAYERS, N_MELS = 256, 3, 40
WEIGHT_KEYS = tuple(f"lstm.{kind}_l{layer}" for layer in range(LAYERS)
                    for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")) + ("linear.weight", "linear.bias")
_DTYPES: dict[str, type[np.generic]] = {"FloatStorage": np.float32, "DoubleStorage": np.float64,
                                        "LongStorage": np.int64, "IntStorage": np.int32}


class WeightsError(ValueError):
    pass


@dataclass
class _Storage:
    dtype: type[np.generic]
    numel: int
    data: NDArray[np.generic] | None = None


@dataclass(frozen=True)
class _TensorRef:
    storage: _Storage
    offset: int
    size: tuple[int, ...]
    stride: tuple[int, ...]

    def array(self) -> Floats:
        if self.storage.data is None:
            raise WeightsError("tensor storage missing from the checkpoint")
        item = self.storage.data.itemsize
        view = np.lib.stride_tricks.as_strided(self.storage.data[self.offset:], shape=self.size,
                                               strides=tuple(s * item for s in self.stride))
        return np.ascontiguousarray(view, dtype=np.float32)


class _OrderedDict(dict[str, object]):
    """collections.OrderedDict as pickled by torch, which also sets a `_metadata` attribute on it."""


def _rebuild_tensor(storage: _Storage, offset: int, size: tuple[int, ...], stride: tuple[int, ...],
                    *_rest: object) -> _TensorRef:
    return _TensorRef(storage, offset, tuple(size), tuple(stride))


class _Unpickler(pickle.Unpickler):
    def __init__(self, stream: io.BufferedIOBase, storages: dict[str, _Storage]):
        super().__init__(stream)
        self.storages = storages

    def find_class(self, module: str, name: str) -> object:
        if (module, name) == ("collections", "OrderedDict"):
            return _OrderedDict
        if (module, name) == ("torch._utils", "_rebuild_tensor_v2"):
            return _rebuild_tensor
        if module == "torch" and name in _DTYPES:
            return name
        raise WeightsError(f"unexpected object in checkpoint: {module}.{name}")

    def persistent_load(self, pid: object) -> _Storage:
        if not isinstance(pid, tuple) or len(pid) != 6 or pid[0] != "storage":
            raise WeightsError(f"unexpected persistent id {pid!r}")
        _kind, storage_type, key, _location, numel, view = pid
        if view is not None or storage_type not in _DTYPES:
            raise WeightsError("unsupported storage in checkpoint")
        return self.storages.setdefault(str(key), _Storage(_DTYPES[storage_type], int(numel)))


def read_checkpoint(path: Path) -> dict[str, Floats]:
    """The encoder's weights (`WEIGHT_KEYS`) from Resemblyzer's `pretrained.pt`, without torch."""
    storages: dict[str, _Storage] = {}
    with open(path, "rb") as fh:
        if pickle.load(fh) != MAGIC:  # noqa: S301 - three plain values (magic, version, sys info) precede the data
            raise WeightsError(f"{path}: not a legacy torch checkpoint")
        pickle.load(fh)  # noqa: S301
        pickle.load(fh)  # noqa: S301
        checkpoint = _Unpickler(fh, storages).load()
        keys = pickle.load(fh)  # noqa: S301 - a list of storage keys
        for key in keys:
            storage = storages[str(key)]
            (count,) = struct.unpack("<q", fh.read(8))
            if count != storage.numel:
                raise WeightsError(f"{path}: storage {key} has {count} elements, expected {storage.numel}")
            width = np.dtype(storage.dtype).itemsize
            storage.data = np.frombuffer(fh.read(count * width), dtype=storage.dtype)
    state = checkpoint.get("model_state") if isinstance(checkpoint, dict) else None
    if not isinstance(state, dict):
        raise WeightsError(f"{path}: no model_state")
    weights = {}
    for key in WEIGHT_KEYS:
        ref = state.get(key)
        if not isinstance(ref, _TensorRef):
            raise WeightsError(f"{path}: missing {key}")
        weights[key] = ref.array()
    return weights


def _onnx_gates(matrix: Floats) -> Floats:
    """PyTorch stacks LSTM gates as i, f, g, o; ONNX as i, o, f, c (c = PyTorch's g)."""
    i, f, g, o = np.split(matrix, 4, axis=0)
    return np.concatenate([i, o, f, g], axis=0)


def onnx_bytes(weights: dict[str, Floats]) -> bytes:
    """The encoder as an ONNX model: `mels` (batch, frames, 40) → `embeds` (batch, 256), L2-normalised.
    Needs the `onnx` package (the models-cpu extra): only this build step does."""
    # Imported here: only the one-time build needs it, the runtime needs onnxruntime alone.
    from onnx import TensorProto, helper, numpy_helper

    nodes = [helper.make_node("Transpose", ["mels"], ["x0"], perm=[1, 0, 2])]  # (frames, batch, 40)
    inits = [numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
             numpy_helper.from_array(np.array([0], dtype=np.int64), "axis0")]
    for layer in range(LAYERS):
        w = _onnx_gates(weights[f"lstm.weight_ih_l{layer}"])[None]
        r = _onnx_gates(weights[f"lstm.weight_hh_l{layer}"])[None]
        b = np.concatenate([_onnx_gates(weights[f"lstm.bias_ih_l{layer}"][:, None])[:, 0],
                            _onnx_gates(weights[f"lstm.bias_hh_l{layer}"][:, None])[:, 0]])[None]
        inits += [numpy_helper.from_array(w.astype(np.float32), f"W{layer}"),
                  numpy_helper.from_array(r.astype(np.float32), f"R{layer}"),
                  numpy_helper.from_array(b.astype(np.float32), f"B{layer}")]
        nodes.append(helper.make_node("LSTM", [f"x{layer}", f"W{layer}", f"R{layer}", f"B{layer}"],
                                      [f"y{layer}", f"h{layer}"], hidden_size=HIDDEN))
        if layer < LAYERS - 1:  # Y is (frames, directions=1, batch, hidden): drop the direction axis
            nodes.append(helper.make_node("Squeeze", [f"y{layer}", "axis1"], [f"x{layer + 1}"]))
    last = f"h{LAYERS - 1}"
    inits += [numpy_helper.from_array(weights["linear.weight"].T.copy(), "linear_w"),
              numpy_helper.from_array(weights["linear.bias"], "linear_b")]
    nodes += [helper.make_node("Squeeze", [last, "axis0"], ["hidden"]),
              helper.make_node("MatMul", ["hidden", "linear_w"], ["projected"]),
              helper.make_node("Add", ["projected", "linear_b"], ["biased"]),
              helper.make_node("Relu", ["biased"], ["raw"]),
              helper.make_node("LpNormalization", ["raw"], ["embeds"], axis=1, p=2)]
    graph = helper.make_graph(
        nodes, "ge2e_speaker_encoder",
        [helper.make_tensor_value_info("mels", TensorProto.FLOAT, ["batch", "frames", N_MELS])],
        [helper.make_tensor_value_info("embeds", TensorProto.FLOAT, ["batch", HIDDEN])], inits)
    model = helper.make_model(graph, producer_name="ward-appliance", producer_version="1",
                              opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return bytes(model.SerializeToString())


def _sigmoid(x: Floats) -> Floats:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * x)), dtype=np.float32)  # no overflow warnings on large gates


def numpy_forward(weights: dict[str, Floats], mels: Floats) -> Floats:
    """The same network in numpy (no onnxruntime): (batch, frames, 40) → (batch, 256)."""
    x = mels.astype(np.float32)
    batch = x.shape[0]
    h = np.zeros((batch, HIDDEN), np.float32)
    for layer in range(LAYERS):
        w_hh = weights[f"lstm.weight_hh_l{layer}"].T
        projected = x @ weights[f"lstm.weight_ih_l{layer}"].T + (weights[f"lstm.bias_ih_l{layer}"]
                                                                   + weights[f"lstm.bias_hh_l{layer}"])
        h = np.zeros((batch, HIDDEN), np.float32)
        c = np.zeros((batch, HIDDEN), np.float32)
        outputs = np.empty((batch, x.shape[1], HIDDEN), np.float32)
        for t in range(x.shape[1]):
            gates = projected[:, t] + h @ w_hh
            i, f = _sigmoid(gates[:, :HIDDEN]), _sigmoid(gates[:, HIDDEN:2 * HIDDEN])
            g, o = np.tanh(gates[:, 2 * HIDDEN:3 * HIDDEN]), _sigmoid(gates[:, 3 * HIDDEN:])
            c = f * c + i * g
            h = o * np.tanh(c)
            outputs[:, t] = h
        x = outputs
    raw = np.maximum(h @ weights["linear.weight"].T + weights["linear.bias"], 0.0)
    return np.asarray(raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-12), dtype=np.float32)
