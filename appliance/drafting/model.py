"""The document model: every component of Nghị định 30 (Điều 8.2) as plain data.

A model is what is stored (JSON), edited, rendered to .docx and turned into text. It carries
the resolved ward names and signatories, so rendering needs no settings and an issued
document renders the same after the settings change.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from appliance.config import Settings
from appliance.text import fold, format_date_long

ISSUER_CODE = "UBND"  # the issuer's part of every ký hiệu
_UNIT = re.compile(r"^[A-ZĐ0-9]{1,10}$")


@dataclass
class Signer:
    authority: str  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "Q. CHỦ TỊCH" or ""
    title: str      # "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "THƯ KÝ", …
    name: str


@dataclass
class DocumentModel:
    doc_type: str
    ten_loai: str                  # printed title; "" for công văn
    co_quan_chu_quan: str          # ô 2, not bold
    co_quan_ban_hanh: list[str]    # ô 2, bold, one entry per line
    ky_hieu: str                   # "UBND-VP", "QĐ-UBND"
    dia_danh: str
    ngay: str                      # ISO date
    trich_yeu: str
    body: list[str]                # one paragraph per entry; styles derive from the text (see layout)
    signers: list[Signer]          # one; biên bản: [thư ký (left), chủ tọa (right)]
    noi_nhan: list[str]            # without the "Lưu" line
    luu: str                       # "VT, VP"
    kinh_gui: list[str] = field(default_factory=list)
    number: int | None = None      # None while a draft
    is_draft: bool = True
    show_date_line: bool = True    # biên bản (Mẫu 1.9) has none in its header
    engine: str = "template"
    appendix_title: str = ""       # a phụ lục after the signatures (a biên bản's verbatim transcript)
    appendix: list[str] = field(default_factory=list)

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.ngay)

    @property
    def so_ky_hieu(self) -> str:
        return format_so_ky_hieu(self.number, self.ky_hieu)

    @property
    def vv_line(self) -> str:
        """Công văn's trích yếu under its number (ô 5b): "V/v tổ chức …"."""
        text = self.trich_yeu.strip()
        if len(text) > 1 and text[0].isupper() and not text[1].isupper():
            text = text[0].lower() + text[1:]
        return f"V/v {text}"

    @property
    def date_line(self) -> str:
        return f"{self.dia_danh}, {format_date_long(self.date)}"

    @property
    def noi_nhan_lines(self) -> list[str]:
        """"- X;" for each recipient, the last one "- Lưu: VT, … ." (ô 9b)."""
        items = [f"- {item.rstrip(' ;.')};" for item in self.noi_nhan if item.strip()]
        return items + [f"- Lưu: {self.luu.rstrip(' .')}."]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentModel:
        values = dict(data)
        values["signers"] = [Signer(**s) for s in values.get("signers", [])]
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in values.items() if k in known})


def format_so_ky_hieu(number: int | None, ky_hieu: str) -> str:
    """Numbers below 10 get a leading zero; a draft shows "…" where the number will go."""
    return f"{number:02d}/{ky_hieu}" if number is not None else f"…/{ky_hieu}"


def ky_hieu_for(doc_type: str, viet_tat: str, don_vi: str, issuer_code: str = ISSUER_CODE) -> str:
    # Điều 15: công văn carries issuer + drafting unit and no type abbreviation.
    if doc_type == "cong_van" or not viet_tat:
        return f"{issuer_code}-{don_vi}"
    return f"{viet_tat}-{issuer_code}"


def clean_unit(raw: str | None) -> str:
    unit = (raw or "VP").strip().upper()
    if not _UNIT.match(unit):
        raise ValueError("Mã đơn vị soạn thảo chỉ gồm chữ in hoa và số, không dấu cách (ví dụ VP, VHXH, KT).")
    return unit


def issuer_lines(settings: Settings) -> list[str]:
    """The cơ quan ban hành lines: the ward's own wording when its profile sets one (ward setup)."""
    issuer = " ".join(settings.ward_issuer.split()).upper()
    prefix = "ỦY BAN NHÂN DÂN"
    if issuer and issuer != prefix:
        return [prefix, issuer[len(prefix):].strip()] if issuer.startswith(prefix + " ") else [issuer]
    return [prefix, settings.ward_name.strip().upper()]


def resolve_signer(settings: Settings, nguoi_ky: str | None, chuc_vu: str | None,
                   quyen_han: str | None = None) -> Signer:
    """Authority and title from the signer's position (ward rules: TM. UBND / CHỦ TỊCH,
    KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, TL. CHỦ TỊCH for heads of units)."""
    name = (nguoi_ky or "").strip()
    role = fold(chuc_vu or "")
    vices = [v for v in settings.ward_vice_chairmen if v.strip()]
    if not role:
        if name and name in vices:
            role = "pho chu tich"
        elif name and name != settings.ward_chairman:
            role = ""
        else:
            role = "chu tich"
    if "pho chu tich" in role:
        signer = Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name or (vices[0] if vices else ""))
    elif "quyen chu tich" in role:
        signer = Signer("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", name)
    elif "chu tich" in role:
        signer = Signer("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name or settings.ward_chairman)
    elif role:
        signer = Signer("TL. CHỦ TỊCH", (chuc_vu or "").strip().upper(), name)
    else:
        signer = Signer("", "", name)
    if quyen_han and quyen_han.strip():
        signer.authority = quyen_han.strip().upper()
    return signer


def to_plain_text(model: DocumentModel) -> str:
    """The whole document as text, in reading order (for search, the API and the meetings page)."""
    lines = [*([model.co_quan_chu_quan.upper()] if model.co_quan_chu_quan.strip() else []), *model.co_quan_ban_hanh,
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             f"Số: {model.so_ky_hieu}"]
    if model.doc_type == "cong_van":
        lines.append(model.vv_line)
    if model.show_date_line:
        lines.append(model.date_line)
    lines.append("")
    if model.ten_loai:
        lines += [model.ten_loai, model.trich_yeu, ""]
    if model.kinh_gui:
        lines.append("Kính gửi: " + "; ".join(model.kinh_gui) if len(model.kinh_gui) == 1
                     else "Kính gửi:\n" + "\n".join(f"- {k};" for k in model.kinh_gui))
        lines.append("")
    lines += model.body
    lines.append("")
    for signer in model.signers:
        lines += [s for s in (signer.authority, signer.title, signer.name) if s]
    lines += ["", "Nơi nhận:", *model.noi_nhan_lines]
    if model.appendix:
        lines += ["", "PHỤ LỤC", model.appendix_title, *model.appendix]
    if model.is_draft:
        lines.insert(0, "DỰ THẢO")
    return "\n".join(lines).strip() + "\n"
