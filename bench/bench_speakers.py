"""Speakers on real voices: share of speech time attributed to the right speaker and speakers counted, GE2E
(the CPU diarizer) beside the MFCC baseline on the same meetings of LibriSpeech readers who were never used
to set a parameter (tests/engines/voices/, CC BY 4.0), and the time each takes per audio minute."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def main() -> None:
    from appliance.config import Settings
    from appliance.engines.ge2e_diarizer import Ge2eDiarizer
    from appliance.engines.mfcc_diarizer import MfccDiarizer
    from appliance.engines.registry import get_registry
    from tests.engines.speaker_audio import CHECK, attribution, meeting

    with tempfile.TemporaryDirectory() as tmp:
        diarizer = get_registry(Settings(data_dir=Path(tmp) / "data")).available("diarizer")
        if not isinstance(diarizer, Ge2eDiarizer):
            print("GE2E chưa dùng được (cài: pip install --no-deps resemblyzer==0.1.4): chỉ đo được MFCC.")
        baseline = MfccDiarizer()
        cases = [(CHECK[:2], 2), (CHECK[:4], 4), (CHECK, 6), (CHECK[2:6], 11)]
        for readers, seed in cases:
            room = meeting(readers, seed=seed)
            minutes = room.duration / 60
            line = f"{len(readers)} readers ({room.duration:.0f} s):"
            for label, engine in (("GE2E", diarizer), ("MFCC baseline", baseline)):
                if engine is None or (label == "GE2E" and not isinstance(engine, Ge2eDiarizer)):
                    continue
                started = time.perf_counter()
                turns = engine.diarize(room.audio)
                took = time.perf_counter() - started
                found = len({t.speaker for t in turns})
                line += (f" {label} attribution {attribution(room, turns):.3f}, {found}/{len(readers)} speakers,"
                         f" {took / minutes:.1f} s per audio minute;")
            print(line.rstrip(";"), flush=True)
