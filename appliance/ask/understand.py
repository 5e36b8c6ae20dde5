"""What a question asks for, once its names are found: the measures, a grouping or ranking, an
average per unit of time, or the list of records itself. Each step consumes the words it
understands (tokens.Tokens); the parser decides what the rest means."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.ask import dropped, negations, rate_base, record_lists
from appliance.ask import measures as measures_words
from appliance.ask.measures import (
    DIMENSIONS,
    FASTEST,
    FEEDBACK_PHRASES,
    GROUP_VERBS,
    OLDEST_WORDS,
    ORDER_ONLY,
    RATE_OF,
    RATE_WORDS,
    RECORD_PHRASES,
    SLOWEST,
    SPEED_COMPARE,
    TOP_ASC,
    TOP_DESC,
    TREND_WORDS,
)
from appliance.ask.tokens import Tokens
from appliance.ask.vocab import CHANNELS, FEEDBACK_CHANNELS, FEEDBACK_STATUSES, STATUSES
from appliance.reporting.measures import MEASURES

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

# Finer measures win over the broad ones named in the same clause ("giải quyết đúng hạn" is đúng
# hạn; "tiếp nhận … đang giải quyết" is the open stock; "quá hạn chưa giải quyết" is quá hạn).
_BROADER = {"da_giai_quyet": 3, "tiep_nhan": 2, "chua_giai_quyet": 1, "pa_tiep_nhan": 2, "pa_da_xu_ly": 1}
# Session 10: "bộ phận một cửa" is the office every record passes through, online ones included; only
# "nộp (trực tiếp) tại một cửa" says how a record was submitted. "Một cửa" alone had filtered every
# question about the office to the records handed in at the counter.
_ONE_STOP = ["tai bo phan mot cua", "bo phan mot cua", "ben mot cua", "tai mot cua", "o mot cua", "mot cua"]


def one_stop_office(tokens: Tokens) -> None:
    """The one-stop office named as a place, not after "nộp": explained, no filter."""
    for phrase in _ONE_STOP:
        for k in tokens.find(phrase):
            if "nop" in tokens.items[max(0, k - 5):k]:
                continue  # "nộp (trực tiếp) tại một cửa": the counter, a channel
            for j in range(k, k + len(phrase.split())):
                tokens.used[j] = True


# Session 12: waiting for the citizen to add papers, said with who adds them ("đang chờ dân bổ sung", "chờ công
# dân bổ sung hồ sơ", "đang nằm chờ dân bổ sung"): the status Chờ bổ sung. The citizen between "chờ" and "bổ
# sung" had left "bổ sung" alone, read as the short name of the procedure "Đăng ký thay đổi, cải chính, bổ sung
# thông tin hộ tịch" (a confident wrong: that procedure's records counted).
_WAITING_ON = [f"{wait} {who} bo sung" for wait in ("cho", "doi", "dang cho", "dang nam cho", "nam cho")
               for who in ("dan", "nguoi dan", "cong dan", "nguoi nop", "to chuc", "ca nhan", "chu ho so")]


# Session 12: "theo trạng thái xử lý / giải quyết" names the dimension (the status), its "xử lý" no filter: "phản
# ánh năm nay theo trạng thái xử lý" had counted only those resolved (a confident wrong). Only right after "trạng
# thái" said as a grouping (theo / từng / các / mỗi before it, or "nào" after).


def _status_dimension(tokens: Tokens) -> None:
    items = tokens.items
    for k in tokens.find("trang thai", free_only=False):
        verb = items[k + 2:k + 4]
        grouped = (k and items[k - 1] in {"theo", "tung", "cac", "moi"}) or items[k + 4:k + 5] == ["nao"]
        if verb in (["xu", "ly"], ["giai", "quyet"]) and grouped and not any(tokens.used[k + 2:k + 4]):
            tokens.used[k + 2] = tokens.used[k + 3] = True


# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): "tình
# trạng" said as a grouping ("chia theo tình trạng", "từng tình trạng", "tình trạng nào") is "trạng thái", the status
# (it had been unknown: unsure). Not "tình trạng hôn nhân" (a procedure's name) nor "tình trạng ra sao" (no grouping).


def _condition_word(tokens: Tokens) -> None:
    items = tokens.items
    for k in tokens.find("tinh trang"):
        grouped = (k and items[k - 1] in {"theo", "tung", "cac", "moi"}) or items[k + 2:k + 3] in (["nao"], ["gi"])
        if grouped and items[k + 2:k + 4] != ["hon", "nhan"]:
            items[k], items[k + 1] = "trang", "thai"


def filters_from_lists(tokens: Tokens, intent: Intent) -> None:
    """Channels and statuses, named by fixed phrases; several channels are compared with each other."""
    _condition_word(tokens)
    _status_dimension(tokens)
    if intent.domain == "ho_so":
        one_stop_office(tokens)
        # "trạng thái đang xử lý" is the status; plain "đang xử lý" means still open (a measure).
        if tokens.take("trang thai dang xu ly") is not None:
            intent.filters["trang_thai"] = "Đang xử lý"
        for value, phrases in STATUSES.items():
            if value != "Đang xử lý" and tokens.take_all(phrases):
                intent.filters["trang_thai"] = value
        if tokens.take_all(_WAITING_ON):
            intent.filters["trang_thai"] = "Chờ bổ sung"
        channels = [value for value, phrases in CHANNELS.items()
                    if value != "Trực tuyến" and any(tokens.find(p) for p in phrases)]
        online = any(tokens.find(p) for p in CHANNELS["Trực tuyến"])
        if channels and online:
            channels.append("Trực tuyến")  # "trực tiếp, trực tuyến, bưu chính": a comparison of channels
        for value in channels:
            tokens.take_all(CHANNELS[value])
        if len(channels) == 1:
            intent.filters["hinh_thuc_nop"] = channels[0]
        elif channels:
            intent.filters["hinh_thuc_nop"] = sorted(channels)
    elif intent.domain == "phan_anh":
        still_handled(tokens)
        # Two statuses or channels named ("qua Zalo và qua điện thoại") are each counted: the last one
        # named used to replace the first, a figure for one of the two.
        statuses = [value for value, phrases in FEEDBACK_STATUSES.items()
                    if value != "da_xu_ly" and tokens.take_all(phrases)]
        channels = [value for value, phrases in FEEDBACK_CHANNELS.items() if tokens.take_all(phrases)]
        for column, values in (("trang_thai", statuses), ("kenh", channels)):
            if len(values) == 1:
                intent.filters[column] = values[0]
            elif values:
                intent.filters[column] = sorted(values)


_CHANNEL_PHRASES = [p for phrases in (*CHANNELS.values(), *FEEDBACK_CHANNELS.values()) for p in phrases] + ["mang"]


def via(tokens: Tokens) -> None:
    """"nộp qua bưu chính", "gửi qua Zalo": "qua" before a channel says how, nothing more. Anywhere
    else it stays unexplained ("quá" hạn, "quá" 10 ngày change the figure)."""
    for k, word in enumerate(tokens.items):
        if word == "qua" and not tokens.used[k] and any(
                tokens.items[k + 1:k + 1 + len(p.split())] == p.split() for p in _CHANNEL_PHRASES):
            tokens.used[k] = True


def _which_group(tokens: Tokens, k: int) -> None:
    """"lĩnh vực nào", "loại phản ánh nào": the "nào" (or "gì") right after a group word, past words
    already understood, asks for that grouping."""
    while k < len(tokens.items) and tokens.used[k] and k < len(tokens.items) and tokens.items[k] not in {",", "?"}:
        k += 1
    if k < len(tokens.items) and tokens.items[k] in {"nao", "gi"}:
        tokens.used[k] = True



# Feedback: who handles it, not a measure ("phản ánh của từng đơn vị xử lý" had been filtered to the
# resolved ones); the grouping reads the words. For records "cán bộ xử lý nhiều nhất" does ask who handled.
_HANDLER_PHRASES = ["don vi xu ly", "bo phan xu ly", "phong xu ly"]


# Session 12: "đang" is still going, whatever stands between it and the verb: "đang còn giải quyết", "đang được
# xử lý", "vẫn đang trong quá trình giải quyết", "vẫn còn giải quyết" are the open records. Their "còn / được"
# had split "đang" from "giải quyết", and the bare "giải quyết" counted those returned (a confident wrong).
# Only records: a complaint "đang xử lý" is a status of its own.
_STILL = [["dang"], ["van", "con"]]
_BRIDGE = {"con", "duoc", "van", "bi", "dang", "trong", "qua", "trinh"}
_GOING = [["giai", "quyet"], ["xu", "ly"], ["thu", "ly"]]


def _still_span(tokens: Tokens, k: int) -> int | None:
    """Where the bridge words after a "đang" / "vẫn còn" at k end (the verb's first word), or None where none starts
    at k, it is read already, or a bare "đang" is followed by no bridge word (then "đang" + verb is a phrase)."""
    items = tokens.items
    start = next((m for m in _STILL if items[k:k + len(m)] == m), None)
    if start is None or any(tokens.used[k:k + len(start)]):
        return None
    j = k + len(start)
    while j < len(items) and items[j] in _BRIDGE and not tokens.used[j] and j - k < 5:
        j += 1
    return None if j == k + len(start) and start == ["dang"] else j


def still_open(tokens: Tokens) -> None:
    """"đang còn giải quyết" → "đang chưa giải quyết": the words between are read, the last one says "chưa"."""
    items = tokens.items
    for k in range(len(items)):
        j = _still_span(tokens, k)
        if j is None:
            continue  # no "đang / vẫn còn" here, or "đang giải quyết" is a phrase already
        if not any(items[j:j + 2] == verb for verb in _GOING):
            continue
        if items[k + 1:j] == ["qua"] or "qua" in items[k + 1:j] and "trinh" not in items[k + 1:j]:
            continue  # "quá" (overdue) is never a bridge alone: only inside "trong quá trình"
        for i in range(k, j - 1):
            tokens.used[i] = True
        items[j - 1] = "chua"


def still_handled(tokens: Tokens) -> None:
    """Bug fix (session 23, rule R7), feedback: "phản ánh đang được xử lý", "đang còn giải quyết", "vẫn đang được xử
    lý" are the status Đang xử lý, as "đang xử lý" is; the words between had split "đang" from the verb, and the bare
    "xử lý" was read as the status Đã xử lý (every resolved complaint listed, a confident wrong). The bridge words are
    read and "đang" joined to the verb."""
    items = tokens.items
    for k in range(len(items)):
        j = _still_span(tokens, k)
        if j is None:
            continue  # no "đang / vẫn còn" here, or "đang xử lý" is a status phrase already
        if not any(items[j:j + 2] == verb for verb in _GOING[:2]) or "qua" in items[k + 1:j]:
            continue  # "quá" (overdue) is never a bridge here
        for i in range(k, j - 1):
            tokens.used[i] = True
        items[j - 1] = "dang"


# Session 16: "hồ sơ tiếp nhận trực tuyến chiếm bao nhiêu phần trăm trên tổng số hồ sơ tiếp nhận": "tiếp nhận" said
# twice in the clause with "trực tuyến" is still the online share of those received; said twice it had made "trực
# tuyến" a filter, and the rate of the received count (none) was unsure.


# Session 20: a clause asking a rate alone after one asking a count ("tháng trước trả đúng hạn bao nhiêu hồ sơ, tỷ lệ
# bao nhiêu", "… trễ hạn mấy bộ, chiếm bao nhiêu phần trăm") asks that count's rate (on time, late, online,
# rejected): the rate had no measure of its own ("tỷ lệ của gì?": unsure). A count with no rate of its own
# (received, resolved) keeps "tỷ lệ" unread. Tested in tests/ask/test_session20.py (plain behaviour since session 22).


def measures(tokens: Tokens, intent: Intent, has_period: bool = False, day_said: str = "") -> None:
    """`day_said`: "today" or "past" where the one period is a day said as a moment ("tại (thời điểm / ngày) …")."""
    phrases = RECORD_PHRASES if intent.domain == "ho_so" else FEEDBACK_PHRASES
    if intent.domain == "ho_so" and measures_words.SESSION29_RETURNED_LATE:
        phrases = phrases + measures_words.RETURNED_LATE
    negations.read(tokens, intent.domain)
    base_said = rate_base.read(tokens) if intent.domain == "ho_so" else None
    if intent.domain == "ho_so":
        still_open(tokens)
        for k in tokens.find("bi tra ve"):
            # bug fix (session 27, rule R7): "hồ sơ bị trả về" (sent back: rejected, or returned to be completed) had
            # been read as "trả" (resolved), "về" filler; unread, unless "bổ sung" says the status ("bị trả về bổ sung")
            if tokens.items[k + 3:k + 5] != ["bo", "sung"]:
                tokens.doubt(k + 2)
    if intent.domain == "phan_anh":
        tokens.take_all(_HANDLER_PHRASES)
    rate_anywhere = any(tokens.find(w, free_only=False) for w in RATE_WORDS)
    online_at: set[int] = set()  # where the question says "trực tuyến" (a measure of its own, or a filter)
    if intent.domain == "ho_so":
        for phrase in sorted(CHANNELS["Trực tuyến"], key=lambda p: -len(p.split())):
            while (at := tokens.take(phrase)) is not None:
                online_at.update(range(at, at + len(phrase.split())))
    online = bool(online_at)
    speed = intent.domain == "ho_so" and not intent.listing and any(
        tokens.has(p) for p in SLOWEST + FASTEST + SPEED_COMPARE)
    # Split into clauses so "bao nhiêu hồ sơ, đúng hạn bao nhiêu phần trăm" gives two measures.
    clauses: list[list[int]] = [[]]
    for k, tok in enumerate(tokens.items):
        if tok in {",", ";", "?"} or (tok in {"va", "con"} and k > 0 and not tokens.used[k]):
            clauses.append([])
        else:
            clauses[-1].append(k)
    found: list[str] = []
    done_at: list[tuple[int, int]] = []  # where "đã xử lý" of feedback became a status filter
    measured = 0  # clauses that named a measure
    reads: list[tuple[list[int], list[str], list[tuple[int, int, str]], list[int]]] = []  # per clause: its bases
    for clause in clauses:
        if not clause:
            continue
        words = {tokens.items[k] for k in clause}
        clause_text = " " + " ".join(tokens.items[k] for k in clause) + " "
        is_rate = any(f" {w} " in clause_text for w in RATE_WORDS) or (rate_anywhere and len(clauses) == 1)
        bases: list[str] = []
        spots: list[tuple[int, int, str]] = []
        for phrase, base in sorted(phrases, key=lambda p: -len(p[0].split())):
            for start in tokens.find(phrase):
                if start in clause:
                    tokens.take(phrase)
                    bases.append(base)
                    spots.append((start, len(phrase.split()), base))
        dropped.cohort(tokens, spots)
        for start, n, base in spots:
            # "số hồ sơ đang xử lý đúng hạn", "còn trong hạn": open and not yet due, which no measure counts; the
            # records returned on time had been counted (bug fix, session 22)
            if base == "dung_han" and ({"dang", "con", "van"} & set(tokens.items[max(0, start - 4):start])):
                dropped.unread(tokens, start, n)
        if "qua_han" in bases and not ({"chua", "ton", "dang", "con"} & words) and (
                is_rate or "da_giai_quyet" in bases):
            bases = ["tre_han" if b == "qua_han" else b for b in bases]
        while len(set(bases)) > 1 and any(b in _BROADER for b in bases):
            broadest = max((b for b in bases if b in _BROADER), key=lambda b: _BROADER[b])
            bases = [b for b in bases if b != broadest]
        said_online = sorted(online_at & set(clause))
        if said_online:
            received = set(bases) <= {"tiep_nhan"}
            if received and not intent.listing:
                bases = ["truc_tuyen"]  # "nhận bao nhiêu, trong đó trực tuyến bao nhiêu"
            else:
                intent.filters["hinh_thuc_nop"] = "Trực tuyến"  # "giải quyết bao nhiêu hồ sơ trực tuyến"
        if is_rate and not bases and len(clauses) > 1:
            # "trả đúng hạn bao nhiêu hồ sơ, tỷ lệ bao nhiêu": the rate of the count asked before, if it has one
            rates = {RATE_OF[b] for b in found if b in RATE_OF}  # two counts with a rate each: which? unsure
            if len(rates) == 1 and (rate := rates.pop()) not in found:
                found.append(rate)
        reads.append((clause, list(bases), spots, said_online))
        measured += bool(bases)
        for base in bases:
            key = RATE_OF.get(base, base) if is_rate else base
            if key == "pa_da_xu_ly":
                done_at += [(start, n) for start, n, b in spots if b == "pa_da_xu_ly"]
                # with other statuses named too ("đã xử lý, đang xử lý, từ chối"), one of them: they had been dropped
                named = intent.filters.get("trang_thai")
                others = [] if named is None else named if isinstance(named, list) else [named]
                intent.filters["trang_thai"] = sorted({*others, "da_xu_ly"}) if others else "da_xu_ly"
                key = "pa_tiep_nhan"
            if key in MEASURES and key not in found:
                found.append(key)
    if intent.domain == "ho_so" and not intent.listing:
        _subset_clauses(tokens, reads)
    if done_at and measured > 1:
        # "phản ánh tháng 10 nhận bao nhiêu, đã xử lý bao nhiêu", "… đã xử lý bao nhiêu, chưa xử lý bao nhiêu": "đã xử
        # lý" is a status filter, which would hold for every figure (the received count had been dropped, the open one
        # taken among those resolved: confident wrongs). One figure per status is no measure here: unsure.
        dropped.unread(tokens, *done_at[0])
    open_named = bool({"chua_giai_quyet", "qua_han"} & set(found))
    if speed and open_named and not any(tokens.has(d) for d in DIMENSIONS.get(intent.domain, {})) and not (
            tokens.has("ai") or tokens.has("nao")):
        # "hồ sơ tồn đọng lâu nhất": the open records, oldest first, not the average time of those returned
        speed, intent.listing, intent.list_order = False, True, "asc"
        tokens.take_all(OLDEST_WORDS)
        record_lists.list_count(tokens, intent)
    if speed:
        found = ["so_ngay_tb"]
    if online and not found and not intent.listing:
        found = ["truc_tuyen"]
    if "hinh_thuc_nop" in intent.filters and ("truc_tuyen" in found or "ty_le_truc_tuyen" in found):
        del intent.filters["hinh_thuc_nop"]  # the measure says it already
    tokens.take_all(RATE_WORDS)
    intent.named = bool(found)
    if not found:
        # No measure named: what was received; with an open status ("đang chờ bổ sung", "chờ xử lý")
        # and no period, the records (feedback) in that status now.
        found = ["tiep_nhan" if intent.domain == "ho_so" else "pa_tiep_nhan"]
        status = intent.filters.get("trang_thai")
        if intent.domain == "ho_so" and status and status != "Từ chối":
            found = ["chua_giai_quyet"]
        elif intent.domain == "phan_anh" and status in ("cho_xu_ly", "dang_xu_ly") and (
                not has_period or day_said == "today"):
            found = ["pa_chua_xu_ly"]
        elif intent.domain == "phan_anh" and status in ("cho_xu_ly", "dang_xu_ly") and day_said == "past":
            # bug fix (session 29, rule R7): "phản ánh chờ xử lý tại thời điểm 15/11" asks those in that status at
            # that moment, and the feedback received that day in that status had been counted; the data holds a
            # feedback's status now, not on a day gone: unsure
            for k in tokens.find("tai"):
                tokens.used[k] = False
                tokens.doubt(k)
    intent.measures = found
    if rate_anywhere and not any(MEASURES[m].kind == "rate" for m in found):
        intent.measures = []  # "tỷ lệ" of what? Answering a count instead would mislead.
    if base_said is not None and rate_base.problem(base_said[1], intent.measures):
        dropped.unread(tokens, base_said[2], base_said[3])  # the total said is not the share's own (rate_base)


# A clause narrowing the figure of the clause before. Bug fix (session 22): "quý 3 giải quyết bao nhiêu hồ sơ, trong đó
# trực tuyến bao nhiêu" (those resolved that were filed online) had been given the count received online. A subset
# counted on the same day keeps its answer: received → online, resolved → on time / late ("giải quyết bao nhiêu, trong
# đó trễ hạn bao nhiêu").
_SAME_DAY_SUBSETS = {("tiep_nhan", "truc_tuyen"), ("da_giai_quyet", "dung_han"), ("da_giai_quyet", "tre_han")}


def _subset_clauses(tokens: Tokens, reads: list[tuple[list[int], list[str], list[tuple[int, int, str]], list[int]]],
                    ) -> None:
    for (_, before, _, _), (_, after, spots, online) in zip(reads, reads[1:], strict=False):
        if len(before) != 1 or not after:
            continue
        base = before[0]
        for narrower in after:
            if narrower == base or (base, narrower) in _SAME_DAY_SUBSETS:
                continue
            said = [(start, n) for start, n, b in spots if b == narrower]
            if narrower == "truc_tuyen" and online and not said:
                dropped.unread(tokens, online[0], len(online))  # "trực tuyến" alone: a filter of the figure before
                return


# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): "(các hồ sơ)
# do ông Ngô Đức Thắng phụ trách", "cán bộ nào phụ trách nhiều hồ sơ trễ hạn nhất": "phụ trách" (in charge) says what
# "cán bộ xử lý" says once an officer is named or the officers are ranked (it had been unknown: unsure). With no
# officer read ("lĩnh vực nào phụ trách …") it stays unknown.


# Session 12: "có ai <làm gì> … không" asks whether anyone did, not who: "từ sáng tới giờ có ai nộp hồ sơ online
# không, được mấy bộ" had been ranked by officer (the one who received most, a confident wrong). Only "có ai"
# with a "không" closing the clause after it.


def _anyone(tokens: Tokens) -> bool:
    items = tokens.items
    for k in tokens.find("co ai"):
        end = next((j for j in range(k, len(items)) if items[j] in {",", ";", "?"}), len(items))
        if "khong" in items[k + 2:end] and not tokens.used[k + 1]:
            tokens.used[k] = tokens.used[k + 1] = True
            return True
    return False


# Session 12: "mỗi / từng đồng chí (cán bộ)", "mỗi người" ask one figure per officer: the "mỗi" (filler) had been
# dropped and the ward's total given (a confident wrong). Records only.
_EACH_PERSON = [f"{each} {who}" for each in ("moi", "tung") for who in ("dong chi", "nguoi", "anh chi", "ca nhan")]


# Session 16: figures by quarter or by week ("từng quý năm nay", "tháng 10 mỗi tuần"; doubts.time_unit finds them):
# one figure per calendar quarter or per week Monday–Sunday, each cut to the period asked (sqlbuild.time_group).
# Records and feedback; indicators stay unsure (doubts.time_unit_problem); an average per week is no breakdown (unsure).
TIME_GROUPS = {"quy": "quarter", "tuan": "week"}


# "xếp hạng cán bộ theo tỷ lệ đúng hạn", "sắp xếp lĩnh vực theo số hồ sơ trễ hạn": the ranking verb right before a
# group word ranks that group, highest first ("xếp hạng" was filler and the group word dropped: one total for the whole
# ward, a confident wrong, or the group word left unknown); "xếp hạng" with no group read is unsure (it had been dropped
# as filler, one total given; session 18).
_RANK_VERBS = (["xep", "hang"], ["sap", "xep"])


# "đã xử lý, đang xử lý, từ chối mỗi loại bao nhiêu": after several values of one kind, "mỗi / từng loại" is each of
# them (for feedback "loại" had been the category: a ranking of categories, a confident wrong; session 18).
_EACH_KIND = ["moi loai", "tung loai", "moi cai", "tung cai", "moi thu", "tung thu"]


# Bug fix (session 24, rule R7): "lĩnh vực có tỷ lệ đúng hạn cao nhất và thấp nhất", "ba cán bộ trễ hạn nhiều nhất và
# ba cán bộ ít nhất" had ranked the top five (three) alone, the bottom's words dropped as filler: the lowest group was
# missing wherever there were more groups. Both ends asked: every group is ranked (no cut).
def _both_ends(tokens: Tokens) -> bool:
    return any(tokens.has(p) for p in TOP_DESC if p not in ORDER_ONLY) and any(
        tokens.has(p) for p in TOP_ASC if p not in ORDER_ONLY)


def _order_word(tokens: Tokens) -> bool:
    return bool(tokens.find("nhat", free_only=False))


def grouping(tokens: Tokens, intent: Intent) -> None:
    both_ends = _both_ends(tokens)
    if tokens.take_all(TOP_DESC):
        intent.order = "desc"
    elif tokens.take_all(TOP_ASC):
        intent.order = "asc"
    # Speed ranks by processing time, which only records have: "đơn vị nào xử lý phản ánh chậm nhất" ranked
    # by count was a confident wrong, so for feedback the speed words stay unexplained.
    if intent.domain == "ho_so" and tokens.take_all(SLOWEST):
        intent.order = "desc"
    elif intent.domain == "ho_so" and tokens.take_all(FASTEST):
        intent.order = "asc"
    if intent.order is None and _order_word(tokens):
        words = set(tokens.items)
        if words & {"it", "thap", "nho"}:
            intent.order = "asc"
        elif words & {"nhieu", "cao", "lon"}:
            intent.order = "desc"
    text = tokens.text()
    top = re.search(r"\btop (\d{1,2})\b", text) or re.search(
        r"\b(\d{1,2}) (?:linh vuc|thu tuc|can bo|loai|don vi)\b", text)
    if top and tokens.used[len(text[:top.start(1)].split())]:
        top = None  # "quý 3 lĩnh vực đất đai": the number of a period, read already, is no top
    if top:
        intent.limit = int(top.group(1))
        tokens.mark_chars(top.start(1), top.end(1))
        intent.order = intent.order or "desc"
    averaging = tokens.take_all(["trung binh", "binh quan"])
    if intent.measures == ["so_ngay_tb"]:
        tokens.take_all(["1 ho so", "mot ho so", "moi ho so", "1 bo ho so", "moi bo ho so"])  # per record: the average
    if averaging and intent.measures != ["so_ngay_tb"]:
        for unit, phrases in (("month", ["moi thang", "mot thang", "hang thang", "thang"]),
                              ("day", ["moi ngay", "mot ngay", "hang ngay", "ngay"])):
            if tokens.take_all(phrases[:3]):
                intent.per = unit
                break
    listed = [column for column, value in intent.filters.items() if isinstance(value, list)]
    if len(listed) == 1 and tokens.take_all(_EACH_KIND):
        intent.group = listed[0]  # "đã xử lý, đang xử lý, từ chối mỗi loại bao nhiêu": one figure for each named
    dims = DIMENSIONS.get(intent.domain, {})
    if intent.per is None and tokens.take_all(TREND_WORDS + ["bieu do"]):
        intent.group = "month"
    for phrase, column in sorted(dims.items(), key=lambda d: -len(d[0].split())):
        for start in tokens.find(phrase, free_only=False):
            n = len(phrase.split())
            before = tokens.items[start - 1] if start > 0 else ""
            after = tokens.items[start + n] if start + n < len(tokens.items) else ""
            ranked = intent.order is not None or before == "top" or (before.isdigit() and not tokens.used[start - 1])
            key = "ma_linh_vuc" if intent.domain == "phan_anh" and column == "linh_vuc" else column
            named = intent.filters.get(key)
            if named is not None and not isinstance(named, list):
                # "cán bộ Hà", "phản ánh lĩnh vực môi trường": a filter already, not a grouping (feedback names its
                # category by code: ranking the one category named had been answered)
                continue
            if column == "month" and tokens.used[start] and not tokens.has("theo thang"):
                continue  # "(hộ kinh doanh) mới tháng 9": a period, not "mỗi tháng"; the trend words said so already
            head = start - 1 if before in {"cac", "nhung"} else start  # "xếp hạng (các) thủ tục"
            verb = column != "month" and tokens.items[max(0, head - 2):head] in _RANK_VERBS
            if before in {"theo", "tung", "cac", "moi"} or after in {"nao", "gi"} or (
                    ranked and column != "month") or verb:
                if column == "month" and intent.per:
                    continue
                if verb:
                    intent.order = intent.order or "desc"
                    tokens.used[head - 2] = tokens.used[head - 1] = True
                intent.group = intent.group or column
                tokens.take(phrase)
                _which_group(tokens, start + n)
    who = intent.domain == "ho_so" and bool(tokens.find("ai")) and not _anyone(tokens)
    for column, value in intent.filters.items():
        if isinstance(value, list) and not intent.listing:
            if who and column != "can_bo_xu_ly" and intent.group is None:
                # bug fix (session 28, rule R7): "đất đai với xây dựng … ai trễ hạn nhiều nhất" asks who among the
                # officers of the fields listed; the fields had been ranked (a confident wrong)
                continue
            intent.group = intent.group or column  # "chị Lan với anh Nam, ai …": one figure each
    if _anyone(tokens):
        pass  # "có ai nộp … không": whether any, not who
    elif tokens.take("ai") is not None and intent.domain == "ho_so":
        intent.group = intent.group or "can_bo_xu_ly"
    if intent.domain == "ho_so" and intent.group is None:
        for phrase in _EACH_PERSON:
            if averaging and (at := tokens.find(phrase)):
                tokens.doubt(at[0])  # "trung bình mỗi người": an average per officer, which the box does not compute
                break
            if tokens.take(phrase) is not None:
                tokens.take_all(["can bo"])
                intent.group = "can_bo_xu_ly"
                break
    if intent.group is None and not intent.listing:
        for k in tokens.find("xep hang"):  # "xếp hạng" with no group read ranks nothing: not one total
            tokens.doubt(k)
            tokens.doubt(k + 1)
    if intent.group and intent.group not in ("month", "quarter", "week") and intent.order is None:
        intent.order = "desc"
    if intent.group and intent.order and intent.limit is None and (
            tokens.has("nhat") or any(tokens.has(p) for p in TOP_DESC + TOP_ASC + SLOWEST + FASTEST
                                      if p not in ORDER_ONLY)):
        intent.limit = 5
    if both_ends and intent.group and not intent.listing:
        intent.limit = None
        tokens.take_all(TOP_ASC)
    if intent.group:
        tokens.take_all(GROUP_VERBS)
    for word in ("linh vuc", "thu tuc", "can bo", "hinh thuc nop", "trang thai", "loai", "nhom"):
        tokens.take_all([word])
    dropped.group_word_dropped(tokens, intent)
    if intent.domain == "ho_so" and (
            "can_bo_xu_ly" in intent.filters or intent.group == "can_bo_xu_ly"):
        for k in tokens.find("phu trach"):
            tokens.used[k] = tokens.used[k + 1] = True
