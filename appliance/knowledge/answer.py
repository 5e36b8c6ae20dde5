""""Hỏi trợ lý": an answer built only from retrieved passages, every sentence citing its source.

With a generator, the model sees numbered passages and must end each sentence with [n]; a sentence
is kept only if it cites passages we gave it and its figures, dates, names and legal references
are in those passages (the grounding check, `appliance.engines.grounding`), so no uncited or
unsupported claim reaches the screen, and the officer is told how many were dropped. Without a
generator (or when it fails, or nothing survives the check) we answer with the passages' own
sentences that best match the question, quoted verbatim with their citations, and show the
passages themselves.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass, field

from appliance.engines import Embedder, Generator
from appliance.engines.generation import GenerationFailure, chat_text
from appliance.engines.grounding import Source, ground
from appliance.knowledge.indexing import query_terms
from appliance.knowledge.search import SearchHit, search
from appliance.knowledge.subjects import Gap
from appliance.knowledge.summarize import sentences
from appliance.text import fold_tokens, normalize

log = logging.getLogger(__name__)
PASSAGES = 5
ANSWER_DEADLINE_S = 60.0  # an officer waits this long for the model before the quoted passages answer
_MARK = re.compile(r"\[(\d+)\]")
_MARKS_AFTER_STOP = re.compile(r"([.!?…])\s*((?:\[\d+\]\s*)+)")


@dataclass
class CitedSentence:
    text: str
    citations: list[str]
    refs: list[int] = field(default_factory=list)  # 1-based numbers of the passages cited (links on the page)


@dataclass
class Answer:
    question: str
    sentences: list[CitedSentence] = field(default_factory=list)
    passages: list[SearchHit] = field(default_factory=list)
    engine: str = "extractive"
    note: str = ""
    dropped: int = 0  # model sentences dropped by the grounding check
    notice: str | None = None  # "2 câu bị bỏ vì không có căn cứ"
    answered: bool = True  # False: nothing in the library answers (search's calibrated judgement)
    missing: list[str] = field(default_factory=list)  # the question's words the library has nothing about
    procedure: tuple[str, str] | None = None  # (code, name): the passages are that procedure's legal basis
    gaps: list[Gap] = field(default_factory=list)  # registry entries of the textless documents asked about

    def api(self) -> dict[str, object]:
        return {
            "question": self.question,
            "answer": " ".join(f"{s.text} ({'; '.join(s.citations)})" for s in self.sentences),
            "sentences": [{"text": s.text, "citations": s.citations, "refs": s.refs} for s in self.sentences],
            "passages": [p.api() for p in self.passages],
            "engine": self.engine,
            "note": self.note,
            "dropped": self.dropped,
            "notice": self.notice,
            "answered": self.answered,
            "missing": self.missing,
            "procedure": {"code": self.procedure[0], "name": self.procedure[1]} if self.procedure else None,
            "library_gaps": [g.api() for g in self.gaps],
        }


def _source_line(i: int, p: SearchHit) -> str:
    """"[1] Khoản 1 Điều 15 Luật Hộ tịch số 60/2014/QH13 (Hết hiệu lực):" — the model sees the status too."""
    status = "" if p.in_force else f" ({p.status_label})"
    return f"[{i}] {p.citation}{status}:\n{p.text}"


def _prompt(question: str, passages: list[SearchHit]) -> list[dict[str, str]]:
    numbered = "\n\n".join(_source_line(i, p) for i, p in enumerate(passages, start=1))
    return [
        {"role": "system", "content": (
            "Bạn là trợ lý pháp lý cho cán bộ UBND phường. Chỉ trả lời dựa trên các đoạn trích được đánh số. "
            "Mỗi câu trả lời phải kết thúc bằng số đoạn làm căn cứ, ví dụ [1] hoặc [1][3]. Đoạn ghi hết hiệu lực thì "
            "phải nói rõ là đã hết hiệu lực. Nếu các đoạn trích không đủ để trả lời, chỉ viết: Không đủ căn cứ. "
            "Trả lời ngắn gọn bằng tiếng Việt.")},
        {"role": "user", "content": f"Các đoạn trích:\n{numbered}\n\nCâu hỏi: {question}"},
    ]


def _grounded(raw: str, passages: list[SearchHit]) -> tuple[list[CitedSentence], list[tuple[str, str]]]:
    """The model's sentences that cite passages we gave it and whose facts are in those passages."""
    sources = {str(i): Source(str(i), p.text, p.citation) for i, p in enumerate(passages, start=1)}
    claims: list[tuple[str, list[str]]] = []
    # "… người chết. [1] Người …": markers after a full stop close the sentence before them.
    for sentence in sentences(_MARKS_AFTER_STOP.sub(r"\1 \2\n", normalize(raw))):
        text = _MARK.sub("", sentence).strip()
        if text:
            claims.append((text, _MARK.findall(sentence)))
    report = ground(claims, sources)
    kept = [CitedSentence(k.text, list(dict.fromkeys(sources[i].label for i in k.source_ids)),
                          [int(i) for i in k.source_ids]) for k in report.kept]
    return kept, report.dropped


# The search's ranking weighs titles, the bridge from procedures and the embedder; a sentence's word
# overlap alone does not. Quoting first the best sentence of the passage the search ranked first keeps the
# answer on the article the search chose, instead of a sentence of a lower passage that happens to repeat
# more of the words (dev 52 → 55 of 70 cite the key, the first sentence 38 → 48; training halves
# train13–17 94 → 99 of 220, their first sentence 75 → 86; session 17, unconditional since session 19).


def _extractive(question: str, passages: list[SearchHit], limit: int = 2) -> list[CitedSentence]:
    words, _pairs = query_terms(question)
    wanted = set(words)
    scored = []
    for rank, passage in enumerate(passages):
        for sentence in sentences(passage.text):
            tokens = set(fold_tokens(sentence))
            overlap = len(wanted & tokens) / max(1, len(wanted))
            scored.append((overlap - 0.05 * rank, rank, sentence))
    scored.sort(key=lambda item: item[0], reverse=True)
    first = next((item for item in scored if item[1] == 0), None)
    if first is not None and first[0] > 0.2:
        scored = [first, *(item for item in scored if item is not first)]
    out: list[CitedSentence] = []
    for score, rank, sentence in scored:
        if score <= 0.2 or len(out) >= limit:
            break
        if all(sentence != s.text for s in out):
            out.append(CitedSentence(sentence, [passages[rank].citation], [rank + 1]))
    return out


def answer(conn: sqlite3.Connection, question: str, *, generator: Generator | None = None,
           embedder: Embedder | None = None) -> Answer:
    question = normalize(question).strip()
    result = Answer(question=question)
    found = search(conn, question, PASSAGES, embedder=embedder)
    result.passages = found.hits
    result.procedure, result.gaps = found.procedure, found.gaps
    if not found.hits:
        # Nothing answers: say so and name what is missing; no model is asked to fill the gap.
        result.answered, result.missing = False, found.missing
        result.note = found.note or "Không tìm thấy văn bản nào liên quan trong kho tra cứu. Hãy thử từ khóa khác."
        return result
    if generator is not None:
        generated = chat_text(generator, _prompt(question, found.hits), deadline_s=ANSWER_DEADLINE_S, max_tokens=400)
        if isinstance(generated, GenerationFailure):  # a failing model must not hide the passages
            log.info("assistant generation failed (%s): %s", generated.reason, generated.detail)
            result.note = (f"Không dùng được mô hình ngôn ngữ ({generated.say()}); "
                           "trích nguyên văn các đoạn phù hợp nhất.")
        else:
            result.sentences, dropped = _grounded(generated.text, found.hits)
            result.dropped = len(dropped)
            result.notice = f"{len(dropped)} câu bị bỏ vì không có căn cứ" if dropped else None
            if result.sentences:
                result.engine = f"llm: {generator.name}"
                if found.procedure is not None:  # say which procedure's basis the answer rests on
                    result.note = found.note
                return result
            result.note = "Mô hình không đưa ra được câu trả lời có căn cứ; hiển thị các đoạn phù hợp nhất."
    else:
        result.note = ("Chưa cài mô hình ngôn ngữ: trợ lý trích nguyên văn câu phù hợp nhất từ văn bản, "
                       "kèm các đoạn liên quan bên dưới.")
    result.sentences = _extractive(question, found.hits)
    if found.procedure is not None or found.gaps:  # the procedure read, or the current law lacking
        result.note = f"{found.note} {result.note}"
    return result
