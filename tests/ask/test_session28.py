"""Session 28 of the leaders' question box: the session's bug fixes (rule R7) and each SESSION28 flag on and off, with
my own wording (never a set's sentence) and cases where it must not fire. Most checks ask the generated ward."""
from __future__ import annotations

import pytest

from appliance.ask import nodata
from appliance.ask.service import is_hostile
from appliance.ask.tokens import words
from tests.ask.answering import asker
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


# The flags R1 switched off in session 28, deleted in session 29 (rule R8): their wordings as the box reads them now.


def test_retired_session28_wordings_stay_unsure(ask_db):
    """Session 28's RESOLUTION_PLAN, APPLICATION_FOR, OUR_SIDE, MADE_LATE, REPORT_BODIES and MUST_WAIT (off by rule R1,
    deleted in session 29): "nghị quyết" after a plan, "hồ sơ đề nghị <procedure>", "bên mình", "làm trễ hẹn", "Ban
    Chấp hành" in a purpose clause and "đang phải chờ" stay unknown (unsure); "đi làm trễ" stays not in the data."""
    ask = asker(ask_db)
    for said in ("tỷ lệ hộ nghèo hiện nay đạt bao nhiêu phần trăm kế hoạch năm mà nghị quyết đã đề ra",
                 "thu ngân sách quý 3 đạt bao nhiêu % chỉ tiêu theo nghị quyết của HĐND phường",
                 "thu ngân sách quý 3 bao nhiêu, đưa vào dự thảo nghị quyết",
                 "tháng 10 nhận bao nhiêu bộ hồ sơ đề nghị cấp giấy phép xây dựng",
                 "tháng 10 có bao nhiêu hồ sơ đề nghị bổ sung", "Đề nghị cho biết tháng 10 nhận bao nhiêu hồ sơ",
                 "tháng 10 bên mình nhận bao nhiêu hồ sơ", "tháng 10 bên anh Hùng nhận bao nhiêu hồ sơ",
                 "quý 3 ai làm trễ hẹn nhiều nhất",
                 "Để chuẩn bị báo cáo Ban Chấp hành, đồng chí cho biết tháng 10 nhận bao nhiêu hồ sơ",
                 "Ban Chấp hành tháng 10 nhận bao nhiêu hồ sơ",
                 "hiện còn bao nhiêu hồ sơ đang phải chờ bổ sung", "tháng 10 bao nhiêu hồ sơ phải trả lại"):
        assert ask(said).status == "unsure", said
    assert ask("tháng 10 cán bộ nào đi làm trễ nhiều nhất").status == "no_data"


def test_coverage_words_stay_unread():
    """Session 28's COVERAGE (off by rule R1, deleted in session 29): "bao phủ" is read as it is."""
    assert "phu" in words("tỷ lệ bao phủ BHYT tháng 10")


# The session's flag kept on by rule R1 (plain behaviour next session), switched on and off.
_FLAGGED = (nodata,)


@pytest.fixture()
def all_on(monkeypatch):
    switch_on(monkeypatch, _FLAGGED, "SESSION28_")


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
