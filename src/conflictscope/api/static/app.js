// conflictscope page: map clusters, timeline brush, list and event panel over the REST API.
// Every text that comes from the store is inserted with textContent (never innerHTML): article
// text is untrusted. The whole view state lives in the URL query string.
"use strict";

(function () {
  const TYPES = [
    ["Battles", "B", "#c62828"],
    ["Explosions/Remote violence", "E", "#ef6c00"],
    ["Violence against civilians", "V", "#6a1b9a"],
    ["Protests", "P", "#2e7d32"],
    ["Riots", "R", "#00838f"],
    ["Strategic developments", "S", "#455a64"],
  ];
  const TYPE_INFO = new Map(TYPES.map(([name, letter, colour]) => [name, { letter, colour }]));
  const FILTERS = ["event_type", "sub_event_type", "actor", "country", "min_confidence", "background", "since", "until"];
  const { $, el } = window.conflictscopeDom;
  const state = new URLSearchParams(location.search);
  const inputs = {
    event_type: $("f-type"), sub_event_type: $("f-sub"), actor: $("f-actor"), country: $("f-country"),
    min_confidence: $("f-conf"), background: $("f-bg"), since: $("f-since"), until: $("f-until"),
  };
  let map, clusterLayer, tileLayer, listCursor = null, loadSerial = 0;
  window.conflictscope = { ready: false, timings: {} };

  function status(text) { $("status").textContent = text || ""; }

  async function api(path, params) {
    const url = params ? `${path}?${params}` : path;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${response.status} on ${path}`);
    return response.json();
  }

  function filterParams(extra) {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = state.get(name);
      if (value) params.set(name, value);
    }
    for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
    return params;
  }

  function saveState() {
    const url = `${location.pathname}?${state.toString()}`;
    history.replaceState(null, "", url);
  }

  // -- filters --------------------------------------------------------------
  function setupFilters() {
    for (const [name] of TYPES) inputs.event_type.append(new Option(name, name));
    for (const [name, input] of Object.entries(inputs)) {
      input.value = state.get(name) || (name === "background" ? "any" : "");
      input.addEventListener("change", () => {
        if (input.value && !(name === "background" && input.value === "any")) state.set(name, input.value);
        else state.delete(name);
        saveState();
        refresh({ timeline: !["since", "until"].includes(name) });
      });
    }
    $("clear-dates").addEventListener("click", () => setDates(null, null));
    $("f-tiles").checked = state.get("tiles") === "1";
    $("f-tiles").addEventListener("change", () => {
      if ($("f-tiles").checked) state.set("tiles", "1"); else state.delete("tiles");
      saveState();
      applyTiles();
    });
  }

  async function loadSubTypes() {
    const params = filterParams({ period: "year" });
    params.delete("sub_event_type");
    const found = await api("/api/aggregates", params);
    const current = state.get("sub_event_type") || "";
    const select = inputs.sub_event_type;
    select.replaceChildren(new Option("any", ""));
    const names = new Set(Object.keys(found.by_sub_type));
    if (current) names.add(current);
    for (const name of [...names].sort()) select.append(new Option(name, name));
    select.value = current;
  }

  function setDates(since, until) {
    for (const [name, value] of [["since", since], ["until", until]]) {
      if (value) state.set(name, value); else state.delete(name);
      inputs[name].value = value || "";
    }
    saveState();
    refresh({ timeline: false });
  }

  // -- map ------------------------------------------------------------------
  function setupMap() {
    const lat = parseFloat(state.get("lat") || "20"), lon = parseFloat(state.get("lon") || "20");
    const zoom = parseInt(state.get("z") || "2", 10);
    map = L.map("map", { worldCopyJump: false, minZoom: 1, maxZoom: 14, keyboard: true }).setView([lat, lon], zoom);
    clusterLayer = L.layerGroup().addTo(map);
    map.on("moveend", () => {
      const c = map.getCenter();
      state.set("lat", c.lat.toFixed(3)); state.set("lon", c.lng.toFixed(3)); state.set("z", String(map.getZoom()));
      saveState();
      loadClusters(); loadList();
    });
    applyTiles();
    const legend = $("legend");
    for (const [name, letter, colour] of TYPES) {
      const item = el("li");
      const swatch = el("span", letter, "swatch");
      swatch.style.background = colour;
      item.append(swatch, el("span", name));
      legend.append(item);
    }
    legend.append(el("li", "Size: deaths (and events); number: events"));
  }

  async function loadOutlines() {
    const world = await fetch("/vendor/world-atlas/countries-110m.json").then((r) => r.json());
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, { style: { color: "#78909c", weight: 1, fillColor: "#eceff1", fillOpacity: 1 }, interactive: false })
      .addTo(map).bringToBack();
  }

  function applyTiles() {
    if ($("f-tiles").checked && !tileLayer) {
      tileLayer = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 19, attribution: "© OpenStreetMap contributors" }).addTo(map);
    } else if (!$("f-tiles").checked && tileLayer) {
      map.removeLayer(tileLayer); tileLayer = null;
    }
  }

  function viewBox() {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
            clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(4)).join(",");
  }

  async function loadClusters() {
    const serial = ++loadSerial;
    const started = performance.now();
    const found = await api("/api/clusters", filterParams({ zoom: map.getZoom(), bbox: viewBox() }));
    if (serial !== loadSerial) return;
    clusterLayer.clearLayers();
    for (const c of found.clusters) {
      const info = TYPE_INFO.get(c.event_type) || { letter: "?", colour: "#000" };
      const size = Math.round(Math.min(60, 16 + 4 * Math.sqrt(c.deaths) + 3 * Math.log2(c.count)));
      const node = el("div", c.count > 1 ? `${info.letter}${c.count}` : info.letter, "cluster");
      node.style.background = info.colour;
      node.style.width = node.style.height = `${size}px`;
      const label = `${c.count} event(s), mostly ${c.event_type}, ${c.deaths} death(s)`;
      const marker = L.marker([c.latitude, c.longitude], {
        icon: L.divIcon({ html: node, className: "", iconSize: [size, size] }), title: label, alt: label, keyboard: true,
      });
      marker.on("click", () => {
        if (c.event_id) openEvent(c.event_id);
        else map.fitBounds([[c.bbox[1], c.bbox[0]], [c.bbox[3], c.bbox[2]]]);
      });
      clusterLayer.addLayer(marker);
    }
    window.conflictscope.timings.clusters = performance.now() - started;
    window.conflictscope.clusterTotal = found.total;
  }

  // -- timeline -------------------------------------------------------------
  let buckets = [];
  async function loadTimeline() {
    const params = filterParams({ period: "month" });
    params.delete("since"); params.delete("until");
    const found = await api("/api/aggregates", params);
    buckets = fillMonths(found.timeline);
    $("timeline-total").textContent = `(${found.events} events, ${found.deaths} deaths)`;
    drawTimeline();
  }

  // Every month from the first to the last (empty months too), so the axis is continuous.
  function fillMonths(timeline) {
    if (!timeline.length) return [];
    const byStart = new Map(timeline.map((b) => [b.start, b]));
    const out = [];
    let [y, m] = timeline[0].start.split("-").map(Number);
    const last = timeline[timeline.length - 1].start;
    for (let guard = 0; guard < 1200; guard++) {
      const start = `${y}-${String(m).padStart(2, "0")}-01`;
      out.push(byStart.get(start) || { start, events: 0, deaths: 0 });
      if (start >= last) break;
      m += 1; if (m > 12) { m = 1; y += 1; }
    }
    return out;
  }

  function drawTimeline() {
    const svg = $("timeline");
    const width = svg.clientWidth || 600, height = svg.clientHeight || 110;
    svg.replaceChildren();
    if (!buckets.length) return;
    const max = Math.max(...buckets.map((b) => b.events));
    const step = width / buckets.length;
    const since = state.get("since"), until = state.get("until");
    const ns = "http://www.w3.org/2000/svg";
    buckets.forEach((b, i) => {
      const bar = document.createElementNS(ns, "rect");
      const h = Math.max(1, (height - 14) * b.events / max);
      bar.setAttribute("x", String(i * step)); bar.setAttribute("width", String(Math.max(1, step - 1)));
      bar.setAttribute("y", String(height - 12 - h)); bar.setAttribute("height", String(h));
      const inRange = (!since || b.start >= since.slice(0, 7) + "-01") && (!until || b.start <= until);
      bar.setAttribute("class", inRange && (since || until) ? "bar in" : "bar");
      const title = document.createElementNS(ns, "title");
      title.textContent = `${b.start.slice(0, 7)}: ${b.events} events, ${b.deaths} deaths`;
      bar.append(title);
      svg.append(bar);
    });
    for (const i of [0, buckets.length - 1]) {
      const text = document.createElementNS(ns, "text");
      text.setAttribute("x", String(i === 0 ? 2 : width - 52)); text.setAttribute("y", String(height - 1));
      text.setAttribute("font-size", "10");
      text.textContent = buckets[i].start.slice(0, 7);
      svg.append(text);
    }
  }

  function setupBrush() {
    const svg = $("timeline");
    let startX = null, rect = null;
    const indexAt = (x) => Math.max(0, Math.min(buckets.length - 1, Math.floor(x / (svg.clientWidth / buckets.length))));
    svg.addEventListener("pointerdown", (e) => {
      if (!buckets.length) return;
      startX = e.offsetX;
      rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
      rect.setAttribute("class", "brush"); rect.setAttribute("y", "0"); rect.setAttribute("height", String(svg.clientHeight));
      svg.append(rect);
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener("pointermove", (e) => {
      if (startX === null) return;
      rect.setAttribute("x", String(Math.min(startX, e.offsetX)));
      rect.setAttribute("width", String(Math.abs(e.offsetX - startX)));
    });
    svg.addEventListener("pointerup", (e) => {
      if (startX === null) return;
      const a = indexAt(Math.min(startX, e.offsetX)), b = indexAt(Math.max(startX, e.offsetX));
      startX = null;
      const first = buckets[a].start;
      const lastStart = new Date(buckets[b].start + "T00:00:00Z");
      const end = new Date(Date.UTC(lastStart.getUTCFullYear(), lastStart.getUTCMonth() + 1, 0));
      setDates(first, end.toISOString().slice(0, 10));
    });
  }

  // -- list -----------------------------------------------------------------
  async function loadList(more) {
    const params = filterParams({ bbox: viewBox(), limit: 50, sort: "-date" });
    if (more && listCursor) params.set("cursor", listCursor);
    const found = await api("/api/events", params);
    const list = $("list");
    if (!more) list.replaceChildren();
    for (const e of found.events) {
      const item = el("li");
      const button = el("button");
      button.type = "button";
      const info = TYPE_INFO.get(e.event_type) || { letter: "?", colour: "#000" };
      button.style.borderLeftColor = info.colour;
      button.append(el("strong", `${e.event_date || "undated"} · ${e.sub_event_type}`), document.createElement("br"),
        el("span", `${e.actor1 || "?"}${e.actor2 ? " vs " + e.actor2 : ""} — ${e.location || e.country || "no place"}`),
        el("span", e.fatalities ? ` · ${e.fatalities} dead` : ""));
      button.dataset.eventId = e.event_id;
      button.addEventListener("click", () => openEvent(e.event_id));
      item.append(button);
      list.append(item);
    }
    listCursor = found.next_cursor;
    $("more").hidden = !listCursor;
    $("list-count").textContent = `(${list.children.length}${listCursor ? "+" : ""})`;
  }

  // -- event panel ----------------------------------------------------------
  let currentArticle = null;
  async function openEvent(id) {
    const detail = await api(`/api/events/${encodeURIComponent(id)}`);
    state.set("event", id); saveState();
    const e = detail.event;
    $("panel").hidden = false;
    $("panel-title").textContent = `${e.event_date || "undated"} — ${e.sub_event_type} (${e.event_type})`;
    $("panel-summary").textContent = `${e.location || "?"}, ${e.country || "?"} · confidence ${Number(e.confidence).toFixed(2)} · ` +
      `${detail.provenance.source_count || 1} source(s) · ${detail.mentions.length} report(s) · ` +
      `${e.is_background ? "background (told as history)" : "current"}`;
    const body = $("panel-fields").tBodies[0];
    body.replaceChildren();
    const review = window.conflictscopeReview;
    for (const [name, field] of Object.entries(detail.fields)) {
      const empty = field.value === null || field.value === "" || (Array.isArray(field.value) && !field.value.length);
      if (empty && !(review && review.correctable(name))) continue;
      const row = el("tr");
      row.dataset.name = name;
      const value = Array.isArray(field.value) ? field.value.map((v) => (typeof v === "object" ? v.publisher || v.article_id : v)).join("; ") : field.value;
      row.append(el("td", name), el("td", value), el("td", `${field.article_id || ""}${field.support ? ` (${field.support} agree)` : ""}`));
      if (field.evidence.length) {
        row.className = "has-evidence";
        row.tabIndex = 0;
        row.dataset.field = name;
        const show = () => highlight(name, field.article_id);
        row.addEventListener("mouseenter", show);
        row.addEventListener("focus", show);
        row.addEventListener("mouseleave", () => highlight(null));
        row.addEventListener("blur", () => highlight(null));
      }
      body.append(row);
    }
    const sources = $("panel-sources");
    sources.replaceChildren();
    for (const s of e.sources) {
      sources.append(el("li", `${s.publisher || s.article_id}${s.published ? ", " + s.published : ""} — ${s.certainty}` +
        `${s.attributed_to ? ", according to " + s.attributed_to : ""}${s.url ? " — " + s.url : ""}`));
    }
    const overrides = $("panel-overrides");
    overrides.replaceChildren();
    for (const o of detail.overrides) overrides.append(el("li", `${o.created_at} ${o.kind} by ${o.author || "?"}: ${o.reason}`));
    if (!detail.overrides.length) overrides.append(el("li", "none"));
    if (review) review.decorate(detail, async (next) => { await openEvent(next); await refresh({ timeline: false }); });
    window.conflictscope.mentions = detail.mentions.map((m) => m.event_id);
    await showArticle(e.article_id);
    $("close-panel").focus();
  }

  async function showArticle(articleId) {
    if (currentArticle && currentArticle.article_id === articleId) return;
    const article = await api(`/api/articles/${encodeURIComponent(articleId)}`);
    currentArticle = article;
    $("article-title").textContent = `“${article.title}” (${article.publisher || article.article_id})`;
    const mentions = new Set(window.conflictscope.mentions || []);
    const spans = article.spans.filter((s) => mentions.has(s.event_id) && s.field !== "sources");
    // Cut the text at every span boundary; each piece lists the fields whose evidence covers it.
    const cuts = new Set([0, article.text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const box = $("article-text");
    box.replaceChildren();
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const text = article.text.slice(a, b);
      const fields = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.field);
      if (!fields.length) { box.append(document.createTextNode(text)); continue; }
      const mark = el("mark", text);
      mark.dataset.fields = [...new Set(fields)].join(" ");
      mark.title = `evidence: ${mark.dataset.fields}`;
      box.append(mark);
    }
  }

  async function highlight(field, articleId) {
    if (field && articleId && (!currentArticle || currentArticle.article_id !== articleId)) await showArticle(articleId);
    for (const row of $("panel-fields").tBodies[0].rows) row.classList.toggle("active", row.dataset.field === field);
    let first = null;
    for (const mark of $("article-text").querySelectorAll("mark")) {
      const on = !!field && mark.dataset.fields.split(" ").includes(field);
      mark.classList.toggle("active", on);
      if (on && !first) first = mark;
    }
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  function closePanel() {
    $("panel").hidden = true;
    state.delete("event"); saveState();
  }

  // -- start ----------------------------------------------------------------
  async function refresh(options) {
    try {
      status("loading…");
      const jobs = [loadClusters(), loadList()];
      if (!options || options.timeline !== false) jobs.push(loadTimeline(), loadSubTypes());
      else drawTimeline();
      await Promise.all(jobs);
      status("");
    } catch (error) {
      status(`could not load: ${error.message}`);
    }
  }

  async function start() {
    const started = performance.now();
    setupFilters();
    if (window.conflictscopeReview) window.conflictscopeReview.setupToken();
    setupMap();
    setupBrush();
    $("more").addEventListener("click", () => loadList(true));
    $("close-panel").addEventListener("click", closePanel);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !$("panel").hidden) closePanel(); });
    window.addEventListener("resize", drawTimeline);
    try {
      await Promise.all([loadOutlines(), refresh()]);
      if (state.get("event")) await openEvent(state.get("event"));
    } catch (error) {
      status(`could not load: ${error.message}`);
    }
    window.conflictscope.timings.interactive = performance.now() - started;
    window.conflictscope.ready = true;
  }

  start();
})();
