/* eventcoder dashboard: an SVG map (equirectangular, graticule, wheel zoom, drag pan), an SVG timeline stacked by
   type with a brushed date range, filters, an event table and a detail panel. No third-party code, works offline.
   Country, type, actor and text filters are asked of the API; the date range filters the loaded events here. */
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const PAGE = 5000;   // events loaded per query (the API's X-Total-Count says how many match)

// PLOVER types in quad-class order; colours: verbal co-operation greens, material co-operation blues,
// verbal conflict oranges, material conflict reds and purples
const TYPE_COLOURS = {
  AGREE: "#2e7d32", CONSULT: "#66bb6a", SUPPORT: "#9ccc65", CONCEDE: "#26a69a",
  COOPERATE: "#1565c0", AID: "#42a5f5", RETREAT: "#80deea",
  REQUEST: "#f9a825", ACCUSE: "#ef6c00", REJECT: "#ffb74d", THREATEN: "#8d6e63",
  PROTEST: "#ab47bc", SANCTION: "#5e35b1", MOBILIZE: "#78909c", COERCE: "#d81b60", ASSAULT: "#c62828",
};
const TYPE_ORDER = Object.keys(TYPE_COLOURS);
const MARK_KINDS = ["trigger", "actor", "recipient", "claimant", "place", "date", "claim"];

const state = {
  events: [], total: 0, range: null, selected: null, hiddenTypes: new Set(),
  view: null,   // map viewBox [x, y, w, h] in degrees (x = lon, y = -lat)
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const colour = (t) => TYPE_COLOURS[t] || "#555";
const safeUrl = (u) => (typeof u === "string" && /^https?:\/\//i.test(u) ? u : null);
const names = (actors) => (actors || []).map((a) => a.name).join("; ");

// ------------------------------------------------------------------------------------------- API
async function api(path) {
  let resp;
  try {
    resp = await fetch(path, { headers: { Accept: "application/json" } });
  } catch (err) {
    throw new Error(`cannot reach the server (${err.message})`);
  }
  let body = null;
  try { body = await resp.json(); } catch (_) { body = null; }
  if (!resp.ok) {
    const detail = body && body.detail ? body.detail : resp.statusText;
    const e = new Error(`${resp.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
    e.status = resp.status;
    e.retryAfter = Number(resp.headers.get("Retry-After")) || null;
    throw e;
  }
  return { body, headers: resp.headers };
}

function showError(err, retry) {
  const b = $("banner");
  b.replaceChildren(err.message);
  if (retry) b.append(el("button", { type: "button", onclick: () => { b.hidden = true; retry(); } }, "retry"));
  b.hidden = false;
  if (retry && err.status === 503 && err.retryAfter) {
    setTimeout(() => { if (!b.hidden) { b.hidden = true; retry(); } }, err.retryAfter * 1000);
  }
}

function serverQuery() {
  const form = new FormData($("filters"));
  const q = new URLSearchParams();
  for (const key of ["country", "type", "acled_type", "actor", "text"]) {
    const v = (form.get(key) || "").trim();
    if (v) q.set(key, v);
  }
  return q;
}

async function loadTypes() {
  const [{ body: types }, { body: stats }] = await Promise.all([api("/api/types"), api("/api/stats")]);
  for (const t of types.plover) $("f-type").append(el("option", { value: t.type }, t.type));
  for (const t of types.acled) $("f-acled").append(el("option", { value: t }, t));
  for (const [c, n] of Object.entries(stats.filtered.by_country)) {
    if (c !== "unknown") $("f-country").append(el("option", { value: c }, `${c} (${n})`));
  }
  return stats;
}

async function loadEvents() {
  const q = serverQuery();
  q.set("limit", PAGE);
  $("summary").textContent = "loading…";
  try {
    const { body, headers } = await api(`/api/events?${q}`);
    state.events = body;
    state.total = Number(headers.get("X-Total-Count")) || body.length;
    $("banner").hidden = true;
  } catch (err) {
    state.events = [];
    state.total = 0;
    showError(err, loadEvents);
  }
  state.view = null;
  updateDownloads();
  loadRelations();
  if (state.selected && !state.events.some((e) => e.id === state.selected)) state.selected = null;
  render();
}

function updateDownloads() {
  const q = serverQuery();
  if ($("f-since").value) q.set("since", $("f-since").value);
  if ($("f-until").value) q.set("until", $("f-until").value);
  q.set("limit", 50000);
  $("dl-json").href = `/api/events?${q}`;
  $("dl-geojson").href = `/api/events.geojson?${q}`;
}

async function loadRelations() {
  const box = $("relations-box");
  const country = $("f-country").value;
  if (!country) { box.hidden = true; return; }
  try {
    const { body } = await api(`/api/relations/${encodeURIComponent(country)}`);
    $("relations-title").textContent = `Bilateral relations of ${country} (${body.length} changes)`;
    $("relations").tBodies[0].replaceChildren(...body.map((r) => el("tr", {},
      el("td", {}, r.date || "undated"), el("td", {}, r.between.join(" – ")), el("td", {}, r.relation),
      el("td", {}, r.state),
      el("td", {}, (r.event_ids || [r.event_id]).map((id, i) => [i ? ", " : "",
        el("a", { onclick: () => selectEvent(id), title: "show this event" }, id)])))));
    box.hidden = !body.length;
  } catch (err) {
    box.hidden = true;
  }
}

// ------------------------------------------------------------------------------------------- dates
const DAY = 86400000;
const parseDay = (s) => (s ? Date.parse(s + "T00:00:00Z") : NaN);
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

function binStart(t, bin) {
  const d = new Date(t);
  if (bin === "week") return t - ((d.getUTCDay() + 6) % 7) * DAY;   // ISO week: Monday
  if (bin === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return t;
}
function binNext(t, bin) {
  const d = new Date(t);
  if (bin === "week") return t + 7 * DAY;
  if (bin === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return t + DAY;
}

function inRange(e) {
  if (!state.range) return true;
  const start = parseDay(e.date);
  if (Number.isNaN(start)) return false;
  const end = e.date_end ? parseDay(e.date_end) : start;
  return start <= state.range[1] && end >= state.range[0];
}

function visible() {
  return state.events.filter((e) => inRange(e) && !state.hiddenTypes.has(e.event_type));
}

function setRange(range) {
  state.range = range;
  $("f-since").value = range ? isoDay(range[0]) : "";
  $("f-until").value = range ? isoDay(range[1]) : "";
  $("clear-range").disabled = !range;
  syncUrl();
  updateDownloads();
  render();
}

function rangeFromInputs() {
  const a = parseDay($("f-since").value), b = parseDay($("f-until").value);
  if (Number.isNaN(a) && Number.isNaN(b)) return null;
  return [Number.isNaN(a) ? -8.64e15 : a, Number.isNaN(b) ? 8.64e15 : b];
}

// ------------------------------------------------------------------------------------------- render
function render() {
  const shown = visible();
  const located = shown.filter((e) => e.location && e.location.lat != null && e.location.lon != null);
  let summary = `${state.events.length} of ${state.total} events loaded`;
  if (state.total > state.events.length) summary += ` (narrow the filters to see the rest)`;
  if (shown.length !== state.events.length) summary += ` · ${shown.length} shown`;
  $("summary").textContent = summary;
  renderLegend();
  renderMap(located, shown.length - located.length);
  renderTimeline();
  renderList(shown);
}

function renderLegend() {
  const counts = {};
  for (const e of state.events.filter(inRange)) counts[e.event_type] = (counts[e.event_type] || 0) + 1;
  const box = $("legend");
  box.replaceChildren();
  for (const t of TYPE_ORDER.filter((t) => counts[t])) {
    const row = el("div", { class: state.hiddenTypes.has(t) ? "off" : "", title: "click to hide or show",
      onclick: () => { state.hiddenTypes.has(t) ? state.hiddenTypes.delete(t) : state.hiddenTypes.add(t); render(); } },
      el("span", { class: "chip", style: `background:${colour(t)}` }), `${t} (${counts[t]})`);
    box.append(row);
  }
  if (!box.childElementCount) box.append(el("span", { class: "hint" }, "no events"));
  else box.append(el("div", { class: "size" }, "size: fatalities; dashed: placed only to an admin area or country"));
}

// ------------------------------------------------------------------------------------------- map
function mapSize() {
  const r = $("map").getBoundingClientRect();
  return [Math.max(r.width, 100), Math.max(r.height, 100)];
}

function fitView(located) {
  const [cw, ch] = mapSize();
  let x0 = -180, x1 = 180, y0 = -85, y1 = 85;
  if (located.length) {
    const lons = located.map((e) => e.location.lon), lats = located.map((e) => e.location.lat);
    x0 = Math.min(...lons); x1 = Math.max(...lons); y0 = Math.min(...lats); y1 = Math.max(...lats);
    const pad = Math.max((x1 - x0) * 0.15, (y1 - y0) * 0.15, 1.5);
    x0 -= pad; x1 += pad; y0 -= pad; y1 += pad;
  }
  let w = x1 - x0, h = y1 - y0;
  const cx = (x0 + x1) / 2, cy = -(y0 + y1) / 2;
  if (w / h > cw / ch) h = (w * ch) / cw; else w = (h * cw) / ch;   // keep the screen's aspect: no distortion
  state.view = [cx - w / 2, cy - h / 2, w, h];
}

function niceStep(span) {
  for (const s of [0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60]) if (span / s <= 8) return s;
  return 90;
}

function fmtDeg(v, pos, neg) {
  const a = Math.abs(v);
  const s = Number.isInteger(a) ? String(a) : a.toFixed(2).replace(/0+$/, "");
  return v === 0 ? "0°" : `${s}°${v > 0 ? pos : neg}`;
}

function radiusPx(e) {
  const f = e.fatalities && e.fatalities.acled ? e.fatalities.acled : 0;
  return Math.min(4 + 2.2 * Math.sqrt(f), 24);
}

let mapLocated = [];
let mapUnlocated = 0;
let landLayer = null;   // country outlines (built once from /api/basemap)
let capitals = [];

function ringPath(ring) {
  return "M" + ring.map(([lon, lat]) => `${lon},${-lat}`).join("L") + "Z";
}

async function loadBasemap() {
  try {
    const { body } = await api("/api/basemap");
    const g = svg("g", { class: "land" });
    for (const f of body.features || []) {
      const geom = f.geometry;
      const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
      const d = polys.map((rings) => rings.map(ringPath).join("")).join("");
      const path = svg("path", { d, "data-iso3": f.properties.iso3 || "" });
      path.append(svg("title", {}, f.properties.name || f.properties.iso3 || ""));
      g.append(path);
    }
    landLayer = g;
    capitals = body.capitals || [];
    if (state.view) drawMap();
  } catch (err) {
    landLayer = null;   // the map still works: graticule and events only
  }
}

function renderMap(located, unlocated) {
  mapLocated = located;
  mapUnlocated = unlocated;
  if (!state.view) fitView(located);
  drawMap();
}

function drawMap() {
  const map = $("map");
  const [cw] = mapSize();
  const [x, y, w, h] = state.view;
  const k = w / cw;   // degrees per screen pixel
  map.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
  map.setAttribute("preserveAspectRatio", "xMidYMid meet");
  // stroke widths in map units (k per screen pixel), so lines keep their width at every zoom in every renderer
  const grid = svg("g", { "stroke-width": k });
  const step = niceStep(Math.max(w, h));
  const font = 10 * k;
  for (let lon = Math.ceil(x / step) * step; lon <= x + w; lon += step) {
    if (lon < -180 || lon > 180) continue;
    grid.append(svg("line", { class: `graticule${lon % 30 === 0 ? " major" : ""}`, x1: lon, x2: lon,
      y1: Math.max(y, -90), y2: Math.min(y + h, 90) }));
    grid.append(svg("text", { class: "glabel", x: lon + 2 * k, y: y + h - 4 * k, "font-size": font },
      fmtDeg(+lon.toFixed(4), "E", "W")));
  }
  for (let lat = Math.ceil(-(y + h) / step) * step; lat <= -y; lat += step) {
    if (lat < -90 || lat > 90) continue;
    grid.append(svg("line", { class: `graticule${lat === 0 ? " major" : ""}`, y1: -lat, y2: -lat,
      x1: Math.max(x, -180), x2: Math.min(x + w, 180) }));
    grid.append(svg("text", { class: "glabel", x: x + 4 * k, y: -lat - 3 * k, "font-size": font },
      fmtDeg(+lat.toFixed(4), "N", "S")));
  }
  // context without a basemap: each country's code at the centre of its events, place names when zoomed in
  const labels = svg("g", {});
  const byCountry = {};
  for (const e of mapLocated) {
    const c = e.location.country;
    if (!c) continue;
    (byCountry[c] = byCountry[c] || []).push(e.location);
  }
  for (const [c, locs] of Object.entries(byCountry)) {   // above the country's northernmost event
    const lon = locs.reduce((s, l) => s + l.lon, 0) / locs.length;
    const top = locs.reduce((a, l) => Math.max(a, l.lat), -90);
    labels.append(svg("text", { class: "clabel", x: lon, y: -top - 16 * k, "font-size": 15 * k,
      "text-anchor": "middle" }, `${c} · ${locs.length}`));
  }
  const dots = svg("g", {});
  const sorted = [...mapLocated].sort((a, b) => radiusPx(b) - radiusPx(a));   // small circles on top
  const placed = new Set();
  for (const e of sorted) {
    const l = e.location;
    const rough = l.precision && !["point", "near"].includes(l.precision);   // admin area, region or country
    const c = svg("circle", { class: `ev${rough ? " rough" : ""}${e.id === state.selected ? " sel" : ""}`, cx: l.lon, cy: -l.lat,
      r: radiusPx(e) * k, fill: colour(e.event_type), "data-id": e.id,
      "stroke-width": (e.id === state.selected ? 3 : 1) * k, "stroke-dasharray": rough ? `${3 * k} ${2 * k}` : null,
      onclick: (ev) => { ev.stopPropagation(); selectEvent(e.id); } });
    const f = e.fatalities && e.fatalities.acled != null ? `, ${e.fatalities.acled} killed` : "";
    c.append(svg("title", {}, `${e.date || "undated"} ${e.event_type} at ${l.name}` +
      `${rough ? ` (somewhere in this ${l.precision})` : ""}${f}\n${names(e.actor)}` +
      (e.recipient && e.recipient.length ? ` → ${names(e.recipient)}` : "")));
    dots.append(c);
    if (w < 25 && l.name && !placed.has(l.name)) {
      placed.add(l.name);
      labels.append(svg("text", { class: "plabel", x: l.lon + (radiusPx(e) + 3) * k, y: -l.lat + 3.5 * k,
        "font-size": 11 * k, "stroke-width": 3 * k }, l.name));
    }
  }
  const caps = svg("g", {});
  for (const c of capitals) {
    if (c.lon < x || c.lon > x + w || -c.lat < y || -c.lat > y + h) continue;
    caps.append(svg("rect", { class: "capital", x: c.lon - 2 * k, y: -c.lat - 2 * k, width: 4 * k, height: 4 * k }));
    if (w < 70) {
      caps.append(svg("text", { class: "caplabel", x: c.lon + 4 * k, y: -c.lat - 3 * k, "font-size": 10 * k,
        "stroke-width": 2.5 * k }, c.name));
    }
  }
  if (landLayer) {
    landLayer.setAttribute("stroke-width", 0.8 * k);
    const withEvents = new Set(Object.keys(byCountry));
    for (const p of landLayer.children) p.classList.toggle("has-events", withEvents.has(p.dataset.iso3));
  }
  map.replaceChildren(...(landLayer ? [landLayer] : []), grid, caps, labels, dots);
  $("map-note").textContent = `${mapLocated.length} located` +
    (mapUnlocated ? ` · ${mapUnlocated} without coordinates (in the table below)` : "");
}

function zoom(factor, px, py) {
  const [cw, ch] = mapSize();
  const [x, y, w, h] = state.view;
  const fx = px === undefined ? 0.5 : px / cw, fy = py === undefined ? 0.5 : py / ch;
  const nw = Math.min(Math.max(w * factor, 0.05), 400), nh = (nw * h) / w;
  state.view = [x + (w - nw) * fx, y + (h - nh) * fy, nw, nh];
  drawMap();
}

function initMapControls() {
  const map = $("map");
  map.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const r = map.getBoundingClientRect();
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", (ev) => {
    if (ev.target.tagName === "circle") return;
    drag = { x: ev.clientX, y: ev.clientY, view: [...state.view] };
    map.setPointerCapture(ev.pointerId);
    map.classList.add("dragging");
  });
  map.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const [cw] = mapSize();
    const k = drag.view[2] / cw;
    state.view = [drag.view[0] - (ev.clientX - drag.x) * k, drag.view[1] - (ev.clientY - drag.y) * k,
      drag.view[2], drag.view[3]];
    drawMap();
  });
  const end = () => { drag = null; map.classList.remove("dragging"); };
  map.addEventListener("pointerup", end);
  map.addEventListener("pointercancel", end);
  $("zoom-in").addEventListener("click", () => zoom(0.6));
  $("zoom-out").addEventListener("click", () => zoom(1 / 0.6));
  $("zoom-fit").addEventListener("click", () => { fitView(mapLocated); drawMap(); });
  window.addEventListener("resize", () => { if (state.view) { fitView(mapLocated); drawMap(); renderTimeline(); } });
}

// ------------------------------------------------------------------------------------------- timeline
let timelineScale = null;

function chooseBin(t0, t1) {
  const pick = $("bin").value;
  if (pick !== "auto") return pick;
  const days = (t1 - t0) / DAY;
  return days <= 90 ? "day" : days <= 900 ? "week" : "month";
}

function renderTimeline() {
  const tl = $("timeline");
  const width = Math.max(tl.getBoundingClientRect().width, 300), height = 170;
  const m = { l: 34, r: 10, t: 8, b: 24 };
  tl.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const dated = state.events.filter((e) => e.date && !state.hiddenTypes.has(e.event_type));
  if (!dated.length) {
    timelineScale = null;
    tl.replaceChildren(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle" }, "no dated events"));
    return;
  }
  const times = dated.map((e) => parseDay(e.date));
  const bin = chooseBin(Math.min(...times), Math.max(...times));
  const first = binStart(Math.min(...times), bin);
  const bins = [];
  for (let t = first; t <= Math.max(...times); t = binNext(t, bin)) bins.push(t);
  const index = new Map(bins.map((t, i) => [t, i]));
  const counts = bins.map(() => ({}));
  for (const e of dated) {
    const i = index.get(binStart(parseDay(e.date), bin));
    counts[i][e.event_type] = (counts[i][e.event_type] || 0) + 1;
  }
  const totals = counts.map((c) => Object.values(c).reduce((a, b) => a + b, 0));
  const max = Math.max(...totals, 1);
  const iw = width - m.l - m.r, ih = height - m.t - m.b;
  const bw = iw / bins.length;
  const end = binNext(bins[bins.length - 1], bin);
  const xOf = (t) => m.l + ((t - first) / (end - first)) * iw;
  timelineScale = { first, end, xOf, tOf: (px) => first + ((px - m.l) / iw) * (end - first), bin, m, iw,
    width, height };
  const g = svg("g", {});
  g.append(svg("line", { class: "axis", x1: m.l, x2: m.l + iw, y1: m.t + ih, y2: m.t + ih }));
  g.append(svg("line", { class: "axis", x1: m.l, x2: m.l, y1: m.t, y2: m.t + ih }));
  for (const v of [0, Math.ceil(max / 2), max]) {
    if (v === Math.ceil(max / 2) && (v === 0 || v === max)) continue;
    const y = m.t + ih - (v / max) * ih;
    g.append(svg("text", { x: m.l - 4, y: y + 3, "text-anchor": "end" }, v));
  }
  bins.forEach((t, i) => {
    let y = m.t + ih;
    const t1 = binNext(t, bin) - DAY;
    const out = state.range && (t1 < state.range[0] || t > state.range[1]);
    for (const type of TYPE_ORDER) {
      const n = counts[i][type];
      if (!n) continue;
      const h = (n / max) * ih;
      y -= h;
      const bar = svg("rect", { class: `bar${out ? " out" : ""}`, x: xOf(t) + 0.5, y, width: Math.max(bw - 1, 1),
        height: h, fill: colour(type) });
      bar.append(svg("title", {}, `${isoDay(t)}${bin === "day" ? "" : ` – ${isoDay(t1)}`}: ${n} ${type}` +
        ` (${totals[i]} in all)`));
      g.append(bar);
    }
  });
  const every = Math.max(1, Math.ceil(bins.length / Math.max(iw / 70, 1)));
  bins.forEach((t, i) => {
    if (i % every) return;
    const label = bin === "month" ? isoDay(t).slice(0, 7) : isoDay(t).slice(bins.length > 60 ? 0 : 5);
    g.append(svg("text", { x: xOf(t) + bw / 2, y: height - 8, "text-anchor": "middle" }, label));
  });
  if (state.range) {
    const a = Math.max(xOf(state.range[0]), m.l), b = Math.min(xOf(state.range[1] + DAY), m.l + iw);
    if (b > a) g.append(svg("rect", { class: "brush", x: a, y: m.t, width: b - a, height: ih }));
  }
  tl.replaceChildren(g);
}

function initTimelineBrush() {
  const tl = $("timeline");
  let start = null, rect = null;
  const px = (ev) => {   // pointer position in the timeline's own units (its viewBox)
    const r = tl.getBoundingClientRect();
    return ((ev.clientX - r.left) / Math.max(r.width, 1)) * timelineScale.width;
  };
  tl.addEventListener("pointerdown", (ev) => {
    if (!timelineScale) return;
    start = px(ev);
    tl.setPointerCapture(ev.pointerId);
    rect = svg("rect", { class: "brush", x: start, y: timelineScale.m.t, width: 0,
      height: timelineScale.height - timelineScale.m.t - timelineScale.m.b });
    tl.append(rect);
  });
  tl.addEventListener("pointermove", (ev) => {
    if (start === null || !rect) return;
    const x = px(ev);
    rect.setAttribute("x", Math.min(start, x));
    rect.setAttribute("width", Math.abs(x - start));
  });
  tl.addEventListener("pointerup", (ev) => {
    if (start === null || !timelineScale) return;
    const s = timelineScale;
    const clamp = (v) => Math.min(Math.max(v, s.m.l), s.m.l + s.iw - 0.01);
    const a = clamp(Math.min(start, px(ev))), b = clamp(Math.max(start, px(ev)));
    start = null;
    // a click selects the period under the pointer; a drag selects every period it touches
    const t0 = binStart(s.tOf(a), s.bin);
    const lastBin = binStart(s.tOf(b), s.bin);
    setRange([t0, binNext(lastBin, s.bin) - DAY]);
  });
  tl.addEventListener("dblclick", () => setRange(null));
  $("clear-range").addEventListener("click", () => setRange(null));
  $("bin").addEventListener("change", renderTimeline);
}

// ------------------------------------------------------------------------------------------- table
function renderList(shown) {
  const body = $("list").tBodies[0];
  const rows = shown.slice(0, 1000);
  $("list-title").textContent = `Events (${shown.length}${rows.length < shown.length ? `, first ${rows.length}` : ""})`;
  body.replaceChildren(...rows.map((e) => {
    const l = e.location;
    const place = l ? `${l.name}${l.country ? ` (${l.country})` : ""}${l.precision && l.precision !== "point" ? ` · ${l.precision}` : ""}` : "—";
    return el("tr", { class: e.id === state.selected ? "sel" : "", "data-id": e.id, tabindex: 0,
      onclick: () => selectEvent(e.id), onkeydown: (ev) => { if (ev.key === "Enter") selectEvent(e.id); } },
      el("td", {}, e.date || "undated"),
      el("td", {}, el("span", { class: "chip", style: `background:${colour(e.event_type)}` }), " ", e.event_type,
        e.status !== "reported" ? el("span", { class: "tag claim" }, " claimed") : null),
      el("td", {}, names(e.actor) || "?", e.recipient && e.recipient.length ? ` → ${names(e.recipient)}` : ""),
      el("td", {}, place),
      el("td", { class: "num" }, e.fatalities && e.fatalities.acled != null ? e.fatalities.acled : ""),
      el("td", { class: "num" }, e.n_sources));
  }));
}

// ------------------------------------------------------------------------------------------- detail
async function selectEvent(id) {
  state.selected = id;
  if (state.view) drawMap();
  for (const r of document.querySelectorAll("#list tbody tr")) r.classList.toggle("sel", r.dataset.id === id);
  const box = $("detail");
  box.replaceChildren(el("p", { class: "hint" }, "loading…"));
  try {
    const { body } = await api(`/api/events/${encodeURIComponent(id)}`);
    if (state.selected === id) renderDetail(body);
  } catch (err) {
    box.replaceChildren(el("p", { class: "banner" }, err.message));
  }
}

function fieldTable(rows) {
  return el("table", {}, rows.filter(([, v]) => v !== null && v !== undefined && v !== "" &&
    !(Array.isArray(v) && !v.length)).map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v))));
}

function actorRow(a) {
  const bits = [a.country, a.sector].filter(Boolean).join(" ");
  return el("div", {}, a.name, bits ? el("span", { class: "src" }, ` ${bits}`) : null,
    a.kb_id ? el("span", { class: "tag" }, a.kb_id) : null,
    a.known === false ? el("span", { class: "tag claim" }, "not in KB") : null,
    a.acled_inter ? el("span", { class: "src" }, ` inter ${a.acled_inter}`) : null);
}

function marked(text, marks) {
  // split the sentence at every mark boundary; each piece takes the innermost mark covering it
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const cover = marks.filter((m) => m.start <= a && m.end >= b);
    if (!cover.length) { out.push(piece); continue; }
    cover.sort((x, y) => (x.end - x.start) - (y.end - y.start) || MARK_KINDS.indexOf(x.kind) - MARK_KINDS.indexOf(y.kind));
    const inner = cover[0];
    const inClaim = inner.kind !== "claim" && cover.some((m) => m.kind === "claim");
    out.push(el("span", { class: `mk mk-${inner.kind}${inClaim ? " in-claim" : ""}`,
      title: cover.map((m) => m.label).join("\n") }, piece));
  }
  return out;
}

function claimNumber(c) {
  if (c.low != null && c.high != null && c.low !== c.high) return `${c.low}–${c.high}`;
  return c.low != null ? c.low : c.high != null ? c.high : "?";
}

function renderDetail(d) {
  const box = $("detail");
  const loc = d.location;
  const f = d.fatalities || {};
  const title = el("h3", {}, el("span", { class: "chip", style: `background:${colour(d.event_type)}` }),
    d.event_type, d.mode ? el("span", { class: "tag" }, d.mode) : null,
    d.status !== "reported" ? el("span", { class: "tag claim" }, d.status) : null,
    el("span", { class: "src" }, d.date ? `${d.date}${d.date_end && d.date_end !== d.date ? ` – ${d.date_end}` : ""}` : "undated"));
  const parts = [title];
  parts.push(fieldTable([
    ["id", d.id],
    ["date", d.date ? `${d.date}${d.date_end ? ` to ${d.date_end}` : ""} (precision: ${d.date_precision})` : "undated"],
    ["PLOVER", `${d.event_type}${d.mode ? ` / ${d.mode}` : ""}`],
    ["context", (d.context || []).join(", ")],
    ["CAMEO", d.cameo_code],
    ["Goldstein", d.goldstein],
    ["quad class", d.quad_class],
    ["ACLED", d.acled ? `${d.acled.event_type} / ${d.acled.sub_event_type}` : "outside ACLED's scope"],
    ["interaction", d.acled ? d.acled.interaction : null],
    ["geo / time precision", d.acled ? `${d.acled.geo_precision ?? "?"} / ${d.acled.time_precision ?? "?"}` : null],
    ["status", d.status],
    ["claimed by", d.claimant ? d.claimant.name : null],
    ["confidence", d.confidence != null ? Number(d.confidence).toFixed(2) : null],
    ["sources", d.n_sources],
  ]));
  parts.push(el("h4", {}, "Actors"));
  parts.push(fieldTable([
    ["actor", (d.actor || []).length ? d.actor.map(actorRow) : "—"],
    ["recipient", (d.recipient || []).length ? d.recipient.map(actorRow) : "—"],
  ]));
  parts.push(el("h4", {}, "Location"));
  parts.push(loc ? fieldTable([
    ["place", loc.name], ["admin1", loc.admin1], ["country", loc.country],
    ["coordinates", loc.lat != null ? `${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)}` : null],
    ["precision", `${loc.precision}${loc.acled_geo_precision ? ` (ACLED geo ${loc.acled_geo_precision})` : ""}`],
    ["GeoNames id", loc.geonameid],
  ]) : el("p", { class: "hint" }, "no place found"));
  if (loc && loc.lat != null) {
    const here = visible().filter((e) => e.id !== d.id && e.location && e.location.lat === loc.lat &&
      e.location.lon === loc.lon);
    if (here.length) {
      parts.push(el("div", { class: "here src" }, `${here.length} more at this point: `,
        here.slice(0, 20).map((e, i) => [i ? ", " : "", el("a", { onclick: () => selectEvent(e.id),
          title: `${e.event_type} ${names(e.actor)}` }, `${e.date || "undated"} ${e.event_type}`)]),
        here.length > 20 ? " …" : ""));
    }
  }
  parts.push(el("h4", {}, "Fatalities"));
  parts.push(fieldTable([
    ["ACLED count", f.acled ?? "—"],
    ["UCDP low / best / high", `${f.low ?? "—"} / ${f.best ?? "—"} / ${f.high ?? "—"}`],
  ]));
  if ((d.claims || []).length) {
    parts.push(el("h4", {}, `Claims ledger (${d.claims.length})`));
    parts.push(el("table", {},
      el("tr", {}, ["kind", "number", "qualifier", "victims", "claimed by", "party"].map((h) => el("th", {}, h))),
      d.claims.map((c) => el("tr", { title: c.text || "" },
        el("td", {}, c.kind), el("td", {}, claimNumber(c)), el("td", {}, c.qualifier),
        el("td", {}, c.victims || ""), el("td", {}, c.claimant || "reporter"),
        el("td", {}, c.party_to_fight == null ? "" : c.party_to_fight ? "yes" : "no")))));
  }
  parts.push(el("h4", {}, `Evidence (${(d.evidence || []).length} sentences)`));
  parts.push(el("div", { class: "marks-legend" }, MARK_KINDS.map((k) => el("span", { class: `mk mk-${k}` }, k))));
  const byArticle = new Map((d.sources || []).map((s) => [s.article_id, s]));
  for (const ev of d.evidence || []) {
    const src = byArticle.get(ev.article_id) || {};
    const label = ev.title || src.source || (src.origin || "").split(/[\\/]/).pop() || ev.article_id;
    parts.push(el("div", { class: "sentence" },
      el("div", { class: "src" }, label, ` · chars ${ev.start}–${ev.end}`),
      marked(ev.text, ev.marks || [])));
  }
  parts.push(el("h4", {}, `Sources (${(d.sources || []).length} articles)`));
  for (const s of d.sources || []) {
    const url = safeUrl(s.url);
    const name = s.title || s.origin || s.article_id;
    parts.push(el("div", { class: "sentence" },
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, name) : name,
      el("div", { class: "src" }, [s.source, s.published, `article ${s.article_id}`].filter(Boolean).join(" · ")),
      (s.syndicated || []).map((c) => {
        const cu = safeUrl(c.url);
        return el("div", { class: "src" }, "also published by ",
          cu ? el("a", { href: cu, target: "_blank", rel: "noopener noreferrer" }, c.source || c.title || cu)
            : (c.source || c.title || c.id), c.published ? ` (${c.published})` : "");
      })));
  }
  parts.push(el("p", { class: "more" }, el("a", { href: `/api/events/${encodeURIComponent(d.id)}`, target: "_blank" },
    "this event as JSON")));
  box.replaceChildren(...parts);
  box.scrollTop = 0;
}

// ------------------------------------------------------------------------------------------- start
function syncUrl() {
  const q = serverQuery();
  if ($("f-since").value) q.set("since", $("f-since").value);
  if ($("f-until").value) q.set("until", $("f-until").value);
  history.replaceState(null, "", `${location.pathname}${q.toString() ? `?${q}` : ""}`);
}

function restoreFromUrl() {
  const q = new URLSearchParams(location.search);
  for (const [key, id] of [["country", "f-country"], ["type", "f-type"], ["acled_type", "f-acled"],
    ["actor", "f-actor"], ["text", "f-text"], ["since", "f-since"], ["until", "f-until"]]) {
    const v = q.get(key);
    if (!v) continue;
    const input = $(id);
    if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value === v)) input.append(el("option", { value: v }, v));
    input.value = v;
  }
  state.range = rangeFromInputs();
  $("clear-range").disabled = !state.range;
}

async function start() {
  initMapControls();
  loadBasemap();
  initTimelineBrush();
  $("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    state.range = rangeFromInputs();
    $("clear-range").disabled = !state.range;
    syncUrl();
    loadEvents();
  });
  for (const id of ["f-since", "f-until"]) {
    $(id).addEventListener("change", () => {
      state.range = rangeFromInputs();
      $("clear-range").disabled = !state.range;
      syncUrl();
      updateDownloads();
      render();
    });
  }
  $("f-reset").addEventListener("click", () => {
    $("filters").reset();
    state.range = null;
    state.hiddenTypes.clear();
    $("clear-range").disabled = true;
    syncUrl();
    loadEvents();
  });
  try {
    await loadTypes();
  } catch (err) {
    showError(err, () => location.reload());
    $("summary").textContent = "store unavailable";
    return;
  }
  restoreFromUrl();
  await loadEvents();
}

document.addEventListener("DOMContentLoaded", start);
