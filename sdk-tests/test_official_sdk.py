"""The official Twilio Python SDK against the sandbox: it must not be able to tell the difference.

Every JSON body the sandbox answers is also checked against Twilio's OpenAPI response schema of
its operation (conftest.py). Products whose routes are not in the sandbox yet are skipped by a
probe (their route answers 404 with code 20404) and tested as soon as they land.
"""

from __future__ import annotations

import json
import os
import re
from datetime import datetime, timedelta, timezone

import pytest
import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.request_validator import RequestValidator

BASE_URL = os.environ["TWILIO_BASE_URL"].rstrip("/")
ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]
AUTH_TOKEN = os.environ["TWILIO_AUTH_TOKEN"]

#: Owned by the sandbox account from the start (SandboxConfiguration.ownedNumbers).
SENDER = "+14155550100"
INBOUND_NUMBER = "+14155550101"


def route_missing(domain: str, path: str) -> bool:
    """True while the sandbox answers `GET /<domain><path>` with 404 / code 20404: the route is not
    implemented yet."""
    response = requests.get(f"{BASE_URL}/{domain}{path}", auth=(ACCOUNT_SID, AUTH_TOKEN), timeout=10)
    if response.status_code != 404:
        return False
    try:
        return response.json().get("code") == 20404
    except ValueError:
        return True


def needs(domain: str, path: str, what: str):
    return pytest.mark.skipif(route_missing(domain, path), reason=f"the sandbox has no {what} yet "
                                                                   f"(GET /{domain}{path} answers 20404)")


V2010 = f"/2010-04-01/Accounts/{ACCOUNT_SID}"
needs_calls = needs("api", f"{V2010}/Calls.json", "Calls API")
needs_recordings = needs("api", f"{V2010}/Recordings.json", "Recordings API")
needs_lookups = needs("lookups", "/v2/PhoneNumbers/%2B14155550100", "Lookups v2 API")
needs_verify = needs("verify", "/v2/Services", "Verify v2 API")
needs_intelligence = needs("intelligence", "/v2/Transcripts", "Intelligence v2 API")
needs_content = needs("content", "/v1/Content", "Content v1 API")


def signature_valid(hook) -> bool:
    return RequestValidator(AUTH_TOKEN).validate(hook.url, hook.params, hook.headers.get("X-Twilio-Signature", ""))


# ----------------------------------------------------------------------------------------------
# Messages
# ----------------------------------------------------------------------------------------------


def test_send_sms_fetch_and_delivery(client, handset, eventually):
    to = handset()
    message = client.messages.create(to=to, from_=SENDER, body="Hello from the official SDK")

    assert message.sid.startswith("SM") and len(message.sid) == 34
    assert message.account_sid == ACCOUNT_SID
    assert (message.to, message.from_, message.body) == (to, SENDER, "Hello from the official SDK")
    assert message.status == "queued"
    assert message.direction == "outbound-api"
    assert message.num_segments == "1" and message.num_media == "0"
    assert message.api_version == "2010-04-01"
    assert message.date_created is not None and message.date_sent is None
    assert message.uri == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{message.sid}.json"
    assert message.subresource_uris["media"].endswith(f"/Messages/{message.sid}/Media.json")

    delivered = eventually(lambda: client.messages(message.sid).fetch(), lambda m: m.status == "delivered",
                           what="the message to be delivered")
    assert delivered.sid == message.sid
    assert delivered.date_sent is not None
    assert delivered.error_code is None
    assert delivered.price is not None and delivered.price_unit == "USD"


def test_list_across_pages_with_list_and_stream(client, handset, wire):
    to = handset()
    sent = [client.messages.create(to=to, from_=SENDER, body=f"page test {i}").sid for i in range(7)]
    newest_first = list(reversed(sent))

    wire.take()
    listed = client.messages.list(to=to, page_size=3)
    assert [m.sid for m in listed] == newest_first
    pages = [e for e in wire.take() if e.method == "GET" and e.path.endswith("/Messages.json")]
    assert len(pages) == 3, [e.url for e in pages]
    assert all("PageSize=3" in e.url for e in pages)

    streamed = list(client.messages.stream(to=to, limit=5, page_size=2))
    assert [m.sid for m in streamed] == newest_first[:5]
    pages = [e for e in wire.take() if e.method == "GET" and e.path.endswith("/Messages.json")]
    assert len(pages) == 3, [e.url for e in pages]

    assert [m.sid for m in client.messages.list(to=to, limit=4)] == newest_first[:4]

    page = client.messages.page(to=to, page_size=5)
    assert [m.sid for m in page] == newest_first[:5]
    second = page.next_page()
    assert [m.sid for m in second] == newest_first[5:]
    assert second.next_page() is None


def test_send_with_media_and_list_media(client, handset):
    message = client.messages.create(to=handset(), from_=SENDER, body="two pictures",
                                     media_url=["https://demo.twilio.com/owl.png", "https://example.com/cat.jpg"])
    assert message.sid.startswith("MM")
    assert message.num_media == "2"

    media = client.messages(message.sid).media.list()
    assert sorted(m.content_type for m in media) == ["image/jpeg", "image/png"]
    assert all(m.sid.startswith("ME") and m.parent_sid == message.sid for m in media)
    assert all(m.account_sid == ACCOUNT_SID for m in media)

    one = client.messages(message.sid).media(media[0].sid).fetch()
    assert one.sid == media[0].sid and one.content_type == media[0].content_type

    assert client.messages(message.sid).media(media[0].sid).delete() is True
    assert [m.sid for m in client.messages(message.sid).media.list()] == [media[1].sid]


@pytest.fixture
def messaging_service(client):
    """A Messaging Service whose pool holds SENDER, made through Messaging v1 as a user would."""
    service = client.messaging.v1.services.create(friendly_name="SDK tests")
    number = client.incoming_phone_numbers.list(phone_number=SENDER)[0]
    client.messaging.v1.services(service.sid).phone_numbers.create(phone_number_sid=number.sid)
    yield service.sid
    client.messaging.v1.services(service.sid).delete()


def test_messaging_service_pool_sends(client, messaging_service, handset, eventually):
    assert [n.phone_number for n in client.messaging.v1.services(messaging_service).phone_numbers.list()] == [SENDER]
    assert messaging_service in [s.sid for s in client.messaging.v1.services.list()]
    assert client.messaging.v1.services(messaging_service).update(sticky_sender=False).sticky_sender is False

    message = client.messages.create(to=handset(), messaging_service_sid=messaging_service, body="from the pool")
    assert message.status == "accepted" and message.messaging_service_sid == messaging_service
    done = eventually(lambda: client.messages(message.sid).fetch(), lambda m: m.status == "delivered", what="delivery")
    assert done.from_ == SENDER

    with pytest.raises(TwilioRestException) as error:
        client.messages.create(to=handset(), messaging_service_sid="MG" + "0" * 32, body="x")
    assert (error.value.status, error.value.code) == (400, 21701)


def test_schedule_with_send_at_and_cancel(client, handset, messaging_service):
    send_at = datetime.now(timezone.utc) + timedelta(minutes=20)
    message = client.messages.create(to=handset(), messaging_service_sid=messaging_service, body="see you later",
                                     schedule_type="fixed", send_at=send_at)
    assert message.status == "scheduled"
    assert message.messaging_service_sid == messaging_service

    canceled = client.messages(message.sid).update(status="canceled")
    assert canceled.sid == message.sid
    assert canceled.status == "canceled"
    assert client.messages(message.sid).fetch().status == "canceled"


def test_redact_body(client, handset, eventually):
    message = client.messages.create(to=handset(), from_=SENDER, body="my secret code is 1234")
    eventually(lambda: client.messages(message.sid).fetch(), lambda m: m.status == "delivered",
               what="delivery before redaction")

    redacted = client.messages(message.sid).update(body="")
    assert redacted.body == ""
    assert client.messages(message.sid).fetch().body == ""


def test_delete_message(client, handset, eventually):
    message = client.messages.create(to=handset(), from_=SENDER, body="delete me")
    eventually(lambda: client.messages(message.sid).fetch(), lambda m: m.status == "delivered",
               what="delivery before deletion")

    assert client.messages(message.sid).delete() is True
    with pytest.raises(TwilioRestException) as error:
        client.messages(message.sid).fetch()
    assert (error.value.status, error.value.code) == (404, 20404)


@pytest.mark.parametrize(
    "arguments, status, code",
    [
        pytest.param({"to": "+15005550001", "from_": SENDER, "body": "hi"}, 400, 21211, id="21211-invalid-to"),
        pytest.param({"to": "garbage", "from_": SENDER, "body": "hi"}, 400, 21211, id="21211-sender-id-as-to"),
        pytest.param({"to": "12345", "from_": SENDER, "body": "hi"}, 400, 21211, id="21211-short-code-as-to"),
        pytest.param({"to": "+14155550199", "from_": "+14155559999", "body": "hi"}, 400, 21606, id="21606-from-not-owned"),
        pytest.param({"to": "+14155550199", "from_": SENDER}, 400, 21602, id="21602-body-missing"),
        pytest.param({"to": "+14155550199", "from_": SENDER, "body": "x" * 1601}, 400, 21617, id="21617-body-too-long"),
    ],
)
def test_create_errors_raise_twilio_rest_exception(client, arguments, status, code):
    with pytest.raises(TwilioRestException) as error:
        client.messages.create(**arguments)
    assert (error.value.status, error.value.code) == (status, code)
    assert error.value.method == "POST"
    assert error.value.uri.endswith("/Messages.json")
    assert error.value.msg


def test_fetch_unknown_sid_is_20404(client):
    with pytest.raises(TwilioRestException) as error:
        client.messages("SM" + "0" * 32).fetch()
    assert (error.value.status, error.value.code) == (404, 20404)


def test_bad_credentials_are_401_20003(client, client_factory, handset):
    message = client.messages.create(to=handset(), from_=SENDER, body="not for intruders")
    intruder = client_factory(ACCOUNT_SID, "not-the-auth-token")
    with pytest.raises(TwilioRestException) as error:
        intruder.messages(message.sid).fetch()
    assert (error.value.status, error.value.code) == (401, 20003)
    with pytest.raises(TwilioRestException) as error:
        intruder.messages.create(to=handset(), from_=SENDER, body="hi")
    assert (error.value.status, error.value.code) == (401, 20003)
    # A page that fails is the SDK's plain TwilioException carrying the response.
    with pytest.raises(TwilioException) as error:
        intruder.messages.list(limit=1)
    assert error.value.args[1].status_code == 401


# ----------------------------------------------------------------------------------------------
# API keys and phone numbers
# ----------------------------------------------------------------------------------------------


def test_api_key_authenticates(client, client_factory, handset):
    key = client.new_keys.create(friendly_name="sdk-tests key")
    assert key.sid.startswith("SK") and len(key.sid) == 34
    assert key.secret and key.friendly_name == "sdk-tests key"

    keyed = client_factory(key.sid, key.secret, account_sid=ACCOUNT_SID)
    message = keyed.messages.create(to=handset(), from_=SENDER, body="sent with an API key")
    assert message.account_sid == ACCOUNT_SID
    assert keyed.messages(message.sid).fetch().sid == message.sid

    with pytest.raises(TwilioRestException) as error:
        client_factory(key.sid, "wrong-secret", account_sid=ACCOUNT_SID).messages(message.sid).fetch()
    assert (error.value.status, error.value.code) == (401, 20003)


def test_incoming_phone_numbers_list_and_update(client):
    numbers = client.incoming_phone_numbers.list()
    assert {SENDER, INBOUND_NUMBER} <= {n.phone_number for n in numbers}
    assert all(n.sid.startswith("PN") and n.account_sid == ACCOUNT_SID for n in numbers)

    [number] = client.incoming_phone_numbers.list(phone_number=INBOUND_NUMBER)
    assert number.capabilities["sms"] is True

    updated = client.incoming_phone_numbers(number.sid).update(
        friendly_name="SDK tests", voice_url="https://example.com/voice", voice_method="GET")
    try:
        assert (updated.friendly_name, updated.voice_url, updated.voice_method) == \
               ("SDK tests", "https://example.com/voice", "GET")
        fetched = client.incoming_phone_numbers(number.sid).fetch()
        assert (fetched.friendly_name, fetched.voice_url, fetched.voice_method) == \
               ("SDK tests", "https://example.com/voice", "GET")
    finally:
        client.incoming_phone_numbers(number.sid).update(
            friendly_name=number.friendly_name, voice_url=number.voice_url or "", voice_method=number.voice_method)


# ----------------------------------------------------------------------------------------------
# Webhooks, checked with the SDK's RequestValidator
# ----------------------------------------------------------------------------------------------


def test_status_callbacks_are_signed(client, handset, webhook_server, eventually):
    callback = webhook_server.url("/status?tenant=sdk-tests")
    message = client.messages.create(to=handset(), from_=SENDER, body="tell me how it went",
                                     status_callback=callback)

    hooks = eventually(lambda: webhook_server.requests_to("/status"),
                       lambda hooks: any(h.params.get("MessageStatus") == "delivered" for h in hooks),
                       what="the 'delivered' status callback")
    statuses = [h.params["MessageStatus"] for h in hooks]
    assert statuses[-1] == "delivered" and "sent" in statuses
    for hook in hooks:
        assert hook.method == "POST"
        assert hook.params["MessageSid"] == message.sid and hook.params["AccountSid"] == ACCOUNT_SID
        assert hook.params["SmsStatus"] == hook.params["MessageStatus"]
        assert signature_valid(hook), f"bad X-Twilio-Signature on {hook.params}"
    tampered = hooks[-1]
    assert not RequestValidator(AUTH_TOKEN).validate(
        tampered.url, {**tampered.params, "MessageStatus": "failed"}, tampered.headers["X-Twilio-Signature"])


def test_inbound_sms_webhook_is_signed_and_reply_is_sent(client, sandbox, handset, webhook_server, eventually):
    [number] = client.incoming_phone_numbers.list(phone_number=INBOUND_NUMBER)
    webhook_server.replies["/sms"] = "<Response><Message>Got it, thanks!</Message></Response>"
    client.incoming_phone_numbers(number.sid).update(sms_url=webhook_server.url("/sms"), sms_method="POST")
    phone = handset()
    try:
        answer = sandbox.post(f"/sandbox/handsets/{phone}/messages", {"To": INBOUND_NUMBER, "Body": "hello sandbox"})
        assert answer.status_code == 201, answer.text
    finally:
        client.incoming_phone_numbers(number.sid).update(sms_url=number.sms_url or "", sms_method=number.sms_method)

    [hook] = webhook_server.requests_to("/sms")
    assert hook.method == "POST"
    assert signature_valid(hook), f"bad X-Twilio-Signature on {hook.params}"
    assert (hook.params["From"], hook.params["To"], hook.params["Body"]) == (phone, INBOUND_NUMBER, "hello sandbox")
    assert hook.params["AccountSid"] == ACCOUNT_SID and hook.params["NumMedia"] == "0"
    assert hook.params["MessageSid"].startswith("SM") and hook.params["SmsStatus"] == "received"

    inbound = client.messages(hook.params["MessageSid"]).fetch()
    assert (inbound.direction, inbound.status, inbound.body) == ("inbound", "received", "hello sandbox")

    [reply] = eventually(lambda: client.messages.list(to=phone, from_=INBOUND_NUMBER),
                         lambda replies: len(replies) == 1 and replies[0].status == "delivered",
                         what="the TwiML <Message> reply to be delivered")
    assert (reply.body, reply.direction) == ("Got it, thanks!", "outbound-reply")


def test_sandbox_inspection_sees_sdk_traffic(client, sandbox, handset):
    to = handset()
    message = client.messages.create(to=to, from_=SENDER, body="inspect me")

    overview = sandbox.get("/sandbox").json()
    assert overview["account_sid"] == ACCOUNT_SID
    assert SENDER in overview["phone_numbers"]
    assert message.sid in [m["sid"] for m in sandbox.get("/sandbox/messages").json()["messages"]]
    conversation = sandbox.get(f"/sandbox/handsets/{to}/messages").json()["messages"]
    assert [m["sid"] for m in conversation] == [message.sid]


# ----------------------------------------------------------------------------------------------
# Calls and recordings
# ----------------------------------------------------------------------------------------------


@needs_calls
def test_calls_create_fetch_list_update(client, handset, eventually):
    to = handset()
    call = client.calls.create(to=to, from_=SENDER,
                               twiml='<Response><Say>Hello from the SDK tests</Say><Pause length="600"/></Response>')
    assert call.sid.startswith("CA") and len(call.sid) == 34
    assert (call.to, call._from, call.account_sid) == (to, SENDER, ACCOUNT_SID)  # the SDK names it _from here
    assert call.status in {"queued", "initiated"}
    assert call.direction == "outbound-api"

    assert client.calls(call.sid).fetch().sid == call.sid
    assert call.sid in [c.sid for c in client.calls.list(to=to)]

    answered = eventually(lambda: client.calls(call.sid).fetch(), lambda c: c.status in {"in-progress", "completed"},
                          what="the call to be answered")
    if answered.status == "in-progress":
        client.calls(call.sid).update(status="completed")
    ended = eventually(lambda: client.calls(call.sid).fetch(), lambda c: c.status == "completed",
                       what="the call to complete")
    assert ended.end_time is not None and ended.duration is not None
    assert call.sid in [c.sid for c in client.calls.list(to=to, status="completed")]


@needs_calls
def test_cancel_unknown_call_is_20404(client):
    with pytest.raises(TwilioRestException) as error:
        client.calls("CA" + "0" * 32).update(status="canceled")
    assert (error.value.status, error.value.code) == (404, 20404)


@needs_calls
@needs_calls
def test_applications_run_calls(client, sandbox, handset, eventually):
    from urllib.parse import quote
    twiml = "<Response><Say>Hello from the application</Say></Response>"
    app = client.applications.create(friendly_name="SDK app", voice_url=f"{sandbox.base_url}/twimlets/echo?Twiml={quote(twiml)}")
    assert app.sid.startswith("AP") and app.friendly_name == "SDK app"
    assert app.sid in [a.sid for a in client.applications.list(friendly_name="SDK app")]
    assert client.applications(app.sid).update(voice_method="POST").voice_method == "POST"

    call = client.calls.create(to=handset(), from_=SENDER, application_sid=app.sid)
    eventually(lambda: client.calls(call.sid).fetch(), lambda c: c.status == "completed", timeout=20, what="the call to complete")
    events = sandbox.get(f"/sandbox/calls/{call.sid}/events").json()["events"]
    assert any(e.get("text") == "Hello from the application" for e in events)

    assert client.applications(app.sid).delete() is True
    with pytest.raises(TwilioRestException) as error:
        client.calls.create(to=handset(), from_=SENDER, application_sid=app.sid)
    assert (error.value.status, error.value.code) == (400, 21218)


@needs_recordings
def test_recorded_call_has_recordings(client, handset, eventually):
    call = client.calls.create(to=handset(), from_=SENDER, record=True,
                               twiml="<Response><Say>This call is recorded</Say></Response>")
    eventually(lambda: client.calls(call.sid).fetch(), lambda c: c.status == "completed", timeout=20,
               what="the recorded call to complete")

    recordings = eventually(lambda: client.recordings.list(call_sid=call.sid), lambda r: len(r) > 0, timeout=20,
                            what="the call's recording")
    recording = client.recordings(recordings[0].sid).fetch()
    assert recording.sid.startswith("RE") and recording.call_sid == call.sid
    assert recording.account_sid == ACCOUNT_SID
    assert [r.sid for r in client.calls(call.sid).recordings.list()] == [r.sid for r in recordings]


# ----------------------------------------------------------------------------------------------
# Lookups, Verify, Intelligence, Content
# ----------------------------------------------------------------------------------------------


@needs_lookups
def test_lookup_line_type_intelligence(client):
    result = client.lookups.v2.phone_numbers("+14155550100").fetch(fields="line_type_intelligence")
    assert result.phone_number == "+14155550100"
    assert result.valid is True
    assert (result.country_code, result.calling_country_code) == ("US", "1")
    assert result.national_format == "(415) 555-0100"
    assert result.line_type_intelligence is not None and "type" in result.line_type_intelligence


@needs_lookups
def test_lookup_invalid_number_is_valid_false(client):
    result = client.lookups.v2.phone_numbers("+1415555").fetch()
    assert result.valid is False
    assert result.validation_errors


def _verification_code(sandbox, to: str) -> str:
    """The code the sandbox sent: from /sandbox/verifications/{to}, else the handset's last SMS."""
    inspected = sandbox.get(f"/sandbox/verifications/{to}")
    if inspected.status_code == 200:
        codes = []

        def collect(value):
            if isinstance(value, dict):
                for key, item in value.items():
                    if key == "code" and isinstance(item, str) and item.isdigit():
                        codes.append(item)
                    collect(item)
            elif isinstance(value, list):
                for item in value:
                    collect(item)

        collect(inspected.json())
        if codes:
            return codes[-1]
    messages = sandbox.get(f"/sandbox/handsets/{to}/messages").json()["messages"]
    for message in reversed(messages):
        found = re.search(r"\b(\d{4,10})\b", message.get("body") or "")
        if found:
            return found.group(1)
    raise AssertionError(f"no verification code for {to}: {inspected.status_code} {inspected.text[:300]} / {messages}")


@needs_verify
def test_full_verification(client, sandbox, handset, eventually):
    to = handset()
    service = client.verify.v2.services.create(friendly_name="SDK tests")
    assert service.sid.startswith("VA") and service.friendly_name == "SDK tests"
    assert client.verify.v2.services(service.sid).fetch().sid == service.sid

    verification = client.verify.v2.services(service.sid).verifications.create(to=to, channel="sms")
    assert verification.sid.startswith("VE")
    assert (verification.to, verification.channel, verification.status) == (to, "sms", "pending")
    assert verification.service_sid == service.sid and verification.valid is False

    code = eventually(lambda: _try_code(sandbox, to), lambda c: c is not None, what="the verification code")
    wrong = str((int(code) + 1) % 10 ** len(code)).zfill(len(code))
    check = client.verify.v2.services(service.sid).verification_checks.create(to=to, code=wrong)
    assert (check.status, check.valid) == ("pending", False)

    check = client.verify.v2.services(service.sid).verification_checks.create(to=to, code=code)
    assert (check.status, check.valid) == ("approved", True)
    assert check.sid == verification.sid


@needs_verify
def test_approved_verification_is_soft_deleted(client, sandbox, handset, eventually):
    to = handset()
    service = client.verify.v2.services.create(friendly_name="SDK tests")
    verification = client.verify.v2.services(service.sid).verifications.create(to=to, channel="sms")
    code = eventually(lambda: _try_code(sandbox, to), lambda c: c is not None, what="the verification code")
    assert client.verify.v2.services(service.sid).verification_checks.create(to=to, code=code).status == "approved"

    # Twilio error 20404: "When a verification is approved or expires, Twilio performs a soft delete".
    with pytest.raises(TwilioRestException) as error:
        client.verify.v2.services(service.sid).verifications(verification.sid).fetch()
    assert (error.value.status, error.value.code) == (404, 20404)
    with pytest.raises(TwilioRestException) as error:
        client.verify.v2.services(service.sid).verification_checks.create(to=to, code=code)
    assert (error.value.status, error.value.code) == (404, 20404)


@needs_verify
def test_verify_services_page_through_meta_next_page_url(client, wire):
    created = [client.verify.v2.services.create(friendly_name=f"SDK paging {i}").sid for i in range(3)]

    wire.take()
    listed = [s.sid for s in client.verify.v2.services.list(page_size=1)]
    assert set(created) <= set(listed) and len(listed) == len(set(listed))
    pages = [e for e in wire.take() if e.method == "GET" and e.path == "/v2/Services"]
    assert len(pages) >= 3, [e.url for e in pages]
    assert all("PageSize=1" in e.url for e in pages)


def _try_code(sandbox, to):
    try:
        return _verification_code(sandbox, to)
    except AssertionError:
        return None


@needs_intelligence
def test_intelligence_transcripts_list(client):
    transcripts = client.intelligence.v2.transcripts.list(limit=20)
    assert isinstance(transcripts, list)
    assert all(t.sid.startswith("GT") and t.account_sid == ACCOUNT_SID for t in transcripts)
    for transcript in transcripts[:2]:
        assert client.intelligence.v2.transcripts(transcript.sid).fetch().sid == transcript.sid


@needs_intelligence
def test_intelligence_transcribes_a_recorded_call(client, handset, eventually):
    call = client.calls.create(to=handset(), from_=SENDER, record=True,
                               twiml="<Response><Say>Thanks for calling.</Say><Say>Goodbye.</Say></Response>")
    recordings = eventually(lambda: client.recordings.list(call_sid=call.sid), lambda r: len(r) > 0, timeout=20,
                            what="the call's recording")
    transcript = client.intelligence.v2.transcripts.create(
        service_sid="GA" + "a" * 32, channel={"media_properties": {"source_sid": recordings[0].sid}}, customer_key="sdk")
    assert transcript.status == "queued" and transcript.sid.startswith("GT")
    done = eventually(lambda: client.intelligence.v2.transcripts(transcript.sid).fetch(), lambda t: t.status == "completed",
                      timeout=20, what="the transcript to complete")
    assert done.customer_key == "sdk"
    sentences = client.intelligence.v2.transcripts(transcript.sid).sentences.list()
    assert [s.transcript for s in sentences] == ["Thanks for calling.", "Goodbye."]
    assert client.intelligence.v2.transcripts(transcript.sid).delete() is True


@needs_content
def test_content_templates_list(client):
    templates = client.content.v1.contents.list(limit=20)
    assert isinstance(templates, list)
    assert all(t.sid.startswith("HX") and t.account_sid == ACCOUNT_SID for t in templates)
    for template in templates[:2]:
        assert client.content.v1.contents(template.sid).fetch().sid == template.sid


@needs_content
def test_whatsapp_templates_are_rendered_and_free_form_needs_the_24_hour_window(client, handset, eventually):
    template = next(t for t in client.content.v1.contents.list() if t.friendly_name == "order_shipped")
    approval = client.content.v1.contents(template.sid).approval_fetch().fetch()
    assert approval.whatsapp["status"] == "approved"

    to = "whatsapp:" + handset()
    sent = client.messages.create(to=to, from_="whatsapp:" + SENDER, content_sid=template.sid,
                                  content_variables=json.dumps({"1": "Ada", "2": "99"}))
    assert sent.body == "Hi Ada, your order 99 has shipped and is on its way."
    assert eventually(lambda: client.messages(sent.sid).fetch(), lambda m: m.status == "delivered",
                      what="the template to be delivered").error_code is None

    free_form = client.messages.create(to=to, from_="whatsapp:" + SENDER, body="Your table is ready")
    failed = eventually(lambda: client.messages(free_form.sid).fetch(), lambda m: m.status == "failed",
                        what="the free-form message to fail")
    assert failed.error_code == 63016

    with pytest.raises(TwilioRestException) as unknown:
        client.messages.create(to=to, from_="whatsapp:" + SENDER, content_sid="HX" + "0" * 32)
    assert (unknown.value.status, unknown.value.code) == (400, 21655)


@pytest.mark.parametrize("to", ["garbage", "hello world", "true", "12345", "ACME"])
def test_recipients_that_cannot_receive_are_refused_with_21211(client, to):
    with pytest.raises(TwilioRestException) as refused:
        client.messages.create(to=to, from_=SENDER, body="Hi")
    assert (refused.value.status, refused.value.code) == (400, 21211)
