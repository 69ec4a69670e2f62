"""The daily brief's press room: the day's files and the podcast feed, written under the folder lock."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.daily import staging
from briefing.daily.podcast import MANIFEST, Episode, write_feed
from briefing.daily.podcast import warnings as feed_warnings
from briefing.errors import BriefingError, OutputError
from briefing.files import remove_stale_parts
from briefing.models import Briefing

if TYPE_CHECKING:
    from briefing.daily.pipeline import DailyRun
    from briefing.daily.stories import StoryGroup

STEM = "briefing"
TRANSCRIPT = "transcript.txt"
LOCK_NAME = ".briefing.lock"
LOCK_TIMEOUT = 15 * 60
"""Seconds to wait for another run writing to the same output folder."""


def publish(run: DailyRun, briefing: Briefing) -> None:
    """Write the day's folder (unless nothing changed) and rebuild the feed, holding the lock.

    Two runs at once on the same output folder take turns, so each leaves whole files.

    Raises:
        OutputError: the lock was not had in time, or a file can't be written.
    """
    with locked(run):
        staging.recover(run.options.root)
        remove_stale_parts(run.folder)
        fingerprint = fingerprint_of(run, briefing)
        previous = run.previous_manifest()
        if not run.options.force and unchanged(run, previous, fingerprint):
            refresh_inputs(run, previous)
            keep_previous(run, previous)
        else:
            write_day(run, briefing, fingerprint)
        rebuild_feed(run)
    with run.timings.phase("notes"):
        write_notes(run)


def keep_if_unchanged(run: DailyRun) -> bool:
    """Keep the day as the last build left it when that build had the very same inputs.

    Checked under the lock (another run may be writing the day right now). The
    result is filled from the last build's manifest: its stories, the skips and
    notes of its later steps, its audio; the feed is still rebuilt (another
    day may have changed). False, touching nothing, when anything differs.

    Raises:
        OutputError: the lock was not had in time, or the feed can't be written.
    """
    if run.options.force or run.options.notes is not None or not run.inputs:
        return False  # a vault's notes are written from the stories: those need telling
    with locked(run):
        staging.recover(run.options.root)
        remove_stale_parts(run.folder)
        previous = run.previous_manifest()
        inputs = previous.get("inputs")
        if not (
            isinstance(inputs, dict)
            and inputs.get("digest") == run.inputs
            and previous.get("fingerprint")
            and _all_there(run, previous)
        ):
            return False
        restore(run, previous, inputs)
        keep_previous(run, previous)
        rebuild_feed(run)
    return True


def restore(run: DailyRun, previous: dict[str, Any], inputs: dict[str, Any]) -> None:
    """What the last build's later steps reported (skips, notes, stories), as if run again."""
    from briefing.daily.sources import Skip

    skipped = previous.get("skipped")
    notes = previous.get("notes")
    stories = previous.get("stories")
    if isinstance(skipped, list):
        later = skipped[_count(inputs.get("skipped")) :]
        run.skip(
            Skip(str(s.get("source")), str(s.get("reason")), str(s.get("kind", "failed")))
            for s in later
            if isinstance(s, dict)
        )
    if isinstance(notes, list):
        for text in notes[_count(inputs.get("notes")) :]:
            run.note(str(text))
    run.result.kept_stories = [s for s in stories if isinstance(s, dict)] if stories else []
    run.result.rate_key = str(previous.get("rate_key") or "")


def _count(value: object) -> int:
    return value if isinstance(value, int) and value >= 0 else 0


def inputs_record(run: DailyRun) -> dict[str, Any]:
    """What the manifest keeps of the inputs: their digest, and how many skips and notes
    came from gathering (the rest come from later steps, replayed by `restore`)."""
    skipped, notes = run.gathered
    return {"digest": run.inputs, "skipped": skipped, "notes": notes}


def refresh_inputs(run: DailyRun, previous: dict[str, Any]) -> None:
    """New inputs made the very same day: its files stay, its manifest learns the new inputs.

    So the next run with these inputs keeps the day without telling it again.
    Only the manifest's record of the run changes, never the episode or the files.
    """
    from briefing.files import write_text

    record = inputs_record(run)
    if not run.inputs or previous.get("inputs") == record:
        return
    fresh = run.result.manifest()
    updated = dict(previous)
    for key in ("stories", "skipped", "notes", "older_items", "fetch"):
        updated[key] = fresh[key]
    updated["inputs"] = record
    text = json.dumps(updated, indent=2, ensure_ascii=False) + "\n"
    with contextlib.suppress(BriefingError, OSError):  # best effort: costs only speed
        write_text(run.folder / MANIFEST, text, force=True)


def rebuild_feed(run: DailyRun) -> None:
    """feed.xml from every day's manifest, and the channel's warnings; the caller holds the lock."""
    with run.timings.phase("feed"):
        run.result.feed, run.result.feed_updated = write_feed(
            run.options.root, run.options.channel, run.note
        )
        for warning in feed_warnings(run.options.channel):
            run.note(warning)


@contextmanager
def locked(run: DailyRun) -> Iterator[None]:
    """Hold the output folder's lock (waiting up to lock_timeout() for another run).

    Raises:
        OutputError: the lock was not had in time.
    """
    from filelock import FileLock, Timeout

    from briefing.files import ensure_dir

    root = run.options.root
    ensure_dir(root)
    lock = FileLock(str(root / LOCK_NAME))
    wait = lock_timeout()
    try:
        if wait > 1:
            try:
                lock.acquire(timeout=1)
            except Timeout:
                run.report("Waiting for another briefing run to finish", 0, 0)
                lock.acquire(timeout=wait - 1)
        else:
            lock.acquire(timeout=wait)
    except Timeout:
        raise OutputError(
            f"{root}: another briefing run kept writing here for {wait:g} seconds; "
            "nothing was written, try again later"
        ) from None
    try:
        yield
    finally:
        lock.release()


def write_notes(run: DailyRun) -> None:
    """A note per story in the notes vault, linked with the audio from the day's note (if asked).

    Raises:
        OutputError: the vault can't be written.
    """
    from briefing.notes.sources import from_groups
    from briefing.notes.vault import write_notes as write_vault

    settings, result = run.options.notes, run.result
    if settings is None:
        return
    items = from_groups(result.stories, result.told, run.options.day)
    audio = [result.audio] if result.audio and result.audio.is_file() else []
    report = write_vault(settings, run.options.day, items, audio)
    result.notes_files = [*report.files]
    for message in report.messages:
        run.note(message)


def fingerprint_of(run: DailyRun, briefing: Briefing) -> str:
    """Changes whenever the day's files would: the stories, the voice, the formats."""
    voice = run.voice
    data = {
        "title": briefing.title,
        "intro": briefing.intro,
        "outro": briefing.outro,
        "stories": [[s.headline, s.sentences, s.sources, s.method] for s in briefing.stories],
        "voice": [voice.name, voice.voice, voice.rate, voice.volume, voice.pitch],
        "engine": run.engine,
        "formats": run.formats,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


def unchanged(run: DailyRun, previous: dict[str, Any], fingerprint: str) -> bool:
    """The last run today wrote these very files, and they are all still there."""
    return previous.get("fingerprint") == fingerprint and _all_there(run, previous)


def _all_there(run: DailyRun, previous: dict[str, Any]) -> bool:
    files = previous.get("files")
    return isinstance(files, list) and all(
        (run.folder / Path(str(p)).name).is_file() for p in files
    )


def keep_previous(run: DailyRun, previous: dict[str, Any]) -> None:
    """Leave the day's files as they are, and report the audio they already have."""
    run.result.up_to_date = True
    run.note("nothing changed since the last run today; files kept")
    if previous.get("audio"):
        run.result.audio = Path(previous["audio"])
        run.result.audio_seconds = previous.get("audio_seconds")


def write_day(run: DailyRun, briefing: Briefing, fingerprint: str) -> None:
    """The day's Markdown, HTML, audio and transcript, then its manifest (the feed reads it).

    All of it is written into a staging folder that replaces the day's folder
    in one step, so a killed run leaves the old day or the new one, never a mix.
    If speech fails, the day is published with its text files and the error
    raised after.
    """
    staged = staging.stage(run.folder)
    try:
        failure = _write_staged(run, briefing, fingerprint, staged)
        staging.swap_in(staged, run.folder, keep=_own_names())
    finally:
        staging.discard(staged)
    if failure is not None:
        raise failure


def _own_names() -> frozenset[str]:
    from briefing.formats import FORMATS

    return frozenset({f"{STEM}{f.suffix}" for f in FORMATS.values()} | {TRANSCRIPT, MANIFEST})


def _write_staged(
    run: DailyRun, briefing: Briefing, fingerprint: str, staged: Path
) -> Exception | None:
    """Write the day into `staged`; the export's failure, if the text files were still written."""
    from briefing.export import export_briefing, output_paths
    from briefing.files import write_text
    from briefing.speech.script import SpeechScript, build_script, speech_script

    result = run.result
    failure: Exception | None = None
    script: SpeechScript | None = None
    with run.timings.phase("speech"), contextlib.suppress(Exception):
        # Built once: spoken, and written as the transcript. If it can't be built, the
        # export meets the same failure and deals with it as it does any speech failure.
        script = build_script(briefing, run.voice)
    try:
        made = export_briefing(
            briefing,
            staged,
            run.formats,
            voice=run.voice,
            force=True,
            stem=STEM,
            progress=lambda done, total: run.report("Speaking", done, total),
            timings=run.timings,
            script=script,
        )
    except (BriefingError, OSError) as exc:
        made = [p for p in output_paths(staged, STEM, run.formats) if p.is_file()]
        if not made:
            raise
        failure = exc
    with run.timings.phase("writing"):
        text = script.text if script is not None else speech_script(briefing, run.voice)
        write_text(staged / TRANSCRIPT, text, force=True)
    written = [run.folder / p.name for p in made]
    result.files = [*written, run.folder / TRANSCRIPT]
    audio_files = [p for p in written if p.suffix.lstrip(".") in ("mp3", "wav")]
    episode = None
    if audio_files:
        result.audio = audio_files[0]
        result.audio_seconds = recorded_seconds(made)
        briefing = replace(briefing, audio_seconds=result.audio_seconds)
        staged_audio = staged / result.audio.name  # hashed here: the day is not swapped in yet
        episode = episode_of(run, briefing, result.audio, written, content=staged_audio)
    manifest = result.manifest()
    del manifest["timings"]  # the run isn't over; and a re-run must find the file unchanged
    manifest["fingerprint"] = fingerprint if failure is None else None
    manifest["episode"] = episode.to_json() if episode else None
    manifest["inputs"] = inputs_record(run) if failure is None else None
    write_text(
        staged / MANIFEST,
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
        force=True,
    )
    return failure


def episode_of(
    run: DailyRun,
    briefing: Briefing,
    audio: Path,
    written: list[Path],
    *,
    content: Path | None = None,
) -> Episode:
    """The day's podcast episode: its audio and page relative to the feed, and its stories.

    `content` is where the audio's bytes are now (a staging folder), if not at `audio`.
    """
    root = run.options.root
    page = next((p for p in written if p.suffix == ".html"), None)
    transcripts = [p for p in written if p.suffix in (".vtt", ".srt")]
    chapters = next((p for p in written if p.name.endswith(".chapters.json")), None)
    digest = hashlib.sha256()
    with (content or audio).open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return Episode(
        day=run.options.day,
        title=briefing.title,
        published=run.clock().replace(microsecond=0),
        audio=audio.relative_to(root).as_posix(),
        seconds=run.result.audio_seconds or 0.0,
        stories=tuple(
            (s.headline, tuple(g.names))
            for s, g in zip(run.result.told, run.result.stories, strict=False)
        ),
        page=page.relative_to(root).as_posix() if page else None,
        transcripts=tuple(p.relative_to(root).as_posix() for p in transcripts),
        chapters=chapters.relative_to(root).as_posix() if chapters else None,
        digest=digest.hexdigest(),
        links=tuple(source_links(g) for g in run.result.stories[: len(run.result.told)]),
    )


def source_links(group: StoryGroup) -> tuple[str, ...]:
    """The web page of each of a story's named sources, in the order of its names ("" for a file)."""
    from briefing.urls import is_web_url

    links = []
    for name in group.names:
        member = next(m for m in group.members if m.name == name)
        links.append(member.link if is_web_url(member.link) else "")
    return tuple(links)


def lock_timeout() -> float:
    """Seconds to wait for another run (BRIEFING_LOCK_TIMEOUT overrides LOCK_TIMEOUT)."""
    try:
        return max(0.0, float(os.environ.get("BRIEFING_LOCK_TIMEOUT", LOCK_TIMEOUT)))
    except ValueError:
        return LOCK_TIMEOUT


def read_manifest(folder: Path) -> dict[str, Any]:
    """A day folder's manifest from an earlier run, or {} when there is none (or it is broken)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def recorded_seconds(written: list[Path]) -> float | None:
    """The audio length that export recorded in the Markdown front matter."""
    from briefing.render import split_front_matter

    for path in written:
        if path.suffix == ".md":
            meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
            seconds = meta.get("audio_seconds")
            if isinstance(seconds, (int, float)):
                return float(seconds)
    return None
