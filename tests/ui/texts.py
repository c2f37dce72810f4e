"""Reading every text a screen shows, and judging whether a Vietnamese screen shows English.

`screen_texts` gathers what a person can read in the open windows: titles, labels, buttons, group
and tab titles, combo items, table and list headers and cells (with their tool tips), tool tips,
placeholders, rich text and the status bar. `English` judges them: a text passes when, once the
test's own data (names, codes, paths, the catalogue) and everything the translation catalogues
answered are taken out, no common English word is left. The translations are known from a
`RecordingTranslator` (tests/ui/qt_dialogs.py) installed in front of the catalogues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QTextEdit
from PySide6.QtWidgets import QWidget

from tests.ui.qt_dialogs import RecordingTranslator

# Words an English message of the core is made of and Vietnamese never is (words Vietnamese
# also spells plainly, like "an", "to", "in", "no", "con", are left out on purpose).
ENGLISH_WORDS = frozenset("""
    the is are was were be been not must cannot could should can will has have had this that these
    with and of for from by or at as it its into than then there which when only any every nothing
    field error missing invalid unknown please failed fail refused malformed expected got more less
    allowed characters character empty damaged truncated image encrypted already exists wrong
    page pages file files folder token portal enrol enrolment enrolled bundle include exported
    scanner document documents dossier dossiers required future digits number date found read
    write written network answer sent send waiting unit desk administrator password user name
    sign signed locked try again retry synchronise authorised receive received item queue problem
    details log new old card copy copies procedure catalogue fee amount whole least most
""".split())
_PLACEHOLDER = re.compile(r"%(?:\d|n|\(\w+\))")
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")


def _item_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model keeps columnCount private: one column
        columns = 1
    for row in range(model.rowCount(root)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def own_texts(widget: QWidget) -> list[str]:
    """What `widget` itself shows (not its children)."""
    texts = [widget.toolTip()]
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        texts.append(widget.toPlainText())
    if isinstance(widget, QHeaderView) and widget.model() is not None:
        texts += [str(widget.model().headerData(i, widget.orientation()) or "") for i in range(widget.count())]
    elif isinstance(widget, QAbstractItemView):
        texts += _item_texts(widget)
    if isinstance(widget, QMainWindow) and widget.statusBar() is not None:
        texts.append(widget.statusBar().currentMessage())
    return texts


def screen_texts(windows: Iterable[QWidget] | None = None) -> list[str]:
    """Every text shown by `windows` (all visible top-level windows when None), HTML tags removed."""
    shown = [w for w in (windows if windows is not None else QApplication.topLevelWidgets()) if w.isVisible()]
    texts: list[str] = []
    for window in shown:
        texts.append(window.windowTitle())
        for widget in [window, *window.findChildren(QWidget)]:
            if widget is window or widget.isVisibleTo(window):
                texts += own_texts(widget)
        for action in window.findChildren(QAction):
            if action.isVisible() and not action.isSeparator():
                texts += [action.text(), action.toolTip()]
    return [_TAG.sub(" ", t) for t in texts if t and t.strip()]


@dataclass
class English:
    """The judge: `data` are the test's own inputs; `recorder` saw every translation asked for."""

    recorder: RecordingTranslator
    data: set[str] = field(default_factory=set)

    def translated_pieces(self) -> list[str]:
        """The literal parts of every translation the catalogues gave (placeholders cut out),
        longest first, so a longer sentence is taken out before a word inside it."""
        pieces: set[str] = set()
        for context, source, disambiguation in list(self.recorder.asked):
            answer = QCoreApplication.translate(context, source, disambiguation or None)
            if answer == source:
                continue  # not translated: an English source must still be judged
            pieces.update(p.strip() for p in _PLACEHOLDER.split(answer) if len(p.strip()) > 1)
        return sorted(pieces, key=len, reverse=True)

    def leftovers(self, texts: Iterable[str]) -> list[tuple[str, list[str]]]:
        """(text, its English words) for every text that still holds English."""
        cut = sorted((d for d in self.data if d), key=len, reverse=True) + self.translated_pieces()
        # Whole words only: a piece must not cut a word of the text in two.
        patterns = [re.compile(rf"(?<!\w){re.escape(piece)}(?!\w)") for piece in cut]
        found = []
        for text in texts:
            rest = text
            for pattern in patterns:
                rest = pattern.sub(" ", rest)
            words = [w for w in _WORD.findall(rest) if w.lower() in ENGLISH_WORDS]
            if words:
                found.append((text, words))
        return found

    def check(self, texts: Iterable[str]) -> None:
        found = self.leftovers(texts)
        assert not found, "English on a Vietnamese screen:\n" + "\n".join(
            f"  {text!r}: {words}" for text, words in found)
