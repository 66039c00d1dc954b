"""Settings from a TOML file, so a team can keep its choices (a user KB, a database) in one place.

Looked for, first found wins: the file named by $DOTTEREL_CONFIG, `dotterel.toml` in the working
directory, then `~/.config/dotterel/config.toml`. Command-line options override it. Example:

    db = "events.db"             # a SQLite file, or postgresql://user:pw@host/name
    kb = ["our-actors.tsv"]      # merged over the shipped actor KB, in order

    [link]                       # when reports are linked into one event (store/linkrule.py)
    window_days = 1
    publication_days = 2

    [serve]                      # `dotterel serve` (serve/settings.py)
    token = "a long secret"      # POST /api/documents needs it; reads too when private = true
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    path: Path | None = None
    db: str | None = None
    kb: list[Path] = field(default_factory=list)
    link: dict = field(default_factory=dict)
    serve: dict = field(default_factory=dict)

    def link_settings(self):
        """The `[link]` table as the store's LinkSettings (defaults where it says nothing)."""
        from dotterel.store.linkrule import LinkSettings

        try:
            return LinkSettings.from_mapping(self.link)
        except ValueError as exc:
            raise ConfigError(f"{self.path}: {exc}") from None


def candidates() -> list[Path]:
    found = []
    if os.environ.get("DOTTEREL_CONFIG"):
        found.append(Path(os.environ["DOTTEREL_CONFIG"]))
    found += [Path.cwd() / "dotterel.toml", Path.home() / ".config" / "dotterel" / "config.toml"]
    return found


def load_config(path: Path | None = None) -> Config:
    paths = [path] if path else candidates()
    for candidate in paths:
        if candidate.is_file():
            return _read(candidate)
    if path is not None or os.environ.get("DOTTEREL_CONFIG"):
        raise ConfigError(f"{paths[0]}: no such config file")
    return Config()


def _read(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config ({exc})") from None
    unknown = set(data) - {"db", "kb", "link", "serve"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown settings {sorted(unknown)} (known: db, kb, link, serve)"
        )
    kb = data.get("kb", [])
    if isinstance(kb, str):
        kb = [kb]
    if not isinstance(kb, list) or not all(isinstance(k, str) for k in kb):
        raise ConfigError(f"{path}: kb must be a file name or a list of them")
    db = data.get("db")
    if db is not None and not isinstance(db, str):
        raise ConfigError(f"{path}: db must be a file name")
    link = data.get("link", {})
    if not isinstance(link, dict):
        raise ConfigError(f"{path}: link must be a table ([link])")
    serve = data.get("serve", {})
    if not isinstance(serve, dict):
        raise ConfigError(f"{path}: serve must be a table ([serve])")
    if db and "://" not in db:
        # Relative paths are relative to the config file, so it works from any directory.
        db = str(path.parent / db)
    config = Config(path, db, [path.parent / k for k in kb], link, serve)
    config.link_settings()  # a bad threshold is reported when the file is read
    return config
