"""What the question box knows by name: the distinct values in the data (procedures, fields,
officers, feedback categories, indicators) and the words leaders use, with typo-tolerant
matching on folded text.

Typos are repaired token by token against this vocabulary before any phrase matching, so the
rest of the parser can match exactly. Only tokens unknown to the vocabulary are repaired, and
only to a unique nearest neighbour, so a correct word is never "corrected" into another.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from appliance.citizen.staff import inbox
from appliance.text import fold

if TYPE_CHECKING:  # type-only: entities imports this module
    from appliance.ask.entities import Candidate

# Words that carry no filter or measure of their own: a question made of these and recognised
# phrases is fully understood. A content word outside this list makes the parser unsure. Words
# that change the question (không, chưa, đạt, trả, mất, mấy, tăng, giảm, hơn, kém, quá, ngoài, sẽ…)
# are not here: the parser gives them their meaning (open records, rejected, processing time,
# comparison) or the answer is unsure.
FILLER = set(
    """
    bao nhieu co la cua phuong ta minh trong ky nay do duoc bi da dang nhu
    ho so thu tuc tthc tong so cac nhung moi mot ba nam sau
    ngay thang quy tuan hom truoc nua dau cuoi tu den toi va voi hay hoac thi
    bang tren duoi cho xem biet hoi giup xin
    em anh chi oi a nhe ah u vay sao roi luon lay bao cao
    nhan dang ky o tai ve theo tung top nhat nhieu it cao thap lon nho
    hien muc phan tram ty le ti le con gi nguoi dan
    hien nay hien tai hien gio bay gio gio luc den nay toi nay ca
    vua tinh chi so kpi the sao nhu vay phan ai lan
    ong chu ha nhi dzay zay day bo cai vu phieu truong hop ma van trong do hoi chiem
    """.split()
)
# Not here, though leaders say them as filler: "nha / nhen / hen" (southern "nhé", but "nhà" a house, "hẹn"
# the appointed day), "cần" (I need, but "cần xử lý" is still open) and "gửi" (sent to me, but "gửi kết quả"
# is returning it): doubts.said_endings reads each only where it stands as filler.
# Filler only as a whole phrase: on its own each of these words may change the question ("quá"
# hạn in "kết quả", "hạng"/"hạn", "tiếp theo" is the next period, "gần" hết hạn, "lương", "đồng").
FILLER_PHRASES = [
    "ket qua", "xep hang", "lien tiep", "lan luot", "dien bien", "bieu do", "xu huong", "trung binh", "binh quan",
    "chi tiet", "cu the", "trong vong", "gan day", "gan nhat", "gia tri", "vui long", "cam on", "hanh chinh",
    "tong cong", "cong dan", "tat ca", "toan bo", "thuc hien", "the hien", "tinh hinh", "cung ky", "so luong",
    "don vi tinh", "don vi", "thong ke", "ra sao", "dong chi", "tren dia ban", "dia ban",
    # "nào" alone asks which (records, a group, a time): filler only in "thế nào" / "như nào" (how)
    "the nao", "nhu nao",
    # the whole ward, a moment, a request said quickly: none narrows or changes the figure
    "toan phuong", "toan don vi", "thoi diem", "tong hop nhanh", "bao cao nhanh", "xem nhanh", "noi nhanh",
    "nhanh giup", "giup nhanh", "cho nhanh", "nhanh nhe", "tong hop",
    # "phản ánh liên quan đến đất đai": what the records are about, named right after it
    "lien quan den", "lien quan toi", "lien quan",
]

CHANNELS = {"Trực tuyến": ["truc tuyen", "online", "qua mang", "dich vu cong truc tuyen", "dvc truc tuyen",
                           "cong dich vu cong", "dich vu cong"],
            "Trực tiếp": ["truc tiep", "tai quay", "tai bo phan mot cua", "mot cua"],
            "Bưu chính": ["buu chinh", "qua buu dien", "buu dien"]}
STATUSES = {"Đang xử lý": ["dang xu ly", "dang giai quyet"],
            "Chờ bổ sung": ["cho bo sung", "phai bo sung", "yeu cau bo sung", "tra lai bo sung", "tra ve bo sung",
                            "tra lai de bo sung", "can bo sung", "dang bo sung", "bo sung ho so"]}
FEEDBACK_STATUSES = {"cho_xu_ly": ["cho xu ly", "moi tiep nhan", "chua ai nhan xu ly", "chua ai nhan",
                                   "chua co ai nhan", "chua ai xu ly", "chua co ai xu ly", "chua duoc nhan xu ly",
                                   "chua nhan xu ly", "chua phan cong", "chua duoc phan cong", "chua giao",
                                   "chua duoc giao"]
                     # the verb said after "not yet taken / assigned" belongs to it ("chưa có ai nhận xử lý", "chưa
                     # phân công giải quyết"): left over, it had been read as "đã xử lý" (the status turned round)
                     + [f"{p} {verb}" for p in ("chua co ai nhan", "chua phan cong", "chua duoc phan cong", "chua giao",
                                                "chua duoc giao", "chua ai giao", "chua co ai giao")
                        for verb in ("xu ly", "giai quyet")] + ["chua ai nhan giai quyet"],
                     "dang_xu_ly": ["dang xu ly", "dang giai quyet"],
                     "da_xu_ly": ["da xu ly", "da giai quyet", "xu ly xong"],
                     "tu_choi": ["bi tu choi", "tu choi", "khong tiep nhan"]}
FEEDBACK_STATUS_LABELS = {"cho_xu_ly": "chờ xử lý", "dang_xu_ly": "đang xử lý", "da_xu_ly": "đã xử lý",
                          "tu_choi": "từ chối"}
FEEDBACK_CHANNEL_LABELS = {"zalo": "Zalo", "web": "trang web", "widget": "trang web", "counter": "tại quầy",
                           "phone": "điện thoại"}
FEEDBACK_CHANNELS = {"zalo": ["zalo"], "web": ["website", "trang web", "web"], "widget": ["widget"],
                     "counter": ["tai quay", "truc tiep"], "phone": ["dien thoai", "duong day nong"]}
# Short names leaders use for procedures, mapped to words of the catalogue name.
PROCEDURE_ALIASES = {"so do": "giay chung nhan quyen su dung dat lan dau",
                     "cap so do": "giay chung nhan quyen su dung dat lan dau",
                     "giay phep xay dung": "cap giay phep xay dung nha o rieng le",
                     "phep xay dung": "cap giay phep xay dung nha o rieng le",
                     "xac nhan doc than": "cap giay xac nhan tinh trang hon nhan",
                     "mai tang phi": "ho tro chi phi mai tang", "tien mai tang": "ho tro chi phi mai tang",
                     "khai sinh cho con": "dang ky khai sinh", "dang ky kinh doanh": "dang ky thanh lap ho kinh doanh",
                     "trich luc": "cap ban sao trich luc ho tich"}
# Names in indicators that leaders shorten (folded): the words they use → words of the name.
INDICATOR_ALIASES = {"bao hiem y te": "bao hiem y te", "thu gom rac": "thu gom, xu ly rac thai",
                     "rac thai": "thu gom, xu ly rac thai", "viec lam moi": "tao viec lam moi",
                     "ngan sach": "thu ngan sach", "nop truc tuyen": "ho so thu tuc hanh chinh nop truc tuyen",
                     "ngheo": "ho ngheo", "bhyt": "bao hiem y te"}


# Final consonants that sound alike in southern speech, so they are typed one for the other.
_FINALS = {"ng": ("n",), "nh": ("n",), "n": ("ng", "nh"), "c": ("t",), "t": ("c",)}


def levenshtein(a: str, b: str, limit: int = 2) -> int:
    """Edit distance counting a swap of neighbours as one edit (the commonest typing slip);
    gives up (returning limit + 1) as soon as it must exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


@dataclass
class Catalog:
    """Distinct values of the reporting views, with their folded forms."""

    fields: list[str] = field(default_factory=list)
    procedures: list[str] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)
    feedback_categories: list[tuple[str, str]] = field(default_factory=list)  # (code, label)
    feedback_departments: dict[str, list[str]] = field(default_factory=dict)  # department → its category codes
    indicators: list[str] = field(default_factory=list)
    indicator_units: dict[str, str] = field(default_factory=dict)  # indicator → its unit ("triệu đồng", "hộ", "%")
    first_record_day: str | None = None  # the earliest Ngày tiếp nhận, to flag periods before the data
    first_feedback_day: str | None = None  # the earliest complaint's day (the ward's calendar), the same
    extra_words: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    bigrams: set[tuple[str, str]] = field(default_factory=set)
    key_bigrams: set[tuple[str, str]] = field(default_factory=set)  # from the measure words only
    key_ends: set[tuple[str, ...]] = field(default_factory=set)  # a key phrase's last two words, or any three
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)  # per domain, built once (entities)
    initials: dict[str, str] = field(default_factory=dict)  # "ttxd" → "trat tu xay dung", from the names
    procedure_fields: dict[str, set[str]] = field(default_factory=dict)  # procedure → the fields its records are in

    def _initialisms(self, names: list[str]) -> dict[str, str]:
        """Initials of the names in the data, whole ("ĐKKS" Đăng ký khai sinh, "BTXH" Bảo trợ xã hội), kept
        only where one name has them: leaders write the names they use daily this way. Runs inside a
        name are not taken ("SLĐ" would read as "số lao động"); the common ones are in tokens.SHORTHAND."""
        runs: dict[str, set[str]] = {}
        for text in names:
            for part in fold(text).replace("-", " ").split(","):
                split = [w for w in part.split() if w.isalpha()]
                if len(split) >= 3:
                    runs.setdefault("".join(w[0] for w in split), set()).add(" ".join(split))
        return {key: next(iter(found)) for key, found in runs.items() if len(found) == 1 and key not in self.words}

    def expand_initials(self, token: str) -> list[str]:
        """The words an unknown token with no vowel stands for ("ttxd"), or the token itself."""
        if token in self.words or not token.isalpha() or set(token) & set("aeiou") or token not in self.initials:
            return [token]
        return self.initials[token].split()

    def finish(self, keyword_phrases: list[str]) -> Catalog:
        names = self.fields + self.procedures + self.officers + self.indicators + list(self.indicator_units.values())
        names += [label for _, label in self.feedback_categories] + list(self.feedback_departments)
        words = set(FILLER) | self.extra_words | {w for p in FILLER_PHRASES for w in p.split()}
        for text in names + keyword_phrases + list(PROCEDURE_ALIASES) + list(INDICATOR_ALIASES):
            split = fold(text).replace(",", " ").replace("-", " ").split()
            words.update(split)
            self.bigrams.update(zip(split, split[1:], strict=False))
        for text in keyword_phrases:
            split = text.split()
            self.key_bigrams.update(zip(split, split[1:], strict=False))
            self.key_ends.update([tuple(split[-2:])] + list(zip(split, split[1:], split[2:], strict=False)))
        for phrases in (*CHANNELS.values(), *STATUSES.values(), *FEEDBACK_STATUSES.values(),
                        *FEEDBACK_CHANNELS.values()):
            for phrase in phrases:
                words.update(phrase.split())
        self.words = words
        self.initials = self._initialisms(names)
        return self

    def swap_in_context(self, token: str, before: str, after: str) -> str:
        """A known word typed as another known word: two letters swapped ("đất đia"), or a final
        consonant heard the southern way ("quá hạng", "đúng hạng" for hạn). Repaired only when the
        typed word fits no known phrase with the word before it and exactly one repair does; a
        final consonant only into a measure phrase, the words whose misreading changes the figure, and only where
        the repair ends that phrase or goes on with the word after ("cho danh sách" is no "chợ dân sinh")."""
        if token in FILLER or len(token) < 3 or (before, token) in self.bigrams:
            return token
        finals = {token[:-len(end)] + other for end, others in _FINALS.items() if token.endswith(end)
                  for other in others}
        finals = {w for w in finals if w in self.words and (before, w) in self.key_bigrams
                  and ((before, w) in self.key_ends or (before, w, after) in self.key_ends)}
        if len(finals) == 1:
            return finals.pop()  # "đúng hạng tháng trước": the measure before, whatever "hàng tháng" after
        if (token, after) in self.bigrams:
            return token
        fits = {token[:i] + token[i + 1] + token[i] + token[i + 2:] for i in range(len(token) - 1)}
        fits = {w for w in fits if w != token and w in self.words
                and ((before, w) in self.bigrams or (w, after) in self.bigrams)}
        return fits.pop() if len(fits) == 1 else token

    def correct(self, token: str, before: str = "", after: str = "") -> str:
        """The vocabulary word this token was meant to be, or the token itself. Among equally
        close words, one that forms a known phrase with a neighbour wins ("tiep nhna" → nhan)."""
        if token in self.words:
            return self.swap_in_context(token, before, after)
        if any(ch.isdigit() for ch in token) or len(token) < 3:
            return token
        limit = 1 if len(token) < 8 else 2
        best: list[str] = []
        best_distance = limit + 1
        for word in self.words:
            if abs(len(word) - len(token)) > limit or len(word) < 3:
                continue
            distance = levenshtein(token, word, limit)
            if distance > limit:
                continue
            if distance < best_distance:
                best, best_distance = [word], distance
            elif distance == best_distance:
                best.append(word)
        in_context = [w for w in best if (before, w) in self.key_bigrams or (w, after) in self.key_bigrams] or [
            w for w in best if (before, w) in self.bigrams or (w, after) in self.bigrams]
        if len(token) == 3:
            best = in_context  # three letters are too short to repair without a known phrase around them
        elif len(best) > 1:
            best = in_context or best
        if len(best) > 1:
            swapped = [w for w in best if sorted(w) == sorted(token)]  # two keys swapped: the commonest slip
            best = swapped or best
        return best[0] if len(best) == 1 else token


def load_catalog(conn: sqlite3.Connection, keyword_phrases: list[str]) -> Catalog:
    """The names in the data, read through the reporting views (and the citizen feature's routing
    table for the feedback categories, which the views list only once some feedback has one)."""
    def distinct(sql: str) -> list[str]:
        return [row[0] for row in conn.execute(sql) if row[0]]

    catalog = Catalog(
        fields=distinct("SELECT DISTINCT linh_vuc FROM v_ho_so ORDER BY 1"),
        procedures=distinct("SELECT DISTINCT ten_thu_tuc FROM v_ho_so ORDER BY 1"),
        officers=distinct("SELECT DISTINCT can_bo_xu_ly FROM v_ho_so ORDER BY 1"),
        feedback_categories=sorted((r["category"], r["label"]) for r in inbox.routing_table(conn)),
        indicators=distinct("SELECT DISTINCT chi_tieu FROM v_chi_tieu ORDER BY 1"),
        first_record_day=conn.execute("SELECT MIN(ngay_tiep_nhan) FROM v_ho_so").fetchone()[0],
        first_feedback_day=conn.execute("SELECT MIN(ngay_tiep_nhan) FROM v_phan_anh").fetchone()[0],
    )
    for name, unit in conn.execute("SELECT DISTINCT chi_tieu, don_vi_tinh FROM v_chi_tieu"):
        if name and unit:
            catalog.indicator_units[name] = unit
    for row in inbox.routing_table(conn):
        catalog.feedback_departments.setdefault(row["department"], []).append(row["category"])
    for procedure, field_name in conn.execute("SELECT DISTINCT ten_thu_tuc, linh_vuc FROM v_ho_so"):
        catalog.procedure_fields.setdefault(procedure, set()).add(field_name)
    return catalog.finish(keyword_phrases)


_cache: dict[str, tuple[tuple[int, ...], Catalog]] = {}
_lock = threading.Lock()


def _stamp(db_path: Path) -> tuple[int, ...]:
    # A commit changes the WAL file (or the main file after a checkpoint): cheap to stat.
    stamp: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = Path(str(db_path) + suffix).stat()
            stamp += [st.st_mtime_ns, st.st_size]
        except FileNotFoundError:
            stamp += [0, 0]
    return tuple(stamp)


def cached_catalog(db_path: Path, open_conn: Callable[[], sqlite3.Connection],
                   keyword_phrases: list[str]) -> Catalog:
    """The catalogue of this database, reloaded only after the database changed."""
    key = str(Path(db_path).resolve())
    stamp = _stamp(db_path)
    with _lock:
        hit = _cache.get(key)
        if hit and hit[0] == stamp:
            return hit[1]
    conn = open_conn()
    try:
        catalog = load_catalog(conn, keyword_phrases)
    finally:
        conn.close()
    with _lock:
        _cache[key] = (stamp, catalog)
    return catalog
