"""No page may reference an asset outside the appliance (no CDN, no web fonts)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REMOTE = re.compile(r"""(src|href)\s*=\s*["']?(https?:)?//""", re.I)
CSS_REMOTE = re.compile(r"""url\(\s*["']?(https?:)?//|@import\s+["']?(url\()?["']?https?:""", re.I)


def test_no_template_references_a_remote_asset():
    offenders = []
    for path in (ROOT / "web" / "templates").rglob("*.html"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if REMOTE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)


def test_no_stylesheet_or_script_of_ours_fetches_remote_assets():
    offenders = []
    for pattern in ("*.css", "*.js"):
        for path in (ROOT / "web" / "static").rglob(pattern):
            if "vendor" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            if CSS_REMOTE.search(text) or re.search(r"""fetch\(\s*["']https?://""", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders
