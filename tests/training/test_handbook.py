"""The printable handbook (issue 21): every lesson and exercise on one print-friendly page, one
day per printed page, with the browser tests' screenshots when present, and a PDF made offline by
the Debian Chromium whose text holds every day's lessons."""

from __future__ import annotations

import argparse
import base64
import unicodedata
from pathlib import Path

import pypdf
import pytest

from appliance.training import handbook
from appliance.training.cli import cmd_handbook
from appliance.training.lessons import LESSONS
from tests.conftest import LiveServer, login, make_settings


def _squeezed(text: str) -> str:
    """NFC without whitespace: a PDF's text layer breaks lines (and pypdf spaces out composed
    Vietnamese glyphs), the words and their order stay."""
    return "".join(unicodedata.normalize("NFC", text).split())


def test_the_handbook_page_holds_every_lesson_one_day_per_printed_page(server: LiveServer, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPLIANCE_ARTEFACTS", str(tmp_path / "none"))  # no screenshots on this unit
    with server.client() as anonymous:
        assert anonymous.get("/huong-dan/so-tay").status_code in (303, 401)
    with server.client() as staff:
        login(staff, "lanhdao", "lanhdao-demo")
        page = staff.get("/huong-dan/so-tay")
        assert page.status_code == 200
        assert "/huong-dan/so-tay" in staff.get("/huong-dan").text  # linked from Hướng dẫn
    html = page.text
    for lesson in LESSONS:
        assert f"{lesson.day}: {lesson.title}" in html
        for exercise in lesson.exercises:
            assert exercise.title in html and exercise.task in html
            for question in exercise.questions:
                assert question.text in html and question.why in html
    days = {lesson.day for lesson in LESSONS}
    assert html.count('<section class="day"') == len(days) + 1  # the introduction, then one per day
    assert "break-before: page" in html and "@media print" in html
    assert "<img" not in html  # complete without screenshots


def test_screenshots_present_are_shown_with_their_lesson_and_no_other_file_is_read(tmp_path: Path) -> None:
    shots = tmp_path / "training"
    shots.mkdir()
    picture = b"\x89PNG\r\n\x1a\nnot-really-a-picture-but-bytes"
    (shots / "ngay3-soan-thao.png").write_bytes(picture)
    (shots / "bi-mat.png").write_bytes(b"\x89PNG other")  # not a handbook screenshot
    html = handbook.render_html("Phường Thử", shots)
    uri = "data:image/png;base64," + base64.b64encode(picture).decode("ascii")
    assert html.count("<img") == 1 and uri in html
    drafting = html.index('id="bai-3"')
    assert drafting < html.index(uri) < html.index('id="bai-4"')  # in the drafting lesson
    assert "Phường Thử" in html


@pytest.mark.skipif(not handbook.CHROMIUM.exists(), reason="needs the Debian Chromium")
def test_the_pdf_is_made_offline_and_holds_each_days_lessons(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    out = tmp_path / "so-tay.pdf"
    args = argparse.Namespace(out=str(out), html=str(tmp_path / "so-tay.html"), screenshots=str(tmp_path / "none"),
                              chromium=str(handbook.CHROMIUM))
    assert cmd_handbook(args, settings) == 0
    assert out.read_bytes().startswith(b"%PDF")
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) >= len({lesson.day for lesson in LESSONS}) + 2  # cover, introduction, a page a day
    text = _squeezed("\n".join(page.extract_text() for page in reader.pages))
    for lesson in LESSONS:
        assert _squeezed(f"{lesson.day}: {lesson.title}") in text, lesson.title
        for exercise in lesson.exercises:
            assert _squeezed(exercise.title) in text, exercise.title


def test_a_missing_chromium_is_said_in_vietnamese(tmp_path: Path) -> None:
    args = argparse.Namespace(out=str(tmp_path / "so-tay.pdf"), html="", screenshots="",
                              chromium=str(tmp_path / "no-chromium"))
    assert cmd_handbook(args, make_settings(tmp_path / "data")) == 1
    assert not (tmp_path / "so-tay.pdf").exists()
