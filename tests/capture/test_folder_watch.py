"""The watched folder: files taken only when stable, moved to processed/ or failed/, never lost."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PIL import Image

from app.capture.sources.base import ScanSettings
from app.capture.geometry import page_dpi
from app.capture.sources.files import FileSource, read_pages
from app.capture.sources.folder import FolderSource, FolderWatcher
from app.errors import InputError, NotFoundError


class Clock:
    """A clock the test moves by hand: stability is about time, and tests do not sleep."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def jpeg(path: Path, shade: int = 90, size: tuple[int, int] = (120, 160), dpi: int = 200) -> Path:
    Image.new("L", size, shade).save(path, "JPEG", dpi=(dpi, dpi))
    return path


def test_a_file_is_ready_only_after_it_stopped_changing(tmp_path: Path) -> None:
    clock = Clock()
    watcher = FolderWatcher(tmp_path, stable_ms=1000, clock=clock)
    target = tmp_path / "scan.jpg"
    data = jpeg(tmp_path / "whole.jpg").read_bytes()
    (tmp_path / "whole.jpg").unlink()
    target.write_bytes(data[:100])  # the scanner has started writing over the share
    assert watcher.poll() == [] and watcher.pending == 1
    clock.now += 5
    with target.open("ab") as handle:
        handle.write(data[100:])  # still writing: the signature changed, so the clock restarts
    assert watcher.poll() == []
    clock.now += 0.5
    assert watcher.poll() == []
    clock.now += 0.6
    assert watcher.poll() == [target]


def test_ignored_names_never_become_ready(tmp_path: Path) -> None:
    clock = Clock()
    watcher = FolderWatcher(tmp_path, stable_ms=0, clock=clock)
    jpeg(tmp_path / ".hidden.jpg")
    jpeg(tmp_path / "copy.jpg.part")
    (tmp_path / "notes.txt").write_text("not a scan")
    (tmp_path / "empty.png").write_bytes(b"")
    watcher.poll()
    clock.now += 1
    assert watcher.poll() == [] and watcher.pending == 0


def test_processed_files_move_without_overwriting(tmp_path: Path) -> None:
    clock = Clock()
    watcher = FolderWatcher(tmp_path, stable_ms=0, clock=clock)
    (tmp_path / "processed").mkdir()
    jpeg(tmp_path / "processed" / "a.jpg", shade=10)  # from yesterday, same name
    jpeg(tmp_path / "a.jpg", shade=200)
    watcher.poll()
    clock.now += 1
    [ready] = watcher.poll()
    moved = watcher.mark_processed(ready)
    assert moved == tmp_path / "processed" / "a (2).jpg"
    assert Image.open(tmp_path / "processed" / "a.jpg").getpixel((1, 1)) < 30  # yesterday's is intact
    assert not (tmp_path / "a.jpg").exists()


def test_an_unreadable_file_is_retried_then_set_aside_with_a_note(tmp_path: Path) -> None:
    clock = Clock()
    watcher = FolderWatcher(tmp_path, stable_ms=0, read_attempts=2, clock=clock)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff not really a jpeg")
    watcher.poll()
    clock.now += 1
    assert watcher.poll() == [broken]
    assert watcher.note_unreadable(broken, "cannot read") is None  # first failure: try again later
    assert broken.exists()
    clock.now += 1
    assert watcher.poll() == [broken]
    moved = watcher.note_unreadable(broken, "broken.jpg: cannot read the image")
    assert moved == tmp_path / "failed" / "broken.jpg"
    assert (tmp_path / "failed" / "broken.jpg.txt").read_text(encoding="utf-8").startswith("broken.jpg: cannot")


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="watched folder .*nowhere does not exist"):
        FolderWatcher(tmp_path / "nowhere").poll()


def test_folder_source_takes_every_page_and_empties_the_folder(tmp_path: Path) -> None:
    jpeg(tmp_path / "1.jpg", shade=40)
    frames = [Image.new("L", (100, 140), shade) for shade in (80, 120, 160)]
    frames[0].save(tmp_path / "2.tif", save_all=True, append_images=frames[1:], dpi=(300, 300))
    (tmp_path / "failed").mkdir()  # subfolders are not scans
    delivered = []
    source = FolderSource(stable_ms=30, poll_s=0.01)
    pages = source.acquire(f"folder:{tmp_path}", ScanSettings(), on_page=delivered.append)
    assert len(pages) == 4 and delivered == pages
    assert sorted(p.name for p in (tmp_path / "processed").iterdir()) == ["1.jpg", "2.tif"]
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []
    tiff_pages = [p for p in pages if "2.tif" in p.source]
    assert [p.source.rsplit(" ", 1)[-1] for p in tiff_pages] == ["1", "2", "3"] and tiff_pages[0].dpi == 300


def test_page_limit_never_splits_a_file(tmp_path: Path) -> None:
    frames = [Image.new("L", (60, 80), shade) for shade in (80, 120, 160)]
    frames[0].save(tmp_path / "three.tif", save_all=True, append_images=frames[1:], dpi=(200, 200))
    jpeg(tmp_path / "later.jpg")
    os.utime(tmp_path / "three.tif", (1_000_000, 1_000_000))  # files are taken oldest first
    pages = FolderSource(stable_ms=30, poll_s=0.01).acquire(f"folder:{tmp_path}", ScanSettings(page_limit=2))
    # The limit is reached inside the first file: that file is delivered whole, the other waits.
    assert len(pages) == 3
    assert [p.name for p in (tmp_path / "processed").iterdir()] == ["three.tif"]
    assert (tmp_path / "later.jpg").exists()


def test_cancel_stops_the_watch(tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    jpeg(tmp_path / "a.jpg")
    assert FolderSource(stable_ms=30, poll_s=0.01, idle_timeout_s=60).acquire(
        f"folder:{tmp_path}", ScanSettings(), cancel=cancel) == []
    assert (tmp_path / "a.jpg").exists()  # nothing taken, nothing lost


def test_listing_shows_configured_folders_that_exist(tmp_path: Path) -> None:
    devices = FolderSource([tmp_path, tmp_path / "gone"]).list_devices()
    assert [d.id for d in devices] == [f"folder:{tmp_path.resolve()}"]


def test_files_of_every_kind_become_pages(tmp_path: Path) -> None:
    rgba = Image.new("RGBA", (80, 100), (0, 0, 0, 0))
    rgba.save(tmp_path / "clear.png")
    [png] = read_pages(tmp_path / "clear.png")
    assert png.image.mode == "RGB" and png.image.getpixel((1, 1)) == (255, 255, 255)
    assert png.dpi == page_dpi(80, 100, None)[0]  # no dpi in the file: estimated, as for any import
    Image.new("RGB", (170, 240), "white").save(tmp_path / "doc.pdf", resolution=100)
    [pdf_page] = FileSource().acquire(f"file:{tmp_path / 'doc.pdf'}", ScanSettings(dpi=200))
    assert pdf_page.dpi == 200 and abs(pdf_page.image.width - 340) <= 2


def test_bad_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "x.docx").write_text("?")
    with pytest.raises(InputError, match=r"x\.docx: not a supported file type"):
        read_pages(tmp_path / "x.docx")
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    with pytest.raises(InputError, match=r"bad\.png: not an image or PDF this program can read"):
        read_pages(tmp_path / "bad.png")
    with pytest.raises(NotFoundError, match="no such file"):
        read_pages(tmp_path / "missing.jpg")


def test_folder_source_sets_aside_an_unreadable_file_and_says_so(tmp_path: Path) -> None:
    jpeg(tmp_path / "good.jpg")
    (tmp_path / "bad.jpg").write_bytes(b"\xff\xd8\xff garbage from a confused scanner")
    source = FolderSource(stable_ms=20, poll_s=0.01)
    pages = source.acquire(f"folder:{tmp_path}", ScanSettings())
    assert [p.source.rsplit(" ", 1)[-1] for p in pages] == ["good.jpg"]
    assert (tmp_path / "failed" / "bad.jpg").exists() and (tmp_path / "processed" / "good.jpg").exists()
    [problem] = source.problems
    assert problem.startswith("bad.jpg: unreadable, moved to failed/")
