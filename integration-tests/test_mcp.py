"""MCP end to end, with the official MCP Python SDK (PyPI `mcp`) as the client: `twilio-connector mcp`
over stdio and `serve`'s /mcp over streamable HTTP, both against the in-process sandbox."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import tempfile
import time
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import httpx2
import jsonschema
import requests
from mcp import ClientSession, MCPError, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

from conftest import BIN, Process, child_environment

SEED_TOOLS = {"send_message", "make_phone_call", "get_message", "delete_message", "list_messages", "list_message_media", "get_call",
              "delete_call", "list_calls", "download_recording_media", "phone_number_lookup", "send_sms_verification",
              "check_verification_token", "create_verification_service", "list_transcripts", "get_transcripts", "list_phone_numbers"}
OTHER_TOOLS = {"send_bulk_sms", "list_events", "wait_for_event"}
SIDE_EFFECTS = {"send_message", "make_phone_call", "delete_message", "delete_call", "send_sms_verification", "check_verification_token",
                "create_verification_service", "send_bulk_sms"}
#: The in-process sandbox's well-known account (TwilioSandbox.SandboxConfiguration's defaults).
SANDBOX_ACCOUNT = ("AC5a4db0c05a4db0c05a4db0c05a4db0c0", "sandbox-auth-token-0123456789abcd")
OWNED_NUMBER = "+15005550006"
CUSTOMER = "+14155550123"
API_TOKEN = "mcp-test-token-0123456789"


# MARK: Clients


@asynccontextmanager
async def stdio_session(*args: str):
    """An initialized session with `twilio-connector mcp <args>` in a fresh working directory (so a
    fresh store), no Twilio credentials (so an in-process sandbox); yields it and its stderr file."""
    with tempfile.TemporaryDirectory(prefix="connector-mcp-") as workdir:
        stderr_path = Path(workdir) / "mcp.stderr"
        with open(stderr_path, "w") as errlog:
            params = StdioServerParameters(command=BIN, args=["mcp", *args], cwd=workdir)
            async with stdio_client(params, errlog=errlog) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    yield session, stderr_path


def sandbox_url(stderr_path: Path) -> str:
    match = re.search(r"using an in-process sandbox at (http://\S+)", stderr_path.read_text())
    assert match, stderr_path.read_text()
    return match.group(1)


@asynccontextmanager
async def http_session(url: str, token: str | None = API_TOKEN):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx2.AsyncClient(headers=headers, timeout=httpx2.Timeout(30.0, read=300.0)) as http:
        async with streamable_http_client(url, http_client=http) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                yield session


def leaves(error: BaseException) -> list[BaseException]:
    """The exceptions inside (nested) exception groups."""
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in leaves(inner)]
    return [error]


def text_from_handset(base_url: str, handset: str, body: str) -> None:
    requests.post(f"{base_url}/sandbox/handsets/{handset}/messages", auth=SANDBOX_ACCOUNT, data={"To": OWNED_NUMBER, "Body": body},
                  timeout=10).raise_for_status()


# MARK: Checks shared by both transports


async def check_tools(session: ClientSession, expected: set[str]) -> dict:
    tools = {tool.name: tool for tool in (await session.list_tools()).tools}
    assert set(tools) == expected
    for tool in tools.values():
        assert len(tool.name) <= 64 and re.fullmatch(r"[a-z0-9_]+", tool.name)
        assert tool.description and len(tool.description) > 80
        jsonschema.Draft202012Validator.check_schema(tool.input_schema)
        jsonschema.Draft202012Validator.check_schema(tool.output_schema)
        assert tool.input_schema["type"] == "object" and tool.output_schema["type"] == "object"
        assert tool.annotations.read_only_hint == (tool.name not in SIDE_EFFECTS), tool.name
        assert tool.annotations.destructive_hint == tool.name.startswith("delete_"), tool.name
        assert tool.annotations.open_world_hint == (tool.name in {"send_message", "make_phone_call", "send_bulk_sms",
                                                                  "send_sms_verification"}), tool.name
    # Schemas keep the core's rules: patterns, enums, formats, nested objects.
    assert tools["get_call"].input_schema["properties"]["call_sid"]["pattern"] == "^CA[0-9a-fA-F]{32}$"
    assert "completed" in tools["list_calls"].input_schema["properties"]["status"]["enum"]
    assert tools["send_message"].input_schema["properties"]["status_callback"]["format"] == "uri"
    assert tools["send_message"].output_schema["$defs"]["MessageResource"]["additionalProperties"] is False
    return tools


async def check_send_message(session: ClientSession, tools: dict) -> dict:
    result = await session.call_tool("send_message", {"to": CUSTOMER, "from_number": OWNED_NUMBER, "body": "Is 3 pm still good?"})
    assert not result.is_error, result.content
    # The SDK already validated structuredContent against outputSchema; check it again, explicitly.
    jsonschema.validate(result.structured_content, tools["send_message"].output_schema)
    assert result.structured_content["success"] is True
    assert result.structured_content["message"]["to"] == CUSTOMER
    assert json.loads(result.content[0].text) == result.structured_content
    return result.structured_content


async def check_invalid_number(session: ClientSession) -> None:
    result = await session.call_tool("send_message", {"to": "555-1234", "from_number": OWNED_NUMBER, "body": "Hi"})
    assert result.is_error
    assert result.structured_content is None
    assert "to must be an E.164 phone number" in result.content[0].text
    envelope = json.loads(result.content[-1].text)
    assert envelope["success"] is False
    assert envelope["error"] == result.content[0].text


async def check_wait_for_reply(session: ClientSession, sandbox: str) -> None:
    """Texts the customer, then waits for their answer: a text sent before the wait is not it."""
    await session.call_tool("send_message", {"to": CUSTOMER, "from_number": OWNED_NUMBER, "body": "Table for two at 8?"})
    await anyio.to_thread.run_sync(text_from_handset, sandbox, CUSTOMER, "an old message, before the wait")
    results = []

    async def wait() -> None:
        results.append(await session.call_tool("wait_for_event", {"trigger": "new_sms", "filter": {"from": CUSTOMER}, "timeout_seconds": 30}))

    async with anyio.create_task_group() as group:
        group.start_soon(wait)
        await anyio.sleep(1.5)
        started = time.monotonic()
        await anyio.to_thread.run_sync(text_from_handset, sandbox, "+14155550999", "someone else")
        await anyio.to_thread.run_sync(text_from_handset, sandbox, CUSTOMER, "Yes, 8 works!")
    assert time.monotonic() - started < 5
    [result] = results
    assert not result.is_error, result.content
    answer = result.structured_content
    assert answer["timed_out"] is False
    assert answer["event"]["trigger"] == "new_sms"
    assert answer["event"]["data"]["body"] == "Yes, 8 works!"
    assert answer["event"]["data"]["from"] == CUSTOMER
    assert answer["next_cursor"] == answer["event"]["cursor"]

    lookup = await session.call_tool("phone_number_lookup", {"phone_number": answer["event"]["data"]["from"]})
    assert not lookup.is_error, lookup.content
    assert lookup.structured_content["lookup"]["valid"] is True

    timed_out = await session.call_tool("wait_for_event", {"trigger": "new_sms", "filter": {"from": CUSTOMER}, "timeout_seconds": 1,
                                                           "after": answer["next_cursor"]})
    assert timed_out.structured_content["timed_out"] is True and timed_out.structured_content["event"] is None
    history = await session.call_tool("list_events", {"trigger": "new_sms", "filter": {"from": CUSTOMER}})
    assert [event["data"]["body"] for event in history.structured_content["events"]] == ["an old message, before the wait", "Yes, 8 works!"]


# MARK: stdio


def test_stdio_lists_every_tool_with_valid_schemas_and_sends_a_message():
    async def main():
        async with stdio_session() as (session, stderr_path):
            tools = await check_tools(session, SEED_TOOLS | OTHER_TOOLS)
            await check_send_message(session, tools)
            await check_invalid_number(session)
            assert "No Twilio credentials in the environment: using an in-process sandbox" in stderr_path.read_text()

    anyio.run(main)


def test_stdio_wait_for_event_returns_the_handsets_reply_sent_after_the_call_started():
    async def main():
        async with stdio_session() as (session, stderr_path):
            await check_wait_for_reply(session, sandbox_url(stderr_path))

    anyio.run(main)


def test_stdio_read_only_hides_the_tools_with_side_effects():
    async def main():
        async with stdio_session("--read-only") as (session, _):
            names = {tool.name for tool in (await session.list_tools()).tools}
            assert names == (SEED_TOOLS | OTHER_TOOLS) - SIDE_EFFECTS
            try:
                await session.call_tool("send_message", {"to": CUSTOMER, "from_number": OWNED_NUMBER, "body": "Hi"})
                raise AssertionError("send_message answered in read-only mode")
            except MCPError as error:
                assert "Unknown tool 'send_message'" in error.error.message
        async with stdio_session("--tools", "send_message,wait_for_event") as (session, _):
            assert {tool.name for tool in (await session.list_tools()).tools} == {"send_message", "wait_for_event"}

    anyio.run(main)


def test_stdio_unknown_tools_are_refused_at_start():
    result = subprocess.run([BIN, "mcp", "--tools", "send_message,send_fax"], env=child_environment(), capture_output=True, text=True,
                            timeout=60, stdin=subprocess.DEVNULL, cwd=tempfile.gettempdir())
    assert result.returncode != 0
    assert "send_fax" in result.stderr and result.stdout == ""


def test_stdio_standard_output_carries_protocol_messages_only():
    with tempfile.TemporaryDirectory(prefix="connector-mcp-") as workdir:
        process = subprocess.Popen([BIN, "mcp"], env=child_environment(), cwd=workdir, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        messages = [
            {"jsonrpc": "2.0", "id": 1, "method": "initialize",
             "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}},
            {"jsonrpc": "2.0", "method": "notifications/initialized"},
            {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
             "params": {"name": "send_message", "arguments": {"to": CUSTOMER, "from_number": OWNED_NUMBER, "body": "Hello"}}},
        ]
        for message in messages:
            process.stdin.write(json.dumps(message) + "\n")
            process.stdin.flush()
        lines = [process.stdout.readline(), process.stdout.readline()]
        process.stdin.close()
        assert process.wait(timeout=15) == 0
        stderr = process.stderr.read()
        answers = [json.loads(line) for line in lines + process.stdout.read().splitlines() if line.strip()]
        assert [answer.get("id") for answer in answers] == [1, 2], (answers, stderr)
        assert all(answer["jsonrpc"] == "2.0" for answer in answers)
        assert answers[1]["result"]["structuredContent"]["success"] is True
        assert "in-process sandbox" in stderr


# MARK: HTTP


def start_serve(workdir: str, *args: str) -> tuple[Process, str, str]:
    """`serve` in sandbox mode: the process, its /mcp URL and the sandbox's URL."""
    process = Process(["serve", "--port", "0", *args], child_environment(), cwd=Path(workdir))
    base = process.wait_for(r"^twilio-connector serving on (http://\S+)$").group(1)
    sandbox = process.wait_for(r"using an in-process sandbox at (http://\S+)", stream="stderr").group(1)
    return process, base + "/mcp", sandbox


def test_http_serves_the_same_tools_sends_and_waits_for_the_reply():
    with tempfile.TemporaryDirectory(prefix="connector-mcp-") as workdir:
        process, url, sandbox = start_serve(workdir, "--api-token", "an-older-token-0123456789", "--api-token", API_TOKEN)
        try:
            async def main():
                async with http_session(url) as session:
                    tools = await check_tools(session, SEED_TOOLS | OTHER_TOOLS)
                    await check_send_message(session, tools)
                    await check_invalid_number(session)
                    await check_wait_for_reply(session, sandbox)

            anyio.run(main)
        finally:
            process.stop()


def test_http_refuses_a_wrong_or_missing_bearer_token_and_foreign_origins():
    with tempfile.TemporaryDirectory(prefix="connector-mcp-") as workdir:
        process, url, _ = start_serve(workdir, "--api-token", API_TOKEN, "--mcp-read-only")
        try:
            initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                          "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}}
            headers = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
            for authorization in (None, "Bearer wrong-token", f"Basic {API_TOKEN}"):
                answer = requests.post(url, json=initialize, timeout=10,
                                       headers={**headers, **({"Authorization": authorization} if authorization else {})})
                assert answer.status_code == 401, answer.text
                assert answer.headers["WWW-Authenticate"].startswith("Bearer")
                assert "Unauthorized" in answer.json()["error"]["message"]
            foreign = requests.post(url, json=initialize, timeout=10,
                                    headers={**headers, "Authorization": f"Bearer {API_TOKEN}", "Origin": "https://evil.example"})
            assert foreign.status_code == 403

            async def main():
                try:
                    async with http_session(url, token="wrong-token"):
                        raise AssertionError("initialized with a wrong token")
                except* MCPError as group:  # raised inside the client's task groups
                    assert all("Unauthorized" in error.error.message for error in leaves(group))
                async with http_session(url) as session:
                    assert {tool.name for tool in (await session.list_tools()).tools} == (SEED_TOOLS | OTHER_TOOLS) - SIDE_EFFECTS

            anyio.run(main)
        finally:
            process.stop()


def test_http_beyond_loopback_requires_a_token():
    with tempfile.TemporaryDirectory(prefix="connector-mcp-") as workdir:
        refused = subprocess.run([BIN, "serve", "--host", "0.0.0.0", "--port", "0"], env=child_environment(), cwd=workdir,
                                 capture_output=True, text=True, timeout=60)
        assert refused.returncode != 0
        assert "Refusing to listen on 0.0.0.0 without an API token" in refused.stderr
        # Even when told to serve without a token, /mcp stays closed beyond the loopback interface.
        process = Process(["serve", "--host", "0.0.0.0", "--port", "0", "--insecure-no-auth"], child_environment(), cwd=Path(workdir))
        try:
            port = process.wait_for(r"^twilio-connector serving on http://\S+:(\d+)$").group(1)
            answer = requests.post(f"http://127.0.0.1:{port}/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "initialize"}, timeout=10,
                                   headers={"Accept": "application/json, text/event-stream", "Content-Type": "application/json"})
            assert answer.status_code == 403
            assert "needs an API token" in answer.json()["error"]["message"]
            process.wait_for(r"/mcp will refuse every request", stream="stderr")
        finally:
            process.stop()


def test_sigterm_with_an_open_mcp_stream_exits_promptly():
    with tempfile.TemporaryDirectory(prefix="connector-mcp-") as workdir:
        process, url, _ = start_serve(workdir)
        try:
            headers = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
            initialized = requests.post(url, timeout=10, headers=headers, json={
                "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}})
            session = initialized.headers["MCP-Session-Id"]
            headers |= {"MCP-Session-Id": session, "MCP-Protocol-Version": "2025-11-25"}
            requests.post(url, timeout=10, headers=headers, json={"jsonrpc": "2.0", "method": "notifications/initialized"}).raise_for_status()
            stream = requests.get(url, stream=True, timeout=10, headers={**headers, "Accept": "text/event-stream"})
            assert stream.status_code == 200
            # A wait in flight, too: shutdown does not wait for its minute.
            waiting = subprocess.Popen(["curl", "-sN", "-X", "POST", url, "-H", f"MCP-Session-Id: {session}",
                                        "-H", "Accept: application/json, text/event-stream", "-H", "Content-Type: application/json",
                                        "-d", json.dumps({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {
                                            "name": "wait_for_event", "arguments": {"trigger": "new_sms", "timeout_seconds": 60}}})],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
            started = time.monotonic()
            process.popen.send_signal(signal.SIGTERM)
            assert process.popen.wait(timeout=10) == 0
            assert time.monotonic() - started < 5
            stream.close()
            waiting.wait(timeout=10)
        finally:
            process.kill()
