"""Fixtures that point the official Twilio Python SDK at a running sandbox, and check every JSON
body the sandbox answers against the response schema of the matching operation in Twilio's
OpenAPI specs (Specs/twilio-oai).

The sandbox is started by run.sh, which exports TWILIO_BASE_URL, TWILIO_ACCOUNT_SID and
TWILIO_AUTH_TOKEN.
"""

from __future__ import annotations

import collections
import email.utils
import itertools
import json
import os
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import date, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Optional

import pytest
import requests
from jsonschema import FormatChecker
from jsonschema import _keywords as jsonschema_keywords
from jsonschema.validators import extend
from openapi_schema_validator import OAS30Validator
from openapi_schema_validator.validators import build_enforce_properties_required_validator
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = Path(os.environ.get("TWILIO_OAI_DIR", REPO_ROOT / "Specs" / "twilio-oai"))
#: SDK_TESTS_TRACE=1 (with pytest -s) prints every request and answer.
TRACE = os.environ.get("SDK_TESTS_TRACE") == "1"
TWILIO_HOST = re.compile(r"^(?P<domain>[a-z0-9-]+)(\.[a-z0-9-]+)*\.twilio\.com$")

try:
    BASE_URL = os.environ["TWILIO_BASE_URL"].rstrip("/")
    ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]
    AUTH_TOKEN = os.environ["TWILIO_AUTH_TOKEN"]
except KeyError as missing:  # pragma: no cover - guidance for a direct `pytest` run
    raise pytest.UsageError(
        f"{missing} is not set: run the suite with `bash sdk-tests/run.sh`, which starts the sandbox"
    ) from None


# --------------------------------------------------------------------------------------------
# What crossed the wire
# --------------------------------------------------------------------------------------------


@dataclass
class Exchange:
    """One request the SDK made and the sandbox's answer."""

    method: str
    url: str
    domain: str
    path: str
    status: int
    content_type: str
    text: str


@dataclass
class ExchangeLog:
    """The exchanges of the running test, and what the whole session validated."""

    current: list[Exchange] = field(default_factory=list)
    validated: collections.Counter = field(default_factory=collections.Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    cursor: int = 0

    def record(self, exchange: Exchange) -> None:
        with self.lock:
            self.current.append(exchange)

    def drain(self) -> list[Exchange]:
        """Everything the test exchanged, for validation; starts afresh."""
        with self.lock:
            taken, self.current, self.cursor = self.current, [], 0
        return taken

    def take(self) -> list[Exchange]:
        """What the test exchanged since its last `take()` (still validated after the test)."""
        with self.lock:
            taken, self.cursor = self.current[self.cursor:], len(self.current)
        return taken


EXCHANGES = ExchangeLog()


def sandbox_url(url: str) -> tuple[str, str, str]:
    """Maps `https://<domain>.twilio.com/<path>` to `$TWILIO_BASE_URL/<domain>/<path>` — the
    sandbox's layout — and returns (url, domain, path). URLs already on the sandbox (the absolute
    `meta.next_page_url` of v1/v2 pages) are kept."""
    parts = urllib.parse.urlsplit(url)
    match = TWILIO_HOST.match(parts.hostname or "")
    if match:
        domain, path = match["domain"], parts.path
        rewritten = f"{BASE_URL}/{domain}{path}" + (f"?{parts.query}" if parts.query else "")
        return rewritten, domain, path
    if url.startswith(BASE_URL + "/"):
        local = urllib.parse.urlsplit(url).path[len(urllib.parse.urlsplit(BASE_URL).path):]
        domain, _, rest = local.lstrip("/").partition("/")
        return url, domain, "/" + rest
    raise AssertionError(f"the SDK asked for a URL that is neither Twilio's nor the sandbox's: {url}")


class SandboxHttpClient(TwilioHttpClient):
    """The SDK's own HTTP client (auth, form encoding, headers), sending to the sandbox instead of
    twilio.com and recording each exchange for schema validation."""

    def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None,
                allow_redirects=False):
        target, domain, path = sandbox_url(url)
        response = super().request(method, target, params=params, data=data, headers=headers, auth=auth,
                                   timeout=timeout, allow_redirects=allow_redirects)
        sent_url = requests.Request(method, target, params=params).prepare().url
        if TRACE:
            print(f"\n{method.upper()} {sent_url} {data or ''}\n  → {response.status_code} {response.text[:2000]}")
        EXCHANGES.record(Exchange(
            method=method.upper(), url=sent_url, domain=domain, path=path, status=response.status_code,
            content_type=(response.headers or {}).get("Content-Type", ""), text=response.text))
        return response


# --------------------------------------------------------------------------------------------
# OpenAPI: which operation answered, and does its JSON match the response schema
# --------------------------------------------------------------------------------------------


def _format_checker() -> FormatChecker:
    """Twilio's formats (the ones with a fixed shape); the others (phone-number, sid, uri-map…)
    pass."""
    checker = FormatChecker(formats=())

    @checker.checks("date-time", raises=ValueError)
    def iso8601(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})", value):
            raise ValueError(f"{value!r} is not an ISO 8601 date-time")
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    @checker.checks("date-time-rfc-2822", raises=(ValueError, TypeError))
    def rfc2822(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not re.fullmatch(r"[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000", value):
            raise ValueError(f"{value!r} is not an RFC 2822 date in GMT")
        email.utils.parsedate_to_datetime(value)
        return True

    @checker.checks("date", raises=ValueError)
    def iso_date(value: object) -> bool:
        if isinstance(value, str):
            date.fromisoformat(value)
        return True

    @checker.checks("http-method")
    def http_method(value: object) -> bool:
        return not isinstance(value, str) or value in {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"}

    @checker.checks("currency")
    def currency(value: object) -> bool:
        return not isinstance(value, str) or re.fullmatch(r"[A-Z]{3}", value) is not None

    @checker.checks("iso-country-code")
    def country(value: object) -> bool:
        return not isinstance(value, str) or re.fullmatch(r"[A-Z]{2}", value) is not None

    @checker.checks("uri")
    def uri(value: object) -> bool:
        if not isinstance(value, str) or value == "" or value.startswith("/"):
            return True
        parts = urllib.parse.urlsplit(value)
        return parts.scheme in {"http", "https", "ws", "wss"} and bool(parts.netloc)

    return checker


def _nullable_enum(validator, enums, instance, schema):
    """OAS 3.0: `nullable: true` admits null even where an `enum` lists no null."""
    if instance is None and schema.get("nullable") is True:
        return
    yield from jsonschema_keywords.enum(validator, enums, instance, schema)


#: OAS30Validator (nullable, OAS types) that also requires every property of a schema to be
#: present, and lets null through a nullable enum.
ResponseValidator = extend(build_enforce_properties_required_validator(OAS30Validator),
                           validators={"enum": _nullable_enum})
FORMATS = _format_checker()


@dataclass(frozen=True)
class Operation:
    """One operation of a spec: where it lives and what it answers."""

    spec: str
    domain: str
    method: str
    template: str
    pattern: re.Pattern
    specificity: int
    operation_id: str
    responses: dict
    components: dict

    @property
    def name(self) -> str:
        return f"{self.operation_id} ({self.method} {self.domain}:{self.template})"


class OpenAPIBook:
    """Every operation of Specs/twilio-oai/*.json, found by domain, method and path."""

    def __init__(self, spec_dir: Path):
        self.operations: list[Operation] = []
        self._validators: dict[tuple[str, str], Any] = {}
        files = sorted(spec_dir.glob("*.json"))
        if not files:
            raise pytest.UsageError(f"no OpenAPI specs in {spec_dir}")
        for file in files:
            spec = json.loads(file.read_text())
            for template, item in spec["paths"].items():
                servers = item.get("servers") or spec.get("servers") or [{"url": "https://api.twilio.com"}]
                domain = urllib.parse.urlsplit(servers[0]["url"]).hostname.split(".")[0]
                literals = re.split(r"\{[^}]+\}", template)
                pattern = re.compile("^" + "[^/]+".join(re.escape(part) for part in literals) + "$")
                for method, operation in item.items():
                    if method not in {"get", "post", "put", "patch", "delete"}:
                        continue
                    self.operations.append(Operation(
                        spec=file.name, domain=domain, method=method.upper(), template=template, pattern=pattern,
                        specificity=sum(map(len, literals)), operation_id=operation.get("operationId", "?"),
                        responses=operation.get("responses", {}), components=spec.get("components", {})))

    def operation(self, domain: str, method: str, path: str) -> Optional[Operation]:
        """The most specific operation whose path template matches."""
        candidates = [op for op in self.operations
                      if op.domain == domain and op.method == method and op.pattern.match(path)]
        return max(candidates, key=lambda op: op.specificity, default=None)

    def _validator(self, operation: Operation, status: str, schema: dict):
        key = (operation.name, status)
        if key not in self._validators:
            root = dict(schema)
            root["components"] = operation.components
            self._validators[key] = ResponseValidator(root, format_checker=FORMATS)
        return self._validators[key]

    def problems(self, exchange: Exchange) -> tuple[Optional[str], list[str]]:
        """(operation name, problems) of one exchange; no problems when it matches the spec."""
        operation = self.operation(exchange.domain, exchange.method, exchange.path)
        where = f"{exchange.method} {exchange.domain}:{exchange.path} → {exchange.status}"
        if operation is None:
            return None, [f"{where}: no operation of the specs has this path"]
        status = str(exchange.status)
        response = operation.responses.get(status)
        content = (response or {}).get("content", {}).get("application/json")
        if content is None or "schema" not in content:
            if exchange.status >= 400:
                return operation.name, [f"{operation.name} → {status}: {p}" for p in error_body_problems(exchange)]
            if response is None:
                return operation.name, [f"{operation.name}: status {status} is not a documented response "
                                        f"(documented: {', '.join(operation.responses)})"]
            if exchange.text.strip():
                return operation.name, [f"{operation.name} → {status}: expected no body, got {exchange.text[:200]!r}"]
            return operation.name, []
        if not exchange.content_type.startswith("application/json"):
            return operation.name, [f"{operation.name} → {status}: Content-Type is {exchange.content_type!r}, "
                                    "not application/json"]
        try:
            body = json.loads(exchange.text)
        except ValueError as error:
            return operation.name, [f"{operation.name} → {status}: body is not JSON ({error}): {exchange.text[:200]!r}"]
        validator = self._validator(operation, status, content["schema"])
        seen = _example_types(content)
        errors = sorted((e for e in validator.iter_errors(body)
                         if not _known_twilio_deviation(e) and not _typed_as_in_examples(e, seen)),
                        key=lambda e: (e.json_path, e.message))
        return operation.name, [f"{operation.name} → {status}: field {e.json_path}: {_short(e.message)}"
                                for e in errors]


#: Fields where real Twilio answers "" although the spec's pattern says a SID: an unset
#: application of a phone number is "" in Twilio's own API reference examples
#: (IncomingPhoneNumber: "sms_application_sid": "", "voice_application_sid": "").
TWILIO_EMPTY_SID_FIELDS = {"sms_application_sid", "voice_application_sid"}


def _known_twilio_deviation(error) -> bool:
    return (error.instance == "" and error.validator in {"pattern", "minLength"}
            and bool(error.path) and error.path[-1] in TWILIO_EMPTY_SID_FIELDS)


def _normalized(path) -> tuple:
    return tuple("*" if isinstance(part, int) else part for part in path)


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return {str: "string", list: "array", dict: "object"}[type(value)]


def _example_types(content: dict) -> dict[tuple, set[str]]:
    """The JSON types the operation's own response examples — Twilio's real answers — show at
    each path. Some schemas disagree with them: Lookups v2 leaves `nullable` off fields its
    examples give as null, and a call recording's `price` is a number in the schema but the
    string "-0.0025" in the examples (and in the Recording schema)."""
    types: dict[tuple, set[str]] = collections.defaultdict(set)

    def walk(value, path):
        types[path].add(_json_type(value))
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for item in value:
                walk(item, path + ("*",))

    for example in (content.get("examples") or {}).values():
        walk(example.get("value"), ())
    if "example" in content:
        walk(content["example"], ())
    return types


def _typed_as_in_examples(error, example_types: dict[tuple, set[str]]) -> bool:
    return (error.validator == "type"
            and _json_type(error.instance) in example_types.get(_normalized(error.path), set()))


def _short(message: str, limit: int = 300) -> str:
    return message if len(message) <= limit else message[:limit] + "…"


def error_body_problems(exchange: Exchange) -> list[str]:
    """Twilio's error body: {"code": int, "message": str, "more_info": str, "status": <HTTP status>}."""
    try:
        body = json.loads(exchange.text)
    except ValueError:
        return [f"error body is not JSON: {exchange.text[:200]!r}"]
    if not isinstance(body, dict):
        return [f"error body is not an object: {exchange.text[:200]!r}"]
    problems = []
    for name, kind in (("code", int), ("message", str), ("more_info", str), ("status", int)):
        if not isinstance(body.get(name), kind):
            problems.append(f"error field {name!r} missing or not {kind.__name__}: {body.get(name)!r}")
    if isinstance(body.get("status"), int) and body["status"] != exchange.status:
        problems.append(f"error field 'status' is {body['status']}, the HTTP status is {exchange.status}")
    return problems


BOOK = OpenAPIBook(SPEC_DIR)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """After each test, validate every exchange it made; a schema problem fails the test."""
    EXCHANGES.drain()
    try:
        result = yield
    except BaseException:
        problems = _validate(EXCHANGES.drain())
        if problems:
            item.add_report_section("call", "OpenAPI schema problems", "\n".join(problems))
        raise
    problems = _validate(EXCHANGES.drain())
    if problems:
        raise AssertionError("the sandbox's JSON does not match Twilio's OpenAPI response schemas:\n  "
                             + "\n  ".join(problems))
    return result


def _validate(exchanges: list[Exchange]) -> list[str]:
    """The problems of `exchanges` against the specs (each once); counts the ones that match."""
    problems: list[str] = []
    for exchange in exchanges:
        name, found = BOOK.problems(exchange)
        problems.extend(found)
        if name and not found:
            EXCHANGES.validated[name] += 1
    return list(dict.fromkeys(problems))


def pytest_terminal_summary(terminalreporter):
    counts = EXCHANGES.validated
    if not counts:
        return
    terminalreporter.section("OpenAPI response validation")
    terminalreporter.write_line(f"{sum(counts.values())} responses of {len(counts)} operations matched Twilio's specs "
                                "(2xx: the response schema, every property present; 4xx/5xx: Twilio's error body):")
    for name, count in sorted(counts.items()):
        terminalreporter.write_line(f"  {count:4d}  {name}")


# --------------------------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------------------------


class SandboxAdmin:
    """The sandbox's own `/sandbox/…` API (no Twilio counterpart, so not schema-checked)."""

    base_url = BASE_URL
    account_sid = ACCOUNT_SID
    auth_token = AUTH_TOKEN

    def __init__(self):
        self.session = requests.Session()
        self.session.auth = (ACCOUNT_SID, AUTH_TOKEN)

    def get(self, path: str) -> requests.Response:
        return self.session.get(BASE_URL + path, timeout=10)

    def post(self, path: str, data: Optional[dict] = None) -> requests.Response:
        return self.session.post(BASE_URL + path, data=data or {}, timeout=20)

    def delete(self, path: str) -> requests.Response:
        return self.session.delete(BASE_URL + path, timeout=10)


@pytest.fixture(scope="session")
def sandbox() -> SandboxAdmin:
    return SandboxAdmin()


def make_client(username: str = ACCOUNT_SID, password: str = AUTH_TOKEN, account_sid: str = ACCOUNT_SID) -> Client:
    """A `twilio.rest.Client` that talks to the sandbox."""
    return Client(username, password, account_sid=account_sid, http_client=SandboxHttpClient(timeout=20))


@pytest.fixture(scope="session")
def client() -> Client:
    return make_client()


@pytest.fixture
def wire() -> ExchangeLog:
    """The SDK's requests of the running test (`wire.take()`: the ones since the last take)."""
    return EXCHANGES


@pytest.fixture(scope="session")
def client_factory() -> Callable[..., Client]:
    return make_client


_numbers = itertools.count(1000)


@pytest.fixture
def handset() -> Callable[[], str]:
    """Fresh US numbers (+1 206 555 1xxx) for simulated handsets, one per call."""
    return lambda: f"+12065551{next(_numbers) % 1000:03d}"


def wait_until(probe: Callable[[], Any], done: Callable[[Any], bool], timeout: float = 10, what: str = "condition"):
    """Polls `probe` until `done(value)`; returns the value or fails with the last one seen."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}; last value: {value!r}")
        time.sleep(0.02)


@pytest.fixture(scope="session")
def eventually() -> Callable[..., Any]:
    return wait_until


@dataclass
class ReceivedWebhook:
    """A request the sandbox made to the customer's app."""

    method: str
    path: str
    url: str
    headers: dict
    params: dict


class WebhookServer:
    """A tiny app on 127.0.0.1:0 playing the customer's server: records every request and answers
    with the TwiML configured for its path (an empty <Response/> by default)."""

    def __init__(self):
        self.received: list[ReceivedWebhook] = []
        self.replies: dict[str, str] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                parsed = urllib.parse.urlsplit(self.path)
                params = dict(urllib.parse.parse_qsl(raw if self.command == "POST" else parsed.query,
                                                     keep_blank_values=True))
                with server._lock:
                    server.received.append(ReceivedWebhook(
                        method=self.command, path=parsed.path, url=server.base_url + self.path,
                        headers={k: v for k, v in self.headers.items()}, params=params))
                    reply = server.replies.get(parsed.path, "<Response/>")
                body = reply.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = _handle
            do_POST = _handle

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base_url + path

    def requests_to(self, path: str) -> list[ReceivedWebhook]:
        with self._lock:
            return [hook for hook in self.received if hook.path == path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def webhook_server():
    server = WebhookServer()
    yield server
    server.close()
