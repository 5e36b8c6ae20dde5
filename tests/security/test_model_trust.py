"""Issue 14, finding 14: unpinned production models installed from any folder that carried a matching
SHA256SUMS (and pyannote's files are pickles: loading one runs its code). Now the bundle's own
hashes count only after an admin's explicit trust step, which is recorded, and a pickle file the
catalogue does not pin is refused whatever the admin says."""

from __future__ import annotations

import io
import json
import pickle
import sqlite3
import zipfile
from pathlib import Path

import pytest

from appliance.cli import main
from appliance.engines import catalogue as catalogue_module
from tests.engines.test_models_store import current, sha256sums

PYANNOTE = "pyannote-speaker-diarization-3.1"
QWEN_TEST = "qwen2-tiny-random-ct2"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("APPLIANCE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("APPLIANCE_DEVICE", "cpu")
    return tmp_path / "data"


def _torch_checkpoint() -> bytes:
    """What PyTorch's torch.save writes: a zip holding the pickled object as data.pkl."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("archive/data.pkl", pickle.dumps({"weights": [0.1, 0.2]}, protocol=2))
        archive.writestr("archive/version", "3\n")
    return out.getvalue()


def _pyannote_bundle(root: Path, checkpoint: bytes) -> Path:
    bundle = root / PYANNOTE
    (bundle / "segmentation").mkdir(parents=True)
    (bundle / "embedding").mkdir()
    (bundle / "config.yaml").write_text("pipeline:\n  params: {}\n")
    (bundle / "segmentation" / "pytorch_model.bin").write_bytes(checkpoint)
    (bundle / "embedding" / "pytorch_model.bin").write_bytes(checkpoint)
    sha256sums(bundle)
    return bundle


def test_an_unpinned_model_needs_the_admins_trust(data_dir: Path, tmp_path: Path, capsys) -> None:
    bundle = tmp_path / "usb" / QWEN_TEST
    bundle.mkdir(parents=True)
    for name in ("model.bin", "config.json", "tokenizer.json", "tokenizer_config.json"):
        (bundle / name).write_text(f"placeholder {name}")
    sha256sums(bundle)  # a folder anyone could have written, with matching hashes
    assert main(["models", "install", str(tmp_path / "usb")]) == 1
    assert f"--trust {QWEN_TEST}" in capsys.readouterr().err
    assert not (data_dir / "models" / QWEN_TEST).exists() or not list((data_dir / "models" / QWEN_TEST).rglob("*.bin"))
    assert main(["models", "install", str(tmp_path / "usb"), "--trust", QWEN_TEST]) == 0
    manifest = json.loads((current(data_dir, QWEN_TEST) / "MANIFEST.json").read_text())
    assert manifest["trusted"]["by"] and "model.bin" in manifest["trusted"]["unpinned"]
    actions = sqlite3.connect(data_dir / "appliance.db").execute(
        "SELECT action, target FROM audit_log WHERE action = 'models.trust'").fetchall()
    assert actions == [("models.trust", QWEN_TEST)]


def test_unpinned_pickles_are_refused_even_when_trusted(data_dir: Path, tmp_path: Path, capsys) -> None:
    _pyannote_bundle(tmp_path / "usb", _torch_checkpoint())
    assert main(["models", "install", str(tmp_path / "usb"), "--trust", PYANNOTE]) == 1
    err = capsys.readouterr().err
    assert "pickle" in err and "segmentation/pytorch_model.bin" in err
    assert not (data_dir / "models" / PYANNOTE / "current").exists()


def test_a_pickle_the_catalogue_pins_installs(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    checkpoint = _torch_checkpoint()
    _pyannote_bundle(tmp_path / "usb", checkpoint)
    digest = hashlib.sha256(checkpoint).hexdigest()
    text = catalogue_module.CATALOGUE_PATH.read_text(encoding="utf-8")
    for part in ("segmentation", "embedding"):
        text = text.replace(f'{{ path = "{part}/pytorch_model.bin", sha256 = "", size = 0 }}',
                            f'{{ path = "{part}/pytorch_model.bin", sha256 = "{digest}", size = {len(checkpoint)} }}')
    pinned = tmp_path / "catalogue.toml"
    pinned.write_text(text, encoding="utf-8")
    monkeypatch.setattr(catalogue_module, "CATALOGUE_PATH", pinned)
    # config.yaml is still unpinned (not a pickle): the admin trusts it explicitly
    assert main(["models", "install", str(tmp_path / "usb"), "--trust", PYANNOTE]) == 0
    assert (current(data_dir, PYANNOTE) / "embedding" / "pytorch_model.bin").read_bytes() == checkpoint
