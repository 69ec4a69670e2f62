"""Reference for benchmarks: synthesize a text file to WAV with libespeak-ng called directly.

No pyttsx3 and no briefing code: the fastest plain use of the same library
(the espeak-ng command is not installed on these machines). Used as
`python bench/raw_espeak.py TEXT_FILE OUT.wav [RATE]`.
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


def main() -> None:
    text_path, out_path = sys.argv[1], sys.argv[2]
    rate = int(sys.argv[3]) if len(sys.argv) > 3 else 150
    os.environ.setdefault("ESPEAK_DATA_PATH", espeakng_loader.get_data_path())
    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    lib.espeak_Initialize.restype = ctypes.c_int
    sample_rate = lib.espeak_Initialize(SYNCHRONOUS, 200, None, 0)
    if sample_rate <= 0:
        sys.exit("espeak-ng failed to start")
    lib.espeak_SetVoiceByName(b"en-us")
    lib.espeak_SetParameter(RATE, rate, 0)
    text = Path(text_path).read_bytes()
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
