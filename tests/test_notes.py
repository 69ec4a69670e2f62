"""`--notes`: make and daily write into a notes vault the way a user with Obsidian meets it."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support import BRIEFING, SAMPLES, run_cli

from briefing.notes.article_note import facts_from_source, is_untouched, render
from briefing.notes.naming import note_path
from briefing.render import split_front_matter

TUNNEL = SAMPLES / "harbour-tunnel.txt"
LIBRARY = SAMPLES / "library-reopens.html"
GARDEN = SAMPLES / "community-garden.md"
TODAY = dt.date.today().isoformat()
USER_TEXT = "# My day\n\nCall the plumber.\r\n\n- [ ] water the ferns\n- [[Some other note]]"
"""The user's own daily note: a CRLF line, no final newline, a link of theirs."""
WIKILINK = re.compile(r"!?\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]")


def _vault(tmp_path: Path) -> tuple[Path, Path]:
    vault = tmp_path / "Vault" / "News"
    vault.mkdir(parents=True)
    daily = vault / f"{TODAY}.md"
    daily.write_bytes(USER_TEXT.encode("utf-8"))
    (vault / "Some other note.md").write_text("The user's note.\n", encoding="utf-8")
    return vault, daily


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    data = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert isinstance(data, dict), path
    return data


def _article_notes(vault: Path) -> list[Path]:
    return [
        p for p in sorted(vault.glob("*.md")) if p.read_text(encoding="utf-8").startswith("---")
    ]


def _check_note(path: Path) -> dict[str, object]:
    """PyYAML reads the properties with the types Obsidian fixes vault-wide."""
    meta = _front_matter(path)
    assert isinstance(meta["title"], str) and meta["title"]
    assert isinstance(meta["date"], dt.date)
    assert isinstance(meta["source"], list) and meta["source"]
    assert all(isinstance(s, str) for s in meta["source"])
    assert isinstance(meta["authors"], list)
    assert isinstance(meta["tags"], list) and "briefing" in meta["tags"]
    assert isinstance(meta["aliases"], list)
    if "url" in meta:
        assert isinstance(meta["url"], str) and meta["url"].startswith("http")
    if "published" in meta:
        assert isinstance(meta["published"], dt.date)
    return meta


def _links_resolve(vault: Path) -> list[str]:
    """Every [[link]] and ![[embed]] in the vault names a file in it; the targets."""
    targets = []
    for note in vault.rglob("*.md"):
        for target in WIKILINK.findall(note.read_text(encoding="utf-8")):
            candidates = [vault / target, vault / f"{target}.md"]
            assert any(c.is_file() for c in candidates), f"{note.name}: [[{target}]]"
            targets.append(target)
    return targets


def test_make_and_daily_fill_the_vault_and_keep_the_users_daily_note(tmp_path: Path) -> None:
    vault, daily = _vault(tmp_path)
    out = tmp_path / "out"
    made = run_cli("make", str(TUNNEL), str(LIBRARY), "--notes", str(vault), "--out", str(out))
    assert made.returncode == 0, made.stderr
    brief = run_cli(
        "daily",
        str(GARDEN),
        "--notes",
        str(vault),
        "--out",
        str(tmp_path / "daily"),
        "--words",
        "120",
    )
    assert brief.returncode == 0, brief.stderr

    notes = _article_notes(vault)
    assert [p.name for p in notes] == sorted(
        f"{TODAY} {title}.md"
        for title in (
            "Harbour tunnel opens six months early as city counts the cost",
            "Restored Carnegie library reopens its doors after three years",
            "Rooftop gardens feed a neighbourhood through a dry summer",
        )
    )
    for note in notes:
        meta = _check_note(note)
        assert meta["date"] == dt.date.today()
        assert meta["aliases"] == [meta["title"]]
    tunnel = _front_matter(notes[0])
    assert tunnel["source"] == ["harbour-tunnel.txt"] and tunnel["authors"] == []

    # The summary verbatim (every sentence quoted from the article) and a link to the source.
    body = notes[0].read_text(encoding="utf-8").split("\n---\n", 1)[1]
    sentences = [line for line in body.splitlines() if line[:1].isupper() and ":" not in line[:7]]
    assert len(sentences) >= 3
    article = " ".join(TUNNEL.read_text(encoding="utf-8").split())
    assert all(s in article for s in sentences)
    assert f"(<{TUNNEL.resolve().as_uri()}>)" in body

    # The day's note: the user's text byte for byte, then one managed section.
    text = daily.read_bytes().decode("utf-8")
    assert text.startswith(USER_TEXT)
    assert text.count("<!-- briefing: begin") == 1 and text.count("## Briefing") == 1
    section = text[len(USER_TEXT) :]
    for note in notes:
        assert f"- [[{note.stem}]]" in section
    embeds = re.findall(r"!\[\[([^\]]+)\]\]", section)
    assert any(e.endswith(".wav") for e in embeds) and any(e.endswith(".mp3") for e in embeds)
    assert all((vault / e).is_file() for e in embeds)
    targets = _links_resolve(vault)
    assert "Some other note" in targets

    # Running both again changes nothing and adds nothing.
    before = _snapshot(vault)
    again = run_cli("make", str(TUNNEL), str(LIBRARY), "--notes", str(vault), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert "kept" in again.stderr
    brief = run_cli(
        "daily",
        str(GARDEN),
        "--notes",
        str(vault),
        "--out",
        str(tmp_path / "daily"),
        "--words",
        "120",
    )
    assert brief.returncode == 0, brief.stderr
    assert _snapshot(vault) == before


def test_a_note_edited_by_hand_survives_a_rerun_unless_forced(tmp_path: Path) -> None:
    vault, daily = _vault(tmp_path)
    args = (
        "make",
        str(LIBRARY),
        "--notes",
        str(vault),
        "--out",
        str(tmp_path / "out"),
        "--no-audio",
    )
    assert run_cli(*args).returncode == 0
    (note,) = _article_notes(vault)
    edited = note.read_text(encoding="utf-8").replace(
        "# Restored", "My thoughts first.\n\n# Restored"
    )
    edited = edited.replace("title: Restored", "title: My library, restored")  # found all the same
    note.write_text(edited, encoding="utf-8")
    daily_before = daily.read_bytes()

    again = run_cli(*args)
    assert again.returncode == 0, again.stderr
    assert note.read_text(encoding="utf-8") == edited
    assert f"{note}: edited by hand, left as it is" in again.stderr
    assert daily.read_bytes() == daily_before  # still linked once
    assert len(_article_notes(vault)) == 1

    forced = run_cli(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "My thoughts first." not in note.read_text(encoding="utf-8")
    _check_note(note)


def test_names_are_safe_everywhere_and_control_characters_never_break_the_yaml(
    tmp_path: Path,
) -> None:
    vault, _ = _vault(tmp_path)
    title = 'CON: "Why?" <cuts> | a\\b/c *now* \x1b[1m\x7f\u2028' + "long " * 60 + "end."
    article = tmp_path / "odd.html"
    article.write_text(
        f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>The council voted on Monday to cut the evening bus routes. "
        "Riders said the change would leave night workers stranded. "
        "The routes end in March unless a sponsor is found.</p></body></html>",
        encoding="utf-8",
    )
    result = run_cli(
        "make",
        str(article),
        "--notes",
        str(vault),
        "--note-name",
        "{site} {title} {slug}",
        "--out",
        str(tmp_path / "out"),
        "--no-audio",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    (note,) = _article_notes(vault)
    assert note.parent == vault
    assert len(note.name.encode("utf-8")) <= 255
    assert not re.search(r'[\x00-\x1f\x7f:*?"<>|\\/]', note.name)
    assert not note.stem.endswith((".", " ")) and not note.name.upper().startswith("CON.")
    meta = _check_note(note)
    assert "\x1b" not in str(meta["title"]) and "\x7f" not in str(meta["title"])
    _links_resolve(vault)


def test_bad_note_name_is_bad_usage_and_writes_nothing(tmp_path: Path) -> None:
    vault, daily = _vault(tmp_path)
    result = run_cli(
        "make",
        str(TUNNEL),
        "--notes",
        str(vault),
        "--note-name",
        "{date} {author}",
        "--out",
        str(tmp_path / "out"),
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "{author}" in result.stderr
    assert not (tmp_path / "out").exists()
    assert daily.read_bytes() == USER_TEXT.encode("utf-8")


def test_daily_takes_the_vault_and_names_from_the_config(tmp_path: Path) -> None:
    vault, _ = _vault(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        f'feeds = ["{GARDEN}"]\nwords = 120\nnotes = "Vault/News"\n'
        'note_name = "{slug}"\ndaily_note = "Daily/{year}/{date}"\nnote_tags = ["news", "garden"]\n',
        encoding="utf-8",
    )
    result = run_cli("daily", "--config", str(config), "--out", str(tmp_path / "out"), "--json")
    assert result.returncode == 0, result.stderr
    note = vault / "rooftop-gardens-feed-a-neighbourhood-through-a-dry-summer.md"
    assert _check_note(note)["tags"] == ["briefing", "news", "garden"]
    day_note = vault / "Daily" / TODAY[:4] / f"{TODAY}.md"
    assert f"- [[{note.stem}]]" in day_note.read_text(encoding="utf-8")
    _links_resolve(vault)


@pytest.mark.parametrize(
    "front",
    [
        "title: Bridge reopens\nsource:\n  - a.txt\n  - b.txt\nmethod: news\nsentences: 2\n",
        'title: "Bridge reopens"\nsource: ["a.txt", "b.txt"]\nmethod: "news"\nsentences: 2\n',
    ],
)
def test_front_matter_reads_block_and_flow_lists_alike(front: str) -> None:
    meta, body = split_front_matter(f"---\n{front}---\n\n# Bridge reopens\n")
    assert meta == {
        "title": "Bridge reopens",
        "source": ["a.txt", "b.txt"],
        "method": "news",
        "sentences": 2,
    }
    assert body == "\n# Bridge reopens\n"


def test_two_runs_at_once_on_one_vault_take_turns(tmp_path: Path) -> None:
    vault, daily = _vault(tmp_path)
    runs = [
        subprocess.Popen(
            [*BRIEFING, "make", str(article), "--notes", str(vault), "--no-audio"],
            cwd=tmp_path,
            env={**os.environ, "BRIEFING_OUTPUT": str(tmp_path / f"out-{n}")},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, article in enumerate((TUNNEL, LIBRARY))
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    text = daily.read_text(encoding="utf-8")
    assert text.count("<!-- briefing: begin") == 1
    section = text.split("<!-- briefing: begin", 1)[1]
    assert len(re.findall(r"^- \[\[", section, re.M)) == 2  # neither run lost the other's link
    assert len(_article_notes(vault)) == 2
    _links_resolve(vault)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=0, max_size=300), st.text(max_size=40))
def test_any_title_gives_a_safe_name_and_yaml_that_parses(title: str, site: str) -> None:
    facts = facts_from_source(
        title, dt.date(2026, 1, 2), ("One sentence.",), f"{site} <https://ex.org/a>"
    )
    path = note_path(
        "{date} {site} {title}", {"date": "2026-01-02", "title": title, "site": site}, "x"
    )
    assert len(path.parts) == 1
    name = path.name + ".md"
    assert len(name.encode("utf-8")) <= 255 and name == name.strip()
    assert not re.search(r'[\x00-\x1f\x7f:*?"<>|\\/\[\]#^]', name)
    assert not path.name.endswith((".", " "))
    assert path.name.split(".")[0].lower() not in {"con", "prn", "aux", "nul", "com1", "lpt1"}
    text = render(facts, tags=("news",))
    meta = yaml.safe_load(text.split("\n---\n", 1)[0][4:])
    assert isinstance(meta["title"], str) and meta["title"] == meta["aliases"][0]
    assert meta["source"] and all(isinstance(s, str) for s in meta["source"])
    assert is_untouched(text) and not is_untouched(text.replace("One sentence.", "Two."))


def test_notes_named_like_the_day_never_take_the_days_note(tmp_path: Path) -> None:
    vault, daily = _vault(tmp_path)
    result = run_cli(
        *("make", str(TUNNEL), str(LIBRARY), "--notes", str(vault), "--note-name", "{date}"),
        *("--out", str(tmp_path / "out"), "--no-audio"),
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in _article_notes(vault)) == [f"{TODAY} 2.md", f"{TODAY} 3.md"]
    text = daily.read_bytes().decode("utf-8")
    assert text.startswith(USER_TEXT)
    assert f"- [[{TODAY} 2]]" in text and f"- [[{TODAY} 3]]" in text
    _links_resolve(vault)
