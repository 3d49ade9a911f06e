#!/usr/bin/env bash
# Refreshes cmd/gongkai/default.pgo, the CPU profile that `go build` uses
# for profile-guided optimisation of the gongkai binary (docs/decisions.md,
# "profile-guided build"). Not run by CI; needs go, curl and wrk
# (apt-get install wrk). About two minutes.
#
#   scripts/pgo-profile.sh
#
# It builds gongkai without the old profile, starts `gongkai serve --demo
# --page-cache 5s --debug-addr …` in a fresh temporary data folder on free
# 127.0.0.1 ports, and takes a 60 s CPU profile through the debug listener
# while wrk loads the portal as visitors do: cached catalog, item and search
# pages and the search API for anonymous visitors (most of a portal's
# traffic), and the same pages rendered afresh (requests carrying a cookie
# bypass the page cache). Then it writes the profile to
# cmd/gongkai/default.pgo. Everything else it starts and writes is removed
# on exit. Commit the new profile with the code it was taken from.
set -euo pipefail

GO=${GO:-go}
WRK=${WRK:-wrk}
for tool in "$GO" "$WRK" curl; do
	command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d -t gongkai-pgo.XXXXXX)
gk_pid=
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[ -z "$gk_pid" ] || kill "$gk_pid" 2>/dev/null || true
	[ -z "$gk_pid" ] || wait "$gk_pid" 2>/dev/null || true
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# free_port and wait_http
. "$repo/scripts/common.sh"

echo "building gongkai without the old profile…" >&2
(cd "$repo" && "$GO" build -pgo=off -o "$work/gongkai" ./cmd/gongkai)

port=$(free_port)
debug_port=$(free_port)
while [ "$debug_port" = "$port" ]; do debug_port=$(free_port); done
gk="http://127.0.0.1:$port"
"$work/gongkai" serve --demo --page-cache 5s --addr "127.0.0.1:$port" \
	--debug-addr "127.0.0.1:$debug_port" --data "$work/data" >"$work/gongkai.log" 2>&1 &
gk_pid=$!
wait_http "$gk/healthz" || { tail -20 "$work/gongkai.log" >&2; exit 1; }
curl -fsS -o "$work/catalog.html" "$gk/agencies/2/catalog" || { tail -20 "$work/gongkai.log" >&2; exit 1; }
item=$(grep -o 'href="/agencies/[0-9]*/items/[0-9]*"' "$work/catalog.html" | head -1 | cut -d'"' -f2)

echo "profiling 60 s under load…" >&2
curl -fsS -o "$work/cpu.pprof" "http://127.0.0.1:$debug_port/debug/pprof/profile?seconds=60" &
prof=$!
sleep 1
load() { "$WRK" -t2 -c"$1" -d"$2" "${@:4}" "$gk$3" | grep -E 'Requests/sec|Non-2xx' | sed "s|^|$3: |"; }
load 32 16s /agencies/2/catalog
load 32 8s "$item"
load 16 8s '/search?q=%E8%AE%B8%E5%8F%AF'
load 16 8s '/api/v1/search?q=%E5%85%AC%E5%BC%80'
load 8 8s '/agencies/2/catalog?page=2' -H 'Cookie: visitor=1'
load 8 4s "$item" -H 'Cookie: visitor=1'
load 8 4s '/search?q=%E8%A1%8C%E6%94%BF%E8%AE%B8%E5%8F%AF' -H 'Cookie: visitor=1'
wait "$prof"
cp "$work/cpu.pprof" "$repo/cmd/gongkai/default.pgo"
echo "wrote cmd/gongkai/default.pgo ($(wc -c <"$repo/cmd/gongkai/default.pgo") bytes)" >&2
