#!/usr/bin/env bash
# Ingest throughput as docs/corpus.md reports it, on two inputs built in a temporary folder (nothing is written to the
# repository):
#   1. syndication: COPIES copies of every article under samples/ (a numbered line appended, so each copy is new
#      content with its metadata sidecar) — one story a hundred times over, the worst case for duplicate linking and
#      quote clustering;
#   2. distinct: the first N article bodies of the Reuters-21578 text in ../shared/data/unlabelled (one per line;
#      skipped with a message when the data is absent), ingested with --layout plain.
# Each goes into a fresh SQLite file; prints dossier's summary (rate, time per article in analysis and storing) and the
# peak resident memory.      usage: scripts/ingest-bench.sh     environment: COPIES (160), N (2000), DOSSIER
set -euo pipefail
dossier=${DOSSIER:-"dotnet src/Dossier.Cli/bin/Release/net10.0/dossier.dll"}
copies=${COPIES:-160}; n=${N:-2000}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/syndication" "$work/distinct"
for text in samples/*/*.txt; do
  name=$(basename "$text" .txt); meta="${text%.txt}.meta.json"
  for i in $(seq "$copies"); do
    { cat "$text"; printf '\nReprint note %d for %s.\n' "$i" "$name"; } > "$work/syndication/$name-$i.txt"
    [ -f "$meta" ] && cp "$meta" "$work/syndication/$name-$i.meta.json"
  done
done
run() {   # label folder [ingest options…]
  local label=$1 folder=$2; shift 2
  echo "== $label: $(find "$folder" -name '*.txt' | wc -l) articles"
  /usr/bin/time -f "peak RSS %M KB, %U s user, %e s wall" $dossier ingest "$folder" --db "$work/$label.db" --quiet "$@"
}
run syndication "$work/syndication"
reuters=../shared/data/unlabelled/reuters21578.body.txt
if [ -f "$reuters" ]; then
  head -n "$n" "$reuters" | awk -v dir="$work/distinct" '{ f = sprintf("%s/r%05d.txt", dir, NR); print > f; close(f) }'
  run distinct "$work/distinct" --layout plain
else
  echo "== distinct: skipped ($reuters is absent)"
fi
