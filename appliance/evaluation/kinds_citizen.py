"""Scorers for the citizen chat on the outside writer's labelled sets (tests/citizen/dev and
tests/citizen/heldout): every message goes through the real chat path (`ChatBot.handle`, fresh
session, over a scratch public.db with the catalogue published) and is judged by
`appliance.citizen.evaluation`. Three views of the same run, one kind each: question or complaint,
which procedure, which complaint category. A run is cached per (items, generator) in the context."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from appliance.citizen import evaluation as citizen_eval
from appliance.citizen.public.chat import ChatBot
from appliance.citizen.public.store import public_db
from appliance.citizen.staff.sync import publish
from appliance.db import connect, migrate
from appliance.engines.base import Generator
from appliance.evaluation.model import EvalContext, Trial

View = Callable[[Sequence[object], EvalContext, Generator | None], list[Trial]]


def _published(ctx: EvalContext) -> None:
    """A migrated staff DB with the catalogue published to public.db, once per run."""
    if ctx.cache.get("citizen.public") is not None:
        return
    ctx.settings.data_dir.mkdir(parents=True, exist_ok=True)
    staff = connect(ctx.settings.db_path)
    try:
        migrate(staff)
        with public_db(ctx.settings) as public:
            publish(staff, public)
    finally:
        staff.close()
    ctx.cache["citizen.public"] = True


def _judged(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[citizen_eval.Judgement]:
    labelled = [i for i in items if isinstance(i, citizen_eval.Labelled)]
    if len(labelled) != len(items):
        raise TypeError("an item of this set must be appliance.citizen.evaluation.Labelled")
    digest = hashlib.sha256("\x00".join(i.text for i in labelled).encode()).hexdigest()[:16]
    key = f"citizen.chat:{digest}:{generator.name if generator is not None else '-'}"
    cached = ctx.cache.get(key)
    if isinstance(cached, list):
        return cached
    _published(ctx)
    bot = ChatBot(generator, ctx.settings.public_base_url)
    with public_db(ctx.settings) as conn:
        judged = citizen_eval.run(bot, conn, labelled, prefix=f"eval-{digest}")
    ctx.cache[key] = judged
    return judged


def _view(name: str) -> View:
    def run(items: Sequence[object], ctx: EvalContext, generator: Generator | None) -> list[Trial]:
        judged = _judged(items, ctx, generator)
        engine = "llm" if generator is not None else "rules"
        kept = citizen_eval.views(judged)[name]
        chosen = citizen_eval.view_judgements(judged, name)
        assert len(chosen) == kept.items
        return [Trial(j.verdict, j.elapsed_s, engine, note="" if j.verdict == "right" else j.note) for j in chosen]
    return run


question_or_complaint = _view("question_or_complaint")
procedure = _view("procedure")
complaint_category = _view("complaint_category")
