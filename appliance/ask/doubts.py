"""Filler words that, where they stand, change the figure: the checks that turn them into an "unsure"
answer (or give them their meaning) instead of letting a figure for another question through.

Each was found as a confident wrong answer: "anh Minh" (Minh folds to the filler "mình") gave the whole
ward's figure, "hộ kinh doanh mới quý 3" the field's records, "từ tháng 7 đến tháng 9" a comparison of its
ends, "cuối tháng 10 nhận bao nhiêu" all of October, "còn bao nhiêu hồ sơ" the records received.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens
from appliance.ask.vocab import FILLER
from appliance.reporting.measures import MEASURES
from appliance.text import fold
from appliance.text.periods import find_periods

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent
    from appliance.text.calendar_periods import Period

TIME_UNITS = {"thang", "ngay", "tuan", "nam", "quy"}
# "mỗi loại / lĩnh vực bao nhiêu": each, before a group word
_EACH_OF = ["loai", "nhom", "kenh", "hinh thuc", "linh vuc", "thu tuc", "can bo", "nguoi", "cai"]
PERIOD_UNITS = TIME_UNITS | {"hom", "truoc"}  # "từ trước đến nay": all time, not the year


def new_things(tokens: Tokens) -> None:
    """"Hộ kinh doanh mới", "đăng ký mới": new things counted, which is an indicator's figure, not the
    records received. "Mới" folds to "moi" like "mỗi" (each): typed "mới", or unaccented and not before a
    unit of time, it is left unexplained, so the records' reading is not given and the indicator is tried."""
    typed = [w for w in re.findall(r"\w+", tokens.question.lower()) if fold(w) == "moi"]
    for k, word in enumerate(tokens.items):
        if word != "moi" or tokens.used[k] or k == 0:
            continue
        registered = tokens.items[max(0, k - 2):k] == ["dang", "ky"]  # "đăng ký mới" whatever follows
        # "mỗi tháng" (each month) needs a bare unit: a unit that is part of a named period ("mới quý 3") is not
        each = k + 1 < len(tokens.items) and tokens.items[k + 1] in TIME_UNITS and not tokens.used[k + 1]
        each = each or any(" ".join(tokens.items[k + 1:k + 4]).startswith(g) for g in _EACH_OF)  # "mỗi loại"
        new = "mới" in typed or ("moi" in typed and (registered or not each))
        if (tokens.used[k - 1] or registered) and new:
            tokens.doubt(k)


# Bug fix (session 26, rule R7): "hồ sơ đang ở bộ phận một cửa bao nhiêu", "… đang nằm ở …", "hồ sơ còn tại bộ
# phận …" (the records lying at the office: the open ones) had been given the records received since the year's
# start, every word filler. "đang / còn / vẫn" right before "ở / tại / nằm", read by nothing, leaves the answer
# unsure. A status read ("hồ sơ đang giải quyết ở bộ phận …") or asked ("… đang ở trạng thái nào") keeps its answer.
_STILL = {"dang", "con", "van"}
_WHERE = {"o", "tai", "nam"}
_STATE_WORDS = {"trang", "tinh", "giai", "buoc", "khau", "muc"}  # "ở trạng thái / tình trạng / giai đoạn / bước nào"
# Session 29 (`SESSION29_LIES_IN_STATUS`, read at run time; tested on and off in tests/ask/test_session29.py): "(đang /
# còn / vẫn) nằm ở trạng thái <a status>" ("hồ sơ vẫn nằm ở trạng thái chờ bổ sung") says the status as "đang ở trạng
# thái …" does; the state word one word later, after "nằm ở", had left "đang" doubted (unsure). "nằm ở bộ phận …"
# (where the records lie) stays unsure.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 885/337/6
# (train29 v024 right → unsure), no wrong back
SESSION29_LIES_IN_STATUS = False


def where_held(tokens: Tokens) -> None:
    items = tokens.items
    lying = re.search(r"\bnằm\b", tokens.question.lower()) is not None  # folded, "nằm" is "năm" (a year, read)
    for k in range(len(items) - 1):
        if items[k + 2:k + 3] and items[k + 2] in _STATE_WORDS:
            continue
        if SESSION29_LIES_IN_STATUS and items[k + 1:k + 3] == ["nam", "o"] and items[k + 3:k + 4] and (
                items[k + 3] in _STATE_WORDS):
            continue
        if items[k] in _STILL and items[k + 1] in _WHERE and not tokens.used[k] and (
                not tokens.used[k + 1] or (items[k + 1] == "nam" and lying)):
            tokens.doubt(k)


_PERSON = re.compile(r"\b(?:anh|chị|chi|ông|ong|bà|cô|chú|em|cán bộ|can bo|đồng chí|dong chi|đ/c)\s+(\w+)",
                     re.IGNORECASE)
_TITLES = {"chu", "pho", "bi", "truong", "to", "can", "giam", "thu", "doan", "hoi"}  # "anh Chủ tịch", "chị Phó …"


def unknown_person(question: str, intent: Intent) -> str:
    """"anh Minh tháng này giải quyết bao nhiêu": a capitalised name after anh / chị / cán bộ that is no
    officer's given name was dropped (Minh folds to the filler "mình"), and the whole ward's figure given.
    Only a capital says it is a name; the officers found are the names the question did name."""
    found = intent.filters.get("can_bo_xu_ly")
    officers = found if isinstance(found, list) else [found]
    named = {w for n in officers if isinstance(n, str) for w in fold(n).split()}  # any part of a name found
    for m in _PERSON.finditer(question):
        word = m.group(1)
        if word[:1].isupper() and not word.isupper() and fold(word) not in named | _TITLES:
            return f"Không thấy cán bộ «{word}» trong dữ liệu hồ sơ; hãy hỏi kèm họ tên cán bộ xử lý"
    return ""


# Bug fix (session 22): two periods joined by "đến / tới" with no "từ" ("tháng 7 tới tháng 9") or by a dash ("t9-t10",
# "tháng 9 - tháng 10") are a span, and they had been compared (a confident wrong). Unsure, as a span not read.
# Bug fix (session 23): two days joined by a dash ("01/7 - 31/10", "ngày 01/7 - ngày 31/10") likewise (the two days had
# been compared).
# Bug fix (session 27, rule R7): the chat short form "thg" after the dash ("thg5-thg10", "thg 9 - thg 10") likewise
# (the dash had been missed and the two months compared).
_DASHED = re.compile(r"\d\s*[-–]\s*(?:thang|thg|quy|t|q|ngay)?\s*\d{1,2}(?:/\d|\b)")


def span_unread(tokens: Tokens) -> bool:
    """A free "từ" before a free "đến / tới", or "đến / tới" or a dash between two periods: a span said but not read
    as one (the caller has read two periods)."""
    items, used = tokens.items, tokens.used
    free = [(k, w) for k, w in enumerate(items) if not used[k]]
    starts = [k for k, w in free if w in ("tu", "ke")]
    if any(w in ("den", "toi") and any(s < k for s in starts) for k, w in free):
        return True
    if any(w in ("den", "toi") and 0 < k < len(items) - 1 and used[k - 1] and used[k + 1] for k, w in free):
        return True
    return _DASHED.search(fold(tokens.question)) is not None


# Bug fix (session 23): a weekday said with a longer period ("thứ 7 tháng 10", "chủ nhật tháng 10": the Saturdays or
# Sundays of October) had been read as that weekday of this week and compared with the month; a weekday spelled with
# no week said ("thứ bảy tháng 10", "số hồ sơ nhận thứ bảy") was dropped as filler and the month's (or the year's)
# total given. Both are unsure. Ordinals ("xếp thứ hai", "lần thứ ba", "tuần thứ hai") are not weekdays.
_SPELLED_WEEKDAYS = {"hai", "ba", "tu", "nam", "sau", "bay"}
_ORDINAL_BEFORE = {"tuan", "xep", "lan", "hang", "dung", "dot", "ky", "quy"}
_LONG_KINDS = {"month", "quarter", "year", "half"}


def weekday_unread(tokens: Tokens, periods: list[Period]) -> bool:
    """Doubts a spelled weekday no rule read; True where a weekday read as a day stands beside a longer period."""
    items = tokens.items
    for k in range(len(items) - 1):
        if items[k] != "thu" or (k and items[k - 1] in _ORDINAL_BEFORE):
            continue
        if items[k + 1] in _SPELLED_WEEKDAYS and not tokens.used[k] and not tokens.used[k + 1]:
            tokens.doubt(k)
            tokens.doubt(k + 1)
    weekday = any(p.kind == "day" and p.label.startswith(("thứ", "chủ nhật")) for p in periods)
    return weekday and any(p.kind in _LONG_KINDS for p in periods)


def span_to_now_unread(tokens: Tokens) -> bool:
    """Bug fix (session 25, rule R7): "từ thứ 2 đến nay", "từ thứ hai tuần này tới giờ": "từ" a period that a rule read
    alone (the Monday), and a free "đến / tới nay (giờ)" after it; the Monday alone had been given. The caller asks this
    only where every period read ends before today (a span to now read as one, "từ đầu năm tới giờ", ends today)."""
    items, used = tokens.items, tokens.used
    for k in range(1, len(items) - 1):
        if items[k] in ("den", "toi") and not used[k] and not used[k + 1] and used[k - 1] and (
                items[k + 1] in ("nay", "gio", "bay", "hien")) and "tu" in items[max(0, k - 5):k]:
            return True
    return False


# Bug fix (session 27, rule R7): "từ tháng 3 nhận bao nhiêu hồ sơ", "số hồ sơ tiếp nhận từ quý 2", "từ tuần trước …",
# "từ năm 2025 …" (since that period, no end said): "từ" was filler and the period alone had been given (March alone, a
# confident wrong). Reading it as a span up to today was SESSION22_SINCE_PERIOD, off (rule R9): unsure. Only "từ"
# typed with its accent (folded "tu" is also the "tử" of "khai tử", the "tự" of "trật tự") right before a unit of
# time, and with no "đến / tới" said; the caller asks only where every period read ends before today ("từ tháng này":
# this month so far, the same figure).
_SINCE = re.compile(r"\btừ\s+(?:tháng|quý|tuần|năm|thg|t\d|q\d)", re.IGNORECASE)
_SINCE_UNITS = {"thang", "quy", "tuan", "nam"}


def since_unread(tokens: Tokens) -> bool:
    """A free "từ" typed so right before a period's unit, no "đến / tới" said (see above)."""
    if _SINCE.search(tokens.question) is None or any(w in ("den", "toi") for w in tokens.items):
        return False
    items = tokens.items
    return any(w == "tu" and not tokens.used[k] and items[k + 1:k + 2] and items[k + 1] in _SINCE_UNITS
               for k, w in enumerate(items))


def until_now_unread(tokens: Tokens) -> bool:
    """Bug fix (session 22): "tháng 10 đến nay", "quý 3 tới giờ", "hôm qua đến nay": a period read and a free "đến /
    tới nay (giờ)" right after it, which no rule read as a span up to today; the period alone had been given (its "đến
    nay" taken for "now"). True where so (the caller is unsure)."""
    items, used = tokens.items, tokens.used
    for k in range(1, len(items) - 1):
        if items[k] in ("den", "toi") and not used[k] and not used[k + 1] and used[k - 1] and (
                items[k + 1] in ("nay", "gio", "bay", "hien")) and "tu" not in items[max(0, k - 5):k]:
            return True  # "từ đầu năm tới giờ": a span to now already
    return False


def changing_filler(tokens: Tokens, intent: Intent) -> None:
    """Filler words that, where they stand here, change the figure and were given no meaning:
    - "còn bao nhiêu hồ sơ" with no measure named: still open, or received? Neither figure is safe;
    - "đầu / cuối / nửa" before a period read whole ("đầu tháng 10", "cuối tháng 10", "lần đầu tháng 10"):
      the whole period would answer a part of it (a count at the end of a period is that period's own
      figure, so "cuối tháng 10 còn tồn" keeps its answer)."""
    if intent.domain == "ho_so" and not tokens.has("ho so"):
        for k in tokens.find("phieu", free_only=False):
            tokens.doubt(k)  # "phiếu nào …" with neither "phản ánh" nor "hồ sơ": which kind of slip?
    for k in tokens.find("gan day"):  # "hồ sơ trễ hạn gần đây" with no span read: recently is no period
        tokens.doubt(k)
        tokens.doubt(k + 1)
    if not intent.named and "trang_thai" not in intent.filters:
        for k, word in enumerate(tokens.items):
            if word == "con" and not tokens.used[k]:
                tokens.doubt(k)
    at_a_day = bool(intent.measures) and all(MEASURES[m].basis == "asof" for m in intent.measures)
    for k, word in enumerate(tokens.items[:-1]):
        if word in ("dau", "cuoi", "nua") and not tokens.used[k] and tokens.used[k + 1] and (
                tokens.items[k + 1] in TIME_UNITS) and not (word == "cuoi" and at_a_day):
            tokens.doubt(k)
        # bug fix (session 24): "tồn đầu kỳ tháng 10" (the opening balance) had been given as of the month's end, "đầu
        # kỳ" left as filler; "cuối kỳ" of a figure at a day is that end, as "cuối tháng 10" is
        if word in ("dau", "nua") and not tokens.used[k] and tokens.items[k + 1] == "ky" and not tokens.used[k + 1]:
            tokens.doubt(k)
    # Bug fixes (session 21): "sau / trước (ngày) 15/10", "sau quý 2" said before a period read whole, "cuối tuần" of
    # a month, and "(bổ sung) nhiều lần", "2 lần": the period itself and every record had been counted (confident
    # wrongs). "sáu tháng", "thứ
    # sáu" are read by the period rules (used); "bao nhiêu lần" asks the count itself.
    for k, word in enumerate(tokens.items[:-1]):
        if word == "cuoi" and tokens.items[k + 1] == "tuan" and not tokens.used[k] and not tokens.used[k + 1]:
            tokens.doubt(k)  # "cuối tuần tháng 10" (the weekends): no period was read from it
        if word in ("sau", "truoc") and not tokens.used[k] and tokens.used[k + 1] and (
                tokens.items[k + 1] in TIME_UNITS or tokens.items[k + 1][:1].isdigit()):
            tokens.doubt(k)
    # "trả kết quả qua bưu điện / trực tuyến": the route of the result, which the data does not hold (the channel
    # the record was filed by had been taken for it: bug fix, session 21)
    for said in _RETURN_ROUTE.finditer(tokens.text()):
        k = tokens.text()[:said.start(1)].count(" ")
        tokens.used[k] = False
        tokens.doubt(k)
    for k in tokens.find("mot phan"):  # "trực tuyến một phần": a part the data does not tell apart (bug fix)
        tokens.doubt(k + 1)
    if intent.measures and all(MEASURES[m].kind == "count" for m in intent.measures):
        for k in tokens.find("chiem"):  # "hộ tịch chiếm bao nhiêu": a share asked, a count had been given (bug fix)
            tokens.doubt(k)
    # Bug fix (session 22): "có mấy thủ tục có hồ sơ trễ hạn" counts procedures, and the records had been counted ("bao
    # nhiêu thủ tục hành chính" stays the records)
    for k in tokens.find("thu tuc", free_only=False):
        asked = tokens.items[max(0, k - 2):k] == ["bao", "nhieu"] or tokens.items[k - 1:k] == ["may"]
        if asked and tokens.items[k + 2:k + 4] != ["hanh", "chinh"]:
            for j in (k, k + 1):  # taken as a group word ("thủ tục nào"), which it is not here
                tokens.used[j] = False
                tokens.doubt(j)
    for k, word in enumerate(tokens.items):
        before = tokens.items[k - 1] if k else ""
        if word == "lan" and not tokens.used[k] and (before in ("nhieu", "mot", "hai", "ba") or before.isdigit()) and (
                tokens.items[k - 2:k - 1] != ["bao"]):
            tokens.doubt(k)



def start_of_period(tokens: Tokens) -> None:
    """Bug fix (session 22), for indicators: "tỷ lệ hộ nghèo đầu năm (nay)", "nửa năm" had been read as the year
    (its latest month, or its total), "đầu" left as filler. The start of a period is not the period: unsure. "(từ)
    đầu năm (đến giờ)" is the year to date, read as before."""
    items = tokens.items
    for k, word in enumerate(items[:-1]):
        if word not in ("dau", "nua") or tokens.used[k] or items[k + 1] not in TIME_UNITS:
            continue
        if (k and items[k - 1] in ("tu", "ke")) or {"den", "toi"} & set(items[k + 2:k + 5]):
            continue
        tokens.doubt(k)


_AVERAGE = ["trung binh", "binh quan"]
_WHOLE_WARD = re.compile(r"\bso (?:voi|sanh voi) (?:muc )?(?:chung )?(?:cua )?(?:toan|ca) (?:phuong|don vi|dia ban)\b")
_RETURN_ROUTE = re.compile(r"\btra (?:lai )?(?:ket qua )?(?:cho dan )?(?:qua |bang |theo |tai )?"
                           r"(?:duong |hinh thuc |dich vu )?"
                           r"(buu chinh|buu dien|truc tuyen|online|qua mang|dich vu cong)\b")


def ranks_nothing(tokens: Tokens, intent: Intent) -> str:
    """Bug fixes (session 21), each a confident wrong before: "hồ sơ lâu nhất quý 3 mất bao nhiêu ngày" (a ranking word
    with nothing to rank: the average time had been given), "trung bình mỗi cán bộ giải quyết bao nhiêu hồ sơ" (an
    average over a group of a count: every officer's count had been ranked, no average given), "tháng 10 so với
    (mức) bình quân 9 tháng đầu năm" (compared with the nine months' total, or with the month before), and a field
    "so với toàn phường" (compared with the period before). The average time
    by group ("thời gian giải quyết trung bình theo lĩnh vực") is its own measure and keeps its answer."""
    if intent.domain not in ("ho_so", "phan_anh") or intent.listing:
        return ""
    if intent.order and intent.group is None and any(tokens.has(w) for w in ("lau nhat", "cham nhat", "nhanh nhat")):
        return "câu hỏi hỏi hồ sơ lâu / nhanh nhất mà không nêu xếp theo gì; hãy hỏi «5 hồ sơ giải quyết lâu nhất …»"
    if intent.order and intent.group is None:
        # "ai xử lý phản ánh nhiều nhất tháng 10", "số hồ sơ nhiều nhất tháng 10": a ranking with nothing read to rank
        # (feedback has no officer); the one total had been given
        return "câu hỏi hỏi nhiều / ít nhất mà không rõ xếp hạng theo gì; hãy nêu như «lĩnh vực nào … nhiều nhất»"
    counts = bool(intent.measures) and all(MEASURES[m].kind == "count" for m in intent.measures)
    by_name = intent.group not in (None, "month", "quarter", "week", "day")  # per unit of time: parser.time_unit
    if counts and by_name and any(tokens.has(w) for w in _AVERAGE):
        return "chưa tính được số trung bình mỗi nhóm; hãy hỏi số của từng nhóm hoặc tổng của cả kỳ"
    if intent.compare is not None and _WHOLE_WARD.search(tokens.text()):
        # "tỷ lệ trễ hạn của lĩnh vực đất đai so với toàn phường quý 3": the field against the whole ward, not the
        # quarter before, which had been compared
        return "chưa so sánh được một nhóm với toàn phường; hãy hỏi riêng số của nhóm và của toàn phường"
    if intent.compare is not None and not any(MEASURES[m].kind == "avg" for m in intent.measures):
        text = tokens.text()
        against = text.find("so voi")
        if against >= 0 and any(f" {w} " in f" {text[against:]} " for w in _AVERAGE):
            return "chưa so sánh được với số trung bình của nhiều kỳ; hãy nêu hai kỳ để so sánh"
    return ""



# A clause that says why the leader asks ("…, anh cần để nhận xét giao ban", "… tại vì chiều nay anh phải
# báo cáo đảng ủy"): its words name what the figure is FOR, not what to count. Read as part of the question,
# "giao ban" answered "no data on meetings" and the reason's own "tháng trước" made a third period.
REASON_MARKERS = (("tai", "vi"), ("boi", "vi"), ("vi",), ("de",))
_PRONOUNS = {"a", "anh", "chi", "c", "em", "e", "toi", "minh", "chu", "bac", "co"}
_NEED = {"can", "muon", "phai"}
# Folded "de" is also "đề" (đề nghị, đề xuất, đề án, vấn đề) and the verb "để" of "hồ sơ để quá hạn": a
# reason opens only at a clause's start, after a pronoun or "cần / muốn", and "vì" only before a pronoun.
_NOT_AFTER_DE = {"nghi", "xuat", "an", "tai", "cap", "ra", "muc", "qua", "ton", "lai", "cho"}
_CLAUSE_END = {",", ";", "?"}


def reason_clause(tokens: Tokens) -> None:
    """Marks a clause giving the reason for asking as read (nothing in it is counted or doubted)."""
    items = tokens.items
    for k in range(1, len(items)):  # a question that starts with "để …" is the question itself
        marker = next((m for m in REASON_MARKERS if tuple(items[k:k + len(m)]) == m), None)
        if marker is None or tokens.used[k]:
            continue
        after = items[k + len(marker)] if k + len(marker) < len(items) else ""
        start = k
        while start and items[start - 1] in _PRONOUNS | _NEED:
            start -= 1
        if marker == ("vi",) and after not in _PRONOUNS:
            continue  # "vi phạm", "vì sao": no reason given
        if marker == ("de",):
            needed = any(w in _NEED for w in items[start:k])
            if after in _NOT_AFTER_DE or not (needed or items[k - 1] in _CLAUSE_END):
                continue
        end = next((j for j in range(k, len(items)) if items[j] in _CLAUSE_END), len(items))
        for j in range(start, end):
            tokens.used[j] = True
            tokens.aside.add(j)
        return


# Closing particles of southern speech ("… tính tới hôm nay nha", "… nghen"): like "nhé", they end the
# clause and ask nothing. Only at a clause's end (after them: other particles or nothing) and only as typed
# that way, so "nhà" (a house: "hồ sơ nhà tháng 10") and "hẹn" (the appointed day) are never dropped.
_SOUTHERN_PARTICLES = {"nha", "nhen", "nghen", "ne", "hen"}
_PARTICLE_SPELLINGS = {"nha", "nhá", "nhen", "nghen", "ne", "nè", "hen"}
_ENDING = _SOUTHERN_PARTICLES | {"a", "ha", "nhi", "vay", "nhe", "ah", "u", "ta", "day", "oi", "em", "anh", "chi"}
_ASKER = {"a", "anh", "chi", "em", "e", "toi", "minh", "chu", "bac"}  # not "cô": folded, also "có"
_CALL = {"oi", "a", "da", ",", ";"}  # what may stand before the asker at a clause's start ("em ơi anh cần …")
# What "cần" asks for when it is a request: a figure, a list, a report ("anh cần số …", "tôi cần ds …", "chị
# cần biết …"). Before a verb it is a duty: "em cần giải quyết bao nhiêu hồ sơ" asks what is still open.
_WANTED = {"so", "con", "danh", "biet", "xem", "bao", "thong", "tong", "ty", "ti", "cac", "nhung", "ho", "phan",
           "lay", "du"}
_CITIZENS = {"dan"}  # "dân", "người dân", "công dân"
ASKER, CALL, WANTED = frozenset(_ASKER), frozenset(_CALL), frozenset(_WANTED)  # read by phrasings.wish


# Session 13: "(gửi / nộp) qua kênh nào", "bằng hình thức nào": the route said before the channel or the form of
# submission that a grouping or a filter read ("qua" had been left unknown: unsure). Only right before such a word
# already read.


# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): "(gửi / nộp)
# qua đường bưu điện", "theo đường bưu chính", "bằng đường trực tuyến": "đường" (the route) right before a channel read
# names that channel (it had been unknown, and so was the "qua" before it: unsure). Not before anything else ("đường
# hỏng", "đường dây nóng" is a channel's own name).


def _route_word(tokens: Tokens) -> None:
    items = tokens.items
    for k in range(len(items) - 1):
        if items[k] == "duong" and not tokens.used[k] and tokens.used[k + 1] and items[k + 1] != "day":
            tokens.used[k] = True
            if k and items[k - 1] in ("qua", "theo", "bang") and not tokens.used[k - 1]:
                tokens.used[k - 1] = True


def said_endings(tokens: Tokens) -> None:
    """Marks as read the spoken words that ask nothing where they stand: a southern closing particle at a
    clause's end; "cần" right after the asker at a clause's start and before what is wanted ("tôi cần ds …",
    "em ơi anh cần số …"; "hồ sơ cần xử lý", "em cần giải quyết bao nhiêu" ask what is open: unknown there);
    "gửi" to the asker ("em gửi anh list"), by the citizens ("dân gửi": the submission counted anyway) or
    "gửi qua <channel>" (the channel read after it).
    "Gửi kết quả", "gửi lại" keep their meaning: unknown, so unsure."""
    items = tokens.items
    _route_word(tokens)
    for k, word in enumerate(items):
        if tokens.used[k] or k == 0:
            continue
        before, after = items[k - 1], items[k + 1] if k + 1 < len(items) else ""
        if word in _SOUTHERN_PARTICLES:
            typed = {w for w in re.findall(r"\w+", tokens.question.lower()) if fold(w) == word}
            rest = items[k + 1:]
            clause = rest[:next((j for j, t in enumerate(rest) if t in _CLAUSE_END), len(rest))]
            if typed <= _PARTICLE_SPELLINGS and all(t in _ENDING for t in clause):
                tokens.used[k] = True
        elif word == "can" and before in _ASKER and (
                k == 1 or items[k - 2] in _CALL) and after in _WANTED:
            tokens.used[k] = True
        elif word in ("qua", "bang") and k + 1 < len(items) and tokens.used[k + 1] and (
                after == "kenh" or items[k + 1:k + 3] == ["hinh", "thuc"]):
            tokens.used[k] = True
        elif word == "gui" and (after in _ASKER or (after == "cho" and items[k + 2:k + 3] and items[k + 2] in _ASKER)
                                or before in _CITIZENS
                                or (after == "qua" and k + 2 < len(items) and tokens.used[k + 2])):
            tokens.used[k] = True


# Session 12: figures by a unit of time ("số hồ sơ trả kết quả từng quý năm nay", "t10 mỗi tuần giải quyết được
# bao nhiêu"): "quý" and "tuần" are filler once a period is read, so the total of the whole period was answered,
# a confident wrong. "từng / mỗi / theo / hàng / các + quý / tuần" that no period read asks one figure per quarter
# or week (understand.TIME_GROUPS groups them); where the box cannot group so, the answer is unsure
# (months are grouped already: "từng tháng"; "trung bình mỗi ngày" is an average).
_EACH_UNIT = {"tung", "moi", "theo", "hang", "cac"}
_GROUP_UNITS = {"quy": "quý", "tuan": "tuần"}


# Session 19: "tuần nào trong tháng 10 nhận nhiều hồ sơ nhất", "quý nào năm nay trễ hạn ít nhất": the weeks
# (quarters) of the period ranked, as "tháng nào … nhất" ranks its months ("nào" had been unknown: unsure). Only with a
# ranking word ("nhất"); "tuần nào" alone stays unknown.


def time_unit(tokens: Tokens) -> tuple[str, int]:
    """The unit of time figures are asked by ("quy" / "tuan") and where it is said (its last word), or ("", -1)."""
    items = tokens.items
    for k in range(1, len(items)):
        if items[k] in _GROUP_UNITS and not tokens.used[k] and items[k - 1] in _EACH_UNIT and not tokens.used[k - 1]:
            return items[k], k
    if tokens.has("nhat"):
        for k in range(len(items) - 1):
            if items[k] in _GROUP_UNITS and items[k + 1] == "nao" and not tokens.used[k] and not tokens.used[k + 1]:
                return items[k], k + 1
    return "", -1


# Bug fix (session 27, rule R7): "tháng 10 mỗi ngày nhận bao nhiêu hồ sơ", "số hồ sơ tiếp nhận từng ngày trong tuần
# này": "mỗi / từng ngày" were filler and the whole period's total given (the figure of each day, or a daily average,
# is asked: the total answers neither). With no average said ("trung bình mỗi ngày" is read as one) and a period
# longer than a day read, unsure. A date after "ngày" ("mỗi ngày 15") is not read so.
def each_day_unread(tokens: Tokens, periods: list[Period]) -> bool:
    if tokens.has("trung binh") or tokens.has("binh quan") or not any(p.start != p.end for p in periods):
        return False
    items = tokens.items
    return any(items[k] == "ngay" and items[k - 1] in ("moi", "tung", "hang") and not tokens.used[k]
               and not tokens.used[k - 1] and not (items[k + 1:k + 2] and items[k + 1][:1].isdigit())
               for k in range(1, len(items)))


def time_unit_problem(unit: str, averaged: bool = False) -> str:
    name = _GROUP_UNITS[unit]
    if averaged:
        return (f"chưa tính được số trung bình mỗi {name}; hãy hỏi tổng của cả kỳ, hoặc «theo tháng», hoặc từng "
                f"{name} một")
    return (f"chưa hỗ trợ chia số liệu này theo từng {name}; hãy hỏi từng {name} một (ví dụ «{name} này», "
            f"«{name} trước») hoặc hỏi «theo tháng»")


# Session 12: a first clause that says what the figure is for ("chuẩn bị báo cáo quý, em chia giùm chị …",
# "chuẩn bị họp HĐND, cho anh xin …") is an aside like a reason clause: nothing in it is counted or doubted.
# Only a first clause opened by "chuẩn bị", or naming the meeting or report it is for ("chiều nay họp giao ban,
# em cho anh …": its "họp" had been answered as meetings not in the data), closed by a comma, with the question
# after it, and asking nothing itself (no "bao nhiêu", "số", "hồ sơ", "phản ánh", rate: "chuẩn bị trả bao nhiêu hồ
# sơ, …", "số cuộc họp tháng này, …" are the question), nor a period ("báo cáo quý 3, …"). "Sắp" stays what it
# is ("sắp quá hạn": unknown).
_PURPOSE_OPENERS = (("chuan", "bi"),)
_ASKING = ["bao nhieu", "may", "ho so", "phan anh", "ty le", "ti le", "%", "danh sach", "liet ke", "tong", "so"]
_MEETING = [["hop"], ["giao", "ban"], ["hoi", "nghi"], ["bao", "cao"], ["tiep", "xuc", "cu", "tri"]]


# What a purpose clause may hold: the meeting or report, who it is with, when; anything else (a measure, a name of
# the data) means the clause says more than what the figure is for, and it is read as it is.
_PURPOSE_PHRASES = [p.split() for p in (
    "chuan bi", "hop", "giao ban", "hoi nghi", "bao cao", "tiep xuc cu tri", "hoi dong nhan dan", "hdnd", "dang uy",
    "uy ban", "cap tren", "thanh pho", "quan", "doan kiem tra", "lam viec", "so ket", "tong ket", "dinh ky",
    "chieu nay", "sang nay", "sang mai", "chieu mai", "toi nay", "ngay mai", "mai", "tuan sau", "thu", "di",
    "voi", "len", "gui", "nop", "cho", "de", "can", "phai", "sap toi", "toi", "nay", "sang", "chieu", "trua")]


def _only_purpose(words: list[str]) -> bool:
    k = 0
    while k < len(words):
        phrase = next((p for p in sorted(_PURPOSE_PHRASES, key=len, reverse=True) if words[k:k + len(p)] == p), None)
        if phrase:
            k += len(phrase)
        elif words[k] in FILLER or words[k] in _PRONOUNS or words[k].isdigit():
            k += 1
        else:
            return False
    return True


def purpose_first(tokens: Tokens) -> None:
    items = tokens.items
    start = 1 if items[:1] and items[0] in _PRONOUNS else 0  # "anh chuẩn bị họp, …"
    end = next((j for j in range(start, len(items)) if items[j] in _CLAUSE_END), len(items))
    meeting = any(items[k:k + len(m)] == m for k in range(start, end) for m in _MEETING)
    if not (meeting or any(tuple(items[start:start + len(m)]) == m for m in _PURPOSE_OPENERS)):
        return
    clause = f" {' '.join(items[start:end])} "
    if find_periods(clause):
        return  # "báo cáo quý 3, tỷ lệ đúng hạn bao nhiêu": the period said there is the question's
    if end >= len(items) - 2 or any(f" {w} " in clause for w in _ASKING):
        return  # nothing after it, or it asks a figure itself: the clause is the question
    if not _only_purpose(items[start:end]):
        return  # it names something more ("báo cáo nhanh tình hình trễ hạn, quý 3 thế nào"): read it as it is
    for j in range(0, end + 1):
        tokens.used[j] = True
        tokens.aside.add(j)
