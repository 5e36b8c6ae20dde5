"""Who writes the body: the officer (noi_dung), the generator engine (yeu_cau), or, without a
model, the type's template filled deterministically from the request ("engine": "template")."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from appliance.config import Settings
from appliance.drafting.doctypes import DocType
from appliance.engines import Generator, engine
from appliance.engines.generation import GenerationFailure, chat_text
from appliance.engines.grounding import Source, ground
from appliance.text import normalize

log = logging.getLogger(__name__)
ELLIPSIS = "…"
DRAFT_DEADLINE_S = 90.0  # past it the officer gets the template body at once
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ0-9“\"(])")
_ARTICLE = re.compile(r"^(Điều \d+\.\s*)")  # the decision's own article numbering, not a reference
_CITE_MARK = re.compile(r"\s*\[\w+\]")
_HEADER_NOISE = re.compile(r"^(cộng hòa|cộng hoà|độc lập|số:|kính gửi|ủy ban nhân dân$|tm\.|kt\.|tl\.|q\.\s|"
                           r"chủ tịch$|phó chủ tịch$|dự thảo$)", re.IGNORECASE)
_TAIL = re.compile(r"^(nơi nhận|người ký|ký tên)", re.IGNORECASE)


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ELLIPSIS


def lowercase_first(text: str) -> str:
    text = text.strip()
    # "Tổ chức…" → "tổ chức…", but an acronym ("UBND…") or a name stays as written.
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def as_sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ELLIPSIS
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".:;!?…" else text + "."


def _text(value: object) -> str | None:
    """A request field that is text (the validated request joins lists into lines)."""
    return value if isinstance(value, str) else None


def split_lines(text: str | None) -> list[str]:
    return [normalize(line.strip()) for line in (text or "").splitlines() if line.strip()]


def tidy(line: str) -> str:
    """Punctuation where a placeholder met the template's own: "…." → "…", ".." → "."."""
    line = line.replace("….", "…")
    return re.sub(r"(?<![./])\.\.(?![./])", ".", line)


def fill(lines: list[str], values: Mapping[str, str]) -> list[str]:
    out: list[str] = []
    blanks = _Blank(values)
    for line in lines:
        out.extend(tidy(part) for part in line.format_map(blanks).split("\n") if part.strip())
    return out


def ward_in_prose(name: str) -> str:
    """"Phường Mẫu" → "phường Mẫu": in running text the unit's kind is lower case
    (Phụ lục II NĐ 30: "Ủy ban nhân dân tỉnh Nam Định")."""
    name = " ".join(name.split())
    for kind in ("Phường ", "Xã ", "Thị trấn ", "Đặc khu "):
        if name.startswith(kind):
            return kind.lower() + name[len(kind):]
    return name


def template_values(settings: Settings, payload: Mapping[str, object], don_vi: str) -> dict[str, str]:
    trich_yeu = normalize(str(payload.get("trich_yeu") or "")).strip()
    yeu_cau_lines = split_lines(_text(payload.get("yeu_cau")))
    ward = ward_in_prose(settings.ward_name)

    def text_of(key: str) -> str:
        value = payload.get(key)
        if isinstance(value, list):
            return "; ".join(str(v).strip() for v in value if str(v).strip()) or ELLIPSIS
        return normalize(str(value)).strip() if value else ELLIPSIS

    return {
        "ward": ward,
        "WARD": ward.upper(),
        "ubnd": f"Ủy ban nhân dân {ward}",
        "trich_yeu_goc": trich_yeu or ELLIPSIS,
        "trich_yeu_thuong": lowercase_first(trich_yeu) or ELLIPSIS,
        "yeu_cau": "\n".join(as_sentence(line) for line in yeu_cau_lines) or ELLIPSIS,
        "thanh_phan": text_of("thanh_phan"),
        "thoi_gian": text_of("thoi_gian"),
        "dia_diem": text_of("dia_diem"),
        "don_vi": don_vi,
    }


def _prompt(doctype: DocType, values: Mapping[str, str], yeu_cau: str, skeleton: list[str]) -> list[dict[str, str]]:
    system = (
        f"Bạn là chuyên viên Văn phòng HĐND và UBND {values['ward']}, soạn văn bản hành chính đúng Nghị định "
        "30/2020/NĐ-CP. Chỉ viết PHẦN NỘI DUNG của văn bản: không viết quốc hiệu, tên cơ quan, số ký hiệu, "
        "ngày tháng, tên loại, trích yếu, chữ ký, nơi nhận. Mỗi đoạn văn một dòng, không dùng markdown. "
        "Văn phong hành chính, ngắn gọn, lịch sự. Không bịa số liệu, tên người, số văn bản: chỗ chưa có thông "
        "tin thì để dấu “…”. Kết thúc nội dung bằng “./.”."
    )
    if doctype.code == "quyet_dinh":
        system += " Chỉ viết các điều khoản, mỗi điều bắt đầu bằng “Điều 1.”, “Điều 2.”…; không viết phần căn cứ."
    user = (f"Loại văn bản: {doctype.ten}.\nTrích yếu: {values['trich_yeu_goc']}.\nYêu cầu của cán bộ: {yeu_cau}\n"
            "Khung tham khảo:\n" + "\n".join(skeleton))
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def _clean_generated(text: str) -> list[str]:
    """Keep the body only: models like to add a header, a signature and a nơi nhận list."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = normalize(re.sub(r"\*\*|__", "", raw).strip().lstrip("#").strip())
        if _TAIL.match(line):
            break  # everything after "Nơi nhận" is the closing block, which the renderer owns
        if line and not _HEADER_NOISE.match(line):
            lines.append(line)
    if lines and not lines[-1].endswith("./."):
        # Phụ lục I: the body ends with "./.".
        lines[-1] = lines[-1].rstrip(" .") + "./."
    return lines


def grounded_lines(lines: list[str], given: str) -> tuple[list[str], int]:
    """The generated body without sentences whose numbers, dates, names or legal references are not in
    what the officer gave (request, template values, the type's frame): the model may not invent
    them. Returns the kept lines and how many sentences were dropped."""
    source = {"input": Source("input", given)}
    kept: list[str] = []
    dropped = 0
    for line in lines:
        article = _ARTICLE.match(line)
        head, rest = (article.group(1), line[article.end():]) if article else ("", line)
        parts = [p for p in _SENTENCE.split(_CITE_MARK.sub("", rest)) if p.strip()]
        report = ground([(p, ["input"]) for p in parts], source)
        dropped += len(report.dropped)
        text = " ".join(k.text for k in report.kept)
        if text:
            kept.append(head + text)
    if kept and not kept[-1].endswith("./."):
        kept[-1] = kept[-1].rstrip(" .") + "./."
    return kept, dropped


@dataclass(frozen=True)
class Composed:
    body: list[str]
    engine: str  # "person", "llm" or "template"
    note: str | None
    written: int = 0  # sentences the model wrote that were kept (grounding check)
    dropped: int = 0  # … and dropped


def compose_body(settings: Settings, doctype: DocType, payload: Mapping[str, object], don_vi: str,
                 generator: Generator | None = None, use_registry: bool = True,
                 on_text: Callable[[str], None] | None = None) -> tuple[list[str], str, str | None]:
    """The body lines, the engine that wrote them, and a note for the officer (or None)."""
    composed = compose(settings, doctype, payload, don_vi, generator, use_registry, on_text)
    return composed.body, composed.engine, composed.note


def compose(settings: Settings, doctype: DocType, payload: Mapping[str, object], don_vi: str,
            generator: Generator | None = None, use_registry: bool = True,
            on_text: Callable[[str], None] | None = None) -> Composed:
    """compose_body with the grounding counts (the evaluation command reads them)."""
    values = template_values(settings, payload, don_vi)
    opening = fill(doctype.mo_dau, values)
    closing = fill(doctype.ket_thuc, values)
    own = split_lines(_text(payload.get("noi_dung")))
    if own:
        if doctype.code == "quyet_dinh" and any(line.upper().startswith("QUYẾT ĐỊNH:") for line in own):
            opening = []  # the officer wrote the căn cứ part too
        return Composed(opening + own + closing, "person", None)
    yeu_cau = " ".join(split_lines(_text(payload.get("yeu_cau"))))
    if not yeu_cau:
        note = "Đây là khung văn bản theo mẫu: hãy thay các dấu “…” bằng nội dung cụ thể."
        return Composed(opening + fill(doctype.khung, values) + closing, "template", note)
    if generator is None and use_registry:
        generator = engine(settings, "generator")
    why = ""
    if generator is not None:
        skeleton = fill(doctype.khung, values)
        result = chat_text(generator, _prompt(doctype, values, yeu_cau, skeleton), deadline_s=DRAFT_DEADLINE_S,
                           max_tokens=1200, temperature=0.2, on_text=on_text)
        if isinstance(result, GenerationFailure):
            log.info("draft body from the template: %s (%s)", result.reason, result.detail)
            why = f" ({result.say()})"
        else:
            given = "\n".join([*values.values(), *skeleton, *opening, *closing, doctype.ten, "30/2020/NĐ-CP"])
            written, dropped = grounded_lines(_clean_generated(result.text), given)
            if written:
                note = "Nội dung do mô hình ngôn ngữ soạn: cán bộ kiểm tra, chỉnh sửa trước khi trình ký."
                if dropped:
                    note += (f" {dropped} câu bị bỏ vì không có căn cứ: số liệu, ngày, tên người hoặc căn cứ pháp lý "
                             "không có trong yêu cầu của bạn.")
                kept = sum(len(_SENTENCE.split(_ARTICLE.sub("", line))) for line in written)
                return Composed(opening + written + closing, "llm", note, kept, dropped)
            why = " (mọi câu mô hình viết đều không có căn cứ)"
    state = f"Chưa có mô hình ngôn ngữ dùng được{why}" if generator is not None else "Chưa có mô hình ngôn ngữ"
    note = f"{state}: nội dung được điền theo mẫu từ yêu cầu của bạn; hãy hoàn thiện các dấu “…” trước khi trình ký."
    return Composed(opening + fill(doctype.theo_yeu_cau, values) + closing, "template", note)
