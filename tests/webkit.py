"""For the web tests: articles written for them (made-up news), a database coded from them with
the real Coder, a server on a free local port, and headless Chromium from Debian."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from dotterel.document import Document

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")

# Made-up reports, written for these tests, of a made-up week between Russia and Ukraine.
ARTICLES = [
    {
        "id": "talks-offer",
        "date": "2025-05-11",
        "title": "Putin proposes talks with Ukraine in Istanbul",
        "source": "Test Wire",
        "url": "https://example.org/talks-offer",
        "text": (
            "Russian President Vladimir Putin on Sunday proposed direct talks with Ukraine in "
            "Istanbul, days after Kyiv called for a ceasefire.\n\n"
            "Ukrainian President Volodymyr Zelenskyy said he would meet Putin in Istanbul on "
            "Thursday. “We are ready to talk, but first the guns must fall silent,” Zelenskyy "
            "told reporters in Kyiv.\n\n"
            "Turkish President Recep Tayyip Erdogan welcomed the proposal and offered to host "
            "the meeting."
        ),
    },
    {
        "id": "shelling",
        "date": "2025-05-13",
        "title": "Russian forces shell Kharkiv as Kyiv accuses Moscow",
        "source": "Other Wire",
        "text": (
            "Russian forces shelled Kharkiv on Monday, killing four civilians, Ukrainian "
            "officials said.\n\n"
            "Ukraine accused Russia of sabotaging the planned talks. Foreign Minister Andrii "
            "Sybiha condemned the attack on Tuesday."
        ),
    },
    {
        "id": "prisoners",
        "date": "2025-05-16",
        "title": "Russia and Ukraine agree to exchange prisoners",
        "source": "Test Wire",
        "text": (
            "Russia and Ukraine agreed on Friday to exchange 1,000 prisoners of war each, after "
            "their first direct talks in three years ended in Istanbul.\n\n"
            "Russia will release the prisoners next week, the Kremlin said."
        ),
    },
]

# Hostile text: what a script would do if it ran, and what the page must show as text.
HOSTILE = {
    "id": "hostile",
    "date": "2025-05-14",
    "title": '<script>window.__pwned = "title"</script><img src=x onerror="window.__pwned=1">',
    "source": "<b>Evil</b> Wire",
    "url": "javascript:window.__pwned='url'",
    "text": (
        "Russia threatened Ukraine on Tuesday <script>window.__pwned = 'text'</script> with new "
        "strikes, the ministry said.\n\n"
        'Ukraine accused Russia of lying <img src=x onerror="window.__pwned=2;alert(1)"> about '
        "the talks.\n\n"
        'Kyiv called on Moscow to <a href="javascript:window.__pwned=3">click here</a> and '
        "withdraw its troops."
    ),
}


def documents(items: list[dict]) -> list[Document]:
    return [
        Document(
            text=a["text"],
            id=a["id"],
            title=a.get("title"),
            url=a.get("url"),
            source=a.get("source"),
            published=dt.date.fromisoformat(a["date"]),
        )  # fmt: skip
        for a in items
    ]


def code_into(db: Path, coder, items: list[dict]) -> Path:
    from dotterel.store import Store

    with Store(db) as store:
        for coded in coder.code(documents(items)):
            store.save(coded)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app under uvicorn in a thread, on 127.0.0.1 and a free port, until stop()."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def chromium():
    """A headless Chromium from Debian's package, or a skip saying what is missing."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is absent under CI; .ci/run should have installed it")
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    playwright = sync_api.sync_playwright().start()
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
    return playwright, browser


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def copy_to_docs(path: Path, name: str) -> None:
    """Refresh a screenshot the README shows, when asked to (DOTTEREL_SCREENSHOTS=1)."""
    if os.environ.get("DOTTEREL_SCREENSHOTS") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(path, ROOT / "docs" / name)


_CODED: dict[tuple, Path] = {}


def coded_database(tmp_path_factory, coder, items: list[dict]) -> Path:
    """A SQLite database coded from these articles, once per test session."""
    key = tuple(a["id"] for a in items)
    if key not in _CODED:
        db = tmp_path_factory.mktemp("web") / "web.db"
        _CODED[key] = code_into(db, coder, items)
    return _CODED[key]


def local_only(page) -> list[str]:
    """Refuse, and list, every request a page makes to anywhere but the test server."""
    refused: list[str] = []

    def route(r):
        url = r.request.url
        if url.startswith(("http://127.0.0.1:", "data:", "about:")):
            r.continue_()
        else:
            refused.append(url)
            r.abort()

    page.route("**/*", route)
    return refused
