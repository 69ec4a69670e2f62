"""Save and export: where the files go, which of them to ask about, and the export job itself.

No Textual here except the overwrite question: the app asks it, then runs
`export_job` on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.errors import BriefingError
from briefing.export import export_briefing
from briefing.models import Briefing, VoiceProfile
from briefing.tui.screens.choice import ChoiceScreen


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


def overwrite_question(taken: Sequence[Path], *, save: bool = False) -> ChoiceScreen:
    """Ask before replacing files that are already there ("yes" to overwrite).

    Args:
        save: the question of ctrl+s (one Markdown file) rather than of an export.
    """
    if save:
        message = f"{taken[0]} already exists.\n\nOverwrite it with this briefing?"
    else:
        names = "\n".join(f"  {t}" for t in taken)
        message = f"Already there:\n{names}\n\nOverwrite {'them' if len(taken) > 1 else 'it'}?"
    return ChoiceScreen(
        "Overwrite?",
        message,
        [("Overwrite", "yes", "error"), ("Cancel", "cancel", "primary")],
        default=1,
    )


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
        return written, ""
    except BriefingError as exc:
        problem = str(exc)
    except Exception as exc:  # keep the app (and the user's edits) alive
        problem = f"{type(exc).__name__}: {exc}"
    candidates = (job.folder / f"{job.stem}.{f}" for f in job.formats)
    return [p for p in candidates if p.exists()], problem
