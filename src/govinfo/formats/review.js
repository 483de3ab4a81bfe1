(() => {
  const src = document.getElementById("source");
  const q = (k) => '"' + CSS.escape(k) + '"';
  let pinned = null;
  function pieces(keys, diags) {
    const found = new Set();
    for (const k of keys) src.querySelectorAll("[data-keys~=" + q(k) + "]").forEach((e) => found.add(e));
    for (const d of diags) src.querySelectorAll("[data-diags~=" + q(d) + "]").forEach((e) => found.add(e));
    return [...found].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
  }
  function cells(keys) {
    return keys.map((k) => document.getElementById("cell-" + k)).filter((e) => e);
  }
  function show(sel, scrollSource, scrollTables) {
    document.querySelectorAll(".on").forEach((e) => e.classList.remove("on"));
    if (!sel) return;
    const inSource = pieces(sel.keys, sel.diags);
    const inTables = cells(sel.keys);
    for (const e of [...inSource, ...inTables]) e.classList.add("on");
    if (scrollSource && inSource.length) inSource[0].scrollIntoView({block: "center"});
    if (scrollTables && inTables.length) inTables[0].scrollIntoView({block: "center", inline: "nearest"});
  }
  function selection(e) {
    const el = e.target.closest("[data-keys],[data-diags]");
    if (!el) return null;
    const split = (v) => (v ? v.split(" ") : []);
    return {el, keys: split(el.dataset.keys), diags: split(el.dataset.diags)};
  }
  const inSource = (sel) => src.contains(sel.el);
  document.addEventListener("mouseover", (e) => {
    const sel = selection(e);
    if (sel && sel.el.matches(".v, .d, td.c")) show(sel, !inSource(sel), inSource(sel));
  });
  document.addEventListener("mouseout", (e) => {
    const sel = selection(e);
    if (sel && !sel.el.contains(e.relatedTarget)) show(pinned, false, false);
  });
  document.addEventListener("click", (e) => {
    const sel = selection(e);
    if (!sel) return;
    if (e.target.closest("a")) e.preventDefault();
    pinned = sel;
    const listed = !!sel.el.closest("ul.list");
    show(sel, listed || !inSource(sel), listed || inSource(sel));
    const first = src.querySelector(".on");
    if (listed && first) { first.classList.remove("flash"); void first.offsetWidth; first.classList.add("flash"); }
  });
})();
