"""Headings for the items of a biên bản found without an agenda: the phrase that names the matter.

The first sentence of a topic is often no name for it ("Tốt.", "Em xin báo cáo", "Chào các đồng chí", a
question back to the chair), so a secretary would not sign a heading taken from it. Instead every clause of
the item's substantive lines is a candidate, scored by how much of what sets this item apart from the
meeting's other items it says: syllable pairs (Vietnamese words are mostly two syllables) weighted TF-IDF over
the meeting's items, function words ignored. Spoken openers ("báo cáo anh", "còn việc … thì", "hôm nay họp
về") and closing particles are trimmed, questions and fragments are passed over, and a clause is cut at a
natural boundary. Deterministic and extractive: the heading is words of the transcript.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from appliance.text import fold, fold_tokens, normalize

# Function words, pronouns, particles and fillers (folded): never a name for a matter.
_STOP = frozenset("""
a ai anh ay ba bac ban bay ben bo bon cai cac can chi cho chu chua chung co con cu cua cung da dang day de den
deu di do dong du duoc em gi gio ha hai hay het hoi hom hon khi khong ko la lai lam len luon ma minh moi mot
muon nam nay neu ngay nguoi nhe nhu nhung nao nen nhieu no noi nua o oi on ong phai qua ra rang roi rua sao
sau se sang ta tai than the thi thoi thua tien toi tot trong tu tuan tuy uh um va van vang vay ve vi viec voi
vua xin xong u ua vo thuc hien kia day nhi ne dung roi oke ok alo xem xet ban
""".split())
_OPENER = re.compile(
    r"^(?:(?:dạ|vâng|ừ|ờ|à|alo|rồi|thôi|thế|được|tốt|ok|vâng ạ|xin phép|kính thưa|thưa|báo cáo|em xin báo cáo|"
    r"em báo cáo|tôi xin báo cáo|em báo cáo thêm|em xin báo cáo thêm|cho tôi hỏi|cho em hỏi|bây giờ|tiếp theo|"
    r"hôm nay|mình|chúng ta|các đồng chí|anh|chị|em|bác|đồng chí|là|nhắc lại|chốt lại|tóm lại|bổ sung|thêm|"
    r"riêng|một là|hai là|ba là)(?:\s+(?:anh|chị|ạ|ơi|nhé|là|thêm))?[\s,.:]+)+",
    re.IGNORECASE)
_TOPIC = re.compile(r"^(?:(?:họp|bàn|nói|trao đổi)\s+(?:riêng\s+)?(?:về\s+)?|về\s+|còn\s+|thế còn\s+)"
                    r"(?:cái\s+)?", re.IGNORECASE)
_CLOSE = re.compile(r"(?:\s+(?:thì|nhé|ạ|anh ạ|chị ạ|đấy|đó|này|nữa|thế nào|thì sao|ra sao|rồi|không|chưa|"
                    r"luôn|nha|nhỉ|mà|là))+$", re.IGNORECASE)
_SPLIT = re.compile(r"[,.;:?!…]+|\s(?:thì|nhưng|để|vì|nên|còn|mà)\s", re.IGNORECASE)
_QUESTION = re.compile(r"\b(?:ai|gì|sao|nào|bao nhiêu|mấy|không ạ|chưa ạ)\s*$", re.IGNORECASE)
# What a matter is called: a clause that opens with one of these nouns names it ("việc …", "công trình …",
# "kế hoạch …"); one that opens with a person is a direction to them, the tasks table's business.
_HEAD = re.compile(r"^(?:việc|công việc|công tác|vụ|vấn đề|hồ sơ|kế hoạch|công trình|danh sách|điểm|tình hình|"
                   r"chỉ tiêu|hội nghị|hội thi|lễ|phương án|dự toán|báo cáo|chương trình|đề án|giải|diễn tập|"
                   r"kinh phí|tuyến|khu|ngõ|chợ|trường hợp|đợt|buổi|lớp|phong trào|dự án|đoàn|kết quả|số liệu|"
                   r"thu|chi|an ninh|trật tự|vệ sinh|tuyển quân|phòng cháy|tiếp công dân|chuyển đổi số)\b",
                   re.IGNORECASE)
MAX_WORDS = 12
MIN_WORDS = 3


def _pairs(text: str) -> list[str]:
    tokens = fold_tokens(text)
    pairs = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False) if a not in _STOP and b not in _STOP]
    singles = [t for t in tokens if t not in _STOP and len(t) > 2 and not t.isdigit()]
    return pairs + singles


_KEPT_COMMA = "\u2060"  # stands for a comma inside a unit's name while the text is cut into clauses


def _unit_pattern(units: Sequence[str]) -> re.Pattern[str] | None:
    names = sorted({normalize(u).strip() for u in units if u.strip()}, key=len, reverse=True)
    # a name matches with its comma or with the stand-in put there while cutting
    alternatives = (re.escape(n).replace(",", f"[,{_KEPT_COMMA}]") for n in names)
    return re.compile("|".join(alternatives), re.IGNORECASE) if names else None


def _clauses(text: str, units: re.Pattern[str] | None = None) -> list[str]:
    """The text's clauses, openers and closing particles trimmed. `units`: the ward's units, whose names may
    hold a comma ("Phòng Kinh tế, Hạ tầng và Đô thị"): never a clause boundary (a heading once began "Hạ
    tầng và Đô thị báo cáo …"), and a unit opening its own report ("<unit> báo cáo …") is an opener."""
    text = normalize(text)
    if units is not None:
        text = units.sub(lambda m: m.group(0).replace(",", _KEPT_COMMA), text)
    found = []
    for part in _SPLIT.split(text):
        clause = part.strip(" -–\"'()")
        for _ in range(3):  # "Dạ, báo cáo anh, còn việc …": openers come stacked
            if units is not None and (unit := units.match(clause)) and _OPENER.match(clause[unit.end():].strip()):
                clause = clause[unit.end():].strip()
            clause = _OPENER.sub("", clause).strip()
            clause = _TOPIC.sub("", clause).strip()
        clause = _CLOSE.sub("", clause).strip(" ,.").replace(_KEPT_COMMA, ",")
        if clause:
            found.append(clause)
    return found


def _cut(clause: str) -> str:
    words = clause.split()
    if len(words) <= MAX_WORDS:
        return clause
    return " ".join(words[:MAX_WORDS]).rstrip(" ,.;:") + "…"


def headings(items: Sequence[Sequence[str]], people: Sequence[str] = (), units: Sequence[str] = ()) -> list[str | None]:
    """For each item (its lines' texts) the clause that best names it among all of the meeting's items, or
    None when no clause of it qualifies (the caller keeps its own title then). `people`: the speakers' names,
    whose given names open directions rather than matters; `units`: the ward's units (see `_clauses`)."""
    unit_names = _unit_pattern(units)
    given = {fold(name.split()[-1]) for name in people if name.split()}
    bags = [Counter(p for text in item for p in _pairs(text)) for item in items]
    docs = Counter(p for bag in bags for p in bag)
    n = len(items)
    out: list[str | None] = []
    for item, bag in zip(items, bags, strict=True):
        weight = {p: c * math.log((n + 1) / docs[p]) + 0.1 * c for p, c in bag.items()}
        best, best_score = None, 0.0
        for position, text in enumerate(item):
            for clause in _clauses(text, unit_names):
                words = clause.split()
                if len(words) < MIN_WORDS or _QUESTION.search(fold(clause)) or clause.endswith("?"):
                    continue
                terms = set(_pairs(clause))
                score = sum(weight.get(t, 0.0) for t in terms) / math.sqrt(len(words))
                score /= 1.0 + 0.08 * position  # the matter is usually named when it is opened
                if _HEAD.match(clause):
                    score *= 1.5
                elif fold(words[0]) in given or words[0][:1].isdigit():
                    score *= 0.5
                if score > best_score:
                    best, best_score = clause, score
        out.append((best[:1].upper() + _cut(best)[1:]) if best else None)
    return out
