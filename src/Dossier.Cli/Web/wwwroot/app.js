// Dossier's page: no framework, hash routes (#/, #/article/ID, #/actor/ID, #/ledger, #/map, #/search/WORDS).
// Article text and everything derived from stored documents is untrusted: it only ever enters the page
// as text nodes (textContent / createTextNode) or as attribute values we build, never as markup.
"use strict";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
const VIEWS = ["article", "actor", "ledger", "map", "search"];

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// A link to one of our own routes; the route part is always encoded, so no value can become a javascript: URL.
function routeLink(text, view, id) {
  const a = element("a", text);
  a.setAttribute("href", "#/" + view + "/" + encodeURIComponent(String(id)));
  return a;
}

function interval(v) {
  const low = v.low === null ? "-∞" : v.low;
  const high = v.high === null ? "∞" : v.high;
  return (v.low_inclusive ? "[" : "(") + low + ", " + high + (v.high_inclusive ? "]" : ")") + (v.approximate ? "~" : "");
}

function say(message) { $("status").textContent = message; }

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error((problem.title || "Error " + response.status) + (problem.detail ? ": " + problem.detail : ""));
  }
  return response.json();
}

// ---- article view -------------------------------------------------------------------------------------

// An event's actor is an object ({actor, cameo, name|text}) or a plain name.
function actorName(side) {
  if (!side) return "?";
  if (typeof side === "string") return side;
  return side.name || side.text || side.actor || side.id || "?";
}

// Highlights: entities (underline by type), quotes, claims and events (background); nested spans are split at boundaries.
function renderArticle(result, text) {
  const container = $("article-text");
  container.replaceChildren();
  const marks = [];
  result.quotes.forEach((q, i) => marks.push({ start: q.start, end: q.end, cls: "quote", id: "quote-" + i }));
  result.claims.forEach((c, i) => marks.push({ start: c.start, end: c.end, cls: "claim", id: "claim-" + i }));
  (result.events || []).forEach((e, i) => marks.push({ start: e.start, end: e.end, cls: "event", id: "event-" + i }));
  result.entities.forEach((e) => e.mentions.forEach((m) => marks.push({ start: m.start, end: m.end, cls: "entity-" + m.type })));
  for (const paragraph of result.paragraphs) {
    const p = element("p", null, paragraph.role);
    const cuts = new Set([paragraph.start, paragraph.end]);
    for (const m of marks) {
      if (m.end > paragraph.start && m.start < paragraph.end) {
        cuts.add(Math.max(m.start, paragraph.start));
        cuts.add(Math.min(m.end, paragraph.end));
      }
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k + 1 < points.length; k++) {
      const [from, to] = [points[k], points[k + 1]];
      let node = document.createTextNode(text.slice(from, to));
      for (const m of marks) {
        if (m.start <= from && m.end >= to) {
          const wrap = element("mark", null, m.cls);
          if (m.id && m.start === from) wrap.id = m.id;
          wrap.appendChild(node);
          node = wrap;
        }
      }
      p.appendChild(node);
    }
    container.appendChild(p);
  }
}

function focusEvidence(id) {
  const target = document.getElementById(id);
  if (!target) return;
  document.querySelectorAll("mark.focused").forEach((m) => m.classList.remove("focused"));
  target.classList.add("focused");
  target.scrollIntoView({ block: "center" });
}

function factList(title, items, id) {
  const facts = $("facts");
  facts.appendChild(element("h2", title));
  const list = element("ul");
  if (id) list.id = id;
  for (const item of items) {
    const li = element("li", item.label);
    if (item.target) {
      li.tabIndex = 0;
      li.addEventListener("click", () => focusEvidence(item.target));
      li.addEventListener("keydown", (event) => { if (event.key === "Enter") focusEvidence(item.target); });
    }
    if (item.actor) {
      li.textContent = "";
      li.appendChild(routeLink(item.label, "actor", item.actor));
    }
    list.appendChild(li);
  }
  facts.appendChild(list);
}

function renderFacts(result) {
  $("facts").replaceChildren();
  const outlet = result.document.outlet || "the outlet";
  factList("Quotes", result.quotes.map((q, i) => ({
    label: (q.speaker_mention ? q.speaker_mention.text : q.source ? q.source.text : "?") +
      (q.channel_mention ? " → " + q.channel_mention.text : "") + " → " + outlet + ": " + q.text,
    target: "quote-" + i,
  })), "facts-quotes");
  factList("Claims", result.claims.map((c, i) => ({
    label: (c.subject ? c.subject.text : "?") + ": " + c.measure + " " + interval(c.value) +
      (c.place ? " in " + c.place.text : "") + " — " + (c.claimant ? c.claimant.text : outlet),
    target: "claim-" + i,
  })), "facts-claims");
  factList("Events", (result.events || []).map((e, i) => ({
    label: e.code + " " + e.name + ": " + actorName(e.source) + " → " + actorName(e.target) + (e.negated ? " (did not happen)" : ""),
    target: "event-" + i,
  })), "facts-events");
  factList("Actors", result.entities.filter((e) => e.id).map((e) => ({ label: e.name + " (" + e.id + ")", actor: e.id })), "facts-actors");
  factList("Places", (result.places || []).map((p) => ({ label: p.text + " → " + p.name + " " + p.lat.toFixed(2) + ", " + p.lon.toFixed(2) })), "facts-places");
}

async function analyze(event) {
  event.preventDefault();
  const text = $("article-input").value;
  const published = $("published-input").value;
  say("Analysing…");
  const response = await fetch("/api/analyze" + (published ? "?published=" + encodeURIComponent(published) : ""), {
    method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: text,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    say((problem.title || "Error") + (problem.detail ? ": " + problem.detail : ""));
    return;
  }
  const result = await response.json();
  say(result.sentences.length + " sentences, " + result.quotes.length + " quotes, " + result.claims.length + " claims");
  renderArticle(result, text);
  renderFacts(result);
}

// A stored analysis carries its paragraphs, not the raw text: rebuild a text with the same offsets
// (gaps between paragraphs become line breaks, which no highlight covers).
function textOf(result) {
  let text = "";
  for (const p of result.paragraphs) text += "\n".repeat(Math.max(0, p.start - text.length)) + p.text;
  return text;
}

async function showStoredArticle(id) {
  $("analyze-form").hidden = true;
  say("Loading…");
  try {
    const result = await getJson("/api/documents/" + encodeURIComponent(id));
    performance.mark("article-data");
    renderArticle(result, textOf(result));
    renderFacts(result);
    say((result.document.title || "Document " + id) + " — " + (result.document.outlet || "?") + ", " + (result.document.published || "undated"));
    performance.mark("article-rendered");
  } catch (error) {
    $("article-text").replaceChildren();
    $("facts").replaceChildren();
    say(error.message);
  }
}

// ---- actor page ---------------------------------------------------------------------------------------

function section(container, title, items, render) {
  container.appendChild(element("h3", title + " (" + items.length + ")"));
  const list = element("ul");
  for (const item of items) list.appendChild(render(item));
  container.appendChild(list);
}

function claimItem(c) {
  return element("li", (c.published || "undated") + " — " + c.claimant + (c.channel ? " via " + c.channel : "") + " (" + (c.outlet || "?") + "): " +
    (c.subject || "?") + " " + (c.measure || "") + " " + interval(c) + " “" + c.text + "”");
}

async function showActor(id) {
  say("Loading…");
  $("actor-name").textContent = "";
  $("actor-summary").textContent = "";
  $("actor-facts").replaceChildren();
  try {
    const page = await getJson("/api/actors/" + encodeURIComponent(id));
    const a = page.actor;
    $("actor-name").textContent = a.name;
    $("actor-summary").textContent = a.id + (a.type ? " · " + a.type : "") + (a.country ? " · " + a.country : "") + (a.cameo ? " · CAMEO " + a.cameo : "") +
      " · " + a.documents + " documents, " + a.mentions + " mentions, " + a.quotes + " quotes, " + a.claims + " claims";
    const facts = $("actor-facts");
    section(facts, "Quotes by " + a.name, page.quotes, (q) => {
      const li = element("li", (q.published || "undated") + " — " + (q.outlet || "?") + (q.channel ? " via " + q.channel : "") + ": “" + q.text + "” ");
      li.appendChild(routeLink("article", "article", q.document_id));
      return li;
    });
    section(facts, "Claims by " + a.name, page.claims_by, claimItem);
    section(facts, "Claims about " + a.name, page.claims_about, claimItem);
    section(facts, "Events", page.events, (e) => {
      const li = element("li", (e.date || e.published || "undated") + " — " + e.code + " " + e.name + ": " + (e.source || "?") + " → " + (e.target || "?") + " “" + e.text + "” ");
      li.appendChild(routeLink("article", "article", e.document_id));
      return li;
    });
    say("");
  } catch (error) {
    say(error.message);
  }
}

// ---- claim ledger -------------------------------------------------------------------------------------

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];

// Claimed values over time: one vertical bar per claim from its low to its high end at its publication
// date, one colour per claimant; an open end runs to the edge of the chart; claims in a disagreement get a red ring.
function drawTimeline(claims, disagreements) {
  const figure = $("timeline");
  figure.replaceChildren();
  const dated = claims.filter((c) => c.published);
  if (dated.length === 0) { figure.appendChild(element("p", "No dated claims.")); return; }
  const W = 900, H = 320, left = 70, right = 20, top = 20, bottom = 40;
  const days = dated.map((c) => Date.parse(c.published));
  let [t0, t1] = [Math.min(...days), Math.max(...days)];
  if (t0 === t1) { t0 -= 86400000; t1 += 86400000; }
  const values = dated.flatMap((c) => [c.low, c.high]).filter((v) => v !== null && Number.isFinite(v));
  const vmax = Math.max(1, ...values) * 1.1;
  const x = (t) => left + (W - left - right) * (t - t0) / (t1 - t0);
  const y = (v) => top + (H - top - bottom) * (1 - Math.min(v, vmax) / vmax);
  const chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img" });
  chart.appendChild(svg("title", {}, "Claimed values over time"));
  chart.appendChild(svg("line", { x1: left, y1: H - bottom, x2: W - right, y2: H - bottom, stroke: "#333" }));
  chart.appendChild(svg("line", { x1: left, y1: top, x2: left, y2: H - bottom, stroke: "#333" }));
  for (let k = 0; k <= 4; k++) {
    const v = vmax * k / 4;
    chart.appendChild(svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, Math.round(v).toLocaleString("en")));
  }
  chart.appendChild(svg("text", { x: left, y: H - 12 }, new Date(t0).toISOString().slice(0, 10)));
  chart.appendChild(svg("text", { x: W - right, y: H - 12, "text-anchor": "end" }, new Date(t1).toISOString().slice(0, 10)));
  const disputed = new Set(disagreements.flatMap((d) => [d.first, d.second]).map((c) => c.document + "#" + c.start));
  const claimants = [...new Set(dated.map((c) => c.claimant))];
  const colour = (name) => PALETTE[claimants.indexOf(name) % PALETTE.length];
  const offsets = new Map();
  for (const c of dated) {
    const day = Date.parse(c.published);
    const n = offsets.get(day) || 0; // claims on one day stand side by side
    offsets.set(day, n + 1);
    const cx = x(day) + (n - 2) * 6;
    const low = c.low === null ? 0 : c.low;
    const bar = svg("line", { x1: cx, x2: cx, y1: y(low), y2: c.high === null ? top : y(c.high), stroke: colour(c.claimant), "stroke-width": 4, "stroke-linecap": "round",
      "stroke-dasharray": c.high === null || c.approximate ? "6 3" : "none", class: "claim-bar" });
    bar.appendChild(svg("title", {}, c.claimant + " (" + (c.outlet || "?") + ", " + c.published + "): " + interval(c) + " “" + c.text + "”"));
    chart.appendChild(bar);
    if (disputed.has(c.document + "#" + c.start)) {
      chart.appendChild(svg("circle", { cx, cy: c.high === null ? top : y(c.high), r: 7, fill: "none", stroke: "#b00020", "stroke-width": 2, class: "disputed" }));
    }
  }
  figure.appendChild(chart);
  const legend = element("ul", null, "legend");
  for (const name of claimants) {
    const li = element("li");
    const swatch = element("span", null, "swatch");
    swatch.style.backgroundColor = colour(name);
    li.append(swatch, document.createTextNode(name));
    legend.appendChild(li);
  }
  const ring = element("li", "red ring: part of a disagreement", "disagreement");
  legend.appendChild(ring);
  figure.appendChild(legend);
}

async function ledger(event) {
  if (event) event.preventDefault();
  const filters = { about: $("about-input").value, measure: $("measure-input").value, place: $("place-input").value,
    claimant: $("claimant-input").value, from: $("from-input").value, to: $("to-input").value };
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const body = $("ledger-table").tBodies[0];
  body.replaceChildren();
  $("disagreements").replaceChildren();
  let claims, disagreements;
  try {
    claims = await getJson("/api/claims?" + query + "&limit=500");
    query.delete("claimant");
    disagreements = await getJson("/api/disagreements?" + query + "&limit=500");
  } catch (error) {
    body.appendChild(element("tr")).appendChild(element("td", error.message));
    $("timeline").replaceChildren();
    return;
  }
  for (const c of claims) {
    const row = element("tr");
    const who = element("td");
    if (c.claimant_actor) who.appendChild(routeLink(c.claimant, "actor", c.claimant_actor)); else who.textContent = c.claimant;
    if (c.channel) who.appendChild(document.createTextNode(" via " + c.channel));
    row.append(element("td", c.published), who);
    [c.outlet, c.subject, interval(c), c.text].forEach((value) => row.appendChild(element("td", value)));
    body.appendChild(row);
  }
  for (const d of disagreements) {
    $("disagreements").appendChild(element("li", (d.shift ? "shift — " : "disagreement — ") + d.topic + ": " +
      d.first.claimant + " " + interval(d.first) + " (" + d.first.published + ") vs " + d.second.claimant + " " + interval(d.second) + " (" + d.second.published + ")"));
  }
  drawTimeline(claims, disagreements);
}

// ---- map ----------------------------------------------------------------------------------------------

let world = null;

// Equirectangular: the shapes file is already projected to x = lon + 180, y = 90 - lat.
const project = (lon, lat) => [lon + 180, 90 - lat];

async function showMap() {
  say("Loading…");
  const figure = $("map");
  figure.replaceChildren();
  $("map-places").replaceChildren();
  $("map-events").replaceChildren();
  world = world || await getJson("/world.json");
  const map = svg("svg", { viewBox: "0 0 360 180", role: "img" });
  map.appendChild(svg("title", {}, "World map of places mentioned"));
  for (const country of world.countries) {
    const shape = svg("path", { d: country.d });
    shape.appendChild(svg("title", {}, country.name));
    map.appendChild(shape);
  }
  figure.appendChild(map);
  let places = { features: [] }, events = [];
  try {
    [places, events] = await Promise.all([getJson("/api/places?limit=500"), getJson("/api/events?limit=500")]);
  } catch (error) {
    say(error.message);
    return;
  }
  const byDocument = new Map();
  for (const f of places.features) {
    const [px, py] = project(f.geometry.coordinates[0], f.geometry.coordinates[1]);
    const dot = svg("circle", { cx: px, cy: py, r: 1.3, class: "place" });
    dot.appendChild(svg("title", {}, f.properties.text + " → " + f.properties.name + (f.properties.title ? " (" + f.properties.title + ")" : "")));
    map.appendChild(dot);
    const li = element("li", f.properties.name + " — “" + f.properties.text + "” in ");
    li.appendChild(routeLink(f.properties.title || f.properties.document_key, "article", f.properties.document));
    $("map-places").appendChild(li);
    const list = byDocument.get(f.properties.document) || [];
    list.push(f);
    byDocument.set(f.properties.document, list);
  }
  // An event's place is a name; it is drawn where the same document's geoparsed mention of that name is.
  for (const e of events) {
    if (!e.place) continue;
    const wanted = e.place.toLowerCase();
    const match = (byDocument.get(e.document_id) || []).find((f) => f.properties.name.toLowerCase() === wanted || f.properties.text.toLowerCase() === wanted);
    if (!match) continue;
    const [px, py] = project(match.geometry.coordinates[0], match.geometry.coordinates[1]);
    const mark = svg("rect", { x: px - 1, y: py - 1, width: 2, height: 2, transform: "rotate(45 " + px + " " + py + ")", class: "event" });
    mark.appendChild(svg("title", {}, e.code + " " + e.name + ": " + (e.source || "?") + " → " + (e.target || "?") + " in " + e.place));
    map.appendChild(mark);
    const li = element("li", e.code + " " + e.name + ": " + (e.source || "?") + " → " + (e.target || "?") + " in " + e.place + " — ");
    li.appendChild(routeLink("article", "article", e.document_id));
    $("map-events").appendChild(li);
  }
  say(places.features.length + " place mentions, " + $("map-events").children.length + " events placed");
}

// ---- search -------------------------------------------------------------------------------------------

function documentItem(d) {
  const li = element("li");
  li.appendChild(routeLink(d.title || d.key, "article", d.id));
  li.appendChild(document.createTextNode(" — " + (d.outlet || "?") + ", " + (d.published || "undated") + (d.snippet ? ": " + d.snippet : "")));
  return li;
}

async function showSearch(words) {
  $("search-input").value = words;
  $("search-title").textContent = words ? "Documents matching “" + words + "”" : "Documents";
  $("search-documents").replaceChildren();
  $("search-actors").replaceChildren();
  const more = $("search-more");
  more.hidden = true;
  say("Searching…");
  try {
    let page = await getJson("/api/documents?" + new URLSearchParams(words ? { q: words, limit: 20 } : { limit: 20 }));
    const append = (p) => {
      p.items.forEach((d) => $("search-documents").appendChild(documentItem(d)));
      more.hidden = !p.next;
      more.onclick = async () => { page = await getJson(p.next); append(page); };
    };
    append(page);
    const actors = await getJson("/api/actors?" + new URLSearchParams(words ? { q: words, limit: 20 } : { limit: 20 }));
    for (const a of actors) {
      const li = element("li");
      li.appendChild(routeLink(a.name, "actor", a.id));
      li.appendChild(document.createTextNode(" — " + a.documents + " documents, " + a.quotes + " quotes, " + a.claims + " claims"));
      $("search-actors").appendChild(li);
    }
    say("");
  } catch (error) {
    say(error.message);
  }
}

// ---- routing ------------------------------------------------------------------------------------------

function show(view) {
  for (const name of VIEWS) $(name + "-view").hidden = name !== view;
  const current = { article: "show-article", ledger: "show-ledger", map: "show-map", search: "show-documents" }[view];
  document.querySelectorAll("nav a").forEach((a) => (a.id === current ? a.setAttribute("aria-current", "page") : a.removeAttribute("aria-current")));
}

async function route() {
  const [, view = "", ...rest] = location.hash.split("/");
  const argument = decodeURIComponent(rest.join("/"));
  say("");
  switch (view) {
    case "article":
      show("article");
      await showStoredArticle(argument);
      break;
    case "actor":
      show("actor");
      await showActor(argument);
      break;
    case "ledger":
      show("ledger");
      await ledger();
      break;
    case "map":
      show("map");
      await showMap();
      break;
    case "search":
      show("search");
      await showSearch(argument);
      break;
    default:
      show("article");
      $("analyze-form").hidden = false;
  }
  document.body.dataset.route = location.hash || "#/";
}

$("analyze-form").addEventListener("submit", analyze);
$("ledger-form").addEventListener("submit", ledger);
$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  location.hash = "#/search/" + encodeURIComponent($("search-input").value.trim());
});
window.addEventListener("hashchange", route);
route();
