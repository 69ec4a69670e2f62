"""The rendered Markdown beside or behind the editor, drawn only while it can be seen."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.css.query import NoMatches


class PreviewPane(VerticalScroll):
    """The costliest widget: its Markdown (and markdown-it) loads with the first preview shown,
    and text that arrives while it is hidden is drawn when it is shown again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stale = True
        """Whether the text shown is behind the editor's (it changed while the pane was hidden)."""

    def show(self, body: str) -> None:
        """Draw `body` now if the pane can be seen, else remember that it is behind."""
        if not self.display:
            self.stale = True
            return
        self.stale = False

        async def render() -> None:
            from textual.widgets import Markdown

            try:
                markdown = self.query_one("#preview", Markdown)
            except NoMatches:
                markdown = Markdown(id="preview")
                await self.mount(markdown)
            await markdown.update(body)

        # A function, not a coroutine: one replaced before it starts is never created.
        # (Textual's hints take an async function's coroutine as Coroutine[None, None, T].)
        self.run_worker(render, group="preview", exclusive=True)  # type: ignore[arg-type]
