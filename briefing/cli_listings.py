"""`briefing methods` and `briefing voices`: what the registries hold, as text or JSON."""

from __future__ import annotations

import argparse

from briefing.cli_options import EXIT_OK, print_json
from briefing.errors import BriefingError

TYPE_CHECKING = False  # not typing's: `briefing --help` imports this module (test_startup.py)
if TYPE_CHECKING:
    from typing import Any


def cmd_methods(args: argparse.Namespace) -> int:
    from briefing.summarize.registry import DEFAULT_METHOD, METHODS

    if args.json:
        print_json(
            [{"name": m.name, "description": m.description} for m in METHODS.values()],
            ascii_only=True,
        )
        return EXIT_OK
    width = max(len(name) for name in METHODS)
    for method in METHODS.values():
        default = " (default)" if method.name == DEFAULT_METHOD else ""
        print(f"{method.name:<{width}}  {method.description}{default}")
    return EXIT_OK


def cmd_voices(args: argparse.Namespace) -> int:
    from briefing.speech.engines import ENGINES, engine_for, engine_name_for
    from briefing.speech.voices import all_profiles, profile_language

    profiles = all_profiles()
    installed = {name: entry.available() for name, entry in ENGINES.items()}
    engine_voices: list[Any] = []
    engine_problem = ""
    try:
        engine_voices = engine_for().installed_voices()
    except BriefingError as exc:
        engine_problem = str(exc)
    if args.json:
        data = {
            "profiles": [
                {
                    "name": p.name,
                    "voice": p.voice,
                    "rate": p.rate,
                    "volume": p.volume,
                    "pitch": p.pitch,
                    "description": p.description,
                    "engine": p.engine,
                    "available": installed[p.engine],
                    "language": profile_language(p),
                }
                for p in profiles
            ],
            "engine_voices": [
                {"id": v.id, "name": v.name, "languages": list(v.languages)} for v in engine_voices
            ],
            "engines": [
                {"name": e.name, "description": e.description, "available": installed[e.name]}
                for e in ENGINES.values()
            ],
        }
        print_json(data)
        return EXIT_OK
    print("Voice profiles (use with --voice):")
    width = max((len(p.name) for p in profiles), default=4)
    for p in profiles:
        missing = "" if installed[p.engine] else " (not installed)"
        print(
            f"  {p.name:<{width}}  {p.engine}{missing}: {p.voice}, {p.rate} wpm, "
            f"volume {p.volume:g}, pitch {p.pitch}  {p.description}"
        )
    print()
    print("Speech engines (`engine` in a profile):")
    for e in ENGINES.values():
        state = "installed" if installed[e.name] else f"not installed: {e.install_hint}"
        print(f"  {e.name:<8} {e.description} ({state})")
    print()
    name = engine_name_for()
    if engine_problem:
        print(f"Engine voices ({name}): unavailable ({engine_problem})")
    else:
        print(
            f"Engine voices ({name}, {len(engine_voices)}; "
            "use an id or language as `voice` in a profile):"
        )
        for v in engine_voices:
            print(f"  {v.id:<24} {v.name}")
    return EXIT_OK
