"""The `briefing` command line: parse arguments, call the core, print. Heavy imports happen late."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from briefing.cli_listings import cmd_methods, cmd_voices
from briefing.cli_options import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    VersionAction,
    add_force,
    add_json,
    add_language,
    add_max_bytes,
    add_method,
    add_notes,
    add_out,
    add_summary_options,
    add_voice,
    add_words,
    daily_options,
    interrupt_on_terminate,
    minutes,
    positive_int,
    print_json,
)
from briefing.cli_status import DailySteps, Progress, print_timings
from briefing.errors import BriefingError, UsageError

TYPE_CHECKING = False  # not typing's: `briefing --help` imports this module (test_startup.py)
if TYPE_CHECKING:
    from typing import Any

    from briefing.models import Article, Briefing, Summary, VoiceProfile
    from briefing.notes.batch import NotesBatch
    from briefing.summarize.length import Length


def _add_output_options(parser: argparse.ArgumentParser, *, formats: bool) -> None:
    add_out(parser)
    add_voice(parser)
    add_force(parser)
    if formats:
        from briefing.formats import AUDIO_FORMATS, FORMATS, formats_help

        parser.add_argument(
            "--format",
            default="md,wav",
            metavar="LIST",
            help=f"comma-separated output formats: {formats_help()} (default: md,wav)",
        )
        parser.add_argument(
            "--no-audio",
            action="store_true",
            help="skip audio and transcripts "
            f"({', '.join(f for f in FORMATS if f in AUDIO_FORMATS)})",
        )
    add_json(parser, 'print {"files": [paths written]} as JSON')


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="briefing",
        description="Turn news articles into a short spoken briefing: summary, Markdown and audio.",
        epilog="Example: briefing make article.txt --sentences 4 --format md,html,wav",
    )
    parser.add_argument("--version", action=VersionAction, help="show the version number and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True

    make = commands.add_parser(
        "make",
        help="summarize articles and write the briefing (Markdown, HTML, WAV)",
        description="Summarize each article and write its briefing: Markdown, and HTML/WAV if asked.",
    )
    make.add_argument(
        "inputs", nargs="+", metavar="ARTICLE", help="a .txt, .md or .html file, or - for stdin"
    )
    add_summary_options(make)
    _add_output_options(make, formats=True)
    add_notes(make)
    make.set_defaults(handler=cmd_make)

    summarize = commands.add_parser(
        "summarize",
        help="print an article's summary (text or --json)",
        description="Print the summary of an article; --jsonl summarizes a batch.",
    )
    summarize.add_argument(
        "input", nargs="?", metavar="ARTICLE", help="a .txt, .md or .html file, or - for stdin"
    )
    summarize.add_argument(
        "--jsonl",
        type=Path,
        metavar="FILE",
        help='batch mode: lines {"id", "article"} in, {"id", "summary"} out',
    )
    add_summary_options(summarize)
    add_json(summarize, 'print {"title", "method", "sentences": [{"index", "text", "score"}]}')
    summarize.set_defaults(handler=cmd_summarize)

    _add_read(commands)
    speak = commands.add_parser(
        "speak",
        help="read a briefing or article aloud into a WAV file",
        description="Speak a briefing (.md written by `make`) or any article into a WAV file.",
    )
    speak.add_argument("input", metavar="FILE", help="a briefing .md, an article, or - for stdin")
    add_out(speak, "WAV file to write (default: output/<date>/<slug>.wav)", metavar="FILE")
    add_voice(speak)
    add_force(speak, "overwrite an existing file")
    add_json(speak, 'print {"files": [...], "seconds": N}')
    add_max_bytes(speak)
    add_language(speak)
    speak.set_defaults(handler=cmd_speak)

    _add_daily(commands)
    script = commands.add_parser(
        "script",
        help="print the speech script: exactly what the voice will say",
        description="Print the speech script of a briefing or article (numbers, dates, "
        "abbreviations written out as they will be spoken), or with --text the spoken "
        "form of TEXT alone, on one line.",
        epilog='Example: briefing script --text "The deal is worth $1.2bn."  '
        "Pronunciations come from the lexicon: voices/lexicon.toml, a voice profile's "
        "[lexicon] table, and <config>/lexicon.toml.",
    )
    script.add_argument(
        "input", nargs="?", metavar="FILE", help="a briefing .md, an article, or - for stdin"
    )
    script.add_argument("--text", "-t", metavar="TEXT", help="print the spoken form of TEXT only")
    add_voice(script, "voice profile whose intro, outro and lexicon to use")
    add_max_bytes(script)
    add_language(script)
    script.set_defaults(handler=cmd_script)

    edit = commands.add_parser(
        "edit",
        help="review and edit a briefing in a full-screen app, then export it",
        description=(
            "Open the articles (or a briefing .md written earlier) in a full-screen editor: "
            "choose sentences, edit the text, listen, and export."
        ),
        epilog="Keys: space chooses a sentence, ctrl+s saves, ctrl+e exports, f1 shows help.",
    )
    edit.add_argument(
        "inputs",
        nargs="+",
        metavar="ARTICLE",
        help="a .txt, .md or .html file, - for stdin, or a briefing .md to reopen",
    )
    add_summary_options(edit)
    add_out(edit)
    add_voice(edit, "voice profile for listening and audio")
    add_force(edit, "overwrite existing files without asking")
    edit.set_defaults(handler=cmd_edit)

    methods = commands.add_parser("methods", help="list the summarizing methods")
    add_json(methods, "print the list as JSON")
    methods.set_defaults(handler=cmd_methods)

    voices = commands.add_parser(
        "voices", help="list voice profiles and the engine's installed voices"
    )
    voices.add_argument("--json", action="store_true", help="print the lists as JSON")
    voices.set_defaults(handler=cmd_voices)
    return parser


def _add_daily(commands: Any) -> None:
    daily = commands.add_parser(
        "daily",
        help="the daily brief: many feeds and pages into one spoken briefing and a podcast feed",
        description=(
            "Read feeds (RSS, Atom, OPML lists), article pages, files and folders; keep the\n"
            "stories of the --since window, merge the same story told by several sources,\n"
            "summarize them to fit the length, and write output/<YYYY-MM-DD>/briefing.md,\n"
            "its audio and transcript, and update output/feed.xml (a podcast feed)."
        ),
        epilog=(
            "Example: briefing daily feeds.opml --minutes 5 --base-url https://example.org/brief/\n"
            "Settings can live in a TOML file: briefing daily --init writes a commented example."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    daily.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="feed or article URL, OPML/feed/article file, or folder (default: the config's feeds)",
    )
    daily.add_argument(
        "--config",
        "-c",
        type=Path,
        metavar="FILE",
        help="settings file (default: config.toml in the user config folder, if present)",
    )
    daily.add_argument(
        "--init",
        action="store_true",
        help="write a commented example settings file (at --config or the default) and stop",
    )
    size = daily.add_mutually_exclusive_group()
    size.add_argument(
        "--minutes", type=minutes, metavar="M", help="length of the whole brief (default: 5)"
    )
    add_words(size, "length of the whole brief in words")
    daily.add_argument(
        "--since",
        metavar="DURATION",
        help="only items from this window, e.g. 24h, 90m, 2d (default: 24h)",
    )
    daily.add_argument(
        "--max-stories", type=positive_int, metavar="N", help="at most N stories (default: 8)"
    )
    add_voice(daily, from_config=True)
    add_method(daily, from_config=True)
    add_language(daily)
    add_out(daily, "output folder for <YYYY-MM-DD>/ and feed.xml (default: ./output)")
    daily.add_argument(
        "--base-url", metavar="URL", help="where the output folder is served, for the feed's links"
    )
    daily.add_argument("--title", metavar="TEXT", help="the podcast's title in feed.xml")
    daily.add_argument(
        "--no-audio", action="store_true", help="write the text only (no audio, no feed item)"
    )
    daily.add_argument("--srt", action="store_true", help="write an SRT transcript too")
    add_force(
        daily, "rewrite the day's files even when nothing changed (with --init: replace the file)"
    )
    daily.add_argument("--quiet", "-q", action="store_true", help="no notes on stderr, only errors")
    daily.add_argument(
        "--timings",
        action="store_true",
        help="print where the time went, phase by phase, on stderr (--json always has it)",
    )
    add_json(
        daily,
        "print a manifest: files written, stories and their sources, what was skipped and why",
    )
    add_notes(daily)
    daily.set_defaults(handler=cmd_daily)


def _add_read(commands: Any) -> None:
    read = commands.add_parser(
        "read",
        help="print an article as briefing reads it (text or --json)",
        description="Print the article briefing finds in a file, stdin or a web page: "
        "its title and body, or with --json its metadata, text and sentences.",
        epilog="Example: briefing read https://example.org/story.html --json",
    )
    read.add_argument(
        "input", metavar="SOURCE", help="a .txt, .md or .html file, a web address, or - for stdin"
    )
    read.add_argument(
        "--json",
        action="store_true",
        help='print {"title", "source", "url", "site", "authors", "published", "language", '
        '"text", "sentences"}',
    )
    add_max_bytes(read)
    add_language(read)
    read.set_defaults(handler=cmd_read)


def cmd_read(args: argparse.Namespace) -> int:
    """The ingested article: what every other command summarizes or speaks."""
    article = _read(args.input, args)
    if args.json:
        from briefing.ingest.record import article_record

        print_json(article_record(article))
    else:
        print(article.title)
        print()
        print(article.text)
    return EXIT_OK


# ---- shared steps -------------------------------------------------------------------------


def _length(args: argparse.Namespace) -> Length:
    from briefing.summarize.length import Length

    return Length(sentences=args.sentences, words=args.words, ratio=args.ratio)


def _read(source: str, args: argparse.Namespace) -> Article:
    from briefing.ingest import MAX_BYTES, read_article

    return read_article(source, max_bytes=args.max_bytes or MAX_BYTES, language=args.language)


def _summarize(article: Article, args: argparse.Namespace) -> Summary:
    from briefing.summarize import summarize

    summary = summarize(article, args.method, _length(args), order=args.order)
    for note in summary.notes:
        _note(f"{article.source}: {note}")
    return summary


def _voice(name: str) -> VoiceProfile:
    from briefing.speech.voices import get_profile

    return get_profile(name)


def _spoken_by(voice: VoiceProfile, language: str, source: str) -> VoiceProfile:
    """The voice switched to the input's language (speech.voices.voice_speaking), noting a miss."""
    from briefing.speech.voices import voice_speaking

    chosen, warning = voice_speaking(voice, language)
    if warning:
        _note(f"{source}: {warning}")
    return chosen


def _note(message: str) -> None:
    from briefing.sanitize import for_terminal

    print(f"briefing: {for_terminal(message, keep_lines=True)}", file=sys.stderr)


def _print_files(files: Sequence[Path], as_json: bool, **extra: Any) -> None:
    if as_json:
        print_json({"files": [str(f) for f in files], **extra})
    else:
        for path in files:
            print(path)


# ---- commands -----------------------------------------------------------------------------


def cmd_make(args: argparse.Namespace) -> int:
    """Each input's briefing; a bad input is named and skipped, the rest still written."""
    from briefing.assemble import briefing_from
    from briefing.errors import InputError
    from briefing.export import export_briefing, output_paths
    from briefing.files import check_free, slugify
    from briefing.formats import AUDIO_FORMATS, parse_formats
    from briefing.locations import output_dir
    from briefing.naming import unique_stems

    try:
        formats = parse_formats(args.format)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.no_audio:
        formats = tuple(f for f in formats if f not in AUDIO_FORMATS)
    if not formats:
        raise UsageError("nothing to write: --no-audio left no format in --format")
    voice = _voice(args.voice) if AUDIO_FORMATS.intersection(formats) else None
    vault = _notes_batch(args)
    summaries, failed = [], 0
    for source in args.inputs:
        try:
            summaries.append(_summarize(_read(source, args), args))
        except InputError as exc:
            if len(args.inputs) == 1:
                raise
            print(f"briefing: error: {exc}", file=sys.stderr)
            failed += 1
    folder = args.out or output_dir()
    stems = unique_stems([slugify(s.article.title) for s in summaries])
    # Every name is checked before anything is written; with --notes, files already
    # written for an article are kept (a re-run into a vault), so they are not in the way.
    kept = {stem: vault.kept_outputs(folder, stem, formats) if vault else [] for stem in stems}
    fresh = [p for stem in stems if not kept[stem] for p in output_paths(folder, stem, formats)]
    check_free(fresh, force=args.force)
    written: list[Path] = []
    for summary, stem in zip(summaries, stems, strict=True):
        briefing = briefing_from([summary])
        files = kept[stem]
        if files:
            _note(f"{folder / stem}.*: already written; kept (use --force to replace)")
        else:
            progress = Progress(f"Speaking {stem}")
            files = export_briefing(
                briefing,
                folder,
                formats,
                voice=_spoken_by(voice, summary.article.language, summary.article.source)
                if voice
                else None,
                force=args.force,
                stem=stem,
                progress=progress,
            )
            progress.close()
            written += files
        if vault:
            vault.add(summary, briefing.date, files)
    if vault is None:
        _print_files(written, args.json)
        return EXIT_INPUT if failed else EXIT_OK
    report = vault.write()
    for message in report.messages:
        _note(message)
    notes = report.files
    _print_files(
        written + notes if not args.json else written,
        args.json,
        notes_files=[str(p) for p in notes],
    )
    return EXIT_INPUT if failed else EXIT_OK


def _notes_batch(args: argparse.Namespace) -> NotesBatch | None:
    """`--notes`: the vault's settings (names from config.toml when not given), else None."""
    if args.notes is None:
        return None
    from briefing import locations
    from briefing.daily.config import load
    from briefing.daily.options import notes_settings
    from briefing.notes.batch import NotesBatch

    conf = load(locations.config_file(), required=False)
    settings = notes_settings(conf, args.notes, args.note_name, force=args.force)
    return NotesBatch(settings) if settings else None


def cmd_edit(args: argparse.Namespace) -> int:
    from briefing.ingest import MAX_BYTES, STDIN
    from briefing.tui.session import open_inputs

    voice = _voice(args.voice)
    opening = open_inputs(
        args.inputs,
        method=args.method,
        length=_length(args),
        max_bytes=args.max_bytes or MAX_BYTES,
        language=args.language,
    )
    if STDIN in args.inputs:
        _keyboard_from_terminal()
    if not (sys.stdout.isatty() and sys.stdin.isatty()):
        raise UsageError("`briefing edit` needs a terminal; use `briefing make` in scripts")
    profiles = _profiles_speaking(opening, voice)
    if profiles is not None:
        voice = next(p for p in profiles if p.name == voice.name)
    from briefing.tui.app import BriefingApp

    app = BriefingApp(opening, out=args.out, voice=voice, profiles=profiles, force=args.force)
    status = app.run()
    return status if isinstance(status, int) else app.return_code or EXIT_OK


def _profiles_speaking(opening: Any, voice: VoiceProfile) -> list[VoiceProfile] | None:
    """Every profile switched to the articles' language; None (the app's own list) for English."""
    from briefing.language import DEFAULT_LANGUAGE, shared_language

    articles = [e.article for e in opening.entries if e.article is not None]
    language = shared_language(a.language for a in articles)
    if language == DEFAULT_LANGUAGE:
        return None
    from functools import cache

    from briefing.speech.engine import get_engine
    from briefing.speech.voices import all_profiles, voice_speaking

    installed = cache(lambda: get_engine().installed_voices())  # asked once, if at all
    chosen, warning = voice_speaking(voice, language, installed=installed)
    if warning:
        _note(f"{articles[0].source}: {warning}")
    others = [p for p in all_profiles() if p.name != voice.name]
    return [chosen, *(voice_speaking(p, language, installed=installed)[0] for p in others)]


def _keyboard_from_terminal() -> None:
    """After reading the article from a pipe, take keys from the terminal again."""
    import os

    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        return
    os.dup2(tty, 0)
    os.close(tty)


def cmd_summarize(args: argparse.Namespace) -> int:
    from briefing.language import iso_code

    if args.jsonl is not None:
        if args.input is not None:
            raise UsageError("give either ARTICLE or --jsonl FILE, not both")
        return _summarize_batch(args)
    if args.input is None:
        raise UsageError("the following arguments are required: ARTICLE (or --jsonl FILE)")
    summary = _summarize(_read(args.input, args), args)
    if args.json:
        data = {
            "title": summary.article.title,
            "method": summary.method,
            "sentences": [
                {"index": p.index, "text": p.text, "score": p.score} for p in summary.picks
            ],
            "source": summary.article.source,
            "language": iso_code(summary.article.language),
        }
        print_json(data)
    else:
        print(summary.article.title)
        print()
        for sentence in summary.sentences:
            print(sentence)
    return EXIT_OK


def _summarize_batch(args: argparse.Namespace) -> int:
    """Print one {"id", "summary"} or {"id", "error"} line per input line (see briefing.batch)."""
    from briefing.batch import read_batch, summarize_batch

    name = str(args.jsonl)
    limit = getattr(args, "max_bytes", None)
    rows = read_batch(name, **({"max_bytes": limit} if limit else {}))
    failed = 0
    progress = Progress("Summarizing")
    try:
        results = summarize_batch(name, rows, lambda a: _summarize(a, args), note=_note)
        for done, result in enumerate(results):
            progress(done + 1, len(rows))
            failed += bool(result.error)
            print(result.to_json(), flush=True)
    finally:
        progress.close()
    return EXIT_INPUT if failed else EXIT_OK


def cmd_speak(args: argparse.Namespace) -> int:
    _warm_up_speech(args.input)  # first: the workers start while everything else loads
    from briefing.files import slugify
    from briefing.locations import output_dir
    from briefing.spoken_out import audio_format, is_stdout, speak_to, speak_to_stdout

    if args.out is not None and not is_stdout(args.out) and not args.out.is_dir():
        audio_format(args.out)  # a wrong suffix is refused before any work
    voice = _voice(args.voice)
    article, briefing = _read_briefing(args.input, args)
    voice = _spoken_by(voice, article.language, article.source)
    out = args.out or output_dir() / f"{slugify(briefing.title)}.wav"
    if not is_stdout(out) and out.is_dir():
        out = out / f"{slugify(briefing.title)}.wav"
    from briefing.speech.engine import render_script
    from briefing.speech.script import build_script

    script = build_script(briefing, voice)
    progress = Progress("Speaking")

    def render(path: Path) -> float:
        return render_script(script, voice, path, progress=progress).seconds

    try:
        if is_stdout(out):
            speak_to_stdout(render)
            return EXIT_OK
        seconds = speak_to(out, render, force=args.force)
    finally:
        progress.close()
    _print_files([out], args.json, seconds=round(seconds, 2))
    return EXIT_OK


def _warm_up_speech(source: str) -> None:
    """A long local input: start the speech workers now, while it is read and normalized."""
    try:
        size = Path(source).stat().st_size
    except (OSError, ValueError):
        return  # standard input, a URL or a missing file: nothing to go on (or said later)
    from briefing.speech.standby import warm_up

    warm_up(size)


def _read_briefing(source: str, args: argparse.Namespace) -> tuple[Article, Briefing]:
    from briefing.ingest import MAX_BYTES
    from briefing.reader import read_briefing

    return read_briefing(source, max_bytes=args.max_bytes or MAX_BYTES, language=args.language)


def cmd_daily(args: argparse.Namespace) -> int:
    from briefing import locations
    from briefing.timings import Timings

    config_path = args.config or locations.config_file()
    if args.init:
        from briefing.daily import config as settings

        if args.sources:
            raise UsageError("--init writes the settings file only; give no sources with it")
        path = settings.write_example(config_path, force=args.force)
        print(path)
        return EXIT_OK
    timings = Timings()  # from the command's start: loading the pipeline and settings count too
    with timings.phase("start-up"):
        options = daily_options(args, config_path)
    from briefing.daily import NothingToBrief, run

    steps = DailySteps()
    try:
        result = run(options, progress=steps, timings=timings)
    except NothingToBrief as exc:
        steps.close()
        _report_daily(exc.result, args)
        if args.json:
            print_json(exc.result.manifest())
        raise
    finally:
        steps.close()
    _report_daily(result, args)
    if args.json:
        print_json(result.manifest())
    else:
        for path in result.files:
            print(path)
        if result.feed and result.feed_updated:
            print(result.feed)
        for path in result.notes_files:
            print(path)
    return EXIT_OK


def _report_daily(result: Any, args: argparse.Namespace) -> None:
    """Skipped sources and notes on stderr (cron mails them, scripts can ignore them), and where
    the time went with --timings (even with --quiet)."""
    from briefing.daily.notices import report_lines

    if not args.quiet:
        for line in report_lines(result):
            _note(line)
    if args.timings:
        print_timings(result.timings)


def cmd_script(args: argparse.Namespace) -> int:
    """Print what the voice will say: a whole script, or one line for --text."""
    from briefing.speech.script import build_script, spoken_text

    voice = _voice(args.voice)
    if args.text is not None:
        if args.input is not None:
            raise UsageError("give either FILE or --text TEXT, not both")
        if args.language:
            voice = _spoken_by(voice, args.language, "--text")
        print(spoken_text(args.text, voice, args.language))
        return EXIT_OK
    if args.input is None:
        raise UsageError("the following arguments are required: FILE (or --text TEXT)")
    article, briefing = _read_briefing(args.input, args)
    voice = _spoken_by(voice, article.language, article.source)
    print(build_script(briefing, voice).text, end="")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `briefing` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        interrupt_on_terminate()
        return args.handler(args)
    except UsageError as exc:
        print(f"briefing: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BriefingError as exc:
        from briefing.sanitize import for_terminal

        print(f"briefing: error: {for_terminal(str(exc), keep_lines=True)}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # a safety net: every known OS failure is already a BriefingError
        print(
            f"briefing: error: {exc.filename or 'output'}: {exc.strerror or exc}", file=sys.stderr
        )
        return EXIT_INPUT
    except (RecursionError, MemoryError, OverflowError) as exc:
        print(
            f"briefing: error: input too large or too deep to read ({type(exc).__name__})",
            file=sys.stderr,
        )
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130


def run() -> None:
    """The console script: the command, then an exit that skips tearing the interpreter down.

    By then every output is written and closed; what is left is freeing each
    object one by one, some 60 ms after speaking a long file. Exit handlers and
    threads still run their course and the standard streams are flushed, as at
    a normal exit.
    """
    code = main()
    import atexit
    import contextlib
    import os
    import threading

    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a reader gone, or a stream closed
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
