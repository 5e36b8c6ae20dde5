"""An item of the biên bản written by the generator (generation contract, `chat_json`): short sentences of
who raised what and the chair's conclusions, each citing the numbers of the transcript lines it rests on.
`ground()` keeps a sentence only when it cites a line that was said and every number, date, name and legal
reference in it is in the lines it cites; the rest are dropped and counted. A failed generation gives the
extractive item and says why."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from appliance.engines import Generator
from appliance.engines.generation import GenerationFailure, chat_json
from appliance.engines.grounding import Source, ground
from appliance.meetings.minutes_content import Item, Point
from appliance.meetings.topics import Line, Section

MINUTES_DEADLINE_S = 120.0  # per item: past it the item is written by extraction
_CLAIMS = {"type": "array", "maxItems": 8, "items": {
    "type": "object", "additionalProperties": False, "required": ["text", "sources"],
    "properties": {"text": {"type": "string", "minLength": 3, "maxLength": 500},
                   "sources": {"type": "array", "minItems": 1, "maxItems": 8, "items": {"type": "integer"}}}}}
SCHEMA: dict[str, object] = {"type": "object", "additionalProperties": False, "required": ["points", "conclusions"],
                             "properties": {"points": _CLAIMS, "conclusions": _CLAIMS}}
SYSTEM = ("Bạn là thư ký cuộc họp của Ủy ban nhân dân phường, viết biên bản theo Nghị định 30/2020/NĐ-CP. Với một "
          "nội dung của cuộc họp, hãy viết: points — mỗi câu tóm tắt ngắn ý kiến của một người (ghi họ tên như trong "
          "lời họp), và conclusions — kết luận, ý kiến chỉ đạo của chủ trì. Mỗi câu phải ghi sources là số thứ tự các "
          "dòng lời họp làm căn cứ. Không thêm số liệu, ngày tháng, tên người không có trong các dòng đó. Chỉ trả lời "
          "bằng JSON.")


@dataclass(frozen=True)
class ModelItem:
    item: Item
    engine: str
    dropped: int


def write_item(generator: Generator | None, section: Section, chair: str, *,
               given: str = "") -> ModelItem | GenerationFailure:
    lines: Sequence[Line] = section.lines
    numbered = "\n".join(f"[{ln.id}] {ln.speaker}: {ln.text}" for ln in lines)
    prompt = (f"Nội dung: {section.title}\nChủ trì: {chair or 'chưa rõ'}\n\nLời họp (mỗi dòng có số thứ tự):\n"
              f"{numbered}\n\nTrả lời JSON dạng {{\"points\": [{{\"text\", \"sources\"}}], \"conclusions\": [...]}}.")
    result = chat_json(generator, [{"role": "system", "content": SYSTEM}, {"role": "user", "content": prompt}],
                       schema=SCHEMA, deadline_s=MINUTES_DEADLINE_S, max_tokens=900, language="vi")
    if isinstance(result, GenerationFailure):
        return result
    said: dict[int, list[str]] = {}
    for ln in lines:  # a transcript line may hold several sentences: one source, all of them
        said.setdefault(ln.id, []).append(ln.text)
    speaker = {ln.id: ln.speaker for ln in lines}
    sources = {str(i): Source(str(i), f"{speaker[i]}: {' '.join(texts)}", speaker[i]) for i, texts in said.items()}
    item = Item(section.title, from_agenda=section.from_agenda)
    dropped = 0
    for key, target in (("points", item.points), ("conclusions", item.conclusions)):
        raw = result.value.get(key)
        claims = [(str(c["text"]), [str(s) for s in c["sources"]]) for c in raw if isinstance(c, dict)] \
            if isinstance(raw, list) else []
        report = ground(claims, sources, given=f"{section.title} {chair} {given}")
        target += [Point(s.text, sorted(int(i) for i in s.source_ids)) for s in report.kept]
        dropped += len(report.dropped)
    return ModelItem(item, result.engine, dropped)
