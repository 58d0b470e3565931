#!/usr/bin/env bash
# Load test of `dossier serve` as docs/web.md reports it: starts a server on STORE, runs `dossier bench serve` with 20
# clients over the default ledger paths and over 30 varied paths, and prints latency percentiles plus the server's CPU
# per request (read from /proc, so Linux only). Extra arguments go to `dossier serve` (e.g. --no-cache).
#   usage: scripts/serve-bench.sh STORE PORT [serve options…]     environment: N (requests, default 2000), DOSSIER
set -euo pipefail
dossier=${DOSSIER:-"dotnet src/Dossier.Cli/bin/Release/net10.0/dossier.dll"}
store=$1; port=$2; shift 2
$dossier serve --db "$store" --urls "http://127.0.0.1:$port" "$@" > /dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.5; done
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # user + system clock ticks
varied=()
for measure in fighters killed wounded displaced troops detained; do
  for place in Afghanistan Syria Iraq Libya; do varied+=(--path "/api/claims?measure=$measure&place=$place&limit=100"); done
  varied+=(--path "/api/disagreements?measure=$measure")
done
for set in default varied; do
  extra=(); [ "$set" = varied ] && extra=("${varied[@]}")
  before=$(cpu)
  result=$($dossier bench serve --url "http://127.0.0.1:$port" --clients 20 --requests "${N:-2000}" --max-seconds 120 ${extra[@]+"${extra[@]}"} | tail -2)
  after=$(cpu)
  requests=$(echo "$result" | head -1 | awk '{print $1}' | tr -d ,)
  echo "[$set $*] $result"
  awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "  server CPU: %.2f ms/request (warm-up included); load average %s\n", t * 1000 / hz / n, load }'
done
