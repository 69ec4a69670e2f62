"""The command line's options: each defined once here, added to every command that takes it."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

TYPE_CHECKING = False  # not typing's: `briefing --help` imports this module (test_startup.py)
if TYPE_CHECKING:
    from typing import Any

    from briefing.daily.options import DailyOptions

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
"""Exit statuses: ok, bad input, bad usage (a contract scripts rely on)."""
DEFAULT_VOICE = "default"  # speech.voices.DEFAULT_VOICE, without importing the speech package


class Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line plus a hint, with exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def above_zero_up_to(high: float) -> Callable[[str], float]:
    """An argparse type: a number above 0 and at most `high`."""

    def convert(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
        if not 0 < value <= high:
            raise argparse.ArgumentTypeError(f"must be above 0 and at most {high:g}")
        return value

    return convert


ratio = above_zero_up_to(1)
minutes = above_zero_up_to(600)


def add_method(parser: argparse.ArgumentParser, *, from_config: bool = False) -> None:
    """--method; `from_config` leaves the default to a settings file (the daily brief)."""
    from briefing.summarize.registry import DEFAULT_METHOD, METHODS

    shown = "" if from_config else f"default: {DEFAULT_METHOD}; "
    parser.add_argument(
        "--method",
        "-m",
        default=None if from_config else DEFAULT_METHOD,
        choices=list(METHODS),
        metavar="NAME",
        help=f"summarizing method ({shown}see `briefing methods`)",
    )


def add_words(group: Any, help: str) -> None:
    group.add_argument("--words", "-w", type=positive_int, metavar="N", help=help)


def add_lengths(parser: argparse.ArgumentParser) -> None:
    """A summary's length, in one of sentences, words or a share, and its order."""
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--sentences",
        "-n",
        type=positive_int,
        metavar="N",
        help="summary length in sentences (default: 5)",
    )
    add_words(size, "summary length in words")
    size.add_argument(
        "--ratio",
        "-r",
        type=ratio,
        metavar="R",
        help="summary length as a share of the sentences (0-1]",
    )
    parser.add_argument(
        "--order",
        choices=["article", "score"],
        default="article",
        help="list the summary's sentences as in the article (default) or best first",
    )


def add_max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        type=positive_int,
        default=None,
        metavar="N",
        help="refuse inputs larger than N bytes (default: 5 MB)",
    )


def add_summary_options(parser: argparse.ArgumentParser) -> None:
    add_method(parser)
    add_lengths(parser)
    add_max_bytes(parser)
    add_language(parser)


def add_voice(
    parser: argparse.ArgumentParser, what: str = "voice profile", *, from_config: bool = False
) -> None:
    """--voice; `from_config` leaves the default to a settings file (the daily brief)."""
    shown = "default: default; " if from_config else ""
    parser.add_argument(
        "--voice",
        "-v",
        default=None if from_config else DEFAULT_VOICE,
        metavar="NAME",
        help=f"{what} ({shown}see `briefing voices`)",
    )


def language(text: str) -> str:
    """An argparse type: an ISO 639-1 code or a language name, as the language's name."""
    from briefing.language import language_named

    try:
        return language_named(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_language(parser: argparse.ArgumentParser) -> None:
    """--language: the input's language, overriding detection (splitting, summary, reading, voice)."""
    parser.add_argument(
        "--language",
        "-l",
        type=language,
        default=None,
        metavar="CODE",
        help="the articles' language as an ISO 639-1 code (en, de, fr, es, it, pt, nl, ...); "
        "default: detected",
    )


def add_out(
    parser: argparse.ArgumentParser,
    help: str = "output folder (default: ./output/<YYYY-MM-DD>/)",
    *,
    metavar: str = "DIR",
) -> None:
    parser.add_argument("--out", "-o", type=out_path, metavar=metavar, help=help)


def out_path(text: str) -> Path:
    """An --out value; an empty one would quietly mean the current folder, so it is bad usage."""
    if not text.strip():
        raise argparse.ArgumentTypeError("--out needs a path (it was empty)")
    return Path(text)


def add_force(
    parser: argparse.ArgumentParser, help: str = "overwrite existing output files"
) -> None:
    parser.add_argument("--force", "-f", action="store_true", help=help)


def add_json(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--json", action="store_true", help=help)


def add_notes(parser: argparse.ArgumentParser) -> None:
    """--notes DIR and --note-name TEMPLATE (make and daily)."""
    parser.add_argument(
        "--notes",
        type=Path,
        metavar="DIR",
        help="also write a note per article into this notes vault (Obsidian, Logseq, a folder), "
        "linked from the day's note",
    )
    parser.add_argument(
        "--note-name",
        metavar="TEMPLATE",
        help='name of each article\'s note: {date} {title} {slug} {site} (default: "{date} {title}")',
    )


class VersionAction(argparse.Action):
    """--version, looking the version up only when asked (the lookup is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def package_version() -> str:
    """The installed version; importlib.metadata is imported only for --version."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("briefing")
    except PackageNotFoundError:
        return "unknown"


def interrupt_on_terminate() -> None:
    """SIGTERM (a timeout, a service stop) unwinds like Ctrl-C: no scratch file is left behind."""
    import contextlib
    import signal

    def interrupt(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    with contextlib.suppress(ValueError):  # not the main thread (a test calling main)
        signal.signal(signal.SIGTERM, interrupt)


def print_json(data: object, *, ascii_only: bool = False) -> None:
    """One JSON document on stdout (json loads here: `--help` never needs it)."""
    import json

    print(json.dumps(data, ensure_ascii=ascii_only))


def daily_options(args: argparse.Namespace, config_path: Path) -> DailyOptions:
    """The daily run's options: the command line over the settings file."""
    from briefing.daily import config as settings
    from briefing.daily import options_from

    conf = settings.load(config_path, required=args.config is not None)
    return options_from(
        conf,
        sources=tuple(args.sources),
        since=args.since,
        minutes=args.minutes,
        words=args.words,
        max_stories=args.max_stories,
        voice=args.voice,
        method=args.method,
        out=args.out,
        base_url=args.base_url,
        title=args.title,
        language=args.language,
        audio=not args.no_audio,
        srt=args.srt or None,
        force=args.force,
        notes=args.notes,
        note_name=args.note_name,
    )
