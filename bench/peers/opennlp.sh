#!/usr/bin/env bash
# Apache OpenNLP's name finder (Debian package 'opennlp') next to Dossier's entity recognizer on
# CoNLL-2003: train on the train split, score on dev, and time tagging. Everything OpenNLP needs
# is written to a temporary folder that is removed on exit; nothing lands in the repository.
#
#   bench/peers/opennlp.sh [TRAIN] [DEV]     (defaults: ../shared/data/conll2003/{train,dev}.txt)
#
# Needs root for apt-get (skipped when opennlp is already installed), python3, and the dotnet SDK.
# OpenNLP's scores come from its own TokenNameFinderEvaluator, which counts exact span+type
# matches: the conlleval definition Dossier uses. Its speed is measured on the dev text repeated
# five times, so JVM start-up and model loading weigh little.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
train="${1:-$repo/../shared/data/conll2003/train.txt}"
dev="${2:-$repo/../shared/data/conll2003/dev.txt}"
for file in "$train" "$dev"; do
  [[ -f "$file" ]] || { echo "error: file '$file' not found." >&2; exit 1; }
done

if ! command -v opennlp >/dev/null; then
  apt-get update -qq && apt-get install -y -qq opennlp >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# CoNLL-2003 (IOB1, conlleval chunk rules) -> OpenNLP: one sentence per line,
# <START:type> ... <END> around names, a blank line between documents.
convert() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys
source, names, plain = sys.argv[1:4]
def chunks(tags):
    out, start, kind = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        t = None if tag == "O" else tag[2:]
        if kind is not None and (t is None or tag.startswith("B-") or t != kind):
            out.append((start, i, kind)); kind = None
        if t is not None and kind is None:
            start, kind = i, t
    return out
with open(source, encoding="utf-8") as f, open(names, "w", encoding="utf-8") as n, open(plain, "w", encoding="utf-8") as p:
    words, tags = [], []
    def flush():
        if not words: return
        opening = {s: k for s, _, k in chunks(tags)}
        closing = {e for _, e, _ in chunks(tags)}
        line = []
        for i, w in enumerate(words + [None]):
            if i in closing: line.append("<END>")
            if w is None: break
            if i in opening: line.append(f"<START:{opening[i].lower()}>")
            line.append(w)
        n.write(" ".join(line) + "\n"); p.write(" ".join(words) + "\n")
        words.clear(); tags.clear()
    for raw in f:
        cols = raw.split()
        if not cols: flush(); continue
        if cols[0] == "-DOCSTART-": flush(); n.write("\n"); continue
        words.append(cols[0]); tags.append(cols[-1])
    flush()
PY
}
convert "$train" "$work/train.opennlp" "$work/train.txt"
convert "$dev" "$work/dev.opennlp" "$work/dev.txt"
tokens=$(wc -w < "$work/dev.txt")

echo "== OpenNLP $(dpkg-query -W -f='${Version}' opennlp 2>/dev/null || echo '?') name finder (maxent, default features, 100 iterations)"
start=$(date +%s.%N)
opennlp TokenNameFinderTrainer -model "$work/ner.bin" -lang en -data "$work/train.opennlp" -encoding UTF-8 > "$work/train.log" 2>&1 \
  || { tail -20 "$work/train.log" >&2; exit 1; }
echo "training: $(echo "$(date +%s.%N) - $start" | bc) s"
opennlp TokenNameFinderEvaluator -model "$work/ner.bin" -data "$work/dev.opennlp" -encoding UTF-8 > "$work/eval.log" 2>&1 \
  || { tail -20 "$work/eval.log" >&2; exit 1; }
grep -v -E '^(Loading|Evaluating|Average|Total|Runtime|Execution|$)' "$work/eval.log" || true
for _ in 1 2 3 4 5; do cat "$work/dev.txt"; done > "$work/dev5.txt"
# Wall clock and CPU time (user + system, all JVM threads), as 'dossier eval ner' reports both.
TIMEFORMAT='%R %U %S'
{ time opennlp TokenNameFinder "$work/ner.bin" < "$work/dev5.txt" > /dev/null 2>&1; } 2> "$work/time.txt"
read -r real user system < "$work/time.txt"
echo "speed: $(echo "5 * $tokens / $real" | bc) tokens/s wall clock, $(echo "5 * $tokens / ($user + $system)" | bc) tokens/s of CPU time (dev x5, one JVM, start-up included)"

echo "== Dossier"
cd "$repo"
dotnet build src/Dossier.Cli -c Release -v quiet -nologo > /dev/null
dotnet src/Dossier.Cli/bin/Release/net10.0/dossier.dll eval ner --conll "$dev"
