"""Session 18 of the leaders' question box: each SESSION18 flag on and off with my own wording (never a set's
sentence) and cases where it must not fire."""
from __future__ import annotations

import pytest

from appliance.ask import phrasings
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
