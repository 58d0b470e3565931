#!/usr/bin/env bash
# Rebuilds src/Dossier.Cli/Web/wwwroot/world.json, the country shapes of the map view, from the npm package
# world-atlas (TopoJSON of Natural Earth's 1:110m countries). Needs node and npm; fetches the pinned
# version into a temporary folder and converts it with scripts/world-shapes.mjs. The output is committed,
# so building Dossier never needs npm.
set -euo pipefail
version="${WORLD_ATLAS_VERSION:-2.0.2}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "world-atlas@$version" >/dev/null && tar xzf "world-atlas-$version.tgz")
node "$root/scripts/world-shapes.mjs" "$work/package/countries-110m.json" > "$root/src/Dossier.Cli/Web/wwwroot/world.json"
echo "wrote src/Dossier.Cli/Web/wwwroot/world.json from world-atlas@$version ($(wc -c < "$root/src/Dossier.Cli/Web/wwwroot/world.json") bytes)"
