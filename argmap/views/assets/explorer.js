// The argmap explorer: pan, zoom, collapse, search, filters and details for one rendered map.
// Everything it shows comes from the inline SVG and the JSON data block; user text is only
// ever set with textContent. Page elements are found by class inside header/main/aside,
// never by id, so that no statement id can shadow them.
"use strict";
(function () {
  const data = JSON.parse(document.querySelector("script.argmap-data").textContent);
  const body = document.body;
  const map = document.querySelector("main.map");
  const svg = map.querySelector("svg");
  const graph = svg.querySelector("g.graph");
  const panel = document.querySelector("aside.panel");
  const details = panel.querySelector(".details");
  const textPane = panel.querySelector(".text-pane");
  const gapsPane = panel.querySelector(".gaps-pane");
  const header = document.querySelector("header.bar");
  const search = header.querySelector("input.search");
  const searchCount = header.querySelector(".search-count");
  const zoomLevel = header.querySelector(".zoom-level");
  const filterForm = header.querySelector("form.filters");
  const SVGNS = "http://www.w3.org/2000/svg";

  // --- the drawing -------------------------------------------------------------------------
  const byId = new Map();
  for (const g of graph.children) if (g.tagName === "g" && g.id) byId.set(g.id, g);
  const nodes = new Map(); // statement id -> <g>
  for (const id of data.order) {
    const g = byId.get(id);
    if (g && g.classList.contains("statement")) nodes.set(id, g);
  }
  const down = new Map();
  const up = new Map();
  const edges = [];
  for (const [id, upper, lower] of data.edges) {
    if (!down.has(upper)) down.set(upper, []);
    if (!up.has(lower)) up.set(lower, []);
    down.get(upper).push(lower);
    up.get(lower).push(upper);
    edges.push([byId.get(id), upper, lower]);
  }
  const drawn = [...nodes.keys(), ...Object.keys(data.steps), ...edges.flatMap((e) => [e[1], e[2]])];
  const everyNode = [...new Set(drawn)];
  const roots = everyNode.filter((n) => !up.has(n));
  if (!roots.includes(data.conclusion) && nodes.has(data.conclusion)) roots.unshift(data.conclusion);
  {
    // nodes only reachable round a cycle: treat them as roots so they are always drawn
    const reached = reachable(roots, new Set());
    for (const n of everyNode) if (!reached.has(n)) { roots.push(n); for (const m of reachable([n], new Set())) reached.add(m); }
  }

  function reachable(from, stopAt) {
    const seen = new Set();
    const stack = [...from];
    while (stack.length) {
      const n = stack.pop();
      if (seen.has(n)) continue;
      seen.add(n);
      if (stopAt.has(n)) continue;
      for (const c of down.get(n) || []) if (!seen.has(c)) stack.push(c);
    }
    return seen;
  }

  function kindName(info) {
    let kind = info.kind === "assumption" ? "assumption" : info.kind;
    if (info.reconstructed) kind = "reconstructed " + kind;
    else if (info.implicit) kind = "implicit " + kind;
    return kind + (info.given ? " (given)" : "");
  }

  // --- the view: scale (pixels per SVG unit) and centre, written as the SVG's viewBox -------
  const full = svg.viewBox.baseVal;
  const box = { x: full.x, y: full.y, w: full.width || 1, h: full.height || 1 };
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  const view = { s: 1, cx: box.x + box.w / 2, cy: box.y + box.h / 2 };
  let fitScale = 1;

  function size() {
    return { w: Math.max(map.clientWidth, 1), h: Math.max(map.clientHeight, 1) };
  }

  function draw() {
    const { w, h } = size();
    svg.setAttribute("viewBox", [view.cx - w / 2 / view.s, view.cy - h / 2 / view.s, w / view.s, h / view.s].join(" "));
    cull(w, h);
    // 100% is the drawing's own size: one point of Graphviz's SVG is 4/3 of a CSS pixel
    zoomLevel.value = Math.round((view.s * 3) / 4 * 100) + "%";
    map.dataset.scale = view.s.toFixed(5);
    map.dataset.x = view.cx.toFixed(2);
    map.dataset.y = view.cy.toFixed(2);
  }

  function clampScale(s) {
    return Math.min(8, Math.max(Math.min(fitScale, 0.5) / 4, s));
  }

  function fit() {
    const { w, h } = size();
    fitScale = Math.min((w - 24) / box.w, (h - 24) / box.h);
    if (!(fitScale > 0)) fitScale = 1;
    view.s = fitScale;
    view.cx = box.x + box.w / 2;
    view.cy = box.y + box.h / 2;
    draw();
  }

  function zoomAt(factor, clientX, clientY) {
    const r = map.getBoundingClientRect();
    const { w, h } = size();
    const px = clientX === undefined ? w / 2 : clientX - r.left;
    const py = clientY === undefined ? h / 2 : clientY - r.top;
    const ux = view.cx + (px - w / 2) / view.s;
    const uy = view.cy + (py - h / 2) / view.s;
    view.s = clampScale(view.s * factor);
    view.cx = ux - (px - w / 2) / view.s;
    view.cy = uy - (py - h / 2) / view.s;
    draw();
  }

  function panBy(dx, dy) {
    view.cx -= dx / view.s;
    view.cy -= dy / view.s;
    draw();
  }

  const toRoot = graph.transform.baseVal.consolidate();
  const graphMatrix = toRoot ? toRoot.matrix : svg.createSVGMatrix();

  // --- level of detail: text is laid out only where it can be read -----------------------
  // Laying out the text of 2,000 statements was most of what opening a big map cost, and at
  // the scale that fits such a map in the window no letter of it can be read. So the page
  // comes with the text of every group undrawn (main.map.sparse, see the stylesheet), and
  // each view draws the text of the groups in or near the window once it is legible.
  const LEGIBLE = 0.18; // pixels per point: an 11 pt line is then 2 px high
  let boxes = null; // [group, x0, y0, x1, y1] in the SVG's units, measured when first needed
  const near = new Set();

  function measure() {
    boxes = [];
    for (const g of byId.values()) {
      if (!g.getElementsByTagName("text").length) continue;
      const b = g.getBBox(); // without its text: the shapes hold it
      const p = new DOMPoint(b.x, b.y).matrixTransform(graphMatrix);
      const q = new DOMPoint(b.x + b.width, b.y + b.height).matrixTransform(graphMatrix);
      boxes.push([g, Math.min(p.x, q.x), Math.min(p.y, q.y), Math.max(p.x, q.x), Math.max(p.y, q.y)]);
    }
  }

  function cull(w, h) {
    if (!map.classList.contains("sparse")) return;
    const wanted = new Set();
    if (view.s >= LEGIBLE) {
      if (!boxes) measure();
      // the window and half a window more on each side, so that a pan shows text at once
      const mx = w / view.s;
      const my = h / view.s;
      for (const [g, x0, y0, x1, y1] of boxes) {
        // a hidden group measures nothing: draw its text, it costs nothing until it is shown
        const unknown = x0 === x1 && y0 === y1;
        if (unknown || (x1 >= view.cx - mx && x0 <= view.cx + mx && y1 >= view.cy - my && y0 <= view.cy + my)) wanted.add(g);
      }
    }
    for (const g of near) if (!wanted.has(g)) { g.classList.remove("near"); near.delete(g); }
    for (const g of wanted) if (!near.has(g)) { g.classList.add("near"); near.add(g); }
  }

  function centre(g, keepScale) {
    const b = g.getBBox();
    const p = new DOMPoint(b.x + b.width / 2, b.y + b.height / 2).matrixTransform(graphMatrix);
    // close enough to read: the node a third of the window wide, at most 75% (1 px a point)
    const readable = Math.min(size().w / 3 / Math.max(b.width, 1), 1);
    if (!keepScale && view.s < readable) view.s = clampScale(readable);
    view.cx = p.x;
    view.cy = p.y;
    draw();
  }

  map.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? size().h : 1;
      const dy = event.deltaY * unit;
      if (event.shiftKey && !event.ctrlKey) { panBy(-dy, 0); return; }
      // a trackpad pinch arrives as a wheel event with ctrlKey: small deltas, zoom faster
      zoomAt(Math.exp(-dy * (event.ctrlKey ? 0.01 : 0.0015)), event.clientX, event.clientY);
    },
    { passive: false },
  );

  // drag to pan (mouse, pen or one finger); two fingers pinch; a drag is not a click
  const pointers = new Map();
  let dragged = false;
  let pinch = null;
  map.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY, x0: event.clientX, y0: event.clientY });
    dragged = false;
    if (pointers.size === 2) pinch = pinchState();
  });
  map.addEventListener("pointermove", (event) => {
    const p = pointers.get(event.pointerId);
    if (!p) return;
    if (pointers.size === 2 && pinch) {
      p.x = event.clientX;
      p.y = event.clientY;
      const now = pinchState();
      panBy(now.mx - pinch.mx, now.my - pinch.my);
      zoomAt(now.d / pinch.d, now.mx, now.my);
      pinch = now;
      dragged = true;
      return;
    }
    const dx = event.clientX - p.x;
    const dy = event.clientY - p.y;
    if (!dragged && Math.hypot(event.clientX - p.x0, event.clientY - p.y0) < 4) return;
    if (!dragged) {
      dragged = true;
      map.setPointerCapture(event.pointerId);
      map.classList.add("dragging");
    }
    p.x = event.clientX;
    p.y = event.clientY;
    panBy(dx, dy);
  });
  function pointerEnd(event) {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = null;
    if (!pointers.size) map.classList.remove("dragging");
  }
  map.addEventListener("pointerup", pointerEnd);
  map.addEventListener("pointercancel", pointerEnd);
  function pinchState() {
    const [a, b] = [...pointers.values()];
    return { d: Math.max(Math.hypot(a.x - b.x, a.y - b.y), 1), mx: (a.x + b.x) / 2, my: (a.y + b.y) / 2 };
  }

  for (const button of header.querySelectorAll(".zoom button")) {
    button.addEventListener("click", () => {
      const how = button.dataset.zoom;
      if (how === "in") zoomAt(1.25);
      else if (how === "out") zoomAt(1 / 1.25);
      else if (how === "fit") fit();
      else if (how === "expand") { collapsed.clear(); apply(); }
    });
  }

  window.addEventListener("resize", () => draw());

  // --- collapsing --------------------------------------------------------------------------
  const collapsed = new Set();
  const toggles = new Map(); // statement id -> toggle <g>
  // the toggles are in the SVG already (drawn by argmap, not measured here: that is slow)
  for (const t of graph.querySelectorAll("g.node.statement > g.toggle")) {
    if (nodes.has(t.parentNode.id)) toggles.set(t.parentNode.id, t);
  }

  function drawToggle(id, hidden) {
    const t = toggles.get(id);
    if (!t) return;
    const shut = collapsed.has(id);
    const label = shut ? "+" + hidden + " more" : "\u2212";
    const width = shut ? 10 + label.length * 5.6 : 13;
    const rect = t.querySelector("rect");
    rect.setAttribute("x", String(-width / 2));
    rect.setAttribute("y", "-6.5");
    rect.setAttribute("width", String(width));
    rect.setAttribute("height", "13");
    rect.setAttribute("rx", "6.5");
    t.querySelector("text").textContent = label;
    t.querySelector("title").textContent = shut ? "Expand: show the " + hidden + " statements below" : "Collapse the branch below " + id;
    t.classList.toggle("shut", shut);
    nodes.get(id).setAttribute("aria-expanded", shut ? "false" : "true");
  }

  function toggle(id) {
    if (!toggles.has(id)) return;
    if (collapsed.has(id)) collapsed.delete(id);
    else collapsed.add(id);
    apply();
  }

  let visible = reachable(roots, collapsed);
  function apply() {
    visible = reachable(roots, collapsed);
    boxes = null; // what was hidden measured nothing: measure again when needed
    for (const [id, g] of byId) {
      if (nodes.has(id) || id in data.steps || down.has(id) || up.has(id)) g.classList.toggle("hidden", !visible.has(id));
    }
    for (const [id, members] of data.groups) {
      const g = byId.get(id);
      if (g) g.classList.toggle("hidden", !members.some((n) => visible.has(n)));
    }
    for (const [g, upper, lower] of edges) {
      if (g) g.classList.toggle("hidden", !(visible.has(upper) && visible.has(lower)) || collapsed.has(upper));
    }
    for (const id of toggles.keys()) {
      let hidden = 0;
      if (collapsed.has(id)) {
        for (const n of reachable(down.get(id) || [], new Set())) if (nodes.has(n) && !visible.has(n)) hidden += 1;
      }
      drawToggle(id, hidden);
    }
    body.dataset.collapsed = String(collapsed.size);
  }

  function reveal(id) {
    // expand every collapsed statement that hides ``id``
    while (!visible.has(id)) {
      const hiding = [...collapsed].filter((c) => visible.has(c) && reachable([c], new Set()).has(id));
      if (!hiding.length) break;
      for (const c of hiding) collapsed.delete(c);
      apply();
    }
  }

  // --- selection and the details panel -----------------------------------------------------
  let selected = null;
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function field(list, name, value) {
    list.append(el("dt", "", name));
    const dd = el("dd");
    if (typeof value === "string") dd.textContent = value;
    else dd.append(value);
    list.append(dd);
  }

  function neighbours(id, links) {
    // statements next to ``id`` through junctions: above (what it supports) or below
    const out = [];
    const stack = [...(links.get(id) || [])];
    const seen = new Set();
    while (stack.length) {
      const n = stack.shift();
      if (seen.has(n)) continue;
      seen.add(n);
      if (nodes.has(n)) out.push(n);
      else stack.push(...(links.get(n) || []));
    }
    return out;
  }

  function jumpList(ids) {
    const span = el("span", "jumps");
    for (const n of ids) {
      const b = el("button", "jump", n);
      b.type = "button";
      b.title = data.statements[n].text;
      b.addEventListener("click", () => select(n, { centre: true, focus: true }));
      span.append(b, " ");
    }
    return span;
  }

  function select(id, how) {
    const info = data.statements[id];
    if (!info) return;
    how = how || {};
    if (selected && nodes.has(selected)) {
      nodes.get(selected).classList.remove("selected");
      nodes.get(selected).setAttribute("aria-selected", "false");
    }
    selected = id;
    reveal(id);
    const g = nodes.get(id);
    if (g) {
      g.classList.add("selected");
      g.setAttribute("aria-selected", "true");
      if (how.centre) centre(g);
      if (how.focus) g.focus({ preventScroll: true });
    }
    if (how.hash !== false && decodeURIComponent(location.hash.slice(1)) !== id) {
      history.replaceState(null, "", "#" + encodeURIComponent(id));
    }
    showDetails(id, info);
    highlightText(info);
    if (how.tab) showTab(how.tab);
  }

  function showDetails(id, info) {
    details.replaceChildren();
    details.append(el("div", "kind", kindName(info) + " \u00b7 " + id));
    if (info.title) details.append(el("h2", "title", info.title));
    details.append(el("p", "text", info.text));
    if (info.quote) details.append(el("blockquote", "quote", "\u201c" + info.quote + "\u201d"));
    const list = el("dl");
    if (info.at) {
      const link = el("button", "jump", "\u00b6" + info.at);
      link.type = "button";
      link.title = "Show in the source text";
      link.addEventListener("click", () => { showTab("text"); highlightText(info, true); });
      field(list, "Paragraphs", link);
    }
    if (info.basis) field(list, "Basis", info.basis);
    if (info.source) field(list, "Source", info.source);
    if (info.verdict) field(list, "Verdict", info.why || info.verdict);
    else if (info.label) field(list, "Label", info.label);
    if (info.note) field(list, "Note", info.note);
    const above = neighbours(id, up);
    const below = neighbours(id, down);
    if (above.length) field(list, info.kind === "objection" ? "Against" : "Supports", jumpList(above));
    if (below.length) field(list, "Below it", jumpList(below));
    details.append(list);
    if (toggles.has(id)) {
      const b = el("button", "collapse", collapsed.has(id) ? "Expand the branch" : "Collapse the branch");
      b.type = "button";
      b.addEventListener("click", () => { toggle(id); showDetails(id, info); });
      details.append(b);
    }
    if (info.gaps.length) {
      details.append(el("h3", "", "Gaps"));
      const ul = el("ul", "node-gaps");
      for (const gap of info.gaps) {
        const li = el("li", gap.severity);
        li.append(el("span", "code", gap.code + " "), el("span", "severity", gap.severity + " \u00b7 " + gap.family));
        li.append(el("div", "message", gap.message), el("div", "hint", gap.hint));
        ul.append(li);
      }
      details.append(ul);
    } else {
      details.append(el("p", "none", "No gaps on this node."));
    }
  }

  // the source text: the statement's paragraphs highlighted, its quote marked in them
  const paragraphs = new Map();
  for (const p of textPane.querySelectorAll("p.para")) paragraphs.set(Number(p.dataset.para), p);
  function highlightText(info, scroll) {
    for (const p of textPane.querySelectorAll("p.para.hl")) {
      p.classList.remove("hl");
      const t = p.querySelector(".pt");
      t.textContent = t.textContent;
    }
    const anchors = (info.anchors || []).filter((n) => paragraphs.has(n));
    const pieces = (info.quote || "").split(/\s*(?:\.\.\.|\u2026)\s*/).map((s) => s.trim()).filter((s) => s.length > 2);
    for (const n of anchors) {
      const p = paragraphs.get(n);
      p.classList.add("hl");
      markQuote(p.querySelector(".pt"), pieces);
    }
    if (anchors.length && scroll !== false) {
      const first = paragraphs.get(anchors[0]);
      const mark = first.querySelector("mark") || first;
      textPane.scrollTop = mark.offsetTop - textPane.offsetTop - 24;
    }
  }

  function markQuote(span, pieces) {
    const text = span.textContent;
    const lower = text.toLowerCase();
    const ranges = [];
    for (const piece of pieces) {
      const at = lower.indexOf(piece.toLowerCase());
      if (at >= 0) ranges.push([at, at + piece.length]);
    }
    if (!ranges.length) return;
    ranges.sort((a, b) => a[0] - b[0]);
    const parts = [];
    let pos = 0;
    for (const [a, b] of ranges) {
      if (a < pos) continue;
      parts.push(document.createTextNode(text.slice(pos, a)), el("mark", "", text.slice(a, b)));
      pos = b;
    }
    parts.push(document.createTextNode(text.slice(pos)));
    span.replaceChildren(...parts);
  }

  // tabs: the source text and the gap list
  const tabs = panel.querySelectorAll('.tabs [role="tab"]');
  function showTab(name) {
    for (const t of tabs) t.setAttribute("aria-selected", String(t.dataset.tab === name));
    for (const pane of panel.querySelectorAll("[data-pane]")) pane.hidden = pane.dataset.pane !== name;
  }
  for (const t of tabs) t.addEventListener("click", () => showTab(t.dataset.tab));

  for (const button of gapsPane.querySelectorAll("button[data-node]")) {
    button.addEventListener("click", () => {
      const id = button.dataset.node;
      if (data.statements[id]) select(id, { centre: true, focus: false });
      else if (byId.has(id)) centre(byId.get(id));
    });
  }

  // Tab to a statement out of view: bring it into view
  map.addEventListener("focusin", (event) => {
    const g = event.target.closest && event.target.closest("g.node.statement");
    if (!g || pointers.size) return;
    const r = g.getBoundingClientRect();
    const m = map.getBoundingClientRect();
    if (r.left < m.left || r.right > m.right || r.top < m.top || r.bottom > m.bottom) centre(g, true);
  });

  map.addEventListener(
    "click",
    (event) => {
      if (dragged) { event.stopPropagation(); event.preventDefault(); dragged = false; return; }
      const t = event.target.closest("g.toggle");
      const g = event.target.closest("g.node.statement");
      if (t && g) { toggle(g.id); if (selected === g.id) showDetails(g.id, data.statements[g.id]); return; }
      if (g && nodes.has(g.id)) select(g.id, { tab: "text" });
    },
    true,
  );

  // --- keyboard ----------------------------------------------------------------------------
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, textarea, select, summary, button");
    if (event.key === "/" && !typing) { event.preventDefault(); search.focus(); search.select(); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const g = event.target.closest && event.target.closest("g.node.statement");
    const step = event.shiftKey ? 240 : 60;
    switch (event.key) {
      case "+": case "=": zoomAt(1.25); break;
      case "-": case "_": zoomAt(1 / 1.25); break;
      case "0": fit(); break;
      case "ArrowLeft": panBy(step, 0); break;
      case "ArrowRight": panBy(-step, 0); break;
      case "ArrowUp": panBy(0, step); break;
      case "ArrowDown": panBy(0, -step); break;
      case "Enter": case " ":
        if (!g) return;
        select(g.id, { tab: "text" });
        break;
      case "c": case "C":
        if (!g) return;
        toggle(g.id);
        if (selected === g.id) showDetails(g.id, data.statements[g.id]);
        break;
      default: return;
    }
    event.preventDefault();
  });

  // --- search ------------------------------------------------------------------------------
  let matches = [];
  let current = -1;
  const haystack = new Map();
  for (const id of nodes.keys()) {
    const info = data.statements[id];
    haystack.set(id, [id, info.title || "", info.text, info.quote || "", info.source || ""].join("\n").toLowerCase());
  }
  function runSearch() {
    const q = search.value.trim().toLowerCase();
    for (const id of matches) nodes.get(id).classList.remove("match", "current");
    matches = q ? [...haystack].filter(([, text]) => text.includes(q)).map(([id]) => id) : [];
    body.classList.toggle("searching", Boolean(q));
    for (const id of matches) nodes.get(id).classList.add("match");
    current = -1;
    if (matches.length) next(1);
    else searchCount.value = q ? "no match" : "";
  }
  function next(by) {
    if (!matches.length) return;
    if (current >= 0) nodes.get(matches[current]).classList.remove("current");
    current = (current + by + matches.length) % matches.length;
    const id = matches[current];
    nodes.get(id).classList.add("current");
    searchCount.value = current + 1 + " of " + matches.length;
    select(id, { centre: true });
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); next(event.shiftKey ? -1 : 1); }
    else if (event.key === "Escape") { search.value = ""; runSearch(); map.focus(); }
  });

  // --- filters -----------------------------------------------------------------------------
  function checked(name) {
    const boxes = filterForm.querySelectorAll('input[name="' + name + '"]');
    if (!boxes.length) return null;
    return new Set([...boxes].filter((b) => b.checked).map((b) => b.value));
  }
  const gapClasses = ["gap-off", "gap-as-error", "gap-as-warning", "gap-as-info"];
  function restyle(g, gaps, sev, fam) {
    const shown = gaps.filter((gap) => (!sev || sev.has(gap.severity)) && (!fam || fam.has(gap.family)));
    g.classList.remove(...gapClasses);
    const marker = g.querySelector('text[text-anchor="end"], g.junction text');
    if (shown.length === gaps.length) {
      if (marker && marker.dataset.full !== undefined) marker.textContent = marker.dataset.full;
      return;
    }
    if (marker && marker.dataset.full === undefined) marker.dataset.full = marker.textContent;
    if (!shown.length) { g.classList.add("gap-off"); return; }
    g.classList.add("gap-as-" + shown[0].severity);
    if (marker) {
      const codes = [...new Set(shown.map((gap) => gap.code))].join(" ");
      // the evidence shape keeps its marker clear of the folded corner with two spaces
      const pad = marker.dataset.full.match(/\u00a0*$/)[0];
      marker.textContent = data.marks[shown[0].severity] + " " + codes + pad;
    }
  }
  function applyFilters() {
    const sev = checked("severity");
    const fam = checked("family");
    const kinds = checked("kind");
    const verdicts = checked("verdict");
    const labels = checked("label");
    for (const [id, g] of nodes) {
      const info = data.statements[id];
      if (info.gaps.length) restyle(g, info.gaps, sev, fam);
      const out = (kinds && !kinds.has(info.kind)) ||
        (verdicts && info.verdict && !verdicts.has(info.verdict)) ||
        (labels && info.label && !labels.has(info.label));
      g.classList.toggle("dimmed", Boolean(out));
    }
    for (const [id, gaps] of Object.entries(data.steps)) {
      const g = byId.get(id);
      if (g) restyle(g, gaps, sev, fam);
    }
    for (const li of gapsPane.querySelectorAll("li.gap")) {
      li.hidden = (sev && !sev.has(li.dataset.severity)) || (fam && !fam.has(li.dataset.family));
    }
  }
  filterForm.addEventListener("change", applyFilters);
  filterForm.addEventListener("reset", () => setTimeout(applyFilters, 0));
  filterForm.addEventListener("submit", (event) => event.preventDefault());

  // --- printing: the whole map, whatever the view ------------------------------------------
  window.addEventListener("beforeprint", () => {
    map.classList.remove("sparse"); // every statement's text on paper
    svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" "));
  });
  window.addEventListener("afterprint", () => { map.classList.add("sparse"); draw(); });

  // --- start: fitted, or on the node the address names ---------------------------------------
  function fromHash() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && data.statements[id]) { select(id, { centre: true, focus: true, hash: false, tab: "text" }); return true; }
    return false;
  }
  window.addEventListener("hashchange", fromHash);
  fit();
  fromHash();

  // live preview (argmap watch): poll the script beside the page; a new build reloads it,
  // keeping the view and the selection
  if (data.live) {
    const saved = sessionStorage.getItem("argmap-view");
    if (saved) {
      const v = JSON.parse(saved);
      view.s = v.s; view.cx = v.cx; view.cy = v.cy;
      draw();
    }
    window.argmapLive = (build) => {
      if (build === data.live.build) return;
      sessionStorage.setItem("argmap-view", JSON.stringify(view));
      location.reload();
    };
    setInterval(() => {
      const s = document.createElement("script");
      s.src = data.live.src + "?" + Date.now();
      s.onload = s.onerror = () => s.remove();
      document.head.append(s);
    }, 1000);
  }

  // ready once the first view is on the screen: after the frame that paints it
  function ready() {
    performance.mark("argmap-ready");
    body.dataset.explorer = "ready";
  }
  if (document.hidden) ready();
  else requestAnimationFrame(() => setTimeout(ready, 0));
})();
