#!/usr/bin/env bash
# Integration tests of the twilio-connector binary: each test starts the processes it needs
# (`serve`, `sandbox`, `mcp`) on free ports and stops them. Builds nothing: the binary comes from
# $TWILIO_CONNECTOR_BIN (default .build/debug/twilio-connector). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${TWILIO_CONNECTOR_BIN:-.build/debug/twilio-connector}"
VENV="${INTEGRATION_TESTS_VENV:-.build/it-venv}"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$BIN" ]; then
    echo "integration-tests: no binary at $BIN (swift build --product twilio-connector)" >&2
    exit 2
fi
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
stamp="$VENV/.integration-tests-requirements"
wanted="$(sha256sum integration-tests/requirements.txt | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r integration-tests/requirements.txt
    echo "$wanted" > "$stamp"
fi

export TWILIO_CONNECTOR_BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
exec "$VENV/bin/python" -m pytest integration-tests -p no:cacheprovider -rfEsxX "$@"
