"""Durable bulk jobs end to end: `serve` with its store sends a job the sandbox counts; the job is
followed, canceled and resumed from the command line; and a job whose server is killed (kill -9)
mid-way is resumed by the restarted server, every recipient getting the message once."""

from __future__ import annotations

import json
import time

import requests

from conftest import eventually

SENDER = "+15005550006"


def sandbox_messages(sandbox, body: str) -> list[dict]:
    """The sandbox's messages with `body`, paging through the Messages list."""
    messages = []
    url = f"{sandbox.base_url}/api/2010-04-01/Accounts/{sandbox.account_sid}/Messages.json?PageSize=1000"
    while url:
        page = requests.get(url, auth=sandbox.auth, timeout=30).json()
        messages += [message for message in page["messages"] if message["body"] == body]
        url = sandbox.base_url + "/api" + page["next_page_uri"] if page.get("next_page_uri") else None
    return messages


def recipients(count: int, first: int) -> list[str]:
    return [f"+1415{first + index:07d}" for index in range(count)]


def test_a_job_is_followed_canceled_and_resumed_from_the_command_line(sandbox, serve):
    connector = serve.start(env=sandbox.environment)
    numbers = recipients(40, 4_000_000)
    answer = connector.post("/actions/sendBulkSMS", json={"Recipients": numbers, "From": SENDER, "Body": "cli job",
                                                           "MessagesPerSecond": 20, "Concurrency": 1, "Async": True}).json()
    job_id = answer["jobId"]
    assert answer["jobStatus"] == "running"
    eventually(lambda: connector.get(f"/jobs/{job_id}").json()["counts"]["sent"] >= 3, timeout=30)

    canceled = serve.run("jobs", "cancel", job_id)
    assert canceled.returncode == 0, canceled.stderr
    assert json.loads(canceled.stdout)["status"] == "canceled"
    status = json.loads(serve.run("jobs", "status", job_id).stdout)
    assert status["counts"]["canceled"] > 0
    time.sleep(0.5)
    sent_when_canceled = len(sandbox_messages(sandbox, "cli job"))
    assert sent_when_canceled < 40

    resumed = serve.run("jobs", "resume", job_id, "--output", "json", env=sandbox.environment, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(resumed.stdout)
    assert report["jobStatus"] == "completed" and report["sentCount"] == 40
    messages = sandbox_messages(sandbox, "cli job")
    assert sorted(message["to"] for message in messages) == sorted(numbers), "each recipient exactly once"
    assert connector.get(f"/jobs/{job_id}").json()["status"] == "completed"
    assert connector.get("/jobs/job_unknown").status_code == 404


def test_a_job_whose_server_is_killed_is_resumed_by_the_restarted_server_without_duplicates(sandbox, serve):
    connector = serve.start("--job-lease-seconds", "3", env=sandbox.environment)
    numbers = recipients(300, 4_100_000)
    answer = connector.post("/actions/sendBulkSMS", json={"Recipients": numbers, "From": SENDER, "Body": "killed job",
                                                           "MessagesPerSecond": 200, "Concurrency": 8, "Async": True}).json()
    job_id = answer["jobId"]
    eventually(lambda: connector.get(f"/jobs/{job_id}").json()["counts"]["sent"] >= 100, timeout=60, interval=0.01)
    connector.process.kill()
    sent_before = len(sandbox_messages(sandbox, "killed job"))
    assert sent_before < 300

    restarted = serve.start("--job-lease-seconds", "3", env=sandbox.environment)
    job = eventually(lambda: (lambda job: job if job["status"] == "completed" else None)(restarted.get(f"/jobs/{job_id}").json()),
                     timeout=120, interval=0.2)
    assert job["counts"]["sent"] == 300
    messages = sandbox_messages(sandbox, "killed job")
    assert len(messages) == 300 and {message["to"] for message in messages} == set(numbers), "every recipient exactly once"
    report = restarted.get(f"/jobs/{job_id}/report").json()
    assert report["sentCount"] == 300 and len(report["recipients"]) == 300
