"""A list of two measures (session 15; unconditional since session 18), with my own wording (never a set's sentence) and
cases where it must not fire. Session 15's other guards, off by rule R1, were retired in session 18."""
from __future__ import annotations

from tests.ask.answering import asker


def test_a_list_is_of_one_measure(ask_db):
    """a list of two measures lists the narrower where one implies the other
    (overdue feedback is open), and is unsure otherwise; before, the first measure read was listed."""
    ask = asker(ask_db)
    overdue = ask("liệt kê những phản ánh quá hạn vẫn chưa xử lý xong")
    assert overdue.status == "ok" and "ma_phan_anh" in overdue.keys
    assert "quá hạn" in overdue.answer
    for said in ("liệt kê các hồ sơ bị từ chối và trễ hạn trong quý 3", "danh sách hồ sơ nhận và hồ sơ trả kết quả "
                 "tuần trước"):
        got = ask(said)
        assert got.status == "unsure", said
    # one measure listed, or two measures as figures, are answered as before
    for said in ("danh sách phản ánh quá hạn hiện nay", "liệt kê hồ sơ trễ hạn tháng 9",
                 "danh sách hồ sơ trực tuyến trễ hạn tháng 9", "tháng 9 nhận bao nhiêu hồ sơ, trễ hạn bao nhiêu"):
        assert ask(said).status == "ok", said


