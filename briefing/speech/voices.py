"""Voice profiles: named TOML files in the shipped voices/ folder and the user's voices folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import locations
from briefing.errors import VoiceError
from briefing.language import ISO_CODES, OTHER_CODES
from briefing.models import VoiceProfile
from briefing.speech.lexicon import parse_lexicon
from briefing.speech.tomlfile import read_toml

if TYPE_CHECKING:
    from briefing.speech.engine import EngineVoice

DEFAULT_VOICE = "default"
_FIELDS = {
    "name": str,
    "description": str,
    "voice": str,
    "rate": int,
    "volume": float,
    "pitch": int,
    "intro": str,
    "outro": str,
    "engine": str,
    "loudness": float,
    "language": str,
}
_RANGES = {"rate": (40, 500), "volume": (0.0, 2.0), "pitch": (0, 100), "loudness": (-40.0, -6.0)}
_PAUSES = {"after_title": "title_pause", "between_stories": "story_pause"}
_MAX_PAUSE = 10.0


def profile_files() -> dict[str, Path]:
    """Every profile file by name; a user's file overrides a shipped one of the same name."""
    found: dict[str, Path] = {}
    shipped = resources.files("briefing.voices")
    for entry in sorted(shipped.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml") and entry.name != "lexicon.toml":
            found[entry.name.removesuffix(".toml")] = Path(str(entry))
    user_dir = locations.user_voices_dir()
    if user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            if path.name != "lexicon.toml":
                found[path.stem] = path
    return found


def load_profile(path: Path) -> VoiceProfile:
    """Read and check one profile file.

    Raises:
        VoiceError: the file is not valid TOML or a field has the wrong type or range.
    """
    data = read_toml(path)
    values: dict[str, object] = {}
    for key, kind in _FIELDS.items():
        if key not in data:
            continue
        value = data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise VoiceError(f"{path}: field {key!r} must be a {kind.__name__}, not {value!r}")
        low_high = _RANGES.get(key)
        if low_high and not low_high[0] <= value <= low_high[1]:  # type: ignore[operator]
            raise VoiceError(
                f"{path}: field {key!r} must be between {low_high[0]} and {low_high[1]}"
            )
        values[key] = value
    values.setdefault("name", path.stem)
    if "engine" in values:
        _check_engine(str(values["engine"]), path)
    values.update(_pauses(data.get("pauses", {}), path))
    for key in ("intro", "outro"):
        if key in values:
            _check_template(str(values[key]), f"{path}: field {key!r}")
    if "voices" in data:
        values["voices"] = _voices_table(data["voices"], path)
    if "lexicon" in data:
        if not isinstance(data["lexicon"], dict):
            raise VoiceError(f"{path}: [lexicon] must be a table (spell, say, words)")
        entries = parse_lexicon(data["lexicon"], f"{path}: [lexicon]").entries
        values["lexicon"] = tuple(entries.items())
    # Fields added to VoiceProfile later (by other features) pass through unchecked.
    extra = getattr(VoiceProfile, "__dataclass_fields__", {})
    known = {
        k: v
        for k, v in data.items()
        if k in extra
        and k not in values
        and k not in {"path", "lexicon", "title_pause", "story_pause", "voices"}
    }
    return VoiceProfile(path=path, **values, **known)  # type: ignore[arg-type]


def _pauses(table: object, path: Path) -> dict[str, float]:
    """The [pauses] table: seconds of silence after the title and between stories."""
    if not isinstance(table, dict):
        raise VoiceError(f"{path}: [pauses] must be a table (after_title, between_stories)")
    values: dict[str, float] = {}
    for key, value in table.items():
        if key not in _PAUSES:
            raise VoiceError(f"{path}: unknown pause {key!r} (known: {', '.join(_PAUSES)})")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise VoiceError(f"{path}: pause {key!r} must be a number of seconds")
        if not 0 <= value <= _MAX_PAUSE:
            raise VoiceError(f"{path}: pause {key!r} must be between 0 and {_MAX_PAUSE:g} seconds")
        values[_PAUSES[key]] = float(value)
    return values


def _voices_table(table: object, path: Path) -> tuple[tuple[str, str], ...]:
    """The [voices] table: language code -> the engine voice to read that language with."""
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in table.items()
    ):
        raise VoiceError(f'{path}: [voices] must map language codes to voice ids (fr = "roa/fr")')
    return tuple((k.lower(), v) for k, v in table.items())


def _check_engine(name: str, path: Path) -> None:
    """Refuse an engine the registry doesn't know; whether it is installed is checked on use."""
    from briefing.speech.engines import ENGINES

    if name not in ENGINES:
        raise VoiceError(f"{path}: unknown speech engine {name!r} (known: {', '.join(ENGINES)})")


def _check_template(template: str, where: str) -> None:
    """Refuse an intro/outro naming a field the script can't fill, at load time, not mid-render.

    Only plain {field}s: a format spec such as {title:>999999999} or an
    attribute such as {date.__class__} would let a profile pad the script
    until memory runs out or reach into the program.
    """
    import string

    from briefing.speech.wording import TEMPLATE_FIELDS

    known = ", ".join("{" + f + "}" for f in TEMPLATE_FIELDS)
    try:
        for _text, field, spec, conversion in string.Formatter().parse(template):
            if field is None:
                continue
            if field not in TEMPLATE_FIELDS:
                raise KeyError(field)
            if spec or conversion:
                extra = f":{spec}" if spec else f"!{conversion}"
                raise ValueError(f"{{{field}{extra}}}: only plain fields such as {{{field}}}")
        template.format_map(dict.fromkeys(TEMPLATE_FIELDS, ""))
    except (KeyError, ValueError, IndexError, AttributeError) as exc:
        raise VoiceError(f"{where}: bad template ({exc}); known fields: {known}") from None


def get_profile(name: str = DEFAULT_VOICE) -> VoiceProfile:
    """The profile called `name`.

    Raises:
        VoiceError: no such profile (the message lists the known ones).
    """
    files = profile_files()
    if name not in files:
        raise VoiceError(f"unknown voice {name!r} (known: {', '.join(sorted(files))})")
    return load_profile(files[name])


def all_profiles() -> list[VoiceProfile]:
    return [load_profile(path) for path in profile_files().values()]


STANDARD_VOICES = {
    "en": "en-us",
    "de": "de",
    "fr": "fr-fr",
    "es": "es",
    "pt": "pt",
    "it": "it",
    "nl": "nl",
}
"""Each language's voice in its standard region, as an engine voice's language: French from
France (not Belgium's "septante"), Spanish from Spain, Portuguese from Portugal."""


def profile_language(profile: VoiceProfile) -> str:
    """The ISO 639-1 code of the language a profile speaks: its `language`, else its voice's."""
    if profile.language:
        return profile.language.lower()
    # espeak ids ("gmw/en-US", "fr-fr") and Piper ids ("en_US-joe-medium") alike
    code = profile.voice.lower().split("/")[-1].replace("_", "-").split("-")[0]
    return code if code not in {"english", "default", ""} else "en"


def voice_for_language(
    profile: VoiceProfile, language: str, installed: list[EngineVoice]
) -> tuple[VoiceProfile, str | None]:
    """The profile with an engine voice that speaks `language`, and a warning if none is installed.

    The profile's own `[voices]` entry for the language wins, then the language's voice in
    its standard region (STANDARD_VOICES), then any installed voice of the language. The
    rate, pitch and volume are kept; the intro and outro become the language's own.
    """
    code = ISO_CODES.get(language) or OTHER_CODES.get(language)
    if code is None or profile_language(profile) == code:
        return profile, None
    chosen = dict(profile.voices).get(code)
    if chosen is None:
        standard = STANDARD_VOICES.get(code, code)
        matching = [v for v in installed if any(_speaks(lang, code) for lang in v.languages)]
        best = next((v for v in matching if standard in v.languages), None)
        if best is None and matching:
            best = min(matching, key=lambda v: len(v.languages[0]))
        chosen = best.id if best else None
    from briefing.speech.wording import wording_for

    wording = wording_for(language)
    own = wording.language == code  # else no templates ship for it: say no wrapper at all
    worded = replace(
        profile,
        language=code,
        intro=wording.article_intro if own and profile.intro.strip() else "",
        outro=wording.article_outro if own and profile.outro.strip() else "",
    )
    if chosen is None:
        # No voice of its own: the words around it are still the language's.
        return worded, f"no {language} voice is installed; reading it with {profile.voice!r}"
    return replace(worded, voice=chosen), None


def _speaks(voice_language: str, code: str) -> bool:
    return voice_language == code or voice_language.startswith(code + "-")


def voice_speaking(
    profile: VoiceProfile,
    language: str,
    *,
    installed: Callable[[], list[EngineVoice]] | None = None,
) -> tuple[VoiceProfile, str | None]:
    """The profile switched to an engine voice for `language`, and a warning if none is installed.

    Every command that speaks goes through here, so they all switch the same way.
    `language` is a name ("german") or an ISO 639-1 code ("de"). English, and a
    profile already speaking the language, keep the profile without asking the
    engine anything; `installed` lists the engine's voices (default: the engine's).
    """
    name = _LANGUAGE_NAMES.get(language, language)
    code = ISO_CODES.get(name) or OTHER_CODES.get(name)
    if code is None or profile_language(profile) == code:
        return profile, None
    if installed is None:
        from briefing.speech.engines import engine_for

        installed = engine_for(profile).installed_voices
    return voice_for_language(profile, name, installed())


_LANGUAGE_NAMES = {code: name for name, code in {**OTHER_CODES, **ISO_CODES}.items()}
