"""A throw-away PostgreSQL cluster for the portal tests: initdb in a temp folder, a unix socket
there too, a free TCP port on loopback, stopped and deleted at the end.

PostgreSQL refuses to run as root, so when the tests run as root (CI) the cluster belongs to
the `postgres` system user (created by the Debian package) and its tools run via `runuser`.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from testing.portal_child import free_port  # noqa: F401 - the tests import it from here

PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def pg_bin() -> Path | None:
    """The newest installed server's bin folder, or None when PostgreSQL is not installed."""
    for folder in PG_BIN_DIRS:
        if (folder / "initdb").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@dataclass
class Cluster:
    bin: Path
    root: Path
    port: int
    user: str | None  # system user owning the cluster when we run as root

    def _run(self, *argv: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bin / argv[0]), *argv[1:]]
        if self.user:
            cmd = ["runuser", "-u", self.user, "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=60)

    def url(self, database: str) -> str:
        # Over TCP on loopback (trust auth, the cluster only listens there).
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        data = self.root / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--no-sync", "--locale=C.UTF-8")
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c unix_socket_directories={self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.root / "log"), "-w", "-t", "60",
                  "start")

    def create_database(self, name: str) -> str:
        self._run("psql", "-h", str(self.root), "-p", str(self.port), "-U", "postgres", "-d", "postgres",
                  "-q", "-c", f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    folder = pg_bin()
    if folder is None:
        raise RuntimeError("PostgreSQL is not installed (scripts/setup.sh test installs it)")
    root = Path(tempfile.mkdtemp(prefix="motcua-pg-"))
    user = None
    if os.geteuid() == 0:
        user = "postgres"
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
        os.chmod(root, 0o700)
    cluster = Cluster(folder, root, free_port(), user)
    for attempt in range(3):  # the free port may be taken between choosing and binding
        try:
            cluster.start()
            return cluster
        except subprocess.CalledProcessError as error:
            if attempt == 2:
                log = (root / "log").read_text(errors="replace") if (root / "log").exists() else ""
                raise RuntimeError(f"PostgreSQL did not start: {error.stderr}\n{log}") from None
            shutil.rmtree(root / "data", ignore_errors=True)
            cluster.port = free_port()
    raise AssertionError("unreachable")
