"""`briefing daily --notes` over feeds: a note per story, crediting every source, with its page."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml
from support import run_cli

from .newsroom import BRIDGE_GAZETTE, BRIDGE_VALLEY, Site


def _meta(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])
    assert isinstance(data, dict)
    return data


def test_daily_notes_credit_every_source_and_link_the_page(news: Site, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    args = (
        "daily",
        news.url("/gazette/rss.xml"),
        news.url("/valley/atom.xml"),
        "--out",
        str(tmp_path / "out"),
        "--words",
        "260",
        "--notes",
        str(vault),
        "--json",
    )
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    day = manifest["date"]
    notes = {p.stem: _meta(p) for p in vault.glob("*.md") if p.stem != day}
    assert len(notes) == len(manifest["stories"]) == 4
    assert sorted(manifest["notes_files"]) == sorted(
        str(p) for p in vault.rglob("*") if p.is_file() and not p.name.startswith(".")
    )

    bridge = next(m for m in notes.values() if m["title"] in (BRIDGE_GAZETTE, BRIDGE_VALLEY))
    assert sorted(bridge["source"]) == ["Riverside Gazette", "Valley Times"]  # type: ignore[arg-type]
    assert isinstance(bridge["url"], str) and bridge["url"].startswith(news.url("/"))
    for meta in notes.values():
        assert isinstance(meta["source"], list) and isinstance(meta["authors"], list)
        assert isinstance(meta["date"], dt.date) and meta["date"].isoformat() == day
        if "published" in meta:
            assert isinstance(meta["published"], dt.datetime)

    daily = (vault / f"{day}.md").read_text(encoding="utf-8")
    links = re.findall(r"^- \[\[([^\]]+)\]\]$", daily, re.M)
    assert sorted(links) == sorted(notes)
    (embed,) = re.findall(r"^!\[\[([^\]]+)\]\]$", daily, re.M)
    assert (vault / embed).read_bytes() == Path(manifest["audio"]).read_bytes()

    before = {p: p.read_bytes() for p in vault.rglob("*") if p.is_file()}
    again = run_cli(*args)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["notes_files"] == []
    assert {p: p.read_bytes() for p in vault.rglob("*") if p.is_file()} == before
