"""Session 19 of the leaders' question box: each SESSION19 flag on and off with my own wording (never a set's
sentence) and cases where it must not fire."""
from __future__ import annotations

import datetime as dt

import pytest

from appliance.ask import feedback_topics, readings, written_dates
from tests.ask.answering import asker, same


@pytest.mark.parametrize("on", [True, False])
def test_session19_dates_written_with_a_dash_or_a_dot(ask_db, monkeypatch, on):
    """written_dates.SESSION19_WRITTEN_DATES: "12-11", "12.11" are the day 12/11; "Q3.2026", "T9.2026", "quý 2.2026"
    the quarter or month of that year; off, their words were unknown (unsure). A count ("3-4 hồ sơ"), a share
    ("2.5%") and a day that does not exist ("31-9") are no day."""
    monkeypatch.setattr(written_dates, "SESSION19_WRITTEN_DATES", on)
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ tiếp nhận ngày 12-11", "số hồ sơ tiếp nhận ngày 12/11"),
                        ("trễ hạn 3.11 bao nhiêu hồ sơ", "trễ hạn 3/11 bao nhiêu hồ sơ"),
                        ("SL HS GIẢI QUYẾT Q2.2026", "số hồ sơ giải quyết quý 2 năm 2026"),
                        ("tỷ lệ đúng hạn T9.2026", "tỷ lệ đúng hạn tháng 9/2026"),
                        ("số phản ánh quý 2.2026", "số phản ánh quý 2 năm 2026")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert written_dates.rewrite("3-4 ho so") == "3-4 ho so"
    assert written_dates.rewrite("ty le 2.5%") == "ty le 2.5%"
    assert written_dates.rewrite("ngay 31-9") == "ngay 31-9"


@pytest.mark.parametrize("on", [True, False])
def test_session19_a_week_by_its_number(ask_db, monkeypatch, on):
    """written_dates.SESSION19_WRITTEN_DATES: "tuần 45" is ISO week 45 of this year (2–8/11/2026), the running week
    up to today; off, the number was unknown. A week not begun, "tuần 2 tháng 10" and "thứ 2 tuần 46" keep their
    readings."""
    monkeypatch.setattr(written_dates, "SESSION19_WRITTEN_DATES", on)
    ask = asker(ask_db)
    for said, plain in (("số hồ sơ nhận tuần 45", "số hồ sơ nhận từ 2/11/2026 đến 8/11/2026"),
                        ("SỐ HS TRỄ HẠN TUẦN 47", "số hồ sơ trễ hạn từ 16/11/2026 đến 20/11/2026")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    today = dt.date(2026, 11, 20)
    assert written_dates.numbered_weeks(["tuan", "49"], today) == ["tuan", "49"]
    assert written_dates.numbered_weeks(["tuan", "2", "thang", "10"], today)[:2] == ["tuan", "2"]
    assert written_dates.numbered_weeks(["thu", "2", "tuan", "46"], today)[:2] == ["thu", "2"]
    assert ask("số hồ sơ tiếp nhận thứ 2 tuần này").status == "ok"


@pytest.mark.parametrize("on", [True, False])
def test_session19_how_many_times(ask_db, monkeypatch, on):
    """readings.SESSION19_TIMES: "… gấp mấy lần …", "gấp bao nhiêu lần" compare the two figures and say the ratio;
    off, "gấp", "lần" were unknown. "hồ sơ gấp" (urgent) stays unknown."""
    monkeypatch.setattr(readings, "SESSION19_TIMES", on)
    ask = asker(ask_db)
    for said, plain in (("quý 3 nhận gấp mấy lần quý 2", "quý 3 nhận so với quý 2"),
                        ("trễ hạn tháng 10 gấp bao nhiêu lần tháng 8", "trễ hạn tháng 10 so với tháng 8")):
        want = ask(plain)
        assert want.status == "ok", plain
        got = ask(said)
        assert same(got, want) is on, said
        assert ("lần" in got.answer) is on
    assert ask("có bao nhiêu hồ sơ gấp quý 3").status == "unsure"


@pytest.mark.parametrize("on", [True, False])
def test_session19_feedback_asked_by_its_topic_alone(ask_db, monkeypatch, on):
    """feedback_topics.SESSION19_FEEDBACK_TOPICS: "mấy vụ trộm tháng 9", "vụ ngập quý 3 bao nhiêu" ask the feedback of
    that topic's category without "phản ánh"; off, read as records: unsure. A question naming records, or with no
    topic, keeps its reading."""
    monkeypatch.setattr(feedback_topics, "SESSION19_FEEDBACK_TOPICS", on)
    ask = asker(ask_db)
    for said, plain in (("mấy vụ trộm tháng 9", "số phản ánh trộm tháng 9"),
                        ("vụ ngập quý 3 bao nhiêu", "phản ánh ngập quý 3 bao nhiêu")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    assert ask("hồ sơ trộm tháng 9").status == "unsure"  # records said: no feedback reading
    assert ask("hồ sơ vụ rác tháng 9").status == "unsure"
    rubbish = ask("tỷ lệ thu gom rác tháng 9")  # an indicator's name: never the feedback reading
    assert rubbish.intent is None or rubbish.intent.domain != "phan_anh"


@pytest.mark.parametrize("on", [True, False])
def test_session19_two_cues_of_one_category(ask_db, monkeypatch, on):
    """feedback_topics.SESSION19_TOPIC_CUES: "karaoke ồn", "bụi, ồn" name one category in two cue words; off, a
    short one ("ồn") was unknown. A cue of another category stays a second category."""
    monkeypatch.setattr(feedback_topics, "SESSION19_TOPIC_CUES", on)
    ask = asker(ask_db)
    for said, plain in (("số phản ánh karaoke ồn tháng 9", "số phản ánh karaoke tháng 9"),
                        ("phản ánh bụi, ồn quý 3 bao nhiêu", "phản ánh bụi quý 3 bao nhiêu")):
        want = ask(plain)
        assert want.status == "ok", plain
        assert same(ask(said), want) is on, said
    both = ask("số phản ánh trộm cắp và đèn đường quý 3")
    assert both.intent is not None and isinstance(both.intent.filters.get("ma_linh_vuc"), list)
