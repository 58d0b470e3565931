// Dossier's page. Article text is untrusted: it only ever enters the page as text nodes
// (textContent / createTextNode), never as markup.
"use strict";

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function interval(v) {
  const low = v.low === null ? "-∞" : v.low;
  const high = v.high === null ? "∞" : v.high;
  return (v.low_inclusive ? "[" : "(") + low + ", " + high + (v.high_inclusive ? "]" : ")") + (v.approximate ? "~" : "");
}

// Highlights: entities (underline by type), quotes and claims (background); nested spans are split at boundaries.
function renderArticle(result, text) {
  const container = $("article-text");
  container.replaceChildren();
  const marks = [];
  result.quotes.forEach((q, i) => marks.push({ start: q.start, end: q.end, cls: "quote", id: "quote-" + i }));
  result.claims.forEach((c, i) => marks.push({ start: c.start, end: c.end, cls: "claim", id: "claim-" + i }));
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

function factList(title, items) {
  const facts = $("facts");
  facts.appendChild(element("h2", title));
  const list = element("ul");
  for (const item of items) {
    const li = element("li", item.label);
    if (item.target) {
      li.tabIndex = 0;
      li.addEventListener("click", () => focusEvidence(item.target));
      li.addEventListener("keydown", (event) => { if (event.key === "Enter") focusEvidence(item.target); });
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
  })));
  factList("Claims", result.claims.map((c, i) => ({
    label: (c.subject ? c.subject.text : "?") + ": " + c.measure + " " + interval(c.value) +
      (c.place ? " in " + c.place.text : "") + " — " + (c.claimant ? c.claimant.text : outlet),
    target: "claim-" + i,
  })));
  factList("Actors", result.entities.filter((e) => e.id).map((e) => ({ label: e.name + " (" + e.id + ")" })));
  factList("Places", result.places.map((p) => ({ label: p.text + " → " + p.name + " " + p.lat.toFixed(2) + ", " + p.lon.toFixed(2) })));
}

async function analyze(event) {
  event.preventDefault();
  const text = $("article-input").value;
  const published = $("published-input").value;
  $("status").textContent = "Analysing…";
  const response = await fetch("/api/analyze" + (published ? "?published=" + encodeURIComponent(published) : ""), {
    method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: text,
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    $("status").textContent = (problem.title || "Error") + (problem.detail ? ": " + problem.detail : "");
    return;
  }
  const result = await response.json();
  $("status").textContent = result.sentences.length + " sentences, " + result.quotes.length + " quotes, " + result.claims.length + " claims";
  renderArticle(result, text);
  renderFacts(result);
}

async function ledger(event) {
  if (event) event.preventDefault();
  const query = new URLSearchParams({ about: $("about-input").value, measure: $("measure-input").value, place: $("place-input").value });
  const response = await fetch("/api/claims?" + query);
  const body = $("ledger-table").tBodies[0];
  body.replaceChildren();
  if (!response.ok) { body.appendChild(element("tr")).appendChild(element("td", "No corpus yet: ingest articles first.")); return; }
  for (const c of await response.json()) {
    const row = element("tr");
    [c.published, c.claimant + (c.channel ? " via " + c.channel : ""), c.outlet, c.subject,
     interval(c), c.text].forEach((value) => row.appendChild(element("td", value)));
    body.appendChild(row);
  }
  const list = $("disagreements");
  list.replaceChildren();
  const disagreements = await (await fetch("/api/disagreements?measure=" + encodeURIComponent($("measure-input").value))).json().catch(() => []);
  for (const d of disagreements) {
    list.appendChild(element("li", (d.shift ? "shift — " : "disagreement — ") + d.topic + ": " +
      d.first.claimant + " " + interval(d.first) + " (" + d.first.published + ") vs " + d.second.claimant + " " + interval(d.second) + " (" + d.second.published + ")"));
  }
}

function show(view) {
  $("article-view").hidden = view !== "article";
  $("ledger-view").hidden = view !== "ledger";
  $("show-article").setAttribute("aria-pressed", String(view === "article"));
  $("show-ledger").setAttribute("aria-pressed", String(view === "ledger"));
  if (view === "ledger") ledger();
}

$("analyze-form").addEventListener("submit", analyze);
$("ledger-form").addEventListener("submit", ledger);
$("show-article").addEventListener("click", () => show("article"));
$("show-ledger").addEventListener("click", () => show("ledger"));
