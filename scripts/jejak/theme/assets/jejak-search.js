// Jejak search page: Pagefind with facets; the query, filters and sort live in the URL,
// so /cari/?q=pecahan&paket=media opens the same results for whoever receives the link.
const config = JSON.parse(document.getElementById("jejak-search-config").textContent);
// `base`: the path of site_url, when the site lives in a sub-folder of its host
// Pagefind (its script, WebAssembly and index chunks) loads only once there is something to
// search for: an empty search page costs a phone nothing beyond the page itself.
let pagefind = null;
async function engine() {
  if (!pagefind) {
    pagefind = await import(`${config.base || ""}/pagefind/pagefind.js`);
    await pagefind.options({ excerptLength: 24, baseUrl: `${config.base || ""}/` });
  }
  return pagefind;
}

const q = document.getElementById("jejak-q");
const sort = document.getElementById("jejak-sort");
const facetsBox = document.getElementById("jejak-facets");
const panel = document.getElementById("jejak-facet-panel");
// Open on wide screens, closed on phones; chosen filters open it too.
panel.open = window.matchMedia("(min-width: 45em)").matches;
const list = document.getElementById("jejak-results");
const count = document.getElementById("jejak-count");
const more = document.getElementById("jejak-more");
const PAGE = 10;
let state = readState();
if (Object.keys(state.filters).length) panel.open = true;
let counted = false; // whether the last search asked Pagefind for facet counts
panel.addEventListener("toggle", () => {
  // opening the panel by hand: fetch the counts the closed panel did without
  if (panel.open && !counted && (state.q || Object.keys(state.filters).length)) run();
});
let results = [];
let shown = 0;
let runs = 0;

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const key of Object.keys(config.facets)) {
    const values = params.getAll(key);
    if (values.length) filters[key] = values;
  }
  return { q: params.get("q") || "", sort: params.get("urut") || "", filters };
}

function writeState() {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const [key, values] of Object.entries(state.filters)) values.forEach(v => params.append(key, v));
  if (state.sort) params.set("urut", state.sort);
  const query = params.toString();
  history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
}

function label(facet, value) {
  return (config.labels[facet] && config.labels[facet][value]) || value;
}

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

async function run() {
  writeState();
  q.value = state.q;
  sort.value = state.sort;
  const options = { filters: {} };
  // With the facet panel open every facet is named (empty `any` restricts nothing) so that
  // Pagefind counts all of them. Counting loads one filter index per facet, so on a phone,
  // where the panel starts closed, a query fetches only what its results need.
  const counting = panel.open;
  counted = counting;
  for (const key of Object.keys(config.facets)) {
    if (counting || state.filters[key]) options.filters[key] = { any: state.filters[key] || [] };
  }
  if (state.sort) options.sort = { tanggal: state.sort === "lama" ? "asc" : "desc" };
  const ticket = ++runs;
  if (!state.q && !Object.keys(state.filters).length) {
    results = [];
    list.replaceChildren();
    facetsBox.replaceChildren();
    count.textContent = "";
    more.hidden = true;
    return;
  }
  const pagefind = await engine();
  const search = await pagefind.search(state.q || null, options);
  if (!search) return;
  // The values of one facet are alternatives (`any`): count them as if that facet had no
  // choice yet, or choosing one value would hide all the others.
  const counts = { ...(search.filters || {}) };
  await Promise.all((counting ? Object.keys(state.filters) : []).map(async facet => {
    const others = { ...options, filters: { ...options.filters, [facet]: { any: [] } } };
    const without = await pagefind.search(state.q || null, others);
    if (without && without.filters) counts[facet] = without.filters[facet] || {};
  }));
  if (ticket !== runs) return; // a newer query (typing) has started meanwhile
  results = search.results;
  renderFacets(counts);
  list.replaceChildren();
  shown = 0;
  count.textContent = results.length ? `${results.length} ${config.ui.results}` : config.ui.none;
  await showMore();
}

function renderFacets(available) {
  facetsBox.replaceChildren();
  for (const [facet, title] of Object.entries(config.facets)) {
    const values = available[facet] || {};
    const selected = state.filters[facet] || [];
    const entries = Object.entries(values).filter(([value, n]) => n > 0 || selected.includes(value));
    if (!entries.length && !state.filters[facet]) continue;
    const box = el("fieldset", { class: "jejak-facet" });
    box.append(el("legend", {}, title));
    for (const [value, n] of entries.sort((a, b) => b[1] - a[1])) {
      const id = `f-${facet}-${value}`.replace(/[^A-Za-z0-9_-]/g, "_");
      const input = el("input", { type: "checkbox", id, "data-facet": facet, value });
      input.checked = (state.filters[facet] || []).includes(value);
      const lab = el("label", { for: id }, `${label(facet, value)} (${n})`);
      const row = el("div");
      row.append(input, lab);
      box.append(row);
    }
    facetsBox.append(box);
  }
  if (Object.keys(state.filters).length) {
    const clear = el("button", { class: "md-button", type: "button" }, config.ui.clear);
    clear.addEventListener("click", () => { state.filters = {}; run(); });
    facetsBox.append(clear);
  }
}

async function showMore() {
  const slice = results.slice(shown, shown + PAGE);
  shown += slice.length;
  const data = await Promise.all(slice.map(r => r.data()));
  for (const item of data) {
    const li = el("li", { class: "jejak-result" });
    if (item.meta.image) li.append(el("img", { src: item.meta.image, alt: "", width: "96", loading: "lazy" }));
    const text = el("div");
    const meta = [item.meta.jenis, item.meta.kelompok, item.meta.tanggal].filter(Boolean).join(" · ");
    text.append(el("span", { class: "jejak-meta" }, meta));
    const a = el("a", { href: item.url }, item.meta.title || item.url);
    const h = el("h2");
    h.append(a);
    text.append(h);
    const excerpt = el("p");
    excerpt.innerHTML = item.excerpt; // Pagefind's excerpt: indexed text with <mark> only
    text.append(excerpt);
    li.append(text);
    list.append(li);
  }
  more.hidden = shown >= results.length;
}

let timer;
q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => { state.q = q.value.trim(); run(); }, 250); });
q.form.addEventListener("submit", e => { e.preventDefault(); state.q = q.value.trim(); run(); });
sort.addEventListener("change", () => { state.sort = sort.value; run(); });
more.addEventListener("click", showMore);
facetsBox.addEventListener("change", e => {
  const input = e.target;
  if (!input.dataset.facet) return;
  const values = new Set(state.filters[input.dataset.facet] || []);
  input.checked ? values.add(input.value) : values.delete(input.value);
  if (values.size) state.filters[input.dataset.facet] = [...values]; else delete state.filters[input.dataset.facet];
  run();
});
run();
