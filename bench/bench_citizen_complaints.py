"""Complaint routing with the calibrated model over multilingual-e5-small (complaint_model.py, the
default when an embedder is installed) against the rules alone: classify time per complaint against
the raw model call (one complaint through the embedder) in the same process, and right / unsure /
confidently wrong in-sample (tests/citizen/cases.py), on the development set and on the frozen
held-out set, through the real chat path (a complaint filed from the chat, as the citizen would)."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from bench.bench_citizen_escalate import _interleaved
from bench.common import p95_ms, report


def main() -> None:
    from appliance.citizen import evaluation as ev
    from appliance.citizen.classify import FeedbackClassifier
    from appliance.citizen.complaint_model import ComplaintRouter
    from appliance.citizen.public.chat import ChatBot
    from appliance.citizen.public.store import public_db
    from appliance.config import Settings
    from appliance.engines import engine
    from bench.bench_citizen import _prepare
    from tests.citizen import cases, sets

    embedder = engine(Settings(), "embedder")
    if embedder is None:
        print("no embedder installed: complaints are routed by the rules alone; nothing to compare", flush=True)
        return
    classifier = FeedbackClassifier()
    router = ComplaintRouter(classifier, embedder)  # example vectors from the disk cache, fit before timing
    texts = [m.text for m in [*sets.DEV_COMPLAINTS, *sets.HELD_OUT_COMPLAINTS] if m.intent == "complaint"]
    times = _interleaved({"raw model call": lambda t: embedder.embed([t[:400]], kind="query"),
                          "rules alone": classifier.classify, "complaint model": router.classify}, texts)
    base = statistics.mean(times["raw model call"]) * 1000
    for name in ("complaint model", "rules alone"):
        report(f"complaint category, mean per complaint, {name}", statistics.mean(times[name]) * 1000, base)
        report(f"complaint category, p95 per complaint, {name}", p95_ms(times[name]), p95_ms(times["raw model call"]))
    in_sample = [ev.Labelled(text, "complaint", category) for text, category in
                 [*cases.COMPLAINTS, *cases.HELD_OUT_COMPLAINTS]]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        _prepare(data)
        bots = {"complaint model": ChatBot(None, "", complaint_embedder=lambda: embedder),
                "rules alone": ChatBot(None, "")}
        with public_db(Settings(data_dir=data)) as conn:
            for label, items in (("in-sample", in_sample), ("dev", sets.DEV_COMPLAINTS),
                                 ("held-out", sets.HELD_OUT_COMPLAINTS)):
                for name, bot in bots.items():
                    tally = ev.views(ev.run(bot, conn, items, prefix=f"{name}-{label}"))["complaint_category"]
                    print(ev.line(f"{label} complaint category ({name})", tally), flush=True)
