"""The intent model (appliance/citizen/intent_model.py): a multinomial logistic model over a
message's vector and words, one more signal of the fusion model when switched on."""

from __future__ import annotations

import numpy as np

from appliance.citizen.intent_model import IntentModel, load_or_fit


def _data() -> tuple[list[tuple[str, str]], np.ndarray]:
    rng = np.random.default_rng(3)
    centres = {"proc:A": rng.normal(size=16), "proc:B": rng.normal(size=16), "complaint": rng.normal(size=16)}
    words = {"proc:A": "khai sinh cho con", "proc:B": "ket hon voi nguoi", "complaint": "rac thai boc mui"}
    examples, vectors = [], []
    for label, centre in centres.items():
        for i in range(12):
            examples.append((label, f"{words[label]} so {i % 3}"))
            vectors.append(centre + 0.3 * rng.normal(size=16))
    return examples, np.array(vectors)


def test_it_learns_the_labels_deterministically(tmp_path):
    examples, vectors = _data()
    labels = ["proc:A", "proc:B", "complaint", "chitchat"]  # a label without examples gets little
    model = IntentModel(labels, examples, vectors)
    again = IntentModel(labels, examples, vectors)
    assert np.array_equal(model.weights, again.weights)
    for (label, text), vector in zip(examples, vectors, strict=True):
        p = model.probabilities(text, vector)
        assert max(p, key=lambda k: p[k]) == label
        assert p["chitchat"] < 0.1
    # Words alone point the right way when the vector is uninformative.
    p = model.probabilities("ket hon voi nguoi", vectors.mean(axis=0))
    assert max(p, key=lambda k: p[k]) == "proc:B"
    # The disk cache gives the same model back without fitting.
    first = load_or_fit("test-model", labels, examples, vectors, tmp_path)
    assert len(list(tmp_path.glob("intent-*.npy"))) == 1
    cached = load_or_fit("test-model", labels, examples, vectors, tmp_path)
    assert np.allclose(first.weights, cached.weights, atol=1e-5)
