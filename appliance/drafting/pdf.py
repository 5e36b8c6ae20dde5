"""PDF export through LibreOffice (optional: a unit without it still drafts .docx)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    return soffice_path() is not None


def docx_to_pdf(docx: bytes, timeout: float = 90) -> bytes:
    """Convert with a throw-away LibreOffice profile, so parallel conversions never share a lock."""
    binary = soffice_path()
    if binary is None:
        raise RuntimeError("LibreOffice is not installed")
    with tempfile.TemporaryDirectory(prefix="drafting-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "vanban.docx"
        source.write_bytes(docx)
        subprocess.run(
            [binary, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(folder), str(source)],
            check=True, capture_output=True, timeout=timeout,
        )
        return (folder / "vanban.pdf").read_bytes()
