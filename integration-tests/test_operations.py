"""`serve` as it runs in production: bound connections and requests, fast failures, graceful and
forced shutdown, API tokens, logs free of secrets, metrics, the OpenAPI document fuzzed by
Schemathesis, and the embedded sandbox remembering between commands."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests
from twilio.request_validator import RequestValidator

from conftest import BIN, Process, child_environment, eventually

SMS = {"To": "+14155550123", "From": "+15005550006", "Body": "Hello"}


def closed_after(sock: socket.socket, limit: float, trickle: bytes = b"") -> float:
    """Seconds until the server closes `sock` (sending `trickle` a byte every half second), at most `limit`."""
    started = time.monotonic()
    sock.settimeout(0.5)
    for byte in [trickle[i:i + 1] for i in range(len(trickle))] + [b""] * 1000:
        try:
            if byte:
                sock.send(byte)
            if sock.recv(1024) == b"":
                return time.monotonic() - started
        except socket.timeout:
            pass
        except OSError:
            return time.monotonic() - started
        if time.monotonic() - started > limit:
            raise AssertionError(f"still open after {limit} s")
    raise AssertionError("still open")


def test_slow_and_idle_clients_are_disconnected_within_the_limits(serve):
    connector = serve.start("--read-timeout", "2", "--idle-timeout", "3")
    host, port = connector.base_url.removeprefix("http://").split(":")

    silent = socket.create_connection((host, int(port)))
    assert closed_after(silent, 6) < 4

    slowloris = socket.create_connection((host, int(port)))
    headers = b"POST /actions/sendSMS HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Padding: " + b"a" * 40
    assert closed_after(slowloris, 6, trickle=headers) < 4

    idle = socket.create_connection((host, int(port)))
    idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    assert b"200" in idle.recv(4096)
    assert 2 < closed_after(idle, 8) < 6

    # Meanwhile the server answers everyone else.
    assert connector.get("/healthz").status_code == 200


def test_a_refused_connection_to_twilio_fails_fast(serve):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    connector = serve.start(env={"TWILIO_ACCOUNT_SID": "AC" + "a" * 32, "TWILIO_AUTH_TOKEN": "a-token-for-nothing",
                                 "TWILIO_BASE_URL": f"http://127.0.0.1:{closed_port}"})
    started = time.monotonic()
    result = connector.post("/actions/sendSMS", json=SMS, timeout=60).json()
    elapsed = time.monotonic() - started
    assert result["success"] is False
    assert "connect" in result["error"]
    assert "mayHaveBeenSent" not in result
    assert elapsed < 5, f"{elapsed:.1f} s to report a refused connection"


def slow_sandbox(sandbox, latency_ms: int = 20_000) -> None:
    requests.post(f"{sandbox.base_url}/sandbox/faults", auth=sandbox.auth, timeout=10,
                  data={"Kind": "latency", "PathContains": "/Messages.json", "Method": "POST", "LatencyMs": str(latency_ms), "Rate": "1"}
                  ).raise_for_status()


def send_in_background(base_url: str) -> None:
    """Starts a sendSMS that the test will cut short (its connection is expected to drop)."""
    def send() -> None:
        try:
            requests.post(base_url + "/actions/sendSMS", json=SMS, timeout=60)
        except requests.RequestException:
            pass
    threading.Thread(target=send, daemon=True).start()


def test_shutdown_waits_out_the_grace_period_and_a_second_signal_stops_at_once(serve, sandbox):
    slow_sandbox(sandbox)
    connector = serve.start("--shutdown-grace", "2", env=sandbox.environment)
    send_in_background(connector.base_url)
    time.sleep(0.5)
    started = time.monotonic()
    connector.process.popen.send_signal(signal.SIGTERM)
    connector.process.popen.wait(timeout=15)
    assert time.monotonic() - started < 6, "shutdown outlasted the grace period"

    again = serve.start("--shutdown-grace", "30", env=sandbox.environment)
    send_in_background(again.base_url)
    time.sleep(0.5)
    again.process.popen.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    started = time.monotonic()
    again.process.popen.send_signal(signal.SIGTERM)
    again.process.popen.wait(timeout=10)
    assert time.monotonic() - started < 2
    assert again.process.popen.returncode != 0
    again.process.wait_for(r"Second SIG\w+: stopping now; cut short: POST /actions/sendSMS", stream="stderr", timeout=5)


def test_a_plain_shutdown_exits_cleanly_and_logs_no_error(serve):
    # Stopping cancels the background workers' store reads: that is the shutdown, not a failure
    # ("Push deliveries paused: … CancellationError" was logged on some stops).
    for _ in range(8):
        connector = serve.start()
        assert connector.process.stop() == 0
        errors = [line for line in connector.process.errors if " error " in line or " critical " in line]
        assert not errors, errors


def test_a_non_loopback_address_needs_a_token(serve):
    refused = serve.run("serve", "--host", "0.0.0.0", "--port", "0")
    assert refused.returncode != 0
    assert "--api-token" in refused.stderr
    token = "operations-test-token-0123456789"
    connector = serve.start("--host", "0.0.0.0", "--api-token", token)
    port = connector.base_url.rsplit(":", 1)[1]
    local = f"http://127.0.0.1:{port}"
    assert requests.get(local + "/triggers", timeout=10).status_code == 401
    assert requests.get(local + "/triggers", headers={"Authorization": f"Bearer {token}"}, timeout=10).status_code == 200
    assert requests.get(local + "/healthz", timeout=10).status_code == 200


def test_a_trace_level_run_logs_no_secret(serve, tmp_path):
    auth_token = "sandbox-secret-token-77aa11bb"
    sandbox = Process(["sandbox", "--port", "0", "--status-step-ms", "20", "--auth-token", auth_token], child_environment())
    try:
        base_url = sandbox.wait_for(r"^Twilio sandbox listening on (http://\S+)$").group(1)
        account = sandbox.wait_for(r"TWILIO_ACCOUNT_SID=(\S+)").group(1)
        api_token = "trace-api-token-0123456789abcdef"
        shared_key = "shared-key-secret-9988776655"
        connector = serve.start("--log-level", "trace", "--log-format", "json", "--api-token", api_token,
                                "--webhook-shared-key", f"key_1={shared_key}",
                                env={"TWILIO_ACCOUNT_SID": account, "TWILIO_AUTH_TOKEN": auth_token,
                                     "TWILIO_BASE_URL": base_url.replace("http://", f"http://{account}:{auth_token}@")})
        bearer = {"Authorization": f"Bearer {api_token}"}
        assert connector.post("/actions/sendSMS", json=SMS, headers=bearer).json()["success"]
        wrong = connector.post("/actions/getMessage", json={"Sid": "SM" + "0" * 32,
                                                           "connection": {"accountSid": account, "authToken": "per-call-secret-123456"}},
                               headers=bearer).json()
        assert wrong["success"] is False
        subscription = connector.post("/subscriptions", json={"trigger": "newSms", "url": "http://127.0.0.1:9/hook"}, headers=bearer).json()
        url = connector.base_url + "/webhooks/twilio/newSms"
        params = {"MessageSid": "SM" + "1" * 32, "From": "+14155550123", "To": "+15005550006", "Body": "hi"}
        signature = RequestValidator(auth_token).compute_signature(url, params)
        assert requests.post(url, data=params, headers={"X-Twilio-Signature": signature}, timeout=10).status_code == 200
        assert requests.post(url, data=params, headers={"X-Twilio-Signature": "forged"}, timeout=10).status_code == 403
        assert connector.get("/actions", headers={"Authorization": "Bearer wrong-token-abcdefghijk"}).status_code == 401
        time.sleep(1)
        connector.process.stop()
        output = "\n".join(connector.process.lines + connector.process.errors)
        assert any(json.loads(line).get("level") == "trace" for line in connector.process.errors if line.startswith("{"))
        basic = base64.b64encode(f"{account}:{auth_token}".encode()).decode()
        for secret in [auth_token, api_token, shared_key, subscription["secret"], "per-call-secret-123456", basic]:
            assert secret not in output, f"a secret reached the logs: {secret[:6]}…"
    finally:
        sandbox.stop()


def test_metrics_count_actions_and_webhooks(serve):
    connector = serve.start()
    assert connector.post("/actions/sendSMS", json=SMS).json()["success"]
    assert connector.post("/actions/sendSMS", json={**SMS, "To": "garbage"}).json()["success"] is False
    assert connector.post("/webhooks/twilio/newSms", data={"Body": "unsigned"}).status_code == 403

    def scraped():
        text = connector.get("/metrics").text
        return all(sample in text for sample in [
            'connector_actions_total{action="sendSMS",outcome="success"} 1',
            'connector_actions_total{action="sendSMS",outcome="invalid"} 1',
            'connector_webhooks_total{trigger="newSms",outcome="refused"} 1',
            "twilio_requests_total", "twilio_request_duration_seconds_bucket",
        ]) and text
    eventually(scraped, timeout=10)


def test_two_run_commands_share_the_embedded_sandbox_and_reset_clears_it(serve):
    sent = serve.run("run", "sendSMS", "To=+14155550123", "From=+15005550006", "Body=Remember me", "--output", "json")
    assert sent.returncode == 0, sent.stderr
    sid = json.loads(sent.stdout)["sid"]
    fetched = serve.run("run", "getMessage", f"Sid={sid}", "--output", "json")
    assert fetched.returncode == 0, fetched.stderr
    assert json.loads(fetched.stdout)["body"] == "Remember me"

    # A run while another process owns the sandbox is its client.
    owner = serve.start()
    listed = serve.run("run", "list_messages", "to=+14155550123", "--output", "json")
    assert listed.returncode == 0, listed.stderr
    assert "shared with the process serving it" in listed.stderr
    assert sid in listed.stdout
    busy = serve.run("sandbox", "reset")
    assert busy.returncode != 0 and "in use" in busy.stderr
    owner.process.stop()

    assert serve.run("sandbox", "reset").returncode == 0
    gone = serve.run("run", "getMessage", f"Sid={sid}", "--output", "json")
    assert gone.returncode != 0
    assert "20404" in gone.stdout


def test_schemathesis_finds_no_server_error_and_no_answer_off_the_document(serve, tmp_path):
    token = "schemathesis-token-0123456789"
    connector = serve.start("--api-token", token)
    schemathesis = Path(sys.executable).parent / "schemathesis"
    result = subprocess.run(
        [str(schemathesis), "run", connector.base_url + "/openapi.json", "--url", connector.base_url,
         "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
         "--max-examples", "4", "--phases", "examples,fuzzing", "--request-timeout", "20",
         "--exclude-path-regex", "stream$", "-H", f"Authorization: Bearer {token}", "--seed", "2026"],
        capture_output=True, text=True, timeout=900, env={**os.environ, "SCHEMATHESIS_HOOKS": ""})
    print(result.stdout[-4000:])
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
