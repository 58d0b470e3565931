// Converts world-atlas's TopoJSON (countries-110m.json) into the compact file the page draws its map from:
// one SVG path per country in an equirectangular projection (x = longitude + 180, y = 90 - latitude, in
// degrees), coordinates rounded to 0.1 degree with repeated points dropped. No dependencies: TopoJSON is
// decoded here (quantised, delta-encoded arcs; negative indices mean the arc reversed, ~index).
// Usage: node world-shapes.mjs countries-110m.json > world.json
import { readFileSync } from "node:fs";

const topology = JSON.parse(readFileSync(process.argv[2], "utf8"));
const [scaleX, scaleY] = topology.transform.scale;
const [translateX, translateY] = topology.transform.translate;

// Absolute coordinates of every arc, decoded once.
const arcs = topology.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx; y += dy;
    return [x * scaleX + translateX, y * scaleY + translateY];
  });
});

function ring(indices) {
  const points = [];
  for (const index of indices) {
    const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
    // Consecutive arcs share their joining point; keep it once.
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

const round = (value) => Math.round(value * 10) / 10;

// A ring that crosses the antimeridian (Fiji, Chukotka) jumps from x = 360 to x = 0 and would draw a line
// across the whole map. Unwrapping it (keeping every step under 180°) makes it continuous but partly
// outside 0–360, so it is drawn twice, once shifted by 360°, and the viewBox clips both copies. A ring
// that does not close once unwrapped (Antarctica runs round the pole) is left as it is.
function unwrapped(points) {
  const out = [points[0].slice()];
  for (let i = 1; i < points.length; i++) {
    let [x, y] = points[i];
    const previous = out[i - 1][0];
    while (x - previous > 180) x -= 360;
    while (x - previous < -180) x += 360;
    out.push([x, y]);
  }
  const closes = Math.abs(out[out.length - 1][0] - out[0][0]) < 1e-6;
  const crosses = out.some(([x], i) => x !== points[i][0]);
  if (!closes || !crosses) return [points];
  const shift = out.some(([x]) => x < 0) ? 360 : -360;
  return [out, out.map(([x, y]) => [x + shift, y])];
}

function path(rings) {
  let d = "";
  for (const indices of rings) {
    for (const copy of unwrapped(ring(indices).map(([lon, lat]) => [lon + 180, 90 - lat]))) {
      const projected = [];
      for (const [x, y] of copy) {
        const point = [round(x), round(y)];
        const last = projected[projected.length - 1];
        if (!last || last[0] !== point[0] || last[1] !== point[1]) projected.push(point);
      }
      if (projected.length < 3) continue; // a ring that collapses at 0.1° is smaller than a pixel on the page
      d += "M" + projected.map(([x, y]) => x + " " + y).join("L") + "Z";
    }
  }
  return d;
}

const countries = [];
for (const geometry of topology.objects.countries.geometries) {
  const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
  const d = polygons.map(path).join("");
  if (d) countries.push({ id: geometry.id ?? null, name: geometry.properties?.name ?? null, d });
}

countries.sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "", "en"));
process.stdout.write(JSON.stringify({
  source: "world-atlas countries-110m (Natural Earth 1:110m admin-0 countries, public domain; world-atlas ISC)",
  projection: "equirectangular: x = longitude + 180, y = 90 - latitude (degrees); viewBox 0 0 360 180",
  countries,
}) + "\n");
