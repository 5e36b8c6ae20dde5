"""Embedder on ONNX Runtime (multilingual-e5 / bge-m3 class exported to ONNX): the CUDA
execution provider when present, else the CPU. Mean pooling over the attention mask, the
e5 "query: "/"passage: " prefixes, L2-normalised float32."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np
from tokenizers import Tokenizer

from appliance.engines.base import Vectors
from appliance.engines.device import Device, cpu_threads, onnx_providers

PREFIX = {"query": "query: ", "passage": "passage: "}


class OnnxEmbedder:
    def __init__(self, model_dir: Path, *, device: Device = "cpu", label: str = "onnx", dimension: int = 0,
                 max_tokens: int = 512, batch_size: int = 32, prefixes: bool = True):
        import onnxruntime as ort  # heavy runtime: loaded only when an ONNX embedder is first used

        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.no_padding()
        options = ort.SessionOptions()
        options.intra_op_num_threads = cpu_threads()
        providers = onnx_providers(device)
        self._session = ort.InferenceSession(str(model_dir / "model.onnx"), sess_options=options, providers=providers)
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.device = "cuda" if providers[0] == "CUDAExecutionProvider" else "cpu"
        self.batch_size = batch_size
        self.prefixes = prefixes
        self.dimension = dimension or int(self._session.get_outputs()[0].shape[-1])
        self.name = f"onnxruntime:{label} ({self.device})"
        self._lock = threading.Lock()

    def _batch(self, texts: list[str]) -> Vectors:
        encodings = self._tokenizer.encode_batch(texts)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, :len(enc.ids)] = enc.ids
            mask[row, :len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        feeds = {k: v for k, v in feeds.items() if k in self._inputs}
        with self._lock:
            hidden = self._session.run(None, feeds)[0].astype(np.float32)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        normalised: Vectors = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return normalised

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        prefix = PREFIX[kind] if self.prefixes else ""
        items = [prefix + t for t in texts]
        if not items:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [self._batch(items[i:i + self.batch_size]) for i in range(0, len(items), self.batch_size)]
        return np.concatenate(parts).astype(np.float32)
