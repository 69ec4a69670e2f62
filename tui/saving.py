"""Save and export: where the files go, which of them to ask about, and the export job itself.

`Outputs` and `export_job` know nothing of Textual; `Saver` is the app's save and
export flow (the questions, the worker, what to tell the user afterwards).
"""

from __future__ import annotations

import contextlib
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
from briefing.tui.settings import load_settings, save_setting

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.export import ExportRequest


@dataclass
class Outputs:
    """The output folder and the files this session may replace without asking."""

    folder: Path
    force: bool = False
    """Overwrite existing files without asking (`--force`)."""
    folder_given: bool = False
    """The folder came from --out: the export dialog starts there, not at the one remembered."""
    opened: Path | None = None
    """The briefing file that was reopened, if any: saving over it needs no question."""
    written: set[Path] = field(default_factory=set)
    """Files written by this session (resolved)."""
    file: Path | None = None
    """The briefing's own file: the one reopened, or where it was last saved (ctrl+s writes
    there even when the title changed; Save as picks another)."""

    def __post_init__(self) -> None:
        if self.file is None:
            self.file = self.opened

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
        if self.outputs.file is not None:
            target = self.outputs.file
        else:
            target = self.outputs.folder / f"{slugify(briefing.title)}.md"
        folder, stem = target.parent, target.stem
        force = self.outputs.force or self.outputs.ours(target)
        if target.exists() and not force:
            from briefing.tui.screens import questions  # dialogs load when first opened

            if await app.push_screen_wait(questions.overwrite([target], save=True)) != "yes":
                return False
            force = True
        try:
            export_briefing(briefing, folder, ("md",), force=force, stem=stem, markdown_text=text)
        except BriefingError as exc:
            app.notify(str(exc), title="Not saved", severity="error", timeout=8)
            return False
        self.outputs.record([target])
        self.outputs.file = target
        app.clean_text = body
        app.drafts.forget()
        app.notify(str(target), title="Saved")
        app.refresh_view()
        return True

    async def export(self, *, save_as: bool = False) -> None:
        """Ask for the formats, folder and name, then export on a worker thread.

        Args:
            save_as: Save as: only the Markdown ticked; the file written becomes the
                briefing's own file (ctrl+s writes there from then on).
        """
        app = self.app
        body, text, briefing = app.briefing_now()
        own = self.outputs.file
        stem = own.stem if own is not None else slugify(briefing.title)
        folder = own.parent if own is not None else self.last_folder()
        profile = app.profile()
        from briefing.tui.screens import questions
        from briefing.tui.screens.export import ExportScreen

        request: ExportRequest | None = await app.push_screen_wait(
            ExportScreen(
                folder,
                stem,
                f"Audio voice: {profile.name}, {profile.rate} words a minute",
                ("md",) if save_as else self.formats,
                self.notes,
                title="Save as" if save_as else "Export briefing",
            )
        )
        if request is None:
            return
        if not save_as:
            self.formats = request.formats
        self.remember_folder(request.folder)
        stem = request.stem or stem
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

    def last_folder(self) -> Path:
        """Where the export dialog starts: the folder chosen last time, else the output folder."""
        if self.outputs.folder_given:
            return self.outputs.folder
        remembered = load_settings().get("export_folder")
        if isinstance(remembered, str) and Path(remembered).is_dir():
            return Path(remembered)
        return self.outputs.folder

    def remember_folder(self, folder: Path) -> None:
        with contextlib.suppress(BriefingError):
            save_setting("export_folder", str(folder.expanduser().resolve()))

    def _run(self, job: ExportJob, body: str) -> None:
        written, problem = export_job(job, partial(self.app.post_progress, "Speaking"))
        self.app.post_message(Exported(written, problem, body))

    def exported(self, message: Exported) -> None:
        """The export finished: remember the files and tell the user where they are."""
        app = self.app
        app.status.stop()
        app.speaking = False
        self.outputs.record(message.files)
        markdown = next((p for p in message.files if p.suffix == ".md"), None)
        if markdown is not None and not message.problem:
            self.outputs.file = markdown
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
