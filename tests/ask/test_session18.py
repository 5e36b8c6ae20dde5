"""Session 18 of the leaders' question box: each SESSION18 flag on and off with my own wording (never a set's
sentence) and cases where it must not fire."""
from __future__ import annotations

import datetime as dt

import pytest

from appliance.ask import indicators, phrasings, readings, tokens, understand
from appliance.text import periods
from tests.ask.answering import asker, same


@pytest.mark.parametrize("on", [True, False])
def test_session18_a_polite_request_opening(ask_db, monkeypatch, on):
    """phrasings.SESSION18_REQUEST_OPENING: "(Kính) đề nghị (anh) cho biết / thống kê / cung cấp …" opening a clause
    asks nothing itself; off, "đề", "nghị" (and "cung cấp") were unknown. "Đề nghị" as a thing stays unknown."""
    monkeypatch.setattr(phrasings, "SESSION18_REQUEST_OPENING", on)
    ask = asker(ask_db)
    for said, plain in (("Kính đề nghị cho biết số hồ sơ trễ hạn trong tháng 9", "số hồ sơ trễ hạn trong tháng 9"),
                        ("Đề nghị thống kê số phản ánh tiếp nhận quý 3 theo lĩnh vực",
                         "số phản ánh tiếp nhận quý 3 theo lĩnh vực"),
                        ("Đề nghị cung cấp danh sách hồ sơ bị từ chối tháng 10",
                         "danh sách hồ sơ bị từ chối tháng 10")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    for said in ("số đề nghị của người dân tháng 10 là bao nhiêu", "tháng 10 trả lời bao nhiêu đề nghị của công dân"):
        assert ask(said).status != "ok", said


@pytest.mark.parametrize("on", [True, False])
def test_session18_telex_keys_left_in_words(ask_db, monkeypatch, on):
    """tokens.SESSION18_TELEX: Telex keys left in a word typed on a phone ("nhaanj" nhận, "tyr leej" tỷ lệ, "quys"
    quý) spell the known word; off, the words were unknown (unsure). A word that spells no known word stays unknown,
    and a known word is never touched."""
    monkeypatch.setattr(tokens, "SESSION18_TELEX", on)
    ask = asker(ask_db)
    for said, plain in (("thangs trước nhaanj bao nhieeu hồ sơ", "tháng trước nhận bao nhiêu hồ sơ"),
                        ("tyr leej trực tuyến quys 3", "tỷ lệ trực tuyến quý 3")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert ask("tháng trước nhận bao nhiêu hồ sơ status").status == "unsure"
    assert tokens.telex("so", {"so", "sos"}) == "so" and tokens.telex("statuss", {"so"}) == "statuss"


@pytest.mark.parametrize("on", [True, False])
def test_session18_the_ranking_verb_before_a_group(ask_db, monkeypatch, on):
    """understand.SESSION18_RANK_VERB: "xếp hạng / sắp xếp (các) <group> theo <measure>" ranks that group, highest
    first; "xếp hạng" with no group read is unsure. Off, "xếp hạng" was filler and the group word dropped (one total
    for the whole ward, a confident wrong)."""
    monkeypatch.setattr(understand, "SESSION18_RANK_VERB", on)
    ask = asker(ask_db)
    for said, plain in (("xếp hạng lĩnh vực theo số hồ sơ trễ hạn tháng 9", "số hồ sơ trễ hạn tháng 9 theo lĩnh vực"),
                        ("xếp hạng các cán bộ theo tỷ lệ đúng hạn quý 3", "tỷ lệ đúng hạn quý 3 theo cán bộ")):
        want = ask(plain)
        assert want.status == "ok" and want.intent is not None and want.intent.group, plain
        got = ask(said)
        assert (got.status == "ok" and got.intent is not None and got.intent.group == want.intent.group
                and got.rows[0] == sorted(want.rows, key=lambda r: -r[1])[0]) is on, said
    assert (ask("xếp hạng quý 3 hồ sơ tiếp nhận").status == "unsure") is on
    assert ask("số hồ sơ tiếp nhận quý 3 theo cán bộ").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session18_each_official(ask_db, monkeypatch, on):
    """readings.SESSION18_OFFICIALS: "từng / mỗi / các công chức (được giao xử lý)", "công chức nào …" are the officers
    handling the records, one figure each; off, "công chức" was the staff count no view holds (not in the data, a
    confident wrong). "bao nhiêu công chức" keeps "not in the data"."""
    monkeypatch.setattr(readings, "SESSION18_OFFICIALS", on)
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ trả kết quả quý 3 của từng công chức được giao xử lý",
                         "số hồ sơ trả kết quả quý 3 theo cán bộ"),
                        ("công chức nào nhận nhiều hồ sơ nhất tháng 9", "cán bộ nào nhận nhiều hồ sơ nhất tháng 9")):
        want = ask(plain)
        assert want.status == "ok" and want.intent is not None and want.intent.group == "can_bo_xu_ly", plain
        got = ask(said)
        assert (got.status == "ok" and got.rows == want.rows) is on, said
    assert ask("phường có bao nhiêu công chức").status == "no_data"
    assert ask("số công chức của phường năm nay").status == "no_data"


def test_feedback_done_said_with_other_statuses_keeps_them(ask_db):
    """Bug fix (rule R7): "đã xử lý" said with other statuses ("số phản ánh đã xử lý và đang xử lý") kept only "đã xử
    lý" (the measure set the status over the others named): one figure each now. "đã xử lý" alone keeps its figure."""
    ask = asker(ask_db)
    both = ask("số phản ánh đã xử lý và đang xử lý quý 3")
    assert both.status == "ok" and both.intent is not None
    assert both.intent.filters.get("trang_thai") == ["da_xu_ly", "dang_xu_ly"] and len(both.rows) == 2
    done = ask("số phản ánh đã xử lý quý 3")
    assert done.intent is not None and done.intent.filters.get("trang_thai") == "da_xu_ly" and len(done.rows) == 1


@pytest.mark.parametrize("on", [True, False])
def test_session18_each_kind_named(ask_db, monkeypatch, on):
    """understand.SESSION18_EACH_KIND: after several values of one kind, "mỗi / từng loại" is each of them; off, for
    feedback "loại" was the category (a ranking of categories). "mỗi loại" with nothing listed keeps the category."""
    monkeypatch.setattr(understand, "SESSION18_EACH_KIND", on)
    ask = asker(ask_db)
    got = ask("phản ánh quý 3 đang xử lý, từ chối mỗi loại bao nhiêu")
    assert (got.status == "ok" and got.intent is not None and got.intent.group == "trang_thai") is on
    channels = ask("hồ sơ nộp trực tiếp, bưu chính tháng 9 từng loại bao nhiêu")  # records had no "loại": as before
    assert channels.status == "ok" and channels.intent is not None and channels.intent.group == "hinh_thuc_nop"
    plain = ask("phản ánh tháng 9 mỗi loại bao nhiêu")
    assert plain.intent is not None and plain.intent.group == "linh_vuc"


@pytest.mark.parametrize("on", [True, False])
def test_session18_cumulative_before_a_span(ask_db, monkeypatch, on):
    """periods.SESSION18_CUMULATIVE_SPAN: "lũy kế từ đầu năm đến hết tháng 8", "lũy kế từ tháng 6 đến nay" are the
    span said; off, "lũy kế" was a second period (the year to date) nested with it, or "lũy" unknown: unsure.
    "lũy kế" alone keeps the year to date."""
    monkeypatch.setattr(periods, "SESSION18_CUMULATIVE_SPAN", on)
    ask = asker(ask_db)
    for said, plain in (("lũy kế từ đầu năm đến hết tháng 8 giải quyết bao nhiêu hồ sơ",
                         "từ đầu năm đến hết tháng 8 giải quyết bao nhiêu hồ sơ"),
                        ("số phản ánh lũy kế từ tháng 6 đến nay", "số phản ánh từ tháng 6 đến nay")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert same(ask("số hồ sơ trễ hạn lũy kế"), ask("số hồ sơ trễ hạn từ đầu năm đến nay"))


@pytest.mark.parametrize("on", [True, False])
def test_session18_start_of_a_year_said_with_it(ask_db, monkeypatch, on):
    """periods.SESSION18_YEAR_START_SAID: "từ đầu năm 2026 đến nay / đến hết tháng 8" is this year to date / its first
    eight months; off, the year was unknown (unsure). A year not yet come, or an earlier one with no end, is unread."""
    monkeypatch.setattr(periods, "SESSION18_YEAR_START_SAID", on)
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ trả kết quả từ đầu năm 2026 đến nay", "số hồ sơ trả kết quả từ đầu năm đến nay"),
                        ("từ đầu năm 2026 đến hết tháng 8 nhận bao nhiêu hồ sơ",
                         "từ đầu năm đến hết tháng 8 nhận bao nhiêu hồ sơ")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert ask("số hồ sơ tiếp nhận từ đầu năm 2027 đến nay").status != "ok"
    assert all(p.start.year != 2025 for _, _, p in periods.find_periods("từ đầu năm 2025", dt.date(2026, 11, 20)))


@pytest.mark.parametrize("on", [True, False])
def test_session18_a_head_count_of_a_rate_indicator(demo_settings, monkeypatch, on):
    """indicators.SESSION18_COUNT_OF_PEOPLE: "còn bao nhiêu người chưa có thẻ BHYT", "số người chưa tham gia bảo hiểm y
    tế" ask a head count no row holds (only the rate): not in the data, offering the rate; off, "chưa", "còn", "có
    thẻ" were unknown (unsure). The rate itself keeps its figure."""
    monkeypatch.setattr(indicators, "SESSION18_COUNT_OF_PEOPLE", on)
    ask = asker(demo_settings.db_path)  # the demo ward reports the BHYT rate
    for said in ("còn bao nhiêu người chưa có thẻ bảo hiểm y tế", "bao nhiêu người dân hiện còn chưa có thẻ BHYT"):
        got = ask(said)
        assert (got.status == "no_data" and not got.rows) is on, said
    assert ask("tỷ lệ người dân tham gia BHYT tháng này").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session18_short_forms_of_terse_notes(ask_db, monkeypatch, on):
    """tokens.SESSION18_SHORT_FORMS: "xd" xây dựng, "bq" bình quân, "gp" giấy phép, whole words; off, unknown
    (unsure). Inside a word ("xdx") they are untouched."""
    monkeypatch.setattr(tokens, "SESSION18_SHORT_FORMS", on)
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ lĩnh vực xd trễ hạn quý 3", "số hồ sơ lĩnh vực xây dựng trễ hạn quý 3"),
                        ("tg gq bq quý 3", "thời gian giải quyết bình quân quý 3")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert tokens.expand(["xdx"]) == ["xdx"]


@pytest.mark.parametrize("on", [True, False])
def test_session18_the_postal_service_named_in_full(ask_db, monkeypatch, on):
    """readings.SESSION18_POSTAL_SERVICE: "(qua) dịch vụ bưu chính (công ích)" is the postal channel; off, "dịch vụ"
    (and "công ích") were unknown (unsure). "dịch vụ công" stays the online channel."""
    monkeypatch.setattr(readings, "SESSION18_POSTAL_SERVICE", on)
    ask = asker(ask_db)
    want = ask("số hồ sơ nộp bưu chính quý 3")
    assert want.status == "ok"
    for said in ("số hồ sơ nộp qua dịch vụ bưu chính quý 3", "số hồ sơ gửi qua dịch vụ bưu chính công ích quý 3"):
        assert same(ask(said), want) is on, said
    online = ask("số hồ sơ nộp qua dịch vụ công quý 3")
    assert online.status == "ok" and online.keys == ["truc_tuyen"]
