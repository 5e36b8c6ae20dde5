"""Session 12 mechanisms of the leaders' question box, each with new wording (never a training sentence) and cases
where it must not fire. The flags rule R1 kept on are unconditional since session 16, and those it switched off were
retired with their tests."""
from __future__ import annotations

from appliance.text import periods
from tests.ask.answering import asker, same
from tests.ask.data import TODAY


def test_session12_still_open_whatever_stands_between(ask_db):
    """Session 12: "đang còn / đang được / vẫn còn … giải quyết" are the open records; they had
    been read as those returned (a confident wrong). "còn giải quyết bao nhiêu" after a comma (and as for …) and
    "đang quá hạn" keep their reading."""
    ask = asker(ask_db)
    open_now = ask("hồ sơ đang giải quyết hiện nay bao nhiêu")
    assert open_now.intent is not None and open_now.intent.measures == ["chua_giai_quyet"]
    for said in ("hồ sơ đang được xử lý hiện nay bao nhiêu", "hiện nay hồ sơ vẫn còn giải quyết là bao nhiêu",
                 "hồ sơ vẫn đang trong quá trình giải quyết hiện có bao nhiêu"):
        got = ask(said)
        assert got.intent is not None
        assert got.intent.measures == ["chua_giai_quyet"] and same(got, open_now), said
    overdue = ask("hồ sơ đang quá hạn giải quyết hiện nay")
    assert overdue.intent is not None and overdue.intent.measures == ["qua_han"]
    both = ask("tháng 10 nhận bao nhiêu hồ sơ, còn giải quyết bao nhiêu")
    assert both.intent is not None and "chua_giai_quyet" not in both.intent.measures


def test_session12_half_a_month_and_since_morning(ask_db):
    """Session 12: "nửa đầu / nửa cuối tháng N" (01–15 / 16–end), "từ sáng tới giờ" (today),
    "kể từ khi <an event begun> (d/m) đến nay" and "<d/m> tới giờ" (from that day)."""
    ask = asker(ask_db)
    pairs = [("nửa đầu tháng 9 trả bao nhiêu hồ sơ", "từ 01/09/2026 đến 15/09/2026 trả bao nhiêu hồ sơ"),
             ("nua cuoi thang 9 tra bao nhieu ho so", "từ 16/09/2026 đến 30/09/2026 trả bao nhiêu hồ sơ"),
             ("từ sáng tới giờ nhận được mấy hồ sơ", "hôm nay nhận được mấy hồ sơ"),
             ("kể từ khi áp dụng phần mềm mới (15/8) đến nay nhận bao nhiêu hồ sơ",
              "từ 15/08/2026 đến nay nhận bao nhiêu hồ sơ")]
    for said, plain in pairs:
        assert same(ask(said), ask(plain)), said
    assert ask("nửa đầu năm nay trả bao nhiêu hồ sơ").status == "ok"  # the half year, as before
    assert ask("nửa đầu tháng 10 nhận bao nhiêu").status == "ok"
    assert ask("đầu tháng 11 trả bao nhiêu hồ sơ").status == "unsure"
    # words that are no event begun ("nhận hồ sơ đất đai": a measure and a field) are never swallowed as the event;
    # "<date> tới giờ" is from that date
    text = "tu hom nhan ho so dat dai 1/9/2026 toi gio"
    start, _, period = periods.find_periods(text, TODAY)[0]
    assert start == text.index("1/9") and period.start.isoformat() == "2026-09-01"
    assert period.end == TODAY


def test_session12_purpose_said_first(ask_db):
    """Session 12: a first clause "chuẩn bị <a meeting>," is an aside; one that asks a figure
    ("chuẩn bị trả bao nhiêu hồ sơ, …") is the question and stays unsure."""
    ask = asker(ask_db)
    plain = ask("em cho anh số hồ sơ trễ hạn tháng 10")
    assert same(ask("chuẩn bị giao ban sáng mai, em cho anh số hồ sơ trễ hạn tháng 10"), plain)
    assert ask("chuẩn bị trả kết quả bao nhiêu hồ sơ, em xem giúp").status == "unsure"
    assert same(ask("chiều nay anh họp giao ban, em cho anh số hồ sơ trễ hạn tháng 10"), plain)
    assert ask("số cuộc họp tháng này, em cho anh biết").status == "no_data"  # the clause asks: meetings


def test_session12_anyone_is_whether_not_who(ask_db):
    """Session 12: "có ai nộp … không, được mấy bộ" asks how many, not who (it had been ranked by
    officer, a confident wrong); "ai nhận nhiều nhất" still ranks officers."""
    ask = asker(ask_db)
    got = ask("tuần này có ai nộp hồ sơ qua bưu chính không, được mấy bộ")
    assert got.intent is not None and got.intent.group is None
    who = ask("tuần này ai tiếp nhận nhiều hồ sơ nhất")
    assert who.intent is not None and who.intent.group == "can_bo_xu_ly"


def test_session12_each_officer(ask_db):
    """Session 12: "mỗi đồng chí / từng người" is one figure per officer (the ward's total had
    been given, a confident wrong)."""
    ask = asker(ask_db)
    plain = ask("tháng 10 mỗi cán bộ giải quyết bao nhiêu hồ sơ")
    assert plain.intent is not None and plain.intent.group == "can_bo_xu_ly"
    for said in ("tháng 10 mỗi đồng chí giải quyết bao nhiêu hồ sơ", "tháng 10 từng người giải quyết bao nhiêu hồ sơ"):
        got = ask(said)
        assert got.intent is not None and got.intent.group == "can_bo_xu_ly", said


def test_waiting_on_the_citizen(ask_db):
    """Session 12: "chờ dân bổ sung" is the status Chờ bổ sung; its "bổ sung" had
    been read as a procedure's short name (a confident wrong)."""
    ask = asker(ask_db)
    plain = ask("hồ sơ chờ bổ sung hiện nay bao nhiêu")
    assert plain.intent is not None and plain.intent.filters.get("trang_thai") == "Chờ bổ sung"
    assert same(ask("hồ sơ đang chờ công dân bổ sung hiện nay bao nhiêu"), plain)
    got = ask("hồ sơ đang chờ người dân bổ sung hiện nay bao nhiêu")
    assert got.intent is not None and "ten_thu_tuc" not in got.intent.filters


def test_session12_more_or_less_is_a_comparison(ask_db):
    """Session 12: "hơn hay kém" is a comparison; "kèm" stays unknown."""
    ask = asker(ask_db)
    assert same(ask("hồ sơ trễ hạn quý 3 hơn hay kém quý 2"), ask("hồ sơ trễ hạn quý 3 so với quý 2"))
    assert ask("hồ sơ kèm theo tháng 10").status == "unsure"  # "kèm" is no comparison


def test_session12_status_as_the_dimension(ask_db):
    """Session 12: "theo trạng thái xử lý" groups by status; its "xử lý" had filtered to
    the resolved ones (a confident wrong). "trạng thái đang xử lý" is still that status."""
    ask = asker(ask_db)
    plain = ask("phản ánh tháng 10 theo trạng thái")
    assert plain.keys[0] == "trang_thai"
    got = ask("phản ánh tháng 10 theo trạng thái xử lý")
    assert same(got, plain)
    one = ask("phản ánh trạng thái đang xử lý tháng 10")
    assert one.intent is not None and one.intent.filters.get("trang_thai") == "dang_xu_ly" and one.intent.group is None


def test_session12_an_average_per_unit_is_no_breakdown(ask_db):
    """"trung bình mỗi tuần / mỗi người" asks an average the box does not compute: unsure, never the breakdown (a
    table of each week or officer is not the average asked)."""
    ask = asker(ask_db)
    for said in ("trung bình mỗi tuần nhận bao nhiêu hồ sơ năm nay", "trung bình mỗi người giải quyết bao nhiêu hồ sơ"
                 " tháng 10", "năm nay bình quân mỗi quý trả bao nhiêu hồ sơ"):
        assert ask(said).status == "unsure", said


def test_session12_short_titles_before_a_name(ask_db):
    """Session 12: "a Hùng", "c Lan" (a capital letter on the name) are "anh Hùng", "chị Lan"; a
    lone "a" is still the particle "ạ", and "c lan" in lower case stays unknown."""
    ask = asker(ask_db)
    plain = ask("chị Lan tháng 10 trả bao nhiêu hồ sơ")
    assert plain.intent is not None and plain.intent.filters.get("can_bo_xu_ly")
    assert same(ask("c Lan thang 10 tra bao nhieu hs"), plain)
    assert ask("c lan thang 10 tra bao nhieu hs").status == "unsure"
    assert ask("tháng 10 trả bao nhiêu hồ sơ a").status == "ok"
