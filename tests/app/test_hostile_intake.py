"""Hostile intake content: refused at intake with the field named, nothing saved, messages bounded.

Every case goes through `motcua intake --json FILE` (the documented JSON description), which
shares `check_request` and `confirm_reception` with the screen and with drafts; page files also
go through `confirm_reception` directly, as the screen's "attach files" does.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from sqlalchemy import func, select

from app.reception.model import PageInput, ReceptionInvalid
from app.reception.service import confirm_reception
from app.store.models import Dossier, Page
from tests.app.reception_support import MONDAY_9, PASSWORD, birth_request, png_bomb, store  # noqa: F401

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "docs" / "examples"
HUGE = "Nguyen " * 128_000  # a 900 kB name


@pytest.fixture
def example(tmp_path: Path) -> Path:
    folder = tmp_path / "intake"
    shutil.copytree(EXAMPLE_DIR, folder)
    return folder / "intake-birth-registration.json"


def edited(path: Path, change: Callable[[dict], None]) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")  # \ud800 stays escaped
    return path


def intake(store, path: Path, capsys: pytest.CaptureFixture[str],  # noqa: F811
           monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    from app.cli.main import main

    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    code = main(["intake", "--data-dir", str(store.paths.root), "--json", str(path), "--user", "admin"])
    out, err = capsys.readouterr()
    return code, out, err


def saved(store) -> tuple[int, int]:  # noqa: F811
    with store.read_session() as session:
        dossiers = session.scalar(select(func.count()).select_from(Dossier))
    return dossiers, len(store.blobs.addresses())


def _name(value: str) -> Callable[[dict], None]:
    return lambda d: d["applicant"].update(full_name=value)


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d.update(sets=10**30), "sets"),
    (lambda d: d.update(sets=0), "sets"),
    (lambda d: d.update(sets=-1), "sets"),
    (lambda d: d.update(sets=101), "sets"),
    (lambda d: d.update(sets="abc"), "sets"),
    (lambda d: d.update(sets=1.5), "sets"),
    (lambda d: d.update(sets=True), "sets"),
    (_name("Nguyễn\x1b[2J Thị Lan"), "applicant.full_name"),
    (_name("Nguyễn Thị Lan\r"), "applicant.full_name"),
    (_name("Nguyễn\nThị Lan"), "applicant.full_name"),
    (_name("Nguyễn Thị \x85Lan"), "applicant.full_name"),
    (_name("Nguyễn Thị \u202eLan"), "applicant.full_name"),
    (_name("Nguyễn Thị \u2066Lan\u2069"), "applicant.full_name"),
    (_name("Nguyễn Th\u200dị Lan"), "applicant.full_name"),
    (_name("Nguyễn Thị Lan\ud800"), "applicant.full_name"),
    (_name(HUGE), "applicant.full_name"),
    (lambda d: d["applicant"].update(address="x" * 1001), "applicant.address"),
    (lambda d: d["documents"][0].update(name="Tờ khai\u202e"), "documents[0].name"),
    (lambda d: d.update(note="Ghi chú\x1b]0;pwned\x07"), "note"),
    (lambda d: d.update(procedure_code="1.001193" * 100), "procedure_code"),
])
def test_hostile_values_refused_at_intake(store, example: Path, change, field: str,  # noqa: F811
                                          capsys, monkeypatch) -> None:
    code, out, err = intake(store, edited(example, change), capsys, monkeypatch)
    assert code == 2 and out == ""
    assert err.startswith("motcua: ") and f"{field}: " in err
    assert len(err) < 800  # never the whole value
    assert "\x1b" not in err and "\u202e" not in err and "\r" not in err
    assert saved(store) == (0, 0)


def test_a_multi_line_note_is_accepted(store, example: Path, capsys, monkeypatch) -> None:  # noqa: F811
    path = edited(example, lambda d: d.update(note="Dòng một\nDòng hai", sets=100))
    code, out, err = intake(store, path, capsys, monkeypatch)
    assert (code, err) == (0, "") and out.startswith("000.00.06.H56-")


def test_a_number_of_thousands_of_digits_is_bad_input(store, example: Path,  # noqa: F811
                                                      capsys, monkeypatch) -> None:
    text = example.read_text(encoding="utf-8").replace('"sets": 1', '"sets": ' + "9" * 5000)
    example.write_text(text, encoding="utf-8")
    code, _out, err = intake(store, example, capsys, monkeypatch)
    assert code == 2 and "thousands of digits" in err and len(err) < 400


# --- page files: by content, pixel count, and never a foreign PDF as is --------------------------


def _page(change_path: str, mime: str = "") -> Callable[[dict], None]:
    page = {"path": change_path, **({"mime": mime} if mime else {})}
    return lambda d: d["documents"][0].update(pages=[page])


def text_pdf(path: Path, *, hostile: bool) -> Path:
    """A one-page born-digital PDF; `hostile` adds an embedded file and a form with a field."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    page = pdf.pages[0]
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(b"BT /F1 24 Tf 72 700 Td (To khai dang ky khai sinh) Tj ET")
    if hostile:
        attachment = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00 not really a program", filename="run.exe")
        pdf.attachments["run.exe"] = attachment
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), NeedAppearances=True)
    pdf.save(path)
    return path


def with_action(path: Path, out: Path, action: pikepdf.Dictionary, where: str) -> Path:
    with pikepdf.open(path) as pdf:
        if where == "open":
            pdf.Root.OpenAction = pdf.make_indirect(action)
        else:
            pdf.pages[0].AA = pikepdf.Dictionary(O=pdf.make_indirect(action))
        pdf.save(out)
    return out


def test_etc_passwd_named_page_pdf_is_refused(store, example: Path, capsys, monkeypatch) -> None:  # noqa: F811
    passwd = example.parent / "page.pdf"
    passwd.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    code, _out, err = intake(store, edited(example, _page("page.pdf", "application/pdf")), capsys, monkeypatch)
    assert code == 2 and "documents[0].pages[0].path: " in err and "not a PDF or an image by its content" in err
    assert saved(store) == (0, 0)


@pytest.mark.parametrize(("side", "words"), [
    (20_000, "far more than the 120,000,000 pixels"),  # Pillow's guard, set from the limit
    (11_000, "11000x11000 = 121,000,000 pixels is more than the 120,000,000"),  # our own check
])
def test_decompression_bomb_is_refused_before_decoding(store, example: Path, side: int,  # noqa: F811
                                                       words: str, capsys, monkeypatch) -> None:
    png_bomb(example.parent / "bomb.png", side)
    code, _out, err = intake(store, edited(example, _page("bomb.png")), capsys, monkeypatch)
    assert code == 2 and "documents[0].pages[0].path: " in err
    assert "refused" in err and words in err and "decompression bomb" in err
    assert saved(store) == (0, 0)


def test_an_image_that_is_not_what_its_header_says_is_refused(store, tmp_path: Path) -> None:  # noqa: F811
    fake = tmp_path / "scan.png"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    request = birth_request(store, tmp_path / "pages")
    request.documents[0].pages = [PageInput(fake)]
    with pytest.raises(ReceptionInvalid) as info:
        confirm_reception(store, request, now=MONDAY_9)
    assert [p.field for p in info.value.problems] == ["documents[0].pages[0].path"]
    assert saved(store) == (0, 0)


@pytest.mark.parametrize(("action", "where"), [
    (pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")), "open"),
    (pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe")), "open"),
    (pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("this.exportDataObject()")), "page"),
])
def test_a_pdf_that_runs_something_is_refused(store, example: Path, action, where: str,  # noqa: F811
                                              capsys, monkeypatch) -> None:
    plain = text_pdf(example.parent / "plain.pdf", hostile=False)
    with_action(plain, example.parent / "active.pdf", action, where)
    code, _out, err = intake(store, edited(example, _page("active.pdf")), capsys, monkeypatch)
    assert code == 2 and "documents[0].pages[0].path: " in err and "active.pdf: refused" in err
    assert saved(store) == (0, 0)


def stored_pages(store) -> list[tuple[bytes, str]]:  # noqa: F811
    with store.read_session() as session:
        rows = session.execute(select(Page.sha256, Page.mime).order_by(Page.seq)).all()
    return [(store.blobs.get(sha), mime) for sha, mime in rows]


FOREIGN_KEYS = ("/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles",
                "/AcroForm", "/Names")


def test_a_foreign_pdf_is_rebuilt_from_its_pixels(store, tmp_path: Path) -> None:  # noqa: F811
    foreign = text_pdf(tmp_path / "to-khai.pdf", hostile=True)
    request = birth_request(store, tmp_path / "pages")
    request.documents[0].pages = [PageInput(foreign, "image/png")]  # a wrong declared type, too
    confirm_reception(store, request, now=MONDAY_9)
    pages = [data for data, mime in stored_pages(store) if mime == "application/pdf"]
    assert len(pages) == 1 and pages[0] != foreign.read_bytes()
    with pikepdf.open(io.BytesIO(pages[0])) as pdf:
        assert len(pdf.pages) == 1
        for obj in pdf.objects:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                assert not set(obj.keys()) & set(FOREIGN_KEYS), obj.keys()
                assert obj.get("/S") not in (pikepdf.Name.JavaScript, pikepdf.Name.Launch)
        assert pdf.open_metadata()["pdfaid:part"] == "2"
    assert b"run.exe" not in pages[0] and b"not really a program" not in pages[0]


def test_an_image_page_is_kept_as_given(store, tmp_path: Path) -> None:  # noqa: F811
    request = birth_request(store, tmp_path / "pages")
    jpeg = tmp_path / "photo.bin"  # no suffix to go by: the content says JPEG
    Image.new("RGB", (60, 40), "white").save(jpeg, "JPEG")
    request.documents[0].pages = [PageInput(jpeg)]
    confirm_reception(store, request, now=MONDAY_9)
    assert (jpeg.read_bytes(), "image/jpeg") in stored_pages(store)


def test_a_pdf_of_more_pages_than_a_dossier_may_have_is_refused_before_drawing(store, tmp_path: Path) -> None:  # noqa: F811
    many = pikepdf.new()
    for _ in range(2001):
        many.add_blank_page(page_size=(595, 842))
    many.save(tmp_path / "many.pdf")
    request = birth_request(store, tmp_path / "pages")
    request.documents[0].pages = [PageInput(tmp_path / "many.pdf")]
    with pytest.raises(ReceptionInvalid) as info:
        confirm_reception(store, request, now=MONDAY_9)
    assert [p.field for p in info.value.problems] == ["documents[0].pages[0].path"]
    assert "2,001 pages is more than the 2,000 a dossier may have" in info.value.problems[0].message
    assert saved(store) == (0, 0)
