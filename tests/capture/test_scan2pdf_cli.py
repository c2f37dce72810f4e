"""`motcua scan2pdf`: report, blank pages, bad inputs kept apart from the good pages."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from app.cli import main as cli_main
from tests.capture.scan_support import specimens

MODULE = "app.cli.cmd_scan2pdf"


def _run(argv: list[str]) -> int:
    extra = () if MODULE in cli_main.COMMAND_MODULES else (MODULE,)
    return cli_main.main(argv, extra_commands=extra)


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    files = {"plain": tmp_path / "plain.jpg", "seal": tmp_path / "seal.png",
             "blank": tmp_path / "blank.png", "empty": tmp_path / "empty.jpg"}
    specimens()["plain"].image.save(files["plain"], dpi=(200, 200), quality=92)
    specimens()["seal_signature"].image.save(files["seal"], dpi=(200, 200))
    Image.new("RGB", (1654, 2339), (248, 247, 242)).save(files["blank"], dpi=(200, 200))
    files["empty"].write_bytes(b"")
    return files


def test_report_lists_pages_modes_and_blank_pages(inputs: dict[str, Path], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.pdf"
    code = _run(["scan2pdf", str(inputs["plain"]), str(inputs["blank"]), str(inputs["seal"]),
                 "--out", str(out), "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert [page["mode"] for page in report["pages"]] == ["bw", "mixed"]
    assert report["blank_skipped"] == [f"file:{inputs['blank']}"]
    assert report["bytes"] == out.stat().st_size and report["ocr"] is False
    assert all("skew_degrees" in page for page in report["pages"])
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 2


def test_bad_file_reported_and_good_pages_written(inputs: dict[str, Path], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.pdf"
    code = _run(["scan2pdf", str(inputs["empty"]), str(inputs["plain"]), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    assert f"{inputs['empty']}: the file is empty (0 bytes)" in captured.err
    assert "1 page(s)" in captured.out
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 1


def test_nothing_usable_writes_nothing(inputs: dict[str, Path], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.pdf"
    code = _run(["scan2pdf", str(inputs["empty"]), str(inputs["blank"]), "--out", str(out)])
    assert code == 2 and not out.exists()
    assert "nothing written" in capsys.readouterr().err


def test_keep_blank_and_forced_mode(inputs: dict[str, Path], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.pdf"
    code = _run(["scan2pdf", str(inputs["seal"]), str(inputs["blank"]), "--out", str(out),
                 "--mode", "bw", "--keep-blank", "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert [(page["mode"], page["blank"]) for page in report["pages"]] == [("bw", False), ("bw", True)]


def test_low_resolution_image_written_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    low = tmp_path / "low.png"
    specimens()["plain"].image.resize((827, 1170)).save(low, dpi=(100, 100))
    code = _run(["scan2pdf", str(low), "--out", str(tmp_path / "x.pdf")])
    assert code == 0 and (tmp_path / "x.pdf").exists()
    out = capsys.readouterr().out
    assert "low.png" in out and "warning: only 100 dpi (below 150)" in out


def test_ocr_gives_each_kept_page_its_own_text(inputs: dict[str, Path], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    # Pages are read on the OCR threads while the next one is cleaned: the texts must still land
    # on their own pages, in order, and the blank page left out must leave no text behind.
    from app.capture.accuracy import word_accuracy

    out = tmp_path / "doc.pdf"
    code = _run(["scan2pdf", str(inputs["seal"]), str(inputs["blank"]), str(inputs["plain"]),
                 "--out", str(out), "--ocr", "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["page_count"] == 2 and report["blank_skipped"] == [f"file:{inputs['blank']}"]
    for number, name in ((1, "seal_signature"), (2, "plain")):
        assert word_accuracy(specimens()[name].text, _page_text(out, number)) >= 0.95, name  # the other page: 0.78


def test_an_interrupted_ocr_run_leaves_no_pages_queued(inputs: dict[str, Path], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # Pages wait for the OCR thread in a queue; when the run stops (here: Ctrl+C while the third
    # page is cleaned) the pages not yet read are dropped, so the command ends instead of reading on.
    from concurrent.futures import Future

    from app.capture import ocr, pipeline

    queued: list[Future[object]] = []
    release = threading.Event()
    real_soon = ocr.recognise_upright_soon

    def soon(page: object, **kwargs: object) -> Future[object]:
        if not queued:  # the first page keeps the OCR threads busy until the run has failed
            for _ in range(ocr.OCR_THREADS):
                ocr.on_ocr_thread(release.wait, 30)
        queued.append(real_soon(page, **kwargs))  # type: ignore[arg-type]
        return queued[-1]

    real_process = pipeline.process_page
    calls = iter(range(100))

    def process(raw: object, *args: object, **kwargs: object) -> object:
        if next(calls) == 2:
            raise KeyboardInterrupt
        return real_process(raw, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "recognise_upright_soon", soon)
    monkeypatch.setattr(pipeline, "process_page", process)
    try:
        code = _run(["scan2pdf", str(inputs["plain"]), str(inputs["seal"]), str(inputs["plain"]),
                     "--out", str(tmp_path / "doc.pdf"), "--ocr"])
        assert code == 130 and not (tmp_path / "doc.pdf").exists()
        assert len(queued) == 2 and all(future.cancelled() for future in queued)
    finally:
        release.set()


def _counting_detector(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Tesseract's orientation detector, with a record of the turns it answered."""
    from app.capture import ocr

    answers: list[int] = []
    real = ocr.detect_rotation

    def detect(image: Image.Image) -> int:
        answers.append(real(image))
        return answers[-1]

    monkeypatch.setattr(ocr, "detect_rotation", detect)
    return answers


def _page_text(pdf: Path, number: int = 1) -> str:
    import subprocess

    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_ocr_reads_an_upright_page_without_the_orientation_detector(
        inputs: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Lines across the page and a confident reading: the page is upright, no detector needed.
    answers = _counting_detector(monkeypatch)
    code = _run(["scan2pdf", str(inputs["plain"]), "--out", str(tmp_path / "doc.pdf"), "--ocr", "--json"])
    assert code == 0 and answers == []
    assert json.loads(capsys.readouterr().out)["pages"][0]["rotation"] == 0


@pytest.mark.parametrize("lines_tell", [True, False])
def test_ocr_turns_an_upside_down_page(lines_tell: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Its letters' baselines show the page upside down: it is turned before cleaning, no detector.
    # When they do not tell (capitals, figures), the page is read as it lies, reads poorly, the
    # detector says how to turn it, and it is cleaned again the right way up and read again.
    from app.capture import ocr
    from app.capture.accuracy import word_accuracy

    answers = _counting_detector(monkeypatch)
    if not lines_tell:
        monkeypatch.setattr(ocr, "lines_verdict", lambda image: ocr.LineVerdict(across=True, turn=None))
    upside_down = tmp_path / "upside-down.png"
    specimens()["plain"].image.rotate(180).save(upside_down, dpi=(200, 200))
    out = tmp_path / "doc.pdf"
    code = _run(["scan2pdf", str(upside_down), "--out", str(out), "--ocr", "--json"])
    assert code == 0 and answers == ([] if lines_tell else [180])
    page = json.loads(capsys.readouterr().out)["pages"][0]
    assert page["rotation"] == 180 and any("turned 180" in note for note in page["notes"])
    assert word_accuracy(specimens()["plain"].text, _page_text(out)) >= 0.95


def test_cleaning_waits_for_the_ocr_thread_two_pages_ahead(inputs: dict[str, Path], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Reading is slower than cleaning: cleaning more than PAGES_AHEAD pages ahead would only hold
    # their images (and the scans they came from) in memory.
    from concurrent.futures import Future

    from app.capture import ocr, pipeline
    from app.cli import cmd_scan2pdf

    release = threading.Event()
    cleaned: list[object] = []
    real_process, real_wait = pipeline.process_page, cmd_scan2pdf._wait_for
    cleaned_at_first_wait: list[int] = []

    def process(raw: object, *args: object, **kwargs: object) -> object:
        cleaned.append(raw)
        return real_process(raw, *args, **kwargs)  # type: ignore[arg-type]

    def wait_for(future: Future[object]) -> None:
        if not cleaned_at_first_wait:
            cleaned_at_first_wait.append(len(cleaned))
            release.set()
        real_wait(future)

    for _ in range(ocr.OCR_THREADS):  # the OCR threads are busy until the first wait
        ocr.on_ocr_thread(release.wait, 30)
    monkeypatch.setattr(pipeline, "process_page", process)
    monkeypatch.setattr(cmd_scan2pdf, "_wait_for", wait_for)
    pages = [str(inputs["plain"]), str(inputs["seal"])] * 3
    try:
        assert _run(["scan2pdf", *pages, "--out", str(tmp_path / "doc.pdf"), "--ocr"]) == 0
    finally:
        release.set()
    assert cleaned_at_first_wait == [cmd_scan2pdf.PAGES_AHEAD + 1] and len(cleaned) == 6
    assert len(pikepdf.open(tmp_path / "doc.pdf").pages) == 6


def test_a_page_oriented_before_cleaning_is_not_asked_again(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # When the lines do not tell (a handwritten note), the detector is asked before cleaning, and
    # a reading too poor to vouch for the page does not ask it a second time.
    answers = _counting_detector(monkeypatch)
    note = tmp_path / "note.png"
    image = Image.new("RGB", (1654, 2339), "white")
    image.paste(specimens()["plain"].image.crop((0, 0, 1654, 420)), (0, 300))
    image.save(note, dpi=(200, 200))
    from app.capture import ocr

    monkeypatch.setattr(ocr, "lines_verdict", lambda image: ocr.LineVerdict(across=False, turn=None))
    monkeypatch.setattr(ocr, "reads_upright", lambda found: False)
    assert _run(["scan2pdf", str(note), "--out", str(tmp_path / "note.pdf"), "--ocr"]) == 0
    assert len(answers) == 1


def test_pages_of_a_dossier_are_read_on_every_ocr_thread(inputs: dict[str, Path], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # Tesseract reads a page on one core: two pages at once use both of a 2-core desk's.
    from app.capture import ocr

    readers: set[str] = set()
    real = ocr.recognise_page
    # The first pages wait for each other: read one after another on one thread, they would wait
    # in vain and the barrier would break.
    meet = threading.Barrier(ocr.OCR_THREADS, timeout=30)
    calls = iter(range(100))

    def recognise_page(page: object, **kwargs: object) -> object:
        readers.add(threading.current_thread().name)
        if next(calls) < ocr.OCR_THREADS:
            meet.wait()
        return real(page, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "recognise_page", recognise_page)
    pages = [str(inputs["plain"]), str(inputs["seal"])] * 2
    assert _run(["scan2pdf", *pages, "--out", str(tmp_path / "doc.pdf"), "--ocr"]) == 0
    assert len(readers) == ocr.OCR_THREADS and all(name.startswith("ocr") for name in readers)
