"""A question as folded words, each with a mark saying whether something understood it.

Before matching anything: the folded text is split into words, the shorthand leaders type is
written out ("hs" → hồ sơ, "bn" → bao nhiêu, "ko" → không, "pakn" → phản ánh kiến nghị), spelled
months become digits ("tháng mười hai" → 12), "1/10" gets its year, and typos are repaired
against the known vocabulary (vocab.Catalog.correct). Every later step consumes the words it
understands; what no step consumed and is not filler is "unexplained" and makes the answer unsure.
"""

from __future__ import annotations

import datetime as dt
import re

from appliance.ask import written_dates
from appliance.ask.spoken_dates import (
    day_month,
    next_or_sixth,
    spelled_numbers,
    spoken_days,
    with_year,
)
from appliance.ask.vocab import FILLER, FILLER_PHRASES, Catalog
from appliance.text import fold
from appliance.text.accents import shorthand_kept

# "q3", "t10/2026" first: the shorthand period is one token (split into "q" "3" it was never read)
_TOKEN = re.compile(r"\b[tq]\d{1,2}(?:/\d{4})?\b|\d+(?:[/\-.]\d+)*|[a-z]+|%|[,;?]")

# Shorthand and spoken forms → the words they stand for (folded). One word may stand for several.
SHORTHAND: dict[str, str] = {
    "hs": "ho so", "hso": "ho so", "bn": "bao nhieu", "bnh": "bao nhieu", "bnhieu": "bao nhieu",
    "nhiu": "bao nhieu", "baonhieu": "bao nhieu", "may": "bao nhieu",
    "dc": "duoc", "ko": "khong", "k": "khong", "kh": "khong", "khg": "khong", "hong": "khong", "hok": "khong",
    "hem": "khong", "ds": "danh sach", "tb": "trung binh", "pakn": "phan anh kien nghi", "pa": "phan anh",
    "bhyt": "bao hiem y te", "sl": "so luong", "onl": "online", "ktxh": "kinh te xa hoi",
    "dzay": "vay", "zay": "vay", "dzi": "vay", "thg": "thang", "gplx": "giay phep lai xe",
    "kq": "ket qua", "cb": "can bo", "lv": "linh vuc", "gq": "giai quyet", "tg": "thoi gian",
    "lvuc": "linh vuc", "ttuc": "thu tuc", "cbo": "can bo", "tthai": "trang thai", "gquyet": "giai quyet",
    # abbreviations of the administration's usual names (the data's own names add theirs: vocab.Catalog.initials)
    "ttxd": "trat tu xay dung", "antt": "an ninh trat tu", "attp": "an toan thuc pham", "vsmt": "ve sinh moi truong",
    "ttdt": "trat tu do thi", "btxh": "bao tro xa hoi", "hkd": "ho kinh doanh", "gcn": "giay chung nhan",
    "qsdd": "quyen su dung dat", "gcnqsdd": "giay chung nhan quyen su dung dat", "gpxd": "giay phep xay dung",
    "csxh": "chinh sach xa hoi", "ncc": "nguoi co cong", "bhxh": "bao hiem xa hoi", "dvc": "dich vu cong",
    "dvctt": "dich vu cong truc tuyen", "tnmt": "tai nguyen moi truong", "pccc": "phong chay chua chay",
    "ldtbxh": "lao dong thuong binh xa hoi", "ubnd": "phuong",
    # chat shorthand for days and units, and the English "list" typed for a list (session 9's writer)
    "e": "em", "hnay": "hom nay", "hnai": "hom nay", "hqua": "hom qua", "bp": "bo phan", "list": "danh sach",
}
# "q3 vs q2", "tháng này versus tháng trước": the English comparison typed in chat is "so với" (it had been an
# unknown word, the comparison refused).
# "a Hùng", "c Lan": chat shorthand of "anh", "chị" before a name typed with its capital letter (an officer is then
# named as after "anh"); "a" alone stays the particle "ạ". Session 12.
_SHORT_TITLE = re.compile(r"(?<!\w)([aAcC])\s+([A-ZĐÀ-Ỹ][\wà-ỹ]*)")
# "hơn", "kém" are the comparison's own words: never repaired. "ai nhận nhiều hồ sơ hơn" had become "hồ sơ hồng" (a
# southern final consonant repaired into "sổ hồng"), so a comparison was unsure.
COMPARISON_PARTICLES = {"hon", "kem"}
# The telegraphic abbreviations of an office's notes ("TL đúng hạn Q3", "PAKN chưa XL theo LV", "TGGQ bình quân"): "tl"
# tỷ lệ, "xl" xử lý, "tggq" thời gian giải quyết (had been unknown: unsure). Whole words only.
# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): more chat
# shorthand ("tl đúng hạn q3 ntn", "tuần này nhận dc bnhiu hs r", "tuần trc"): "ntn" như thế nào, "bnhiu" bao nhiêu,
# "trc" trước, "tgian" thời gian (they had been unknown: unsure; "r" closing the question is session 13's). Whole words
# only.
CHAT_SHORTHAND_23 = {"ntn": "nhu the nao", "bnhiu": "bao nhieu", "trc": "truoc", "tgian": "thoi gian"}
TELEGRAPHIC = {"tl": "ty le", "xl": "xu ly", "tggq": "thoi gian giai quyet", "tgxl": "thoi gian xu ly"}
# The short forms of an office's terse notes "xd" xây dựng ("giấy phép xd", "trật tự xd"), "bq" bình quân ("tg gq bq"),
# "gp" giấy phép ("gp xây dựng"): whole words only (they had been unknown: unsure; session 18).
SHORT_FORMS = {"xd": "xay dung", "bq": "binh quan", "gp": "giay phep"}
# Session 13: chat shorthand and the dialect of Nghệ An typed fast without accents. "lk" closing a clause ("… t10 lk",
# "… lk ra") is "liệt kê"; "r" closing the question is "rồi"
# ("… bn r"); "kd" is "kinh doanh", "tthc" "thủ tục" (hành chính); "ni" after a unit of time is "này" ("tháng ni",
# "hôm ni"); "rứa" is the particle "vậy"; "mô" after a group word is "nào" ("lĩnh vực mô chậm nhất"; not before
# "mới / rộng / cửa / thêm": "mở"; "chi" there was filler already, as "chị"). Whole words only.
# Session 25 (plain behaviour since session 27; tested in tests/ask/test_session25.py): the central "mô" (nào)
# after the nouns the box counts or ranks, not only after a group word: "hồ sơ mô", "những bộ mô", "cán bộ mô", "chỉ
# tiêu mô", "phản ánh mô", "cái mô" (it had been unknown: unsure). Never after a unit of time ("tháng mô cao nhất" is
# the ranking of months, which the box does not read) nor before "hình / tả" ("mô hình", "mô tả").
_WHICH_NOUNS = (["ho", "so"], ["hs"], ["bo"], ["chi", "tieu"], ["phan", "anh"], ["pa"], ["cai"])
# Session 25 (plain behaviour since session 27): the central "răng" (sao) where "sao" asks how: "ra răng", "răng
# rồi", and closing a clause ("… so với quý 2 răng?"); it had been unknown (unsure). Folded, "rằng" (that) is the
# same word: it never stands in those places; nor does "ràng" after "rõ" ("rõ ràng": clearly), which is not read.
# Session 25 (plain behaviour since session 27): "cùng thời điểm tháng / quý / tuần trước", "… năm ngoái / năm
# trước" is "cùng kỳ …" (the same days of that period: like for like); "cùng" had been unknown (unsure). Only right
# before such a previous period; "thời điểm" elsewhere stays filler ("tại thời điểm hiện nay").
_PREVIOUS = {"truoc", "ngoai", "roi", "vua"}


def _same_moment(raw: list[str], k: int) -> bool:
    """Whether raw[k] is "thời" or "điểm" of "cùng thời điểm" said right before a previous period."""
    start = k - 1 if raw[k] == "thoi" else k - 2
    return (start >= 0 and raw[start:start + 3] == ["cung", "thoi", "diem"]
            and raw[start + 3:start + 4] in (["thang"], ["quy"], ["tuan"], ["nam"])
            and raw[start + 4:start + 5] != [] and raw[start + 4] in _PREVIOUS)
_CLAUSE_CLOSE = {",", ";", "?"}
_AFTER_LIST = {"ra", "giup", "gium", "dum", "di", "nhe", "nha", "cho", "voi"}
_TIME_UNITS = {"thang", "tuan", "quy", "nam", "hom", "bua", "ky", "dot"}
_GROUP_WORDS = {"kenh", "vuc", "tuc", "loai", "thuc", "mang", "nhom", "ben", "khoi", "phia", "phan"}


def _chat_dialect(raw: list[str], k: int, out: list[str]) -> list[str] | None:
    """The words that raw[k] stands for as chat shorthand or dialect, or None where it is not such a word."""
    word, nxt = raw[k], raw[k + 1] if k + 1 < len(raw) else ""
    rest = raw[k + 1:]
    clause = rest[:next((j for j, t in enumerate(rest) if t in _CLAUSE_CLOSE), len(rest))]
    if word == "ra" and raw[k - 1:k] == ["lk"] and all(t in _AFTER_LIST | _PARTICLES for t in clause):
        return []  # "lk ra": "liệt kê ra", one request
    if word == "lk" and all(t in _AFTER_LIST | _PARTICLES for t in clause):
        return ["liet", "ke"]
    if word == "r" and k and all(t in _PARTICLES or t in _CLAUSE_CLOSE for t in rest):
        return ["roi"]
    if word == "kd":
        return ["kinh", "doanh"]
    if word == "tthc":
        return ["thu", "tuc"]
    if word == "ni" and out[-1:] and out[-1] in _TIME_UNITS:
        return ["nay"]
    if word == "rua" and all(t in _PARTICLES or t in _CLAUSE_CLOSE for t in rest):
        return ["vay"]
    if word == "mo" and out[-1:] and out[-1] in _GROUP_WORDS and nxt not in ("moi", "rong", "cua", "them"):
        return ["nao"]
    if word == "mo" and nxt not in ("hinh", "ta") and any(
            out[-len(noun):] == noun for noun in _WHICH_NOUNS):
        return ["nao"]
    if word == "rang" and out[-1:] != ["ro"] and (
            out[-1:] in (["ra"], ["lam"]) or all(t in _PARTICLES or t in _CLAUSE_CLOSE or t == "roi" for t in clause)):
        return ["sao"]
    if word in ("thoi", "diem") and _same_moment(raw, k):
        return ["ky"] if word == "thoi" else []
    return None


_SHORT_PERIOD = re.compile(r"^([tq])(\d{1,2})(?:/(\d{4}))?$")  # "t10" → tháng 10, "q3/2026" → quý 3 năm 2026
# Closing particles and the addressee after them ("… có đạt không em", "… không anh"): the clause is over.
_PARTICLES = {"a", "ha", "nhi", "vay", "the", "nhe", "ah", "u", "?", "ta", "day", "zay", "ban", "oi",
              "em", "anh", "chi", "nha", "nhen", "hen"}  # the last three: southern "nhé"
PARTICLES = frozenset(_PARTICLES)


def expand(raw: list[str], *, unread: frozenset[str] = frozenset()) -> list[str]:
    out: list[str] = []
    for k, word in enumerate(raw):
        short = _SHORT_PERIOD.match(word)
        if short and (short.group(1) == "t" and 1 <= int(short.group(2)) <= 12
                      or short.group(1) == "q" and 1 <= int(short.group(2)) <= 4):
            out += ["thang" if short.group(1) == "t" else "quy", short.group(2)]
            out += ["nam", short.group(3)] if short.group(3) else []
        elif word == "nhiu" and out[-1:] == ["bao"]:
            out.append("nhieu")
        elif word == "may" and k + 1 < len(raw) and raw[k + 1] in ("moc", "tinh", "chu"):
            out.append(word)  # "máy móc", "máy tính": a machine, not "how many"
        elif word == "may" and raw[k + 1:k + 2] in (["thang"], ["tuan"], ["quy"], ["nam"]) and (
                raw[k + 2:k + 3] in (["nay"], ["qua"], ["gan"], ["vua"], ["roi"], ["truoc"], ["lien"], ["lai"])):
            out.append(word)  # "mấy tháng nay": a few months, how many unsaid; never "tháng này"
        elif word == "coi" and raw[k + 1:k + 2] != ["nhu"] and raw[k - 1:k] != ["trong"]:
            # "coi" is "xem" ("liệt kê cho anh coi"), in the south and in chat alike; "coi như" (regard as) and
            # "trông coi" (look after) keep their own meaning and stay unknown
            out.append("xem")
        elif word == "total":
            # session 27 (plain since session 29, rule R8): the English "total" typed in chat ("total hs tiếp nhận
            # thg 10") is "tổng"; it had been unknown (unsure). Whole word only.
            out.append("tong")
        elif (said := _chat_dialect(raw, k, out)) is not None:
            out += said
        elif word in TELEGRAPHIC:
            out += TELEGRAPHIC[word].split()
        elif word in SHORT_FORMS:
            out += SHORT_FORMS[word].split()
        elif word == "ld":
            out += ["lao", "dong"]  # "số LĐ có việc làm mới" (session 19, with KH / NS below)
        elif word in ("vs", "versus"):
            out += ["so", "voi"]
        elif word in SHORTHAND and word not in unread:
            out += SHORTHAND[word].split()
        elif word in CHAT_SHORTHAND_23:
            out += CHAT_SHORTHAND_23[word].split()
        else:
            out.append(word)
    return out


# Session 19: the abbreviations of a leader's handwritten notes typed in capitals, "KH" kế hoạch ("đạt bao nhiêu % KH
# năm", "KH thu NS"), "NS" ngân sách ("thu NS"): as bare shorthand "kh" is "không", so only the capitals say which
# (and "% kh", "đạt kh", "thu ns" lower-case); "TT" trật tự before "xây dựng / đô thị"; and "LĐ" / "ld" lao động,
# whole words (expand). They had been "không" or unknown:
# unsure.
_NOTE_ABBREVIATIONS = ((re.compile(r"\bKH\b|(?<=% )kh\b|(?<=%)kh\b|(?<=\b[đĐdD]ạt )kh\b|(?<=\b[dD]at )kh\b"),
                        "kế hoạch"),
                       (re.compile(r"\bNS\b|(?<=\b[tT]hu )ns\b"), "ngân sách"),
                       (re.compile(r"\b[tT][tT](?= (?:xây dựng|xay dung|xd|đô thị|do thi)\b)"), "trật tự"))


def _note_abbreviations(question: str) -> str:
    for pattern, words in _NOTE_ABBREVIATIONS:
        question = pattern.sub(words, question)
    return question


# Words whose folded form is another word the box knows: with their accents they are counters
# ("bao nhiêu cặp kết hôn": couples, not "cấp" issued).
_COUNTERS = re.compile(r"\bcặp\b", re.IGNORECASE)


# Session 24 (plain behaviour since session 26, rule R8; tested in tests/ask/test_session24.py): the
# southern "nhiêu" typed with its accents ("giờ còn tồn nhiêu bộ", "tháng rồi nhận nhiêu hồ sơ") is "bao nhiêu"; folded,
# it had been "nhiều" (many), so the figure asked was not read (unsure, or "many" read as a ranking word). Not after
# "bao", and never "nhiều" (its own accent) nor the word typed without accents.
_HOW_MANY = re.compile(r"(?<!\bbao )(?<!\bBao )(?<!\bBAO )\b([nN]hiêu)\b")


# Session 29 (`SESSION29_BAO_LAM`, read at run time; tested on and off in tests/ask/test_session29.py): the old northern
# "bao lăm" (how many: "được bao lăm bộ hồ sơ", "bao lăm phản ánh") is "bao nhiêu"; folded, "lăm" had been unknown
# (unsure). Typed with its accent only ("bao lam" unaccented may be "bao làm").
SESSION29_BAO_LAM = True  # on by rule R1 (session 29): fresh off alone 841/362/19, on 842/361/19 (right +1, fresh29)
_BAO_LAM = re.compile(r"\b([bB]ao) lăm\b")


# Bug fix (session 29, rule R7): "độ này / độ rày / độ ni" (these days, as "dạo này": a vague time) typed with its
# accent had been read as the filler "do / đó" and the year to date given ("độ này bà con phản ánh nhiều về chuyện
# gì"). Its "độ" is doubted, as "dạo" is unknown: unsure.
_THESE_DAYS = re.compile(r"\bđộ (?:này|rày|ni|nay)\b", re.IGNORECASE)
_PROVINCE = re.compile(r"\btỉnh\b", re.IGNORECASE)
_RECKON = re.compile(r"\btính\b", re.IGNORECASE)


def words(question: str) -> list[str]:
    """The folded, expanded words of a question (no typo repair): for quick cue checks."""
    question = _note_abbreviations(_COUNTERS.sub("cái", question))
    question = _HOW_MANY.sub("bao nhiêu", question)
    if SESSION29_BAO_LAM:
        question = _BAO_LAM.sub(r"\1 nhiêu", question)
    folded = fold(question).replace("ti le", "ty le")
    folded = written_dates.rewrite(folded)
    unread = shorthand_kept(question)  # "sổ hồng", "hẻm": never the shorthand "không" (appliance.text.accents)
    return expand(_TOKEN.findall(folded), unread=unread)


# The first consonant heard the northern way, l for n and n for l ("từ đầu lăm", "lăm ngoái", "nĩnh vực", "hài nòng"),
# ch for tr ("chễ hạn"): a known word typed as another word, repaired only into a phrase of the measures, the names or
# the periods with the word before or after, when the typed word forms none with them, and never a word typed with a
# capital (a name). Session 17.
_PERIOD_PAIRS = {("dau", "nam"), ("cuoi", "nam"), ("ca", "nam"), ("nua", "nam"), ("nam", "nay"), ("nam", "ngoai"),
                 ("nam", "truoc"), ("nam", "roi")}
_INITIALS = (("l", "n"), ("n", "l"), ("ch", "tr"), ("tr", "ch"))


def _northern_initials(items: list[str], question: str, catalog: Catalog) -> list[str]:
    capital = {fold(w) for w in re.findall(r"\w+", question) if w[:1].isupper()}
    pairs = catalog.key_bigrams | _PERIOD_PAIRS

    def fits(word: str, k: int) -> bool:
        before, after = (items[k - 1] if k else ""), (items[k + 1] if k + 1 < len(items) else "")
        return (before, word) in pairs or (word, after) in pairs or (word == "nam" and after.isdigit())

    out = list(items)
    for k, word in enumerate(items):
        known = (k and (items[k - 1], word) in catalog.bigrams) or (
            k + 1 < len(items) and (word, items[k + 1]) in catalog.bigrams)
        if word in capital or not word.isalpha() or fits(word, k) or known:
            continue
        swaps = {other + word[len(first):] for first, other in _INITIALS
                 if word.startswith(first) and not word.startswith(("ng", "nh"))}
        swaps = {w for w in swaps if w in catalog.words and fits(w, k)}
        if len(swaps) == 1:
            out[k] = swaps.pop()
    return out


# Bug fix (session 23, rule R7): "tỷ" and "trọng" fold to filler words ("tỷ lệ", "trong"), so "tỷ trọng hồ sơ nộp trực
# tuyến quý 3" (a share) had been given the count (a confident wrong); unread, "tỷ trọng" makes the answer unsure.
# Reading it as "tỷ lệ" (SESSION23_SHARE_WORD) was switched off by rule R1 and deleted (rule R8, session 24).


# Session 24 (plain behaviour since session 26, rule R8; tested in tests/ask/test_session24.py): two words
# of the box's phrases typed as one ("hoso", "phananh", "danhsach", "dunghan", as a secretary on a tablet types them)
# are those two words, as "baonhieu" already was; they had been unknown (unsure). Only a token the vocabulary does not
# know that splits one way alone into two words read together in a measure's phrase.


def _joined(token: str, catalog: Catalog) -> list[str]:
    if token in catalog.words or len(token) < 4 or not token.isalpha():
        return [token]
    splits = {(token[:i], token[i:]) for i in range(2, len(token) - 1)} & catalog.key_bigrams
    return list(splits.pop()) if len(splits) == 1 else [token]


class Tokens:
    """Folded, repaired tokens with a consumed mark each."""

    def __init__(self, question: str, catalog: Catalog, today: dt.date | None = None):
        self.question = question
        raw = day_month(spoken_days(spelled_numbers(next_or_sixth(question, words(question)), question), today))
        if today is not None:
            raw = [with_year(t, today) for t in written_dates.numbered_weeks(raw, today)]
        raw = [w for t in raw for w in catalog.expand_initials(t)]
        raw = [w for t in raw for w in _joined(t, catalog)]
        self.items = [t if t in COMPARISON_PARTICLES else
                      catalog.correct(t, raw[k - 1] if k else "", raw[k + 1] if k + 1 < len(raw) else "")
                      for k, t in enumerate(raw)]
        self.items = _northern_initials(self.items, question, catalog)
        self._short_titles()
        self.used = [t in {",", ";", "?"} for t in self.items]
        self.doubted: set[int] = set()  # filler words that here change the question ("mới": new)
        for k in range(len(self.items) - 1):
            if self.items[k:k + 2] == ["ty", "trong"]:  # "tỷ trọng" (a share) is not read: unsure
                self.doubted.update((k, k + 1))
        if _PROVINCE.search(question) and not _RECKON.search(question):
            # bug fix (session 27, rule R7): "số hồ sơ của tỉnh tháng 10": folded, "tỉnh" (the province) is the filler
            # "tính" (reckon), and the ward's own figure had been given; typed so, it is unread (unsure) unless a rule
            # reads it ("toàn tỉnh": not in the data)
            self.doubted.update(k for k, t in enumerate(self.items) if t == "tinh")
        if _THESE_DAYS.search(question):
            self.doubted.update(k for k, t in enumerate(self.items[:-1]) if t == "do" and self.items[k + 1] in (
                "nay", "ray", "ni", "rac"))
        self.aside: set[int] = set()  # a reason for asking (doubts.reason_clause): no period is read in it

    def _short_titles(self) -> None:
        """"a Hùng", "c Lan" typed in chat: "anh", "chị" before a name typed with its capital letter."""
        names = {fold(m.group(2)).lower() for m in _SHORT_TITLE.finditer(self.question)}
        for k, word in enumerate(self.items[:-1]):
            if word in ("a", "c") and self.items[k + 1] in names:
                self.items[k] = "anh" if word == "a" else "chi"

    def text(self) -> str:
        return " ".join(self.items)

    def find(self, phrase: str, *, free_only: bool = True) -> list[int]:
        words = phrase.split()
        n = len(words)
        items = self.items
        first = words[0] if words else ""
        if n and first not in items:  # most phrases asked for are not in the question: one scan in C says so
            return []
        hits = []
        for i in range(len(items) - n + 1):
            # the first word is compared before any slice is built: most positions fail there (this loop runs
            # hundreds of times per question; the slices were a fifth of the question box's own time)
            if (not n or items[i] == first) and items[i:i + n] == words \
                    and (not free_only or not any(self.used[i:i + n])):
                hits.append(i)
        return hits

    def take(self, phrase: str) -> int | None:
        """Consume the first free occurrence of phrase; its index, or None."""
        hits = self.find(phrase)
        if not hits:
            return None
        n = len(phrase.split())
        for k in range(hits[0], hits[0] + n):
            self.used[k] = True
        return hits[0]

    def take_all(self, phrases: list[str]) -> bool:
        """Consume every free occurrence of each phrase, longest phrases first."""
        found = False
        for phrase in sorted(phrases, key=lambda p: -len(p.split())):
            while self.take(phrase) is not None:
                found = True
        return found

    def has(self, phrase: str) -> bool:
        return bool(self.find(phrase, free_only=False))

    def mark_chars(self, start: int, end: int) -> None:
        pos = 0
        for k, tok in enumerate(self.items):
            if start <= pos and pos + len(tok) <= end:
                self.used[k] = True
            pos += len(tok) + 1

    def yes_no_particle(self) -> None:
        """"Có … không" and a question ending in "không" ("tăng hông?") ask yes or no: that "không"
        negates nothing. Any other "không" changes the meaning (không đạt, không đúng hạn): the
        phrases that give it one were matched before this, so it stays unexplained."""
        for k in range(len(self.items) - 1, -1, -1):
            word = self.items[k]
            if word == "khong" and not self.used[k]:
                self.used[k] = True
                break
            if word not in _PARTICLES and word not in {",", ";"} and k not in self.aside:
                break  # a reason given after the question ("… không, vì chiều nay …") is not its end
        for k, word in enumerate(self.items):
            after = self.items[k + 1] if k + 1 < len(self.items) else ","
            # "có tăng không so với …" asks yes or no; "có hồ sơ nào không thể giải quyết" negates
            ends = after in {",", ";", "?"} | (_PARTICLES - {"the"}) or (k + 1 < len(self.items) and self.used[k + 1])
            if word == "khong" and not self.used[k] and ends and "co" in self.items[max(0, k - 4):k]:
                self.used[k] = True
        # "có hồ sơ nào trễ hạn không, bao nhiêu cái": a "không" that closes its clause, with "có"
        # earlier in that clause, asks yes or no too; "không" before any other word keeps its meaning.
        start = 0
        for k, word in enumerate(self.items):
            if word in {",", ";", "?"}:
                start = k + 1
                continue
            rest = self.items[k + 1:]
            clause_rest = rest[:next((j for j, t in enumerate(rest) if t in {",", ";", "?"}), len(rest))]
            closes = all(t in _PARTICLES - {"the"} for t in clause_rest)  # "không thể …" does not close
            if word == "khong" and not self.used[k] and closes and "co" in self.items[start:k]:
                self.used[k] = True

    def doubt(self, k: int) -> None:
        self.doubted.add(k)

    def unexplained(self) -> list[str]:
        """The words nothing understood and no filler explains. A number nobody used ("tháng 13") is
        unexplained too: ignoring it would answer another question. "Trong ngày" with no day after it
        (resolved the same day) is two filler words that together change the figure."""
        # "giải quyết trong ngày tháng 10": a longer period after it is no day of "trong ngày" (bug fix, session 21:
        # the whole month had been given)
        same_day = [k for k in self.find("trong ngay")
                    if k + 2 >= len(self.items) or not (self.used[k + 2] or self.items[k + 2][:1].isdigit())
                    or self.items[k + 2] in ("thang", "quy", "nam", "tuan")]
        if same_day:
            return ["trong", "ngay"]
        used = list(self.used)
        for phrase in FILLER_PHRASES:
            n = len(phrase.split())
            for i in self.find(phrase):
                used[i:i + n] = [True] * n
        for k, word in enumerate(self.items):
            before = self.items[k - 1] if k else ""
            after_used = k + 1 < len(self.items) and self.used[k + 1]
            # "giải quyết xong", "xử lý xong": done is what the verb already said ("chưa xong" alone stays
            # unexplained); "tính đến hết ngày 31/10": up to the end of a period that a rule read
            if (word == "xong" and before in ("quyet", "ly")) or (word == "het" and before in ("den", "toi")
                                                                  and after_used):
                used[k] = True
        # a doubted word is unexplained unless a step understood it, even inside a filler phrase ("gần đây")
        return [t for k, (t, u) in enumerate(zip(self.items, used, strict=True))
                if (not u and t not in FILLER) or (k in self.doubted and not self.used[k])]
