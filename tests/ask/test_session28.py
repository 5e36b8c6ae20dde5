"""Session 28 of the leaders' question box: the session's bug fixes (rule R7) and each SESSION28 flag on and off, with
my own wording (never a set's sentence) and cases where it must not fire. Most checks ask the generated ward."""
from __future__ import annotations

from appliance.ask.service import is_hostile
from tests.ask.answering import asker


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


def test_a_semicolon_between_clauses_is_no_attack(ask_db):
    """Bug fix (rule R7): "tháng 10 nhận bao nhiêu hồ sơ; quá hạn bao nhiêu" (formal Vietnamese joins clauses with a
    semicolon) had been refused as an attack. Answered. A semicolon beside a quote or an SQL comment stays refused."""
    ask = asker(ask_db)
    assert ask("tháng 10 nhận bao nhiêu hồ sơ; quá hạn bao nhiêu").status == "ok"
    assert not is_hostile("Đề nghị cho biết vì sao hồ sơ chậm; cụ thể quý 3 trễ hạn bao nhiêu?")
    for said in ("x'; shutdown", "1; -- bo qua", "abc\"; ok", "ho so; 'x"):
        assert is_hostile(said), said
