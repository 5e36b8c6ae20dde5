"""Document types as data: one TOML file per type (appliance/drafting/templates/<type>.toml).

An admin adjusts a type from /quan-tri/mau-van-ban; the edited copy is kept in
DATA_DIR/drafting/templates/<type>.toml and wins over the packaged one, so an update of the
software never overwrites a ward's wording.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from appliance.config import Settings

PACKAGED_DIR = Path(__file__).resolve().parent / "templates"
DOC_TYPES = ("cong_van", "thong_bao", "bao_cao", "to_trinh", "ke_hoach", "giay_moi", "quyet_dinh", "bien_ban")


@dataclass(frozen=True)
class DocType:
    code: str
    ten: str                      # "Công văn": how people call it
    ten_loai: str                 # printed title ("THÔNG BÁO"); empty for công văn
    viet_tat: str                 # Phụ lục III abbreviation ("TB"); empty for công văn
    so_dang_ky: str               # register that numbers it
    kinh_gui: bool                # whether a "Kính gửi:" block is printed
    luu: str                      # "VT, {don_vi}"
    noi_nhan_mac_dinh: list[str] = field(default_factory=list)
    mo_dau: list[str] = field(default_factory=list)
    theo_yeu_cau: list[str] = field(default_factory=list)
    khung: list[str] = field(default_factory=list)
    ket_thuc: list[str] = field(default_factory=list)
    source: str = "packaged"      # "packaged" or "admin"


class TemplateError(ValueError):
    """A template file an admin wrote that cannot be used; the message is for that admin."""


_REQUIRED_STR = ("ten", "ten_loai", "viet_tat", "so_dang_ky", "luu")
_LISTS = ("noi_nhan_mac_dinh", "mo_dau", "theo_yeu_cau", "khung", "ket_thuc")


def override_dir(settings: Settings) -> Path:
    return settings.data_dir / "drafting" / "templates"


def parse_doctype(code: str, text: str, source: str = "packaged") -> DocType:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"Mẫu {code}: tệp TOML sai cú pháp ({exc}).") from None
    problems = []
    for key in _REQUIRED_STR:
        if not isinstance(data.get(key), str):
            problems.append(f"thiếu khóa `{key}` (chuỗi)")
    if not isinstance(data.get("kinh_gui"), bool):
        problems.append("thiếu khóa `kinh_gui` (true/false)")
    for key in _LISTS:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"khóa `{key}` phải là danh sách chuỗi")
    unknown = set(data) - set(_REQUIRED_STR) - set(_LISTS) - {"kinh_gui"}
    if unknown:
        problems.append("khóa không dùng được: " + ", ".join(sorted(unknown)))
    if code != "cong_van" and not data.get("viet_tat"):
        problems.append("`viet_tat` không được để trống (Phụ lục III)")
    if problems:
        raise TemplateError(f"Mẫu {code}: " + "; ".join(problems) + ".")
    return DocType(code=code, source=source, **data)


def packaged_text(code: str) -> str:
    return (PACKAGED_DIR / f"{code}.toml").read_text(encoding="utf-8")


def template_text(settings: Settings, code: str) -> tuple[str, str]:
    """The TOML text in force for `code` and where it comes from."""
    custom = override_dir(settings) / f"{code}.toml"
    if custom.exists():
        return custom.read_text(encoding="utf-8"), "admin"
    return packaged_text(code), "packaged"


def load_doctype(settings: Settings, code: str) -> DocType:
    if code not in DOC_TYPES:
        raise TemplateError(f"Loại văn bản không hỗ trợ: {code}.")
    text, source = template_text(settings, code)
    try:
        return parse_doctype(code, text, source)
    except TemplateError:
        if source == "admin":  # a broken local edit must not stop drafting: fall back to the packaged one
            return parse_doctype(code, packaged_text(code))
        raise


def save_override(settings: Settings, code: str, text: str) -> DocType:
    """Validate and store an admin's version; raises TemplateError with the reason."""
    if code not in DOC_TYPES:
        raise TemplateError(f"Loại văn bản không hỗ trợ: {code}.")
    doctype = parse_doctype(code, text, "admin")
    folder = override_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{code}.toml.tmp"
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(folder / f"{code}.toml")
    return doctype


def reset_override(settings: Settings, code: str) -> None:
    (override_dir(settings) / f"{code}.toml").unlink(missing_ok=True)
