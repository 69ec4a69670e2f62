"""Reference for benchmarks: synthesize a text file to WAV with libespeak-ng called directly.

No pyttsx3 and no briefing code: the fastest plain use of the same library
(the espeak-ng command is not installed on these machines). Used as
`python bench/raw_espeak.py TEXT_FILE OUT.wav [RATE] [--parts N]`.

With `--parts N` the text is cut into N parts of about equal length at
sentence ends, and N processes speak one each at once (this one and N - 1 it
starts, each into its own file): the best any split of the same synthesis can
do on N cores, with nothing else to do.
"""

from __future__ import annotations

import ctypes
import os
import sys
import wave
from pathlib import Path

import espeakng_loader

SYNCHRONOUS, CHARS_UTF8, END_PAUSE = 2, 1, 0x1000
RATE = 1

CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


def _part(text: bytes, index: int, parts: int) -> bytes:
    """The `index`-th of `parts` pieces of `text` of about equal length, cut after a ". "."""

    def cut(k: int) -> int:
        if k <= 0:
            return 0
        if k >= parts:
            return len(text)
        at = text.find(b". ", len(text) * k // parts)
        return len(text) if at < 0 else at + 2

    return text[cut(index) : cut(index + 1)]


def main() -> None:
    args = sys.argv[1:]
    parts, index = 1, 0
    if "--parts" in args:
        at = args.index("--parts")
        parts = int(args[at + 1])
        del args[at : at + 2]
    if "--part" in args:
        at = args.index("--part")
        index = int(args[at + 1])
        del args[at : at + 2]
    text_path, out_path = args[0], args[1]
    rate = int(args[2]) if len(args) > 2 else 150
    others = []
    if parts > 1 and index == 0:
        import subprocess  # only here: the one-process reference loads nothing it does not use

        for k in range(1, parts):
            command = [sys.executable, __file__, text_path, f"{out_path}.part{k}.wav", str(rate)]
            others.append(subprocess.Popen([*command, "--part", str(k), "--parts", str(parts)]))
    try:
        speak(text_path, out_path, rate, index, parts)
    finally:
        for other in others:
            other.wait()
    if any(other.returncode for other in others):
        sys.exit("a part failed")


def speak(text_path: str, out_path: str, rate: int, index: int, parts: int) -> None:
    """Synthesize part `index` of `parts` of the text file into a WAV file."""
    os.environ.setdefault("ESPEAK_DATA_PATH", espeakng_loader.get_data_path())
    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    lib.espeak_Initialize.restype = ctypes.c_int
    sample_rate = lib.espeak_Initialize(SYNCHRONOUS, 200, None, 0)
    if sample_rate <= 0:
        sys.exit("espeak-ng failed to start")
    lib.espeak_SetVoiceByName(b"en-us")
    lib.espeak_SetParameter(RATE, rate, 0)
    text = _part(Path(text_path).read_bytes(), index, parts)
    with wave.open(out_path, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(sample_rate)

        def on_audio(samples, count, events):
            if count > 0:
                wav.writeframesraw(ctypes.string_at(samples, count * 2))
            return 0

        callback = CALLBACK(on_audio)
        lib.espeak_SetSynthCallback(callback)
        # One call per 4,000-character piece: a single huge utterance crashes libespeak-ng.
        step = 4000
        start = 0
        while start < len(text):
            end = min(len(text), start + step)
            if end < len(text):
                end = text.rfind(b". ", start, end) + 2 or end
            buffer = ctypes.create_string_buffer(text[start:end])
            lib.espeak_Synth(
                buffer, len(text[start:end]) + 1, 0, 0, 0, CHARS_UTF8 | END_PAUSE, None, None
            )
            start = end
        lib.espeak_Synchronize()


if __name__ == "__main__":
    main()
