"""A page read strip by strip on two cores reads as the whole page does (app.capture.strips).

The real pages are read both ways with the real Tesseract; the strip arithmetic is checked on
boxes small enough to follow by hand.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

import pytest
from PIL import Image

from app.capture import ocr
from app.capture.imports import read_pages
from app.capture.ocr import OcrPage, recognise, recognise_page
from app.capture.pipeline import process_page
from app.capture.strips import Strip, StripQueue, word_boxes

from tests.capture.real_pages import real_page


def _whole_or_strips(monkeypatch: pytest.MonkeyPatch, strips: bool) -> None:
    @contextlib.contextmanager
    def reading() -> Iterator[bool]:
        yield strips

    monkeypatch.setattr(ocr, "_reading", reading)


def _both_ways(monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[OcrPage, OcrPage]:
    page = process_page(next(iter(read_pages(real_page(name)))), orient=ocr.orient_by_lines)
    _whole_or_strips(monkeypatch, False)
    whole = recognise_page(page)
    _whole_or_strips(monkeypatch, True)
    return whole, recognise_page(page)


@pytest.mark.parametrize("name", [
    "phototest.tif",  # English, read with eng+vie
    "va1-p2.tif",  # a Vietnamese official letter, read with vie
    "8071_093.3B.tif",  # a magazine spread with photographs and rules, which are not read
])
def test_strips_read_as_the_whole_page_does(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    whole, strips = _both_ways(monkeypatch, name)
    assert strips.lang == whole.lang
    assert [w.text for w in strips.words] == [w.text for w in whole.words]
    assert strips.text == whole.text
    # The text layer is placed from the boxes: the layout's own, not the strips' rough ones.
    same = sum((a.left, a.top, a.right, a.bottom, a.line) == (b.left, b.top, b.right, b.bottom, b.line)
               for a, b in zip(whole.words, strips.words))
    assert same >= 0.98 * len(whole.words)


def test_the_strips_are_read_on_two_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    page = process_page(next(iter(read_pages(real_page("va1-p2.tif")))), orient=ocr.orient_by_lines)
    _whole_or_strips(monkeypatch, True)
    threads: set[str] = set()
    real = ocr._read_strips

    def read_strips(*args: object, **kwargs: object) -> object:
        threads.add(threading.current_thread().name)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "_read_strips", read_strips)
    assert recognise_page(page).words
    assert len(threads) == 2 and any(name.startswith("ocr-strips") for name in threads)


def test_a_page_is_halved_only_when_a_core_is_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.os, "cpu_count", lambda: 2)
    with ocr._reading() as first:
        with ocr._reading() as second:  # another page being read at the same time
            pass
    assert first and not second
    monkeypatch.setattr(ocr.os, "cpu_count", lambda: 1)
    with ocr._reading() as alone:
        assert not alone
    assert ocr._readings == 0


def test_with_every_core_busy_the_page_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.os, "cpu_count", lambda: 1)
    halved: list[int] = []
    monkeypatch.setattr(ocr, "_read_in_strips", lambda *args: halved.append(1))
    found = recognise_page(process_page(next(iter(read_pages(real_page("phototest.tif")))),
                                        orient=ocr.orient_by_lines))
    assert found.words and not halved


@pytest.mark.parametrize("fill", [255, 0])
def test_a_blank_or_black_page_in_strips_gives_no_error(monkeypatch: pytest.MonkeyPatch, fill: int) -> None:
    _whole_or_strips(monkeypatch, True)
    found = recognise(Image.new("L", (1700, 2200), fill), 200, lang="vie")
    assert found.text.strip() == "" and not found.words


def _strip(words: tuple[tuple[int, int, int, int], ...], left: int = 100, top: int = 50) -> Strip:
    return Strip(0, 0, left, top, max(w[2] for w in words) + 4, max(w[3] for w in words) + 4, words)


def test_words_read_one_for_one_take_the_layout_boxes() -> None:
    strip = _strip(((104, 60, 150, 80), (160, 58, 220, 86)))
    assert word_boxes(strip, [(0, 0, 60, 40), (58, 0, 124, 40)]) == list(strip.words)


def test_words_read_as_one_take_the_union_of_their_layout_boxes() -> None:
    strip = _strip(((104, 60, 150, 80), (154, 58, 220, 86), (240, 60, 300, 80)))
    # Read as two: the first over the first two layout words, the second over the third.
    assert word_boxes(strip, [(0, 0, 122, 40), (136, 0, 204, 40)]) == [(104, 58, 220, 86), (240, 60, 300, 80)]


def test_a_layout_word_read_as_two_keeps_both_in_its_height() -> None:
    strip = _strip(((104, 60, 220, 86),))
    boxes = word_boxes(strip, [(0, 0, 60, 40), (62, 0, 124, 40)])
    assert boxes[1] == (104, 60, 220, 86)  # the one over its middle takes the layout box
    assert boxes[0] == (100, 60, 160, 86)  # the other keeps its own span, in the row's height


def test_nothing_read_from_a_strip_gives_no_boxes() -> None:
    assert word_boxes(_strip(((104, 60, 150, 80),)), []) == []


def test_two_readers_meet_in_the_middle_and_take_every_strip_once() -> None:
    queue = StripQueue([Strip(0, line, 0, 10 * line, 100, 10 * line + 10) for line in range(5)])
    taken = [queue.take(), queue.take(from_bottom=True), queue.take(), queue.take(from_bottom=True),
             queue.take(from_bottom=True), queue.take(), queue.take(from_bottom=True)]
    assert taken == [0, 4, 1, 3, 2, None, None]
    assert StripQueue([]).take() is None


def test_the_strips_are_shared_out_whatever_the_pace_of_each_reader() -> None:
    queue = StripQueue([Strip(0, line, 0, 10 * line, 100, 10 * line + 10) for line in range(400)])
    taken: list[list[int]] = [[], []]

    def reader(which: int) -> None:
        while (index := queue.take(from_bottom=bool(which))) is not None:
            taken[which].append(index)

    threads = [threading.Thread(target=reader, args=(which,)) for which in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(taken[0] + taken[1]) == list(range(400))
    assert taken[0] == sorted(taken[0]) and taken[1] == sorted(taken[1], reverse=True)
