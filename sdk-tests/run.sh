#!/usr/bin/env bash
# The official Twilio Python SDK against the sandbox: starts `twilio-connector sandbox` on a free
# port, runs the pytest suite of sdk-tests/ against it and always stops it. Builds nothing: the
# binary comes from $TWILIO_CONNECTOR_BIN (default .build/debug/twilio-connector).
# Extra arguments go to pytest. Exit code: pytest's.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${TWILIO_CONNECTOR_BIN:-.build/debug/twilio-connector}"
VENV="${SDK_TESTS_VENV:-.build/sdk-venv}"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$BIN" ]; then
    echo "sdk-tests: no sandbox binary at $BIN (swift build --product twilio-connector)" >&2
    exit 2
fi

# The venv is reinstalled only when requirements.txt changes.
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.sdk-tests-requirements"
wanted="$(sha256sum sdk-tests/requirements.txt | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r sdk-tests/requirements.txt
    echo "$wanted" > "$stamp"
fi

logs="$(mktemp -d)"
"$BIN" sandbox --port 0 --status-step-ms 20 > "$logs/stdout" 2> "$logs/stderr" &
sandbox_pid=$!

stop_sandbox() {
    if kill -0 "$sandbox_pid" 2>/dev/null; then
        kill -TERM "$sandbox_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$sandbox_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$sandbox_pid" 2>/dev/null || true
    fi
    wait "$sandbox_pid" 2>/dev/null || true
    rm -rf "$logs"
}
trap stop_sandbox EXIT
trap 'exit 130' INT TERM

# The first stdout line: "Twilio sandbox listening on http://127.0.0.1:PORT".
base_url=""
for _ in $(seq 600); do
    first="$(head -n 1 "$logs/stdout" 2>/dev/null || true)"
    if [[ "$first" =~ ^Twilio\ sandbox\ listening\ on\ (http://[^[:space:]]+)$ ]] && [ "$(wc -l < "$logs/stdout")" -ge 1 ]; then
        base_url="${BASH_REMATCH[1]}"
        break
    fi
    if ! kill -0 "$sandbox_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [ -z "$base_url" ]; then
    echo "sdk-tests: the sandbox did not start" >&2
    cat "$logs/stdout" "$logs/stderr" >&2
    exit 2
fi

setting() { sed -n "s/^ *$1=//p" "$logs/stdout" | head -n 1; }
export TWILIO_BASE_URL="$base_url"
export TWILIO_ACCOUNT_SID="$(setting TWILIO_ACCOUNT_SID)"
export TWILIO_AUTH_TOKEN="$(setting TWILIO_AUTH_TOKEN)"
unset TWILIO_API_KEY TWILIO_API_SECRET TWILIO_REGION TWILIO_EDGE
echo "sdk-tests: Twilio Python SDK $("$VENV/bin/python" -c 'import twilio; print(twilio.__version__)') against the sandbox at $TWILIO_BASE_URL"

status=0
"$VENV/bin/python" -m pytest sdk-tests -p no:cacheprovider -rfEsxX "$@" || status=$?
exit "$status"
