"""Debian's nginx (installed by `make test`) on a loopback port, serving a built site with
the nginx.conf that build ships, as an organizer's server would include it: for the tests
that look at the site as a visitor gets it (test_nginx.py, test_lighthouse.py)."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sammelan.render import hosting

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")  # what Debian's nginx.conf includes


class Server:
    def __init__(self, port: int, output: Path):
        self.port, self.output = port, output

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def get(self, path: str, gzipped: bool = False) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzipped
                               else {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main_config(folder: Path, site: Path) -> str:
    """The http block around the site's file, as in Debian's /etc/nginx/nginx.conf, with
    every file nginx writes in `folder` so that no root is needed."""
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};"
                     for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # as root, nginx's workers would run as nobody, who may not enter pytest's 0700 folders
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}worker_processes 1;\nevents {{}}\nhttp {{\n"
            f"    include {MIME_TYPES};\n    default_type application/octet-stream;\n"
            f"    access_log off;\n{temp}\n    include {site};\n}}\n")


@contextmanager
def serving(output: Path, folder: Path, port: int | None = None) -> Iterator[Server]:
    """nginx serving the site built in `output` on `port` (a free one unless told), its
    files in `folder`, until the block ends."""
    assert Path(NGINX).exists(), "nginx is missing: `make test` installs it"
    port = port or free_port()
    site = (output / "nginx.conf").read_text(encoding="utf-8")
    # the two lines the organizer changes: where to listen, where the site is
    for line, mine in [("    listen 80;\n", f"    listen 127.0.0.1:{port};\n"),
                       (f"    root {hosting.WEB_ROOT};\n", f"    root {output};\n")]:
        assert site.count(line) == 1, line
        site = site.replace(line, mine)
    (folder / "site.conf").write_text(site, encoding="utf-8")
    (folder / "nginx.conf").write_text(main_config(folder, folder / "site.conf"),
                                       encoding="utf-8")
    log = folder / "error.log"
    process = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"),
                                "-e", str(log), "-g", f"daemon off; pid {folder / 'pid'};"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_until_listening(process, port, log)
        yield Server(port, output)
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until_listening(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx stopped: {log.read_text() if log.exists() else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("nginx did not start listening in 15 s")
