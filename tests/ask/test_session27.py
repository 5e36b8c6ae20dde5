"""Session 27 of the leaders' question box: the session's bug fixes (rule R7) and each SESSION27 flag on and off, with
my own wording (never a set's sentence) and cases where it must not fire. Most checks read the words alone; a few ask
the generated ward."""
from __future__ import annotations

from appliance.ask.spoken_dates import spelled_numbers
from tests.ask.answering import asker


def test_citizens_after_a_month_word_are_not_march():
    """Bug fix (rule R7): "mỗi tháng bà con gửi …" had been read as "tháng ba" (March). "bà con" typed with its
    accents keeps "tháng" unread there; "tháng ba" typed so (and unaccented text) keeps March."""
    said = "moi thang ba con gui bao nhieu phan anh".split()
    assert spelled_numbers(said, "mỗi tháng bà con gửi bao nhiêu phản ánh") == said
    assert "3" in spelled_numbers("thang ba nhan bao nhieu ho so".split(), "tháng ba nhận bao nhiêu hồ sơ")
    assert "3" in spelled_numbers("thang ba con bao nhieu ho so".split(), "tháng ba còn bao nhiêu hồ sơ")
    assert "3" in spelled_numbers("thang ba con bao nhieu".split(), "thang ba con bao nhieu")


def test_dashed_short_months_and_trend_are_unsure(ask_db):
    """Bug fixes (rule R7): "thg5-thg10", "thg 9 - thg 10" (the chat short form after the dash) had compared the two
    months; "trend …" had been repaired into the filler "trên" and the period's total given. Both unsure. "t9-t10"
    was unsure already; "từ thg5 đến thg10" and "thg 9 vs thg 10" keep their answers."""
    ask = asker(ask_db)
    for said in ("phan anh thg5-thg10", "ho so tiep nhan thg 9 - thg 10", "trend phan anh tu thg5 den thg10",
                 "trend ho so tiep nhan thang 10"):
        assert ask(said).status == "unsure", said
    for said in ("phan anh tu thg5 den thg10 theo thang", "ho so tiep nhan thg 9 vs thg 10"):
        assert ask(said).status == "ok", said
