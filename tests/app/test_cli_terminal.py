"""The command line never hands a terminal the control characters of stored or typed data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.reception.service import confirm_reception
from app.store.models import Applicant, Dossier
from tests.app.reception_support import PASSWORD, birth_request, store  # noqa: F401

# Clears the screen, overrides the text direction, returns to the line start: old data taken
# before intake refused such characters, or written by another tool.
HOSTILE = "Nguyễn\x1b[2J Thị\u202e Lan\r\x9b"


def run(store, argv: list[str], capsys: pytest.CaptureFixture[str],  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    from app.cli.main import main

    monkeypatch.setenv("MOTCUA_PASSWORD", PASSWORD)
    code = main([*argv, "--data-dir", str(store.paths.root), "--user", "admin"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def hostile_dossier(store, tmp_path: Path) -> str:  # noqa: F811
    made = confirm_reception(store, birth_request(store, tmp_path / "pages"))
    with store.session() as session:
        dossier = session.get(Dossier, made.dossier_id)
        dossier.data = {**dossier.data, "applicant": {**dossier.data["applicant"], "full_name": HOSTILE}}
        for applicant in session.scalars(select(Applicant)):
            applicant.full_name = HOSTILE
    return made.code


def assert_clean(text: str) -> None:
    assert not any(ch in text for ch in "\x1b\u202e\r\x9b"), repr(text)


@pytest.mark.parametrize("command", [["dossiers", "list"], ["dossiers", "show", "CODE"]])
def test_stored_control_characters_are_printed_escaped(store, hostile_dossier: str, command,  # noqa: F811
                                                       capsys, monkeypatch) -> None:
    argv = [hostile_dossier if part == "CODE" else part for part in command]
    code, out, _err = run(store, argv, capsys, monkeypatch)
    assert code == 0
    assert_clean(out)
    assert "Nguyễn\\x1b[2J Thị\\u202e Lan\\x0d\\x9b" in out


def test_json_output_escapes_them_and_reads_back_intact(store, hostile_dossier: str,  # noqa: F811
                                                       capsys, monkeypatch) -> None:
    code, out, _err = run(store, ["--json", "dossiers", "show", hostile_dossier], capsys, monkeypatch)
    assert code == 0
    assert_clean(out)
    assert "Nguyễn" in out  # Vietnamese letters stay readable
    assert json.loads(out)["applicant"]["full_name"] == HOSTILE


def test_an_error_quoting_typed_text_is_escaped(store, tmp_path: Path, capsys, monkeypatch) -> None:  # noqa: F811
    named = tmp_path / "\x1b]0;owned\x07\u202egnp.json"  # the message names the file as given
    code, out, err = run(store, ["intake", "--json", str(named)], capsys, monkeypatch)
    assert code == 2 and out == ""
    assert_clean(err) and "\x07" not in err and "\\x1b]0;owned\\x07\\u202egnp.json: no such file" in err
    assert err.count("\n") == 1
