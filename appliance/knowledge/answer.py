""""Hỏi trợ lý": an answer built only from retrieved passages, every sentence citing its source.

With a generator, the model sees numbered passages and must end each sentence with [n]; we then
keep only sentences whose markers point at passages we gave it, so no uncited claim reaches the
screen. Without a generator (or when nothing survives the check) we answer with the passages'
own sentences that best match the question, quoted verbatim with their citations, and show the
passages themselves.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass, field

from appliance.engines import Embedder, Generator
from appliance.knowledge.indexing import query_terms
from appliance.knowledge.search import SearchHit, search
from appliance.knowledge.summarize import sentences
from appliance.text import fold_tokens, normalize

log = logging.getLogger(__name__)
PASSAGES = 5
_MARK = re.compile(r"\[(\d+)\]")


@dataclass
class CitedSentence:
    text: str
    citations: list[str]


@dataclass
class Answer:
    question: str
    sentences: list[CitedSentence] = field(default_factory=list)
    passages: list[SearchHit] = field(default_factory=list)
    engine: str = "extractive"
    note: str = ""

    def api(self) -> dict[str, object]:
        return {
            "question": self.question,
            "answer": " ".join(f"{s.text} ({'; '.join(s.citations)})" for s in self.sentences),
            "sentences": [{"text": s.text, "citations": s.citations} for s in self.sentences],
            "passages": [p.api() for p in self.passages],
            "engine": self.engine,
            "note": self.note,
        }


def _prompt(question: str, passages: list[SearchHit]) -> list[dict[str, str]]:
    numbered = "\n\n".join(f"[{i}] {p.citation}:\n{p.text}" for i, p in enumerate(passages, start=1))
    return [
        {"role": "system", "content": (
            "Bạn là trợ lý pháp lý cho cán bộ UBND phường. Chỉ trả lời dựa trên các đoạn trích được đánh số. "
            "Mỗi câu trả lời phải kết thúc bằng số đoạn làm căn cứ, ví dụ [1] hoặc [1][3]. Nếu các đoạn trích không "
            "đủ để trả lời, chỉ viết: Không đủ căn cứ. Trả lời ngắn gọn bằng tiếng Việt.")},
        {"role": "user", "content": f"Các đoạn trích:\n{numbered}\n\nCâu hỏi: {question}"},
    ]


def _cited_only(raw: str, passages: list[SearchHit]) -> list[CitedSentence]:
    kept = []
    for sentence in sentences(normalize(raw)):
        numbers = [int(n) for n in _MARK.findall(sentence)]
        valid = [n for n in numbers if 1 <= n <= len(passages)]
        if not valid or len(valid) != len(numbers):
            continue  # uncited, or citing a passage we never gave: dropped
        text = _MARK.sub("", sentence).strip()
        if text:
            kept.append(CitedSentence(text, list(dict.fromkeys(passages[n - 1].citation for n in valid))))
    return kept


def _extractive(question: str, passages: list[SearchHit], limit: int = 2) -> list[CitedSentence]:
    words, _pairs = query_terms(question)
    wanted = set(words)
    scored = []
    for rank, passage in enumerate(passages):
        for sentence in sentences(passage.text):
            tokens = set(fold_tokens(sentence))
            overlap = len(wanted & tokens) / max(1, len(wanted))
            scored.append((overlap - 0.05 * rank, sentence, passage.citation))
    scored.sort(key=lambda item: item[0], reverse=True)
    out: list[CitedSentence] = []
    for score, sentence, citation in scored:
        if score <= 0.2 or len(out) >= limit:
            break
        if all(sentence != s.text for s in out):
            out.append(CitedSentence(sentence, [citation]))
    return out


def answer(conn: sqlite3.Connection, question: str, *, generator: Generator | None = None,
           embedder: Embedder | None = None) -> Answer:
    question = normalize(question).strip()
    result = Answer(question=question)
    found = search(conn, question, PASSAGES, embedder=embedder)
    result.passages = found.hits
    if not found.hits:
        result.note = "Không tìm thấy văn bản nào liên quan trong kho tra cứu. Hãy thử từ khóa khác."
        return result
    if generator is not None:
        try:
            raw = generator.chat(_prompt(question, found.hits), max_tokens=400)
            result.sentences = _cited_only(raw, found.hits)
            if result.sentences:
                result.engine = f"llm: {getattr(generator, 'name', 'generator')}"
                return result
            result.note = "Mô hình không đưa ra được câu trả lời có trích dẫn; hiển thị các đoạn phù hợp nhất."
        except Exception:  # a failing model must not hide the passages
            log.exception("assistant generator failed")
            result.note = "Mô hình ngôn ngữ gặp lỗi; hiển thị các đoạn phù hợp nhất."
    else:
        result.note = ("Chưa cài mô hình ngôn ngữ: trợ lý trích nguyên văn câu phù hợp nhất từ văn bản, "
                       "kèm các đoạn liên quan bên dưới.")
    result.sentences = _extractive(question, found.hits)
    return result
