"""Whether a question asks for the records themselves ("danh sách", "những hồ sơ nào", "5 hồ sơ mới
nhất"), in which order and how many. Split from understand.py: the list request is one step of its own."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from appliance.ask import time_taken
from appliance.ask.measures import (
    DIMENSIONS,
    LIST_ALWAYS,
    LIST_OPENERS,
    LIST_WORDS,
    NEWEST_WORDS,
    OLDEST_WORDS,
    QUANTITY_WORDS,
    TOP_ASC,
    TOP_DESC,
)
from appliance.ask.tokens import Tokens
from appliance.reporting.measures import MEASURES
from appliance.text import fold
from appliance.text.calendar_periods import range_period

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent


# A classifier between the plural word and the noun ("những bộ hồ sơ", "các phiếu phản ánh", "các cái hồ
# sơ") keeps "các / những …" a request for the records: the opener had matched only the bare noun, and a
# list asked that way was answered with a count (a confident wrong on the session-11 training half).
_CLASSIFIERS = {"bo", "phieu", "cai", "to"}
_PLURALS = {"cac", "nhung"}


def _drop_classifier(first: list[str]) -> str:
    """The opening words with a classifier right after "các / những" left out."""
    kept = [w for k, w in enumerate(first) if not (w in _CLASSIFIERS and k > 0 and first[k - 1] in _PLURALS)]
    return " ".join(kept)


# "Gồm những phiếu nào", "là những bộ nào" after a list phrase: the "nào" repeats the request for the
# records ("gồm những" had been read, its "phiếu nào" left unknown, so the list was refused).
# a bare classifier only after "những / các": "cán bộ nào" asks which officer
_RECORD_ENDS = [["phieu"], ["ho", "so"], ["phan", "anh"]]
_RECORD_ENDS += [[p, c] for p in ("nhung", "cac") for c in ("bo", "cai", "to")]


# Session 21: once a list is asked, a "nào" after the records named with what narrows them ("những hồ sơ đang quá hạn
# nào nộp qua bưu chính", "có hồ sơ đất đai nào trả trễ hạn không, là những hồ sơ nào") asks the same records: read
# as "… nào" alone after a record noun is (it had been left unknown: unsure). A group word before it ("hồ sơ lĩnh vực
# nào") or a ranking ("… nào nhiều nhất") still asks for a group and is not read here (record_lists._which_records).
# Kept by rule R1 in session 21 (right +1 on the fresh sets), plain behaviour since session 23
# (tests/ask/test_session21.py).


def _which_after_list(tokens: Tokens) -> None:
    """Mark a "nào" right after a record noun or classifier as read, once a list is asked."""
    for k in tokens.find("nao"):
        if not tokens.used[k] and any(tokens.items[max(0, k - len(end)):k] == end for end in _RECORD_ENDS):
            tokens.used[k] = True
    while _which_records(tokens):
        pass  # each call reads one "nào" of the records


# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): "cho tôi xem các
# hồ sơ …", "cho anh xem những phản ánh …", "cho chị các hồ sơ …" with no figure word are a list, as "cho xem các hồ sơ
# …" is: the one who asks said between "cho" and "xem" had kept the opener from being read, and the count was given.
# Without "các / những" ("cho tôi xem hồ sơ khai sinh quý này") it stays as it was, as "cho xem hồ sơ …" does.
_SHOW_ME = re.compile(r"^(?:(?:em|anh|chi|a|c|e) )?cho (?:toi|anh|chi|em|minh|a|c|e|chu|bac) ((?:xem )?(?:cac|nhung)) "
                      r"(?:ho so|phan anh)\b")
# Bug fix (session 27, rule R7): the one addressed said before "cho" ("Em cho chị xem những phản ánh …", "Anh cho em
# xem các hồ sơ quá hạn") kept the request above from being read, and the count had been given; it is read as well.
_SHOW_ME_PLEA = re.compile(r"^(?:(?:em|anh|chi|a|c|e) )?cho (?:toi|anh|chi|em|minh|a|c|e|chu|bac) "
                           r"((?:xem )?(?:cac|nhung)) kien nghi\b")  # "kiến nghị" heads as "phản ánh" (below)


# Session 24 (plain behaviour since session 26, rule R8; tested in tests/ask/test_session24.py): "cho chị coi
# mấy hồ sơ … đang giải quyết", "cho anh xem mấy phản ánh …" opening the question ask to see those records (southern
# "mấy" = "những"), a list; "mấy" had been read as "bao nhiêu" and the count given (a confident wrong). Only right after
# "cho <the one who asks> xem / coi" at the opening, right before the records, with no other figure word; "cho anh
# biết mấy hồ sơ", "cho anh xem có mấy hồ sơ" keep the count.
_SHOW_FEW = re.compile(r"^\W*cho (?:toi|anh|chi|em|minh|a|c|e|chu|bac) (?:xem|coi) may (?:cai )?"
                       r"(?:ho so|hs|phan anh|pa)\b")


def _show_few(tokens: Tokens) -> bool:
    items = tokens.items
    if not _SHOW_FEW.match(fold(tokens.question).lower()) or items[2:5] != ["xem", "bao", "nhieu"]:
        return False
    if len(tokens.find("bao nhieu", free_only=False)) > 1 or any(
            tokens.has(w) for w in QUANTITY_WORDS if w != "bao nhieu"):
        return False
    for k in range(5):
        tokens.used[k] = True
    return True


# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): a number
# of records said in words ("ba phản ánh mới nhất", "năm hồ sơ tồn lâu nhất", "cho anh mười hồ sơ …") is that number,
# as "3 phản ánh mới nhất" is: only at the question's opening (after a request and the one who asks), right before
# the records, and with a word of order ("nhất") said. "ba" had been filler and "năm" a year not read.
_SPELLED = {"hai": "2", "ba": "3", "bon": "4", "nam": "5", "sau": "6", "bay": "7", "tam": "8", "chin": "9",
            "muoi": "10"}
_OPENING = {"cho", "toi", "anh", "chi", "em", "minh", "xem", "liet", "ke", "doc", "nghe", "lay", "a", "c", "e"}
_RECORD_HEADS = (["ho", "so"], ["phan", "anh"], ["hs"], ["pa"], ["phieu"], ["pakn"])



def _spelled_few(tokens: Tokens) -> None:
    items = tokens.items
    if not tokens.has("nhat"):
        return
    for k, word in enumerate(items):
        if word in _SPELLED and not tokens.used[k] and all(w in _OPENING for w in items[:k]) and any(
                items[k + 1:k + 1 + len(head)] == head for head in _RECORD_HEADS):
            items[k] = _SPELLED[word]
            return
        if word not in _OPENING:
            return


# Bug fix (session 23): "ba phản ánh mới nhất" gave the count of the year's feedback, its "mới nhất" dropped ("ba" is
# filler, "mới" too): a word of the newest said where no list is read is unsure.


# Session 27 (kept by rule R1 in session 27, plain behaviour since session 29, rule R8; here and in
# either_reading; tested in tests/ask/test_session27.py): "kiến nghị" (the citizens' petitions, feedback as "phản
# ánh" is) heads a question as "phản ánh" does: "những / các kiến nghị …" with no figure asked is a list, as "những
# phản ánh …" is (the count had been given: a confident wrong), and a bare noun phrase "kiến nghị … quý 3" is unsure
# as "phản ánh … quý 3" is (its count had been given).


# Session 29 (`SESSION29_EACH_RECORD`, read at run time; tested on and off in tests/ask/test_session29.py): "từng"
# (each, one by one) right before the records themselves ("cho xem từng hồ sơ trễ hạn", "xem từng phản ánh về môi
# trường", "tôi muốn xem cụ thể từng cái một" where records are named) asks to see them one by one, a list, as "các /
# những hồ sơ …" does; "từng" had been filler and the count given (a confident wrong). Only with no figure word asked
# and no time taken ("thời gian giải quyết từng hồ sơ": a figure per record, not a list); "từng" before a group
# ("từng lĩnh vực", "từng cán bộ") is the grouping, read elsewhere.
# on by rule R1 (session 29): fresh off alone 841/362/19, on 842/361/19 (right +1, fresh11)
SESSION29_EACH_RECORD = True
_EACH_RECORD_NOUNS = (["ho", "so"], ["phan", "anh"], ["phieu"], ["kien", "nghi"], ["truong", "hop"], ["cai"])


def _each_record_doubted(tokens: Tokens) -> None:
    """Bug fix (session 29, rule R7): "thời gian giải quyết từng hồ sơ tháng 10", "tháng 10 từng hồ sơ trễ hạn bao
    nhiêu ngày" ask a figure of each record, which no total or average is; "từng" was filler and the month's average
    given. Where no list is read, "từng" right before the records is doubted (unsure)."""
    items = tokens.items
    for k in tokens.find("tung"):
        if not tokens.used[k] and any(items[k + 1:k + 1 + len(n)] == n for n in _EACH_RECORD_NOUNS):
            tokens.doubt(k)


def _each_record(tokens: Tokens, intent: Intent) -> bool:
    items = tokens.items
    if intent.domain not in ("ho_so", "phan_anh") or tokens.has("thoi gian") or tokens.has("trung binh") \
            or tokens.has("binh quan"):
        return False
    for k in tokens.find("tung"):
        noun = next((n for n in _EACH_RECORD_NOUNS if items[k + 1:k + 1 + len(n)] == n), None)
        if noun is None or tokens.used[k]:
            continue
        tokens.used[k] = True
        if noun == ["cai"]:  # "từng cái (một)": the records named elsewhere, one by one
            tokens.used[k + 1] = True
            if items[k + 2:k + 3] == ["mot"]:
                tokens.used[k + 2] = True
        return True
    return False


def listing(tokens: Tokens, intent: Intent) -> None:
    """"Danh sách / liệt kê / những hồ sơ nào …", or "các hồ sơ …" asking for no figure: the records."""
    _spelled_few(tokens)
    shown_few = _show_few(tokens)
    asks_figure = not shown_few and any(tokens.has(w) for w in QUANTITY_WORDS)
    if shown_few:
        intent.listing = True
    # "Có hồ sơ nào trễ hạn không, bao nhiêu cái": the yes-or-no "có … nào … không" with "bao nhiêu"
    # asks how many; any other "… nào" still asks which records, a figure word or not (a wider reading,
    # every "nào" beside a figure word, turned a list asked for on the session-7 batch into a figure).
    # "danh sách", "liệt kê" ask for the records whatever else is said.
    counts_existence = tokens.has("bao nhieu") and tokens.has("co") and "khong" in tokens.items
    asking = [w for w in LIST_WORDS if w in LIST_ALWAYS] if counts_existence else LIST_WORDS
    if counts_existence:
        for k in tokens.find("nao"):
            if "co" in tokens.items[max(0, k - 6):k]:
                tokens.used[k] = True  # "có hồ sơ nào … không": whether any (and how many), not which
    if tokens.take_all(asking):
        intent.listing = True
    else:
        first = [t for t in tokens.items if t not in {",", "?"}][:8]  # "em cho chị xem những phản ánh": 7 words
        opener = _drop_classifier(first)
        for words in LIST_OPENERS:
            if (opener.startswith(words + " ho so") or opener.startswith(words + " phan anh")
                    or opener.startswith(words + " kien nghi")) and not asks_figure:
                intent.listing = True
                tokens.take(words)
                break
        if not intent.listing and not asks_figure and (
                shown := _SHOW_ME.match(opener) or _SHOW_ME_PLEA.match(opener)
        ) is not None:
            intent.listing = True
            for word in shown.group(1).split():
                tokens.take(word)
    if not intent.listing and not asks_figure and SESSION29_EACH_RECORD and _each_record(tokens, intent):
        intent.listing = True
    if not intent.listing and not asks_figure and (_which_records(tokens) or _which_what(tokens)):
        intent.listing = True
    if not intent.listing and not asks_figure:
        _newest_few(tokens, intent)
    if not intent.listing:
        if intent.domain in ("ho_so", "phan_anh"):
            for phrase in NEWEST_WORDS:
                for k in tokens.find(phrase):
                    for j in range(k, k + len(phrase.split())):
                        tokens.doubt(j)
            _each_record_doubted(tokens)
        return
    _which_after_list(tokens)
    time_taken.list_by_time(tokens, intent)  # "… giải quyết lâu nhất": by the days taken, not the oldest received
    if intent.list_by:
        pass
    elif tokens.take_all(OLDEST_WORDS):
        intent.list_order = "asc"
    elif tokens.take_all(NEWEST_WORDS):
        intent.list_order = "desc"
    list_count(tokens, intent)


# Session 13: "5 hồ sơ chị Hà nhận gần đây nhất", "3 phản ánh mới nhất về môi trường", "10 hồ sơ nhận sớm nhất tháng
# này": a number of records opening the question, with the newest (oldest) word and no figure word, asks for those
# records, that many, in that order (the number had been unknown: unsure). "lâu nhất" is not read so (the longest
# processing time and the longest open are different lists).
_FEW_RECORDS = re.compile(r"^(?:cho (?:toi |anh |chi |em )?(?:xem )?)?(\d{1,2}) (?:ho so|phan anh|truong hop)\b")
_EARLIEST_WORDS = ["cu nhat", "som nhat"]


def _newest_few(tokens: Tokens, intent: Intent) -> None:
    opener = " ".join(t for t in tokens.items if t not in {",", "?"})
    few = _FEW_RECORDS.match(opener)
    if few is None or int(few.group(1)) < 1:
        return
    if any(tokens.find(w) for w in NEWEST_WORDS):
        intent.list_order = "desc"
    elif any(tokens.find(w) for w in _EARLIEST_WORDS):
        intent.list_order = "asc"
    else:
        return
    intent.listing = True
    tokens.take_all(NEWEST_WORDS + _EARLIEST_WORDS)


# Words before "nào" that ask for a group, a person or a time ("những lĩnh vực nào", "tháng nào"), not
# for the records themselves (whole phrases: "thực" of "chứng thực" is not "hình thức").
_NOT_RECORDS = {phrase for dims in DIMENSIONS.values() for phrase in dims} | {
    "loai", "nhom", "quy", "nam", "ngay", "tuan", "ky", "ben", "mang", "khoi", "nganh", "phia", "bo phan", "ai",
    "nguoi", "chi tieu", "dau", "the", "nhu", "cai", "so"}
_WHICH_OPENERS = {"nhung", "cac"}


def _which_records(tokens: Tokens) -> bool:
    """"(đã cấp) những giấy phép xây dựng nào", "phản ánh an ninh trật tự nào chưa ai nhận": "nào" after
    the name of what was handled, opened by "những / các" or by "hồ sơ / phản ánh", asks which records.
    With a group word before it ("những lĩnh vực nào", "tháng nào") or a ranking said ("phản ánh nào nhiều
    nhất") it asks for a group, read elsewhere."""
    if tokens.has("nhat") or tokens.has("top") or any(tokens.has(p) for p in TOP_DESC + TOP_ASC):
        return False
    for k, word in enumerate(tokens.items):
        if word != "nao" or tokens.used[k] or k == 0:
            continue
        start = next((j for j in range(k - 1, max(-1, k - 9), -1)
                      if tokens.items[j] in _WHICH_OPENERS or tokens.items[j] == "phieu"
                      or tokens.items[j:j + 2] in (["ho", "so"], ["phan", "anh"])
                      or tokens.items[j:j + 2] == ["kien", "nghi"]), None)
        if start is None:
            continue
        if tokens.items[k - 1] in ("luc", "khi") and tokens.items[k - 2] != "trich":
            continue  # "lúc nào", "khi nào": when, not which ("trích lục nào" is which)
        head = ("ho", "so", "anh", "nghi") if tokens.items[start] == "kien" else ("ho", "so", "anh")
        between = [w for w in tokens.items[start + 1:k] if w not in head]
        text = f" {' '.join(between)} "
        named_records = tokens.items[start] not in _WHICH_OPENERS  # "phản ánh nào", "phiếu nào": which ones
        if not (between or named_records) or any(f" {phrase} " in text for phrase in _NOT_RECORDS):
            continue
        tokens.used[k] = True
        if tokens.items[start] in _WHICH_OPENERS:
            tokens.used[start] = True
        return True
    return False


# Session 19: "hôm qua nhận những hồ sơ gì", "tuần trước trả các hồ sơ gì": "những / các hồ sơ (phản ánh) gì" asks
# which records, as "… nào" does; "gì" had been dropped as filler and a count given (a confident wrong). "những thủ
# tục gì" (which procedures: a breakdown) is no such phrase.
_WHICH_WHAT = re.compile(r"\b(nhung|cac) (?:bo |cai |phieu )?(?:ho so|phan anh) (gi)\b")


def _which_what(tokens: Tokens) -> bool:
    said = _WHICH_WHAT.search(tokens.text())
    if said is None:
        return False
    tokens.mark_chars(said.start(1), said.end(1))
    tokens.mark_chars(said.start(2), said.end(2))
    return True


def list_count(tokens: Tokens, intent: Intent) -> None:
    """"cho 5 cái", "10 hồ sơ …": how many records to show."""
    count = re.search(r"\b(\d{1,3}) (?:cai|ho so|truong hop|phan anh)\b", tokens.text())
    if count:
        intent.limit = int(count.group(1))
        tokens.mark_chars(count.start(1), count.end(1))


# "danh sách phản ánh quá hạn mà chưa xử lý", "liệt kê hồ sơ tiếp nhận và trễ hạn tháng 10": a list shows the records
# of one measure, and the first measure read had been listed (every open feedback for the overdue ones; the received
# records for the late ones). Feedback overdue is open by definition, so "quá hạn" with "chưa xử lý" lists the
# overdue ones; any other pair of measures in a list is unsure (which records: both, either, or the ones in both?).
# (Moved from supported.py in session 18.)
_NARROWER = {frozenset({"pa_chua_xu_ly", "pa_qua_han"}): "pa_qua_han",
             frozenset({"chua_giai_quyet", "qua_han"}): "qua_han"}


def _listed(measure: str) -> str:
    m = MEASURES[measure]
    return m.of if m.kind == "rate" and m.of else measure


def _two_periods(intent: Intent, said_compare: bool) -> str:
    """A list of two periods ("danh sách hồ sơ trễ hạn tháng 9 và tháng 10", "hôm qua với hôm kia có những phản ánh
    nào"), read as a comparison, had listed the later period only (a list that drops one period). Two periods one
    right after the other are listed as one span; others, or two days of a count at a day, are unsure."""
    earlier, later = intent.compare, intent.period
    if intent.compare_asof is not None or (earlier is not None and (later is None or said_compare)):
        return _TWO_PERIODS  # "liệt kê … tháng 9 so với tháng 10": a comparison is no list
    if earlier is None or later is None:
        return ""
    if earlier.end + dt.timedelta(days=1) != later.start:
        return _TWO_PERIODS
    intent.period = range_period(earlier.start, later.end, f"{earlier.label} và {later.label}")
    intent.compare, intent.compare_label = None, ""
    return ""


_TWO_PERIODS = "danh sách cho hai kỳ (so sánh, hoặc không liền nhau): hãy hỏi từng kỳ, hoặc nêu một khoảng «từ … đến …»"


def one_measure(intent: Intent, said_compare: bool = False) -> str:
    """Narrows a list to one measure where one implies the other; the reason it cannot, else ""."""
    if not intent.listing or intent.domain == "chi_tieu":
        return ""
    if intent.group and intent.limit:
        # "danh sách hồ sơ trễ hạn tháng này, lĩnh vực nào nhiều nhất": a ranking of groups beside the list; the
        # list had been cut to the ranking's five records, which answer neither (bug fix, session 21)
        return "vừa hỏi danh sách hồ sơ vừa hỏi xếp hạng theo nhóm; hãy hỏi riêng từng câu"
    problem = _two_periods(intent, said_compare)
    if problem:
        return problem
    listed = list(dict.fromkeys(_listed(m) for m in intent.measures))
    if len(listed) <= 1:
        return ""
    narrower = _NARROWER.get(frozenset(listed))
    if narrower:
        intent.measures = [narrower]
        return ""
    labels = " hay ".join(f"«{MEASURES[m].label}»" for m in listed)
    return f"chưa rõ cần danh sách nào: {labels}; hãy hỏi từng danh sách"
