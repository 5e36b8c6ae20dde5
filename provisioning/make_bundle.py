#!/usr/bin/env python3
"""Pack everything a ward unit needs into one folder for a USB drive: no internet at the ward.

    python provisioning/make_bundle.py --out dist/bundle [--extras models-cpu] [--gpu] [--models DIR]

- wheels/ (and the same in wheels.tar, which the Ansible role copies): the appliance wheel, an
  assets wheel (templates, static files with the npm-installed front-end libraries, the model
  catalogue: they install into site-packages beside the package, where the code looks for them)
  and every dependency as a wheel. The `appliance` Ansible role
  installs them with `pip --no-index`. Build on Debian 12 amd64 (Python 3.11), like the units.
- models/: model bundles (a folder per catalogue entry, with SHA256SUMS), copied from --models.
- bundle.json: version and a release id derived from the wheels' RECORD hashes, so the same code
  gives the same id (a re-run of the playbook changes nothing) and any change gives a new one.
- SHA256SUMS: every file, for `sha256sum -c` on the USB drive before use.
Standard library only; it runs pip for the wheels.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ASSET_DIRS = ("web",)
ASSET_FILES = ("models/catalogue.toml", "models/README.md")
GPU_WHEELS = ("nvidia-cublas-cu12", "nvidia-cudnn-cu12")
# Wheels that ship model weights whose declared dependencies the appliance does not use (Resemblyzer asks
# for torch and librosa; the appliance reads its GE2E weights itself): fetched without them, installed
# with `pip install --no-deps` on the unit.
NO_DEPS_WHEELS = {"models-cpu": ("resemblyzer==0.1.4",)}
ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed timestamps: the same inputs give the same wheel bytes


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def build_assets_wheel(out: Path, version: str) -> Path:
    """A pure wheel whose top-level folders `web/` and `models/` land in site-packages."""
    vendor = ROOT / "web" / "static" / "vendor"
    if not any(vendor.glob("*.js")):
        raise SystemExit("Thiếu thư viện giao diện trong web/static/vendor: chạy `make vendor` trước.")
    files: list[tuple[str, bytes]] = []
    for folder in ASSET_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                files.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    for rel in ASSET_FILES:
        if (ROOT / rel).is_file():
            files.append((rel, (ROOT / rel).read_bytes()))
    name = "ward_appliance_assets"
    info = f"{name}-{version}.dist-info"
    meta = [
        (f"{info}/METADATA", f"Metadata-Version: 2.1\nName: ward-appliance-assets\nVersion: {version}\n"
                             "Summary: Templates, static files and model catalogue of the ward appliance\n".encode()),
        (f"{info}/WHEEL", b"Wheel-Version: 1.0\nGenerator: ward-appliance make_bundle\nRoot-Is-Purelib: true\n"
                          b"Tag: py3-none-any\n"),
        (f"{info}/top_level.txt", b"web\nmodels\n"),
    ]
    record_lines = []
    for rel, data in files + meta:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record_lines.append(f"{rel},sha256={digest},{len(data)}")
    record_lines.append(f"{info}/RECORD,,")
    wheel = out / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, data in files + meta + [(f"{info}/RECORD", ("\n".join(record_lines) + "\n").encode())]:
            entry = zipfile.ZipInfo(rel, ZIP_DATE)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(entry, data)
    return wheel


def build_wheels(out: Path, extras: list[str], gpu: bool, cache: Path | None) -> None:
    """Every wheel into `out`. With a cache folder, try it alone first (offline and fast), and keep
    what had to be fetched there for the next build."""
    target = f".[{','.join(extras)}]" if extras else "."
    base = [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(out), target,
            *(GPU_WHEELS if gpu else ())]
    if cache is None:
        subprocess.run(base, cwd=ROOT, check=True)
        return
    cache.mkdir(parents=True, exist_ok=True)
    offline = subprocess.run([*base, "--no-index", "--find-links", str(cache)], cwd=ROOT, capture_output=True)
    if offline.returncode != 0:
        subprocess.run([*base, "--find-links", str(cache)], cwd=ROOT, check=True)
    for wheel in out.glob("*.whl"):
        if not wheel.name.startswith("ward_appliance") and not (cache / wheel.name).exists():
            shutil.copy2(wheel, cache / wheel.name)


def build_no_deps_wheels(out: Path, extras: list[str], cache: Path | None) -> None:
    wanted = [w for extra in extras for w in NO_DEPS_WHEELS.get(extra, ())]
    if not wanted:
        return
    base = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), *wanted]
    if cache is None or subprocess.run([*base, "--no-index", "--find-links", str(cache)], cwd=ROOT,
                                       capture_output=True).returncode != 0:
        subprocess.run(base, cwd=ROOT, check=True)


def release_id(wheels: Path, version: str) -> str:
    """Hash of the appliance wheels' RECORDs: per-file hashes, independent of zip timestamps."""
    digest = hashlib.sha256()
    for pattern in ("ward_appliance-*.whl", "ward_appliance_assets-*.whl"):
        for wheel in sorted(wheels.glob(pattern)):
            with zipfile.ZipFile(wheel) as zf:
                record = next(n for n in zf.namelist() if n.endswith(".dist-info/RECORD"))
                lines = sorted(x for x in zf.read(record).decode().splitlines() if not x.startswith(record))
                digest.update("\n".join(lines).encode())
    return f"{version}-{digest.hexdigest()[:10]}"


def pack_wheels(wheels: Path, tarball: Path) -> None:
    """One uncompressed tar of the wheels (already compressed): one file to copy to the unit
    instead of seventy, with fixed metadata so the same wheels give the same bytes."""
    import tarfile

    with tarfile.open(tarball, "w", format=tarfile.PAX_FORMAT) as tar:
        for wheel in sorted(wheels.glob("*.whl")):
            info = tar.gettarinfo(str(wheel), arcname=wheel.name)
            info.mtime, info.uid, info.gid, info.uname, info.gname, info.mode = 0, 0, 0, "", "", 0o644
            with open(wheel, "rb") as fh:
                tar.addfile(info, fh)


def copy_models(src: Path, out: Path) -> list[str]:
    names = []
    for folder in sorted(p for p in src.iterdir() if p.is_dir()):
        dest = out / folder.name
        shutil.copytree(folder, dest, dirs_exist_ok=True)
        if not (dest / "SHA256SUMS").exists():
            lines = [f"{sha256_file(p)}  {p.relative_to(dest).as_posix()}"
                     for p in sorted(dest.rglob("*")) if p.is_file()]
            (dest / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")
        names.append(folder.name)
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đóng gói bản cài ngoại tuyến (wheel, giao diện, mô hình)")
    parser.add_argument("--out", type=Path, required=True, help="thư mục đích (được tạo lại)")
    parser.add_argument("--extras", default="", help="các extra của ward-appliance, ví dụ models-cpu")
    parser.add_argument("--gpu", action="store_true", help="thêm thư viện CUDA cho máy có GPU NVIDIA")
    parser.add_argument("--models", type=Path, help="thư mục chứa các gói mô hình (mỗi mô hình một thư mục)")
    parser.add_argument("--wheel-cache", type=Path, help="thư mục wheel sẵn có để khỏi tải lại")
    args = parser.parse_args(argv)

    version = project_version()
    extras = [e for e in args.extras.split(",") if e]
    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    wheels = out / "wheels"
    wheels.mkdir(parents=True)
    build_wheels(wheels, extras, args.gpu, args.wheel_cache)
    build_no_deps_wheels(wheels, extras, args.wheel_cache)
    build_assets_wheel(wheels, version)
    models = copy_models(args.models, out / "models") if args.models else []
    manifest = {"version": version, "release": release_id(wheels, version), "python": "3.11",
                "extras": extras, "gpu": args.gpu, "models": models,
                "wheels": sorted(p.name for p in wheels.glob("*.whl"))}
    (out / "bundle.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    pack_wheels(wheels, out / "wheels.tar")
    sums = [f"{sha256_file(p)}  {p.relative_to(out).as_posix()}" for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "SHA256SUMS"]
    (out / "SHA256SUMS").write_text("\n".join(sums) + "\n", encoding="utf-8")
    print(f"Bản cài {manifest['release']}: {len(manifest['wheels'])} wheel, {len(models)} mô hình → {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
