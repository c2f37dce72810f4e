"""How the Reports page words the report's codes and numbers: status and channel names, the
on-time rate, the oldest unsynced change. Shared by the page and its printable copy, so both
say the same thing in the official's language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale

from ui.dates import time_date_text


translate = QCoreApplication.translate


class ReportWords:
    """Translated wording, looked up when used (the language can change while the app runs)."""

    def status(self, code: str) -> str:
        """The same word as the Hồ sơ list and the detail (one table, ui/words.py): the page had
        its own, and showed “Đang giải quyết” for what the list calls “Đang xử lý”."""
        from ui.words import status_text

        return status_text(code)

    def channel(self, code: str) -> str:
        names = {"desk": translate("ReportWords", "At the desk"),
                 "post_office": translate("ReportWords", "Through a post office"),
                 "community": translate("ReportWords", "Through the community digital team")}
        return names.get(code, code)

    def change(self, kind: str) -> str:
        names = {"dossier.create": translate("ReportWords", "new dossier"),
                 "dossier.update": translate("ReportWords", "dossier change"),
                 "dossier.event": translate("ReportWords", "dossier step"),
                 "dossier.status": translate("ReportWords", "status change")}
        return names.get(kind, kind)

    def rate(self, value: float | None) -> str:
        """'87,5 %' (in the language's number format); '—' when nothing was returned."""
        if value is None:
            return "—"
        return QLocale().toString(value * 100, "f", 1) + " %"

    def returned_detail(self, report: Any) -> str:
        text = translate("ReportWords", "%1 on time, %2 late")
        return text.replace("%1", str(report.returned_on_time)).replace("%2", str(report.returned_late))

    def on_time_detail(self, report: Any) -> str:
        if not report.returned:
            return translate("ReportWords", "No result was returned in this period.")
        text = translate("ReportWords", "of the %1 results returned in the period")
        return text.replace("%1", str(report.returned))

    def oldest_unsynced(self, oldest: Any) -> str:
        if oldest is None:
            return translate("ReportWords", "Everything has reached the portal.")
        text = translate("ReportWords", "Oldest: %1 %2, waiting since %3")
        text = text.replace("%1", self.change(oldest.kind)).replace("%2", oldest.dossier_code)
        text = text.replace("%3", time_date_text(oldest.created_at))
        if oldest.state == "quarantined":
            text += " " + translate("ReportWords", "(refused by the portal: see the Sync page)")
        return text

    def survey_detail(self, survey: Any) -> str:
        """'12 answers; average 4,3 / 5 overall' for the citizens' satisfaction tile."""
        if not survey.answers:
            return translate("ReportWords", "No citizen answered the survey in this period.")
        text = translate("ReportWords", "%1 answers; average %2 / 5 overall")
        overall = survey.averages.get("overall")
        average = QLocale().toString(overall, "f", 1) if overall is not None else "—"
        return text.replace("%1", str(survey.answers)).replace("%2", average)

    def received_series(self) -> str:
        return translate("ReportWords", "Received")

    def returned_series(self) -> str:
        return translate("ReportWords", "Returned")
