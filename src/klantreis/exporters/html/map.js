// klantreis: the interactive journey map. Plain script, no framework, nothing fetched.
// Every piece of text from the journey goes into the page through textContent only.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("journey-data").textContent);
  const app = document.getElementById("app");
  const dialog = document.getElementById("detail");
  const SVG = "http://www.w3.org/2000/svg";
  const COL = 176; // width of one step column in CSS pixels (matches --col in map.css)
  let lang = data.lang === "en" ? "en" : "nl";
  const state = { lane: "", actor: "", phase: "", band: "", mot: false, open: false, q: "" };
  let paper = "A3";

  // --- words and numbers ---------------------------------------------------------------

  function w(key, values) {
    const table = data.words[lang] || {};
    if (values && values.n === 1 && table[key + "-one"] !== undefined) key += "-one";
    let text = table[key];
    if (text === undefined) text = key;
    if (values) {
      for (const name of Object.keys(values)) text = text.split("{" + name + "}").join(String(values[name]));
    }
    return text;
  }
  const L = () => (lang === "nl" ? 0 : 1);
  // Numbers come rounded from klantreis (halves away from zero, as in every output);
  // the page only writes them with a decimal comma in Dutch.
  function num(shown) {
    if (shown === null || shown === undefined) return "–";
    return lang === "nl" ? shown.replace(".", ",") : shown;
  }
  function mean(votes) {
    return votes && votes.length ? votes.reduce((a, b) => a + b, 0) / votes.length : null;
  }

  // --- the journey, indexed ---------------------------------------------------------------

  const phases = data.phases;
  const lanes = data.lanes;
  const scales = new Map(data.scales.map((s) => [s.id, s]));
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const phaseAt = new Map(phases.map((p, i) => [p.id, i]));
  const laneAt = new Map(lanes.map((l, i) => [l.id, i]));
  const emotion = scales.get("emotion") || data.scales[0] || null;
  const steps = data.steps;
  const stepById = new Map();
  const actionsOf = new Map(); // step id -> [action index]
  const compare = data.compare;

  data.actions.forEach((a, i) => {
    a.n = i + 1;
    for (const t of a.targets) {
      if (!actionsOf.has(t)) actionsOf.set(t, []);
      actionsOf.get(t).push(i);
    }
  });

  // Columns: in each phase, a lane's steps take columns 1, 2, 3 ... of that phase, so the
  // wall reads like the brown paper; a phase is as wide as its fullest lane.
  const placed = [];
  const unplaced = [];
  const cells = phases.map(() => lanes.map(() => []));
  for (const s of steps) {
    const p = phaseAt.get(s.phase);
    const l = laneAt.get(s.lane);
    if (p === undefined || l === undefined || lanes[l].kind === "rating") unplaced.push(s);
    else cells[p][l].push(s);
  }
  const phaseStart = [];
  let columns = 0;
  phases.forEach((p, i) => {
    phaseStart.push(columns);
    columns += Math.max(1, ...cells[i].map((c) => c.length));
  });
  columns = Math.max(columns, 1);
  let counter = 0;
  phases.forEach((p, i) => {
    const width = Math.max(1, ...cells[i].map((c) => c.length));
    for (let k = 0; k < width; k++) {
      lanes.forEach((lane, l) => {
        const s = cells[i][l][k];
        if (s) {
          s.n = ++counter;
          s.col = phaseStart[i] + k;
          s.row = l;
          placed.push(s);
        }
      });
    }
  });
  for (const s of unplaced) s.n = ++counter;
  for (const s of steps) stepById.set(s.id, s);

  // a step's rating on a scale: [scale, votes, mean as shown, nearest point], or null
  function rating(s, scaleId) {
    const r = (s.ratings || []).find((x) => x[0] === scaleId);
    return r && r[1].length ? r : null;
  }
  function scaleLabel(scale, value) {
    const labels = scale.labels[L()] || [];
    const label = labels[value - scale.min];
    return label || null;
  }
  function ratingText(scale, r) {
    const votes = r[1];
    if (!votes.length) return w("export.not_rated");
    const groups = r[4] || null; // votes per perspective: [[perspective, votes], ...]
    if (votes.length === 1) {
      const label = scale ? scaleLabel(scale, votes[0]) : null;
      const whose = groups ? groups.map((g) => " – " + g[0]).join("") : "";
      return String(votes[0]) + (label ? " (" + label + ")" : "") + whose;
    }
    const label = scale ? scaleLabel(scale, r[3]) : null;
    const shown = groups ? groups.map((g) => g[0] + " " + g[1].join(", ")).join("; ") : votes.join(", ");
    return num(r[2]) + " " + w("export.mean") + " (" + shown + ")" + (label ? " – " + label : "");
  }
  function goodness(scale, value) {
    const span = scale.max - scale.min;
    if (span <= 0 || value === null) return 0.5;
    const t = Math.min(1, Math.max(0, (value - scale.min) / span));
    return scale.higher ? t : 1 - t;
  }
  function scaleName(id) {
    const s = scales.get(id);
    return s ? s.name[L()] : id;
  }
  function openActions(s) {
    return (actionsOf.get(s.id) || []).some((i) => data.actions[i].open);
  }

  // --- small DOM helpers --------------------------------------------------------------------

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function add(parent, tag, cls, text) {
    const e = el(tag, cls, text);
    parent.appendChild(e);
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const k of Object.keys(attrs || {})) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function hashes(tags) {
    return tags && tags.length ? " " + tags.map((t) => "#" + t).join(" ") : "";
  }
  function fact(parent, name, value) {
    if (value === null || value === undefined || value === "") return;
    const row = add(parent, "div", "fact");
    add(row, "dt", null, name);
    add(row, "dd", null, value);
  }

  // --- header, filters ---------------------------------------------------------------------

  function header() {
    const h = el("header", "top");
    const titles = add(h, "div", "titles");
    add(titles, "p", "kicker", w("html.page"));
    add(titles, "h1", null, data.title);
    const facts = add(titles, "dl", "facts");
    if (data.iteration) {
      fact(facts, w("export.iteration"), data.iteration.label + (data.iteration.date ? " (" + data.iteration.date + ")" : ""));
    }
    if (data.persona) {
      const p = data.persona;
      fact(facts, w("export.persona"), p.name + " (" + w("persona-role." + p.role) + ")" + (p.desc ? " – " + p.desc : ""));
    }
    for (const key of ["session", "client", "employee"]) {
      if (data.objectives[key]) fact(facts, w("export.objective_" + key), data.objectives[key]);
    }
    if (data.desc) add(titles, "p", "desc", data.desc);
    const tools = add(h, "div", "tools");
    const toggle = add(tools, "button", "lang-toggle", w("html.language"));
    toggle.type = "button";
    toggle.id = "lang-toggle";
    toggle.lang = lang === "nl" ? "en" : "nl";
    toggle.title = w("html.language_hint");
    toggle.addEventListener("click", () => {
      lang = lang === "nl" ? "en" : "nl";
      render();
      document.getElementById("lang-toggle").focus();
    });
    const sizeLabel = add(tools, "label", "paper");
    sizeLabel.appendChild(document.createTextNode(w("html.print_size") + " "));
    const size = add(sizeLabel, "select");
    size.id = "paper";
    for (const name of ["A3", "A0"]) {
      const o = add(size, "option", null, name + " landscape");
      o.value = name;
    }
    size.value = paper;
    size.addEventListener("change", () => {
      paper = size.value;
      pageRule();
    });
    const print = add(tools, "button", "print", w("html.print"));
    print.type = "button";
    print.addEventListener("click", () => window.print());
    return h;
  }

  function select(parent, id, name, options, value, onChange) {
    const label = add(parent, "label", "filter");
    label.htmlFor = id;
    add(label, "span", null, name);
    const s = add(label, "select");
    s.id = id;
    const all = add(s, "option", null, w("html.all"));
    all.value = "";
    for (const [v, text] of options) {
      const o = add(s, "option", null, text);
      o.value = v;
    }
    s.value = value;
    s.addEventListener("change", () => onChange(s.value));
    return s;
  }

  function filters() {
    const nav = el("nav", "filters");
    nav.setAttribute("aria-label", w("html.filters"));
    const form = add(nav, "form");
    form.addEventListener("submit", (e) => e.preventDefault());
    const search = add(form, "label", "filter search");
    search.htmlFor = "f-search";
    add(search, "span", null, w("html.search"));
    const q = add(search, "input");
    q.type = "search";
    q.id = "f-search";
    q.placeholder = w("html.search_hint");
    q.value = state.q;
    q.addEventListener("input", () => {
      state.q = q.value;
      applyFilters();
    });
    const used = new Set(placed.map((s) => s.lane));
    select(form, "f-lane", w("export.lane"), lanes.filter((l) => used.has(l.id)).map((l) => [l.id, l.name[L()]]), state.lane, (v) => {
      state.lane = v;
      applyFilters();
    });
    select(form, "f-phase", w("export.phase"), phases.map((p) => [p.id, p.name]), state.phase, (v) => {
      state.phase = v;
      applyFilters();
    });
    const usedActors = new Set(steps.map((s) => s.actor).filter(Boolean));
    const actorOptions = data.actors.filter((a) => usedActors.has(a.id)).map((a) => [a.id, a.name]);
    select(form, "f-actor", w("html.actor"), actorOptions, state.actor, (v) => {
      state.actor = v;
      applyFilters();
    });
    const bands = [];
    for (const s of data.scales) {
      const lo = s.higher ? s.min : s.max;
      const hi = s.higher ? s.max : s.min;
      const worst = [Math.min(lo, lo + (s.higher ? 1 : -1)), Math.max(lo, lo + (s.higher ? 1 : -1))];
      const best = [Math.min(hi, hi - (s.higher ? 1 : -1)), Math.max(hi, hi - (s.higher ? 1 : -1))];
      for (const [a, b] of [worst, best]) {
        bands.push([s.id + ":" + a + ":" + b, s.name[L()] + " " + a + "–" + b]);
      }
    }
    select(form, "f-band", w("html.band"), bands, state.band, (v) => {
      state.band = v;
      applyFilters();
    });
    for (const [key, id, text] of [["mot", "f-mot", w("html.only_mot")], ["open", "f-open", w("html.only_open")]]) {
      const label = add(form, "label", "check");
      const box = add(label, "input");
      box.type = "checkbox";
      box.id = id;
      box.checked = state[key];
      box.addEventListener("change", () => {
        state[key] = box.checked;
        applyFilters();
      });
      label.appendChild(document.createTextNode(" " + text));
    }
    const reset = add(form, "button", "reset", w("html.reset"));
    reset.type = "button";
    reset.addEventListener("click", () => {
      Object.assign(state, { lane: "", actor: "", phase: "", band: "", mot: false, open: false, q: "" });
      render();
      document.querySelector(".filters .reset").focus();
    });
    const status = add(nav, "p", "status");
    status.id = "shown";
    status.setAttribute("role", "status");
    return nav;
  }

  function matches(s) {
    if (state.lane && s.lane !== state.lane) return false;
    if (state.phase && s.phase !== state.phase) return false;
    if (state.actor && s.actor !== state.actor) return false;
    if (state.mot && !s.mot) return false;
    if (state.open && !openActions(s)) return false;
    if (state.band) {
      const [scale, a, b] = state.band.split(":");
      const r = rating(s, scale);
      if (!r || r[3] < Number(a) || r[3] > Number(b)) return false;
    }
    if (state.q) {
      const q = state.q.toLocaleLowerCase();
      const texts = [s.title, s.desc || ""].concat(s.painC || [], s.painP || [], s.tags || []);
      for (const n of s.notes || []) texts.push(n.text, n.author || "", n.sugg || "", (n.tags || []).join(" "));
      if (!texts.some((t) => t && t.toLocaleLowerCase().includes(q))) return false;
    }
    return true;
  }

  function applyFilters() {
    let shown = 0;
    for (const node of document.querySelectorAll("[data-step]")) {
      const s = stepById.get(node.dataset.step);
      const ok = matches(s);
      if (node.classList.contains("postit")) {
        node.hidden = !ok;
        if (ok) shown++;
      } else {
        node.classList.toggle("off", !ok);
      }
    }
    const status = document.getElementById("shown");
    if (status) status.textContent = w("html.shown", { n: shown, total: steps.length });
  }

  // --- the wall ------------------------------------------------------------------------------

  // badge -> its symbol and the diff report's word for it
  const BADGES = {
    better: ["▲", "diff.verdict.improved"],
    worse: ["▼", "diff.verdict.worsened"],
    new: ["✚", "diff.verdict.new"],
    moved: ["➜", "diff.kind.moved"],
  };
  function badges(parent, s) {
    if (!compare) return;
    const marks = compare.badges[s.id] || [];
    if (!marks.length) return;
    const box = add(parent, "span", "badges");
    for (const m of marks) add(box, "span", "badge " + m, BADGES[m][0] + " " + w(BADGES[m][1]));
  }

  function postit(s) {
    const b = el("button", "postit");
    b.type = "button";
    b.dataset.step = s.id;
    b.id = "step-" + s.n;
    b.setAttribute("aria-haspopup", "dialog");
    const felt = emotion ? rating(s, emotion.id) : null;
    if (felt) b.classList.add("g" + Math.round(goodness(emotion, mean(felt[1])) * 4));
    if (s.mot) b.classList.add("mot");
    const head = add(b, "span", "head");
    add(head, "span", "num", String(s.n));
    if (s.mot) {
      const m = add(head, "span", "motmark", "★ " + w("export.moment_of_truth"));
      m.title = w("export.moment_of_truth");
    }
    add(b, "span", "title", s.title);
    for (const r of s.ratings || []) {
      add(b, "span", "rating", scaleName(r[0]) + " " + ratingText(scales.get(r[0]), r));
    }
    for (const p of s.painC || []) add(b, "span", "pain", "⚠ " + w("export.pain_client") + ": " + p);
    for (const p of s.painP || []) add(b, "span", "pain", "⚠ " + w("export.pain_professional") + ": " + p);
    if (s.tags) add(b, "span", "tags", s.tags.map((t) => "#" + t).join(" "));
    const q = s.quality;
    if (q) {
      const parts = ["knowledge", "attitude", "skills", "client_focus"]
        .filter((k) => q[k])
        .map((k) => w("export." + k) + " " + w("judgement." + q[k]));
      if (parts.length) add(b, "span", "quality", w("export.quality") + ": " + parts.join(" · "));
    }
    for (const n of s.notes || []) {
      add(b, "span", "note " + n.kind, n.sym + " " + n.text + (n.author ? " — " + n.author : "") + hashes(n.tags));
    }
    const acts = actionsOf.get(s.id) || [];
    if (acts.length) add(b, "span", "acts", acts.map((i) => "A" + data.actions[i].n).join(" · "));
    badges(b, s);
    return b;
  }

  function curve(lane, rowIndex) {
    const scale = scales.get(lane.scale);
    const box = el("div", "curve");
    box.style.gridRow = String(rowIndex);
    box.style.gridColumn = "2 / span " + columns;
    if (!scale) return box;
    const points = [];
    const ratedLanes = [];
    for (const s of placed) {
      if (rating(s, scale.id) && !ratedLanes.includes(s.row)) ratedLanes.push(s.row);
    }
    ratedLanes.sort((a, b) => a - b);
    for (const s of placed) {
      const r = rating(s, scale.id);
      if (!r) continue;
      const k = ratedLanes.indexOf(s.row);
      const x = s.col * COL + (COL * (k + 1)) / (ratedLanes.length + 1);
      points.push({ s: s, x: x, v: mean(r[1]), shown: r[2] });
    }
    points.sort((a, b) => a.x - b.x);
    const height = 132;
    const top = 22;
    const bottom = height - 16;
    const y = (v) => top + (1 - goodness(scale, v)) * (bottom - top);
    const width = columns * COL;
    const g = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img" });
    g.setAttribute("aria-label", w("html.curve_of", { scale: scale.name[L()] }) + ": " + points.map((p) => w("html.point", { n: p.s.n, value: num(p.shown) })).join(", "));
    for (let v = scale.min; v <= scale.max; v++) {
      g.appendChild(svg("line", { x1: 0, x2: width, y1: y(v), y2: y(v), class: "gl" }));
      const t = svg("text", { x: 4, y: y(v) - 3, class: "tick" });
      t.textContent = String(v);
      g.appendChild(t);
    }
    phases.forEach((p, i) => {
      if (i) g.appendChild(svg("line", { x1: phaseStart[i] * COL, x2: phaseStart[i] * COL, y1: 0, y2: height, class: "sep" }));
    });
    if (points.length > 1) {
      g.appendChild(svg("polyline", { points: points.map((p) => p.x + "," + y(p.v)).join(" "), class: "line" }));
    }
    for (const p of points) {
      const dot = svg("g", { class: "pt", "data-step": p.s.id });
      dot.appendChild(svg("circle", { cx: p.x, cy: y(p.v), r: 5 }));
      const label = svg("text", { x: p.x, y: y(p.v) - 8, class: "val" });
      label.textContent = num(p.shown);
      dot.appendChild(label);
      const title = svg("title");
      title.textContent = w("html.step_n", { n: p.s.n }) + ": " + p.s.title + " – " + scale.name[L()] + " " + num(p.shown);
      dot.appendChild(title);
      g.appendChild(dot);
    }
    box.appendChild(g);
    return box;
  }

  function wall() {
    const section = el("div", "wall-section");
    const h = add(section, "h2", null, w("html.wall"));
    h.id = "wall-h";
    add(section, "p", "legend", w("html.legend_mark"));
    const scroller = add(section, "div", "scroller");
    scroller.id = "wall";
    scroller.tabIndex = 0;
    scroller.setAttribute("role", "region");
    scroller.setAttribute("aria-label", w("html.wall"));
    const grid = add(scroller, "div", "grid");
    grid.style.gridTemplateColumns = "var(--lane) repeat(" + columns + ", var(--col))";
    const corner = add(grid, "div", "corner", w("export.phase") + " / " + w("export.lane"));
    corner.style.gridRow = "1";
    phases.forEach((p, i) => {
      const cell = add(grid, "div", "phase");
      cell.dataset.phase = p.id;
      cell.style.gridRow = "1";
      cell.style.gridColumn = phaseStart[i] + 2 + " / span " + Math.max(1, ...cells[i].map((c) => c.length));
      add(cell, "h3", null, p.name);
      if (p.goal) add(cell, "p", "goal", w("export.goal") + ": " + p.goal);
      if (p.lead) add(cell, "p", "lead", w("export.lead_time") + ": " + p.lead[L()]);
      if (p.norm) {
        const mark = p.over ? " ⚠ " + w("export.over_norm") : "";
        add(cell, "p", p.over ? "lead over-norm" : "lead", w("export.norm") + ": " + p.norm[L()] + mark);
      }
    });
    lanes.forEach((lane, l) => {
      const row = l + 2;
      const head = add(grid, "div", "lane-head");
      head.dataset.lane = lane.id;
      head.style.gridRow = String(row);
      add(head, "h3", null, lane.name[L()]);
      if (lane.kind === "rating") {
        const scale = scales.get(lane.scale);
        if (scale) {
          // the scale's labels beside its curve; the curve's ticks carry only the numbers
          add(head, "p", "direction", w(scale.higher ? "direction.higher-is-better" : "direction.lower-is-better"));
          const list = add(head, "ol", "scale-labels");
          const order = [];
          for (let v = scale.min; v <= scale.max; v++) order.push(v);
          if (scale.higher) order.reverse(); // top to bottom, as the curve runs
          for (const v of order) {
            const label = scaleLabel(scale, v);
            if (label) add(list, "li", null, v + " " + label);
          }
        }
        grid.appendChild(curve(lane, row));
        return;
      }
      const band = add(grid, "div", "lane-band");
      band.style.gridRow = String(row);
      band.style.gridColumn = "2 / span " + columns;
    });
    for (const s of placed) {
      const b = postit(s);
      b.style.gridRow = String(s.row + 2);
      b.style.gridColumn = String(s.col + 2);
      grid.appendChild(b);
    }
    if (unplaced.length) {
      const off = add(section, "div", "unplaced");
      add(off, "h3", null, w("html.unplaced"));
      add(off, "p", null, w("html.unplaced_why"));
      const list = add(off, "div", "unplaced-list");
      for (const s of unplaced) list.appendChild(postit(s));
    }
    return section;
  }

  // --- actions ---------------------------------------------------------------------------------

  function actionsSection() {
    const section = el("section", "actions");
    section.setAttribute("aria-labelledby", "actions-h");
    const h = add(section, "h2", null, w("export.actions"));
    h.id = "actions-h";
    if (!data.actions.length) add(section, "p", null, w("export.no_actions"));
    for (const scope of ["ourselves", "others"]) {
      const list = data.actions.filter((a) => a.scope === scope);
      if (!list.length) continue;
      add(section, "h3", null, w("html." + scope));
      const group = add(section, "div", "action-list");
      for (const a of list) {
        const card = add(group, "article", "action status-" + a.status);
        card.tabIndex = 0;
        card.dataset.action = a.id;
        card.id = "action-" + a.n;
        const title = add(card, "h4", null, "A" + a.n + " " + a.title);
        title.id = "action-title-" + a.n;
        card.setAttribute("aria-labelledby", title.id);
        const facts = add(card, "dl", "facts");
        fact(facts, w("export.status"), w("status." + a.status) + (a.open ? "" : " ✓"));
        fact(facts, w("export.owner"), a.owner);
        fact(facts, w("export.due"), a.due);
        fact(facts, w("export.theme"), w("theme." + a.theme));
        const targets = a.targets.map((t) => {
          const s = stepById.get(t);
          return s ? s.n + " " + s.title : t;
        });
        fact(facts, w("export.targets"), targets.join(" · "));
        fact(facts, w("export.expected_effect"), a.effect);
        if (a.desc) add(card, "p", "desc", a.desc);
      }
    }
    return section;
  }

  // Highlight what the hovered or focused post-it or action is linked to (no lines drawn).
  const active = { hover: null, focus: null };
  function link() {
    for (const node of document.querySelectorAll(".hl")) node.classList.remove("hl");
    for (const node of [active.focus, active.hover]) {
      if (!node || !node.isConnected) continue;
      if (node.dataset.action) {
        const a = data.actions.find((x) => x.id === node.dataset.action);
        for (const t of a ? a.targets : []) {
          const s = stepById.get(t);
          if (s) document.getElementById("step-" + s.n).classList.add("hl");
        }
      } else {
        for (const i of actionsOf.get(node.dataset.step) || []) {
          document.getElementById("action-" + data.actions[i].n).classList.add("hl");
        }
      }
    }
  }

  // --- the comparison and its effect report ---------------------------------------------------

  function effectAside() {
    const aside = el("aside", "effect");
    aside.setAttribute("aria-labelledby", "effect-h");
    const h = add(aside, "h2", null, w("diff.effect"));
    h.id = "effect-h";
    add(aside, "p", "against", w("html.compare") + ": " + compare.old.title + (compare.old.iteration ? " (" + compare.old.iteration + ")" : ""));
    add(aside, "h3", null, w("diff.summary"));
    add(aside, "p", "counts", Object.keys(compare.counts).map((k) => compare.counts[k] + " " + w("diff.kind." + k)).join(" · "));
    if (compare.phases.length) {
      add(aside, "h3", null, w("diff.phase-scores"));
      const list = add(aside, "ul", "phase-scores");
      for (const p of compare.phases) {
        const item = add(list, "li");
        add(item, "strong", null, p.name);
        const parts = p.scales.map((s) => scaleName(s.scale) + " " + num(s.old) + " → " + num(s.new) + " " + w("diff.verdict." + s.verdict));
        item.appendChild(document.createTextNode(" " + parts.join(" · ")));
      }
    }
    add(aside, "h3", null, w("export.actions"));
    const list = add(aside, "ul", "effects");
    const mark = { improved: "✓", worsened: "✗", mixed: "±", unchanged: "·" };
    for (const a of compare.actions) {
      const item = add(list, "li", "outcome-" + a.outcome + (a.flags.length ? " flagged" : ""));
      const status = a.oldStatus === null ? w("diff.action-new") + ": " + w("status." + a.status)
        : a.status === null ? w("diff.action-gone")
          : a.oldStatus !== a.status ? w("status." + a.oldStatus) + " → " + w("status." + a.status) : w("status." + a.status);
      add(item, "strong", null, (a.flags.length ? "! " : mark[a.outcome] + " ") + a.title);
      add(item, "span", "line", status + " — " + w("diff.outcome." + a.outcome));
      for (const f of a.flags) add(item, "span", "line flag", "! " + w("diff.flag." + f));
      for (const line of ratingLines(a.ratings)) add(item, "span", "line", line);
      if (!a.ratings.length) add(item, "span", "line", w("diff.no-rating-change"));
    }
    if (compare.unexplained.length) {
      add(aside, "h3", null, "! " + w("diff.unexplained"));
      const un = add(aside, "ul", "effects");
      for (const line of ratingLines(compare.unexplained)) add(un, "li", "flagged", line);
    }
    return aside;
  }

  // One line per step: "12 Title: Emotie 2 → 3 beter · Motivatie 3 → 2 beter".
  function ratingLines(ratings) {
    const lines = new Map();
    for (const r of ratings) {
      const part = scaleName(r.scale) + " " + num(r.old) + " → " + num(r.new) + " " + w("diff.verdict." + r.verdict);
      if (!lines.has(r.step)) {
        const s = stepById.get(r.step);
        lines.set(r.step, [(s ? s.n + " " : "") + r.label + ": "]);
      }
      lines.get(r.step).push(part);
    }
    return [...lines.values()].map(([head, ...parts]) => head + parts.join(" · "));
  }

  // --- the detail view -------------------------------------------------------------------------

  function showDetail(s, opener) {
    dialog.textContent = "";
    const head = add(dialog, "div", "detail-head");
    const h = add(head, "h2", null, w("html.step_n", { n: s.n }) + ": " + s.title);
    h.id = "detail-title";
    const close = add(head, "button", "close", "✕ " + w("html.close"));
    close.type = "button";
    close.addEventListener("click", () => dialog.close());
    badges(dialog, s);
    const facts = add(dialog, "dl", "facts");
    const phase = phases[phaseAt.get(s.phase)];
    const lane = lanes[laneAt.get(s.lane)];
    fact(facts, w("export.phase"), phase ? phase.name : s.phase);
    fact(facts, w("export.lane"), lane ? lane.name[L()] : s.lane);
    if (s.actor) {
      const a = actors.get(s.actor);
      fact(facts, w("html.actor"), a ? a.name + (a.org ? " (" + a.org + ")" : "") : s.actor);
    }
    if (s.mot) fact(facts, "★", w("export.moment_of_truth"));
    fact(facts, w("export.channels"), (s.channels || []).map((c) => w("channel." + c)).join(", "));
    fact(facts, w("export.duration"), s.dur ? s.dur[L()] : null);
    fact(facts, w("export.description"), s.desc);
    for (const r of s.ratings || []) {
      const n = r[1].length;
      fact(facts, scaleName(r[0]), ratingText(scales.get(r[0]), r) + (n > 1 ? " · " + n + " " + w("export.votes") : ""));
    }
    fact(facts, w("export.pain_points") + " (" + w("export.pain_client") + ")", (s.painC || []).join(" · "));
    fact(facts, w("export.pain_points") + " (" + w("export.pain_professional") + ")", (s.painP || []).join(" · "));
    fact(facts, w("export.pain_points") + " (" + w("export.tags") + ")", (s.tags || []).join(", "));
    const q = s.quality || {};
    for (const k of ["knowledge", "attitude", "skills", "client_focus"]) {
      if (q[k]) fact(facts, w("export.quality") + ": " + w("export." + k), w("judgement." + q[k]));
    }
    fact(facts, w("export.quality"), q.comment);
    for (const b of s.bounds || []) {
      fact(facts, w("export.boundaries"), b.text + (b.reason ? " — " + w("export.why") + ": " + b.reason : "") + (b.options ? " — " + w("export.options") + ": " + b.options : ""));
    }
    if ((s.notes || []).length) {
      add(dialog, "h3", null, w("export.notes"));
      const ul = add(dialog, "ul", "notes");
      for (const n of s.notes) {
        const li = add(ul, "li", "note " + n.kind, n.sym + " " + w("note-kind." + n.kind) + ": " + n.text);
        if (n.author) add(li, "span", "by", " — " + w("export.author") + " " + n.author);
        if (n.sugg) add(li, "span", "sugg", " (" + w("export.suggestion") + ": " + n.sugg + ")");
        if (n.tags) add(li, "span", "by", " — " + w("export.tags") + ": " + n.tags.join(", "));
      }
    }
    const acts = actionsOf.get(s.id) || [];
    if (acts.length) {
      add(dialog, "h3", null, w("export.actions"));
      const ul = add(dialog, "ul", "acts");
      for (const i of acts) {
        const a = data.actions[i];
        add(ul, "li", null, "A" + a.n + " " + a.title + " — " + w("status." + a.status) + (a.owner ? ", " + a.owner : "") + (a.due ? ", " + a.due : ""));
      }
    }
    dialog.onclose = () => {
      if (opener && opener.isConnected) opener.focus();
    };
    dialog.showModal();
    close.focus();
  }

  // --- printing ----------------------------------------------------------------------------------

  let pageRuleIndex = -1;
  function pageRule() {
    const sheet = document.styleSheets[0];
    if (!sheet) return;
    if (pageRuleIndex >= 0) sheet.deleteRule(pageRuleIndex);
    pageRuleIndex = sheet.insertRule("@page { size: " + paper + " landscape; margin: 10mm; }", sheet.cssRules.length);
  }
  window.addEventListener("beforeprint", () => {
    const grid = document.querySelector(".grid");
    const printable = ((paper === "A0" ? 1189 : 420) - 20) * 96 / 25.4;
    const wide = grid ? grid.scrollWidth + 24 : printable;
    document.documentElement.style.zoom = String(Math.min(1, printable / wide));
  });
  window.addEventListener("afterprint", () => {
    document.documentElement.style.zoom = "";
  });

  // --- putting it together -----------------------------------------------------------------

  function render() {
    app.textContent = "";
    const skip = add(app, "a", "skip", w("html.skip"));
    skip.href = "#wall";
    app.appendChild(header());
    app.appendChild(filters());
    const layout = add(app, "div", compare ? "layout with-effect" : "layout");
    const main = add(layout, "main");
    main.id = "main";
    main.appendChild(wall());
    main.appendChild(actionsSection());
    if (compare) layout.appendChild(effectAside());
    applyFilters();
  }

  app.addEventListener("click", (e) => {
    const b = e.target.closest(".postit");
    if (b) showDetail(stepById.get(b.dataset.step), b);
  });
  for (const [type, key] of [["mouseover", "hover"], ["focusin", "focus"]]) {
    app.addEventListener(type, (e) => {
      const node = e.target.closest ? e.target.closest(".postit, .action") : null;
      if (node !== active[key]) {
        active[key] = node;
        link();
      }
    });
  }
  app.addEventListener("focusout", (e) => {
    if (!app.contains(e.relatedTarget)) {
      active.focus = null;
      link();
    }
  });
  pageRule();
  render();
  // how long the page took to be usable, from the start of navigation (for the benchmarks)
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
})();
