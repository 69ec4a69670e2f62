"""Save and export: where the files go, which of them to ask about, and the export job itself.

`Outputs` and `export_job` know nothing of Textual; `Saver` is the app's save and
export flow (the questions, the worker, what to tell the user afterwards).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.errors import BriefingError
from briefing.export import export_briefing
from briefing.files import slugify
from briefing.models import Briefing, VoiceProfile
from briefing.tui.messages import Exported
from briefing.tui.screens import questions
from briefing.tui.screens.export import ExportRequest, ExportScreen

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


@dataclass
class Outputs:
    """The output folder and the files this session may replace without asking."""

    folder: Path
    force: bool = False
    """Overwrite existing files without asking (`--force`)."""
    opened: Path | None = None
    """The briefing file that was reopened, if any: saving over it needs no question."""
    written: set[Path] = field(default_factory=set)
    """Files written by this session (resolved)."""

    def ours(self, path: Path) -> bool:
        """Written by this session, or the briefing that was opened: no need to ask."""
        resolved = path.resolve()
        return resolved in self.written or resolved == self.opened

    def taken(self, targets: Sequence[Path]) -> list[Path]:
        """The targets that exist and aren't ours: the user must agree to overwrite them."""
        if self.force:
            return []
        return [t for t in targets if t.exists() and not self.ours(t)]

    def record(self, paths: Sequence[Path]) -> None:
        self.written.update(p.resolve() for p in paths)


@dataclass(frozen=True)
class ExportJob:
    """One export, everything decided: what to write, where and with which voice."""

    briefing: Briefing
    text: str
    """The whole Markdown file (front matter and body)."""
    folder: Path
    formats: tuple[str, ...]
    profile: VoiceProfile
    force: bool
    stem: str
    notes: Path | None = None
    """A notes vault that gets the briefing's notes too."""


def export_job(job: ExportJob, progress: Callable[[int, int], None]) -> tuple[list[Path], str]:
    """Write every format; the files there afterwards and what went wrong ("" if nothing).

    Never raises: a failure halfway still reports the files that were written, so the
    app (and the user's edits) stay alive.
    """
    try:
        written = export_briefing(
            job.briefing,
            job.folder,
            job.formats,
            voice=job.profile,
            force=job.force,
            stem=job.stem,
            markdown_text=job.text,
            progress=progress,
        )
        return written + _notes(job, written), ""
    except BriefingError as exc:
        problem = str(exc)
    except Exception as exc:  # keep the app (and the user's edits) alive
        problem = f"{type(exc).__name__}: {exc}"
    candidates = (job.folder / f"{job.stem}.{f}" for f in job.formats)
    return [p for p in candidates if p.exists()], problem


def _notes(job: ExportJob, written: list[Path]) -> list[Path]:
    """Deliver to the notes target when a vault was given; a note edited by hand is an error to show."""
    if job.notes is None:
        return []
    from briefing.targets import TARGETS

    target = TARGETS["notes"]
    delivered = target.deliver(job.briefing, written, {"folder": str(job.notes)})
    report = getattr(target, "last", None)
    if report is not None and report.messages:
        raise BriefingError("; ".join(report.messages))
    return delivered


class Saver:
    """The app's ctrl+s and ctrl+e: ask what's needed, write, then say what was written."""

    def __init__(self, app: BriefingApp, outputs: Outputs) -> None:
        self.app = app
        self.outputs = outputs
        self.formats: tuple[str, ...] = ("md", "html")
        """The formats ticked in the export dialog last time (the next dialog starts there)."""
        self.notes: Path | None = None
        """The notes vault given last time."""

    async def save(self) -> bool:
        """Write the Markdown to the output folder now; True if it was written."""
        app = self.app
        body, text, briefing = app.briefing_now()
        stem = slugify(briefing.title)
        folder = self.outputs.folder
        target = folder / f"{stem}.md"
        force = self.outputs.force or self.outputs.ours(target)
        if target.exists() and not force:
            if await app.push_screen_wait(questions.overwrite([target], save=True)) != "yes":
                return False
            force = True
        try:
            export_briefing(briefing, folder, ("md",), force=force, stem=stem, markdown_text=text)
        except BriefingError as exc:
            app.notify(str(exc), title="Not saved", severity="error", timeout=8)
            return False
        self.outputs.record([target])
        app.clean_text = body
        app.drafts.forget()
        app.notify(str(target), title="Saved")
        app.refresh_view()
        return True

    async def export(self) -> None:
        """Ask for the formats and folder, then export on a worker thread."""
        app = self.app
        body, text, briefing = app.briefing_now()
        stem = slugify(briefing.title)
        profile = app.profile()
        request: ExportRequest | None = await app.push_screen_wait(
            ExportScreen(
                self.outputs.folder,
                stem,
                f"Audio voice: {profile.name}, {profile.rate} words a minute",
                self.formats,
                self.notes,
            )
        )
        if request is None:
            return
        self.formats = request.formats
        targets = [request.folder / f"{stem}.{fmt}" for fmt in request.formats]
        taken = self.outputs.taken(targets)
        if taken and await app.push_screen_wait(questions.overwrite(taken)) != "yes":
            return
        force = self.outputs.force or any(t.exists() for t in targets)
        job = ExportJob(
            briefing, text, request.folder, request.formats, profile, force, stem, request.notes
        )
        self.notes = request.notes
        app.status.start("Exporting")
        app.speaking = True
        app.run_worker(
            partial(self._run, job, body), thread=True, group="export-job", exit_on_error=False
        )

    def _run(self, job: ExportJob, body: str) -> None:
        written, problem = export_job(job, partial(self.app.post_progress, "Speaking"))
        self.app.post_message(Exported(written, problem, body))

    def exported(self, message: Exported) -> None:
        """The export finished: remember the files and tell the user where they are."""
        app = self.app
        app.status.stop()
        app.speaking = False
        self.outputs.record(message.files)
        if any(p.suffix == ".md" for p in message.files) and not message.problem:
            app.clean_text = message.markdown
            if not app.dirty:
                app.drafts.forget()
        names = ", ".join(p.name if i == 0 else p.suffix for i, p in enumerate(message.files))
        if message.problem:
            app.notify(message.problem, title="Export failed", severity="error", timeout=10)
        if message.files:
            folder = message.files[0].parent
            app.notify(f"{names}\nin {folder}", title="Exported", timeout=8)
        app.refresh_view()
