"""The article's sentences, each marked in or out of the summary with the method's score."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.models import Article
from briefing.tui.messages import LengthStep, ToggleSentence

MARKS = {
    "ok": ("●", "bold green"),
    "edited": ("◐", "bold yellow"),
    "missing": ("◌", "bold red"),
    "": ("○", "dim"),
}
"""How a sentence is marked: chosen and in the text, chosen but edited, chosen but gone, not chosen."""

LEGEND = (("ok", "in"), ("edited", "edited"), ("missing", "missing"), ("", "out"))


def legend() -> Text:
    """One line saying what each mark means, in the marks' own colours."""
    line = Text()
    for state, meaning in LEGEND:
        mark, style = MARKS[state]
        if line:
            line.append("  ")
        line.append(mark, style=style)
        line.append(f" {meaning}")
    return line


def scaled(scores: tuple[float, ...]) -> list[float]:
    """Scores scaled to 0-1 (the best sentence 1.00), since every method has its own scale."""
    if not scores:
        return []
    low, high = min(scores), max(scores)
    if high == low:
        return [1.0 for _ in scores]
    return [(s - low) / (high - low) for s in scores]


def sentence_prompt(sentence: str, score: float | None, state: str) -> Table:
    """One row: the mark, the score and the sentence wrapped beside them."""
    mark, style = MARKS.get(state, MARKS[""])
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(width=4, justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(
        Text(mark, style=style),
        Text("" if score is None else f"{score:.2f}", style="dim"),
        Text(sentence, style="bold" if state else ""),
    )
    return grid


class SentenceList(OptionList):
    """Every sentence of the current article; subheads are shown as headings, not choosable."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "toggle_sentence",
            "Toggle",
            tooltip="Put the sentence in or out of the summary",
        ),
        Binding("plus,equals_sign", "longer", "Longer", key_display="+", show=False),
        Binding("minus", "shorter", "Shorter", key_display="-", show=False),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With no article (a briefing whose sources are gone) there is nothing to toggle."""
        if action in {"toggle_sentence", "longer", "shorter"}:
            return getattr(self, "_article", None) is not None
        return True

    def show(
        self,
        article: Article | None,
        scores: tuple[float, ...],
        states: dict[int, str],
        *,
        empty: str = "",
    ) -> None:
        """Show an article's sentences with their marks, keeping the highlighted row."""
        same = article is not None and article is getattr(self, "_article", None)
        self._article = article
        self.refresh_bindings()
        highlighted = self.highlighted if same else None
        self.clear_options()
        if article is None:
            self.add_option(Option(Text(empty, style="italic"), disabled=True))
            return
        norm = scaled(scores)
        options: list[Option] = []
        index = 0
        for block in article.blocks:
            if block.is_heading:
                options.append(Option(Text(block.text, style="bold underline"), disabled=True))
                continue
            for sentence in block.sentences:
                score = norm[index] if index < len(norm) else None
                options.append(
                    Option(sentence_prompt(sentence, score, states.get(index, "")), id=f"s{index}")
                )
                index += 1
        self.add_options(options)
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
        elif self.option_count:
            self.action_first()

    @property
    def sentence_index(self) -> int | None:
        """The article index of the highlighted sentence (None on a heading or nothing)."""
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return int(option.id[1:])

    def highlight_sentence(self, index: int) -> None:
        with contextlib.suppress(LookupError):
            self.highlighted = self.get_option_index(f"s{index}")

    def action_toggle_sentence(self) -> None:
        index = self.sentence_index
        if index is not None:
            self.post_message(ToggleSentence(index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ToggleSentence(int(event.option.id[1:])))

    def action_longer(self) -> None:
        self.post_message(LengthStep(+1))

    def action_shorter(self) -> None:
        self.post_message(LengthStep(-1))
