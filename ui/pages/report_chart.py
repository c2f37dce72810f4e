"""Receptions and returns per day as a chart (QtCharts), for the Reports page and its print.

Lines over a date axis rather than bars: a month and a whole year read the same way, where a
year of bars would be 366 unreadable slivers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

from PySide6.QtCharts import QChart
from PySide6.QtCharts import QChartView
from PySide6.QtCharts import QDateTimeAxis
from PySide6.QtCharts import QLineSeries
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import QDateTime
from PySide6.QtCore import QSize
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QImage
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPen

RECEIVED_COLOUR = "#1f5fa8"
RETURNED_COLOUR = "#2e7d32"
PRINT_SIZE = QSize(1000, 380)


class DailyChart(QChartView):
    """Two lines: dossiers received and results returned, one point per day of the period."""

    def __init__(self, words: Any) -> None:
        super().__init__()
        self.words = words
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.days: list[Any] = []
        self.show_days([])

    def show_days(self, days: Sequence[Any]) -> None:
        """Redraw for `days` (app.reports.figures.DayCount items)."""
        self.days = list(days)
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(chart.margins() * 0)
        received = self._series(self.words.received_series(), RECEIVED_COLOUR,
                                [(d.day, d.received) for d in days])
        returned = self._series(self.words.returned_series(), RETURNED_COLOUR,
                                [(d.day, d.returned) for d in days])
        chart.addSeries(received)
        chart.addSeries(returned)
        axis_x = QDateTimeAxis()
        axis_x.setFormat("dd/MM")
        axis_x.setTickCount(min(max(len(days), 2), 11))
        if days:
            axis_x.setRange(_moment(days[0].day), _moment(days[-1].day))
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        highest = max([d.received for d in days] + [d.returned for d in days] + [1])
        axis_y.setRange(0, highest + max(1, highest // 10))
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for series in (received, returned):
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    @staticmethod
    def _series(name: str, colour: str, points: list[tuple[Any, int]]) -> QLineSeries:
        series = QLineSeries()
        series.setName(name)
        series.setPen(QPen(QColor(colour), 2))
        series.setPointsVisible(len(points) <= 62)
        for day, count in points:
            series.append(float(_moment(day).toMSecsSinceEpoch()), float(count))
        return series

    def picture(self) -> QImage:
        """The chart drawn at print size (not the on-screen size), for the printed report."""
        image = QImage(PRINT_SIZE, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart().resize(PRINT_SIZE.width(), PRINT_SIZE.height())
        self.scene().render(painter, image.rect(), self.chart().geometry())
        painter.end()
        self.chart().resize(self.viewport().size())
        return image


def _moment(day: Any) -> QDateTime:
    return QDateTime(datetime.combine(day, time(12, 0)))
