"""Checking that every page a dossier or draft references is there and decrypts to its address.

Used by `motcua check --full` on the live store and by restore on the store about to be put in
place, so both name a missing or damaged page the same way: by the dossier code (or draft) that
needs it, not by a hash an official cannot do anything with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.errors import MotcuaError, NotFoundError
from app.store.blobs import BlobStore, blob_references
from app.store.models import Document, Dossier, Draft, Page

SHOWN_PROBLEMS = 20  # a message lists this many pages, then says how many more


@dataclass(frozen=True)
class PageProblem:
    sha256: str
    owners: tuple[str, ...]  # "dossier 000.00.06.H56-250701-0001", "draft 1a2b3c4d"
    missing: bool
    detail: str

    def describe(self) -> str:
        state = "is missing" if self.missing else f"is damaged ({self.detail})"
        return f"{', '.join(self.owners)}: page {self.sha256[:12]}… {state}"


def page_owners(session: Session) -> dict[str, list[str]]:
    """{page address: who references it}, for every page row and every page a draft holds."""
    owners: dict[str, set[str]] = defaultdict(set)
    rows = session.execute(select(Page.sha256, Dossier.code)
                           .join(Document, Page.document_id == Document.id)
                           .join(Dossier, Document.dossier_id == Dossier.id))
    for sha, code in rows:
        owners[sha].add(f"dossier {code}")
    # A store older than drafts (revision 0003): the backup taken before upgrading it, or restored.
    drafts = inspect(session.get_bind()).has_table(Draft.__tablename__)
    for draft_id, data in session.execute(select(Draft.id, Draft.data)) if drafts else ():
        for sha in blob_references(data):
            owners[sha].add(f"draft {draft_id[:8]}")
    return {sha: sorted(names) for sha, names in owners.items()}


@dataclass
class PageCheck:
    problems: list[PageProblem] = field(default_factory=list)
    sources: dict[str, BlobStore] = field(default_factory=dict)  # address → store with a good copy


def verify_pages(owners: dict[str, list[str]], stores: Sequence[BlobStore]) -> PageCheck:
    """Read and decrypt every page in `owners`, taking the first good copy among `stores`."""
    result = PageCheck()
    for sha in sorted(owners):
        damage = ""
        for store in stores:
            try:
                store.get(sha)  # decrypts with the address as associated data, checks the hash
            except NotFoundError:
                continue
            except MotcuaError as error:
                damage = damage or error.message
                continue
            result.sources[sha] = store
            break
        else:
            result.problems.append(PageProblem(sha, tuple(owners[sha]), not damage, damage))
    return result


def summarise(problems: Sequence[PageProblem]) -> list[str]:
    """One line per problem, at most SHOWN_PROBLEMS of them, then how many more."""
    lines = [p.describe() for p in problems[:SHOWN_PROBLEMS]]
    if len(problems) > SHOWN_PROBLEMS:
        lines.append(f"… and {len(problems) - SHOWN_PROBLEMS} more page(s)")
    return lines
