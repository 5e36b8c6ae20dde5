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

from appliance.ask.vocab import FILLER, FILLER_PHRASES, Catalog
from appliance.text import fold

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
# unknown word, the comparison refused). Read at run time: a session-11 flag.
SESSION11_VERSUS = True
# Southern "coi" is "xem" ("liệt kê anh coi", "cho chị coi"); "coi như" (regard as) and "trông coi" (look after)
# keep their own meaning and stay unknown.
SESSION11_COI = False
# Southern "giùm / dùm" is "giúp" ("chia giùm chị", "liệt kê dùm anh"): a request word like "giúp", which was
# read and this was not (the question was refused). Whole words only. Session 12, read at run time.
SESSION12_SOUTHERN_HELP = False  # off by rule R1 (session 12): moved no verdict of the fresh sets
_HELP = {"gium", "dum"}
# "a Hùng", "c Lan": chat shorthand of "anh", "chị" before a name typed with its capital letter (an officer is then
# named as after "anh"); "a" alone stays the particle "ạ". Session 12, read at run time.
SESSION12_SHORT_TITLE = True
_SHORT_TITLE = re.compile(r"(?<!\w)([aAcC])\s+([A-ZĐÀ-Ỹ][\wà-ỹ]*)")
# Session 12: the report shorthand of leaders typing on phones: "ytd" (year to date), "mtd", "qtd", "bc" (báo cáo),
# "lk" (lũy kế), "yoy" (the same period last year), and "kh" after a rate or "đạt / so với" is "kế hoạch" ("đạt mấy %
# kh"; elsewhere "kh" stays "không"). Whole words only. Read at run time.
SESSION12_SHORTHAND = False  # off by rule R1 (session 12): on, one more right and one more wrong
REPORT_SHORTHAND = {"ytd": "tu dau nam", "mtd": "tu dau thang", "qtd": "tu dau quy", "bc": "bao cao", "lk": "luy ke",
                    "yoy": "cung ky nam truoc", "bcao": "bao cao", "xd": "xay dung"}
_PLAN_BEFORE = {"%", "dat", "voi", "tieu"}  # "đạt … % kh", "đạt kh", "so với kh", "chỉ tiêu kh"
# Session 14: "hơn", "kém" are the comparison's own words: never repaired. "ai nhận nhiều hồ sơ hơn" had become "hồ sơ
# hồng" (a southern final consonant repaired into "sổ hồng"), so a comparison was unsure. Read at run time.
SESSION14_COMPARISON_KEPT = True
COMPARISON_PARTICLES = {"hon", "kem"}
# Session 14: signs of a telegraphic note: "+" between two things adds them up ("hs T10 + T11", "trực tuyến + bưu
# chính"), "… / tổng" is a share of the total (a rate). The tokenizer had dropped both, so "T10 + T11" was compared and
# "đã XL / tổng" answered the count. "+" is now a token that only a sum of two periods reads (anything else: unsure);
# "/ tổng (số)" reads as "tỷ lệ"; "1/10 - 15/10", "T8-T10" are spans ("từ … đến …"). Read at run time.
SESSION14_SIGNS = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
_PLUS = re.compile(r"\s*\+\s*")
_OVER_TOTAL = re.compile(r"\s*/\s*tong(?: so)?\b")
_TOKEN_SIGNS = re.compile(_TOKEN.pattern + r"|\+")
# "1/10 - 15/10", "T8-T10": a span between two days (two months, quarters) written with a dash, which had been read as
# two days compared. Only between two of the same shape.
_SPAN_END = r"\d{1,2}/\d{1,2}(?:/\d{4})?"
_DASHED_SPAN = re.compile(rf"(\btu )?\b({_SPAN_END}|t\d{{1,2}}|q\d)\s*[-\u2013]\s*({_SPAN_END}|t\d{{1,2}}|q\d)\b")
# Session 14: the telegraphic abbreviations of an office's notes ("TL đúng hạn Q3", "PAKN chưa XL theo LV", "TGGQ bình
# quân"): "tl" tỷ lệ, "xl" xử lý, "tggq" thời gian giải quyết (had been unknown: unsure). Whole words only. Read at run
# time.
SESSION14_TELEGRAPHIC = True
TELEGRAPHIC = {"tl": "ty le", "xl": "xu ly", "tggq": "thoi gian giai quyet", "tgxl": "thoi gian xu ly"}
# Session 15: "tỷ trọng" (a share) is a rate word, as "tỷ lệ": "tỷ trọng hồ sơ trực tuyến" is the online rate, "hồ sơ
# hộ tịch chiếm tỷ trọng bao nhiêu" a rate of nothing said (unsure); "trọng" had been dropped and a count given. Not
# after a number ("5 tỷ trong quý 3": money). Read at run time.
SESSION15_SHARE_WORD = False  # off by rule R1b (session 15): moved no fresh verdict
# Session 14: southern "bữa nay" is "hôm nay", "bữa qua" "hôm qua" ("bữa" had been unknown: unsure); "mấy bữa nay"
# (these few days, how many unsaid) stays unread; "nay" opening the question is today ("Nay nhận mấy hồ sơ?" had been
# answered for the year to date). Read at run time.
SESSION14_SOUTHERN_DAY = False  # off by rule R1b (session 14: moved no fresh verdict, no training wrong back)
# "toàn dân" ("BHYT toàn dân"), "cả phường", "toàn địa bàn": the whole ward, as "toàn phường" already was (filler);
# "toàn quận" is another unit (nodata.SESSION12_OTHER_UNITS). Session 12, read at run time.
SESSION12_WHOLE_WARD = False  # off by rule R1 (session 12): moved no verdict of the fresh sets
WHOLE_WARD = ["toan dan", "ca phuong", "toan dia ban", "ca dia ban", "toan the"]
# Session 13: chat shorthand and the dialect of Nghệ An typed fast without accents. "lk" closing a clause ("… t10 lk",
# "… lk ra") is "liệt kê" (before a period it stays SESSION12_SHORTHAND's "lũy kế"); "r" closing the question is "rồi"
# ("… bn r"); "kd" is "kinh doanh", "tthc" "thủ tục" (hành chính); "ni" after a unit of time is "này" ("tháng ni",
# "hôm ni"); "rứa" is the particle "vậy"; "mô" after a group word is "nào" ("lĩnh vực mô chậm nhất"; not before
# "mới / rộng / cửa / thêm": "mở"; "chi" there was filler already, as "chị"). Whole words only. Read at run time.
SESSION13_CHAT_DIALECT = True  # on by rule R1 (session 13): fresh13 one more right, no wrong more
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
    return None


_SHORT_PERIOD = re.compile(r"^([tq])(\d{1,2})(?:/(\d{4}))?$")  # "t10" → tháng 10, "q3/2026" → quý 3 năm 2026
# Closing particles and the addressee after them ("… có đạt không em", "… không anh"): the clause is over.
_PARTICLES = {"a", "ha", "nhi", "vay", "the", "nhe", "ah", "u", "?", "ta", "day", "zay", "ban", "oi",
              "em", "anh", "chi", "nha", "nhen", "hen"}  # the last three: southern "nhé"
PARTICLES = frozenset(_PARTICLES)
_UNITS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}


def expand(raw: list[str]) -> list[str]:
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
        elif SESSION11_COI and word == "coi" and raw[k + 1:k + 2] != ["nhu"] and raw[k - 1:k] != ["trong"]:
            out.append("xem")
        elif SESSION13_CHAT_DIALECT and (said := _chat_dialect(raw, k, out)) is not None:
            out += said
        elif SESSION12_SHORTHAND and word in REPORT_SHORTHAND:
            out += REPORT_SHORTHAND[word].split()
        elif SESSION12_SHORTHAND and word == "kh" and out[-1:] and out[-1] in _PLAN_BEFORE and (
                out[-1] != "%" or "dat" in out[-4:]):  # "tăng 5% kh" is "… không"; "đạt mấy % kh" the plan
            out += ["ke", "hoach"]
        elif SESSION12_SOUTHERN_HELP and word in _HELP:
            out.append("giup")
        elif SESSION15_SHARE_WORD and word == "trong" and out[-1:] == ["ty"] and not (
                out[-2:-1] and (out[-2].isdigit() or out[-2] in _UNITS)):
            out.append("le")  # "tỷ trọng" (a share) is a rate; "5 tỷ trong quý 3" is money
        elif SESSION14_TELEGRAPHIC and word in TELEGRAPHIC:
            out += TELEGRAPHIC[word].split()
        elif SESSION14_SOUTHERN_DAY and word == "bua" and raw[k + 1:k + 2] in (["nay"], ["qua"]) and (
                raw[k - 1:k] != ["may"]):
            out.append("hom")  # "bữa nay" = hôm nay, "bữa qua" = hôm qua; "mấy bữa nay" stays vague (unread)
        elif SESSION14_SOUTHERN_DAY and word == "nay" and k == 0 and raw[1:2] not in (["thang"], ["tuan"], ["quy"],
                                                                                     ["nam"], ["ngay"]):
            out += ["hom", "nay"]  # southern "Nay nhận mấy hồ sơ?": today, the question's first word
        elif SESSION11_VERSUS and word in ("vs", "versus"):
            out += ["so", "voi"]
        elif word in SHORTHAND:
            out += SHORTHAND[word].split()
        else:
            out.append(word)
    return out


def _spelled_numbers(raw: list[str]) -> list[str]:
    """"tháng mười", "tháng mười hai", "tháng giêng", "quý ba" → digits, so a spelled month is
    never silently ignored (it used to fall back to the whole year)."""
    out: list[str] = []
    k = 0
    while k < len(raw):
        out.append(raw[k])
        if raw[k] in ("thang", "quy") and k + 1 < len(raw):
            nxt = raw[k + 1]
            after = raw[k + 2] if k + 2 < len(raw) else ""
            value, used = None, 0
            if raw[k] == "thang" and nxt == "gieng":
                value, used = 1, 1
            elif raw[k] == "thang" and nxt == "chap":
                value, used = 12, 1
            elif raw[k] == "thang" and nxt == "muoi":
                value, used = (10 + {"mot": 1, "hai": 2}[after], 2) if after in ("mot", "hai") else (10, 1)
            elif nxt in _UNITS:
                year_word = nxt == "nam" and (after[:1].isdigit() or after in ("nay", "ngoai", "truoc", "roi", "qua"))
                after_word = nxt == "tu" and raw[k] == "thang"  # "tháng từ …" is not April
                if not year_word and not after_word and not (nxt == "sau" and raw[k] == "thang"):
                    value, used = _UNITS[nxt], 1
            if value is not None and (raw[k] == "thang" or value <= 4):
                out.append(str(value))
                k += used
        k += 1
    return out


def _day_month(raw: list[str]) -> list[str]:
    """"ngày 15 tháng 11" → "15/11" (a date the period rules read), and "từ ngày 1 đến ngày 15 tháng 11":
    a bare day before it takes the same month. Left as words, the day numbers were unexplained."""
    out: list[str] = []
    k = 0
    while k < len(raw):
        if (raw[k] == "ngay" and k + 3 < len(raw) and raw[k + 1].isdigit() and raw[k + 2] == "thang"
                and raw[k + 3].isdigit() and 1 <= int(raw[k + 1]) <= 31 and 1 <= int(raw[k + 3]) <= 12):
            day, month, after = raw[k + 1], raw[k + 3], raw[k + 4:k + 6]
            if after[:1] == ["nam"] and not (len(after) == 2 and after[1].isdigit() and len(after[1]) == 4):
                out.append(raw[k])  # "… năm nay / ngoái": left as words (unsure), never a date and a year apart
                k += 1
                continue
            if after[:1] == ["nam"]:
                month, k = f"{month}/{after[1]}", k + 2  # "ngày 3 tháng 10 năm 2026"
            for j in range(len(out) - 1, max(-1, len(out) - 5), -1):
                if out[j].isdigit() and j and out[j - 1] == "ngay" and 1 <= int(out[j]) <= 31:
                    out[j] = f"{out[j]}/{month}"
                    break
            out += ["ngay", f"{day}/{month}"]
            k += 4
            continue
        out.append(raw[k])
        k += 1
    return out


def _with_year(token: str, today: dt.date) -> str:
    """"1/10" (a day without its year) → "1/10/2026": the latest such day not after today."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", token)
    if not m:
        return token
    day, month = int(m.group(1)), int(m.group(2))
    try:
        year = today.year if dt.date(today.year, month, day) <= today else today.year - 1
        dt.date(year, month, day)
    except ValueError:
        return token
    return f"{day}/{month}/{year}"


def _next_or_sixth(question: str, raw: list[str]) -> list[str]:
    """"tháng sáu" is June, "tháng sau" the month after this one; folded, both are "thang sau".
    The accents say which: "sáu" typed → 6; "sau" in a question typed with accents → "tháng tới".
    A question typed without any accents keeps "thang sau", and the parser asks which was meant."""
    typed = re.findall(r"\btháng\s+(sáu|sau)\b", question.lower())
    accented = any(ord(ch) > 127 for ch in question)
    out, seen = list(raw), 0
    for k in range(len(out) - 1):
        if out[k] == "thang" and out[k + 1] == "sau":
            word = typed[seen] if seen < len(typed) else ""
            seen += 1
            if word == "sáu":
                out[k + 1] = "6"
            elif word == "sau" and accented:
                out[k + 1] = "toi"
    return out


# Words whose folded form is another word the box knows: with their accents they are counters
# ("bao nhiêu cặp kết hôn": couples, not "cấp" issued).
_COUNTERS = re.compile(r"\bcặp\b", re.IGNORECASE)


# Session 13: a name of the data that holds commas ("Đăng ký nhận cha, mẹ, con") said with them: the commas inside
# it are the name's, not a clause's end, so the name is matched as said (it had been cut at the commas: "mẹ", "con"
# unknown, unsure). Only where the whole name stands, word for word, around the commas. Read at run time.
SESSION13_COMMA_NAMES = False  # off by rule R1 (session 13): moved no verdict of the fresh sets


def _without_commas_in_names(items: list[str], names: list[list[str]]) -> list[str]:
    drop: set[int] = set()
    for name in names:
        for start, word in enumerate(items):
            if word != name[0]:
                continue
            j, commas = start, []
            for part in name:
                while j < len(items) and items[j] == "," and j > start:
                    commas.append(j)
                    j += 1
                if j >= len(items) or items[j] != part:
                    break
                j += 1
            else:
                drop.update(commas)
    return [w for k, w in enumerate(items) if k not in drop]


def words(question: str) -> list[str]:
    """The folded, expanded words of a question (no typo repair): for quick cue checks."""
    question = _COUNTERS.sub("cái", question)
    folded = fold(question).replace("ti le", "ty le")
    if SESSION14_SIGNS:
        folded = _OVER_TOTAL.sub(" ty le ", folded)  # "đã XL / tổng": a share of the total, a rate
        folded = _PLUS.sub(" + ", folded)  # kept as a token: a sum (dropped.SESSION14_SUM_OF_PERIODS), else unread
        folded = _DASHED_SPAN.sub(lambda m: f"tu {m.group(2)} den {m.group(3)}", folded)
    return expand(_TOKEN_SIGNS.findall(folded) if SESSION14_SIGNS else _TOKEN.findall(folded))


class Tokens:
    """Folded, repaired tokens with a consumed mark each."""

    def __init__(self, question: str, catalog: Catalog, today: dt.date | None = None):
        self.question = question
        raw = _day_month(_spelled_numbers(_next_or_sixth(question, words(question))))
        if today is not None:
            raw = [_with_year(t, today) for t in raw]
        raw = [w for t in raw for w in catalog.expand_initials(t)]
        self.items = [t if SESSION14_COMPARISON_KEPT and t in COMPARISON_PARTICLES else
                      catalog.correct(t, raw[k - 1] if k else "", raw[k + 1] if k + 1 < len(raw) else "")
                      for k, t in enumerate(raw)]
        if SESSION12_SHORT_TITLE:
            self._short_titles()
        if SESSION13_COMMA_NAMES:
            self.items = _without_commas_in_names(self.items, catalog.comma_names)
        self.used = [t in {",", ";", "?"} for t in self.items]
        self.doubted: set[int] = set()  # filler words that here change the question ("mới": new)
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
        hits = []
        for i in range(len(self.items) - n + 1):
            if self.items[i:i + n] == words and (not free_only or not any(self.used[i:i + n])):
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
        same_day = [k for k in self.find("trong ngay")
                    if k + 2 >= len(self.items) or not (self.used[k + 2] or self.items[k + 2][:1].isdigit())]
        if same_day:
            return ["trong", "ngay"]
        used = list(self.used)
        for phrase in FILLER_PHRASES:
            n = len(phrase.split())
            for i in self.find(phrase):
                used[i:i + n] = [True] * n
        for phrase in WHOLE_WARD if SESSION12_WHOLE_WARD else []:
            n = len(phrase.split())
            for i in self.find(phrase, free_only=False):  # "toàn dân": its "dân" may be read in a name
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
