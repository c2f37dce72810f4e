"""Read-only detail of one procedure version, with its provenance in plain view.

Catalogue values come with confidence tags; anything not verified carries a visible
"not verified" badge next to it, so an official never mistakes a draft value for law.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QWidget

from app.catalog.fees import CHANNELS
from app.catalog.model import TAGGED_FIELDS
from app.catalog.model import ProcedureVersionData
from ui.models.catalog_model import fee_text
from ui.models.catalog_model import time_text
from ui.words import rule_text

BADGE_STYLE = "background:#fde7c4; color:#7a4b00; font-size:small"
LIST_STYLE = "margin-left:-20px"


def _row(label: str, value: str, badge: str = "") -> str:
    return (f"<tr><td style='padding-right:12px; color:#555'>{html.escape(label)}</td>"
            f"<td>{html.escape(value)}{badge}</td></tr>")


def _heading(text: str, badge: str = "") -> str:
    return f"<h4>{html.escape(text)}{badge}</h4>"


def _para(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def _date(value: object) -> str:
    return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else str(value)


class ProcedureDetail(QTextBrowser):
    """Shows one procedure version as formatted text, or a hint when nothing is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        self.version: ProcedureVersionData | None = None
        self.show_version(None)

    def show_version(self, version: ProcedureVersionData | None) -> None:
        self.version = version
        if version is None:
            hint = html.escape(self.tr("Select a procedure to see its details."))
            self.setHtml(f"<p style='color:#666'>{hint}</p>")
            return
        self.setHtml(self.procedure_html(version))

    # -- pieces ---------------------------------------------------------------------------------
    def _badge(self, version: ProcedureVersionData, field: str) -> str:
        if field not in version.unverified_fields:
            return ""
        text = html.escape(self.tr("not verified"))
        return f" <span style='{BADGE_STYLE}'>&nbsp;{text}&nbsp;</span>"

    def _field_names(self) -> dict[str, str]:
        return {"code": self.tr("code"), "name": self.tr("name"), "time": self.tr("time limit"),
                "fee": self.tr("fee"), "documents": self.tr("documents"),
                "extension": self.tr("extension"), "valid_from": self.tr("effective date")}

    def _tag_names(self) -> dict[str, str]:
        return {"V": self.tr("verified"), "S": self.tr("single source"), "U": self.tr("not verified")}

    def _documents_html(self, version: ProcedureVersionData) -> str:
        if not version.documents:
            return _para(self.tr("No documents listed."))
        items = []
        for doc in version.documents:
            need = self.tr("required") if doc.required else self.tr("if applicable")
            kind = self.tr("show the original") if doc.kind == "present" else self.tr("submit")
            mark = "☑" if doc.required else "☐"
            parts = [need, kind]
            if doc.originals:
                parts.append(self.tr("originals: %1").replace("%1", str(doc.originals)))
            if doc.copies:
                parts.append(self.tr("copies: %1").replace("%1", str(doc.copies)))
            if doc.condition:
                parts.append(doc.condition)
            note = html.escape("(" + "; ".join(parts) + ")")
            items.append(f"<li>{mark} {html.escape(doc.name)} <i style='color:#555'>{note}</i></li>")
        return f"<ul style='{LIST_STYLE}'>" + "".join(items) + "</ul>"

    def _time_value(self, version: ProcedureVersionData) -> str:
        text = time_text(version)
        return f"{text} — {version.time_note}" if version.time_note else text

    def _fee_value(self, version: ProcedureVersionData) -> str:
        text = fee_text(version.fee)
        if version.fee.note:
            text += f" — {version.fee.note}"
        if version.fee.exempt:
            text += "; " + self.tr("exempt: %1").replace("%1", "; ".join(version.fee.exempt))
        return text

    def _validity(self, version: ProcedureVersionData) -> str:
        valid = _date(version.valid_from)
        return valid + (" – " + _date(version.valid_until) if version.valid_until else "")

    def _summary_rows(self, version: ProcedureVersionData) -> list[str]:
        rows = [
            _row(self.tr("Code"), version.code, self._badge(version, "code")),
            _row(self.tr("Field"), version.field or "—"),
            _row(self.tr("Authority"), version.authority or "—"),
            _row(self.tr("Time limit"), self._time_value(version), self._badge(version, "time")),
        ]
        if version.extension is not None:
            ext = rule_text(version.extension.rule)
            ext += f" ({version.extension.when})" if version.extension.when else ""
            rows.append(_row(self.tr("Extension"), ext, self._badge(version, "extension")))
        rows.append(_row(self.tr("Fee"), self._fee_value(version), self._badge(version, "fee")))
        channels = ", ".join(CHANNELS.get(c, c) for c in version.channels)
        rows.append(_row(self.tr("Channels"), channels))
        validity = self._validity(version)
        rows.append(_row(self.tr("In force from"), validity, self._badge(version, "valid_from")))
        return rows

    def procedure_html(self, version: ProcedureVersionData) -> str:
        """The whole detail as HTML (values escaped: the catalogue is data, not markup)."""
        parts = [f"<h3>{html.escape(version.name)}{self._badge(version, 'name')}</h3><table>"]
        parts.extend(self._summary_rows(version))
        parts.append("</table>")
        parts.append(_heading(self.tr("Documents"), self._badge(version, "documents")))
        parts.append(self._documents_html(version))
        if version.legal:
            parts.append(_heading(self.tr("Legal basis")) + f"<ul style='{LIST_STYLE}'>")
            parts.extend(f"<li>{html.escape(item)}</li>" for item in version.legal)
            parts.append("</ul>")
        parts.append(self._provenance_html(version))
        return "".join(parts)

    def _provenance_html(self, version: ProcedureVersionData) -> str:
        tags = self._tag_names()
        parts = [_heading(self.tr("Source and confidence")) + "<table>"]
        if version.source or not version.sources:
            parts.append(_row(self.tr("Source"), version.source or self.tr("not stated")))
        for field, label in self._field_names().items():
            tag = version.verify.get(field)
            if tag is None and field not in TAGGED_FIELDS:
                continue
            shown = f"{tag} – {tags.get(tag, tag)}" if tag else self.tr("no tag")
            if version.sources.get(field):  # each fact's own sources, when the catalogue gives them
                shown += " — " + "; ".join(version.sources[field])
            parts.append(_row(label, shown, self._badge(version, field)))
        parts.append("</table>")
        parts.extend(f"<p><i>{html.escape(note)}</i></p>" for note in version.notes)
        if version.valid_until_hint:
            parts.append(f"<p><i>{html.escape(version.valid_until_hint)}</i></p>")
        return "".join(parts)
