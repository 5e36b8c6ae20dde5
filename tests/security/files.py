"""Hostile files for the upload tests, made on the fly (nothing large goes into git)."""

from __future__ import annotations

import functools
import io
import math
import random
import struct
import wave
import zipfile
import zlib

from docx import Document


def docx_with_body(body_xml: bytes) -> bytes:
    """A real DOCX (python-docx's template) with `body_xml` put into the document body."""
    plain = io.BytesIO()
    document = Document()
    document.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    document.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                start = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:start] + body_xml + data[start:]
            target.writestr(info.filename, data)
    return out.getvalue()


@functools.cache  # compressing tens of MB takes a second: built once per run
def docx_bomb(megabytes: int = 60) -> bytes:
    """The red team's shape: ~100 KB on the wire, tens of MB of XML inside."""
    return docx_with_body(b"<w:p><w:r><w:t>" + b"a" * (megabytes * 1_000_000) + b"</w:t></w:r></w:p>")


@functools.cache  # compressing tens of MB takes a second: built once per run
def slow_docx(paragraphs: int = 20_000, seed: int = 1) -> bytes:
    """A DOCX that passes the archive guard (ordinary ratio) yet takes seconds to parse."""
    rng = random.Random(seed)
    words = ["luật", "điều", "khoản", "phường", "hồ", "sơ", "công", "dân", "thủ", "tục"]
    body = b"".join(("<w:p><w:r><w:t>" + " ".join(f"{rng.choice(words)}{rng.randrange(10**6)}" for _ in range(12))
                     + "</w:t></w:r></w:p>").encode() for _ in range(paragraphs))
    return docx_with_body(body)


@functools.cache  # compressing tens of MB takes a second: built once per run
def pdf_bomb(megabytes: int = 80) -> bytes:
    """A PDF whose page tree sits in an object stream that inflates past pypdf's 75 MB limit: pypdf
    raises LimitReachedError as soon as the pages are read (its text extraction would swallow a
    bomb in a content stream)."""
    bodies = b"<< /Type /Catalog /Pages 2 0 R >> << /Type /Pages /Kids [3 0 R] /Count 1 >>"
    header = b"1 0 2 %d " % len(b"<< /Type /Catalog /Pages 2 0 R >> ")
    header = header.ljust(20)
    packed = zlib.compress(header + bodies + b" " * (megabytes * 1_000_000), 9)
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n")
    offsets: dict[int, int] = {}

    def obj(number: int, body: bytes) -> None:
        offsets[number] = out.tell()
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")

    obj(3, b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>")
    obj(4, b"<< /Type /ObjStm /N 2 /First %d /Length %d /Filter /FlateDecode >>\nstream\n" % (len(header), len(packed))
        + packed + b"\nendstream")
    rows = [b"\x00" + (0).to_bytes(4, "big") + b"\xff\xff",
            b"\x02" + (4).to_bytes(4, "big") + (0).to_bytes(2, "big"),
            b"\x02" + (4).to_bytes(4, "big") + (1).to_bytes(2, "big"),
            b"\x01" + offsets[3].to_bytes(4, "big") + b"\x00\x00",
            b"\x01" + offsets[4].to_bytes(4, "big") + b"\x00\x00"]
    xref_at = out.tell()
    rows.append(b"\x01" + xref_at.to_bytes(4, "big") + b"\x00\x00")
    table = b"".join(rows)
    out.write(b"5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
              + table + b"\nendstream\nendobj\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


def tone_wav(seconds: float = 2.0, rate: int = 16000) -> bytes:
    """A real WAV: a 440 Hz tone, 16-bit mono."""
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        frames = b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
                          for i in range(int(seconds * rate)))
        wav.writeframes(frames)
    return out.getvalue()
