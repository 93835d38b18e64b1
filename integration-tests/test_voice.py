"""makeCall with a real-time workflow (seed 002's `subWorkflow`) from the command line, against the
embedded sandbox: the call streams to the connector's `/streams/<workflow>`, the command blocks
until the call ends and answers its final status, duration and the workflow's result."""

from __future__ import annotations

import json


def test_run_makecall_with_echo_blocks_until_the_call_ends(serve):
    placed = serve.run("run", "makeCall", "To=+14155550123", "From=+15005550006", "subWorkflow=echo", "timeout=30",
                       "maxDuration=1", "--output", "json", timeout=90)
    assert placed.returncode == 0, placed.stdout + placed.stderr
    result = json.loads(placed.stdout)
    assert result["status"] == "completed", result
    assert result["direction"] == "outbound-api"
    assert result["callSid"].startswith("CA")
    assert result["duration"] >= 1
    # The caller spoke for the sandbox's default length; echo heard and returned all of it.
    assert result["result"]["echoedSeconds"] > 0.5, result["result"]


def test_a_named_workflow_from_the_workflows_file_plays_then_hangs_up(serve):
    (serve.workdir / "workflows.json").write_text(json.dumps({
        "beep": {"kind": "play", "settings": {"tone": {"frequency": 1000, "seconds": 0.5}}},
    }))
    placed = serve.run("run", "makeCall", "To=+14155550123", "From=+15005550006", "subWorkflow=beep", "maxDuration=1",
                       "--workflows", "workflows.json", "--output", "json", timeout=90)
    assert placed.returncode == 0, placed.stdout + placed.stderr
    result = json.loads(placed.stdout)
    assert result["status"] == "completed", result
    assert result["result"] == {"seconds": 0.5, "heard": True, "hungUp": True}


def test_an_unknown_workflow_is_refused_before_anything_is_dialled(serve):
    placed = serve.run("run", "makeCall", "To=+14155550123", "From=+15005550006", "subWorkflow=nope", "--output", "json")
    assert placed.returncode != 0
    result = json.loads(placed.stdout)
    assert "nope" in result["error"] and "echo" in result["error"], result
    listed = serve.run("run", "listCalls", "--output", "json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)["calls"] == []
