"""Session 10: a change asked of a civil-status record is the correction procedure, not the registration
that made the record.

"Giấy chứng tử năm sinh bị ghi sai", "bổ sung quê quán vào giấy khai sinh", "giấy khai sinh bỏ trống mục dân
tộc, giờ bổ sung": the phrase rules see the record's own name (khai sinh, chứng tử…) and read the registration
(khai sinh, khai tử), or stay unsure between it and the correction. What makes these the correction procedure
(thay đổi, cải chính, bổ sung thông tin hộ tịch) is a grammatical reading the phrases cannot make in one
contiguous phrase: three things anywhere in the message — a civil-status record, a field of that record, and a
correction word. When all three are there, the correction procedure scores as the strongest phrase of the
message plus one (it becomes the rules' top procedure; the fusion model still decides the confidence).

Not fired for the blank parent's name ("khai sinh để trống phần tên bố, giờ muốn bổ sung"): that is
acknowledging a parent (nhận cha, mẹ, con), a sibling the correction must not take. Built from the training
halves only (s6, s8, s9: seven misses of this family across all three); docs/citizen.md, "Session 10".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from appliance.citizen.matching import PhraseSet, Procedure
from appliance.text import fold

# Folded, teencode-expanded words (vocabulary.py folds the message the same way).
RECORDS = ("giay khai sinh", "khai sinh", "giay chung tu", "chung tu", "trich luc khai tu", "giay ket hon",
           "giay dang ky ket hon", "giay chung nhan ket hon", "so ho tich", "giay to ho tich", "ho tich")
FIELDS = ("que quan", "dan toc", "nam sinh", "ngay sinh", "ngay thang nam sinh", "gioi tinh", "ho ten", "ten",
          "quoc tich", "noi sinh", "chu lot", "ten dem")
CORRECTIONS = ("ghi sai", "viet sai", "bi sai", "sai", "nham", "ghi nham", "sua", "sua lai", "chinh sua",
               "chinh lai", "dieu chinh", "cai chinh", "bo sung", "thieu dau", "mat dau", "doi sang", "doi lai",
               "doi ten", "xac dinh lai", "ghi lai")
# A parent's name left blank or to be added ("bổ sung tên bố vào khai sinh"): acknowledging that parent,
# not correcting the record. A parent's name written wrong ("ghi sai tên bố chồng") is still a correction.
PARENTS = ("cha", "bo", "ba", "me", "nguoi cha", "nguoi me")
PARENT_NAMES = tuple(f"ten {p}" for p in PARENTS)
BLANK = ("de trong", "bo trong", "trong", "chua co ten", "khong co ten", "khong ghi ten", "chua ghi ten",
         *(f"{verb} ten {p}" for verb in ("bo sung", "them", "co", "mang", "ghi them") for p in PARENTS))


def _set(items: Sequence[str]) -> PhraseSet[None]:
    return PhraseSet((tuple(p.split()), None) for p in items)


_RECORDS, _FIELDS, _CORRECTIONS = _set(RECORDS), _set(FIELDS), _set(CORRECTIONS)
_PARENT_NAMES, _BLANK = _set(PARENT_NAMES), _set(BLANK)


def correction_code(procedures: Sequence[Procedure]) -> str | None:
    """The catalogue's correction procedure (its name says "cải chính" and "hộ tịch"); None when the
    ward's catalogue has none, and then the rule never fires."""
    for p in procedures:
        name = fold(p.name)
        if "cai chinh" in name and "ho tich" in name:
            return p.code
    return None


def asks_record_correction(words: Sequence[str]) -> bool:
    """A civil-status record, one of its fields and a correction word are all in the message, and it is not
    a parent's blank name."""
    if not (_RECORDS.any_in(words) and _FIELDS.any_in(words) and _CORRECTIONS.any_in(words)):
        return False
    return not (_PARENT_NAMES.any_in(words) and _BLANK.any_in(words))


def boost(scores: Mapping[str, float], words: Sequence[str], code: str | None) -> dict[str, float]:
    """The phrase rules' scores with the correction procedure made the strongest procedure when the message
    asks to correct a record (unchanged otherwise)."""
    out = dict(scores)
    if code is None or not asks_record_correction(words):
        return out
    label = f"proc:{code}"
    strongest = max((v for k, v in out.items() if k.startswith("proc:")), default=0.0)
    out[label] = max(out.get(label, 0.0), strongest + 1.0, 4.0)  # 4.0: a two-word phrase's score
    return out
