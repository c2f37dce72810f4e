"""Sort keys for Vietnamese text: the order of the Vietnamese alphabet, tones second.

SQLite compares text byte by byte, which puts "Đ" after "Z" and "Á" after every unaccented
letter. The list sorts by applicant and procedure through keys made here instead, stored in
indexed columns by the store's triggers (revision 0009), so a header click is an index walk.

The order chosen:

* letters in the order of the Vietnamese alphabet, a ă â b c d đ e ê g h i k l m n o ô ơ p q r
  s t u ư v x y, with f j w z (foreign names) in their Latin places; case is ignored;
* tones only break ties, in the dictionary order ngang, huyền, hỏi, ngã, sắc, nặng
  (a à ả ã á ạ), compared after all the letters;
* digits before letters, spaces separate words ("An" before "An Bình" before "Anh"), other
  punctuation is left out;
* a person's name is sorted the Vietnamese way, by the given name (the last word) first, then
  by the whole name from the family name on: "Trần Thị An" before "Nguyễn Văn Bình", and
  "Lê Văn An" before "Nguyễn Văn An".

The keys are plain ASCII apart from letters outside Vietnamese and Latin (kept as they are,
after all of these).
"""

from __future__ import annotations

import functools
import unicodedata

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Letter (as NFC, lower case, tone removed) → one ASCII character in alphabet order ('A' on).
_PRIMARY = {letter: chr(0x41 + i) for i, letter in enumerate(ALPHABET)}
# Combining marks that make a letter of its own (ă â ê ô ơ ư) compose with their base; the
# tone marks below are taken off and only break ties.
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_WORDS_END = "\x02"  # after the given name of a person's key: lower than any letter or space
_TONES_START = "\x01"  # before the tie-breaking tones: lower than any letter or space


@functools.lru_cache(maxsize=4096)
def _char(ch: str) -> tuple[str, str]:
    """(primary key, tone) of one lower-case character; ("", "") when it does not sort."""
    tone, kept = "0", []
    for part in unicodedata.normalize("NFD", ch):
        if part in _TONES:
            tone = _TONES[part]
        else:
            kept.append(part)
    base = unicodedata.normalize("NFC", "".join(kept))
    if base in _PRIMARY:
        return _PRIMARY[base], tone
    if base.isdigit() and base.isascii():
        return base, tone
    if base[:1].isalpha():
        plain = base[0]  # a letter outside the alphabet: its base letter if Latin
        return _PRIMARY.get(plain, plain), tone
    return "", ""  # punctuation and symbols do not sort


@functools.lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, str]:
    """(primary key, tones) of one NFC, case-folded word. Names repeat a few thousand words,
    so most keys are put together from this cache (a store's triggers call it per dossier)."""
    primary, tones = [], []
    for ch in word:
        letter, tone = _char(ch)
        primary.append(letter)
        tones.append(tone)
    return "".join(primary), "".join(tones)


def _letters(text: str) -> tuple[list[str], str]:
    """(primary key of each word, tone marks of every letter in order)."""
    words: list[str] = []
    tones: list[str] = []
    for word in unicodedata.normalize("NFC", text).casefold().split():
        primary, marks = _word(word)
        if primary:
            words.append(primary)
            tones.append(marks)
    return words, "".join(tones)


def sort_key(text: str | None) -> str | None:
    """The key of a text in Vietnamese alphabetical order (None stays None)."""
    if text is None:
        return None
    words, tones = _letters(text)
    return " ".join(words) + _TONES_START + tones


def name_sort_key(full_name: str | None) -> str | None:
    """The key of a person's full name: given name first, then the name from the family name on."""
    if full_name is None:
        return None
    words, tones = _letters(full_name)
    if not words:
        return _TONES_START
    return words[-1] + _WORDS_END + " ".join(words) + _TONES_START + tones
