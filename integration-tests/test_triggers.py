"""Triggers end to end: Twilio's signed webhooks into `serve`, stored once and durably, and out
to engines by poll, Server-Sent Events and signed pushes. Signatures are made by the official
Twilio Python SDK's RequestValidator, as Twilio makes them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests
from twilio.request_validator import RequestValidator

from conftest import eventually

TOKEN = "an-auth-token-for-the-tests"
ACCOUNT = "AC" + "1" * 32
TWILIO = {"TWILIO_ACCOUNT_SID": ACCOUNT, "TWILIO_AUTH_TOKEN": TOKEN, "TWILIO_BASE_URL": "http://127.0.0.1:9"}


def inbound_sms(index: int, body: str = "hello") -> dict[str, str]:
    return {"MessageSid": f"SM{index:032x}", "AccountSid": ACCOUNT, "From": "+14155550123", "To": "+15005550006",
            "Body": body, "NumMedia": "0"}


def post_signed(url: str, params: dict[str, str], token: str = TOKEN, signed_url: str | None = None,
                headers: dict[str, str] | None = None) -> requests.Response:
    signature = RequestValidator(token).compute_signature(signed_url or url, params)
    return requests.post(url, data=params, headers={"X-Twilio-Signature": signature, **(headers or {})}, timeout=10)


def test_the_official_sdks_signatures_are_accepted_on_forms_json_and_port_variants(serve):
    public = "https://hooks.example.com"
    connector = serve.start("--public-url", public, env=TWILIO)
    path = "/webhooks/twilio/newSms"

    assert post_signed(connector.base_url + path, inbound_sms(1), signed_url=public + path).status_code == 200
    # Twilio may sign with the default port written out; the validator accepts both forms.
    assert post_signed(connector.base_url + path, inbound_sms(2), signed_url="https://hooks.example.com:443" + path).status_code == 200

    # A JSON body: the URL carries the body's SHA-256 and the signature covers the URL alone.
    body = json.dumps({"MessageSid": "SM" + "5" * 32, "MessageStatus": "sent"}).encode()
    query = "?bodySHA256=" + hashlib.sha256(body).hexdigest()
    signature = RequestValidator(TOKEN).compute_signature(public + "/webhooks/twilio/messageStatus" + query, {})
    json_answer = requests.post(connector.base_url + "/webhooks/twilio/messageStatus" + query, data=body, timeout=10,
                                headers={"X-Twilio-Signature": signature, "Content-Type": "application/json"})
    assert json_answer.status_code == 200
    tampered = requests.post(connector.base_url + "/webhooks/twilio/messageStatus" + query, data=body + b" ", timeout=10,
                             headers={"X-Twilio-Signature": signature, "Content-Type": "application/json"})
    assert tampered.status_code == 403

    forged = dict(inbound_sms(3), Body="changed after signing")
    signature = RequestValidator(TOKEN).compute_signature(public + path, inbound_sms(3))
    assert requests.post(connector.base_url + path, data=forged, headers={"X-Twilio-Signature": signature}, timeout=10).status_code == 403
    assert post_signed(connector.base_url + path, inbound_sms(4), token="another-token", signed_url=public + path).status_code == 403

    assert [event["data"]["messageStatus"] for event in connector.events("messageStatus")] == ["sent"]
    bodies = [event["data"]["body"] for event in connector.events("newSms")]
    assert bodies == ["hello", "hello"]
    assert [event["data"]["messageSid"] for event in connector.events("newSms")] == [inbound_sms(1)["MessageSid"], inbound_sms(2)["MessageSid"]]
    assert "hooks.example.com" in "\n".join(connector.process.errors + connector.process.lines)
    assert TOKEN not in "\n".join(connector.process.errors + connector.process.lines)


def test_a_retried_webhook_is_stored_once(serve):
    connector = serve.start(env=TWILIO)
    url = connector.base_url + "/webhooks/twilio/newSms"
    for _ in range(3):
        assert post_signed(url, inbound_sms(7), headers={"I-Twilio-Idempotency-Token": "retry-7"}).status_code == 200
    assert len(connector.events("newSms")) == 1


def test_a_killed_server_loses_no_acknowledged_webhook_and_duplicates_none(serve):
    connector = serve.start(env=TWILIO)
    url = connector.base_url + "/webhooks/twilio/newSms"
    acknowledged: set[str] = set()
    lock = threading.Lock()

    def send(index: int) -> None:
        params = inbound_sms(index, body=f"burst {index}")
        try:
            if post_signed(url, params).status_code == 200:
                with lock:
                    acknowledged.add(params["MessageSid"])
        except requests.RequestException:
            pass  # the server died under this request: it was never acknowledged

    with ThreadPoolExecutor(max_workers=16) as pool:
        futures = [pool.submit(send, index) for index in range(400)]
        eventually(lambda: len(acknowledged) >= 100, timeout=30, interval=0.001)
        connector.process.kill()
        for future in futures:
            future.result()
    assert 100 <= len(acknowledged) < 400

    restarted = serve.start(env=TWILIO)
    stored = [event["data"]["messageSid"] for event in restarted.events("newSms")]
    assert len(stored) == len(set(stored)), "an event was stored twice"
    assert acknowledged <= set(stored), f"{len(acknowledged - set(stored))} acknowledged webhooks were lost"

    # Twilio retries what got no answer: every retry is stored once, with nothing duplicated.
    for index in range(400):
        assert post_signed(restarted.base_url + "/webhooks/twilio/newSms", inbound_sms(index, body=f"burst {index}")).status_code == 200
    stored = [event["data"]["messageSid"] for event in restarted.events("newSms")]
    assert sorted(stored) == sorted(inbound_sms(index)["MessageSid"] for index in range(400))


class Subscriber:
    """A receiver of pushed events that answers 503 to its first `failures` requests."""

    def __init__(self, failures: int):
        self.failures = failures
        self.requests: list[tuple[dict[str, str], bytes]] = []
        subscriber = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                subscriber.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                status = 503 if len(subscriber.requests) <= subscriber.failures else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def close(self) -> None:
        self.server.shutdown()


def standard_webhook_signature_is_valid(secret: str, headers: dict[str, str], body: bytes) -> bool:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(part.split(",", 1)[1] == expected for part in headers["webhook-signature"].split() if part.startswith("v1,"))


def test_a_subscriber_that_is_down_at_first_gets_every_event_signed(serve):
    connector = serve.start(env=TWILIO)
    subscriber = Subscriber(failures=4)
    try:
        created = connector.post("/subscriptions", json={"trigger": "newSms", "url": subscriber.url, "retrySchedule": [1, 1, 1, 1, 1],
                                                          "filter": {"From": "+14155550123"}})
        assert created.status_code == 201, created.text
        secret = created.json()["secret"]
        assert secret.startswith("whsec_")
        assert "secret" not in connector.get("/subscriptions").json()["subscriptions"][0]
        for index in range(3):
            assert post_signed(connector.base_url + "/webhooks/twilio/newSms", inbound_sms(index)).status_code == 200
        other = dict(inbound_sms(9), From="+14155550999")
        assert post_signed(connector.base_url + "/webhooks/twilio/newSms", other).status_code == 200

        def delivered_ids():
            return {headers["webhook-id"] for headers, _ in subscriber.requests[subscriber.failures:]}

        eventually(lambda: len(delivered_ids()) == 3, timeout=30)
        events = {event["id"] for event in connector.events("newSms", From="+14155550123")}
        assert delivered_ids() == events
        for headers, body in subscriber.requests:
            assert standard_webhook_signature_is_valid(secret, headers, body)
            assert json.loads(body)["data"]["from"] == "+14155550123"
        deliveries = connector.get(f"/subscriptions/{created.json()['id']}/deliveries").json()["deliveries"]
        assert sorted(delivery["status"] for delivery in deliveries) == ["delivered"] * 3
    finally:
        subscriber.close()


def read_sse(response: requests.Response, count: int) -> list[dict]:
    """The next `count` events of an SSE stream: {id, event, data}."""
    events, current = [], {}
    for line in response.iter_lines(decode_unicode=True):
        if line == "":
            if "data" in current:
                events.append(current)
                if len(events) == count:
                    return events
            current = {}
        elif not line.startswith(":"):
            name, _, value = line.partition(": ")
            current[name] = value
    return events


def test_the_event_stream_resumes_from_last_event_id_with_nothing_skipped(serve):
    connector = serve.start(env=TWILIO)
    url = connector.base_url + "/webhooks/twilio/newSms"
    for index in range(2):
        post_signed(url, inbound_sms(index, body=f"early {index}"))
    with requests.get(connector.base_url + "/triggers/newSms/events/stream", stream=True, timeout=10) as stream:
        first = read_sse(stream, 2)
    assert [json.loads(event["data"])["data"]["body"] for event in first] == ["early 0", "early 1"]
    for index in range(2, 5):
        post_signed(url, inbound_sms(index, body=f"late {index}"))
    with requests.get(connector.base_url + "/triggers/newSms/events/stream", stream=True, timeout=10,
                      headers={"Last-Event-ID": first[-1]["id"]}) as stream:
        later = read_sse(stream, 3)
    assert [json.loads(event["data"])["data"]["body"] for event in later] == ["late 2", "late 3", "late 4"]
    assert all(event["event"] == "newSms" for event in later)


def test_in_sandbox_mode_a_handset_text_reaches_every_delivery_path(serve):
    connector = serve.start()
    sandbox_url = connector.process.wait_for(r"using an in-process sandbox at (http://\S+)", stream="stderr").group(1)
    account, token = connector.process.wait_for(r"curl -s -u (AC\w+):(\S+) ").groups()
    with requests.get(connector.base_url + "/triggers/newSms/events/stream", stream=True, timeout=10) as stream:
        started = time.monotonic()
        requests.post(f"{sandbox_url}/sandbox/handsets/+14155550123/messages", auth=(account, token),
                      data={"To": "+15005550006", "Body": "Is my order ready?"}, timeout=10).raise_for_status()
        streamed = read_sse(stream, 1)
        assert time.monotonic() - started < 1.5
    assert json.loads(streamed[0]["data"])["data"]["body"] == "Is my order ready?"
    assert [event["data"]["from"] for event in connector.events("newSms")] == ["+14155550123"]
    tail = serve.run("events", "tail", "newSms", "--output", "json")
    assert tail.returncode == 0, tail.stderr
    assert json.loads(tail.stdout.splitlines()[-1])["data"]["body"] == "Is my order ready?"

    # A message sent through the connector reports its status to the messageStatus trigger.
    sent = connector.post("/actions/sendSMS", json={"To": "+14155550123", "From": "+15005550006", "Body": "Yes!"}).json()
    assert sent["success"], sent
    statuses = eventually(lambda: [e["data"]["messageStatus"] for e in connector.events("messageStatus", MessageSid=sent["sid"])
                                   if e["data"]["messageStatus"] == "delivered"], timeout=10)
    assert statuses == ["delivered"]


def test_the_transcript_poller_turns_completed_transcripts_into_events(serve):
    connector = serve.start("--poll-transcripts", "1")
    sandbox_url = connector.process.wait_for(r"using an in-process sandbox at (http://\S+)", stream="stderr").group(1)
    account, token = connector.process.wait_for(r"curl -s -u (AC\w+):(\S+) ").groups()
    created = requests.post(f"{sandbox_url}/sandbox/transcripts", auth=(account, token), timeout=10,
                            data={"Sentences": "Agent: Hello, how can I help?\nCustomer: Where is my order?"})
    assert created.status_code in (200, 201), created.text
    sid = created.json()["sid"]
    events = eventually(lambda: [e for e in connector.events("newTranscript") if e["data"]["transcriptSid"] == sid], timeout=15)
    assert len(events) == 1
    assert events[0]["data"]["status"] == "completed"
    assert events[0]["data"]["transcriptText"]
    time.sleep(2.5)
    assert len([e for e in connector.events("newTranscript") if e["data"]["transcriptSid"] == sid]) == 1
