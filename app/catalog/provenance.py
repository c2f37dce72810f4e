"""Where each catalogue fact comes from, and whether its confidence tag is earned.

A fact tagged V (verified) must rest on two sources of different *origin*: two crawls of the same
portal, or two articles of the same law, are one origin. The origin of a source text is its
repository (`owner/repo@commit:path …`), else its web site (`dichvucong.gov.vn/…`,
`https://…`), else the number of the legal text it cites (`60/2014/QH13`), else the text itself.
The catalogue build refuses drafts that break these rules; the built-in catalogue's validation
test checks the built file with the same functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.catalog.model import LOCAL_CODE_PREFIX, SOURCED_FIELDS, ProcedureVersionData
from app.text import fold

_REPO = re.compile(r"([\w.-]+/[\w.-]+)@[0-9a-f]{7,40}:")
_SITE = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:[/:?#]|$)", re.IGNORECASE)
# A legal text's number ("60/2014/QH13", "226/2016/TT-BTC"): two articles of one text are one origin.
_LEGAL_NUMBER = re.compile(r"\b\d+/\d{4}/[A-ZĐa-zđ0-9-]+")


def origin(source: str) -> str:
    """What makes two sources independent: the repository, the site or the legal text."""
    text = source.strip()
    repo = _REPO.match(text)
    if repo:
        return repo.group(1).casefold()
    site = _SITE.match(text)
    if site:
        return site.group(1).casefold()
    number = _LEGAL_NUMBER.search(text)
    if number:
        return number.group(0).casefold()
    return fold(text)


def origins(sources: Iterable[str]) -> set[str]:
    return {origin(source) for source in sources}


def has_value(version: ProcedureVersionData, field_name: str) -> bool:
    """Whether the version states something for `field_name` (an unknown value needs no source)."""
    if field_name == "code":
        return not version.code.upper().startswith(LOCAL_CODE_PREFIX)
    if field_name == "time":
        return version.time_rule is not None or version.no_time_limit
    if field_name == "fee":
        return version.fee.kind != "unknown" or bool(version.fee.exempt)
    if field_name == "valid_from":
        return "valid_from" not in version.inferred
    if field_name == "extension":
        return version.extension is not None
    if field_name == "channels":
        return False  # all three channels is the format's default, not a claim
    return bool(getattr(version, field_name))


def provenance_problems(version: ProcedureVersionData) -> list[str]:
    """Facts of `version` without a source, and V tags without two origins (empty when sound)."""
    problems = []
    for field_name in SOURCED_FIELDS:
        listed = version.sources_for(field_name)
        if has_value(version, field_name) and not listed:
            problems.append(f"{field_name}: no source")
        if version.verify.get(field_name) == "V" and len(origins(listed)) < 2:
            problems.append(f"{field_name}: tagged V with {len(origins(listed))} origin(s)")
    return problems
