"""The chat's models, prepared in the background: a citizen's message never waits for them.

On a fresh install, or after a publish that changes the examples, the embedder must embed the
chat's 1.543 example texts (about 17 s on an idle two-core CPU) and the complaint model's training
texts before either can use it. Meanwhile every message is read by rules + lexical (Reading.engine
"rules", the reading the chat already falls back to when the embedder is busy) and every complaint
is classified by the rules (labelled "rules"); one background thread builds, example vectors first,
then the complaint model (whose texts are then already in memory, semantic.py), keeps the vectors
on disk, and swaps the built understanding in. Where the vectors are already on disk, nothing waits
anyway: they load in a fraction of a second, and that happens at once (the complaint model's fit,
also a fraction of a second then, is done by the watcher in the background, or by the first
complaint that comes before it).

Builds start when the citizen app starts and whenever a message or the app's watcher (every
WATCH_S) sees a published catalogue or set of staff examples that has none yet. `status()` says
where they are (the citizen app's /healthz, in Vietnamese); `wait_ready()` lets tests and
benchmarks wait for them.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.complaint_model import ComplaintRouter, training_examples, vectors_ready
from appliance.citizen.public import store
from appliance.citizen.public.intake import cached_router, classifier_for, fit_router, router_key
from appliance.citizen.readers import reader_for
from appliance.citizen.semantic import Progress, SemanticIndex, cached_vectors, embed_examples
from appliance.citizen.understanding import Understanding
from appliance.db import connect
from appliance.engines.base import Embedder
from appliance.text.formatting import format_number

log = logging.getLogger(__name__)
RETRY_S = 60.0  # a build that failed (an engines server down) is tried again after this, not at every message
FIT_WAIT_S = 10.0  # a complaint waits this long at most for the watcher's fit under way (vectors ready)
WATCH_S = 30.0  # how often the citizen app looks for a new publication to prepare for
WHAT = {"examples": "câu mẫu của chatbot", "complaints": "mô hình phân loại phản ánh"}


@dataclass(frozen=True)
class Preparation:
    """Where one build is: `what` is "examples" (the chat's example vectors) or "complaints"."""

    what: str
    state: str  # waiting | building | ready | failed
    done: int = 0
    total: int = 0
    error: str = ""
    finished: float = 0.0  # time.monotonic() when it ended

    def message(self) -> str:
        """What staff read on /healthz."""
        name = WHAT.get(self.what, self.what)
        if self.state == "ready":
            return f"mô hình ngữ nghĩa sẵn sàng ({name}: {format_number(self.total)} câu)"
        if self.state == "failed":
            return (f"chưa chuẩn bị được mô hình ngữ nghĩa ({name}): {self.error}; chatbot trả lời bằng quy tắc và "
                    f"từ khóa, thử lại sau {int(RETRY_S)} giây")
        progress = f"{format_number(self.done)}/{format_number(self.total)}" if self.total else "…"
        return (f"đang chuẩn bị mô hình ngữ nghĩa ({name}): {progress}; trong lúc chờ, chatbot trả lời bằng quy tắc "
                "và từ khóa")


class Preparer:
    """One daemon thread runs the builds one after another, in the order asked (two models embedding
    at once on a small CPU would only each take twice as long)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._builds: dict[Hashable, Preparation] = {}
        self._latest: dict[str, Hashable] = {}  # per `what`: the build status() reports
        self._queue: queue.Queue[tuple[Hashable, Callable[[Progress], None]]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._idle = threading.Condition(self._lock)
        self._pending = 0

    def submit(self, key: Hashable, what: str, total: int, build: Callable[[Progress], None]) -> bool:
        """Queue `build` unless this key is queued, running, done, or failed less than RETRY_S ago."""
        with self._lock:
            known = self._builds.get(key)
            if known is not None and (known.state != "failed" or time.monotonic() - known.finished < RETRY_S):
                return False
            self._builds[key] = Preparation(what, "waiting", 0, total)
            self._latest[what] = key
            self._pending += 1
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="citizen-prepare", daemon=True)
                self._thread.start()
        self._queue.put((key, build))
        return True

    def ready(self, key: Hashable, what: str, total: int) -> None:
        """Record a build that needed no background work (its vectors were on disk)."""
        with self._lock:
            self._builds[key] = Preparation(what, "ready", total, total, finished=time.monotonic())
            self._latest[what] = key

    def _set(self, key: Hashable, change: Callable[[Preparation], Preparation]) -> None:
        with self._lock:
            self._builds[key] = change(self._builds[key])

    def _end(self, key: Hashable, state: str, error: str = "") -> None:
        with self._lock:
            self._builds[key] = replace(self._builds[key], state=state, error=error, finished=time.monotonic())

    def _progress(self, key: Hashable) -> Progress:
        def told(done: int, total: int) -> None:
            self._set(key, lambda p: replace(p, done=done, total=total))
        return told

    def _run(self) -> None:
        while True:
            key, build = self._queue.get()
            self._set(key, lambda p: replace(p, state="building"))
            try:
                build(self._progress(key))
                self._end(key, "ready")
            except Exception as exc:  # the chat goes on by rules; the next look tries again
                log.exception("preparing the citizen chat's models failed")
                self._end(key, "failed", f"{type(exc).__name__}: {exc}"[:200])
            finally:
                with self._lock:
                    self._pending -= 1
                    self._idle.notify_all()

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Wait until nothing is queued or building; False when `timeout` passed first."""
        with self._lock:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def state_of(self, key: Hashable) -> str | None:
        with self._lock:
            known = self._builds.get(key)
            return known.state if known is not None else None

    def wait_for(self, key: Hashable, timeout: float) -> bool:
        """Wait until this build has ended (ready or failed); False when `timeout` passed first."""
        with self._lock:
            return self._idle.wait_for(lambda: self._builds[key].state in ("ready", "failed"), timeout)

    def status(self) -> dict[str, Preparation]:
        with self._lock:
            return {what: self._builds[key] for what, key in self._latest.items()}


PREPARER = Preparer()
_cache_lock = threading.Lock()
# One entry per embedder: the published catalogue's understanding, beside the embedder it was built
# for (the key holds its id, which a later object may reuse).
_cache: dict[tuple[object, ...], tuple[Embedder | None, Understanding]] = {}


def understanding_for(conn: sqlite3.Connection, embedder: Embedder | None,
                      when_unsure: bool = False) -> Understanding:
    """The understanding of the published catalogue and staff examples; rebuilt when they change.
    `when_unsure`: the embedder reads only the messages the rules are unsure of. Never waits for
    the embedder: until the examples' vectors exist it is the rules + lexical understanding, and
    a background build (PREPARER) swaps in the one with the embedder."""
    key = (store.catalogue_key(conn), store.examples_key(conn), id(embedder), when_unsure)
    with _cache_lock:
        entry = _cache.get(key)
        if entry is not None and entry[0] is embedder:
            found = entry[1]
            if embedder is not None and found.semantic is None:  # its build failed a while ago: try again
                _start(key, found, embedder, when_unsure)
            return found
        for old in [k for k in _cache if k[2:] == (id(embedder), when_unsure)]:
            del _cache[old]
        # The rules + lexical reader of this catalogue, shared with every other reader of it (with or
        # without the embedder, and knowledge search): built once (readers.py).
        found = reader_for(store.procedures(conn), classifier_for(conn))
        if embedder is not None:
            examples = found.phrasings.examples
            vectors = cached_vectors(embedder, [t for _, t in examples])
            if vectors is not None:  # on disk: loaded in a moment, nothing to wait for
                found = found.with_semantic(SemanticIndex(embedder, examples, vectors=vectors), when_unsure)
                PREPARER.ready(("examples", key), "examples", len(examples))
            else:
                _start(key, found, embedder, when_unsure)
        _cache[key] = (embedder, found)
        return found


def _start(key: tuple[object, ...], rules: Understanding, embedder: Embedder, when_unsure: bool) -> None:
    examples = rules.phrasings.examples

    def build(progress: Progress) -> None:
        vectors = embed_examples(embedder, [t for _, t in examples], progress=progress)
        full = rules.with_semantic(SemanticIndex(embedder, examples, vectors=vectors), when_unsure)
        with _cache_lock:
            if _cache.get(key) == (embedder, rules):  # still the publication the chat reads
                _cache[key] = (embedder, full)

    PREPARER.submit(("examples", key), "examples", len(examples), build)


def status() -> dict[str, dict[str, object]]:
    """Per build ("examples", "complaints"): its state, progress and a Vietnamese sentence."""
    return {what: {"state": p.state, "done": p.done, "total": p.total, "message": p.message()}
            for what, p in PREPARER.status().items()}


def wait_ready(timeout: float | None = None) -> bool:
    """Wait for every queued build (tests; `appliance` commands that want the model at once)."""
    return PREPARER.wait_ready(timeout)


def complaint_router(conn: sqlite3.Connection, embedder: Embedder) -> ComplaintRouter | None:
    """The complaint model, when it is fit or can be fit without running the embedder (its texts'
    vectors on disk or in memory: a fraction of a second); otherwise None, so that the rules classify
    this complaint (labelled "rules"), and a background build."""
    key = router_key(conn, embedder)
    found = cached_router(key)
    if found is not None:
        return found
    staff = store.examples(conn)
    classifier = classifier_for(conn)
    if vectors_ready(embedder, staff):
        if PREPARER.state_of(("complaints", key)) == "building":
            # The watcher is fitting it right now (a fraction of a second): take that one rather than
            # fit a second time beside it on the same small CPU.
            PREPARER.wait_for(("complaints", key), FIT_WAIT_S)
            found = cached_router(key)
            if found is not None:
                return found
        router = fit_router(key, classifier, embedder, staff)
        PREPARER.ready(("complaints", key), "complaints", len(router.model.texts))
        return router
    _queue_router(key, classifier, embedder, staff)
    return None


def _queue_router(key: tuple[int, int, str], classifier: FeedbackClassifier, embedder: Embedder,
                  staff: Sequence[tuple[str, str]]) -> None:
    def build(progress: Progress) -> None:
        if cached_router(key) is None:  # a complaint that came first may have fit it already
            fit_router(key, classifier, embedder, staff, progress)

    PREPARER.submit(("complaints", key), "complaints", len(training_examples(staff)), build)


def prepare(conn: sqlite3.Connection, embedder: Embedder | None, when_unsure: bool,
            complaint_embedder: Embedder | None) -> None:
    """Start whatever builds this publication still needs; returns at once (the chat's
    understanding, when its vectors are on disk, is loaded here: a fraction of a second). The
    complaint model is fit in the background even when its vectors are on disk, so that the first
    complaint after a start or a publish finds it ready."""
    if embedder is not None:
        understanding_for(conn, embedder, when_unsure)
    if complaint_embedder is not None:
        key = router_key(conn, complaint_embedder)
        if cached_router(key) is None:
            _queue_router(key, classifier_for(conn), complaint_embedder, store.examples(conn))


def watch(db_path: Path, prepare_for: Callable[[sqlite3.Connection], None], stop: threading.Event,
          every_s: float = WATCH_S) -> None:
    """The citizen app's watcher (its own daemon thread, from start-up to shutdown): at once, then
    every `every_s`, start what the published catalogue and examples still need, so that the
    first message after a publish finds the model ready or on its way."""
    while not stop.is_set():
        try:
            conn = connect(db_path)
            try:
                prepare_for(conn)
            finally:
                conn.close()
        except Exception:  # a locked or missing public.db now is no reason to stop looking
            log.exception("citizen: could not look for models to prepare")
        stop.wait(every_s)


def start_watching(db_path: Path, prepare_for: Callable[[sqlite3.Connection], None]) -> threading.Event:
    """Start `watch` in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=watch, args=(db_path, prepare_for, stop), name="citizen-watch", daemon=True).start()
    return stop
