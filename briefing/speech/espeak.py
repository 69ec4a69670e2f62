"""espeak-ng through pyttsx3's ctypes binding, loaded from the espeakng-loader wheel when present.

pyttsx3's own driver loop returns before long files are written and builds
the audio with quadratic `bytes +=`, so this adapter drives the same binding
synchronously and streams every buffer straight to the sink.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
from collections.abc import Iterator
from typing import Any

from briefing.errors import EngineError
from briefing.models import VoiceProfile, WordMark
from briefing.speech.engine import EngineVoice, PcmSink, SpeechEngine

_LOCK = threading.Lock()
_BINDING: Any = None
_RATE = 0
"""The sample rate espeak-ng reported when it started (22050 for its own voices)."""
_CURRENT_VOICE: tuple[str, int, float, int] | None = None
"""The settings espeak-ng holds now, so speaking sentence by sentence doesn't reload the voice."""
BUFFER_MS = 200


def _load_bundled_library() -> None:
    """Make the wheel's libespeak-ng the one pyttsx3 finds, before pyttsx3 looks."""
    try:
        import espeakng_loader
    except ImportError:
        return
    try:
        library = espeakng_loader.get_library_path()
        os.environ.setdefault("ESPEAK_DATA_PATH", espeakng_loader.get_data_path())
        ctypes.CDLL(library, mode=ctypes.RTLD_GLOBAL)
    except (OSError, RuntimeError):
        return  # fall back to a system espeak-ng


def binding() -> Any:
    """pyttsx3's espeak binding, initialised once per process."""
    global _BINDING, _RATE
    if _BINDING is None:
        _load_bundled_library()
        try:
            from pyttsx3.drivers import _espeak
        except (ImportError, OSError, RuntimeError) as exc:
            raise EngineError(
                f"can't load the espeak-ng speech engine ({exc}); "
                "reinstall briefing or install espeak-ng, or use --no-audio"
            ) from None
        rate = _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, BUFFER_MS, None, 0)
        if rate <= 0:
            raise EngineError(f"espeak-ng failed to start (returned {rate})")
        _BINDING, _RATE = _espeak, rate
    return _BINDING


class NoVoice(EngineError):
    """espeak-ng has no voice by the name asked for."""


MNEMONICS = 0
"""espeak_TextToPhonemes phoneme mode: espeak-ng's ASCII mnemonics."""
IPA = 0x02
"""espeak_TextToPhonemes phoneme mode: UTF-8 IPA (what Piper voices are trained on)."""


def phonemes(text: str, voice: str = "en-us", *, mode: int = MNEMONICS) -> str:
    """The phonemes espeak-ng would speak for `text`, clause by clause, in `mode`.

    Used to check pronunciation without listening (two texts that give the
    same phonemes sound the same), and as the Piper engine's phonemizer.

    Raises:
        NoVoice: espeak-ng has no voice `voice`.
    """
    espeak = binding()
    convert = espeak.dll.espeak_TextToPhonemes
    convert.restype = ctypes.c_char_p
    convert.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int, ctypes.c_int]
    with _LOCK:
        phonemizing()
        if espeak.SetVoiceByName(voice.encode()) != 0:
            raise NoVoice(f"espeak-ng has no voice {voice!r}")
        buffer = ctypes.create_string_buffer(text.encode("utf-8"))
        pointer = ctypes.c_void_p(ctypes.addressof(buffer))
        clauses = []
        while pointer.value:
            result = convert(ctypes.byref(pointer), _CHARS_UTF8, mode)
            if result:
                clauses.append(result.decode("utf-8", "replace").strip())
    return " ".join(c for c in clauses if c)


_CHARS_UTF8 = 1
_PHONEMIZED = False
"""Whether espeak_TextToPhonemes ran since the last utterance (see `_settle`)."""


def phonemizing() -> None:
    """Note, under `_LOCK`, that espeak-ng is about to phonemize (see `phonemes`): the voice it
    holds changes, and the next utterance must settle it first."""
    global _CURRENT_VOICE, _PHONEMIZED
    _CURRENT_VOICE = None
    _PHONEMIZED = True


def _settle(espeak: Any) -> None:
    """After phonemizing, speak a silent throwaway word before real speech.

    libespeak-ng 1.52 leaves state behind from espeak_TextToPhonemes: the first
    utterance after many phonemized texts lost its first word event (so its
    cue), and could run at a stale speed. One discarded utterance clears both.
    """
    global _PHONEMIZED
    if _PHONEMIZED:
        espeak.SetSynthCallback(_ignore_audio)
        espeak.Synth(b"a.", flags=espeak.ENDPAUSE | espeak.CHARS_UTF8)
        espeak.Synchronize()
        _PHONEMIZED = False


@contextlib.contextmanager
def _signals_held() -> Iterator[list[int]]:
    """Hold Ctrl-C and SIGTERM while espeak-ng speaks; deliver them once it has returned.

    Python runs a signal's handler in the next Python code of the main thread,
    which during synthesis is the ctypes audio callback: a KeyboardInterrupt
    raised there is printed as "Exception ignored" and swallowed, and speech
    went on. Held, the signal makes the callback stop the utterance instead,
    and is raised again (to the handler it had) when espeak-ng returns.
    """
    held: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield held  # signals reach only the main thread: nothing to hold here
        return
    # A signal the process ignores (a speech worker ignores Ctrl-C) stays ignored.
    previous = {
        number: handler
        for number in (signal.SIGINT, signal.SIGTERM)
        if (handler := signal.getsignal(number)) is not signal.SIG_IGN
    }
    for number in previous:
        signal.signal(number, lambda number, _frame: held.append(number))
    try:
        yield held
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        if held:
            signal.raise_signal(held[0])


def _ignore_audio(wav: Any, count: int, events: Any) -> int:
    return 0


class EspeakEngine(SpeechEngine):
    """espeak-ng's formant voices, synthesized synchronously into the sink."""

    name = "espeak"

    def __init__(self) -> None:
        self._espeak = binding()
        self.sample_rate = _RATE

    def _set_voice(self, voice: VoiceProfile) -> None:
        global _CURRENT_VOICE
        key = (voice.voice, voice.rate, voice.volume, voice.pitch)
        if key == _CURRENT_VOICE:
            return
        espeak = self._espeak
        wanted = voice.voice
        if espeak.SetVoiceByName(wanted.encode()) != 0:
            match = next(
                (
                    v
                    for v in self.installed_voices()
                    if wanted.lower() in (v.id.lower(), v.name.lower())
                ),
                None,
            )
            if match is None or espeak.SetVoiceByName(match.name.encode()) != 0:
                raise EngineError(
                    f"voice profile {voice.name!r}: espeak-ng has no voice {wanted!r} "
                    "(see `briefing voices`)"
                )
        espeak.SetParameter(espeak.RATE, int(voice.rate), 0)
        espeak.SetParameter(espeak.VOLUME, round(voice.volume * 100), 0)
        espeak.SetParameter(espeak.PITCH, int(voice.pitch), 0)
        _CURRENT_VOICE = key

    def synthesize(self, text: str, voice: VoiceProfile, sink: PcmSink) -> list[WordMark]:
        espeak = self._espeak
        marks: list[WordMark] = []
        failure: list[BaseException] = []
        start_frames = sink.frames

        def on_audio(wav: Any, count: int, events: Any) -> int:
            if held:
                return 1  # Ctrl-C or SIGTERM: stop speaking, the signal is delivered below
            try:
                i = 0
                while events[i].type != espeak.EVENT_LIST_TERMINATED:
                    event = events[i]
                    if event.type == espeak.EVENT_WORD:
                        seconds = (event.sample or 0) / self.sample_rate
                        marks.append(WordMark(event.text_position - 1, event.length, seconds))
                    i += 1
                if count > 0:
                    sink.write(ctypes.string_at(wav, count * 2))
            except BaseException as exc:
                failure.append(exc)
                return 1
            return 0

        with _LOCK, _signals_held() as held:
            _settle(espeak)
            self._set_voice(voice)
            espeak.SetSynthCallback(on_audio)
            try:
                espeak.Synth(text.encode("utf-8"), flags=espeak.ENDPAUSE | espeak.CHARS_UTF8)
                espeak.Synchronize()
            finally:
                espeak.SetSynthCallback(_ignore_audio)
        if failure and isinstance(failure[0], KeyboardInterrupt):
            raise KeyboardInterrupt
        if failure:
            raise EngineError(f"speech engine failed: {failure[0]}") from failure[0]
        if sink.frames == start_frames and text.strip():
            raise EngineError("speech engine produced no audio")
        return marks

    def recipe(self) -> tuple[type[SpeechEngine], dict[str, Any]]:
        return EspeakEngine, {}

    def installed_voices(self) -> list[EngineVoice]:
        voices = []
        for v in self._espeak.ListVoices(None):
            languages = (v.languages[1:].decode("utf-8", "ignore"),) if v.languages else ()
            voices.append(EngineVoice(v.identifier.decode(), v.name.decode(), languages))
        return voices
