"""Session 17 of the leaders' question box: each flag switched on and off with my own wording (never a set's sentence)
and cases where it must not fire; bug fixes (rule R7) as plain tests that failed before the fix."""
from __future__ import annotations

import pytest

from appliance.ask import (
    cohort_status,
    departments,
    entities,
    indicators,
    list_phrasings,
    phrasings,
    readings,
    report_words,
    sqlbuild_ends,
    tokens,
    understand,
)
from tests.ask.answering import asker, same
from tests.flags import switch_on

_FLAGGED = (cohort_status, departments, entities, indicators, list_phrasings, phrasings, readings, report_words,
            sqlbuild_ends, tokens, understand)


@pytest.fixture(autouse=True)
def _session17_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test reads a setting against all of session 17's on (as tuned); a test that wants one off switches it."""
    switch_on(monkeypatch, _FLAGGED, "SESSION17_")


@pytest.mark.parametrize("on", [True, False])
def test_session17_feedback_by_the_department_that_handles_it(ask_db, monkeypatch, on):
    """departments.SESSION17_DEPARTMENTS: a department of the routing table named is its feedback: one of several
    categories filters on the department, one of a single category is that category. Off, its words were unknown."""
    monkeypatch.setattr(departments, "SESSION17_DEPARTMENTS", on)
    ask = asker(ask_db)
    several = ask("số phản ánh giao Phòng Kinh tế, Hạ tầng và Đô thị tháng 10")
    assert (several.status == "ok") is on
    if on:
        assert several.intent is not None and several.intent.filters == {
            "don_vi_xu_ly": "Phòng Kinh tế, Hạ tầng và Đô thị"}
        assert same(ask("phản ánh thuộc phạm vi phòng kinh tế xử lý tháng 10 bao nhiêu"), several)
    social = ask("tháng 10 có bao nhiêu phản ánh giao phòng văn hóa - xã hội")
    assert (social.status == "ok") is on
    if on:
        assert same(social, ask("tháng 10 có bao nhiêu phản ánh chính sách xã hội"))
    two = ask("tháng trước phản ánh giao công an với phản ánh môi trường, loại nào nhiều hơn")
    assert (two.status == "ok") is on
    if on:
        assert two.intent is not None and sorted(two.intent.filters["ma_linh_vuc"]) == ["an_ninh_trat_tu",
                                                                                          "moi_truong"]


def test_session17_what_no_department_reading_answers(ask_db, monkeypatch):
    """With the flag on: a department of several categories with a category, or two such departments, is unsure (a
    condition on both would count none); "văn phòng" alone and "phòng" as a grouping name no department; records have
    none."""
    monkeypatch.setattr(departments, "SESSION17_DEPARTMENTS", True)
    ask = asker(ask_db)
    assert ask("phản ánh đất đai giao phòng kinh tế tháng này").status == "unsure"
    assert ask("phản ánh giao phòng kinh tế so với phòng văn hóa tháng 10").status == "unsure"
    assert ask("số phản ánh gửi văn phòng tháng 10").status == "unsure"
    by_department = ask("phản ánh tháng 10 theo phòng")
    assert by_department.status == "ok" and by_department.intent is not None
    assert by_department.intent.group == "don_vi_xu_ly" and not by_department.intent.filters
    assert ask("số hồ sơ công an phường tháng 10").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_where_a_period_s_records_stand_now(ask_db, monkeypatch, on):
    """cohort_status.SESSION17_COHORT_STATUS: "… giờ trạng thái ra sao / thế nào", "… xử lý tới đâu rồi" is the
    breakdown by current status, as "theo trạng thái" is. Off, "trạng thái" was unknown, or "xử lý" the measure."""
    monkeypatch.setattr(cohort_status, "SESSION17_COHORT_STATUS", on)
    ask = asker(ask_db)
    for said, plain in (("hồ sơ nhận tháng 9 bây giờ trạng thái thế nào", "hồ sơ nhận tháng 9 theo trạng thái"),
                        ("phản ánh gửi tuần trước trạng thái ra sao", "phản ánh gửi tuần trước theo trạng thái"),
                        ("phản ánh tháng 10 đã xử lý đến đâu rồi", "phản ánh tháng 10 theo trạng thái"),
                        ("hồ sơ hộ tịch nhận tháng này giải quyết tới đâu", "hồ sơ hộ tịch nhận tháng này theo trạng "
                                                                             "thái")):
        assert same(ask(said), ask(plain)) is on, said


def test_session17_what_no_status_question_is(ask_db, monkeypatch):
    """With the flag on: a status named ("trạng thái đang xử lý") is a filter, and "trạng thái" with nothing after it
    is no question of how things stand."""
    monkeypatch.setattr(cohort_status, "SESSION17_COHORT_STATUS", True)
    ask = asker(ask_db)
    got = ask("bao nhiêu hồ sơ trạng thái đang xử lý")
    assert got.status == "ok" and got.intent is not None and got.intent.group is None
    assert ask("hồ sơ tháng 10 trạng thái").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_a_comma_inside_a_name(ask_db, monkeypatch, on):
    """entities.SESSION17_COMMA_IN_NAME: a procedure's name typed with its commas ("nhận cha, mẹ, con") is read whole;
    off, the match stopped at the first comma and the rest of the name was unknown."""
    monkeypatch.setattr(entities, "SESSION17_COMMA_IN_NAME", on)
    ask = asker(ask_db)
    got = ask("tháng 10 nhận bao nhiêu hồ sơ đăng ký nhận cha, mẹ, con")
    assert (got.status == "ok") is on
    if on:
        assert same(got, ask("tháng 10 nhận bao nhiêu hồ sơ đăng ký nhận cha mẹ con"))
    two = ask("số hồ sơ chứng thực, hộ tịch tháng 10")  # two names a comma apart stay two names
    assert two.status == "ok" and two.intent is not None and sorted(two.intent.filters["linh_vuc"]) == [
        "Chứng thực", "Hộ tịch"]


@pytest.mark.parametrize("on", [True, False])
def test_session17_any_of_them_in_a_list(ask_db, monkeypatch, on):
    """list_phrasings.SESSION17_ANY_IN_LIST: with a list asked, the "nào" of "có <records> … nào … không" asks whether
    there are any; off, it was unknown when a name stood between."""
    monkeypatch.setattr(list_phrasings, "SESSION17_ANY_IN_LIST", on)
    ask = asker(ask_db)
    for said, plain in (("quý 3 có hồ sơ xây dựng nào bị từ chối không, liệt kê giúp anh",
                         "danh sách hồ sơ xây dựng bị từ chối quý 3"),
                        ("tháng 10 có hồ sơ của chị Mai nào trễ hạn không, là những hồ sơ nào",
                         "danh sách hồ sơ của chị Mai trễ hạn tháng 10")):
        assert same(ask(said), ask(plain)) is on, said


def test_session17_what_no_any_of_them_is(ask_db, monkeypatch):
    """With the flag on: the "có … nào … không" with "bao nhiêu" asks how many; a "nào" outside such a clause ("lĩnh vực
    nào …, danh sách") is not read by it."""
    monkeypatch.setattr(list_phrasings, "SESSION17_ANY_IN_LIST", True)
    ask = asker(ask_db)
    got = ask("tuần trước có hồ sơ đất đai nào trễ hạn không, bao nhiêu bộ")
    assert got.status == "ok" and got.intent is not None and not got.intent.listing
    assert ask("danh sách hồ sơ tháng 10, cái nào khó").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_which_ones_closing_the_question(ask_db, monkeypatch, on):
    """list_phrasings.SESSION17_WHICH_ONES: "… là cái nào", "… là những bộ nào" ask for the records, even after "mấy";
    off, "nào" was unknown (or the count was given)."""
    monkeypatch.setattr(list_phrasings, "SESSION17_WHICH_ONES", on)
    ask = asker(ask_db)
    for said, plain in (("mấy phản ánh quá hạn hiện nay là cái nào", "danh sách phản ánh quá hạn hiện nay"),
                        ("mấy hồ sơ trễ hạn tuần trước là bộ nào", "danh sách hồ sơ trễ hạn tuần trước")):
        assert same(ask(said), ask(plain)) is on, said
    compared = ask("tháng này với tháng trước cái nào nhận nhiều hồ sơ hơn")  # no "là": a comparison
    assert compared.intent is None or not compared.intent.listing


def test_now_against_one_past_period_is_not_that_period_against_the_one_before(ask_db, monkeypatch):
    """Bug fix (rule R7): "<figure> hiện nay so với quý 2" asks now against Q2; Q2 against Q1 had been answered, "hiện
    nay" dropped. For records, and for an indicator that adds up, "now" is not said as a period: unsure. A period
    running today ("bây giờ so với tháng trước"), a count at a day and "từ đầu năm đến nay" keep their answers."""
    monkeypatch.setattr(indicators, "SESSION17_LEVEL_NOW", False)
    ask = asker(ask_db)
    for said in ("tỷ lệ đúng hạn hiện nay so với quý 2", "số hồ sơ tiếp nhận bây giờ so với tháng 9 thế nào",
                 "thu ngân sách hiện nay so với tháng 3", "tỷ lệ hộ nghèo hiện nay so với tháng 2"):
        got = ask(said)
        assert got.status == "unsure" and not got.rows, said
    running = ask("tỷ lệ đúng hạn bây giờ so với tháng trước")
    assert running.status == "ok" and running.intent is not None and running.intent.period is not None
    assert running.intent.period.start.month == 11
    assert ask("hồ sơ tồn hiện nay so với cuối tháng 9").status == "ok"
    assert ask("thu ngân sách từ đầu năm đến nay").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session17_a_level_indicator_now_and_at_the_start_of_the_year(ask_db, monkeypatch, on):
    """indicators.SESSION17_LEVEL_NOW: a rate indicator "hiện nay so với tháng 2" is this month's level against
    February's; off, unsure. An indicator that adds up, and "so với đầu năm", stay unsure."""
    monkeypatch.setattr(indicators, "SESSION17_LEVEL_NOW", on)
    ask = asker(ask_db)
    now = ask("tỷ lệ hộ nghèo hiện nay so với tháng 2")
    assert (now.status == "ok") is on
    if on:
        assert same(now, ask("tỷ lệ hộ nghèo tháng này so với tháng 2"))
    assert ask("tỷ lệ hộ nghèo bây giờ so với hồi đầu năm có giảm không").status == "unsure"  # which month: unsaid
    assert ask("thu ngân sách hiện nay so với tháng 2").status == "unsure"
    assert ask("tỷ lệ hộ nghèo từ đầu năm đến nay").status == "ok"  # "từ đầu năm": the span, not January


def test_a_feedback_category_named_is_no_grouping(ask_db):
    """Bug fix (rule R7): "top 5 phản ánh lĩnh vực môi trường": "lĩnh vực" before the category named it; it had been
    read as a grouping too, and the one category "ranked". A grouping said with no category keeps its reading."""
    ask = asker(ask_db)
    got = ask("số phản ánh lĩnh vực môi trường tháng 10 xếp cao nhất")
    assert got.intent is None or got.intent.group is None
    grouped = ask("phản ánh tháng 10 theo lĩnh vực")
    assert grouped.status == "ok" and grouped.intent is not None and grouped.intent.group == "linh_vuc"


def test_a_top_of_nothing_ranked_is_unsure(ask_db):
    """Bug fix (rule R7): "top 3 hồ sơ đất đai" ranks nothing said (no group, no list of the newest): one total had
    been given, "top 3" dropped. A top of a group keeps its answer."""
    ask = asker(ask_db)
    for said in ("top 3 hồ sơ lĩnh vực đất đai tháng 10", "top 5 phản ánh môi trường tháng này"):
        got = ask(said)
        assert got.status == "unsure" and not got.rows, said
    top = ask("top 3 lĩnh vực nhận nhiều hồ sơ nhất tháng 10")
    assert top.status == "ok" and top.intent is not None and top.intent.group == "linh_vuc"


def test_a_given_name_after_of_is_never_a_closing_particle(ask_db, monkeypatch):
    """Bug fix (rule R7): "… của a thang" (chat's "anh Thắng") at the end of a question had been passed over as a
    closing particle, and the whole ward's records given: the box asks which officer."""
    monkeypatch.setattr(tokens, "SESSION17_OF_TITLE", False)
    got = asker(ask_db)("danh sach ho so qua han thang 10 cua a thang")
    assert got.status == "unsure" and not got.rows


@pytest.mark.parametrize("on", [True, False])
def test_session17_chat_title_after_of(ask_db, monkeypatch, on):
    """tokens.SESSION17_OF_TITLE: "của a <given name>", "của c <given name>" typed in lower case is "anh", "chị"; off,
    the box asks back or leaves "c" unknown. "a" elsewhere stays the particle "ạ"."""
    monkeypatch.setattr(tokens, "SESSION17_OF_TITLE", on)
    ask = asker(ask_db)
    for said, plain in (("so ho so nhan thang 10 cua c mai", "so ho so nhan thang 10 cua chi Mai"),
                        ("ds ho so tre han thang 10 cua a huy", "ds ho so tre han thang 10 cua anh Huy")):
        assert same(ask(said), ask(plain)) is on, said
    assert ask("tháng 10 nhận bao nhiêu hồ sơ a").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session17_top_before_the_newest_few(ask_db, monkeypatch, on):
    """list_phrasings.SESSION17_TOP_NEWEST: "top 5 PAKN mới nhất" is the five newest, as "5 PAKN mới nhất" is; off,
    unsure (a top of nothing ranked)."""
    monkeypatch.setattr(list_phrasings, "SESSION17_TOP_NEWEST", on)
    ask = asker(ask_db)
    for said, plain in (("top 5 phản ánh môi trường mới nhất", "5 phản ánh môi trường mới nhất"),
                        ("top 3 hồ sơ đất đai mới nhất tháng 10", "3 hồ sơ đất đai mới nhất tháng 10")):
        assert same(ask(said), ask(plain)) is on, said


def test_the_number_of_a_period_is_no_top(ask_db):
    """Bug fix (rule R7): "tỷ lệ trễ hạn q3 lĩnh vực đất đai": the "3" of "quý 3" before "lĩnh vực" had been read as a
    top 3 too. A top said ("3 lĩnh vực … nhiều nhất") keeps its reading."""
    ask = asker(ask_db)
    got = ask("tỷ lệ trễ hạn quý 3 lĩnh vực đất đai")
    assert got.status == "ok" and got.intent is not None and got.intent.limit is None
    top = ask("3 lĩnh vực trễ hạn nhiều nhất quý 3")
    assert top.status == "ok" and top.intent is not None and top.intent.limit == 3


@pytest.mark.parametrize("on", [True, False])
def test_session17_english_of_reports(ask_db, monkeypatch, on):
    """tokens.SESSION17_ENGLISH: "group by", "by week", "ytd", "count", "rate" typed among Vietnamese; off, unknown.
    "by" before anything but a grouping or a unit of time stays unknown."""
    monkeypatch.setattr(tokens, "SESSION17_ENGLISH", on)
    ask = asker(ask_db)
    for said, plain in (("hồ sơ tiếp nhận tháng 10 group by lĩnh vực", "hồ sơ tiếp nhận tháng 10 theo lĩnh vực"),
                        ("hs nhận by month năm nay", "hs nhận theo tháng năm nay"),
                        ("số hồ sơ từ chối ytd", "số hồ sơ từ chối từ đầu năm đến nay"),
                        ("tỷ lệ đúng hạn tháng 10 lĩnh vực hộ tịch", "rate đúng hạn tháng 10 lĩnh vực hộ tịch"),
                        ("hs quá hạn hiện nay count", "số lượng hs quá hạn hiện nay")):
        assert same(ask(said), ask(plain)) is on, said
    assert ask("hồ sơ tháng 10 by chị Lan").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_request_opening_again(ask_db, monkeypatch, on):
    """phrasings.SESSION17_REQUEST_OPENING: session 16's reading of "Đề nghị …" opening a request, measured anew."""
    monkeypatch.setattr(phrasings, "SESSION16_REQUEST_OPENING", False)
    monkeypatch.setattr(phrasings, "SESSION17_REQUEST_OPENING", on)
    ask = asker(ask_db)
    for said, plain in (("Đề nghị tổng hợp số hồ sơ từ chối tháng 9", "số hồ sơ từ chối tháng 9"),
                        ("Đề nghị báo cáo tỷ lệ đúng hạn quý 2", "tỷ lệ đúng hạn quý 2")):
        assert same(ask(said), ask(plain)) is on, said
    assert ask("số đề nghị của dân tháng 10 là bao nhiêu").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_papers_to_complete(ask_db, monkeypatch, on):
    """understand.SESSION17_PAPERS: "chờ dân bổ sung giấy tờ / tài liệu" is the status Chờ bổ sung; off, "giấy", "tờ"
    were unknown. "giấy tờ" alone names nothing."""
    monkeypatch.setattr(understand, "SESSION17_PAPERS", on)
    ask = asker(ask_db)
    for said, plain in (("bao nhiêu hồ sơ đang chờ người dân bổ sung giấy tờ", "bao nhiêu hồ sơ đang chờ bổ sung"),
                        ("hồ sơ đất đai chờ bổ sung tài liệu hiện có mấy bộ", "hồ sơ đất đai chờ bổ sung hiện có mấy "
                                                                              "bộ")):
        assert same(ask(said), ask(plain)) is on, said
    assert ask("bao nhiêu hồ sơ giấy tờ tháng 10").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_northern_initials(ask_db, monkeypatch, on):
    """tokens.SESSION17_NORTHERN_INITIALS: l / n and ch / tr exchanged ("đầu lăm", "nĩnh vực", "chễ hạn") are repaired
    into a phrase with the next or previous word; off, unknown. "an ninh" and a capitalised name keep their words."""
    monkeypatch.setattr(tokens, "SESSION17_NORTHERN_INITIALS", on)
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ nhận từ đầu lăm đến nay", "số hồ sơ nhận từ đầu năm đến nay"),
                        ("số hồ sơ nĩnh vực hộ tịch tháng 10", "số hồ sơ lĩnh vực hộ tịch tháng 10"),
                        ("bao nhiêu hồ sơ chễ hạn tháng 9", "bao nhiêu hồ sơ trễ hạn tháng 9")):
        assert same(ask(said), ask(plain)) is on, said
    police = ask("số phản ánh an ninh trật tự tháng 10")
    assert police.status == "ok" and police.intent is not None
    assert police.intent.filters.get("ma_linh_vuc") == "an_ninh_trat_tu"
    officer = ask("anh Nam nhận bao nhiêu hồ sơ tháng 10")
    assert officer.status == "ok" and officer.intent is not None
    assert officer.intent.filters.get("can_bo_xu_ly") == "Hoàng Văn Nam"


def test_session17_the_remit_of_a_department(ask_db, monkeypatch):
    """departments.SESSION17_DEPARTMENTS: "thuộc thẩm quyền (xử lý) của <department>" names it too."""
    monkeypatch.setattr(departments, "SESSION17_DEPARTMENTS", True)
    ask = asker(ask_db)
    assert same(ask("số phản ánh thuộc thẩm quyền xử lý của Phòng Kinh tế, Hạ tầng và Đô thị tháng 10"),
                ask("số phản ánh giao Phòng Kinh tế, Hạ tầng và Đô thị tháng 10"))


def test_now_after_thang_is_no_july(ask_db):
    """Bug fix (rule R7): "anh Thắng bây giờ …" folds to "thang bay gio": "bây giờ" (now) had been read as "tháng bảy"
    (July), the officer's name taken for the month. "tháng bảy" keeps July."""
    ask = asker(ask_db)
    got = ask("anh Thắng bây giờ còn tồn bao nhiêu hồ sơ")
    assert got.status == "ok" and got.intent is not None
    assert got.intent.filters.get("can_bo_xu_ly") == "Ngô Đức Thắng" and got.intent.period is None
    july = ask("tháng bảy nhận bao nhiêu hồ sơ")
    assert july.status == "ok" and july.intent is not None and july.intent.period is not None
    assert july.intent.period.start.month == 7


@pytest.mark.parametrize("on", [True, False])
def test_session17_session16_readings_measured_anew(ask_db, monkeypatch, on):
    """tokens.SESSION17_SOUTHERN ("giùm", "bữa nay"), phrasings.SESSION17_LIST_RA ("liệt kê ra"),
    readings.SESSION17_RATE_POINTS ("… bao nhiêu điểm phần trăm"): session 16's readings, measured anew; "mấy bữa nay"
    stays vague."""
    monkeypatch.setattr(tokens, "SESSION16_SOUTHERN", False)
    monkeypatch.setattr(phrasings, "SESSION16_LIST_RA", False)
    monkeypatch.setattr(readings, "SESSION16_RATE_POINTS", False)
    monkeypatch.setattr(tokens, "SESSION17_SOUTHERN", on)
    monkeypatch.setattr(phrasings, "SESSION17_LIST_RA", on)
    monkeypatch.setattr(readings, "SESSION17_RATE_POINTS", on)
    ask = asker(ask_db)
    for said, plain in (("bữa nay nhận được mấy bộ hồ sơ", "hôm nay nhận được mấy bộ hồ sơ"),
                        ("tổng hợp giùm chị số hồ sơ trễ hạn tháng 9", "tổng hợp giúp chị số hồ sơ trễ hạn tháng 9"),
                        ("liệt kê ra các hồ sơ từ chối tuần trước", "liệt kê các hồ sơ từ chối tuần trước"),
                        ("tỷ lệ trễ hạn quý 3 so với quý 2 tăng mấy điểm phần trăm",
                         "tỷ lệ trễ hạn quý 3 so với quý 2")):
        assert same(ask(said), ask(plain)) is on, said
    assert ask("mấy bữa nay trả được bao nhiêu hồ sơ").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_cut_off_of_a_report(ask_db, monkeypatch, on):
    """report_words.SESSION17_CUT_OFF: "chốt (số liệu) (đến) <a day or a period's end>" is the figure at that day; off,
    "chốt" was unknown. "chốt" before anything else stays unknown."""
    monkeypatch.setattr(report_words, "SESSION17_CUT_OFF", on)
    ask = asker(ask_db)
    for said, plain in (("chốt cuối quý 3 còn bao nhiêu hồ sơ tồn", "cuối quý 3 còn bao nhiêu hồ sơ tồn"),
                        ("số liệu chốt đến 31/10 có bao nhiêu hồ sơ quá hạn", "đến 31/10 có bao nhiêu hồ sơ quá hạn")):
        assert same(ask(said), ask(plain)) is on, said
    assert ask("chốt danh sách hồ sơ tháng 10").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session17_a_change_said_the_spoken_way(ask_db, monkeypatch, on):
    """report_words.SESSION17_CHANGE_SAID: "tăng lên hay giảm đi", "có nhích lên không" compare, as "tăng hay giảm";
    off, "đi", "nhích" were unknown."""
    monkeypatch.setattr(report_words, "SESSION17_CHANGE_SAID", on)
    ask = asker(ask_db)
    for said, plain in (("hồ sơ trễ hạn tháng 10 so với tháng 9 tăng lên hay giảm đi", "hồ sơ trễ hạn tháng 10 so với "
                                                                                         "tháng 9 tăng hay giảm"),
                        ("tỷ lệ đúng hạn quý 3 so với quý 2 có nhích lên không", "tỷ lệ đúng hạn quý 3 so với quý 2")):
        assert same(ask(said), ask(plain)) is on, said


@pytest.mark.parametrize("on", [True, False])
def test_session17_a_classifier_in_the_newest_few(ask_db, monkeypatch, on):
    """list_phrasings.SESSION17_TOP_NEWEST also reads "5 cái phản ánh … mới nhất" (a classifier after the number)."""
    monkeypatch.setattr(list_phrasings, "SESSION17_TOP_NEWEST", on)
    ask = asker(ask_db)
    assert same(ask("5 cái phản ánh môi trường mới nhất"), ask("5 phản ánh môi trường mới nhất")) is on


@pytest.mark.parametrize("on", [True, False])
def test_session17_a_count_at_the_end_of_each_quarter(ask_db, monkeypatch, on):
    """sqlbuild_ends.SESSION17_ASOF_BY_END: "hồ sơ tồn cuối mỗi quý năm nay" is the count open at each quarter's last
    day (the running one at today), each equal to the count asked at that day; off, unsure. By month stays unsure."""
    monkeypatch.setattr(sqlbuild_ends, "SESSION17_ASOF_BY_END", on)
    ask = asker(ask_db)
    got = ask("hồ sơ tồn cuối mỗi quý năm nay là bao nhiêu")
    assert (got.status == "ok") is on
    if on:
        assert [row[0] for row in got.rows] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
        for (_, value), day in zip(got.rows, ("31/03/2026", "30/06/2026", "30/09/2026", "20/11/2026"), strict=True):
            assert ask(f"hồ sơ tồn tính đến ngày {day}").rows == [[value]], day
    assert ask("hồ sơ tồn cuối mỗi tháng năm nay").status == "unsure"
