"""Installed models on disk: `MODELS_DIR/<name>/versions/<id>/` with `current` and `previous`
symlinks. Install copies from a folder or USB drive while hashing, verifies every file, then
switches `current` atomically; the old version stays as `previous`. Never a network call.

Whose word a hash is matters: a file the catalogue pins is checked against the catalogue; a
file it does not pin can only be checked against the bundle's own SHA256SUMS, which anyone who
made the folder also wrote. Such a model is installed only after an admin's explicit trust step
(`appliance models install SRC --trust NAME`, recorded in its MANIFEST and the audit log), and a
pickle file (PyTorch .bin/.pt, .pkl: loading one runs code) is refused unless the catalogue pins it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from appliance.config import Settings
from appliance.engines.catalogue import ModelEntry, load_catalogue
from appliance.engines.packaged import (
    NotBuiltYet,
    PackagedModelError,
    packaged_available,
    packaged_path,
    sha256_file,
)

log = logging.getLogger(__name__)
MANIFEST = "MANIFEST.json"


def entry_root(settings: Settings, entry: ModelEntry) -> Path:
    return settings.model_root / entry.name


def installed_dir(settings: Settings, entry: ModelEntry, which: str = "current") -> Path | None:
    link = entry_root(settings, entry) / which
    if link.is_symlink() or link.is_dir():
        target = link.resolve()
        return target if target.is_dir() else None
    return None


def expected_hashes(folder: Path, entry: ModelEntry) -> dict[str, tuple[str, int]]:
    """Catalogue hashes where pinned, else the ones recorded from the bundle at install."""
    recorded: dict[str, dict[str, object]] = {}
    try:
        recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError):
        pass
    out = {}
    for f in entry.files:
        rec = recorded.get(f.path, {})
        out[f.path] = (f.sha256 or str(rec.get("sha256", "")), f.size or int(str(rec.get("size", 0))))
    return out


def quick_problems(folder: Path, entry: ModelEntry) -> list[str]:
    """Cheap checks done at every start: each file is there with the right size."""
    problems = []
    for name, (_sha, size) in expected_hashes(folder, entry).items():
        path = folder / name
        if not path.is_file():
            problems.append(f"thiếu tệp {name}")
        elif size and path.stat().st_size != size:
            problems.append(f"{name}: kích thước {path.stat().st_size} byte, danh mục ghi {size}")
    return problems


def full_problems(folder: Path, entry: ModelEntry) -> list[str]:
    problems = quick_problems(folder, entry)
    if problems:
        return problems
    for name, (sha, _size) in expected_hashes(folder, entry).items():
        if not sha:
            problems.append(f"{name}: không có sha256 để đối chiếu")
        elif sha256_file(folder / name) != sha:
            problems.append(f"{name}: sha256 sai (tệp hỏng hoặc bị thay)")
    return problems


@dataclass
class Located:
    entry: ModelEntry
    path: Path | None
    origin: str  # installed | packaged | missing
    problems: list[str] = field(default_factory=list)


def locate(settings: Settings, entry: ModelEntry, build: bool = True) -> Located:
    """Where this model's files are: an installed version first, else the copy a package ships."""
    folder = installed_dir(settings, entry)
    if folder is not None:
        return Located(entry, folder, "installed", quick_problems(folder, entry))
    if entry.packaged and packaged_available(entry):
        try:
            path = packaged_path(entry, build=build)
        except NotBuiltYet:
            return Located(entry, None, "packaged")
        except PackagedModelError as exc:
            return Located(entry, None, "packaged", [str(exc)])
        return Located(entry, path, "packaged", quick_problems(path, entry))
    return Located(entry, None, "missing", ["chưa cài"])


def verify(settings: Settings, entry: ModelEntry) -> Located:
    located = locate(settings, entry)
    if located.path is not None:
        located.problems = full_problems(located.path, entry)
    return located


# --- install ----------------------------------------------------------------------------------

class InstallError(RuntimeError):
    pass


def _bundle_hashes(bundle: Path) -> dict[str, str]:
    """`SHA256SUMS` in `sha256sum` format, written by the bundle tool where the weights were fetched."""
    sums: dict[str, str] = {}
    path = bundle / "SHA256SUMS"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.strip().split(maxsplit=1)
            if len(parts) == 2:
                sums[parts[1].lstrip("*").removeprefix("./")] = parts[0].lower()
    return sums


def find_bundles(src: Path, entries: list[ModelEntry]) -> list[tuple[ModelEntry, Path]]:
    """A bundle is a folder named after a catalogue entry: SRC itself or SRC/<name>."""
    found = []
    for entry in entries:
        for candidate in (src, src / entry.name):
            if candidate.is_dir() and candidate.name == entry.name:
                found.append((entry, candidate))
                break
    return found


PICKLE_SUFFIXES = (".pkl", ".pickle", ".pt", ".pth", ".ckpt")


def is_pickle(path: Path) -> bool:
    """A file whose loading unpickles: pickle protocol 2+ (0x80, protocol byte), PyTorch's zip
    archives (a `data.pkl` inside) or a pickle-only suffix. CTranslate2's and ONNX's .bin are not."""
    if path.suffix.lower() in PICKLE_SUFFIXES:
        return True
    with open(path, "rb") as fh:
        head = fh.read(4)
    if len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5:
        return True
    if head == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as archive:
                return any(name.endswith(".pkl") for name in archive.namelist())
        except zipfile.BadZipFile:
            return False
    return False


def check_trust(entry: ModelEntry, bundle: Path, trusted: bool) -> None:
    """Raise InstallError unless every file is pinned by the catalogue, or the admin trusts the bundle
    (`trusted`) and none of its unpinned files is a pickle."""
    unpinned = [f for f in entry.files if not f.sha256]
    if not unpinned:
        return
    pickles = [f.path for f in unpinned if (bundle / f.path).is_file() and is_pickle(bundle / f.path)]
    if pickles:
        raise InstallError(
            f"{entry.name}: {', '.join(pickles)} là tệp pickle (nạp tệp này là chạy mã trong đó) mà danh mục chưa "
            "ghim sha256; không cài, kể cả khi được tin cậy. Hãy ghim sha256 của tệp vào models/catalogue.toml "
            "(bản phát hành phần mềm) rồi cài lại.")
    if not trusted:
        raise InstallError(
            f"{entry.name}: {len(unpinned)} tệp chưa được danh mục ghim sha256, chỉ có SHA256SUMS của chính gói "
            f"để đối chiếu. Hãy xác minh nguồn gói, rồi cài lại với `--trust {entry.name}` (quản trị viên xác nhận "
            "tin cậy; được ghi vào nhật ký).")


def _copy_hashing(src: Path, dst: Path) -> str:
    digest = hashlib.sha256()
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while block := fin.read(8 << 20):
            digest.update(block)
            fout.write(block)
        fout.flush()
        os.fsync(fout.fileno())
    return digest.hexdigest()


def install_bundle(settings: Settings, entry: ModelEntry, bundle: Path, *, trusted_by: str | None = None) -> Path:
    """Copy, verify, then switch. A failure at any step leaves the current version untouched.
    `trusted_by`: who trusted the bundle's own hashes for files the catalogue does not pin."""
    check_trust(entry, bundle, trusted_by is not None)
    sums = _bundle_hashes(bundle)
    root = entry_root(settings, entry)
    (root / "versions").mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    tmp = root / "versions" / f".incoming-{stamp}"
    tmp.mkdir()
    try:
        recorded = {}
        for f in entry.files:
            source = bundle / f.path
            if not source.is_file():
                raise InstallError(f"{entry.name}: gói thiếu tệp {f.path}")
            want = f.sha256 or sums.get(f.path, "")
            if not want:
                raise InstallError(f"{entry.name}: {f.path} không có sha256 (danh mục hoặc SHA256SUMS của gói)")
            if f.size and source.stat().st_size != f.size:
                raise InstallError(f"{entry.name}: {f.path} có {source.stat().st_size} byte, danh mục ghi {f.size}")
            (tmp / f.path).parent.mkdir(parents=True, exist_ok=True)
            got = _copy_hashing(source, tmp / f.path)
            if got != want:
                raise InstallError(f"{entry.name}: {f.path} sai sha256 ({got[:12]}…, cần {want[:12]}…): gói hỏng")
            recorded[f.path] = {"sha256": got, "size": (tmp / f.path).stat().st_size}
        manifest: dict[str, object] = {"name": entry.name, "installed_at": stamp, "source": str(bundle),
                                       "files": recorded}
        if trusted_by is not None and any(not f.sha256 for f in entry.files):
            manifest["trusted"] = {"by": trusted_by, "at": stamp,
                                   "unpinned": [f.path for f in entry.files if not f.sha256]}
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        version = root / "versions" / stamp
        os.rename(tmp, version)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _switch(root, version)
    return version


def _point(link: Path, target: Path) -> None:
    tmp_link = link.with_name(f".{link.name}.new")
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    os.symlink(os.path.relpath(target, link.parent), tmp_link)
    os.replace(tmp_link, link)  # rename(2) over the old link: readers see old or new, never none


def _switch(root: Path, version: Path) -> None:
    current, previous = root / "current", root / "previous"
    old = current.resolve() if current.is_symlink() else None
    if old is not None and old.is_dir():
        _point(previous, old)
    _point(current, version)
    keep = {version.resolve(), old.resolve() if old else None}
    for stale in (root / "versions").iterdir():
        if stale.resolve() not in keep and not stale.name.startswith(".incoming"):
            log.info("removing old model version %s", stale)
            shutil.rmtree(stale, ignore_errors=True)


def rollback(settings: Settings, entry: ModelEntry) -> Path:
    root = entry_root(settings, entry)
    prev = installed_dir(settings, entry, "previous")
    cur = installed_dir(settings, entry, "current")
    if prev is None:
        raise InstallError(f"{entry.name}: không có phiên bản trước")
    _point(root / "current", prev)
    if cur is not None:
        _point(root / "previous", cur)
    return prev


def install(settings: Settings, src: Path, *, trusted: frozenset[str] = frozenset(),
            trusted_by: str = "(cli)") -> list[tuple[str, Path]]:
    if not src.is_dir():
        raise InstallError(f"không tìm thấy thư mục {src}")
    bundles = find_bundles(src, load_catalogue())
    if not bundles:
        raise InstallError(f"{src}: không có thư mục nào mang tên một mô hình trong danh mục")
    return [(entry.name, install_bundle(settings, entry, bundle,
                                        trusted_by=trusted_by if entry.name in trusted else None))
            for entry, bundle in bundles]
