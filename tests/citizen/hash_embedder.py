"""A quick stand-in embedding model for the complaint model's tests: hashed folded words. The tests that use it
check signals and protocols, never figures, so the real model's cost is not needed."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Literal

import numpy as np

from appliance.citizen.matching import tokens
from appliance.engines.base import Vectors


class HashEmbedder:
    dimension = 64

    def __init__(self, name: str = "hash-embedder") -> None:
        self.name = name  # the complaint model caches vectors under the model's name

    def embed(self, texts: Sequence[str], *, kind: Literal["query", "passage"] = "passage") -> Vectors:
        out = np.full((len(texts), self.dimension), 1e-3, dtype=np.float32)
        for i, text in enumerate(texts):
            for word in tokens(text):
                out[i, int(hashlib.sha1(word.encode()).hexdigest(), 16) % self.dimension] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)
