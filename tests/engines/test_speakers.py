"""Speakers on real voices: the GE2E encoder from the Resemblyzer wheel (read without torch, built once to
ONNX with the catalogue's sha256), diarization of LibriSpeech readers taking turns (tests/engines/voices/,
CC BY 4.0), speaker counts, and naming voices from enrolled samples."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import numpy as np
import pytest
import soundfile as sf

from appliance.db import connect
from appliance.engines.catalogue import find
from appliance.engines.ge2e_diarizer import Ge2eDiarizer
from appliance.engines.ge2e_weights import numpy_forward, onnx_bytes, read_checkpoint
from appliance.engines.packaged import resemblyzer_checkpoint
from appliance.engines.registry import get_registry
from appliance.engines.speaker_encoder import Ge2eEncoder, mel_frames
from appliance.engines.voiceprint import voice_encoder
from appliance.meetings import store
from appliance.meetings.voices import enroll, name_speakers
from tests.conftest import install_db
from tests.engines.speaker_audio import CHECK, attribution, meeting, utterances, write

pytestmark = pytest.mark.slow
ENTRY = find("resemblyzer-ge2e-onnx")


@pytest.fixture(scope="module")
def weights():
    return read_checkpoint(resemblyzer_checkpoint(ENTRY))


@pytest.fixture(scope="module")
def diarizer(tmp_path_factory):
    from tests.conftest import make_settings

    settings = make_settings(tmp_path_factory.mktemp("spk") / "data")
    engine = get_registry(settings).available("diarizer")
    assert isinstance(engine, Ge2eDiarizer), f"the packaged GE2E diarizer must load, got {engine}"
    assert engine.encoder.runtime == "onnxruntime"
    return engine


def test_weights_read_without_torch_equal_torch_and_onnx(weights):
    torch = pytest.importorskip("torch")  # the dev extra has it; the appliance never needs it
    lstm = torch.nn.LSTM(40, 256, num_layers=3, batch_first=True)
    linear = torch.nn.Linear(256, 256)
    lstm.load_state_dict({k.removeprefix("lstm."): torch.tensor(v) for k, v in weights.items() if "lstm" in k})
    linear.load_state_dict({"weight": torch.tensor(weights["linear.weight"]),
                            "bias": torch.tensor(weights["linear.bias"])})
    speech = np.concatenate(utterances("1998"))[:16000 * 5]
    mels = np.stack([mel_frames(speech)[i:i + 160] for i in (0, 100, 300)]).astype(np.float32)
    with torch.no_grad():
        _, (hidden, _) = lstm(torch.from_numpy(mels))
        raw = torch.relu(linear(hidden[-1]))
        reference = (raw / raw.norm(dim=1, keepdim=True)).numpy()
    data = onnx_bytes(weights)
    assert hashlib.sha256(data).hexdigest() == ENTRY.files[0].sha256 and len(data) == ENTRY.files[0].size
    import onnxruntime as ort

    onnx_out = ort.InferenceSession(data, providers=["CPUExecutionProvider"]).run(None, {"mels": mels})[0]
    assert np.abs(onnx_out - reference).max() < 1e-5
    assert np.abs(numpy_forward(weights, mels) - reference).max() < 1e-5


def test_four_real_voices_interleaved(diarizer):
    room = meeting(CHECK[:4], seed=4)
    turns = diarizer.diarize(room.audio)
    score = attribution(room, turns)
    print(f"4 readers, {room.duration:.0f} s: attribution {score:.3f}, {len({t.speaker for t in turns})} speakers")
    assert len({t.speaker for t in turns}) == 4
    assert score >= 0.85
    assert all(a.end <= b.start + 1e-6 for a, b in zip(turns, turns[1:], strict=False))


def test_six_real_voices_counted_and_capped(diarizer, tmp_path):
    room = meeting(CHECK, seed=6)
    path = write(room, tmp_path / "six.wav")
    turns = diarizer.diarize(path)
    score = attribution(room, turns)
    print(f"6 readers, {room.duration:.0f} s: attribution {score:.3f}, {len({t.speaker for t in turns})} speakers")
    assert len({t.speaker for t in turns}) == 6 and score >= 0.85
    # The attendee count bounds it; a known count is taken as it is.
    assert len({t.speaker for t in diarizer.diarize(path, max_speakers=4)}) <= 4
    assert len({t.speaker for t in diarizer.diarize(path, num_speakers=6)}) == 6


def test_enrolled_voices_name_the_speakers_of_a_meeting(diarizer, settings, migrated_template, tmp_path):
    install_db(migrated_template, settings)  # the session's fresh install (a migration costs most of a second)
    conn = connect(settings.db_path)
    encoder = voice_encoder(settings)
    assert isinstance(encoder, Ge2eEncoder)
    names = {"1998": "Lê Thị Lan", "2033": "Trần Văn Hùng", "3005": "Nguyễn Văn An", "3331": "Bùi Thanh Hương"}
    for reader, name in names.items():  # the first utterance is the voice sample, never heard in the meeting
        sample = tmp_path / f"{reader}.wav"
        sf.write(sample, utterances(reader)[0], 16000)
        enroll(conn, name, sample, encoder=encoder)
    room = meeting(["1998", "2033", "3005", "3331", "2609"], seed=9, skip_first=True)  # 2609 never enrolled
    wav = write(room, tmp_path / "meeting.wav")
    turns = diarizer.diarize(wav)
    meeting_id = store.create_meeting(conn, "Họp", status="processing")
    for turn in turns:
        store.add_speaker(conn, meeting_id, turn.speaker, turn.speaker)
    named = name_speakers(conn, meeting_id, wav, turns, encoder=encoder)
    # Which voice is whose: the reader that speaks most inside each named speaker's turns.
    for label, name in named.items():
        spoken: dict[str, float] = {}
        for t in (t for t in turns if t.speaker == label):
            for start, end, reader in room.reference:
                spoken[reader] = spoken.get(reader, 0.0) + max(0.0, min(end, t.end) - max(start, t.start))
        assert names.get(max(spoken, key=lambda r: spoken[r])) == name, (label, name, spoken)
    assert sorted(named.values()) == sorted(names.values())  # all four named, the stranger not
    assert store.voice_profiles(conn)[0]["kind"] == "ge2e-256"


def test_a_name_set_by_hand_is_kept(settings, migrated_template, tmp_path, diarizer):
    install_db(migrated_template, settings)  # the session's fresh install (a migration costs most of a second)
    conn = connect(settings.db_path)
    encoder = voice_encoder(settings)
    assert encoder is not None
    sample = tmp_path / "s.wav"
    sf.write(sample, utterances("533")[1], 16000)
    enroll(conn, "Phạm Thu Hà", sample, encoder=encoder)
    speech = np.concatenate(utterances("533")[2:])
    sf.write(tmp_path / "m.wav", speech, 16000)
    meeting_id = store.create_meeting(conn, "Họp", status="processing")
    store.add_speaker(conn, meeting_id, "Người nói 1", "Người nói 1")
    store.rename_speaker(conn, meeting_id, "Người nói 1", "Chủ tọa")
    turns = [SimpleNamespace(start=0.0, end=len(speech) / 16000, speaker="Người nói 1")]
    assert name_speakers(conn, meeting_id, tmp_path / "m.wav", turns, encoder=encoder) == \
        {"Người nói 1": "Phạm Thu Hà"}
    assert store.speaker_names(conn, meeting_id)["Người nói 1"] == "Chủ tọa"
