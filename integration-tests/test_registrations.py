"""Connecting a trigger to a sandbox number with `triggers register`, and putting back what the
number did before with `triggers unregister`: proven by where the sandbox's inbound SMS goes."""

from __future__ import annotations

import json

import requests

from conftest import eventually

NUMBER = "+14155550100"
CUSTOMER = "+14155550123"
ORIGINAL = "http://127.0.0.1:9/original-flow"


def sms_url_of_delivery(sandbox, body: str):
    """The URL the sandbox posted the inbound SMS `body` to, once it has."""
    deliveries = requests.get(f"{sandbox.base_url}/sandbox/webhooks", auth=sandbox.auth, timeout=10).json()["webhooks"]
    return next((delivery["url"] for delivery in deliveries if delivery["parameters"].get("Body") == body), None)


def test_register_receive_and_unregister_restores_the_previous_sms_url(sandbox, serve):
    sandbox.point_number(NUMBER, SmsUrl=ORIGINAL)
    connector = serve.start(env=sandbox.environment)
    register = ("triggers", "register", "newSms", "--number", NUMBER, "--public-url", connector.base_url, "--output", "json")

    refused = serve.run(*register, env=sandbox.environment)
    assert refused.returncode == 1, refused.stdout
    assert ORIGINAL in refused.stderr
    sandbox.text_from_handset(CUSTOMER, NUMBER, "before")
    assert eventually(lambda: sms_url_of_delivery(sandbox, "before")) == ORIGINAL

    registered = serve.run(*register, "--replace", env=sandbox.environment)
    assert registered.returncode == 0, registered.stderr
    registration = json.loads(registered.stdout)
    assert registration["url"] == connector.base_url + "/webhooks/twilio/newSms"
    listed = serve.run("triggers", "registrations", "--output", "json", env=sandbox.environment)
    assert ORIGINAL in json.dumps(json.loads(listed.stdout))

    sandbox.text_from_handset(CUSTOMER, NUMBER, "through the trigger")
    assert eventually(lambda: [event["data"]["body"] for event in connector.events("newSms")]) == ["through the trigger"]

    unregistered = serve.run("triggers", "unregister", "newSms", "--number", NUMBER, "--output", "json", env=sandbox.environment)
    assert unregistered.returncode == 0, unregistered.stderr
    sandbox.text_from_handset(CUSTOMER, NUMBER, "after")
    assert eventually(lambda: sms_url_of_delivery(sandbox, "after")) == ORIGINAL
    assert [event["data"]["body"] for event in connector.events("newSms")] == ["through the trigger"]
    assert json.loads(serve.run("triggers", "registrations", "--output", "json", env=sandbox.environment).stdout) == []
