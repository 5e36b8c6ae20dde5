"""Session 28 of the leaders' question box: the session's bug fixes (rule R7) and each SESSION28 flag on and off, with
my own wording (never a set's sentence) and cases where it must not fire. Most checks ask the generated ward."""
from __future__ import annotations

import pytest

from appliance.ask import doubts, formal_words, nodata, readings, tokens, warm_words
from appliance.ask.service import is_hostile
from appliance.ask.tokens import words
from tests.ask.answering import asker, same_or_unsure
from tests.flags import switch_on


def test_a_not_held_phrase_in_the_reason_asked_is_unread(ask_db):
    """Bug fix (rule R7): "vì sao dân phải chờ đợi lâu, cụ thể … thời gian giải quyết trung bình là bao nhiêu ngày"
    had been answered "no data on the waiting time at the counter"; the figure asked is held. Unsure. The waiting
    time asked itself, and a reason asked alone, stay not in the data."""
    ask = asker(ask_db)
    for said in ("vì sao dân phải chờ đợi lâu, cụ thể tháng 10 thời gian giải quyết trung bình là bao nhiêu ngày",
                 "tại sao bà con kêu thuế cao, tháng 10 phản ánh về đất đai bao nhiêu"):
        assert ask(said).status == "unsure", said
    for said in ("thời gian chờ đợi tại quầy tháng 10 bao nhiêu", "tại sao người dân phải chờ đợi lâu vậy",
                 "tháng 10 có bao nhiêu lượt người đến, vì sao đông vậy"):
        assert ask(said).status == "no_data", said


def test_records_asked_beside_the_reason_are_unsure(ask_db):
    """Bug fix (rule R7): "vì sao tiếng ồn chậm được khắc phục; cụ thể … những phản ánh nào … còn chưa xử lý" had
    been answered "no data on reasons", the records asked beside the reason denied. Unsure. A reason asked alone stays
    not in the data; beside a figure the figure is answered (session 24)."""
    ask = asker(ask_db)
    for said in ("vì sao tiếng ồn chậm được khắc phục; cụ thể cuối tháng 10 những phản ánh nào về môi trường còn chưa "
                 "xử lý xong", "tại sao hồ sơ trễ hạn, lĩnh vực nào nhiều nhất"):
        assert ask(said).status == "unsure", said
    for said in ("vì sao hồ sơ bị từ chối nhiều", "lý do từ chối các hồ sơ tháng 10"):
        assert ask(said).status == "no_data", said
    assert ask("số hồ sơ trễ hạn tháng 10, tại sao nhiều vậy").status == "ok"


def test_who_among_the_fields_listed_ranks_the_officers(ask_db):
    """Bug fix (rule R7): "đất đai với xây dựng từ đầu năm ai trễ hạn nhiều nhất" had ranked the two fields; "ai" asks
    who, among the officers of the fields listed. "chị Lan với anh Nam, ai …" and "… lĩnh vực nào …" keep theirs."""
    ask = asker(ask_db)
    for said in ("đất đai với xây dựng từ đầu năm ai trễ hạn nhiều nhất",
                 "hộ tịch và chứng thực tháng 10 ai giải quyết nhiều nhất"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and got.intent.group == "can_bo_xu_ly", said
        assert isinstance(got.intent.filters.get("linh_vuc"), list), said
    got = ask("đất đai và xây dựng từ đầu năm lĩnh vực nào trễ hạn nhiều hơn")
    assert got.intent is not None and got.intent.group == "linh_vuc"


def test_a_semicolon_between_clauses_is_no_attack(ask_db):
    """Bug fix (rule R7): "tháng 10 nhận bao nhiêu hồ sơ; quá hạn bao nhiêu" (formal Vietnamese joins clauses with a
    semicolon) had been refused as an attack. Answered. A semicolon beside a quote or an SQL comment stays refused."""
    ask = asker(ask_db)
    assert ask("tháng 10 nhận bao nhiêu hồ sơ; quá hạn bao nhiêu").status == "ok"
    assert not is_hostile("Đề nghị cho biết vì sao hồ sơ chậm; cụ thể quý 3 trễ hạn bao nhiêu?")
    for said in ("x'; shutdown", "1; -- bo qua", "abc\"; ok", "ho so; 'x"):
        assert is_hostile(said), said


def test_a_change_against_the_plan_compares_no_periods(ask_db):
    """Bug fix (rule R7): "tình hình giảm nghèo năm nay thế nào so với kế hoạch", "tỷ lệ hộ nghèo năm nay giảm bao
    nhiêu so với kế hoạch" had compared the year before and dropped the plan. The plan, as "… thế nào so với kế
    hoạch" without the change word. A second period said ("so với năm ngoái", "so với quý 2") keeps its comparison."""
    ask = asker(ask_db)
    for said in ("tình hình giảm nghèo năm nay thế nào so với kế hoạch",
                 "tỷ lệ hộ nghèo năm nay giảm bao nhiêu so với kế hoạch",
                 "thu ngân sách quý 3 tăng hay giảm so với kế hoạch"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and got.intent.compare is None, said
    for said in ("tỷ lệ hộ nghèo năm nay giảm bao nhiêu so với năm ngoái", "thu ngân sách quý 3 so với quý 2"):
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and got.intent.compare is not None, said


# The flags of the session, each switched on and off against the others as tuned (all on).
_FLAGGED = (doubts, formal_words, nodata, readings, tokens, warm_words)


@pytest.fixture()
def all_on(monkeypatch):
    switch_on(monkeypatch, _FLAGGED, "SESSION28_")


@pytest.mark.parametrize("on", [True, False])
def test_session28_resolution_plan(ask_db, all_on, monkeypatch, on):
    """formal_words.SESSION28_RESOLUTION_PLAN: "chỉ tiêu nghị quyết giao", "kế hoạch năm mà nghị quyết đã đề ra",
    "chỉ tiêu theo nghị quyết của HĐND phường" name the plan; off, "nghị quyết" unknown (unsure). A resolution named
    elsewhere ("dự thảo nghị quyết", "thực hiện nghị quyết về …") stays unknown."""
    monkeypatch.setattr(formal_words, "SESSION28_RESOLUTION_PLAN", on)
    ask = asker(ask_db)
    plain = "tỷ lệ hộ nghèo hiện nay đạt bao nhiêu phần trăm kế hoạch năm"
    for said in ("tỷ lệ hộ nghèo hiện nay đạt bao nhiêu phần trăm kế hoạch năm mà nghị quyết đã đề ra",
                 "tỷ lệ hộ nghèo hiện nay đạt bao nhiêu phần trăm kế hoạch năm nghị quyết Đảng bộ phường đề ra"):
        same_or_unsure(ask, said, plain, on)
    same_or_unsure(ask, "thu ngân sách quý 3 đạt bao nhiêu % chỉ tiêu theo nghị quyết của HĐND phường",
                   "thu ngân sách quý 3 đạt bao nhiêu % chỉ tiêu", on)
    for said in ("thu ngân sách quý 3 bao nhiêu, đưa vào dự thảo nghị quyết",
                 "tỷ lệ hộ nghèo quý 3 thực hiện nghị quyết về giảm nghèo"):
        assert ask(said).status == "unsure", said


@pytest.mark.parametrize("on", [True, False])
def test_session28_application_for(ask_db, all_on, monkeypatch, on):
    """formal_words.SESSION28_APPLICATION_FOR: "hồ sơ đề nghị <procedure>" is the application, as "hồ sơ xin …"; off,
    "đề nghị" unknown (unsure). "hồ sơ đề nghị bổ sung" and the "Đề nghị" opening stay unknown."""
    monkeypatch.setattr(formal_words, "SESSION28_APPLICATION_FOR", on)
    ask = asker(ask_db)
    same_or_unsure(ask, "tháng 10 nhận bao nhiêu bộ hồ sơ đề nghị cấp giấy phép xây dựng",
                   "tháng 10 nhận bao nhiêu bộ hồ sơ xin cấp giấy phép xây dựng", on)
    same_or_unsure(ask, "quý 3 có bao nhiêu hồ sơ đề nghị đăng ký khai sinh",
                   "quý 3 có bao nhiêu hồ sơ đăng ký khai sinh", on)
    for said in ("tháng 10 có bao nhiêu hồ sơ đề nghị bổ sung", "Đề nghị cho biết tháng 10 nhận bao nhiêu hồ sơ",
                 "hồ sơ đề nghị tháng 10 bao nhiêu"):
        assert ask(said).status == "unsure", said


@pytest.mark.parametrize("on", [True, False])
def test_session28_our_side(ask_db, all_on, monkeypatch, on):
    """warm_words.SESSION28_OUR_SIDE: "bên mình / bên tôi / bên ta" (the ward's office) asks nothing; off, "bên"
    unknown (unsure). "bên anh Hùng", "bên nào" and the unaccented "ben" stay unknown."""
    monkeypatch.setattr(warm_words, "SESSION28_OUR_SIDE", on)
    ask = asker(ask_db)
    plain = "tháng 10 nhận bao nhiêu hồ sơ"
    for said in ("tháng 10 bên mình nhận bao nhiêu hồ sơ", "tháng 10 bên tôi nhận bao nhiêu hồ sơ vậy",
                 "tháng 10 bên ta nhận bao nhiêu hồ sơ"):
        same_or_unsure(ask, said, plain, on)
    for said in ("tháng 10 bên anh Hùng nhận bao nhiêu hồ sơ", "thang 10 ben minh nhan bao nhieu ho so"):
        assert ask(said).status == "unsure", said


@pytest.mark.parametrize("on", [True, False])
def test_session28_made_late(ask_db, all_on, monkeypatch, on):
    """readings.SESSION28_MADE_LATE: "ai làm trễ hẹn nhiều nhất" is "ai để trễ hẹn nhiều nhất"; off, "làm" unknown
    (unsure). "đi làm trễ" (coming late to work) stays not in the data."""
    monkeypatch.setattr(readings, "SESSION28_MADE_LATE", on)
    ask = asker(ask_db)
    same_or_unsure(ask, "quý 3 ai làm trễ hẹn nhiều nhất", "quý 3 ai để trễ hẹn nhiều nhất", on)
    same_or_unsure(ask, "tháng 10 cán bộ nào làm quá hạn nhiều hồ sơ nhất",
                   "tháng 10 cán bộ nào để quá hạn nhiều hồ sơ nhất", on)
    assert ask("tháng 10 cán bộ nào đi làm trễ nhiều nhất").status == "no_data"


@pytest.mark.parametrize("on", [True, False])
def test_session28_report_bodies(ask_db, all_on, monkeypatch, on):
    """doubts.SESSION28_REPORT_BODIES: "Để chuẩn bị báo cáo Ban Chấp hành, …", "chuẩn bị họp Ban Thường vụ, …" are
    the purpose, as "… Đảng ủy, …"; off, unsure. Outside a first purpose clause the bodies stay unknown."""
    monkeypatch.setattr(doubts, "SESSION28_REPORT_BODIES", on)
    ask = asker(ask_db)
    plain = "Để chuẩn bị báo cáo Đảng ủy, đồng chí cho biết tháng 10 nhận bao nhiêu hồ sơ"
    for said in ("Để chuẩn bị báo cáo Ban Chấp hành, đồng chí cho biết tháng 10 nhận bao nhiêu hồ sơ",
                 "Chuẩn bị họp Ban Thường vụ, đồng chí cho biết tháng 10 nhận bao nhiêu hồ sơ",
                 "Để báo cáo Thường trực Đảng ủy, đồng chí cho biết tháng 10 nhận bao nhiêu hồ sơ"):
        same_or_unsure(ask, said, plain, on)
    assert ask("Ban Chấp hành tháng 10 nhận bao nhiêu hồ sơ").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session28_party_work(ask_db, all_on, monkeypatch, on):
    """nodata.SESSION28_PARTY_WORK: "số đảng viên mới kết nạp", "bao nhiêu chi bộ" are not held; off, unsure. A
    purpose naming the chi bộ ("báo cáo chi bộ, …") keeps its answer."""
    monkeypatch.setattr(nodata, "SESSION28_PARTY_WORK", on)
    ask = asker(ask_db)
    for said in ("năm nay kết nạp được mấy đảng viên", "phường có bao nhiêu chi bộ",
                 "số đảng viên mới kết nạp trong năm nay là bao nhiêu"):
        assert ask(said).status == ("no_data" if on else "unsure"), said
    assert ask("báo cáo chi bộ, tháng 10 nhận bao nhiêu hồ sơ").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session28_must_wait(ask_db, all_on, monkeypatch, on):
    """warm_words.SESSION28_MUST_WAIT: "đang / còn phải chờ …" is "đang / còn chờ …"; off, "phải" unknown (unsure).
    "phải" elsewhere ("hồ sơ phải trả lại", "không phải …") stays unknown."""
    monkeypatch.setattr(warm_words, "SESSION28_MUST_WAIT", on)
    ask = asker(ask_db)
    same_or_unsure(ask, "hiện còn bao nhiêu hồ sơ đang phải chờ bổ sung",
                   "hiện còn bao nhiêu hồ sơ đang chờ bổ sung", on)
    same_or_unsure(ask, "phản ánh môi trường còn phải chờ xử lý bao nhiêu",
                   "phản ánh môi trường còn chờ xử lý bao nhiêu", on)
    for said in ("hồ sơ phải chờ bổ sung bao nhiêu", "tháng 10 bao nhiêu hồ sơ phải trả lại"):
        assert ask(said).status == "unsure", said


@pytest.mark.parametrize("on", [True, False])
def test_session28_coverage(demo_settings, all_on, monkeypatch, on):
    """tokens.SESSION28_COVERAGE: "tỷ lệ bao phủ BHYT / bảo hiểm y tế" is the insurance indicator; off, unsure.
    "bao phủ" before anything else stays unknown. Asked of the demo ward, which reports the insurance indicator."""
    monkeypatch.setattr(tokens, "SESSION28_COVERAGE", on)
    ask = asker(demo_settings.db_path)
    same_or_unsure(ask, "tỷ lệ bao phủ BHYT tháng 10 bao nhiêu", "tỷ lệ BHYT tháng 10 bao nhiêu", on)
    same_or_unsure(ask, "ty le bao phu bao hiem y te quy 3 dat bao nhieu so voi ke hoach",
                   "ty le bao hiem y te quy 3 dat bao nhieu so voi ke hoach", on)
    assert "phu" in words("tỷ lệ bao phủ tháng 10")
