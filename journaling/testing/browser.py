"""Headless Debian chromium driven by Playwright, against daphne + a Celery worker on the test database."""

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .processes import ROOT, process_env

AXE = Path(__file__).parent / "assets" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Daphne:
    def __init__(self, log_path: Path, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = env

    def start(self, timeout: float = 60) -> "Daphne":
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        env = process_env(STATIC_MANIFEST="0", ML_WARM_ON_START="0", **self.env)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(self.port), "journaling.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/login/", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"daphne did not start:\n{self.log_path.read_text()[-3000:]}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def serious_accessibility_violations(page) -> list[str]:
    """Run axe-core in the page (through the devtools protocol, so the page's CSP stays intact)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
        }"""
    )


def check_a11y(page, where: str) -> None:
    violations = serious_accessibility_violations(page)
    assert not violations, f"{where}: " + "\n".join(violations)
