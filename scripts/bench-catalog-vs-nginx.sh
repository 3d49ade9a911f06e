#!/usr/bin/env bash
# Catalog-page throughput of gongkai against nginx serving the same page as a
# static file, measured in the same run by wrk from a second process over
# loopback (issue #4). Not run by CI; needs go, curl, nginx and wrk
# (apt-get install nginx-light wrk).
#
#   scripts/bench-catalog-vs-nginx.sh
#
# It builds gongkai, starts `gongkai serve --demo` with a fresh temporary data
# folder on a free 127.0.0.1 port, fetches the demo bureau's catalog page and
# one of its item pages with curl, writes them to a temporary web root served
# by nginx (own minimal config, one worker per core) on another 127.0.0.1
# port, then runs wrk against both with the same settings: a warm-up of each,
# then ROUNDS rounds alternating gongkai and nginx. It prints requests/s,
# p50/p99 latency and the server's CPU time per request (user + system, of
# gongkai's process or of nginx's master and workers) of every run, and per
# round the ratio gongkai/nginx of both: requests/s is the issue's measure,
# CPU per request is what the server itself spends, which moves far less
# when other work shares the cores. Every process and temporary file it made
# is removed on exit.
#
# ACCESS_LOG=off (the default) runs gongkai with --access-log=false and nginx
# with `access_log off`; ACCESS_LOG=on has both write one line per request to
# a file, so each side always does the same logging. gongkai's page cache is
# whatever GONGKAI_PAGE_CACHE says (off when unset), e.g.
#
#   GONGKAI_PAGE_CACHE=5s ROUNDS=3 scripts/bench-catalog-vs-nginx.sh
#
# GZIP=off (the default) compares uncompressed pages. GZIP=on has wrk send
# `Accept-Encoding: gzip` to both servers and gives nginx, with
# `gzip_static on`, each page's .gz file as gongkai's page cache compresses
# it (fetched from gongkai and checked to unpack to the plain page), so both
# send the same compressed bytes; it needs GONGKAI_PAGE_CACHE, since gongkai
# compresses only cached pages.
#
# Settings (environment): THREADS=2 CONNS=32 DURATION=15s WARMUP=5s ROUNDS=2
# CORES=$(nproc) (GOMAXPROCS of gongkai and nginx's worker_processes)
# CATALOG=/agencies/2/catalog (the demo bureau, 长治市行政审批服务管理局)
# GO=go NGINX=nginx WRK=wrk
set -euo pipefail

THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
ROUNDS=${ROUNDS:-2}
CORES=${CORES:-$(nproc)}
CATALOG=${CATALOG:-/agencies/2/catalog}
GO=${GO:-go}
NGINX=${NGINX:-nginx}
WRK=${WRK:-wrk}
ACCESS_LOG=${ACCESS_LOG:-off}
case $ACCESS_LOG in
on) gk_access=--access-log=true ;;
off) gk_access=--access-log=false ;;
*) echo "ACCESS_LOG must be on or off" >&2; exit 2 ;;
esac
GZIP=${GZIP:-off}
case $GZIP in
on)
	wrk_headers=(-H 'Accept-Encoding: gzip')
	[ -n "${GONGKAI_PAGE_CACHE:-}" ] || { echo "GZIP=on needs GONGKAI_PAGE_CACHE (gongkai compresses cached pages only)" >&2; exit 2; }
	;;
off) wrk_headers=() ;;
*) echo "GZIP must be on or off" >&2; exit 2 ;;
esac

for tool in "$GO" "$NGINX" "$WRK" curl; do
	command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d -t gongkai-bench.XXXXXX)
gk_pid= ngx_pid=

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	for pid in $gk_pid $ngx_pid; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in $gk_pid $ngx_pid; do
		# nginx's master stops its workers on SIGTERM; wait bounded.
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -KILL "$pid" 2>/dev/null || true
	done
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# free_port and wait_http
. "$repo/scripts/common.sh"

echo "building gongkai…" >&2
(cd "$repo" && "$GO" build -o "$work/gongkai" ./cmd/gongkai)

gk_port=$(free_port)
gk="http://127.0.0.1:$gk_port"
# The demo password is printed into the log, which is deleted on exit.
GOMAXPROCS=$CORES "$work/gongkai" serve --demo --addr "127.0.0.1:$gk_port" --data "$work/data" "$gk_access" \
	>"$work/gongkai.log" 2>&1 &
gk_pid=$!
wait_http "$gk/healthz" || { tail -20 "$work/gongkai.log" >&2; exit 1; }

# The pages, exactly as gongkai serves them. nginx's workers may run as
# nobody, so the web root is readable by all.
chmod 755 "$work"
mkdir -m 755 "$work/www"
curl -fsS -o "$work/www/catalog.html" "$gk$CATALOG"
item=$(grep -o 'href="/agencies/[0-9]*/items/[0-9]*"' "$work/www/catalog.html" | head -1 | cut -d'"' -f2)
[ -n "$item" ] || { echo "no item link on $CATALOG" >&2; exit 1; }
curl -fsS -o "$work/www/item.html" "$gk$item"

# gz_copy PATH FILE writes gongkai's gzip-compressed answer for PATH, a
# cache hit now that the page was fetched, to FILE.gz and checks that it
# unpacks to FILE. Twice at most, in case the entry expired in between.
gz_copy() {
	for _ in 1 2; do
		curl -fsS -H 'Accept-Encoding: gzip' -D "$work/gz.head" -o "$2.gz" "$gk$1"
		if grep -qi '^content-encoding: *gzip' "$work/gz.head"; then
			# gzip reads options from $GZIP, which is this script's setting.
			env -u GZIP gzip -dc "$2.gz" | cmp -s - "$2" && return 0
			echo "gongkai's compressed $1 is not the page" >&2
			return 1
		fi
	done
	echo "gongkai did not compress $1" >&2
	return 1
}
if [ "$GZIP" = on ]; then
	gz_copy "$CATALOG" "$work/www/catalog.html"
	gz_copy "$item" "$work/www/item.html"
fi
chmod 644 "$work/www/"*

ngx_port=$(free_port)
while [ "$ngx_port" = "$gk_port" ]; do ngx_port=$(free_port); done
ngx="http://127.0.0.1:$ngx_port"
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes $CORES;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
	access_log $([ "$ACCESS_LOG" = on ] && echo "$work/nginx/logs/access.log" || echo off);
	sendfile on;
	tcp_nopush on;
	keepalive_timeout 65;
	keepalive_requests 1000000;
	client_body_temp_path $work/nginx/tmp/body;
	proxy_temp_path $work/nginx/tmp/proxy;
	fastcgi_temp_path $work/nginx/tmp/fastcgi;
	uwsgi_temp_path $work/nginx/tmp/uwsgi;
	scgi_temp_path $work/nginx/tmp/scgi;
	types { text/html html; }
	charset utf-8;
$([ "$GZIP" = on ] && printf '\t# Serve page.html.gz to clients that accept gzip, with Vary as gongkai.\n\tgzip_static on;\n\tgzip_vary on;')
	server {
		listen 127.0.0.1:$ngx_port;
		root $work/www;
		# The same security headers as gongkai, so both send about the same bytes.
		add_header Content-Security-Policy "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
		add_header Permissions-Policy "camera=(), microphone=(), geolocation=()";
		add_header Referrer-Policy same-origin;
		add_header X-Content-Type-Options nosniff;
		add_header X-Frame-Options DENY;
	}
}
EOF
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/logs/stderr" &
ngx_pid=$!
wait_http "$ngx/catalog.html" || { cat "$work/nginx/logs/stderr" "$work/nginx/logs/error.log" >&2; exit 1; }
cmp -s "$work/www/catalog.html" <(curl -fsS "$ngx/catalog.html") || { echo "nginx serves another page" >&2; exit 1; }
if [ "$GZIP" = on ]; then
	for page in catalog item; do
		cmp -s "$work/www/$page.html.gz" <(curl -fsS -H 'Accept-Encoding: gzip' "$ngx/$page.html") ||
			{ echo "nginx does not serve gongkai's compressed $page page" >&2; exit 1; }
	done
fi

# ms converts wrk's latency (e.g. 812.00us, 4.51ms, 1.02s) to milliseconds.
ms() {
	awk -v v="$1" 'BEGIN {
		n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
		if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
		printf "%.2f", n }'
}

# cpu_ticks PID prints the user + system CPU time, in clock ticks, of the
# process and its child processes (nginx's workers).
cpu_ticks() {
	local t=0 p
	for p in "$1" $(ps -o pid= --ppid "$1"); do
		# Fields after the command name: utime and stime are the 12th and 13th.
		t=$((t + $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
	done
	echo "$t"
}
hz=$(getconf CLK_TCK)

# run NAME URL DURATION PID: runs wrk against the server PID and appends
# "NAME rps p50 p99 cpu-µs-per-request errors" to $work/results.
run() {
	local out rps p50 p99 errs reqs cpu0 cpu
	cpu0=$(cpu_ticks "$4")
	out=$("$WRK" -t"$THREADS" -c"$CONNS" -d"$3" --latency ${wrk_headers[@]+"${wrk_headers[@]}"} "$2")
	cpu=$(($(cpu_ticks "$4") - cpu0))
	rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
	reqs=$(awk '/requests in/ {print $1}' <<<"$out")
	p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
	p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
	errs=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' <<<"$out")
	echo "$1 $rps $p50 $p99 $(awk -v c="$cpu" -v hz="$hz" -v n="$reqs" 'BEGIN {printf "%.1f", c * 1e6 / hz / n}') ${errs:-none}" >>"$work/results"
}

echo "wrk $("$WRK" -v 2>&1 | head -1 | awk '{print $2}'), $("$NGINX" -v 2>&1), $("$GO" version | awk '{print $3}'), $CORES cores (GOMAXPROCS=$CORES, worker_processes $CORES), $(uname -srm)"
echo "wrk -t$THREADS -c$CONNS -d$DURATION --latency (warm-up $WARMUP each); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "access log: $ACCESS_LOG (gongkai $gk_access, nginx access_log $ACCESS_LOG); gongkai page cache: ${GONGKAI_PAGE_CACHE:-off}"
echo "catalog page $CATALOG ($(wc -c <"$work/www/catalog.html") bytes), item page $item ($(wc -c <"$work/www/item.html") bytes)"
if [ "$GZIP" = on ]; then
	echo "gzip: on (wrk sends Accept-Encoding: gzip; both serve gongkai's compressed copies: catalog $(wc -c <"$work/www/catalog.html.gz") bytes, item $(wc -c <"$work/www/item.html.gz") bytes; nginx gzip_static)"
else
	echo "gzip: off (wrk sends no Accept-Encoding; both serve the plain pages)"
fi
echo

for page in catalog item; do
	if [ "$page" = catalog ]; then path=$CATALOG; else path=$item; fi
	: >"$work/results"
	run warm "$gk$path" "$WARMUP" "$gk_pid"
	run warm "$ngx/$page.html" "$WARMUP" "$ngx_pid"
	: >"$work/results"
	for round in $(seq "$ROUNDS"); do
		run "gongkai#$round" "$gk$path" "$DURATION" "$gk_pid"
		run "nginx#$round" "$ngx/$page.html" "$DURATION" "$ngx_pid"
	done
	echo "$page page"
	printf '| %-10s | %10s | %8s | %8s | %10s | %s\n' run "req/s" "p50 ms" "p99 ms" "CPU µs/req" errors
	echo '|------------|------------|----------|----------|------------|-------'
	while read -r name rps p50 p99 cpu errs; do
		printf '| %-10s | %10s | %8s | %8s | %10s | %s\n' "$name" "$rps" "$p50" "$p99" "$cpu" "$errs"
	done <"$work/results"
	awk '{ split($1, k, "#"); rps[k[1], k[2] + 0] = $2; cpu[k[1], k[2] + 0] = $5; n = (k[2] + 0 > n ? k[2] + 0 : n) }
		END {
			for (r = 1; r <= n; r++) {
				ratio = rps["gongkai", r] / rps["nginx", r]; sum += ratio
				cratio = cpu["nginx", r] / cpu["gongkai", r]; csum += cratio
				printf "round %d: gongkai/nginx = %.4f (nginx %.0f× gongkai); CPU per request nginx/gongkai = %.4f\n", r, ratio, 1 / ratio, cratio
			}
			printf "mean ratio gongkai/nginx = %.4f (issue #4 target: at least 0.5); CPU per request nginx/gongkai = %.4f\n\n", sum / n, csum / n
		}' "$work/results"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
