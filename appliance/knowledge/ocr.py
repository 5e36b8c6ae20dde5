"""Text out of scans and old formats, with the system's own tools (Debian packages installed by
the appliance role and `make test`): Tesseract with the Vietnamese model (`tesseract-ocr`,
`tesseract-ocr-vie`) for images and scanned PDF pages (rasterised by `pdftoppm`, poppler-utils),
LibreOffice headless for Word 97–2003 `.doc`.

Each page read by OCR reports its mean word confidence; a page below LOW_CONFIDENCE is flagged so
staff check it against the paper before citing it. A PDF text layer that is not Vietnamese (a scan
with a broken OCR layer, glyph soup from a bad font) is detected and the page is read again by OCR.

Every tool runs under the parser limits (`isolate.run_tool`: memory, CPU and wall clock of
settings.parser_memory_mb / parser_time_limit_s): a 435-byte PDF whose page is 1.8 m wide makes
pdftoppm draw a 20,000-pixel square (860 MB, 40 s); under the limits it stops at once with
LimitExceeded, which the caller turns into a Vietnamese reason.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from appliance.system.isolate import Limits, run_tool
from appliance.text import fold

# Mean Tesseract word confidence (0–100) below which a page is flagged: a crisp 200 dpi scan of
# the test page reads at ~95; a blurred one at ~77 already misreads one word in three.
LOW_CONFIDENCE = 80.0
OCR_DPI = 300
# Per tool run (one page, one conversion); a 300 dpi A4 page takes a few seconds on the appliance's
# CPU. Callers with settings pass theirs; these are the settings' defaults.
DEFAULT_LIMITS = Limits()
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
_BAD_CHARS = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0e-\x1f]")


class OcrUnavailable(Exception):
    """The tool is not installed: the Vietnamese message says which package."""


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float   # mean word confidence, 0–100

    @property
    def low(self) -> bool:
        return self.confidence < LOW_CONFIDENCE


def tesseract() -> str:
    path = shutil.which("tesseract")
    if not path:
        raise OcrUnavailable("máy chưa cài phần mềm nhận dạng chữ Tesseract (gói tesseract-ocr, tesseract-ocr-vie)")
    return path


def languages() -> str:
    """"vie" (with "eng" for the Latin words in headers when installed)."""
    out = subprocess.run([tesseract(), "--list-langs"], capture_output=True, text=True, timeout=30)
    langs = set(out.stdout.split())
    if "vie" not in langs:
        raise OcrUnavailable("Tesseract chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie)")
    return "vie+eng" if "eng" in langs else "vie"


def available() -> bool:
    try:
        languages()
        return bool(shutil.which("pdftoppm"))
    except (OcrUnavailable, OSError, subprocess.SubprocessError):
        return False


def looks_garbled(text: str) -> bool:
    """True when a text layer is not readable Vietnamese: replacement or private-use glyphs, or
    most words not Vietnamese syllables (numbers and capitalised abbreviations allowed)."""
    if len(_BAD_CHARS.findall(text)) > max(3, len(text) // 50):
        return True
    words = _LETTERS.findall(text)
    if len(words) < 8:
        return False
    plausible = sum(1 for w in words if w.isupper() or _SYLLABLE.match(fold(w)))
    return plausible / len(words) < 0.6


def _from_tsv(tsv: str) -> OcrPage:
    """Lines rebuilt from Tesseract's TSV (block/paragraph/line numbers), with the mean confidence."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if not word:
            continue
        try:
            conf = float(row.get("conf") or -1)
            key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        except (KeyError, ValueError):
            continue
        if conf >= 0:
            confidences.append(conf)
        lines.setdefault(key, []).append(word)
    out: list[str] = []
    previous: tuple[int, int] | None = None
    for (block, par, _line), words in sorted(lines.items()):
        if previous is not None and previous != (block, par):
            out.append("")  # a new paragraph
        out.append(" ".join(words))
        previous = (block, par)
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrPage("\n".join(out), mean)


def ocr_image_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> OcrPage:
    done = run_tool([tesseract(), str(path), "stdout", "-l", languages(), "--psm", "3", "tsv"], limits)
    if done.returncode != 0:
        raise ValueError(done.stderr.decode(errors="replace").strip()[-300:] or "tesseract failed")
    return _from_tsv(done.stdout.decode(errors="replace"))


def ocr_image(data: bytes, suffix: str, limits: Limits = DEFAULT_LIMITS) -> OcrPage:
    with tempfile.TemporaryDirectory(prefix="kb-ocr-") as tmp:
        path = Path(tmp) / f"anh{suffix}"
        path.write_bytes(data)
        return ocr_image_file(path, limits)


def ocr_pdf_page(pdf: Path, page: int, limits: Limits = DEFAULT_LIMITS) -> OcrPage:
    """Rasterise one page (1-based) and read it."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise OcrUnavailable("máy chưa cài công cụ đọc ảnh trang PDF (gói poppler-utils)")
    with tempfile.TemporaryDirectory(prefix="kb-ocr-") as tmp:
        prefix = Path(tmp) / "trang"
        done = run_tool([pdftoppm, "-r", str(OCR_DPI), "-gray", "-png", "-f", str(page), "-l", str(page), str(pdf),
                         str(prefix)], limits)
        if done.returncode != 0:
            raise ValueError(done.stderr.decode(errors="replace").strip()[-300:] or "pdftoppm failed")
        images = sorted(Path(tmp).glob("trang*.png"))
        if not images:
            return OcrPage("", 0.0)
        return ocr_image_file(images[0], limits)


def doc_to_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A Word 97–2003 file converted by LibreOffice headless (its own profile in a temporary
    folder, so conversions never share or lock a user's profile)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise OcrUnavailable("máy chưa cài LibreOffice để đọc tệp .doc (gói libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="kb-doc-") as tmp:
        source = Path(tmp) / "vanban.doc"
        source.write_bytes(data)
        profile = Path(tmp) / "profile"
        done = run_tool([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                         "--convert-to", "docx", "--outdir", tmp, str(source)], limits)
        if done.returncode != 0:
            raise ValueError(done.stderr.decode(errors="replace")[-300:])
        target = Path(tmp) / "vanban.docx"
        if not target.exists():
            raise ValueError("LibreOffice không tạo được tệp DOCX")
        return target.read_bytes()
