"""Session 22 of the leaders' question box: the bug fixes (rule R7, each test failed before) and each SESSION22 flag on
and off (all switched off by rule R1; the fixture switches them on), with my own wording (never a set's sentence) and
cases where it must not fire."""
from __future__ import annotations

import pytest

from appliance.ask import doubts, entities, question_periods, rate_base, understand
from appliance.text import periods
from tests.ask.answering import asker, same
from tests.flags import switch_on

_FLAGGED = (doubts, entities, question_periods, rate_base, understand, periods)


@pytest.fixture(autouse=True)
def _all_on(monkeypatch):
    """Rule R1 switched every SESSION22 flag off in the shipped defaults; each is tested against the others as tuned."""
    switch_on(monkeypatch, _FLAGGED, "SESSION22_")


@pytest.mark.parametrize("on", [True, False])
def test_session22_a_figure_for_each_day(ask_db, monkeypatch, on):
    """doubts.SESSION22_EACH_DAY: "tháng 9 mỗi ngày nhận bao nhiêu hồ sơ", "tuần này từng ngày …", "các ngày trong tuần
    này …" ask a figure for each day (or a day's average): unsure; off, the period's total. "trung bình mỗi ngày" keeps
    its average, "mỗi tuần" its breakdown."""
    monkeypatch.setattr(doubts, "SESSION22_EACH_DAY", on)
    ask = asker(ask_db)
    for said in ("tháng 9 mỗi ngày nhận bao nhiêu hồ sơ", "tuần này từng ngày nhận bao nhiêu hồ sơ",
                 "các ngày trong tuần này nhận bao nhiêu hồ sơ"):
        assert (ask(said).status == "unsure") is on, said
    average = ask("trung bình mỗi ngày tháng 10 nhận bao nhiêu hồ sơ")
    assert average.status == "ok" and average.intent is not None and average.intent.per == "day"
    weeks = ask("tháng 10 mỗi tuần trả trễ hạn bao nhiêu hồ sơ")
    assert weeks.status == "ok" and weeks.intent is not None and weeks.intent.group == "week"
    assert ask("hồ sơ nhận ngày 15/10 bao nhiêu").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session22_an_average_count_with_no_unit(ask_db, monkeypatch, on):
    """doubts.SESSION22_AVERAGE_NO_UNIT: "số hồ sơ tiếp nhận bình quân quý 3", "quý 3 trung bình trễ hạn bao nhiêu hồ
    sơ" ask an average of a count with no unit read (per month? per day?): unsure; off, the quarter's total. An average
    with its unit, the average processing time and a rate keep their answers."""
    monkeypatch.setattr(doubts, "SESSION22_AVERAGE_NO_UNIT", on)
    ask = asker(ask_db)
    for said in ("số hồ sơ tiếp nhận bình quân quý 3", "quý 3 trung bình trễ hạn bao nhiêu hồ sơ",
                 "số phản ánh bình quân tháng 10"):
        assert (ask(said).status == "unsure") is on, said
    for said, key in (("bình quân mỗi tháng năm nay nhận bao nhiêu hồ sơ", "binh_quan"),
                      ("thời gian giải quyết trung bình quý 3", "so_ngay_tb"),
                      ("tỷ lệ đúng hạn trung bình năm nay", "ty_le_dung_han")):
        got = ask(said)
        assert got.status == "ok" and key in got.keys, said


@pytest.mark.parametrize("on", [True, False])
def test_session22_a_name_after_within(ask_db, monkeypatch, on):
    """entities.SESSION22_WITHIN_NAMED: "tháng 10 nhận bao nhiêu hồ sơ, trong đó bao nhiêu hồ sơ hộ tịch" (off: the Hộ
    tịch count alone, the name narrowing the total too), "…, trong đó trễ hạn mấy hồ sơ đất đai" (off: both figures of
    Đất đai) are unsure. A name before "trong đó" narrows both ("chị Lan …, trong đó trễ hạn bao nhiêu"); "trong đó
    trực tuyến" is a measure."""
    monkeypatch.setattr(entities, "SESSION22_WITHIN_NAMED", on)
    ask = asker(ask_db)
    for said in ("tháng 10 nhận bao nhiêu hồ sơ, trong đó bao nhiêu hồ sơ hộ tịch",
                 "quý 3 giải quyết bao nhiêu hồ sơ, trong đó trễ hạn mấy hồ sơ đất đai"):
        assert (ask(said).status == "unsure") is on, said
    named = ask("chị Lan tháng 10 giải quyết bao nhiêu hồ sơ, trong đó trễ hạn bao nhiêu")
    assert named.status == "ok" and named.keys == ["da_giai_quyet", "tre_han"]
    online = ask("tháng 10 nhận bao nhiêu hồ sơ, trong đó trực tuyến bao nhiêu")
    assert online.status == "ok" and online.keys == ["tiep_nhan", "truc_tuyen"]


def test_how_many_procedures_is_not_how_many_records(ask_db):
    """Bug fix (rule R7): "có mấy thủ tục có hồ sơ trễ hạn quý 3", "bao nhiêu thủ tục có hồ sơ nộp trực tuyến" count
    procedures; the records had been counted. "bao nhiêu thủ tục hành chính" is the records, and "thủ tục nào" ranks."""
    ask = asker(ask_db)
    for said in ("có mấy thủ tục có hồ sơ trễ hạn quý 3", "bao nhiêu thủ tục có hồ sơ nộp trực tuyến tháng 10"):
        assert ask(said).status == "unsure", said
    assert ask("tháng 10 tiếp nhận bao nhiêu thủ tục hành chính").keys == ["tiep_nhan"]
    ranked = ask("thủ tục nào nhận nhiều hồ sơ nhất tháng 10")
    assert ranked.status == "ok" and ranked.intent is not None and ranked.intent.group == "ten_thu_tuc"


@pytest.mark.parametrize("on", [True, False])
def test_status_or_field_words_name_no_procedure(ask_db, monkeypatch, on):
    """Bug fix (rule R7): "số hồ sơ bổ sung tháng 10" (a status's words) gave the procedure "Đăng ký thay đổi, cải
    chính, bổ sung thông tin hộ tịch", "số hồ sơ xã hội tháng 10" (words of the field Bảo trợ xã hội, two procedures)
    gave "Trợ cấp xã hội hàng tháng". Unsure. A field of one procedure ("kinh doanh"), the procedure's own words
    ("trợ cấp xã hội", "trích lục") and the status said whole ("yêu cầu bổ sung") keep their readings. The field's
    words are entities.SESSION22_FIELD_WORDS (off: the procedure, as before)."""
    monkeypatch.setattr(entities, "SESSION22_FIELD_WORDS", on)
    ask = asker(ask_db)
    assert ask("số hồ sơ bổ sung tháng 10").status == "unsure"
    assert (ask("số hồ sơ xã hội tháng 10").status == "unsure") is on
    for said, procedure in (("số hồ sơ trợ cấp xã hội tháng 10", "Trợ cấp xã hội hàng tháng"),
                            ("số hồ sơ trích lục tháng 10", "Cấp bản sao trích lục hộ tịch"),
                            ("số hồ sơ kinh doanh tháng 10", "Đăng ký thành lập hộ kinh doanh")):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None, said
        assert got.intent.filters.get("ten_thu_tuc") == procedure, said
    status = ask("số hồ sơ yêu cầu bổ sung tháng 10")
    assert status.status == "ok" and status.intent is not None
    assert status.intent.filters.get("trang_thai") == "Chờ bổ sung"


def test_an_indicator_at_the_start_of_a_period_is_unsure(demo_settings):
    """Bug fix (rule R7): "tỷ lệ hộ nghèo đầu năm (nay)" gave the year's latest month, "thu ngân sách nửa năm" the
    year's total ("đầu", "nửa" were filler). The start or a half of a period is not the period: unsure. "(từ) đầu năm
    (đến giờ)" is the year to date and "nửa đầu năm" the first half, as before."""
    ask = asker(demo_settings.db_path)  # the demo ward reports its indicators
    for said in ("tỷ lệ hộ nghèo đầu năm", "tỷ lệ hộ nghèo đầu năm nay", "thu ngân sách nửa năm"):
        assert ask(said).status == "unsure", said
    for said in ("thu ngân sách từ đầu năm", "thu ngân sách đầu năm đến giờ", "thu ngân sách nửa đầu năm"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and got.intent.indicator, said


@pytest.mark.parametrize("on", [True, False])
def test_session22_the_sum_of_two_names(ask_db, monkeypatch, on):
    """doubts.SESSION22_SUM_OF_NAMES: "tổng số hồ sơ của chị Lan và chị Mai tháng 10", "tổng hồ sơ hộ tịch và chứng
    thực …" ask their sum: unsure; off, each one's figure ranked, no sum given. "mỗi người", "ai nhiều hơn" and names
    without "tổng" (or with "tổng hợp", a report word) keep one figure each."""
    monkeypatch.setattr(doubts, "SESSION22_SUM_OF_NAMES", on)
    ask = asker(ask_db)
    for said in ("tổng số hồ sơ của chị Lan và chị Mai tháng 10", "tổng hồ sơ hộ tịch và chứng thực nhận tháng 10"):
        assert (ask(said).status == "unsure") is on, said
    for said in ("chị Lan và chị Mai tháng 10 mỗi người nhận bao nhiêu",
                 "hộ tịch và chứng thực tháng 10 nhận bao nhiêu", "tổng hợp số hồ sơ hộ tịch và chứng thực tháng 10"):
        got = ask(said)
        assert got.status == "ok" and len(got.rows) == 2, said


def test_online_after_a_resolved_count(ask_db):
    """Bug fix (rule R7): "quý 3 giải quyết bao nhiêu hồ sơ, trong đó trực tuyến bao nhiêu", "trong số hồ sơ đã giải
    quyết quý 3, có bao nhiêu hồ sơ nộp trực tuyến" (the resolved filed online) gave the count received online.
    Unsure. A subset counted on the same day keeps both figures."""
    ask = asker(ask_db)
    for said in ("trong số hồ sơ đã giải quyết quý 3, có bao nhiêu hồ sơ nộp trực tuyến",
                 "quý 3 giải quyết bao nhiêu hồ sơ, trong đó trực tuyến bao nhiêu"):
        assert ask(said).status == "unsure", said
    for said, keys in (("tháng 10 nhận bao nhiêu hồ sơ, trong đó trực tuyến bao nhiêu", ["tiep_nhan", "truc_tuyen"]),
                       ("quý 3 giải quyết bao nhiêu hồ sơ, trong đó đúng hạn bao nhiêu", ["da_giai_quyet", "dung_han"]),
                       ("trong số hồ sơ đã giải quyết tháng 10, bao nhiêu trễ hạn", ["da_giai_quyet", "tre_han"])):
        got = ask(said)
        assert got.status == "ok" and got.keys == keys, said


def test_so_voi_tong_so_is_no_comparison(ask_db):
    """Bug fix (rule R7, rate_base): "số hồ sơ trễ hạn quý 3 so với tổng số hồ sơ", "… chiếm tỷ lệ bao nhiêu so với
    tổng số hồ sơ tiếp nhận" had compared with the quarter before. A count so said is unsure. Its own total keeps the
    share, and "so với quý 2" still compares."""
    ask = asker(ask_db)
    assert ask("số hồ sơ trễ hạn quý 3 so với tổng số hồ sơ").status == "unsure"
    other = ask("quý 3, số hồ sơ giải quyết trễ hạn chiếm tỷ lệ bao nhiêu so với tổng số hồ sơ tiếp nhận")
    assert other.status == "unsure" or (other.intent is not None and other.intent.compare is None)
    for said, key in (("tỷ lệ trễ hạn trên số hồ sơ đã giải quyết quý 3", "ty_le_tre_han"),
                      ("tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận quý 3", "ty_le_truc_tuyen")):
        got = ask(said)
        assert got.status == "ok" and got.keys == [key], said
    compared = ask("tỷ lệ đúng hạn quý 3 so với quý 2")
    assert compared.status == "ok" and compared.intent is not None and compared.intent.compare is not None


@pytest.mark.parametrize("on", [True, False])
def test_session22_share_of_its_own_total(ask_db, monkeypatch, on):
    """rate_base.SESSION22_SHARE_OF_TOTAL: "… chiếm bao nhiêu phần trăm so với tổng số hồ sơ (đã giải quyết)" is the
    share itself; off, unsure (the bug fix keeps it from being a comparison either way)."""
    monkeypatch.setattr(rate_base, "SESSION22_SHARE_OF_TOTAL", on)
    ask = asker(ask_db)
    for said, plain in (("tháng 10 số hồ sơ trực tuyến chiếm bao nhiêu phần trăm so với tổng số hồ sơ",
                         "tỷ lệ trực tuyến tháng 10"),
                        ("quý 3 số hồ sơ trễ hạn chiếm tỷ lệ bao nhiêu so với tổng số hồ sơ đã giải quyết",
                         "tỷ lệ trễ hạn quý 3")):
        want = ask(plain)
        assert want.status == "ok", plain
        got = ask(said)
        assert same(got, want) is on, said
        assert on or got.status == "unsure", said


def test_a_list_of_group_names_is_not_the_records(ask_db):
    """Bug fix (rule R7): "danh sách cán bộ trễ hạn", "danh sách các thủ tục có hồ sơ trễ hạn quý 3", "liệt kê các lĩnh
    vực có hồ sơ quá hạn" ask the names of a group, and the records had been listed. Unsure. A name after the group word
    and "thủ tục hành chính" (the records) keep the list."""
    ask = asker(ask_db)
    for said in ("danh sách cán bộ trễ hạn", "danh sách các thủ tục có hồ sơ trễ hạn quý 3",
                 "liệt kê các lĩnh vực có hồ sơ quá hạn"):
        assert ask(said).status == "unsure", said
    for said in ("danh sách thủ tục hành chính trễ hạn tháng 10", "danh sách lĩnh vực đất đai hồ sơ trễ hạn tháng 10"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and got.intent.listing, said


def test_two_periods_joined_as_a_span_are_not_compared(ask_db):
    """Bug fix (rule R7): "tháng 7 tới tháng 9", "tháng 9 đến tháng 10" (no "từ"), "t9-t10", "tháng 9 - tháng 10" are a
    span, and the two months had been compared. Unsure, as a span not read. "từ tháng 7 đến tháng 9" is the span,
    "tháng 10 so với tháng 9" and "tháng 9 và tháng 10" compare, as before."""
    ask = asker(ask_db)
    for said in ("số hồ sơ nhận tháng 7 tới tháng 9", "số hồ sơ nhận tháng 9 đến tháng 10", "số hồ sơ nhận t9-t10",
                 "số hồ sơ nhận tháng 9 - tháng 10"):
        assert ask(said).status == "unsure", said
    span = ask("số hồ sơ nhận từ tháng 7 đến tháng 9")
    assert span.status == "ok" and span.intent is not None and span.intent.compare is None
    for said in ("số hồ sơ nhận tháng 10 so với tháng 9", "số hồ sơ nhận tháng 9 và tháng 10"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and got.intent.compare is not None, said


def test_a_period_up_to_now_not_read_is_unsure(ask_db):
    """Bug fix (rule R7): "số hồ sơ nhận quý 3 đến nay", "hôm qua đến nay" gave the quarter (the day) alone, "đến nay"
    taken for "now". Unsure. "từ 15/10 đến nay", "15/10 tới giờ", "tính đến nay" read as before."""
    ask = asker(ask_db)
    for said in ("số hồ sơ nhận quý 3 đến nay", "số hồ sơ nhận hôm qua đến nay"):
        assert ask(said).status == "unsure", said
    for said in ("số hồ sơ nhận từ 15/10 đến nay", "số hồ sơ nhận 15/10 tới giờ", "hồ sơ quá hạn tính đến nay"):
        assert ask(said).status == "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session22_month_up_to_now(ask_db, monkeypatch, on):
    """periods.SESSION22_MONTH_TO_NOW: "tháng 10 đến nay", "tháng 9 tới giờ" with no "từ" are from the first of that
    month to today, as "từ tháng 10 đến nay"; off, unsure (the bug fix: the month alone had been given)."""
    monkeypatch.setattr(periods, "SESSION22_MONTH_TO_NOW", on)
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ nhận tháng 10 đến nay", "số hồ sơ nhận từ tháng 10 đến nay"),
                        ("tháng 9 tới giờ trễ hạn bao nhiêu hồ sơ", "từ tháng 9 đến nay trễ hạn bao nhiêu hồ sơ")):
        want = ask(plain)
        assert want.status == "ok", plain
        got = ask(said)
        assert same(got, want) is on, said
        assert on or got.status == "unsure", said


def test_open_and_not_yet_due_is_unsure(ask_db):
    """Bug fix (rule R7): "số hồ sơ đang xử lý đúng hạn", "số hồ sơ còn trong hạn" ask the open records not yet due,
    which no measure counts; those returned on time had been counted. Unsure. "đúng hạn" of those returned, and "còn"
    before another clause's measure, keep their answers."""
    ask = asker(ask_db)
    for said in ("số hồ sơ đang xử lý đúng hạn", "số hồ sơ còn trong hạn", "số hồ sơ vẫn còn trong hạn xử lý"):
        assert ask(said).status == "unsure", said
    assert ask("số hồ sơ đúng hạn quý 3").keys == ["dung_han"]
    both = ask("tháng 10 giải quyết đúng hạn bao nhiêu, còn trễ hạn bao nhiêu")
    assert both.status == "ok" and both.keys == ["dung_han", "tre_han"]


@pytest.mark.parametrize("on", [True, False])
def test_session22_a_cohort_after_within(ask_db, monkeypatch, on):
    """understand.SESSION22_WITHIN_COHORT: "trong số hồ sơ tiếp nhận tháng 10, bao nhiêu hồ sơ đã giải quyết xong",
    "trong các hồ sơ nhận tháng 10, có bao nhiêu bị trễ hạn" ask a cohort (received AND resolved / late): unsure; off,
    each event's own count. "trong số hồ sơ đã giải quyết tháng 10, bao nhiêu trễ hạn" is a subset either way."""
    monkeypatch.setattr(understand, "SESSION22_WITHIN_COHORT", on)
    ask = asker(ask_db)
    for said in ("trong số hồ sơ tiếp nhận tháng 10, bao nhiêu hồ sơ đã giải quyết xong",
                 "trong các hồ sơ nhận tháng 10, có bao nhiêu hồ sơ bị trễ hạn"):
        assert (ask(said).status == "unsure") is on, said
    subset = ask("trong số hồ sơ đã giải quyết tháng 10, bao nhiêu trễ hạn")
    assert subset.status == "ok" and subset.keys == ["da_giai_quyet", "tre_han"]


@pytest.mark.parametrize("on", [True, False])
def test_session22_a_share_of_another_total(ask_db, monkeypatch, on):
    """rate_base.SESSION22_OTHER_TOTAL: "tỷ lệ trễ hạn trên tổng số hồ sơ tiếp nhận" (the late share of those received;
    the measure's is of those resolved), "tỷ lệ đúng hạn tính trên số hồ sơ nhận": unsure; off, the measure's own
    share."""
    monkeypatch.setattr(rate_base, "SESSION22_OTHER_TOTAL", on)
    ask = asker(ask_db)
    for said, key in (("tỷ lệ hồ sơ trễ hạn trên tổng số hồ sơ tiếp nhận quý 3", "ty_le_tre_han"),
                      ("tỷ lệ đúng hạn tính trên số hồ sơ nhận quý 3", "ty_le_dung_han")):
        got = ask(said)
        assert (got.status == "unsure") is on, said
        assert on or got.keys == [key], said


@pytest.mark.parametrize("on", [True, False])
def test_session22_since_a_period(ask_db, monkeypatch, on):
    """question_periods.SESSION22_SINCE_PERIOD: "số hồ sơ nhận từ tháng 10", "từ quý 3", "từ thứ 2 tuần này" are
    from the start of that period up to today, as "từ 15/10" is; off, the period alone. "khai tử", "trật tự" (folded
    "tu") and a span with its end are not read so."""
    monkeypatch.setattr(question_periods, "SESSION22_SINCE_PERIOD", on)
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ nhận từ tháng 10", "số hồ sơ nhận từ 01/10 đến nay"),
                        ("tỷ lệ đúng hạn từ quý 3", "tỷ lệ đúng hạn từ 01/07 đến nay")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    for said, plain in (("hồ sơ khai tử hôm qua bao nhiêu", "số hồ sơ khai tử hôm qua"),
                        ("so phan anh an ninh trat tu quy 3", "số phản ánh an ninh trật tự quý 3")):
        want = ask(plain)
        assert want.status == "ok" and same(ask(said), want), said
    span = ask("số hồ sơ nhận từ tháng 7 đến tháng 9")
    assert span.status == "ok" and span.intent is not None and span.intent.period is not None
    assert span.intent.period.end.isoformat() == "2026-09-30"
