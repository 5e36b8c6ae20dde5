"""Answers about a procedure, built only from its catalogue record.

The template answer is the reference: every fact in it is a field of the record. A
generator, when installed, may rephrase it; its text is accepted only if it brings no
number, link or code that the record does not contain and keeps every number of the
template (fees, days, article numbers). Otherwise the template answer is used and the
engine is reported as "rules".
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from appliance.citizen.matching import Procedure
from appliance.engines import Generator
from appliance.engines.generation import GenerationFailure, chat_text
from appliance.text import fold

log = logging.getLogger(__name__)

ASPECT_ORDER = ("documents", "time", "fee", "where", "online", "forms", "legal")
LABELS = {
    "documents": "Giấy tờ cần chuẩn bị", "time": "Thời hạn giải quyết", "fee": "Lệ phí",
    "where": "Nơi nộp", "online": "Nộp trực tuyến", "forms": "Mẫu đơn, tờ khai", "legal": "Căn cứ pháp lý",
    "how": "Các bước thực hiện",
}
FIELD_OF = {"documents": "documents", "time": "processing_time", "fee": "fee", "where": "where",
            "online": "online_url", "forms": "forms", "legal": "legal_basis", "how": "how"}
POLICE_NOTE = "Lưu ý: thủ tục này do Công an phường giải quyết (không nộp tại bộ phận một cửa UBND phường)."
CHAT_DEADLINE_S = 3.0  # a citizen waits at most this long for a rephrasing before the template answers
UNSOURCED_NOTE = ("cần xác nhận — thư viện văn bản của phường chưa có văn bản chính thức làm căn cứ cho thông tin "
                  "này; vui lòng hỏi bộ phận một cửa.")
CONFIRM_NOTE = "(cần xác nhận: vui lòng hỏi lại bộ phận một cửa trước khi đến)"
_FACT = re.compile(r"https?://[^\s)\]]+|\d+(?:[.,]\d+)*")
_NUMBERING = re.compile(r"^\s*\d+[.)]\s", re.MULTILINE)


@dataclass(frozen=True)
class Answer:
    text: str
    engine: str  # "rules" or "llm"


def _lines(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)] if value and str(value).strip() else []


def section(proc: Procedure, aspect: str) -> str:
    text = _section(proc, aspect)
    hours = str(proc.data.get("opening_hours") or "").strip()
    if aspect == "where" and hours:  # the ward's own opening hours, published with the catalogue (ward setup)
        text += f"\nGiờ làm việc: {hours}"
    return text


def _section(proc: Procedure, aspect: str) -> str:
    field = FIELD_OF[aspect]
    values = _lines(proc.data.get(field))
    if field in (proc.data.get("unsourced") or []):  # withheld at publishing: no official text confirms it
        return f"{LABELS[aspect]}: {UNSOURCED_NOTE}"
    if not values:
        return f"{LABELS[aspect]}: chưa có trong danh mục; vui lòng liên hệ bộ phận một cửa."
    confirm = f" {CONFIRM_NOTE}" if field in (proc.data.get("needs_confirmation") or []) else ""
    if len(values) == 1:
        return f"{LABELS[aspect]}: {values[0]}{confirm}"
    items = "\n".join(f"{i}. {v}" for i, v in enumerate(values, 1))
    return f"{LABELS[aspect]}{confirm}:\n{items}"


def template_answer(proc: Procedure, aspects: list[str]) -> str:
    chosen = [a for a in ASPECT_ORDER if a in aspects] or ["documents", "time", "fee", "where", "online"]
    parts = [f"Thủ tục «{proc.name}»" + (f" — {proc.data['agency']}" if proc.data.get("agency") else "") + ":"]
    gap = proc.data.get("library_gap")
    if isinstance(gap, dict) and gap.get("message"):
        # Published by the staff side (knowledge/published.py): the same sentence as the staff search.
        parts.append(f"Lưu ý: {gap['message']}")
    parts.extend(section(proc, a) for a in chosen)
    if proc.police:
        parts.append(POLICE_NOTE)
    if not aspects:
        parts.append("Bạn có thể hỏi thêm về mẫu tờ khai, căn cứ pháp lý hoặc các bước thực hiện.")
    return "\n\n".join(parts)


def facts_of(proc: Procedure) -> set[str]:
    text = " ".join(" ".join(_lines(v)) for v in proc.data.values() if isinstance(v, str | list))
    return {m.group(0).rstrip(".,") for m in _FACT.finditer(text)}


def facts_in(text: str) -> set[str]:
    """Numbers and links in a text, list numbering ("1. ", "2) ") aside."""
    return {m.group(0).rstrip(".,") for m in _FACT.finditer(_NUMBERING.sub("", text))}


def check_phrasing(proc: Procedure, template: str, candidate: str) -> bool:
    """The generated text may not add a fact, and must keep every fact of the template."""
    allowed = facts_of(proc)
    found = facts_in(candidate)
    needed = facts_in(template)
    if not found <= allowed | needed:
        return False
    if not needed <= found:
        return False
    # A procedure handled by the police must still say so.
    return not (proc.police and "cong an" not in fold(candidate))


def answer(proc: Procedure, aspects: list[str], question: str, generator: Generator | None = None) -> Answer:
    template = template_answer(proc, aspects)
    if generator is None:
        return Answer(template, "rules")
    messages = [
        {"role": "system", "content": (
            "Bạn là trợ lý của UBND phường, trả lời người dân lịch sự, ngắn gọn bằng tiếng Việt. "
            "Chỉ dùng thông tin trong PHẦN DỮ KIỆN; không thêm con số, lệ phí, thời hạn, đường dẫn nào khác; "
            "giữ nguyên mọi con số và đường dẫn.")},
        {"role": "user", "content": f"Câu hỏi: {question}\n\nPHẦN DỮ KIỆN:\n{template}\n\nHãy viết câu trả lời."},
    ]
    # Busy, slow, cut, looping or not Vietnamese: the template answers at the deadline, labelled "rules".
    result = chat_text(generator, messages, deadline_s=CHAT_DEADLINE_S, max_tokens=700)
    if isinstance(result, GenerationFailure):
        log.info("citizen rephrasing not used (%s: %s); the template answers", result.reason, result.detail)
        return Answer(template, "rules")
    if check_phrasing(proc, template, result.text):
        return Answer(result.text, "llm")
    log.info("generated answer rejected by the fact check; using the template")
    return Answer(template, "rules")
