"""The printable handbook (issue 21): every lesson and exercise of the course on one print-friendly
page, one day per printed page, with the screenshots the browser tests take when this unit has
them, and a PDF made from that page by the Debian Chromium, offline.

The page is one self-contained HTML document (inline CSS, screenshots as data: URIs), so the same
text is what the browser prints and what Chromium turns into the PDF. Screenshots are never in git:
`tests/training/test_training_browser.py` writes them under tmp/artefacts/training/; without them
the handbook is complete, only without pictures.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from appliance.config import REPO_ROOT
from appliance.http.rendering import env
from appliance.text.formatting import local_today
from appliance.training.lessons import LESSONS, Lesson

# Lesson number → the browser test's screenshots that show it (file stem, caption); 0 is the
# introduction. Only these names are ever read from the folder.
SCREENSHOTS: dict[int, tuple[tuple[str, str], ...]] = {
    0: (("huong-dan", "Trang Hướng dẫn trong chế độ đào tạo: dải báo và màu khác"),),
    1: (("ngay1-hoi-dap", "Hỏi đáp số liệu: câu hỏi về tỷ lệ đúng hạn và câu trả lời"),
        ("man-hinh", "Màn hình lớn trong chế độ đào tạo")),
    3: (("ngay3-soan-thao", "Soạn thảo: dự thảo giấy mời"),),
    4: (("ngay4-tra-cuu", "Tra cứu: tìm quy định về đăng ký khai tử"),),
    6: (("ngay5-phan-anh", "Phản ánh: phân loại, giao xử lý và trả lời"),),
}
CHROMIUM = Path("/usr/bin/chromium")
PDF_TIMEOUT_S = 180


@dataclass(frozen=True)
class Figure:
    caption: str
    src: str  # a data: URI, so the page carries its pictures with it


@dataclass(frozen=True)
class Day:
    name: str
    lessons: tuple[Lesson, ...]


def screenshots_dir() -> Path:
    """Where the browser tests leave their screenshots (the same rule as the test's)."""
    return Path(os.environ.get("APPLIANCE_ARTEFACTS", REPO_ROOT / "tmp" / "artefacts")) / "training"


def figures(folder: Path | None) -> dict[int, list[Figure]]:
    """The screenshots present in `folder`, per lesson; none when the folder is missing."""
    found: dict[int, list[Figure]] = {}
    for number, shots in SCREENSHOTS.items():
        for stem, caption in shots:
            path = folder / f"{stem}.png" if folder is not None else None
            if path is not None and path.is_file():
                data = base64.b64encode(path.read_bytes()).decode("ascii")
                found.setdefault(number, []).append(Figure(caption, f"data:image/png;base64,{data}"))
    return found


def days() -> list[Day]:
    """The lessons grouped by course day, in order (the safe-use lesson shares day 4)."""
    grouped: dict[str, list[Lesson]] = {}
    for item in LESSONS:
        grouped.setdefault(item.day, []).append(item)
    return [Day(name, tuple(items)) for name, items in grouped.items()]


def render_html(ward_name: str, folder: Path | None) -> str:
    return env.get_template("training/handbook.html").render(
        ward_name=ward_name, days=days(), figures=figures(folder), today=local_today())


def write_pdf(html: str, out: Path, *, chromium: Path = CHROMIUM) -> None:
    """`html` printed to `out` by headless Chromium from a local file: no server, no network (the
    page has no external reference; background networking is switched off all the same)."""
    if not chromium.exists():
        raise RuntimeError(f"Không tìm thấy trình duyệt Chromium tại {chromium}: không tạo được tệp PDF.")
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="so-tay-") as work:
        page = Path(work) / "so-tay.html"
        page.write_text(html, encoding="utf-8")
        partial = Path(work) / "so-tay.pdf"
        command = [str(chromium), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update", "--disable-sync",
                   "--disable-extensions", "--disable-quic", "--disable-dev-shm-usage", "--no-pdf-header-footer",
                   f"--user-data-dir={Path(work) / 'profile'}", f"--print-to-pdf={partial}", page.as_uri()]
        result = subprocess.run(command, capture_output=True, text=True, timeout=PDF_TIMEOUT_S, check=False)
        if result.returncode != 0 or not partial.exists() or partial.stat().st_size == 0:
            tail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise RuntimeError("Chromium không tạo được tệp PDF: " + " / ".join(tail))
        shutil.move(str(partial), out)  # written whole or not at all
