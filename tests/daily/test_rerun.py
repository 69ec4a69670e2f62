"""`briefing daily` run again: nothing new keeps the day untouched; anything new rebuilds it; --timings."""

from __future__ import annotations

import json
import os
from pathlib import Path

from support import run_cli

from .newsroom import Site

TOWNS = ("Quillby", "Marrowfield", "Tansley Hythe", "Odbury", "Wrenhallow")
THINGS = (
    ("observatory dome", "astronomers", "telescope mirror"),
    ("tidal mill", "millers", "waterwheel"),
    ("glasshouse", "botanists", "palm collection"),
    ("signal box", "railway volunteers", "lever frame"),
    ("rope walk", "ropemakers", "hemp store"),
)
BRIEF_PHASES = {
    "start-up", "setup", "reading", "checking", "matching", "planning", "summarizing",
    "publishing", "speech", "loudness", "encoding", "writing", "feed", "learning",
}  # fmt: skip


def write_story(folder: Path, number: int, *, twist: str = "") -> Path:
    """A short made-up local story of its own words (no two read as the same event)."""
    town, (place, people, part) = TOWNS[number], THINGS[number]
    path = folder / f"{number}-{town.lower().replace(' ', '-')}.txt"
    path.write_text(
        f"{town} {place} restored by {people}\n\n"
        f"The {place} at {town} opened again on Friday after {people} spent {3 + number} "
        f"winters restoring its {part}, the trust that runs it said.{twist}\n\n"
        f"About {40 + 9 * number} {people} gave their weekends to the work, which cost "
        f"${2 + number}.5m and was paid for by a lottery grant and local gifts.\n\n"
        f"The {part} had not worked since 19{60 + number}, when a storm left the {place} "
        f"open to the weather and the council closed it to visitors.\n\n"
        f"Guided tours of the {place} start next month, and the trust hopes school "
        f"groups from {town} and the villages around it will come every week.\n",
        encoding="utf-8",
    )
    return path


def _daily(folder: Path, out: Path, *extra: str):
    return run_cli("daily", str(folder), "--out", str(out), "--words", "260", "--json", *extra)


def _snapshot(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under the output folder: its bytes and modification time (ns)."""
    return {
        str(p.relative_to(out)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".briefing.lock"
    }


def _news(tmp_path: Path, count: int = 4) -> Path:
    folder = tmp_path / "desk"
    folder.mkdir()
    for number in range(count):
        write_story(folder, number)
    return folder


def test_the_manifest_has_every_phase_and_they_add_up_to_the_total(tmp_path: Path) -> None:
    result = _daily(_news(tmp_path), tmp_path / "out", "--timings")
    assert result.returncode == 0, result.stderr
    timings = json.loads(result.stdout)["timings"]
    phases = timings["phases"]
    assert set(phases) >= BRIEF_PHASES, sorted(BRIEF_PHASES - set(phases))
    assert all(seconds >= 0 for seconds in phases.values())
    # Each second is charged to one phase: together they never exceed the whole run.
    assert sum(phases.values()) <= timings["total"] + 0.001 * len(phases)
    # --timings prints the same phases on stderr; stdout stays the manifest alone.
    printed = result.stderr.split("where the time went:", 1)[1].splitlines()
    names = {line.split()[0] for line in printed if line.strip()}
    assert {"reading", "summarizing", "speech", "encoding", "total"} <= names


def test_a_rerun_with_nothing_new_leaves_every_file_as_it_was(
    tmp_path: Path, temp_home: Path
) -> None:
    news, out = _news(tmp_path), tmp_path / "out"
    first = _daily(news, out)
    assert first.returncode == 0, first.stderr
    built = json.loads(first.stdout)
    before = _snapshot(out)
    assert len(built["stories"]) == 4
    rates = (temp_home / "state" / "rates.json").read_bytes()

    second = _daily(news, out)
    assert second.returncode == 0, second.stderr
    kept = json.loads(second.stdout)
    assert kept["up_to_date"] is True
    assert kept["files"] == []
    assert "nothing changed since the last run today; files kept" in kept["notes"]
    # Told from the manifest, nothing summarized, spoken or encoded again.
    assert {"summarizing", "speech", "loudness", "encoding"}.isdisjoint(kept["timings"]["phases"])
    assert kept["stories"] == built["stories"]
    assert kept["skipped"] == built["skipped"]
    assert kept["audio"] == built["audio"]
    assert kept["audio_seconds"] == built["audio_seconds"]
    assert kept["budget_words"] == built["budget_words"]
    assert _snapshot(out) == before
    assert (temp_home / "state" / "rates.json").read_bytes() == rates  # the voice not timed again
    # Quiet for cron: nothing on stdout without --json.
    third = run_cli("daily", str(news), "--out", str(out), "--words", "260", "--quiet")
    assert (third.returncode, third.stdout, third.stderr) == (0, "", "")
    assert _snapshot(out) == before


def test_a_changed_article_rebuilds_the_day(tmp_path: Path) -> None:
    news, out = _news(tmp_path), tmp_path / "out"
    assert _daily(news, out).returncode == 0
    before = _snapshot(out)
    write_story(news, 1, twist=" A brass band from the next valley played at the gates.")
    result = _daily(news, out)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["up_to_date"] is False
    after = _snapshot(out)
    day = next(name for name in after if name.endswith("briefing.md"))
    assert after[day][0] != before[day][0]
    assert b"brass band" in after[day][0]


def test_a_new_article_rebuilds_the_day(tmp_path: Path) -> None:
    news, out = _news(tmp_path, count=3), tmp_path / "out"
    assert _daily(news, out).returncode == 0
    write_story(news, 3)
    result = _daily(news, out)
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    assert manifest["up_to_date"] is False
    assert any(TOWNS[3] in story["headline"] for story in manifest["stories"])


def test_a_changed_option_rebuilds_the_day(tmp_path: Path) -> None:
    news, out = _news(tmp_path), tmp_path / "out"
    assert _daily(news, out).returncode == 0
    result = _daily(news, out, "--max-stories", "2")
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    assert manifest["up_to_date"] is False
    assert len(manifest["stories"]) == 2
    # And back: the options of the first run are new again (the day now has 2 stories).
    back = json.loads(_daily(news, out).stdout)
    assert back["up_to_date"] is False
    assert len(back["stories"]) == 4


def test_a_touched_but_unchanged_article_keeps_the_files_and_learns_the_inputs(
    tmp_path: Path,
) -> None:
    news, out = _news(tmp_path), tmp_path / "out"
    assert _daily(news, out).returncode == 0
    audio_before = {n: v for n, v in _snapshot(out).items() if n.endswith(".mp3")}
    story = next(news.glob("3-*.txt"))  # the newest already: the ranking stays
    stat = story.stat()
    os.utime(story, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    again = json.loads(_daily(news, out).stdout)
    # Same words, same brief: the files stay, told once more to be sure.
    assert again["up_to_date"] is True
    assert "summarizing" in again["timings"]["phases"]
    assert {n: v for n, v in _snapshot(out).items() if n.endswith(".mp3")} == audio_before
    # The manifest now knows these inputs: the next run needs no telling.
    third = json.loads(_daily(news, out).stdout)
    assert third["up_to_date"] is True
    assert "summarizing" not in third["timings"]["phases"]


def test_force_rebuilds_even_when_nothing_is_new(tmp_path: Path) -> None:
    news, out = _news(tmp_path), tmp_path / "out"
    assert _daily(news, out).returncode == 0
    forced = json.loads(_daily(news, out, "--force").stdout)
    assert forced["up_to_date"] is False
    assert "speech" in forced["timings"]["phases"]


def test_feeds_and_pages_revalidated_unchanged_keep_the_day_without_telling_it(
    news: Site, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    feeds = (news.url("/gazette/rss.xml"), news.url("/valley/atom.xml"))
    first = run_cli("daily", *feeds, "--out", str(out), "--words", "260", "--json")
    assert first.returncode == 0, first.stderr
    assert "fetching" in json.loads(first.stdout)["timings"]["phases"]
    before = _snapshot(out)
    second = run_cli("daily", *feeds, "--out", str(out), "--words", "260", "--json")
    assert second.returncode == 0, second.stderr
    kept = json.loads(second.stdout)
    assert kept["fetch"]["fetched"] == 0  # every page answered 304 or came fresh from the cache
    assert kept["up_to_date"] is True
    assert "summarizing" not in kept["timings"]["phases"]
    assert kept["stories"] == json.loads(first.stdout)["stories"]
    assert _snapshot(out) == before
