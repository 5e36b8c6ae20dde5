"""The pyannote bundle is built from its own config.yaml with its checkpoints as files inside the installed
bundle, never through pyannote's loader (which also takes hub ids). pyannote itself is an optional GPU extra
not installed here: a stand-in class records what the pipeline would be built with."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from appliance.engines.pyannote_diarizer import build_local_pipeline

CONFIG = """version: 3.1.0
pipeline:
  name: pyannote.audio.pipelines.SpeakerDiarization
  params:
    clustering: AgglomerativeClustering
    embedding: {embedding}
    embedding_batch_size: 32
    segmentation: {segmentation}
params:
  clustering:
    method: centroid
    threshold: 0.7045654963945799
"""


class StandIn:
    built: list[StandIn] = []

    def __init__(self, **arguments: object) -> None:
        self.arguments, self.params = arguments, None
        StandIn.built.append(self)

    def instantiate(self, params: dict[str, object]) -> StandIn:
        self.params = params
        return self

    def to(self, device: object) -> StandIn:
        return self

    def __call__(self, audio: object, **bounds: int) -> object:
        raise AssertionError("not run in this test")


def by_name(name: str, default_module_name: str) -> type[StandIn]:
    assert name == "pyannote.audio.pipelines.SpeakerDiarization" and default_module_name
    return StandIn


def bundle(tmp_path: Path, segmentation: str, embedding: str) -> Path:
    (tmp_path / "config.yaml").write_text(CONFIG.format(segmentation=segmentation, embedding=embedding))
    return tmp_path


def test_checkpoints_become_files_of_the_bundle(tmp_path):
    folder = bundle(tmp_path, "segmentation/pytorch_model.bin", "embedding/pytorch_model.bin")
    pipeline = build_local_pipeline(folder, yaml.safe_load, by_name)
    assert isinstance(pipeline, StandIn)
    assert pipeline.arguments["segmentation"] == str(folder / "segmentation/pytorch_model.bin")
    assert pipeline.arguments["embedding"] == str(folder / "embedding/pytorch_model.bin")
    assert pipeline.params == {"clustering": {"method": "centroid", "threshold": 0.7045654963945799}}


@pytest.mark.parametrize("segmentation,embedding", [
    ("pyannote/segmentation-3.0", "embedding/pytorch_model.bin"),            # a hub id
    ("segmentation/pytorch_model.bin", "pyannote/wespeaker-voxceleb-resnet34-LM"),
    ("/elsewhere/segmentation/pytorch_model.bin", "embedding/pytorch_model.bin"),  # a file outside the bundle
])
def test_a_config_naming_anything_else_is_refused(tmp_path, segmentation, embedding):
    StandIn.built.clear()
    with pytest.raises(ValueError, match="trong gói"):
        build_local_pipeline(bundle(tmp_path, segmentation, embedding), yaml.safe_load, by_name)
    assert StandIn.built == []  # refused before anything is built
