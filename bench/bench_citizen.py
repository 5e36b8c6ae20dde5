"""Citizen chatbot figures: understanding accuracy (vs naive baselines) and chat latency p95
with 50 concurrent sessions (vs a trivial endpoint, /healthz, of the same served app)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import httpx

from bench.bench_eval import fallback_figures
from bench.common import p95_ms, report, wait_http

SESSIONS = 50
PER_SESSION = 8
WARM_COMPLAINT = "phản ánh: rác thải đổ bừa bãi ở đầu ngõ 5 bốc mùi hôi thối mấy ngày nay, đề nghị phường xử lý"
THINK_S = (2.0, 6.0)  # seconds a citizen takes to read the answer and type the next message


def _prepare(data: Path) -> None:
    from appliance.citizen.public.store import public_db
    from appliance.citizen.staff.sync import publish
    from appliance.config import Settings
    from appliance.db import connect, migrate

    settings = Settings(data_dir=data)
    data.mkdir(parents=True, exist_ok=True)
    staff = connect(settings.db_path)
    migrate(staff)
    with public_db(settings) as public:
        publish(staff, public)
    staff.close()


def accuracy() -> None:
    """Understanding and routing: the figures come from the same code as `appliance eval`
    (bench_eval.fallback_figures); the naive baselines are computed here."""
    from appliance.knowledge.procedures import load_catalogue
    from appliance.text import fold
    from tests.citizen.cases import COMPLAINTS, QUESTIONS

    scores = fallback_figures(["citizen", "complaints"])
    catalogue = load_catalogue()
    by_name = {fold(p.name): p.code for p in catalogue}

    def naive(question: str) -> str:  # baseline: most shared words with the official name
        words = set(fold(question).split())
        return max(catalogue, key=lambda p: len(words & set(fold(p.name).split()))).code

    base = sum(1 for q, name in QUESTIONS if naive(q) == by_name[fold(name)])
    hits = scores["citizen.questions"].right
    print(f"procedure top-1: {hits}/{len(QUESTIONS)} = {hits / len(QUESTIONS):.1%} "
          f"(naive name-overlap baseline {base / len(QUESTIONS):.1%}; ratio {hits / max(base, 1):.2f}×; "
          "acceptance ≥ 90%)", flush=True)
    held = scores["citizen.questions_held_out"]
    print(f"procedure top-1 on cases.py's second set (in-sample since issue 16: fit.py trains on it): "
          f"{held.right}/{held.items} = "
          f"{held.accuracy:.1%}", flush=True)
    right = scores["complaints"].right
    majority = Counter(c for _, c in COMPLAINTS).most_common(1)[0][1]
    print(f"complaint category: {right}/{len(COMPLAINTS)} = {right / len(COMPLAINTS):.1%} "
          f"(majority-class baseline {majority / len(COMPLAINTS):.1%}; ratio {right / majority:.2f}×; "
          "acceptance ≥ 85%)", flush=True)
    held = scores["complaints.held_out"]
    print(f"complaint category on cases.py's second set (in-sample since fit.py trains on it): {held.right}/"
          f"{held.items} = {held.accuracy:.1%}", flush=True)
    # Issue 16: the chat path itself on the outside writer's sets, in-sample (dev) and held-out.
    targets = {"intent": "", "procedure": "target ≥ 90% right, ≤ 3% wrong",
               "category": "target ≥ 90% right, ≤ 3% wrong department"}
    print("citizen chat (rules + lexical, no model)      items   right          unsure         confidently wrong")
    for view, target in targets.items():
        for part in ("dev", "held_out"):
            s = scores[f"citizen.chat.{view}.{part}"]
            print(f"  {view:<10} {'in-sample (dev)' if part == 'dev' else 'held-out':<32}", end="")
            print(f"{s.items:>5}   {s.right:>4} {s.right / s.items:6.1%}   {s.unsure:>4} {s.unsure / s.items:6.1%}   "
                  f"{s.wrong:>4} {s.wrong / s.items:6.1%}   {target if part == 'held_out' else ''}", flush=True)


def _messages() -> list[str]:
    """Distinct citizen messages for the load (the outside writers' dev and training wording and the
    in-sample cases): each chat message is new to the server's query cache, so the embedder really
    reads every message it is asked to (repeating a few questions would time the cache)."""
    from appliance.citizen.phrasings import training_batch
    from tests.citizen import sets
    from tests.citizen.cases import COMPLAINTS, QUESTIONS

    texts = [*(m.text for m in training_batch()), *(m.text for m in sets.DEV),
             *(q for q, _ in QUESTIONS), *(c for c, _ in COMPLAINTS)]
    return list(dict.fromkeys(texts))


def _load(base: str, path: str, body_for: Callable[[int, int], dict[str, str]] | None,
          think_s: tuple[float, float] = (0.0, 0.0)) -> list[float]:
    """SESSIONS clients, PER_SESSION requests each. think_s = (0, 0): a burst (all start together
    and send back to back). Otherwise each client starts at a random moment within the first
    think time and waits a random think time (uniform in think_s) between its messages, as
    citizens typing do."""
    latencies: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(SESSIONS)

    def session(i: int) -> None:
        pause = random.Random(i)
        with httpx.Client(base_url=base, timeout=60) as client:
            start.wait()
            time.sleep(pause.uniform(0.0, think_s[1]))
            for n in range(PER_SESSION):
                if n:
                    time.sleep(pause.uniform(*think_s))
                began = time.perf_counter()
                r = client.get(path) if body_for is None else client.post(path, json=body_for(i, n))
                elapsed = time.perf_counter() - began
                assert r.status_code == 200, r.text
                with lock:
                    latencies.append(elapsed)

    threads = [threading.Thread(target=session, args=(i,)) for i in range(SESSIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def _served_p95(data: Path, mode: dict[str, str], texts: list[str], think_s: tuple[float, float]) -> tuple[float,
                                                                                                         float]:
    """(chat p95, /healthz p95) of a freshly started citizen app in `mode` (its citizen_embeddings*
    settings), the chat loaded with `think_s` (see _load), /healthz with a burst. A fresh process per
    run: its query cache has seen none of the messages."""
    from tests.conftest import free_port

    port = free_port()
    env = dict(os.environ, APPLIANCE_DATA_DIR=str(data), APPLIANCE_CITIZEN_CHAT_PER_IP_MINUTE="1000000",
               APPLIANCE_CITIZEN_CHAT_PER_SESSION_MINUTE="1000000", **mode)
    proc = subprocess.Popen([sys.executable, "-m", "appliance", "serve-public", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/healthz", proc, timeout=120)
        _load(base, "/healthz", None)  # warm-up
        # The understanding (and with embeddings the example vectors, cached on disk) is built on
        # the first chat: once, before the measured load.
        httpx.post(f"{base}/api/v1/chat", json={"session_id": "bench-warm", "message": "khai sinh"}, timeout=600)
        # Likewise the complaint model (settings.citizen_complaint_model) is built on the first
        # filed complaint: filed once here, or the first complaint of the load would time its fit.
        httpx.post(f"{base}/api/v1/chat", json={"session_id": "bench-warm-complaint", "message": WARM_COMPLAINT},
                   timeout=600)
        # On a cold vector cache both are built in the background (public/preparing.py) while the
        # chat answers by rules: wait until /healthz says they are ready, or the load times the rules.
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline and any(
                item["state"] in ("waiting", "building") for item in httpx.get(f"{base}/healthz").json()["preparing"]
                .values()):
            time.sleep(0.5)
        trivial = _load(base, "/healthz", None)
        chat = _load(base, "/api/v1/chat", lambda i, n: {
            "session_id": f"bench-{i:04d}", "message": texts[(i * PER_SESSION + n) % len(texts)]}, think_s)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return p95_ms(chat), p95_ms(trivial)


MODES = {
    "rules + lexical": {"APPLIANCE_CITIZEN_EMBEDDINGS": "false", "APPLIANCE_CITIZEN_EMBEDDINGS_WHEN_UNSURE": "false"},
    "embedder when unsure": {"APPLIANCE_CITIZEN_EMBEDDINGS": "false",
                             "APPLIANCE_CITIZEN_EMBEDDINGS_WHEN_UNSURE": "true"},
    "embedder on every message": {"APPLIANCE_CITIZEN_EMBEDDINGS": "true",
                                  "APPLIANCE_CITIZEN_EMBEDDINGS_WHEN_UNSURE": "false"},
}


def latency() -> None:
    texts = _messages()
    print(f"citizen chat load: {SESSIONS} sessions × {PER_SESSION} messages, {len(texts)} distinct messages "
          f"(repeated only beyond that); 'burst' = all sessions at once, back to back (the worst case); "
          f"'typing' = each session waits {THINK_S[0]:g}–{THINK_S[1]:g} s between messages; issue 16 target: "
          "p95 ≤ 300 ms with the embedder loaded", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        _prepare(data)
        for name, mode in MODES.items():
            # A burst is bound by the CPU: other work on the machine shows up one-for-one in its p95
            # (session 6's 1.181 ms "regression" was that: the same code measured 470-580 ms quiet).
            print(f"load average before '{name}': {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)
            chat, trivial = _served_p95(data, mode, texts, (0.0, 0.0))
            report(f"chat p95, burst, {name}", chat, trivial)
            chat, trivial = _served_p95(data, mode, texts, THINK_S)
            report(f"chat p95, typing sessions, {name}", chat, trivial)


def main() -> None:
    accuracy()
    latency()


if __name__ == "__main__":
    main()
