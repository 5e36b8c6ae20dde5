"""One model call for texts that several threads ask to embed at the same moment.

An embedding model runs one call at a time (its lock). When fifty citizens send at once, each request used to
wait for every earlier one's own call; now the requests that arrive while the model is busy are gathered and
embedded together when it frees ("natural batching": nothing waits for a timer, so a lone request is embedded
at once, as before). The packaged e5 spends about the same CPU on 32 texts in one call as in 32 calls
(0,8–1,1×), but on a loaded 2-core machine the single calls took 3–10× the wall time of one call of 32: each
waits for the cores again (docs/engines.md).

How: a caller adds its texts to the open batch of its kind and then takes the model's lock. The first caller
to hold the lock with its batch not yet done closes that batch (later callers open a new one), runs it for
everyone in it, and hands each caller its rows; the others find their rows ready when they get the lock.
An error in the call is raised in every caller of that batch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from appliance.engines.base import Vectors

Kind = Literal["query", "passage"]
MAX_BATCH = 64  # texts per call: beyond this a long queue is cut into several calls of the model


@dataclass
class _Batch:
    kind: Kind
    texts: list[str] = field(default_factory=list)
    done: bool = False
    vectors: Vectors | None = None
    error: BaseException | None = None


class Batcher:
    """`run(texts, kind)` is the model's own call (it must return one row per text); `embed` may be called from
    any number of threads."""

    def __init__(self, run: Callable[[list[str], Kind], Vectors], max_batch: int = MAX_BATCH):
        self._run = run
        self._max = max_batch
        self._model = threading.Lock()   # one model call at a time
        self._gather = threading.Lock()  # guards the open batches
        self._open: dict[Kind, _Batch] = {}
        self.calls = 0                   # model calls made (for tests and benchmarks)

    def waiting(self, kind: Kind) -> int:
        """Texts gathered for the next call of this kind."""
        with self._gather:
            batch = self._open.get(kind)
            return len(batch.texts) if batch is not None else 0

    def embed(self, texts: Sequence[str], kind: Kind) -> Vectors:
        if len(texts) >= self._max:  # a large request is a batch of its own
            batch = _Batch(kind, list(texts))
            start = 0
        else:
            with self._gather:
                current = self._open.get(kind)
                if current is None or len(current.texts) + len(texts) > self._max:
                    current = self._open[kind] = _Batch(kind)
                batch = current
                start = len(batch.texts)
                batch.texts.extend(texts)
        with self._model:
            if not batch.done:
                with self._gather:  # closed: later callers open the next batch
                    if self._open.get(kind) is batch:
                        del self._open[kind]
                try:
                    batch.vectors = self._run(batch.texts, kind)
                    self.calls += 1
                except BaseException as exc:  # every caller of this batch gets it
                    batch.error = exc
                batch.done = True
        if batch.error is not None:
            raise batch.error
        assert batch.vectors is not None
        return np.asarray(batch.vectors[start:start + len(texts)])
