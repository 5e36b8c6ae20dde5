"""Session 25's forms (docs/meetings.md, "Session 25"), each in new words written for this file (not the training
meetings' sentences), with its setting switched off and on, and where it must not fire."""

from __future__ import annotations

import pytest

from appliance.tasks import runon
from tests.flags import switch_on
from tests.tasks.transcripts import tasks_said

_FLAGGED = (runon,)
_A = "Nguyễn Văn An: Bắt đầu.\n"


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    switch_on(monkeypatch, _FLAGGED, "SESSION25_")
    return monkeypatch


# --- runon.SESSION25_RIGHT_TAG: "đúng không" closes a tag question in a run, as "phải không" does ---

_TAGGED = ("à còn cái hồ sơ đất ở ngõ mười hai đợt trước ấy vẫn là anh nam đúng không chưa xong thì anh nam kiểm tra "
           "lại hiện trạng trả lời bà con trước thứ sáu")


def test_a_tag_question_closes_its_clause(ward, on) -> None:
    assert "đúng không? chưa xong" in runon.punctuate(_TAGGED)
    assert tasks_said(_A + "Nguyễn Văn An: " + _TAGGED, ward) == [("Hoàng Văn Nam", "2026-12-04")]
    on.setattr(runon, "SESSION25_RIGHT_TAG", False)
    assert "?" not in runon.punctuate(_TAGGED)


@pytest.mark.parametrize("said", [
    # "không đúng" and "đúng không sai" go on with the same thought: no cut there
    "hồ sơ này nộp không đúng không phải lỗi của một cửa mà bà con khai sai mẫu tờ khai nên anh nam hướng dẫn lại "
    "cho bà con ngay trong tuần này",
    "cái sổ này ghi đúng không sai chỗ nào cả anh nam chỉ cần ký xác nhận rồi gửi lên quận trong tuần này là được",
])
def test_no_cut_where_the_thought_goes_on(on, said: str) -> None:
    assert "đúng không?" not in runon.punctuate(said)
