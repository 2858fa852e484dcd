"""News in the encodings people's tools write decodes: UTF-16 and UTF-32 without a byte-order
mark, Windows-1252, Shift-JIS, GB18030; random bytes are still refused as binary."""

from __future__ import annotations

import random

import pytest

from explorer.errors import InputError
from explorer.ingest.encoding import decode

ENGLISH = "Talks\n\nMarch 4, 2019\n\nThe border treaty was signed in 1997 by both governments.\n"
CHINESE = "中国和俄罗斯于二〇〇一年签署了睦邻友好合作条约，两国领导人在北京会晤。\n"
JAPANESE = "日本と中国は二〇〇一年に条約に署名した。東京で首脳会談が行われた。\n"
WESTERN = "Café talks – “a new start”, said the naïve envoy in Genève in 1997.\n"
CZECH = "Čeští a slovenští politici jednali v Praze o smlouvě z roku 1997, řekl mluvčí.\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [ENGLISH * 3, CHINESE * 4])
def test_wide_unicode_without_a_byte_order_mark(codec: str, text: str) -> None:
    assert decode(text.encode(codec), "a.txt") == text


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1252", WESTERN * 4),  # English with accented names: the Western code page
        ("cp1250", CZECH * 4),  # and Czech keeps its own
        ("shift_jis", JAPANESE * 4),
        ("gb18030", CHINESE * 4),
    ],
)
def test_legacy_code_pages(codec: str, text: str) -> None:
    assert decode(text.encode(codec), "a.txt") == text


def test_short_binary_with_nul_bytes_is_not_taken_for_utf16() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02binary", "broken.txt")


def test_random_bytes_are_still_binary() -> None:
    rng = random.Random(5)
    for _ in range(30):
        with pytest.raises(InputError, match="binary"):
            decode(bytes(rng.randrange(256) for _ in range(4000)), "x.bin")
