"""Session 18's readings of the leaders' question box, plain behaviour since session 20 (rule R8: their flags were on),
with my own wording (never a set's sentence) and cases where they must not fire."""
from __future__ import annotations

from appliance.ask import tokens
from tests.ask.answering import asker, same


def test_the_ranking_verb_before_a_group_ranks_it(ask_db):
    """"xếp hạng / sắp xếp (các) <group> theo <measure>" ranks that group, highest first; "xếp hạng" with no group read
    is unsure (it had been filler and the group word dropped: one total for the whole ward, a confident wrong)."""
    ask = asker(ask_db)
    for said, plain in (("xếp hạng lĩnh vực theo số hồ sơ trễ hạn tháng 9", "số hồ sơ trễ hạn tháng 9 theo lĩnh vực"),
                        ("xếp hạng các cán bộ theo tỷ lệ đúng hạn quý 3", "tỷ lệ đúng hạn quý 3 theo cán bộ")):
        want = ask(plain)
        assert want.status == "ok" and want.intent is not None and want.intent.group, plain
        got = ask(said)
        assert got.status == "ok" and got.intent is not None and got.intent.group == want.intent.group, said
        assert got.rows[0] == sorted(want.rows, key=lambda r: -r[1])[0], said
    assert ask("xếp hạng quý 3 hồ sơ tiếp nhận").status == "unsure"
    assert ask("số hồ sơ tiếp nhận quý 3 theo cán bộ").status == "ok"


def test_each_official_is_the_officers_handling_records(ask_db):
    """"từng / mỗi / các công chức (được giao xử lý)", "công chức nào …" are the officers handling the records, one
    figure each ("công chức" had been the staff count no view holds: not in the data, a confident wrong). "bao nhiêu
    công chức" keeps "not in the data"."""
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ trả kết quả quý 3 của từng công chức được giao xử lý",
                         "số hồ sơ trả kết quả quý 3 theo cán bộ"),
                        ("công chức nào nhận nhiều hồ sơ nhất tháng 9", "cán bộ nào nhận nhiều hồ sơ nhất tháng 9")):
        want = ask(plain)
        assert want.status == "ok" and want.intent is not None and want.intent.group == "can_bo_xu_ly", plain
        got = ask(said)
        assert got.status == "ok" and got.rows == want.rows, said
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


def test_each_kind_after_several_values_is_each_of_them(ask_db):
    """After several values of one kind, "mỗi / từng loại" is each of them (for feedback "loại" had been the category:
    a ranking of categories). "mỗi loại" with nothing listed keeps the category."""
    ask = asker(ask_db)
    got = ask("phản ánh quý 3 đang xử lý, từ chối mỗi loại bao nhiêu")
    assert got.status == "ok" and got.intent is not None and got.intent.group == "trang_thai"
    channels = ask("hồ sơ nộp trực tiếp, bưu chính tháng 9 từng loại bao nhiêu")
    assert channels.status == "ok" and channels.intent is not None and channels.intent.group == "hinh_thuc_nop"
    plain = ask("phản ánh tháng 9 mỗi loại bao nhiêu")
    assert plain.intent is not None and plain.intent.group == "linh_vuc"


def test_short_forms_of_terse_notes(ask_db):
    """"xd" xây dựng, "bq" bình quân, "gp" giấy phép, whole words (they had been unknown: unsure). Inside a word
    ("xdx") they are untouched."""
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ lĩnh vực xd trễ hạn quý 3", "số hồ sơ lĩnh vực xây dựng trễ hạn quý 3"),
                        ("tg gq bq quý 3", "thời gian giải quyết bình quân quý 3")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want), said
    assert tokens.expand(["xdx"]) == ["xdx"]
