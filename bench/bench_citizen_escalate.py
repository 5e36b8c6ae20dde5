"""Citizen chat with the embedder used only when the rules are unsure
(settings.citizen_embeddings_when_unsure): how many messages it embeds, what a reading costs per
message against the raw model call (one message through multilingual-e5-small) in the same
process, and right / unsure / confidently wrong on the development and held-out sets against the
rules alone and the embedder on every message (citizen_embeddings)."""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.common import p95_ms, report


def _interleaved(calls: dict[str, Callable[[str], object]], texts: Sequence[str]) -> dict[str, list[float]]:
    """Seconds per message for each call, the calls taking turns on every message, so that a busy
    machine slows them alike."""
    out: dict[str, list[float]] = {name: [] for name in calls}
    for text in texts:
        for name, call in calls.items():
            started = time.perf_counter()
            call(text)
            out[name].append(time.perf_counter() - started)
    return out


def main() -> None:
    from appliance.citizen import evaluation as ev
    from appliance.citizen.matching import Procedure
    from appliance.citizen.phrasings import load
    from appliance.citizen.public.chat import ChatBot
    from appliance.citizen.public.store import public_db
    from appliance.citizen.understanding import Understanding
    from appliance.config import Settings
    from appliance.engines import engine
    from appliance.knowledge.procedures import load_catalogue
    from bench.bench_citizen import _prepare
    from tests.citizen import sets

    embedder = engine(Settings(), "embedder")
    if embedder is None:
        print("no embedder installed: nothing to measure", flush=True)
        return
    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    phrasings = load(procedures)
    texts = [m.text for m in [*sets.DEV_QUESTIONS, *sets.HELD_OUT_QUESTIONS]]
    # Built (example vectors read from the disk cache) before anything is timed; each mode has its
    # own query cache, so every message is embedded afresh where the mode embeds it.
    modes = {"rules + lexical": Understanding(procedures, phrasings),
             "embedder when unsure": Understanding(procedures, phrasings, embedder=embedder, when_unsure=True),
             "embedder on every message": Understanding(procedures, phrasings, embedder=embedder)}
    calls: dict[str, Callable[[str], object]] = {"raw model call": lambda t: embedder.embed([t[:400]], kind="query")}
    calls.update({name: understanding.read for name, understanding in modes.items()})
    times = _interleaved(calls, texts)
    base = statistics.mean(times["raw model call"]) * 1000
    for name, understanding in modes.items():
        # The same texts again hit the mode's query cache: only which engine read each is wanted here.
        embedded = sum(understanding.read(text).engine != "rules" for text in texts)
        report(f"citizen reading, mean per message, {name} ({embedded}/{len(texts)} messages embedded)",
               statistics.mean(times[name]) * 1000, base)
        report(f"citizen reading, p95 per message, {name}", p95_ms(times[name]), p95_ms(times["raw model call"]))
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        _prepare(data)
        bots = {"rules + lexical": ChatBot(None, ""),
                "embedder when unsure": ChatBot(None, "", embedder=embedder, embed_when_unsure=True)}
        with public_db(Settings(data_dir=data)) as conn:
            for name, bot in bots.items():
                for label, items in (("dev", sets.DEV), ("held-out", sets.HELD_OUT)):
                    for view, tally in ev.views(ev.run(bot, conn, items, prefix=f"{name}-{label}")).items():
                        print(ev.line(f"{label} {view} ({name})", tally), flush=True)
        # Issue 16: the shipped default path (as tests/citizen/fresh_sets.default_views: the embedder when the
        # rules are unsure, the complaint model filing the category) on every fresh set written blind and never
        # tuned on; one bot for all, so its models are built once.
        from tests.citizen.test_fresh import HERE as FRESH_HERE
        from tests.citizen.test_fresh import SETS as FRESH

        shipped = ChatBot(None, "", embedder=embedder, embed_when_unsure=True, complaint_embedder=lambda: embedder)
        print("shipped default path on the fresh sets (held-out, never tuned on); targets: procedure ≥ 90 % right and "
              "≤ 3 % wrong, complaint category ≥ 90 % right and ≤ 3 % wrong department", flush=True)
        with public_db(Settings(data_dir=data)) as conn:
            for name, fresh in FRESH.items():
                folder = FRESH_HERE / fresh.folder
                items = [*sets.load(folder / "citizen_questions.toml"), *sets.load(folder / "complaints.toml")]
                views = ev.views(ev.run(shipped, conn, items, prefix=f"fresh-{fresh.folder}"))
                for view in ("procedure", "complaint_category", "question_or_complaint"):
                    print(ev.line(f"{name} ({fresh.folder}) {view}", views[view]), flush=True)
