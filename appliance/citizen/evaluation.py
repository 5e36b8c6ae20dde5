"""Scoring the chatbot on labelled citizen messages, through the real chat path.

Each message is sent in a fresh session to `ChatBot.handle` over a public.db with the catalogue
published, exactly as a citizen's first message would be. When the bot offers to file a
complaint ("gửi phản ánh này?"), the scorer confirms as a citizen would and judges what is filed.

Verdicts (what `make bench` prints and the held-out tests assert):
- right: the intent the writer labelled and, for a procedure, the labelled procedure (top-1); for
  an FAQ, its topic; for a complaint, its category told to the citizen; for a complaint that names
  no problem anyone could route (label `VAGUE`, session 8's writers), "chờ phân loại" for staff;
- unsure: an honest abstention — a clarifying question with choices, an offer to hand over to
  staff, "chưa hiểu", or a complaint left "chờ phân loại" for staff;
- wrong: anything else said confidently (another procedure, a question filed as a complaint, a
  procedure named for an out-of-scope question, a complaint sent to the wrong department).
"""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from appliance.citizen.public.chat import ChatBot, ChatReply

Verdict = Literal["right", "unsure", "wrong"]
ABSTAIN = ("clarify", "unknown", "handover_offer", "confirm_pending")
# The label of a complaint that names no concrete problem ("tôi muốn phản ánh một việc đã lâu"): the
# right outcome is a ticket left "chờ phân loại"; telling the citizen a department is confidently wrong.
VAGUE = "cho_phan_loai"


@dataclass(frozen=True)
class Labelled:
    """One message of a labelled set: the writer's intent and label (procedure code, FAQ topic or
    complaint category) and the qualifier that changes the procedure, if any."""

    text: str
    intent: str  # procedure | faq | out_of_scope | status | chitchat | complaint
    label: str = ""
    qualifier: str = ""


@dataclass(frozen=True)
class Judgement:
    item: Labelled
    verdict: Verdict
    got: str  # what the bot concluded, e.g. "procedure HT-KS", "faq dia_chi", "complaint ha_tang"
    elapsed_s: float
    flags: frozenset[str] = frozenset()  # oos_named_procedure, question_filed, wrong_department, qualifier_…

    @property
    def note(self) -> str:
        want = f"{self.item.intent} {self.item.label}".strip()
        return f"{self.item.text[:90]} → {self.got} (cần: {want})"


@dataclass(frozen=True)
class Tally:
    """One set: right / unsure / wrong and the issue's specific failure counts."""

    items: int
    right: int
    unsure: int
    wrong: int
    flags: dict[str, int] = field(default_factory=dict)
    by_intent: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)  # items, right, unsure, wrong
    misses: tuple[str, ...] = ()

    def share(self, count: int, of: int | None = None) -> float:
        total = self.items if of is None else of
        return count / total if total else 0.0


def outcome(reply: ChatReply) -> tuple[str, str]:
    """What the bot concluded from one reply: (kind, label)."""
    if reply.detail in ABSTAIN:
        return "abstain", reply.detail
    if reply.detail in ("filed", "confirm_complaint", "ask_details"):
        ticket = reply.ticket
        pending = bool(ticket.get("pending")) if ticket else False
        category = "" if pending or not ticket else str(ticket.get("category", ""))
        return "complaint", category
    if reply.intent == "status" or reply.detail in ("status", "ask_code", "not_found", "status_help"):
        return "status", ""
    if reply.detail == "faq":
        return "faq", reply.faq_topic or ""
    if reply.detail == "out_of_scope":
        return "out_of_scope", ""
    if reply.procedure is not None and reply.detail in ("answer", "follow_up", "variant"):
        return "procedure", reply.procedure.code
    if reply.detail in ("greeting", "thanks", "chitchat", "empty"):
        return "chitchat", ""
    return "abstain", reply.detail


def judge(item: Labelled, first: ChatReply, final: ChatReply, elapsed_s: float) -> Judgement:
    kind, label = outcome(final)
    got = f"{kind} {label}".strip()
    flags: set[str] = set()
    verdict: Verdict
    if kind == "complaint" and item.intent != "complaint":
        verdict = "wrong"
        flags.add("question_filed")
    elif item.intent == "complaint" and item.label == VAGUE and kind == "complaint":
        verdict = "right" if not label else "wrong"
        if label:
            flags.add("vague_routed")
    elif kind == "abstain" or (kind == "complaint" and not label):
        verdict = "unsure"
    elif item.intent == "complaint":
        verdict = "right" if (kind, label) == ("complaint", item.label) else "wrong"
        if kind == "complaint" and verdict == "wrong":
            flags.add("wrong_department")
    elif item.intent == "procedure":
        verdict = "right" if (kind, label) == ("procedure", item.label) else "wrong"
    elif item.intent == "faq":
        same_topic = kind == "faq" and label == item.label
        progress = item.label == "tra_cuu_ho_so" and kind == "status"
        online = item.label == "nop_truc_tuyen" and kind == "procedure" and "online" in first.aspects
        verdict = "right" if same_topic or progress or online else "wrong"
    elif item.intent == "status":
        verdict = "right" if kind == "status" or (kind, label) == ("faq", "tra_cuu_ho_so") else "wrong"
    elif item.intent == "out_of_scope":
        verdict = "right" if kind == "out_of_scope" else "wrong"
    else:  # chitchat
        verdict = "right" if kind == "chitchat" else "wrong"
    if item.intent == "out_of_scope" and kind == "procedure":
        flags.add("oos_named_procedure")
    if item.qualifier and kind == "procedure":
        flags.add("qualifier_seen" if item.qualifier in final.qualifiers else "qualifier_missed")
    return Judgement(item, verdict, got, elapsed_s, frozenset(flags))


def run(bot: ChatBot, conn: sqlite3.Connection, items: Sequence[Labelled], *, prefix: str = "eval") -> list[Judgement]:
    """Each item in a fresh session; a complaint offered for confirmation is confirmed."""
    out = []
    for n, item in enumerate(items):
        session = f"{prefix}-{n:04d}-{time.monotonic_ns()}"
        started = time.perf_counter()
        first = bot.handle(conn, session, item.text)
        final = first
        if first.detail == "confirm_complaint":
            final = bot.handle(conn, session, "Gửi phản ánh")
        out.append(judge(item, first, final, time.perf_counter() - started))
    return out


def tally(judgements: Sequence[Judgement]) -> Tally:
    verdicts = Counter(j.verdict for j in judgements)
    flags = Counter(f for j in judgements for f in j.flags)
    by_intent: dict[str, tuple[int, int, int, int]] = {}
    for intent in sorted({j.item.intent for j in judgements}):
        own = [j for j in judgements if j.item.intent == intent]
        c = Counter(j.verdict for j in own)
        by_intent[intent] = (len(own), c["right"], c["unsure"], c["wrong"])
    return Tally(len(judgements), verdicts["right"], verdicts["unsure"], verdicts["wrong"], dict(flags), by_intent,
                 tuple(j.note for j in judgements if j.verdict != "right"))


def _intent_verdict(j: Judgement) -> Verdict:
    """Question or complaint, whatever the procedure or category: unsure when the bot abstained."""
    kind = j.got.split(" ", 1)[0]
    if kind == "abstain":
        return "unsure"
    return "right" if (kind == "complaint") == (j.item.intent == "complaint") else "wrong"


VIEWS = ("question_or_complaint", "procedure", "complaint_category", "vague_complaint")


def view_judgements(judgements: Sequence[Judgement], name: str) -> list[Judgement]:
    """The judgements one view counts, with that view's verdicts (see `views`)."""
    if name == "question_or_complaint":
        return [Judgement(j.item, _intent_verdict(j), j.got, j.elapsed_s, j.flags) for j in judgements]
    if name == "procedure":
        return [j for j in judgements if j.item.intent == "procedure"]
    vague = name == "vague_complaint"
    return [j for j in judgements if j.item.intent == "complaint" and (j.item.label == VAGUE) == vague]


def views(judgements: Sequence[Judgement]) -> dict[str, Tally]:
    """The brief's three questions over one or more sets: (a) question or complaint, over every
    message; (b) which procedure, over the procedure questions; (c) which complaint category (and
    so department), over the complaints that name a problem; and (d) over the complaints that name
    none (`VAGUE`), whether they were left for staff to sort."""
    return {name: tally(view_judgements(judgements, name)) for name in VIEWS}


def line(name: str, t: Tally) -> str:
    """One row of the printed table: right / unsure / confidently wrong."""
    return (f"{name:<44} {t.items:>4}  right {t.right:>4} ({t.share(t.right):6.1%})  unsure {t.unsure:>3} "
            f"({t.share(t.unsure):6.1%})  wrong {t.wrong:>3} ({t.share(t.wrong):6.1%})")
