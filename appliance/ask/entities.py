"""Named values in a question: procedures, fields, officers, feedback categories, indicators.

A name matches when a run of consecutive question words equals a run of the name's words
(folded, typos already repaired) and the run is specific enough: it contains a word that few
names share, or it is the whole name. The longest run wins; on equal runs a field beats a
procedure ("hộ tịch" is the field, not one of the procedures whose name ends in it), and a tie
between two names of the same kind is reported as ambiguous rather than guessed.

Two names of the same kind ("chị Lan với anh Nam", "trực tiếp, trực tuyến") are both kept: the
question compares them. Once a name is found, its other words elsewhere in the question ("cấp sổ
đỏ lần đầu", "thu gom rác") are explained by it. A feedback topic narrower than its category
("ngập nước" in Hạ tầng) selects the category and is remembered, so the answer says the figure is
the whole category's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from appliance.ask.measures import FEEDBACK_PHRASES, FIELD_CUES, PERSON_CUES, RECORD_PHRASES
from appliance.ask.vocab import FILLER, INDICATOR_ALIASES, PROCEDURE_ALIASES, STATUSES, Catalog
from appliance.citizen.classify import seed as feedback_cues
from appliance.text import fold

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent, Tokens

_WORD = re.compile(r"[a-z0-9]+")
# Words of periods and groupings: never enough on their own to name a procedure
# ("hàng tháng" is not "Trợ cấp xã hội hàng tháng").
_TIME_WORDS = {"hang", "thang", "ngay", "nam", "quy", "tuan", "moi", "lan", "dau"}
# Words that say what kind of figure a name is, not which one ("Tỷ lệ …", "Số …", "… người dân"):
# never enough on their own to name an indicator or a procedure.
_GENERIC_NAME_WORDS = {"ty", "le", "so", "luong", "tong", "nguoi", "dan", "cap", "giay", "dang", "ky"}
_PRIORITY = {"linh_vuc": 3, "ma_linh_vuc": 3, "ten_thu_tuc": 2, "can_bo_xu_ly": 1, "indicator": 1}


# Words a name may share with the question's other words without being explained by the name:
# measure verbs ("cấp" in "Cấp giấy phép …" is also "issued") and filler.
_MEASURE_WORDS = {w for phrase, _ in RECORD_PHRASES + FEEDBACK_PHRASES for w in phrase.split()}
# Feedback cues too general to name a topic in a leader's question.
_GENERIC_CUES = {"ho so", "can bo", "thu tuc", "chinh sach", "an ninh", "trat tu", "xay dung", "dat dai"}


@dataclass
class Candidate:
    column: str  # the filter column it sets (or "indicator")
    value: str  # the value as stored
    words: list[str]  # the folded words to match
    whole_only: bool = False  # must match every word (fields, category phrases)
    topic: str = ""  # a feedback topic narrower than its category ("ngap"), shown in the answer
    label: str = ""  # a feedback category's label: its words are explained once it is found


@dataclass
class Hit:
    candidate: Candidate
    start: int
    positions: list[int]

    @property
    def length(self) -> int:
        return len(self.positions)


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _candidates(intent: Intent, catalog: Catalog) -> list[Candidate]:
    """The names to look for in this domain, folded once per catalogue (it is cached)."""
    cached = catalog.candidates.get(intent.domain)
    if cached is None:
        cached = catalog.candidates[intent.domain] = _build_candidates(intent.domain, catalog)
    return list(cached)


def _build_candidates(domain: str, catalog: Catalog) -> list[Candidate]:
    out: list[Candidate] = []
    if domain == "ho_so":
        out += [Candidate("linh_vuc", f, _words(f), whole_only=True) for f in catalog.fields]
        out += [Candidate("ten_thu_tuc", p, _words(p)) for p in catalog.procedures]
        for alias, target in PROCEDURE_ALIASES.items():
            for p in catalog.procedures:
                if target in " ".join(_words(p)):
                    out.append(Candidate("ten_thu_tuc", p, alias.split(), whole_only=True))
        out += [Candidate("can_bo_xu_ly", o, _words(o)) for o in catalog.officers]
    elif domain == "phan_anh":
        labelled: set[str] = set()
        labels = dict(catalog.feedback_categories)
        for code, label in catalog.feedback_categories:
            for part in label.split(","):
                words = _words(part)
                if len(words) >= 2:
                    out.append(Candidate("ma_linh_vuc", code, words, whole_only=True, label=label))
                    labelled.add(" ".join(words))
        for code, cues in feedback_cues().items():
            for cue in cues["keywords"]:
                meaningful = set(cue.split()) - _MEASURE_WORDS - FILLER  # "tiếp nhận" names no topic
                if code in labels and cue not in labelled and cue not in _GENERIC_CUES and len(cue) >= 3 and meaningful:
                    out.append(Candidate("ma_linh_vuc", code, cue.split(), whole_only=True, topic=cue,
                                         label=labels[code]))
    else:
        out += [Candidate("indicator", name, _words(name)) for name in catalog.indicators]
        for alias, target in INDICATOR_ALIASES.items():
            out += [Candidate("indicator", name, alias.split(), whole_only=True) for name in catalog.indicators
                    if target in " ".join(_words(name))]
    return out


def _run(tokens: Tokens, start: int, words: list[str], offset: int) -> list[int]:
    """Question positions matching words[offset:] from `start`, commas being transparent."""
    positions: list[int] = []
    i, j = start, offset
    while i < len(tokens.items) and j < len(words) and not tokens.used[i]:
        if tokens.items[i] == ",":
            i += 1
            continue
        if tokens.items[i] != words[j]:
            break
        positions.append(i)
        i += 1
        j += 1
    return positions


# Bug fix (session 22): a part of a procedure's name that is a record status's words ("hồ sơ bổ sung tháng 10": those
# sent back for more papers) had named the one procedure holding it ("Đăng ký thay đổi, cải chính, bổ sung thông tin
# hộ tịch"), a confident wrong: it names no procedure alone (unsure).
_STATUS_WORDS = {w for phrases in STATUSES.values() for phrase in phrases for w in phrase.split()}
# Bug fix (session 23): "tình trạng" alone ("hồ sơ tháng 10 tình trạng ra sao", "theo tình trạng") asks about the
# status, and had named the procedure "Cấp Giấy xác nhận tình trạng hôn nhân" (its records counted): no procedure.
_STATE_WORDS = {"tinh", "trang"}


def _specific(hit: Hit, tokens: Tokens, rare: set[str]) -> bool:
    cand = hit.candidate
    matched = [tokens.items[k] for k in hit.positions]
    if hit.length == len(cand.words):
        return True
    if cand.whole_only:
        return False
    if cand.column == "ten_thu_tuc" and (set(matched) <= _STATUS_WORDS or set(matched) <= _STATE_WORDS):
        return False
    if cand.column == "can_bo_xu_ly":
        given = cand.words[-1]
        if given not in matched:
            return False
        if hit.length >= 2:
            return True
        before = tokens.items[hit.start - 1] if hit.start > 0 else ""
        before2 = " ".join(tokens.items[max(0, hit.start - 2):hit.start])
        # "anh Tuấn", "đồng chí Hà", "hồ sơ của Tuấn": a given name alone is also a common word
        # (tuần, năm, mai, lần), so it names an officer only after such a word.
        return before in PERSON_CUES or before2 in PERSON_CUES or before == "cua" or typed_as_name(
            tokens.question, cand.value)
    return hit.length >= 2 and any(w in rare and w not in _TIME_WORDS and w not in _GENERIC_NAME_WORDS
                                   for w in matched)


# Session 19: a colleague named by the given name alone, typed as a name: with its capital and its own accents
# ("Thắng hiện có mấy hồ sơ quá hạn", "tháng này Hương giải quyết bao nhiêu"), in a question typed with accents and not
# in capitals throughout. It had been unknown, or asked back. A name spelt like a common word with the same accents
# ("Mai": tomorrow) is read only after the question's first word; "Hà Nội", "Việt Nam" are places. Typed otherwise
# ("thắng", "Thang", "THẮNG") the name still needs "anh / chị / của" before it.
_SAME_AS_WORDS = {"Mai"}


def typed_as_name(question: str, officer: str) -> bool:
    if question.upper() == question or question == fold(question):
        return False
    given = officer.split()[-1]
    for m in re.finditer(rf"(?<!\w){re.escape(given)}(?!\w)", question):
        if given in _SAME_AS_WORDS and not question[:m.start()].strip():
            continue
        if given == "Hà" and re.match(r"\s*nội\b", question[m.end():], re.IGNORECASE):
            continue
        if given == "Nam" and re.search(r"(?:việt|miền|phía)\s*$", question[:m.start()], re.IGNORECASE):
            continue
        return True
    return False


# "xếp hạng các lĩnh vực theo số phản ánh chưa xử lý": folded, "xếp hạng" is "xếp hàng" (queueing), a cue word of the
# feedback category on the one-stop office; before a group word or "theo" it is the ranking verb, not that topic (one
# category's count had been given for a ranking: a confident wrong, rule R7, session 20).
_AFTER_RANK_VERB = {"theo", "cac", "nhung", "linh", "nhom", "kenh", "trang", "loai", "can", "cb", "thu", "don"}


def _ranking_verb(hit: Hit, tokens: Tokens) -> bool:
    if not hit.candidate.topic or [tokens.items[k] for k in hit.positions] != ["xep", "hang"]:
        return False
    after = hit.positions[-1] + 1
    return after < len(tokens.items) and tokens.items[after] in _AFTER_RANK_VERB


def _inside_ho_so(hit: Hit, tokens: Tokens) -> bool:
    """Bug fix (session 23): a name is never read from the "sơ" of "hồ sơ": "hồ sơ do anh Nam xử lý" (folded "ho so do")
    had named the procedure of "sổ đỏ" (alias "so do"), and its records were counted."""
    first = hit.positions[0]
    return first > 0 and tokens.items[first] == "so" and tokens.items[first - 1] == "ho"


# Bug fix (session 24, rule R7): "thay đổi", "biến động" said as the verb of a comparison ("… quý 3 so với quý 1 thay
# đổi như thế nào", "… có biến động không") had named the procedure "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ
# tịch" ("Đăng ký biến động đất đai"), and that one procedure's figures were compared. Those two words alone name no
# procedure where a comparison is said ("so với / so sánh") or a question about the change follows them; with another
# word of the name ("đăng ký biến động", "thay đổi thông tin hộ tịch") the procedure is read as before.
_CHANGE_VERBS = (["thay", "doi"], ["bien", "dong"])
_ABOUT_CHANGE = (["the", "nao"], ["nhu", "the"], ["ra", "sao"], ["khong"], ["nhu", "nao"])


def _change_verb(hit: Hit, tokens: Tokens) -> bool:
    matched = [tokens.items[k] for k in hit.positions]
    if hit.candidate.column != "ten_thu_tuc" or matched not in _CHANGE_VERBS:
        return False
    after = tokens.items[hit.positions[-1] + 1:hit.positions[-1] + 3]
    return tokens.has("so voi") or tokens.has("so sanh") or any(after[:len(w)] == w for w in _ABOUT_CHANGE)


# Bug fix (session 29, rule R7): "cơ cấu phản ánh tháng 10 theo lĩnh vực" (the structure): folded, "cấu" is "cầu" (a
# bridge), a cue word of the infrastructure category, and that one category's count had been given. Typed "cơ cấu",
# it names no topic.
_STRUCTURE = re.compile(r"\bcơ cấu\b", re.IGNORECASE)


def _structure_word(hit: Hit, tokens: Tokens) -> bool:
    first = hit.positions[0]
    return bool(hit.candidate.topic) and [tokens.items[k] for k in hit.positions] == ["cau"] and first > 0 \
        and tokens.items[first - 1] == "co" and _STRUCTURE.search(tokens.question) is not None


def _best_hits(tokens: Tokens, candidates: list[Candidate]) -> list[Hit]:
    df: dict[str, Counter[str]] = {}
    for cand in candidates:
        df.setdefault(cand.column, Counter()).update(set(cand.words))
    hits: list[Hit] = []
    free: dict[str, list[int]] = {}
    for k, tok in enumerate(tokens.items):
        if not tokens.used[k]:
            free.setdefault(tok, []).append(k)
    for cand in candidates:
        if not any(w in free for w in cand.words):
            continue
        counts = df[cand.column]
        limit = 1 if cand.column == "can_bo_xu_ly" else 3 if cand.column == "ten_thu_tuc" else 2
        rare = {w for w in cand.words if counts[w] <= limit}
        best: Hit | None = None
        for offset, word in enumerate(cand.words):
            for start in free.get(word, ()):
                positions = _run(tokens, start, cand.words, offset)
                if not positions:
                    continue
                hit = Hit(cand, start, positions)
                if _ranking_verb(hit, tokens) or _inside_ho_so(hit, tokens) or _change_verb(hit, tokens) \
                        or _structure_word(hit, tokens):
                    continue
                if _specific(hit, tokens, rare) and (best is None or hit.length > best.length):
                    best = hit
        if best is not None:
            hits.append(best)
    return hits


def match(tokens: Tokens, intent: Intent, catalog: Catalog) -> str | None:
    """Set intent filters for the names found; a Vietnamese problem description when ambiguous."""
    candidates = _candidates(intent, catalog)
    seen: dict[str, list[str]] = {}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    found: list[Candidate] = []
    while True:
        hits = _best_hits(tokens, candidates)
        if not hits:
            break
        hits.sort(key=lambda h: (-h.length, -_PRIORITY.get(h.candidate.column, 0),
                                 -h.length / len(h.candidate.words), bool(h.candidate.topic)))
        top = hits[0]
        rivals = [h for h in hits[1:] if h.length == top.length and set(h.positions) & set(top.positions)
                  and h.candidate.column == top.candidate.column
                  and h.candidate.value != top.candidate.value
                  and abs(h.length / len(h.candidate.words) - top.length / len(top.candidate.words)) < 1e-9]
        if rivals:
            names = ", ".join(f"«{h.candidate.value}»" for h in [top, *rivals][:4])
            return f"Câu hỏi khớp với nhiều tên: {names}. Xin nêu rõ tên cần hỏi."
        column, value = top.candidate.column, top.candidate.value
        matched = {tokens.items[k] for k in top.positions}
        if any(c.column == column and c.value != value and matched <= set(_words(c.value)) for c in found):
            for k in top.positions:  # "… vi phạm … xử lý": words of the name already found, not a second name
                tokens.used[k] = True
            continue
        if column == "indicator" and seen.get(column, [value]) != [value]:
            return f"Câu hỏi nêu hai chỉ tiêu («{seen[column][0]}» và «{value}»); xin hỏi từng chỉ tiêu."
        values = seen.setdefault(column, [])
        if value not in values:
            values.append(value)
            spans.setdefault(column, []).append((min(top.positions), max(top.positions), value))
        for k in top.positions:
            tokens.used[k] = True
        cue = top.start - 1
        if column in ("linh_vuc", "ten_thu_tuc", "ma_linh_vuc") and cue >= 0 and not tokens.used[cue] and (
                tokens.items[cue] in FIELD_CUES):
            tokens.used[cue] = True  # "bên đất đai", "mảng hộ tịch": the side of the office, the field itself
        found.append(top.candidate)
        if top.candidate.topic:
            typed = {fold(w): w for w in re.findall(r"\w+", tokens.question.lower())}  # as the leader wrote it
            intent.topic = " ".join(typed.get(w, w) for w in top.candidate.topic.split())
    # "trích lục khai sinh": two procedures read from words side by side, with nothing between them to join them
    # ("và", a comma), are one thing said two ways, not two names (both had been given, ranked: bug fix, session 21);
    # fields said side by side ("hộ tịch đất đai") keep their reading
    said = sorted(spans.get("ten_thu_tuc", []))
    for (_, end, first), (start, _, second) in zip(said, said[1:], strict=False):
        if start == end + 1:
            return f"Câu hỏi khớp với nhiều tên: «{first}», «{second}». Xin nêu rõ tên cần hỏi."
    for column, values in seen.items():
        if column == "indicator":
            intent.indicator = values[0]
        else:
            intent.filters[column] = values[0] if len(values) == 1 else values
    _explain_name_words(tokens, found)
    return None


def _explain_name_words(tokens: Tokens, found: list[Candidate]) -> None:
    """Words of a found name elsewhere in the question ("cấp sổ đỏ lần đầu": "lần" belongs to the
    name) are explained by it, unless they could mean something of their own (measure verbs)."""
    named = [_words(c.value) for c in found if c.column in ("ten_thu_tuc", "indicator")]
    named += [_words(c.label) for c in found if c.label]  # "ngập nước": "nước" is in Hạ tầng's label
    names = {w for words in named for w in words} | {
        w for words in named for alias, target in PROCEDURE_ALIASES.items() if target in " ".join(words)
        for w in alias.split()}
    names -= _MEASURE_WORDS  # filler words of the name too ("lần đầu"): explained, whatever else they mean
    for k, word in enumerate(tokens.items):
        if not tokens.used[k] and word in names and len(word) >= 3:
            tokens.used[k] = True


# A given name never follows these: "bao nhiêu lần", "hàng năm", "mỗi tháng", "các tuần" are counts of time.
_QUANTIFIERS = {"nhieu", "hang", "moi", "cac", "tung", "nhung", "vai", "may"}  # moi: mỗi, mọi
# What may trail a sentence-final particle ("… bao nhiêu ha em"): more particles and vocatives.
_TRAILING = {"a", "ha", "nhi", "vay", "the", "nhe", "ah", "u", "oi", "em", "anh", "chi", "ban", "?"}


def bare_given_name(tokens: Tokens, catalog: Catalog) -> str:
    """An officer's given name that is also a common word (Tuấn/tuần, Nam/năm, Thắng/tháng, Lan/lần,
    Hà/hả), left unexplained without "anh/chị/của" before it: when it reads as the name, a figure for
    everyone would answer another question, so the leader is asked back with the name spelt out.

    It reads as the name when typed as the name ("hồ sơ Tuấn"); typed with other accents ("tuần",
    "lần", "hả") it is the common word. Typed without accents it is ambiguous, unless grammar rules the
    name out: after a quantifier ("bao nhieu lan", "hang nam") or as a closing particle ("… ha em")."""
    given: dict[str, list[str]] = {}
    for officer in catalog.officers:
        given.setdefault(fold(officer).split()[-1], []).append(officer)
    typed_forms: dict[str, set[str]] = {}
    for typed in re.findall(r"\w+", tokens.question.lower()):
        typed_forms.setdefault(fold(typed), set()).add(typed)
    items = tokens.items
    for k, word in enumerate(items):
        if tokens.used[k] or word not in given or word not in FILLER:
            continue
        forms = typed_forms.get(word, set())
        # Only accents can confirm the name: "Lan", "Nam" are spelt like the bare common word.
        as_name = any(form == name.split()[-1].lower() != word for form in forms for name in given[word])
        bare = word in forms  # typed without accents
        if not as_name:
            # nothing after it but particles; never after "của" or chat's "a" / "c" (anh / chị): "… của a thang"
            # names the officer, and the whole ward's figure had been given
            closing = all(w in _TRAILING for w in items[k + 1:]) and not (k and items[k - 1] in ("cua", "a", "c"))
            if not bare or (k and items[k - 1] in _QUANTIFIERS) or closing:
                continue
        names = " hay ".join(f"«{n}»" for n in given[word])
        return f"«{given[word][0].split()[-1]}» có phải là cán bộ {names}? Hãy hỏi kèm «anh», «chị» hoặc họ tên"
    return ""
