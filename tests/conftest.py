"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip when this clone has none beside it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared is only beside the developers' clones)")
    return path


@pytest.fixture(scope="session")
def coder():
    from dotterel.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def nlp():
    from dotterel import nlp as pipelines

    return pipelines.load()
