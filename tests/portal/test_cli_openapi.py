"""`motcua portal …` command functions, and the published OpenAPI document."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import httpx
import pytest

from app.errors import InputError
from portal.cli import register
from tests.portal.support import Desk, dossier_body

DOCS = Path(__file__).resolve().parents[2] / "docs"
WRITE_ENV = "MOTCUA_WRITE_OPENAPI"  # set to 1 to refresh docs/openapi.json from the portal


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    parser = argparse.ArgumentParser(prog="motcua", parents=[common])
    register(parser.add_subparsers(dest="command"), common)
    args = parser.parse_args(argv)
    status = args.handler(args)
    return status, capsys.readouterr().out


def test_token_dossiers_and_status_commands(desk: Desk, db_url: str, capsys) -> None:
    code, out = run(["portal", "token", "create", "--unit", "000.00.06.H56", "--db", db_url, "--json"],
                    capsys)
    assert code == 0 and len(json.loads(out)["token"]) > 30
    dossier_id, body = dossier_body()
    desk.put_dossier(dossier_id, body)
    _, listing = run(["portal", "dossiers", "--db", db_url, "--json"], capsys)
    assert [row["code"] for row in json.loads(listing)] == [body["dossier"]["code"]]
    _, human = run(["portal", "dossiers", "--db", db_url], capsys)
    assert body["dossier"]["code"] in human and "Đăng ký khai sinh" in human
    _, changed = run(["portal", "status", body["dossier"]["code"], "--set", "DANG_XU_LY", "--db", db_url,
                      "--note", "Đã chuyển"], capsys)
    assert changed.startswith(f"{body['dossier']['code']}: DANG_XU_LY")
    assert desk.changes()["changes"][0]["note"] == "Đã chuyển"


def test_bad_input_is_one_clear_error(sqlite_url: str, capsys) -> None:
    with pytest.raises(InputError, match="--unit"):
        run(["portal", "token", "create", "--unit", "H56", "--db", sqlite_url], capsys)
    with pytest.raises(InputError, match="status"):
        run(["portal", "status", "X", "--set", "NOPE", "--db", sqlite_url], capsys)
    with pytest.raises(InputError, match="--db"):
        run(["portal", "dossiers", "--db", "mysql://x/y"], capsys)
    junk = Path(sqlite_url.removeprefix("sqlite:///")).parent / "f.mcbundle"
    junk.write_bytes(b"junk")
    with pytest.raises(InputError, match="not a MotCua bundle"):
        run(["portal", "bundle", "import", str(junk), "--db", sqlite_url, "--blobs", str(junk.parent)],
            capsys)


def test_serve_refuses_plain_http_off_loopback(sqlite_url: str, tmp_path, capsys) -> None:
    with pytest.raises(InputError, match="loopback"):
        run(["portal", "serve", "--db", sqlite_url, "--blobs", str(tmp_path), "--host", "0.0.0.0"], capsys)


def test_openapi_is_published_and_docs_match_it(portal) -> None:
    """docs/openapi.json is what the portal serves. A run never rewrites it: a stale copy fails,
    naming the command that refreshes it (MOTCUA_WRITE_OPENAPI=1)."""
    served = httpx.get(f"{portal.url}/openapi.json").json()
    paths = served["paths"]
    for path in ("/v1/enrol", "/v1/dossiers/{dossier_id}", "/v1/dossiers/{dossier_id}/events", "/v1/changes",
                 "/v1/blobs/missing", "/v1/blobs/{sha256}", "/v1/code-blocks", "/v1/limits"):
        assert path in paths, path
    assert "requestBody" in paths["/v1/dossiers/{dossier_id}"]["put"]
    text = json.dumps(served, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    target = DOCS / "openapi.json"
    if os.environ.get(WRITE_ENV) == "1":
        target.write_text(text, encoding="utf-8")
    published = target.read_text(encoding="utf-8") if target.exists() else ""
    assert published == text, (
        f"docs/openapi.json differs from what the portal serves ({len(published)} vs {len(text)} "
        f"characters): refresh it with `{WRITE_ENV}=1 scripts/test.sh tests/portal/test_cli_openapi.py` "
        "and commit it with the change to the wire")
