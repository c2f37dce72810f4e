"""A received dossier's scans become searchable from the dossier list, in the background."""

from __future__ import annotations

from pathlib import Path

from app.capture.dossier_text import index_dossier_text, pages_without_text
from app.capture.pages import RawPage
from app.capture.pdfa import write_pdf
from app.capture.pipeline import process_page
from app.reception.model import PageInput
from app.reception.service import confirm_reception
from app.reception.views import list_dossiers
from tests.app.reception_support import birth_request, store  # noqa: F401 - fixture


def scanned(specimen, out: Path) -> Path:  # type: ignore[no-untyped-def]
    write_pdf([process_page(RawPage(specimen.image, specimen.dpi, specimen.name))], out)
    return out


def test_scans_are_indexed_once_and_found_by_their_words(store, specimens, tmp_path) -> None:  # noqa: F811
    plain = specimens["plain"]
    request = birth_request(store, tmp_path / "pages")
    request.documents[0].pages = [PageInput(scanned(plain, tmp_path / "form.pdf"), "application/pdf")]
    made = confirm_reception(store, request)
    other = confirm_reception(store, birth_request(store, tmp_path / "other", draft_id="second"))
    assert len(pages_without_text(store, dossier_id=made.dossier_id)) == 2
    progress: list[tuple[int, int]] = []
    assert index_dossier_text(store, made.dossier_id, on_page=lambda d, t: progress.append((d, t))) == 2
    assert progress == [(1, 2), (2, 2)] and pages_without_text(store, dossier_id=made.dossier_id) == []
    assert index_dossier_text(store, made.dossier_id) == 0  # nothing left: nothing read again
    # A word printed on the scanned form, typed without accents, finds that dossier only.
    with store.read_session() as session:
        found = [r.code for r in list_dossiers(session, search="to khai dang ky khai sinh")]
        assert found == [made.code]
        assert other.code not in found
        assert list_dossiers(session, search="chứng thực hợp đồng chuyển nhượng") == []


def test_a_bad_stored_page_is_skipped_once_and_the_others_are_indexed(store, tmp_path) -> None:  # noqa: F811
    """Pages stored by an older version that took anything: a 20000x20000 PNG and a damaged one."""
    from sqlalchemy import select

    from app.capture.dossier_text import UNREADABLE
    from app.store.models import Document, Page, PageText
    from tests.app.reception_support import png_bomb

    made = confirm_reception(store, birth_request(store, tmp_path / "pages"))
    bomb, _ = store.blobs.put_bytes(png_bomb(tmp_path / "bomb.png").read_bytes())
    damaged, _ = store.blobs.put_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with store.session() as session:
        document = session.scalars(select(Document).where(Document.dossier_id == made.dossier_id)
                                   .order_by(Document.seq)).first()
        for seq, sha in ((5, bomb), (6, damaged)):
            session.add(Page(document_id=document.id, seq=seq, sha256=sha, size=1, mime="image/png"))
    assert len(pages_without_text(store, dossier_id=made.dossier_id)) == 4

    assert index_dossier_text(store, made.dossier_id) == 4
    assert pages_without_text(store, dossier_id=made.dossier_id) == []
    with store.read_session() as session:
        languages = dict(session.execute(select(PageText.page_sha256, PageText.language)
                                         .where(PageText.dossier_id == made.dossier_id)).all())
    assert languages[bomb] == languages[damaged] == UNREADABLE
    assert sorted(languages.values()).count("vie") == 2
    assert index_dossier_text(store, made.dossier_id) == 0  # not tried again at the next sign-in
