"""Who a meeting can give work to: the ward's staff directory and units (appliance.ward), as they are said.

A mention is found with its diacritics (folding would make "an" of "an toàn" a name and "hà" any "ha"):
a full name; a form of address the directory lists ("anh Hùng", "Lan tư pháp", "Nam địa chính"); a given
name after an honorific ("chị Hương", "đồng chí Minh"); or a bare given name where a name can stand
("Tuấn chuẩn bị…", lower-case recogniser text too). Given names that are also common words ("mai"
tomorrow, "bảo" tell, "nam" south, "an", "hà", "thắng", "sơn", "minh") count bare only when capitalised
in mid-sentence, or at the head of a clause right before a verb of work, or before "ơi". Without a
directory the same rules find honorific + name, as said ("anh Khánh").
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from appliance.text import fold, normalize
from appliance.ward import StaffMember


class VerbsAhead(Protocol):
    """What reads whether a verb of work follows a name (phrases.VERB_AHEAD: a pattern built from its settings)."""

    def match(self, string: str, pos: int = ..., endpos: int = ...) -> re.Match[str] | None: ...

HONORIFICS = ("đồng chí", "đ/c", "anh", "chị", "em", "ông", "bà", "cô", "chú", "bác", "bạn")
TITLES = ("chủ tịch", "phó chủ tịch", "trưởng phòng", "phó trưởng phòng", "chánh văn phòng", "giám đốc",
          "trưởng công an", "chỉ huy trưởng")
# Given names that are also everyday words: bare, they need more evidence.
AMBIGUOUS = {"mai", "bảo", "nam", "an", "hà", "thắng", "sơn", "minh", "hạnh", "lan", "hương", "hùng", "huy", "lâm",
             "tâm", "phúc", "đức", "vinh", "toàn", "xuân", "thu", "hải", "quang", "ngọc", "vân"}
SURNAMES = {"nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ",
            "ngô", "dương", "lý", "đinh", "trịnh", "đào", "mai", "lương", "tạ", "cao", "lâm", "chu", "hà",
            "kiều", "tô", "quách", "phùng", "triệu", "đoàn", "văn", "thái", "la", "tống"}
_WORD = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)?", re.UNICODE)


@dataclass(frozen=True)
class Person:
    """Someone (or a unit) a task can go to. `name` is what the tracker shows: the directory's full name,
    a unit's name, the mention as said when nobody in the directory fits, or "" for an unnamed voice."""

    name: str
    unit: str = ""
    staff_id: int | None = None
    kind: str = "staff"          # staff | unit | said | voice

    @property
    def known(self) -> bool:
        return self.kind in ("staff", "unit")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    said: str                    # as written, e.g. "chị Hương", "tuấn"
    people: tuple[Person, ...]   # candidates, best first (one when unambiguous)
    bare: bool                   # a given name without honorific or title


def _lower(text: str) -> str:
    return normalize(text).lower()


class Roster:
    def __init__(self, members: Sequence[StaffMember] = (), units: Iterable[str] = ()):
        self.members = [m for m in members if m.active]
        self.units = list(dict.fromkeys(normalize(u).strip() for u in units if u.strip()))
        self._forms: dict[str, list[Person]] = {}      # lower-case form → people it names
        self._given: dict[str, list[Person]] = {}      # lower-case given name → people
        self._heard: dict[str, list[tuple[str, Person]]] = {}  # sound key → forms with a field word, and whom
        for m in self.members:
            person = Person(m.full_name, m.unit, m.id, "staff")
            words = _lower(m.full_name).split()
            self._add(self._forms, " ".join(words), person)
            self._given.setdefault(words[-1], []).append(person)
            for alias in m.aliases:
                self._add(self._forms, _lower(alias), person)
                # "chị Lan hộ tịch" is also said without the honorific: "Lan hộ tịch tổng hợp…"
                bare = _lower(alias).split()
                while bare and bare[0] in HONORIFICS:
                    bare = bare[1:]
                if len(bare) >= 2 and bare[0] == words[-1]:
                    self._add(self._forms, " ".join(bare), person)
                    for form in {_lower(alias), " ".join(bare)}:
                        self._heard.setdefault(_sound_key(form), []).append((form, person))
        # Titles name a person when only one holds them ("đồng chí Chánh Văn phòng", "trưởng phòng kinh tế").
        titled: dict[str, list[Person]] = {}
        for m in self.members:
            person = Person(m.full_name, m.unit, m.id, "staff")
            for form in _title_forms(m.title, m.unit):
                titled.setdefault(form, []).append(person)
        for form, people in titled.items():
            if len(people) == 1 and form not in self._forms:
                self._forms[form] = people
                self._forms["đồng chí " + form] = people
            # "chị phó chủ tịch" when two hold the title and one is a woman by her name ("Thị")
            women = [p for p in people if " thị " in f" {_lower(p.name)} "]
            if len(people) > 1 and len(women) == 1:
                for honorific in ("chị", "bà", "cô"):
                    self._forms.setdefault(f"{honorific} {form}", women)

    def with_guests(self, names: Iterable[str]) -> Roster:
        """This directory and the meeting's speakers outside it (their labels: "Tạ Văn Bình"), each also called by an
        honorific and their given name ("bác Bình") when no one in the directory has that given name. Without a
        directory every name is read as said already."""
        if not self.members:
            return self
        guests = copy.copy(self)
        guests._forms = dict(self._forms)
        for name in names:
            words = _lower(name).split()
            if len(words) < 2 or words[-1] in self._given:
                continue
            person = Person(name, kind="said")
            for honorific in HONORIFICS:
                guests._forms.setdefault(f"{honorific} {words[-1]}", [person])
        return guests

    @staticmethod
    def _add(table: dict[str, list[Person]], form: str, person: Person) -> None:
        form = " ".join(form.split())
        if form and person not in table.setdefault(form, []):
            table[form].append(person)

    # --- lookup by what is said ----------------------------------------------------------------
    def by_name(self, said: str) -> list[Person]:
        """People a written name or form names: a form of address first, then the given name."""
        text = " ".join(_lower(said).split())
        if text in self._forms:
            return list(self._forms[text])
        words = text.split()
        while words and (words[0] in HONORIFICS or " ".join(words[:2]) in HONORIFICS):
            words = words[2:] if " ".join(words[:2]) in HONORIFICS else words[1:]
        bare = " ".join(words)
        if bare in self._forms:
            return list(self._forms[bare])
        if len(words) == 1:
            return list(self._given.get(words[0], []))
        return []

    def speaker(self, label: str) -> Person | None:
        """The person a transcript line's speaker label names ("Nguyễn Văn An"), None for "Người nói 2"."""
        found = self.by_name(label)
        return found[0] if len(found) == 1 else None

    def unit(self, said: str) -> str | None:
        """A ward unit named by `said` ("phòng kinh tế" → "Phòng Kinh tế, Hạ tầng và Đô thị")."""
        folded = fold(said)
        for unit in self.units:
            if fold(unit) == folded or fold(unit).startswith(folded + ","):
                return unit
        return None

    # --- finding mentions in a clause ------------------------------------------------------------
    def mentions(self, text: str, *, verbs: VerbsAhead) -> list[Mention]:
        """Names in `text`, left to right, longest first where they overlap."""
        lower = _lower(text)
        words = list(_WORD.finditer(text))
        found: list[Mention] = []
        taken: set[int] = set()
        for i in range(len(words)):
            if words[i].start() in taken:
                continue
            mention = self._mention_at(text, lower, words, i, verbs)
            if mention is not None and i > 0 and lower[words[i - 1].start():words[i - 1].end()] == "phó":
                continue  # "Phó Chủ tịch …" is not the Chủ tịch
            if mention is not None:
                found.append(mention)
                taken.update(w.start() for w in words if mention.start <= w.start() < mention.end)
        return found

    def _mention_at(self, text: str, lower: str, words: list[re.Match[str]], i: int,
                    verbs: VerbsAhead) -> Mention | None:
        # 1. A form the directory lists, or a full name (longest first); after an honorific,
        # the longer form wins ("anh Nam địa chính" is "Nam địa chính", not "anh Nam" then "địa chính").
        best: tuple[int, str] | None = None
        firsts = (i, i + 1) if lower[words[i].start():words[i].end()] in HONORIFICS else (i,)
        for first in firsts:
            for size in range(12, 1, -1):  # titles with their unit run long ("đồng chí Giám đốc Trung tâm …")
                last = first + size - 1
                if last >= len(words):
                    continue
                form = " ".join(lower[words[first].start():words[last].end()].split())
                if form in self._forms and (best is None or last > best[0]):
                    best = (last, form)
        heard = self._misheard(lower, words, firsts)
        if heard is not None and (best is None or heard[0] > best[0]):
            best = heard  # "chị lan hộ tích": the longer form misheard, not "chị lan" (another Lan)
        if best is not None:
            last, form = best
            return Mention(words[i].start(), words[last].end(), text[words[i].start():words[last].end()],
                           tuple(self._forms[form]), False)
        word = lower[words[i].start():words[i].end()]
        # 2. Honorific or title + name: "chị Hương", "đồng chí Minh", "phó chủ tịch Bảo".
        lead = self._lead(lower, words, i)
        if lead is not None:
            j = lead
            if j < len(words) and words[j].start() - words[j - 1].end() <= 2:
                name = lower[words[j].start():words[j].end()]
                given = self._given.get(name, [])
                head = text[words[j].start()]
                # Without a directory: a capitalised word (or a lone recogniser word) after the honorific.
                if given or (not self.members and (head.isupper() or text.islower()) and name not in _NOT_NAMES):
                    end = words[j].end()
                    # A full name after the honorific ("anh Lê Minh Tú"): keep its capitalised words.
                    k = j + 1
                    while head.isupper() and k < len(words) and k < j + 3 and text[words[k].start()].isupper() \
                            and words[k].start() - words[k - 1].end() <= 1 and not _unit_head(words, k):
                        end = words[k].end()
                        k += 1
                    said = text[words[i].start():end]
                    matches = self.by_name(text[words[j].start():end]) or given
                    return Mention(words[i].start(), end, said, tuple(matches) or (Person(said, kind="said"),),
                                   False)
        # 3. A full name without honorific: a surname and two or three capitalised words.
        if text[words[i].start()].isupper() and word in SURNAMES and i + 2 < len(words):
            k = i + 1
            while k < len(words) and k < i + 4 and text[words[k].start()].isupper():
                k += 1
            if k - i >= 3:
                said = text[words[i].start():words[k - 1].end()]
                return Mention(words[i].start(), words[k - 1].end(), said,
                               tuple(self.by_name(said)) or (Person(said, kind="said"),), False)
        # 4. A bare given name of the directory.
        bare = self._given.get(word)
        if not bare:
            return None
        capital = text[words[i].start()].isupper()
        at_head = i == 0 or text[words[i - 1].end():words[i].start()].strip(" ") in (",", "") and \
            lower[words[i - 1].start():words[i - 1].end()] in _CLAUSE_OPENERS
        after = lower[words[i].end():words[i].end() + 30]
        before_verb = bool(verbs.match(after))
        # "Hùng ơi", and a capitalised name opening the text before a comma ("Hùng, đèn ngõ 33 hư…"): a call
        vocative = after.lstrip().startswith("ơi") or (i == 0 and capital and after.startswith(",")) \
            or (i == 0 and capital and call_after(after))
        mid_capital = capital and i > 0 and not text[:words[i].start()].rstrip().endswith((".", ":", "!", "?"))
        if i > 0 and capital and text[words[i - 1].start()].isupper() and \
                text[words[i - 1].end():words[i].start()] == " " and lower[words[i - 1].start():words[i - 1].end()] \
                not in HONORIFICS and not _opens_sentence(text, words[i - 1], lower):
            return None  # part of a proper name ("Lĩnh Nam", "Tân Mai")
        # Recogniser text has no capitals to tell "thắng lập hồ sơ" (a name) from a word: a verb right after
        # it is enough, but not for the names that are also a day or a verb ("mai gửi", "bảo làm", "sơn sửa").
        spoken = before_verb and text.islower() and word not in ("mai", "bảo", "sơn", "thu", "an")
        if word in AMBIGUOUS and not capital and i >= 2 \
                and lower[words[i - 2].start():words[i - 2].end()] in _PLACE_WORDS:
            return None  # recogniser text: "đường lĩnh nam", "chợ mai động" … the second word of a place's name
        if not capital and _in_compound(lower, words, i, word):
            return None  # recogniser text: "thắng xác minh xong …", "ban chỉ huy quân sự" … a word, not Minh or Huy
        if word in AMBIGUOUS and not (mid_capital or vocative or (at_head and before_verb) or spoken):
            return None
        if word in AMBIGUOUS and not capital and not vocative and not text.islower():
            return None  # written text capitalises names: "Chị Hương gọi ba tổ đó, bảo gửi trước thứ Sáu" (tell)
        if word not in AMBIGUOUS and not (capital or before_verb or vocative or at_head):
            return None
        return Mention(words[i].start(), words[i].end(), text[words[i].start():words[i].end()], tuple(bare), True)

    def _misheard(self, lower: str, words: list[re.Match[str]], firsts: tuple[int, ...]) -> tuple[int, str] | None:
        """A form with a field word the recogniser misheard in one syllable ("lan tư phát", "chị lan hộ tích"): the
        last word index and the directory's form, when exactly one person's form sounds so."""
        for first in firsts:
            for size in (4, 3, 2):
                last = first + size - 1
                if last >= len(words):
                    continue
                said = " ".join(lower[words[first].start():words[last].end()].split())
                heard = self._heard.get(_sound_key(said), [])
                people = {person for _form, person in heard}
                if len(people) == 1 and _one_syllable_off(said, heard[0][0]):
                    return last, heard[0][0]
        return None

    @staticmethod
    def _lead(lower: str, words: list[re.Match[str]], i: int) -> int | None:
        """Index of the word after an honorific or title starting at word i, or None."""
        for size in (3, 2, 1):
            if i + size >= len(words):
                continue
            span = " ".join(lower[words[k].start():words[k].end()] for k in range(i, i + size))
            if span in HONORIFICS or span in TITLES:
                return i + size
        return None


# Session 12 (docs/meetings.md, "Session 12"): a given name opening the sentence with "này," after it calls that
# person ("Tuấn này, em rà soát lại danh sách…", "Nam này, đất chợ là em nắm, em làm việc…"), as "Tuấn ơi" does:
# the "em" that follows is the one called, not whoever spoke last.
_NAY_CALL = re.compile(r"\s*này\s*,")
# Session 16 (docs/meetings.md, "Session 16"): "Nam đâu, em xử lý dứt điểm …", "Tuấn đâu rồi, em …": asking where
# someone is, to give them the work, calls them as "này," does (`call_after`)
_WHERE_CALL = re.compile(r"\s*đâu(?:\s+rồi)?\s*,")


def call_after(after: str) -> bool:
    """What follows a given name opening a sentence makes it a call: "này,", "đâu,"."""
    return _NAY_CALL.match(after) is not None or _WHERE_CALL.match(after) is not None


# Session 12: in lower-case recogniser text a given name that is the second word after a place word ("cắt tỉa cây
# trên đường lĩnh nam xong trước …", "khu chợ mai động") is part of the place's name, as a capital says in writing.
_PLACE_WORDS = {"đường", "phố", "chợ", "quận", "phường", "cầu", "ngõ", "làng", "xã", "hồ", "khu"}


# Session 14 (docs/meetings.md, "Session 14"): in lower-case recogniser text a given name that closes a common word
# with the word before it ("xác minh", "chứng minh", "chỉ huy", "phát huy", "chiến thắng", "quê hương", "việt nam",
# "miền nam") or opens one with the word after ("minh bạch", "lan tỏa", "hạnh phúc") is that word; a capital (written
# text) still says a name.
_BEFORE = {"minh": {"xác", "chứng", "thông", "văn", "bình", "công", "phân", "quang"},
           "huy": {"chỉ", "phát", "quân"}, "thắng": {"chiến", "quyết", "đắc", "thắng"},
           "hương": {"quê", "thắp", "mùi", "thơm"}, "nam": {"việt", "miền", "phía", "hướng", "phương"},
           "sơn": {"giang", "non"}, "an": {"công", "bình", "yên", "an", "trị", "bảo"}}
_AFTER = {"minh": {"bạch", "mẫn"}, "lan": {"tỏa", "can", "rộng", "truyền"}, "hạnh": {"phúc", "kiểm"},
          "an": {"ninh", "toàn", "sinh", "tâm", "cư", "dưỡng"}, "bảo": {"đảm", "vệ", "hiểm", "dưỡng", "trì", "quản",
                                                                       "tồn", "trợ", "lưu", "hành", "mật"}}


# Session 29 (docs/meetings.md, "Session 29"): the ward's streets and quarters named with a given name ("Lĩnh Nam",
# "Tân Mai", "Hoàng Mai", "Mai Động", "Minh Khai"), written in lower case by the recogniser anywhere, not only after
# "đường / phố" ("… ngõ hai trăm mười tám lĩnh nam xong trước tết", "trên tuyến lĩnh nam báo cáo …"): the place, not
# Nam, Mai or Minh given the work (and the real doer's date with it)
# off by rule R1 (session 29): no fresh verdict moved (709/176/193 on and off); off brings back no training wrong (R1b)
SESSION29_PLACE_NAMES = False
_PLACE_BEFORE = {"nam": {"lĩnh"}, "mai": {"tân", "hoàng"}}
_PLACE_AFTER = {"mai": {"động"}, "minh": {"khai"}}


def _in_compound(lower: str, words: list[re.Match[str]], i: int, word: str) -> bool:
    before = lower[words[i - 1].start():words[i - 1].end()] if i > 0 else ""
    after = lower[words[i + 1].start():words[i + 1].end()] if i + 1 < len(words) else ""
    if SESSION29_PLACE_NAMES and (before in _PLACE_BEFORE.get(word, set()) or after in _PLACE_AFTER.get(word, set())):
        return True
    return before in _BEFORE.get(word, set()) or after in _AFTER.get(word, set())


# First words of a unit's name: a capitalised run after a person's name stops there ("anh Sơn Ban Chỉ huy…").
_UNIT_HEADS = {"ban", "phong", "trung", "cong", "hoi", "doan", "van", "to", "tram", "chi", "uy", "mat", "bo", "tdp"}


# Session 21 (docs/meetings.md, "Session 21"): a recogniser mishears one syllable of a field word in a form of address
# the directory lists ("lan tư phát" for "Lan tư pháp", "chị lan hộ tích" for "chị Lan hộ tịch"): the form whose given
# name and honorific are said as listed and whose one other syllable sounds alike (its tone marks, and the final
# consonants a recogniser confuses: p / t / c / ch, n / ng / nh) names that person ("chị lan" alone was Lê Thị Lan)
def _sound(word: str) -> str:
    return re.sub(r"(?:ng|nh)$", "n", re.sub(r"(?:ch|c|p)$", "t", fold(word).lower()))


def _sound_key(form: str) -> str:
    return " ".join(_sound(w) for w in form.split())


def _one_syllable_off(said: str, form: str) -> bool:
    """`said` differs from the directory's `form` in exactly one syllable, not its honorific or given name."""
    pairs = list(zip(said.split(), form.split(), strict=True))
    off = [k for k, (a, b) in enumerate(pairs) if a != b]
    names = {k for k, (_a, b) in enumerate(pairs) if b in HONORIFICS or k == 0 or pairs[k - 1][1] in HONORIFICS}
    return len(off) == 1 and off[0] not in names


def _title_forms(title: str, unit: str) -> list[str]:
    base = re.sub(r"\s*\(.*?\)", "", _lower(title)).strip()
    if not base:
        return []
    forms = [base]
    for suffix in (" ubnd phường", " phường"):
        if base.endswith(suffix):
            forms.append(base[:-len(suffix)])
    # "Phó Chủ tịch UBND phường (kinh tế)": "phó chủ tịch kinh tế", "phó chủ tịch phụ trách kinh tế"
    for field in re.findall(r"\((.*?)\)", _lower(title)):
        for head in list(forms):
            forms += [f"{head} {field}", f"{head} phụ trách {field}"]
    unit_words = _lower(unit).replace(",", "").split()
    if unit_words:
        if base.endswith("phòng") and unit_words[0] == "phòng":
            forms.append(" ".join([base, *unit_words[1:3]]))
        elif not base.endswith(" ".join(unit_words[:2])):
            forms.append(" ".join([base, *unit_words[:2]]))
            forms.append(" ".join([base, *unit_words]))  # "giám đốc trung tâm phục vụ hành chính công"
    return [f for f in forms if len(f.split()) >= 2]


def _unit_head(words: list[re.Match[str]], k: int) -> bool:
    word = fold(words[k].group(0))
    if word == "van":  # "Văn" is a middle name unless "Văn phòng"
        return k + 1 < len(words) and fold(words[k + 1].group(0)) == "phong"
    return word in _UNIT_HEADS


def _opens_sentence(text: str, word: re.Match[str], lower: str) -> bool:
    """"Nhưng Mai nhớ…", "Còn Hùng…": a clause opener capitalised only because it starts the sentence, not the
    first half of a proper name ("Tân Mai", "Lĩnh Nam")."""
    head = text[:word.start()].rstrip()
    return (not head or head.endswith((".", ":", "!", "?", "\n"))) and \
        lower[word.start():word.end()] in _CLAUSE_OPENERS


_NOT_NAMES = {"ơi", "ạ", "ấy", "này", "kia", "đó", "cũng", "không", "có", "đã", "sẽ", "đang", "làm", "xem", "cho",
              "với", "nhé", "và", "em", "anh", "chị", "thì", "là", "phải", "cần", "bên", "ta", "mình", "nói",
              "được", "vẫn", "lại", "nắm", "tổ", "phòng"}
_CLAUSE_OPENERS = {"có", "thì", "ừ", "vâng", "được", "rồi", "thế", "còn", "nhé", "tốt", "à", "thôi", "để", "giao",
                   "nhờ", "ok", "dạ", "vậy", "với", "đấy", "đó", "nay", "nhưng", "này"}
