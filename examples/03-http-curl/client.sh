#!/usr/bin/env bash
# A plain curl client for `kinerja serve`: health, rubrics, one evaluation, one malformed request, one rubric
# validation. Usage: bash client.sh [base-url]   (default: $KINERJA_URL, else http://127.0.0.1:8080/v1)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
api="${1:-${KINERJA_URL:-http://127.0.0.1:8080/v1}}"
api="${api%/}"
appraisal="${APPRAISAL:-$here/../data/demo-appraisal.json}"
rubric="${RUBRIC:-$here/../data/demo-pp46.rubric.yaml}"

if ! command -v curl >/dev/null 2>&1; then
  echo "client.sh: curl is not installed" >&2
  exit 127
fi

# Prints "== <title>", the body, and "HTTP <status>". --fail is not used: 4xx bodies carry the diagnostics.
call() {
  local title="$1"
  shift
  echo "== $title"
  curl --silent --show-error --max-time 10 --write-out '\nHTTP %{http_code}\n' "$@"
}

call "GET /health" "$api/health"
call "GET /rubrics" "$api/rubrics"
call "POST /evaluate" -H 'content-type: application/json' --data-binary "@$appraisal" "$api/evaluate"
call "POST /evaluate (malformed JSON)" -H 'content-type: application/json' --data-binary $'{\n  "employee": {,\n}' "$api/evaluate"
call "POST /validate" -H 'content-type: application/yaml' --data-binary "@$rubric" "$api/validate"
call "GET /rubrics/nope" "$api/rubrics/nope"
