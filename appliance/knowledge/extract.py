"""Text out of the files staff upload: PDF (text layer, or OCR for scanned and garbled pages),
DOCX, DOC (LibreOffice), images (OCR), TXT, MD, HTML.

Every failure a person can cause (wrong type, password, unreadable scan, empty, too big, legacy
encoding we cannot convert, an archive or PDF bomb) raises `IngestError` with a Vietnamese message
saying what to do next; nothing is written before extraction succeeds. OCR and conversion take
seconds to minutes: the upload page runs them as a background job (`knowledge.ingest`), never in the
web request. A DOCX passes the archive guard before python-docx opens it, and the web app extracts
through `extract_limited`: a child process with a time and memory limit, off the event loop. The
external tools (OCR, .doc conversion) run under the same limits wherever extraction runs (the
worker passes `tool_limits` from the settings), so a hostile scan fails with the same reasons.
"""

from __future__ import annotations

import html
import io
import logging
import re
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import TypeVar

from docx import Document
from docx.table import Table
from pypdf import PageObject, PdfReader
from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

from appliance.knowledge import legacy, ocr
from appliance.system.archives import ArchiveRefused, check_archive
from appliance.system.isolate import LimitExceeded, Limits, run_limited
from appliance.text import format_number, normalize

Progress = Callable[[float, str], None]
T = TypeVar("T")
log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024  # a 100-page decree as PDF is ~2 MB; anything past 50 MB is not text
MIN_CHARS_PER_PAGE = 25  # below this a PDF page is an image (a scan) as far as search is concerned
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}
SUFFIXES = {".pdf", ".docx", ".doc", ".txt", ".md", ".html", ".htm", *IMAGE_SUFFIXES}
# Suffixes whose reading may need OCR or a conversion (minutes): uploads run them as a job.
SLOW_SUFFIXES = {".pdf", ".doc", *IMAGE_SUFFIXES}
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM")
PAGE_BREAK = "\f"


class IngestError(Exception):
    """A file we will not ingest, with the Vietnamese reason shown to staff."""

    def __init__(self, message: str, code: str = "bad_file"):
        super().__init__(message)
        self.message = message
        self.code = code

    def __reduce__(self) -> tuple[type[IngestError], tuple[str, str]]:  # travels back from the child process
        return (IngestError, (self.message, self.code))


@dataclass
class Extracted:
    text: str  # NFC, classic tone placement; pages separated by \f
    pages: int
    converted_from: str | None = None  # "tcvn3" when we converted a legacy encoding
    ocr_pages: list[int] = field(default_factory=list)       # 1-based pages read by OCR
    low_confidence: list[int] = field(default_factory=list)  # of those, pages to check against the paper


def check_size(size: int, name: str) -> None:
    if size == 0:
        raise IngestError(f"Tệp “{name}” rỗng (0 byte). Hãy kiểm tra lại tệp rồi tải lên lại.", "empty")
    if size > MAX_BYTES:
        raise IngestError(
            f"Tệp “{name}” quá lớn ({size / 1024 / 1024:.0f} MB; tối đa {MAX_BYTES // 1024 // 1024} MB). "
            "Hãy tách văn bản thành các tệp nhỏ hơn hoặc chỉ tải lên phần cần tra cứu.", "too_large")


def extract_path(path: Path, *, progress: Progress | None = None) -> Extracted:
    if not path.is_file():
        raise IngestError(f"Không tìm thấy tệp “{path}”.", "not_found")
    check_size(path.stat().st_size, path.name)
    return extract_bytes(path.read_bytes(), path.name, progress=progress)


def extract_limited(data: bytes, name: str, limits: Limits) -> Extracted:
    """`extract_bytes` in a child process under `limits`: a file that makes a parser take minutes or
    gigabytes is refused with a Vietnamese reason; the caller's process is untouched. Blocking:
    call it from a worker thread or a job."""
    return _limited(partial(extract_bytes, tool_limits=limits), data, name, limits)


def needs_worker_limited(data: bytes, name: str, limits: Limits) -> bool:
    """`needs_worker` under `limits`: it parses every page of a PDF, which a hostile PDF can make
    take minutes and gigabytes."""
    return _limited(needs_worker, data, name, limits)


def _limited(fn: Callable[[bytes, str], T], data: bytes, name: str, limits: Limits) -> T:
    check_size(len(data), name)
    try:
        return run_limited(fn, data, name, limits=limits)
    except IngestError:
        raise
    except LimitExceeded as exc:
        raise limit_error(exc, name, limits) from None
    except Exception as exc:  # a parser's own bug on a strange file: the person gets a reason, never a 500
        raise IngestError(f"Tệp “{name}” không đọc được ({type(exc).__name__}). Hãy mở tệp, lưu lại rồi tải lên lại.",
                          "corrupt") from exc


def limit_error(exc: LimitExceeded, name: str, limits: Limits) -> IngestError:
    """The Vietnamese reason for a parser or tool stopped by its limits."""
    if exc.reason == "timeout":
        return IngestError(f"Tệp “{name}” cần quá {format_number(limits.time_s)} giây để đọc nên đã dừng; có thể "
                           "tệp bị hỏng hoặc quá phức tạp. Hãy lưu lại thành PDF/DOCX đơn giản hơn hoặc chia nhỏ.",
                           "too_complex")
    return IngestError(f"Tệp “{name}” cần quá nhiều bộ nhớ để đọc (trên {format_number(limits.memory_mb)} MB); "
                       "có thể tệp bị hỏng hoặc cố ý làm phình to. Hãy lưu lại tệp hoặc chia nhỏ.", "too_complex")


def extract_bytes(data: bytes, name: str, *, progress: Progress | None = None,
                  tool_limits: Limits = ocr.DEFAULT_LIMITS) -> Extracted:
    """`tool_limits`: memory and time of each OCR or conversion tool run (settings.parser_*)."""
    check_size(len(data), name)
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError(
            f"Không hỗ trợ định dạng “{suffix or name}”. Chỉ nhận PDF, DOCX, DOC, TXT, MD, HTML và ảnh chụp "
            "(PNG, JPG, TIFF).", "unsupported")
    if suffix == ".pdf":
        result = _pdf(data, name, progress, tool_limits)
    elif suffix == ".docx":
        result = Extracted(_docx(data, name), 1)
    elif suffix == ".doc":
        result = Extracted(_docx(_doc_to_docx(data, name, tool_limits), name), 1)
    elif suffix in IMAGE_SUFFIXES:
        result = _image(data, name, suffix, tool_limits)
    else:
        raw = _decode(data, name)
        if suffix in (".html", ".htm"):
            raw = _html_text(raw)
        result = Extracted(raw, 1)
    return _finish(result, name)


def needs_worker(data: bytes, name: str) -> bool:
    """Whether reading this file takes OCR or a conversion (the upload then hands it to the
    worker). Quick checks run here, so an encrypted, corrupt or empty file is refused at once."""
    check_size(len(data), name)
    suffix = Path(name).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        if not data.startswith(_IMAGE_MAGIC):
            raise IngestError(f"Tệp ảnh “{name}” bị hỏng hoặc không phải ảnh PNG/JPG/TIFF/BMP.", "corrupt")
        return True
    if suffix == ".doc":
        if not data.startswith(b"\xd0\xcf\x11\xe0"):
            raise IngestError(f"Tệp “{name}” không phải tệp Word .doc hợp lệ. Hãy mở bằng Word và lưu lại.", "corrupt")
        return True
    if suffix != ".pdf":
        return False
    pages = _pdf_pages(data, name)
    return any(len(text.strip()) < MIN_CHARS_PER_PAGE or ocr.looks_garbled(text) for text in pages)


def _finish(result: Extracted, name: str) -> Extracted:
    kind = legacy.detect(result.text)
    if kind == "vni":
        raise IngestError(
            f"Tệp “{name}” dùng bảng mã cũ VNI (phông VNI-Times), máy không chuyển đổi tự động được chính xác. "
            "Hãy mở tệp, chuyển sang Unicode bằng công cụ chuyển mã của Unikey/EVKey rồi tải lên lại.", "legacy_vni")
    if kind == "tcvn3":
        result.text = legacy.tcvn3_to_unicode(result.text)
        result.converted_from = "tcvn3"
    text = normalize(unicodedata.normalize("NFC", result.text))
    text = re.sub(r"[ \t]+", " ", text.replace("\r\n", "\n").replace("\r", "\n"))
    result.text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if len(result.text.replace(PAGE_BREAK, "").strip()) < 20:
        raise IngestError(f"Tệp “{name}” không có nội dung chữ để tra cứu (tệp rỗng hoặc chỉ có hình ảnh).", "empty")
    return result


def _pdf_pages(data: bytes, name: str) -> list[str]:
    """The text layer of each page; IngestError for a password, a corrupt file or no page."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many government PDFs carry only an owner password (no printing/copying); those open
            # with an empty user password. Anything else needs the password we do not have.
            try:
                opened = bool(reader.decrypt(""))
            except Exception:  # pypdf raises several types for unsupported ciphers
                opened = False
            if not opened:
                raise IngestError(
                    f"Tệp PDF “{name}” được bảo vệ bằng mật khẩu. Hãy mở bằng mật khẩu, lưu lại bản không "
                    "mật khẩu (hoặc xin bản không khóa từ nơi ban hành) rồi tải lên lại.", "encrypted")
        pages = [_page_text(page) for page in reader.pages]
    except IngestError:
        raise
    except LimitReachedError as exc:
        raise IngestError(f"Tệp PDF “{name}” có nội dung nén vượt giới hạn an toàn khi giải nén nên không được xử lý. "
                          "Hãy xuất lại PDF từ phần mềm soạn thảo (không nhúng ảnh quá lớn) rồi tải lên lại.",
                          "too_complex") from exc
    except (PyPdfError, PdfReadError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise IngestError(f"Tệp PDF “{name}” bị hỏng hoặc không đọc được ({type(exc).__name__}). "
                          "Hãy xuất lại PDF từ phần mềm soạn thảo rồi tải lên lại.", "corrupt") from exc
    if not pages:
        raise IngestError(f"Tệp PDF “{name}” không có trang nào.", "empty")
    return pages


def _pdf(data: bytes, name: str, progress: Progress | None, limits: Limits) -> Extracted:
    pages = _pdf_pages(data, name)
    # A page is read by OCR when its text layer is missing (a scan) or not Vietnamese (garbled).
    need = [i for i, text in enumerate(pages) if len(text.strip()) < MIN_CHARS_PER_PAGE or ocr.looks_garbled(text)]
    result = Extracted(PAGE_BREAK.join(pages), len(pages))
    if not need:
        return result
    if not ocr.available():
        if len(need) == len(pages):
            raise IngestError(
                f"Tệp PDF “{name}” là bản quét (ảnh chụp), không có lớp chữ đọc được, và máy chưa cài phần mềm nhận "
                "dạng chữ (gói tesseract-ocr, tesseract-ocr-vie, poppler-utils). Hãy dùng bản PDF/DOCX gốc của "
                "văn bản hoặc nhờ quản trị viên cài các gói trên.", "scanned")
        result.low_confidence = [i + 1 for i in need]  # kept out of the text: unreadable without OCR
        result.text = PAGE_BREAK.join("" if i in need else text for i, text in enumerate(pages))
        return result
    with tempfile.NamedTemporaryFile(suffix=".pdf", prefix="kb-scan-") as handle:
        handle.write(data)
        handle.flush()
        for done, index in enumerate(need, start=1):
            if progress:
                progress((done - 1) / len(need), f"Đang nhận dạng chữ (OCR) trang {index + 1}/{len(pages)}")
            try:
                page = ocr.ocr_pdf_page(Path(handle.name), index + 1, limits)
            except LimitExceeded as exc:
                log.info("page %s of %s stopped by its limits: %s", index + 1, name, exc)
                raise limit_error(exc, name, limits) from None
            except ocr.OcrUnavailable as exc:
                raise IngestError(f"Không nhận dạng được chữ trang {index + 1} của “{name}”: {exc}.", "ocr") from exc
            except (ValueError, OSError, subprocess.SubprocessError) as exc:
                log.info("page %s of %s not read by OCR: %s", index + 1, name, exc)
                raise IngestError(f"Không nhận dạng được chữ trang {index + 1} của “{name}” (ảnh trang hỏng). Hãy quét "
                                  "lại trang đó.", "ocr") from exc
            pages[index] = page.text
            result.ocr_pages.append(index + 1)
            if page.low or len(page.text.strip()) < MIN_CHARS_PER_PAGE:
                result.low_confidence.append(index + 1)
    if progress:
        progress(1.0, f"Đã nhận dạng chữ {len(need)} trang")
    if sum(len(p.strip()) for p in pages) < MIN_CHARS_PER_PAGE:
        raise IngestError(f"Tệp PDF “{name}” là bản quét nhưng nhận dạng chữ (OCR) không đọc được chữ nào. Hãy quét "
                          "lại rõ hơn (300 dpi, thẳng trang) hoặc dùng bản PDF/DOCX gốc.", "scanned")
    result.text = PAGE_BREAK.join(pages)
    return result


def _image(data: bytes, name: str, suffix: str, limits: Limits) -> Extracted:
    if not data.startswith(_IMAGE_MAGIC):
        raise IngestError(f"Tệp ảnh “{name}” bị hỏng hoặc không phải ảnh PNG/JPG/TIFF/BMP.", "corrupt")
    try:
        page = ocr.ocr_image(data, suffix, limits)
    except LimitExceeded as exc:
        log.info("image %s stopped by its limits: %s", name, exc)
        raise limit_error(exc, name, limits) from None
    except ocr.OcrUnavailable as exc:
        raise IngestError(f"Không đọc được ảnh “{name}”: {exc}.", "ocr") from exc
    except (ValueError, OSError, subprocess.SubprocessError) as exc:
        log.info("image %s not read by tesseract: %s", name, exc)
        raise IngestError(f"Tệp ảnh “{name}” bị hỏng hoặc không đọc được. Hãy chụp/quét lại và lưu dạng PNG hoặc "
                          "JPG.", "corrupt") from exc
    if len(page.text.strip()) < MIN_CHARS_PER_PAGE:
        raise IngestError(f"Ảnh “{name}” không nhận dạng được chữ nào. Hãy chụp/quét lại rõ hơn.", "scanned")
    return Extracted(page.text, 1, ocr_pages=[1], low_confidence=[1] if page.low else [])


def _doc_to_docx(data: bytes, name: str, limits: Limits) -> bytes:
    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(f"Tệp “{name}” không phải tệp Word .doc hợp lệ. Hãy mở bằng Word và lưu lại.", "corrupt")
    try:
        return ocr.doc_to_docx(data, limits)
    except LimitExceeded as exc:
        log.info("doc %s stopped by its limits: %s", name, exc)
        raise limit_error(exc, name, limits) from None
    except ocr.OcrUnavailable as exc:
        raise IngestError(f"Không đọc được “{name}”: {exc}; hoặc mở bằng Word và lưu lại thành .docx.",
                          "unsupported") from exc
    except ValueError as exc:
        log.info("doc %s not converted: %s", name, exc)
        raise IngestError(f"Không chuyển đổi được tệp .doc “{name}”. Hãy mở bằng Word và lưu lại thành .docx.",
                          "corrupt") from exc


def _page_text(page: PageObject) -> str:
    # Layout mode places glyphs by position. The default mode splits Vietnamese words whose
    # precomposed letters are drawn as separate runs ("th ủ  t ụ c" for "thủ tục").
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode fails on some odd fonts; the plain mode still gives text
        text = ""
    return text if text.strip() else (page.extract_text() or "")


def _docx(data: bytes, name: str) -> str:
    try:
        check_archive(data, name)
    except ArchiveRefused as exc:
        raise IngestError(str(exc), "archive_bomb") from None
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"Tệp “{name}” không phải tệp DOCX hợp lệ (có thể bị mã hóa hoặc hỏng). "
                          "Hãy mở bằng Word, bỏ mật khẩu và lưu lại.", "corrupt") from exc
    # Paragraphs and tables in document order: the Nghị định 30 header is a table above the title.
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                lines.append(" | ".join(cell.text.strip() for cell in row.cells))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise IngestError(f"Tệp “{name}” là tệp nhị phân, không phải văn bản.", "unsupported")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # 8-bit: Latin-1 keeps byte = code point, which is what the TCVN3 table expects.
    text = data.decode("latin-1")
    if legacy.detect(text):
        return text
    try:
        decoded = data.decode("cp1258")  # Windows Vietnamese, with combining tones: NFC fixes it
    except UnicodeDecodeError:
        decoded = ""
    if decoded and re.search(r"[ăâđêôơư]", unicodedata.normalize("NFC", decoded).lower()):
        return decoded
    raise IngestError(f"Không nhận ra bảng mã của tệp “{name}”. Hãy lưu lại tệp dưới dạng UTF-8 rồi tải lên lại.",
                      "encoding")


class _TextParser(HTMLParser):
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}
    _SKIP = {"script", "style", "head", "nav", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _html_text(raw: str) -> str:
    parser = _TextParser()
    parser.feed(raw)
    text = html.unescape("".join(parser.parts))
    return "\n".join(line.strip() for line in text.splitlines())
