"""The source note under every article of the Bộ Pháp điển, read into the original document.

A note says where the article comes from and what changed it since:

    (Điều 16 Luật số 60/2014/QH13 Hộ tịch ngày 20/11/2014 của Quốc hội, có hiệu lực thi hành kể từ
     ngày 01/01/2016, có nội dung được sửa đổi, bổ sung bởi Điều 2 Nghị định số 07/2025/NĐ-CP có hiệu
     lực thi hành kể từ ngày 09/01/2025)

The name, date and issuer appear only in some notes of a document (often its first article), so a
note yields what it says and the importer merges the notes of one document. A note we cannot read
returns None: the article is still imported, and the import report lists it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# Longest first: "Thông tư liên tịch" before "Thông tư", "Bộ luật" before "Luật".
DOC_TYPES = ("Thông tư liên tịch", "Nghị quyết liên tịch", "Bộ luật", "Luật", "Pháp lệnh", "Nghị quyết",
             "Nghị định", "Thông tư", "Quyết định", "Chỉ thị", "Hiến pháp")
_TYPE = "|".join(re.escape(t) for t in DOC_TYPES)
# Số ký hiệu: "60/2014/QH13", "05/2015/TTLT-BTP-BCA-BYT", "1234/QĐ-UBND", "81/2006/QH11".
DOC_NUMBER = r"\d{1,5}(?:/\d{4})?/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ][A-ZĐa-z0-9]*)*"  # "…/QĐ-TTg": one lowercase g
_WHERE = r"(?:(?:[Đđ]iểm\s+[a-zđ]\d?\s+)?(?:[Kk]hoản\s+\d+[a-z]?\s+)?Điều\s+\d+[a-zđ]?)"
_DATE = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_REF = re.compile(rf"^(?P<where>{_WHERE}(?:\s*,\s*{_WHERE})*)\s+(?P<type>{_TYPE})\s+số\s+(?P<number>{DOC_NUMBER})"
                  rf"(?P<rest>.*)$", re.S)
_EFFECTIVE = re.compile(rf",?\s*có\s+hiệu\s+lực\s+thi\s+hành\s+kể\s+từ\s+ngày\s+{_DATE}\s*")
_ISSUED = re.compile(rf"\s+(?:ban\s+hành\s+)?ngày\s+{_DATE}(?:\s+của\s+(?P<issuer>[^,]+?))?\s*$")
_CHANGE = re.compile(r"^,?\s*(?P<kind>(?:có\s+nội\s+dung\s+)?(?:được\s+sửa\s+đổi|được\s+bổ\s+sung|bị\s+bãi\s+bỏ|"
                     r"bị\s+thay\s+thế|được\s+thay\s+thế|bị\s+đình\s+chỉ)(?:\s*,\s*(?:có\s+nội\s+dung\s+)?"
                     r"(?:được\s+sửa\s+đổi|được\s+bổ\s+sung|bị\s+bãi\s+bỏ|bị\s+thay\s+thế|được\s+thay\s+thế))*)"
                     r"\s+bởi\s+(?P<refs>.*)$", re.S)
_ARTICLE_NO = re.compile(r"Điều\s+(\d+[a-zđ]?)")
_CLAUSE_NO = re.compile(r"[Kk]hoản\s+(\d+[a-z]?)")
_POINT_NO = re.compile(r"[Đđ]iểm\s+([a-zđ]\d?)")


@dataclass(frozen=True)
class DocRef:
    """A legal document as a note names it."""

    doc_type: str             # "Luật", "Nghị định", …
    number: str               # số ký hiệu
    name: str = ""            # "Hộ tịch", "Quy định về Cơ sở dữ liệu hộ tịch điện tử, …" (the trích yếu)
    issued_on: str | None = None      # ISO
    issuer: str = ""
    effective_on: str | None = None   # ISO


@dataclass(frozen=True)
class Change:
    """One amending act named in a note: what it did and where."""

    kind: str                 # "sửa đổi", "bổ sung", "sửa đổi, bổ sung", "bãi bỏ", "bãi bỏ một phần", …
    where: str                # "Điều 2" / "Khoản 3 Điều 1" of the amending document
    document: DocRef

    @property
    def repeals_whole(self) -> bool:
        return self.kind == "bãi bỏ"


@dataclass(frozen=True)
class SourceNote:
    raw: str
    document: DocRef
    article: str              # original article number, e.g. "16"
    clause: str = ""          # when the pháp điển article is one khoản of the original
    point: str = ""
    changes: tuple[Change, ...] = field(default_factory=tuple)

    @property
    def repealed(self) -> bool:
        return any(c.repeals_whole for c in self.changes)


def iso_date(day: str, month: str, year: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _squash(text: str) -> str:
    return " ".join(text.split())


def _doc_ref(doc_type: str, number: str, rest: str) -> tuple[DocRef, str]:
    """The document named by "<type> số <number><rest>", and what follows its effective date."""
    effective = _EFFECTIVE.search(rest)
    head, tail = (rest[:effective.start()], rest[effective.end():]) if effective else (rest, "")
    issued_on, issuer = None, ""
    if issued := _ISSUED.search(head):
        issued_on = iso_date(*issued.group(1, 2, 3))
        issuer = _squash(issued.group("issuer") or "")
        head = head[:issued.start()]
    name = _squash(head).strip(" ,")
    eff = iso_date(*effective.group(1, 2, 3)) if effective else None
    return DocRef(doc_type, number, name, issued_on, issuer, eff), tail


def _kind(raw: str) -> str:
    words = _squash(raw).replace("có nội dung ", "")
    parts = []
    for verb, label in (("sửa đổi", "sửa đổi"), ("bổ sung", "bổ sung"), ("bãi bỏ", "bãi bỏ"),
                        ("thay thế", "thay thế"), ("đình chỉ", "đình chỉ")):
        if verb in words:
            parts.append(label)
    kind = ", ".join(parts)
    if "có nội dung" in raw and kind == "bãi bỏ":
        return "bãi bỏ một phần"  # "có nội dung bị bãi bỏ": part of the article, not all of it
    return kind


def _changes(text: str) -> tuple[Change, ...] | None:
    """", có nội dung được sửa đổi bởi Điều 2 Nghị định số … có hiệu lực …; Khoản 3 Điều 1 …"."""
    text = text.strip().rstrip(")").strip()
    if not text:
        return ()
    match = _CHANGE.match(text)
    if not match:
        return None
    kind = _kind(match.group("kind"))
    out: list[Change] = []
    for piece in re.split(r"\s*;\s*", match.group("refs").strip()):
        ref = _REF.match(piece.strip())
        if not ref:
            return None
        document, tail = _doc_ref(ref.group("type"), ref.group("number"), ref.group("rest"))
        if tail.strip(" ,"):
            return None
        out.append(Change(kind, _squash(ref.group("where")), document))
    return tuple(out)


def parse_source_note(note: str) -> SourceNote | None:
    """The note with or without its parentheses; None when it is not in the expected form."""
    raw = _squash(note)
    inner = raw[1:] if raw.startswith("(") else raw
    inner = inner[:-1] if inner.endswith(")") else inner
    ref = _REF.match(inner.strip())
    if not ref:
        return None
    document, tail = _doc_ref(ref.group("type"), ref.group("number"), ref.group("rest"))
    if document.effective_on is None:
        return None
    changes = _changes(tail)
    if changes is None:
        return None
    where = ref.group("where")
    article = _ARTICLE_NO.search(where)
    clause = _CLAUSE_NO.search(where)
    point = _POINT_NO.search(where)
    return SourceNote(raw=raw, document=document, article=article.group(1) if article else "",
                      clause=clause.group(1) if clause else "", point=point.group(1) if point else "",
                      changes=changes)


# "(Điều này có nội dung liên quan đến Điều 9.2.NĐ.22. Cấp bản sao …; Điều … của Luật 59/2014/QH13 Căn cước
# công dân ban hành ngày 20/11/2014)": the related documents named at the end of each reference.
_RELATED_DOC = re.compile(rf"\b(?:của\s+)?({_TYPE})\s+(?:số\s+)?({DOC_NUMBER})")


def related_documents(note: str) -> list[tuple[str, str]]:
    """(type, số ký hiệu) of the documents a related note names, in order, without repeats."""
    seen: dict[str, tuple[str, str]] = {}
    for match in _RELATED_DOC.finditer(note):
        seen.setdefault(match.group(2), (match.group(1), match.group(2)))
    return list(seen.values())
