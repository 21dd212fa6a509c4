#!/usr/bin/env bash
# One command: start `kinerja serve` on a free loopback port, run client.sh against it, stop the server.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
log="$(mktemp)"
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT

# From source (no build needed); after `pnpm build`, `node packages/cli/dist/cli.js serve …` is the same.
# --lang en: the line waited for below is "Listening on", which an Indonesian LANG would turn into "Mendengarkan di".
"$here/node_modules/.bin/tsx" --conditions=source "$root/packages/cli/src/cli.ts" serve \
  --rubric "$root/examples/data/demo-pp46.rubric.yaml" --port 0 --lang en >"$log" &
pid=$!

for _ in $(seq 1 100); do
  url="$(sed -n 's/^Listening on \(http[^ ]*\).*/\1/p' "$log")"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "run.sh: the server did not start" >&2; exit 1; }

bash "$here/client.sh" "$url"
