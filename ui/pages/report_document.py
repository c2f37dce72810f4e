"""The printable copy of the Reports page: an A4 PDF made with Qt (QTextDocument on a
QPdfWriter), worded with the same translations as the screen, shown in the PDF viewer to print
or save. Kept in memory like every form: nothing is written unless the official saves it."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QBuffer
from PySide6.QtCore import QByteArray
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QIODevice
from PySide6.QtCore import QMarginsF
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtGui import QPageLayout
from PySide6.QtGui import QPageSize
from PySide6.QtGui import QPdfWriter
from PySide6.QtGui import QTextDocument

from ui.dates import date_text
from ui.dates import time_date_text

CHART_URL = "motcua://chart.png"
RESOLUTION = 300


@dataclass(frozen=True)
class ShownReport:
    """What the PDF viewer and the printer need (the fields of a shown form)."""

    code: str
    form: str
    name: str
    pdf: bytes
    paper: str


translate = QCoreApplication.translate


def report_html(report: Any, words: Any, unit_name: str) -> str:
    """The report as HTML for QTextDocument (its subset of HTML: tables, no CSS layout)."""
    period = translate("ReportDocument", "From %1 to %2")
    period = period.replace("%1", date_text(report.period.start)).replace("%2", date_text(report.period.end))
    rows = [
        (translate("ReportDocument", "Dossiers received"), str(report.received)),
        (translate("ReportDocument", "Results returned"), str(report.returned)),
        (translate("ReportDocument", "Returned on time"),
         f"{report.returned_on_time} ({words.rate(report.on_time_rate)})"),
        (translate("ReportDocument", "Returned late"), str(report.returned_late)),
        (translate("ReportDocument", "Returned by post"), str(report.returned_by_post)),
        (translate("ReportDocument", "Overdue, still being processed"), str(report.overdue_open)),
        (translate("ReportDocument", "Not yet accepted by the portal"),
         f"{report.unsynced}. {words.oldest_unsynced(report.oldest_unsynced)}"),
    ]
    title = translate("ReportDocument", "REPORT ON RECEIVING DOSSIERS AND RETURNING RESULTS")
    parts = [f"<p><b>{escape(unit_name.upper())}</b></p>",
             f"<h2 align='center'>{escape(title)}</h2>",
             f"<p align='center'><i>{escape(period)}</i></p>",
             _table([translate("ReportDocument", "Figure"), translate("ReportDocument", "Value")], rows),
             f"<p><img src='{CHART_URL}' width='640'></p>"]
    counts = (
        (translate("ReportDocument", "By status"),
         [words.status(code) for code, n in report.by_status.items() if n],
         [n for n in report.by_status.values() if n]),
        (translate("ReportDocument", "By channel"),
         [words.channel(code) for code, n in report.by_channel.items() if n],
         [n for n in report.by_channel.values() if n]),
        (translate("ReportDocument", "By procedure"), [f"{p.code} – {p.name}" for p in report.by_procedure],
         [p.count for p in report.by_procedure]),
        (translate("ReportDocument", "By official"), [o.full_name or o.username for o in report.by_official],
         [o.count for o in report.by_official]),
    )
    for title, names, numbers in counts:
        parts.append(f"<h3>{escape(title)}</h3>")
        heads = [title, translate("ReportDocument", "Dossiers")]
        parts.append(_table(heads, list(zip(names, map(str, numbers)))))
    made = translate("ReportDocument", "Made %1.").replace("%1", time_date_text(report.made_at))
    parts.append(f"<p><i>{escape(made)}</i></p>")
    style = "font-family: 'Liberation Serif', 'Times New Roman', serif; font-size: 11pt;"
    return f'<html><body style="{style}">' + "".join(parts) + "</body></html>"


def _table(heads: list[str], rows: list[tuple[str, str]]) -> str:
    head = "".join(f"<th align='left'>{escape(text)}</th>" for text in heads)
    none = translate("ReportDocument", "None")
    body = "".join(f"<tr><td>{escape(name)}</td><td align='right'>{escape(value)}</td></tr>"
                   for name, value in rows) or f"<tr><td colspan='2'><i>{escape(none)}</i></td></tr>"
    return f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr>{head}</tr>{body}</table>"


def render_report_pdf(report: Any, words: Any, unit_name: str, chart: QImage) -> bytes:
    """The report as A4 portrait PDF bytes, the chart embedded as a picture."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(translate("ReportDocument", "Report on dossiers"))
    writer.setCreator("MotCua Desk")
    document = QTextDocument()
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), chart)
    document.setHtml(report_html(report, words, unit_name))
    document.print_(writer)
    del writer  # the PDF is finished when the writer goes
    buffer.close()
    return bytes(data)
