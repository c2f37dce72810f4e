"""Word accuracy of recognised text against a known truth: the OCR quality measure.

Definition (used by tests and the `ocr_accuracy` benchmark alike):

    accuracy = max(0, 1 - WordEditDistance(truth_words, found_words) / len(truth_words))

where words are the white-space separated tokens of each text after NFC normalisation and
WordEditDistance is the Levenshtein distance on word SEQUENCES (a substituted, missing or
extra word costs 1). It is the complement of the word error rate (WER) used in OCR and speech
evaluation. Case, diacritics and punctuation attached to a word all count: "Hòa" read as
"Hoà" is NFC-equal and right, "Hòa" read as "Hoa" or "Hòa," is a wrong word. Line breaks are
ordinary white space, so the comparison does not depend on how lines were split.

Only typographic look-alikes that carry no meaning are unified first (curly quotes, the
various dashes, the ellipsis character), because fonts and OCR engines pick either freely.
"""

from __future__ import annotations

from app.text import nfc

_LOOKALIKES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ",
})


def words(text: str) -> list[str]:
    """The word tokens compared by `word_accuracy`: NFC, look-alikes unified, split on white space."""
    return nfc(text).translate(_LOOKALIKES).split()


def word_edit_distance(truth: list[str], found: list[str]) -> int:
    """Levenshtein distance between two word sequences (insert, delete, substitute cost 1)."""
    if len(found) > len(truth):  # keep the row short: memory is O(min(len))
        truth, found = found, truth
    previous = list(range(len(found) + 1))
    for i, truth_word in enumerate(truth, start=1):
        current = [i]
        for j, found_word in enumerate(found, start=1):
            current.append(min(
                previous[j] + 1,  # truth word missing from found
                current[j - 1] + 1,  # extra found word
                previous[j - 1] + (truth_word != found_word),  # same or substituted
            ))
        previous = current
    return previous[-1]


def word_accuracy(truth: str, found: str) -> float:
    """1 - word error rate of `found` against `truth`, clamped to [0, 1] (see module docstring).

    An empty truth is 1.0 when nothing was found and 0.0 otherwise.
    """
    truth_words, found_words = words(truth), words(found)
    if not truth_words:
        return 1.0 if not found_words else 0.0
    distance = word_edit_distance(truth_words, found_words)
    return max(0.0, 1.0 - distance / len(truth_words))
