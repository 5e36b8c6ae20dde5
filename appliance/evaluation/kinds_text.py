"""Scorers for the paths that write text: summaries (grounding score), the legal assistant
(right source cited, grounding) and draft bodies (format and grounding checks). Each returns one
Trial per item; a model variant also records the contract's failures, tokens and model time."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Mapping, Sequence

from appliance.db import connect, migrate
from appliance.drafting.composer import compose
from appliance.drafting.doctypes import load_doctype
from appliance.engines.base import Generator
from appliance.engines.generation import observed
from appliance.engines.grounding import Source, ground
from appliance.engines.text_checks import language_problem, repetition_problem
from appliance.evaluation.model import EvalContext, Trial, Verdict, fields, generation_stats
from appliance.knowledge.answer import answer
from appliance.knowledge.starter import shipped_pages
from appliance.knowledge.summarize import summarize

LIBRARY_DOCUMENTS = 12  # documents of the starter library summarised (the first ones with several articles)
_HEADER = re.compile(r"^(cộng hòa|độc lập|số:|kính gửi|nơi nhận|tm\.|kt\.)", re.IGNORECASE)


def library_documents() -> list[tuple[str, str]]:
    """The shipped legal library's documents (số ký hiệu, official text article by article): the
    summaries' evaluation set."""
    texts: dict[str, list[str]] = {}
    for page in shipped_pages():
        for article in page.articles:
            if article.note is not None:
                texts.setdefault(article.note.document.number, []).append(
                    f"Điều {article.note.article}. {article.title}\n{article.text}")
    chosen = [(number, "\n".join(parts)) for number, parts in texts.items() if len(parts) >= 5]
    return chosen[:LIBRARY_DOCUMENTS]


def summaries(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Right: key points that all hold up against the document, from the model when one is given;
    unsure: the model fell back to extraction or some of its points were dropped; wrong: no points,
    or a shown point with a figure, date, name or reference the document does not hold."""
    trials = []
    for item in items:
        name, text = (str(v) for v in fields(item, 2, "(tên, văn bản)"))
        started = time.perf_counter()
        with observed() as calls:
            result = summarize(text, generator=generator)
        elapsed = time.perf_counter() - started
        failures, tokens, model_s = generation_stats(calls)
        shown = ground([(p, ["doc"]) for p in result.key_points], {"doc": Source("doc", text)})
        fell_back = generator is not None and result.engine != "llm"
        verdict: Verdict
        if not result.key_points or shown.dropped:
            verdict, note = "wrong", f"{name}: {shown.dropped[0] if shown.dropped else 'không có ý chính'}"
        elif fell_back or result.dropped:
            verdict, note = "unsure", f"{name}: {result.note or result.notice}"
        else:
            verdict, note = "right", ""
        if generator is None:  # extraction: every shown sentence is checked the same way
            kept, dropped = len(shown.kept), len(shown.dropped)
        else:
            kept, dropped = result.grounded, result.dropped
        trials.append(Trial(verdict, elapsed, result.engine, fell_back, failures, tokens, model_s, kept=kept,
                            dropped=dropped, note=note))
    return trials


def _library(ctx: EvalContext) -> sqlite3.Connection:
    conn = ctx.cache.get("knowledge.conn")
    if not isinstance(conn, sqlite3.Connection):
        conn = connect(ctx.scratch / "knowledge-eval.db")
        migrate(conn)  # loads the starter library
        ctx.cache["knowledge.conn"] = conn
    return conn


def assistant(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Right: a sentence of the answer cites the article the question is about; unsure: no answer
    sentence; wrong: sentences that cite only other articles."""
    conn = _library(ctx)
    trials = []
    for item in items:
        question, expected = (str(v) for v in fields(item, 2, "(câu hỏi, 'số hiệu|điều')"))
        started = time.perf_counter()
        with observed() as calls:
            result = answer(conn, question, generator=generator)
        elapsed = time.perf_counter() - started
        failures, tokens, model_s = generation_stats(calls)
        cited = {f"{result.passages[n - 1].number}|{result.passages[n - 1].article}"
                 for s in result.sentences for n in s.refs if 0 < n <= len(result.passages)}
        verdict: Verdict = "right" if expected in cited else "wrong" if result.sentences else "unsure"
        llm = result.engine.startswith("llm")
        generated = generator is not None
        trials.append(Trial(verdict, elapsed, "llm" if llm else result.engine, generated and not llm, failures,
                            tokens, model_s,
                            kept=(len(result.sentences) if llm else 0) if generated else None,
                            dropped=result.dropped if generated else None,
                            note="" if verdict == "right" else f"{question} → {sorted(cited)} (cần: {expected})"))
    return trials


def body_format(lines: Sequence[str]) -> str | None:
    """Why a draft body breaks the format (Nghị định 30: body only, ends "./."), or None."""
    text = "\n".join(lines)
    if not lines or any(not line.strip() for line in lines):
        return "dòng trống"
    if not text.endswith("./."):
        return "không kết thúc bằng ./."
    if "**" in text or "```" in text or any(line.lstrip().startswith("#") for line in lines):
        return "còn định dạng markdown"
    if any(_HEADER.match(line) for line in lines):
        return "lẫn phần đầu hoặc phần cuối văn bản"
    return language_problem(text) or repetition_problem(text)


def draft_bodies(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
    """Right: a body in the format, written by the model when one is given, with nothing dropped;
    unsure: the model fell back to the template or had sentences dropped; wrong: the format breaks."""
    trials = []
    for request in items:
        payload: Mapping[str, object] = request if isinstance(request, Mapping) else {}
        doctype = load_doctype(ctx.settings, str(payload["doc_type"]))
        started = time.perf_counter()
        with observed() as calls:
            composed = compose(ctx.settings, doctype, payload, "Văn phòng HĐND và UBND", generator=generator,
                               use_registry=False)
        elapsed = time.perf_counter() - started
        failures, tokens, model_s = generation_stats(calls)
        broken = body_format(composed.body)
        fell_back = generator is not None and composed.engine != "llm"
        verdict: Verdict = "wrong" if broken else "unsure" if fell_back or composed.dropped else "right"
        generated = generator is not None
        trials.append(Trial(verdict, elapsed, composed.engine, fell_back, failures, tokens, model_s,
                            kept=composed.written if generated else None,
                            dropped=composed.dropped if generated else None, format_ok=broken is None,
                            note=f"{payload['doc_type']}: {broken or composed.note}" if verdict != "right" else ""))
    return trials
