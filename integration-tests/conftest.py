"""Processes for the integration tests: the `twilio-connector` binary started as `sandbox`, `serve`
or another command on free ports, read from its output, stopped (or killed) at the end.

run.sh exports TWILIO_CONNECTOR_BIN.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

import pytest
import requests

BIN = os.environ.get("TWILIO_CONNECTOR_BIN", "")
if not BIN:  # pragma: no cover - guidance for a direct `pytest` run
    raise pytest.UsageError("TWILIO_CONNECTOR_BIN is not set: run the suite with `bash integration-tests/run.sh`")

#: Twilio's variables, removed from every child's environment unless a test sets them.
TWILIO_VARIABLES = ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_API_KEY", "TWILIO_API_SECRET", "TWILIO_REGION",
                    "TWILIO_EDGE", "TWILIO_BASE_URL", "TWILIO_CONNECTOR_STORE", "TWILIO_CONNECTOR_PUBLIC_URL")


class Process:
    """A child process whose standard output and error are collected line by line."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Optional[Path] = None):
        self.args = args
        self.lines: list[str] = []
        self.errors: list[str] = []
        self._changed = threading.Condition()
        self.popen = subprocess.Popen([BIN, *args], env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      stdin=subprocess.DEVNULL, text=True, bufsize=1)
        self._readers = [threading.Thread(target=self._read, args=(stream, sink), daemon=True)
                         for stream, sink in ((self.popen.stdout, self.lines), (self.popen.stderr, self.errors))]
        for reader in self._readers:
            reader.start()

    def _read(self, stream, sink: list[str]) -> None:
        for line in stream:
            with self._changed:
                sink.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for(self, pattern: str, timeout: float = 60, stream: str = "stdout") -> re.Match:
        """The first line of `stream` matching `pattern`, waiting for it."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in (self.lines if stream == "stdout" else self.errors):
                    if match := regex.search(line):
                        return match
                if self.popen.poll() is not None and time.monotonic() > deadline - timeout + 0.5:
                    raise AssertionError(f"{self.args[0]} exited ({self.popen.returncode}) before printing {pattern!r}:\n"
                                         + "\n".join(self.lines + self.errors))
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"{self.args[0]} did not print {pattern!r} within {timeout} s:\n"
                                         + "\n".join(self.lines + self.errors))
                self._changed.wait(min(remaining, 0.2))

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM, then SIGKILL if it does not exit in time; the exit status, once every line it wrote is read."""
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        for reader in self._readers:
            reader.join(5)
        return self.popen.returncode

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to clean up."""
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait()


def child_environment(**extra: str) -> dict[str, str]:
    """The environment of a child: no Twilio credentials, and its own embedded-sandbox state (a
    fresh XDG_STATE_HOME) unless `extra` names one to share."""
    env = {name: value for name, value in os.environ.items() if name not in TWILIO_VARIABLES}
    env["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="connector-state-")
    env.update(extra)
    return env


@dataclass
class Sandbox:
    """A `twilio-connector sandbox` process: a Twilio for the connector to talk to."""

    process: Process
    base_url: str
    account_sid: str
    auth_token: str

    @property
    def auth(self) -> tuple[str, str]:
        return (self.account_sid, self.auth_token)

    @property
    def environment(self) -> dict[str, str]:
        return {"TWILIO_ACCOUNT_SID": self.account_sid, "TWILIO_AUTH_TOKEN": self.auth_token, "TWILIO_BASE_URL": self.base_url}

    def text_from_handset(self, handset: str, to: str, body: str, **extra: str) -> requests.Response:
        """A simulated handset texts one of the account's numbers."""
        response = requests.post(f"{self.base_url}/sandbox/handsets/{handset}/messages", auth=self.auth,
                                 data={"To": to, "Body": body, **extra}, timeout=10)
        response.raise_for_status()
        return response

    def point_number(self, number: str, **settings: str) -> None:
        """Sets an owned number's webhooks (SmsUrl, VoiceUrl, StatusCallback, …)."""
        numbers = requests.get(f"{self.base_url}/api/2010-04-01/Accounts/{self.account_sid}/IncomingPhoneNumbers.json",
                               params={"PhoneNumber": number}, auth=self.auth, timeout=10).json()["incoming_phone_numbers"]
        sid = numbers[0]["sid"]
        requests.post(f"{self.base_url}/api/2010-04-01/Accounts/{self.account_sid}/IncomingPhoneNumbers/{sid}.json",
                      data=settings, auth=self.auth, timeout=10).raise_for_status()


@pytest.fixture
def sandbox():
    process = Process(["sandbox", "--port", "0", "--status-step-ms", "20"], child_environment())
    try:
        match = process.wait_for(r"^Twilio sandbox listening on (http://\S+)$")
        sid = process.wait_for(r"TWILIO_ACCOUNT_SID=(\S+)").group(1)
        token = process.wait_for(r"TWILIO_AUTH_TOKEN=(\S+)").group(1)
        yield Sandbox(process, match.group(1), sid, token)
    finally:
        process.stop()


@dataclass
class Serve:
    """A `twilio-connector serve` process."""

    process: Process
    base_url: str

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.base_url + path, timeout=kwargs.pop("timeout", 10), **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return requests.post(self.base_url + path, timeout=kwargs.pop("timeout", 10), **kwargs)

    def events(self, trigger: str, **params) -> list[dict]:
        """Every event of `trigger` so far, paging through the cursor."""
        events, after = [], None
        while True:
            page = self.get(f"/triggers/{trigger}/events", params={**params, "limit": 1000, **({"after": after} if after else {})}).json()
            events += page["events"]
            if not page["events"]:
                return events
            after = page["next"]


@dataclass
class ServeFactory:
    """Starts `serve` processes sharing one working directory (and so one store file)."""

    workdir: Path
    started: list[Process] = field(default_factory=list)

    @property
    def state_home(self) -> str:
        """The embedded sandbox's state folder every process of this factory shares."""
        return str(self.workdir / "state")

    def start(self, *args: str, env: Optional[dict[str, str]] = None) -> Serve:
        process = Process(["serve", "--port", "0", *args], child_environment(XDG_STATE_HOME=self.state_home, **(env or {})),
                          cwd=self.workdir)
        self.started.append(process)
        match = process.wait_for(r"^twilio-connector serving on (http://\S+)$")
        return Serve(process, match.group(1))

    def run(self, *args: str, env: Optional[dict[str, str]] = None, timeout: float = 60) -> subprocess.CompletedProcess:
        """Runs another command in the same working directory."""
        return subprocess.run([BIN, *args], env=child_environment(XDG_STATE_HOME=self.state_home, **(env or {})), cwd=self.workdir,
                              capture_output=True,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture
def serve():
    with tempfile.TemporaryDirectory(prefix="connector-it-") as workdir:
        factory = ServeFactory(Path(workdir))
        try:
            yield factory
        finally:
            for process in factory.started:
                process.stop()


def eventually(check: Callable[[], object], timeout: float = 10, interval: float = 0.05):
    """Calls `check` until it returns something truthy (answered) or `timeout` passes (failing)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s: {check}")
        time.sleep(interval)
