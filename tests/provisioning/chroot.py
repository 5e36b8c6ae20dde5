"""A fresh Debian 12 root to apply site.yml to, through Ansible's chroot connection.

No Docker, no VM here: `debootstrap` makes the root once (cached as a tarball outside the repo,
in /var/cache/ward-appliance/), each run unpacks it anew, mounts /proc, binds a shared apt
archive cache (the .deb files are downloaded once) and refuses service starts from package
scripts (policy-rc.d), so nothing inside the chroot ever runs on the host. `Chroot.close()`
unmounts and removes everything, and is always called (context manager), so a failed run leaves
nothing mounted.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

CACHE = Path(os.environ.get("WARD_APPLIANCE_CACHE", "/var/cache/ward-appliance"))
MIRROR = os.environ.get("DEBIAN_MIRROR", "http://deb.debian.org/debian")
# What a freshly installed Debian server has that minbase lacks, plus Ansible's needs.
BASE_PACKAGES = "python3,python3-apt,systemd-sysv,ca-certificates"
BASE_VERSION = "v1"  # bump to rebuild every cached base


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)  # type: ignore[call-overload]


def base_tarball() -> Path:
    """The cached debootstrap root (built once, about a minute; later runs reuse it)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    tarball = CACHE / f"bookworm-base-{BASE_VERSION}.tar"
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test runs never build it at once
        if tarball.exists():
            return tarball
        build = CACHE / f"build-{os.getpid()}"
        shutil.rmtree(build, ignore_errors=True)
        try:
            _run(["debootstrap", "--variant=minbase", f"--include={BASE_PACKAGES}", "bookworm", str(build), MIRROR],
                 timeout=600)
            shutil.rmtree(build / "var/cache/apt/archives", ignore_errors=True)
            (build / "var/cache/apt/archives/partial").mkdir(parents=True)
            partial = tarball.with_suffix(".tar.part")
            _run(["tar", "-C", str(build), "-cf", str(partial), "."])
            partial.rename(tarball)
        finally:
            shutil.rmtree(build, ignore_errors=True)
    return tarball


class Chroot:
    def __init__(self, root: Path):
        self.root = root
        self.mounts: list[Path] = []

    def mount(self, *args: str, target: Path) -> None:
        target.mkdir(parents=True, exist_ok=True)
        _run(["mount", *args, str(target)])
        self.mounts.append(target)

    def setup(self) -> None:
        self.root.mkdir(parents=True)
        _run(["tar", "-C", str(self.root), "-xpf", str(base_tarball())])
        self.mount("-t", "proc", "proc", target=self.root / "proc")
        archives = CACHE / "apt-archives"
        (archives / "partial").mkdir(parents=True, exist_ok=True)
        self.mount("--bind", str(archives), target=self.root / "var/cache/apt/archives")
        # Package scripts must never start a daemon: it would run on the host's kernel and network.
        policy = self.root / "usr/sbin/policy-rc.d"
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
        shutil.copyfile("/etc/resolv.conf", self.root / "etc/resolv.conf")
        # A throwaway root need not survive a power cut: dpkg skips its fsync per unpacked file, as in
        # Debian's own container images (the document tools' install: 6 626 → 2 794 fsync calls, and
        # 88 → 48 s on the shared 2-core machine). What the playbook installs and changes is the same.
        (self.root / "etc/dpkg/dpkg.cfg.d/unsafe-io").write_text("force-unsafe-io\n")

    def run(self, *cmd: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["chroot", str(self.root), *cmd], text=True, capture_output=True, check=check,
                              timeout=300)

    def close(self) -> None:
        for target in reversed(self.mounts):
            for _ in range(5):
                if subprocess.run(["umount", str(target)], capture_output=True).returncode == 0:
                    break
                time.sleep(0.5)
            else:
                subprocess.run(["umount", "-l", str(target)], capture_output=True)
        self.mounts.clear()
        if not _mounted_under(self.root):
            shutil.rmtree(self.root, ignore_errors=True)


def _mounted_under(root: Path) -> bool:
    prefix = str(root.resolve())
    with open("/proc/self/mounts") as fh:
        return any(line.split()[1].startswith(prefix) for line in fh)


@contextlib.contextmanager
def debian_root(root: Path) -> Iterator[Chroot]:
    chroot = Chroot(root)
    try:
        chroot.setup()
        yield chroot
    finally:
        chroot.close()
