"""Legacy Vietnamese 8-bit encodings still found in old ward documents.

TCVN3 (ABC, the ".VnTime" fonts) puts each accented letter on one byte in 0xA1–0xFE, so a
file read as Latin-1 (or a DOCX whose runs use .VnTime fonts) shows "Céng hoµ x· héi chñ
nghÜa ViÖt Nam". That mapping is one byte to one letter and we convert it. VNI writes a base
letter followed by a mark byte ("Coäng hoøa") and its uppercase/lowercase pairs depend on the
font; we detect it and refuse with instructions rather than guess.
"""

from __future__ import annotations

import re

# TCVN3 lowercase table (byte value → Vietnamese letter). Capitals with tones live in a separate
# font (.VnTimeH) on the same byte values, so they come back lowercase; the words stay searchable.
_TCVN3 = {
    0xB8: "á", 0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB9: "ạ",
    0xA8: "ă", 0xBE: "ắ", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xC6: "ặ",
    0xA9: "â", 0xCA: "ấ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCB: "ậ",
    0xAE: "đ",
    0xD0: "é", 0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD1: "ẹ",
    0xAA: "ê", 0xD5: "ế", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD6: "ệ",
    0xDD: "í", 0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDE: "ị",
    0xE3: "ó", 0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE4: "ọ",
    0xAB: "ô", 0xE8: "ố", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE9: "ộ",
    0xAC: "ơ", 0xED: "ớ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xEE: "ợ",
    0xF3: "ú", 0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF4: "ụ",
    0xAD: "ư", 0xF8: "ứ", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF9: "ự",
    0xFD: "ý", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA7: "Đ", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư",
}
_TCVN3_TABLE = {code: letter for code, letter in _TCVN3.items()}

# Words that are everywhere in administrative Vietnamese, as each legacy encoding renders them.
# Only renderings that cannot be Unicode Vietnamese (plain words like "theo" look the same in both).
_TCVN3_WORDS = {"cña", "vµ", "®­îc", "nh÷ng", "viöt", "cã", "lµ", "ng­êi", "n¨m", "®õn", "®·", "héi", "nghüa",
                "ph¸p", "luët", "kho¶n", "®þnh", "nµy", "c¸c", "tr­êng", "hîp", "®¨ng"}
_VNI_WORDS = {"cuûa", "vaø", "ñöôïc", "nhöõng", "vieät", "coù", "laø", "ngöôøi", "naêm", "ñeán", "ñaõ", "hoäi",
              "nghóa", "phaùp", "luaät", "ñieàu", "khoaûn", "ñònh", "naøy", "caùc", "moät", "tröôøng", "hôïp"}
_WORD = re.compile(r"[^\s.,;:!?()\"'“”]+")


_UNICODE_VIETNAMESE = re.compile(r"[\u1ea0-\u1ef9ơưƠƯ]")


def detect(text: str) -> str | None:
    """'tcvn3', 'vni' or None (Unicode or plain ASCII)."""
    sample = text[:200_000]
    if len(_UNICODE_VIETNAMESE.findall(sample)) > max(5, len(sample) // 100):
        return None  # real Unicode Vietnamese: ạ ả ấ … ơ ư are everywhere in it
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    tcvn3 = sum(1 for w in words if w in _TCVN3_WORDS)
    vni = sum(1 for w in words if w in _VNI_WORDS)
    threshold = max(2, len(words) // 200)
    if vni >= threshold and vni > tcvn3:
        return "vni"
    if tcvn3 >= threshold:
        return "tcvn3"
    return None


def tcvn3_to_unicode(text: str) -> str:
    return text.translate(_TCVN3_TABLE)
