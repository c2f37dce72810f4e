"""Accent- and case-insensitive search over the procedure catalogue.

Ranking, best first (each tier beats every lower one):
1. the query is a procedure code, or the code part of a service code (1.001193.000.00.00.H56);
2. the query is the start of a code ("1.0011");
3. the name starts with the query phrase, or has it right after a leading "Đăng ký" or "Cấp"
   verb ("ket hon" → "Đăng ký kết hôn" before "Đăng ký lại kết hôn"; "tạm trú" → "Đăng ký tạm
   trú" before "Gia hạn tạm trú"): the phrase is what the procedure is about, not a modifier's
   object;
4. the query words appear as a whole phrase elsewhere in the name;
5. every query word starts some word of the name ("dang ky khai" → "Đăng ký khai sinh");
6. some query words are whole words of the name (more matched words first).
Ties go to the shorter name, then the code. Only versions in force on the given day take part.

Everything that depends on the names is folded and indexed once in the constructor (the desk
searches on every keystroke), so a query folds only itself and intersects small sets.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from app.catalog.model import ProcedureVersionData
from app.clock import local_today
from app.text import fold

_WORD = re.compile(r"\w+")
_CODE_HEAD = re.compile(r"^\d+\.\d+")
TIER_SCORES = {"code": 500, "code_prefix": 400, "lead": 350, "phrase": 300, "all_prefix": 200,
               "any_word": 100}
# Verbs that open most procedure names (folded); what follows them is the procedure's subject.
LEADING_VERBS = ("dang ky ", "cap ")


@dataclass(frozen=True)
class SearchHit:
    """One result; a higher `score` is better (tier points, plus matched words in the last tier)."""

    version: ProcedureVersionData
    score: int


def _subject(padded: str) -> str:
    """The padded folded name without its leading verb (" dang ky ket hon " → " ket hon ")."""
    for verb in LEADING_VERBS:
        if padded.startswith(f" {verb}"):
            return padded[len(verb):]
    return padded


class CatalogIndex:
    """An immutable search index over procedure versions (build a new one after an import)."""

    def __init__(self, versions: Iterable[ProcedureVersionData]) -> None:
        self._versions = list(versions)
        self._names = [fold(v.name) for v in self._versions]
        self._padded = [f" {' '.join(_WORD.findall(name))} " for name in self._names]
        self._subjects = [_subject(padded) for padded in self._padded]
        self._sort_keys = [(len(v.name), v.code) for v in self._versions]
        self._by_code: dict[str, list[int]] = {}
        self._words: dict[str, set[int]] = {}
        self._prefixes: dict[str, set[int]] = {}
        for i, (version, name) in enumerate(zip(self._versions, self._names)):
            self._by_code.setdefault(version.code.casefold(), []).append(i)
            for word in set(_WORD.findall(name)):
                self._words.setdefault(word, set()).add(i)
                for end in range(1, len(word) + 1):
                    self._prefixes.setdefault(word[:end], set()).add(i)
        self._codes = sorted(self._by_code)
        # Which version of each code is in force, per day asked; a desk asks about very few days.
        self._active_cache: dict[date, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self._versions)

    def get(self, code: str, at: date | None = None) -> ProcedureVersionData | None:
        """The version of `code` in force on `at` (default today), or None."""
        day = at or local_today()
        indices = self._by_code.get(code.strip().casefold(), [])
        active = self._active(day)
        for i in indices:
            if i in active:
                return self._versions[i]
        return None

    def versions_at(self, at: date | None = None) -> list[ProcedureVersionData]:
        """Every procedure in force on `at`, in catalogue order (for browsing without a query)."""
        active = self._active(at or local_today())
        return [v for i, v in enumerate(self._versions) if i in active]

    def search(self, text: str, *, limit: int = 20, at: date | None = None) -> list[SearchHit]:
        """Best `limit` matches of `text` among versions in force on `at` (default today)."""
        query = fold(text)
        if not query or limit <= 0:
            return []
        active = self._active(at or local_today())
        scores: dict[int, int] = {}
        self._score_codes(query, active, scores)
        words = _WORD.findall(query)
        if words:
            self._score_names(words, active, scores)
        best = heapq.nsmallest(limit, scores, key=lambda i: (-scores[i], self._sort_keys[i]))
        return [SearchHit(self._versions[i], scores[i]) for i in best]

    # --- scoring -------------------------------------------------------------------------

    def _score_codes(self, query: str, active: frozenset[int], scores: dict[int, int]) -> None:
        compact = query.replace(" ", "")
        head = _CODE_HEAD.match(compact)
        for key in {compact, head.group(0) if head else compact}:
            for i in self._by_code.get(key, ()):
                if i in active:
                    scores[i] = TIER_SCORES["code"]
        # A code prefix must look like a code, or "lo" would rank every LOCAL.* code first.
        if not any(ch.isdigit() or ch == "." for ch in compact):
            return
        start = bisect.bisect_left(self._codes, compact)
        for code in self._codes[start:]:
            if not code.startswith(compact):
                break
            for i in self._by_code[code]:
                if i in active and i not in scores:
                    scores[i] = TIER_SCORES["code_prefix"]

    def _score_names(self, words: list[str], active: frozenset[int], scores: dict[int, int]) -> None:
        all_prefix = self._intersect([self._prefixes.get(w, set()) for w in words])
        phrase = f" {' '.join(words)} "
        for i in all_prefix & active:
            if self._padded[i].startswith(phrase) or self._subjects[i].startswith(phrase):
                tier = "lead"
            else:
                tier = "phrase" if phrase in self._padded[i] else "all_prefix"
            scores[i] = max(scores.get(i, 0), TIER_SCORES[tier])
        matched: dict[int, int] = {}
        for word in set(words):
            for i in self._words.get(word, ()):
                matched[i] = matched.get(i, 0) + 1
        for i, count in matched.items():
            if i in active and i not in scores:
                scores[i] = TIER_SCORES["any_word"] + min(count, 99)

    @staticmethod
    def _intersect(sets: list[set[int]]) -> set[int]:
        if not sets:
            return set()
        ordered = sorted(sets, key=len)  # start from the rarest word: cheapest intersection
        result = set(ordered[0])
        for other in ordered[1:]:
            result &= other
            if not result:
                break
        return result

    def _active(self, day: date) -> frozenset[int]:
        cached = self._active_cache.get(day)
        if cached is None:
            cached = frozenset(self._in_force(day))
            if len(self._active_cache) > 64:
                self._active_cache.clear()
            self._active_cache[day] = cached
        return cached

    def _in_force(self, day: date) -> Iterable[int]:
        """For each code, the latest version started by `day` and not yet ended.

        A later valid_from ends an earlier open-ended version, so a new version published with
        only its start date replaces the old one from that day.
        """
        for indices in self._by_code.values():
            started = [i for i in indices if self._versions[i].valid_from <= day]
            if not started:
                continue
            latest = max(started, key=lambda i: self._versions[i].valid_from)
            until = self._versions[latest].valid_until
            if until is None or day <= until:
                yield latest
