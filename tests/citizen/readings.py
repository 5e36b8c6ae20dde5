"""The refit tests' shared checks (test_session11_refit.py, test_session13_refit.py): a question answered with its
procedure at the bar the chat acts on, and one that must not be answered as a procedure."""

from __future__ import annotations

from appliance.citizen.understanding import Understanding, thresholds


def assert_answered(reader: Understanding, text: str, code: str) -> None:
    reading = reader.read(text)
    assert reading.code == code, reading.ranked[:3]
    assert reading.confidence >= thresholds()["answer_procedure"], reading.ranked[:3]


def assert_not_answered(reader: Understanding, text: str) -> None:
    reading = reader.read(text)
    assert not (reading.code and reading.confidence >= thresholds()["answer_procedure"]), reading.ranked[:3]
