// The phone check (tests/ui/checks.py explains it): a list of problems, empty when the page is fine.
() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    problems.push(`trang cuộn ngang: ${doc.scrollWidth}px > ${doc.clientWidth}px`);
  }
  const roots = [document.body];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll("*")) { if (el.shadowRoot) roots.push(el.shadowRoot); }
  }
  const sideways = (el) => {
    const s = getComputedStyle(el);
    return (s.overflowX === "auto" || s.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1;
  };
  // A box that scrolls sideways is allowed only with a visible hint (class scroll-hint): on a
  // phone a wide table becomes cards, or says "vuốt ngang"; it is never silently cut.
  for (const root of roots) {
    for (const el of root.querySelectorAll("*")) {
      if (sideways(el) && el.getClientRects().length && !el.classList.contains("scroll-hint")) {
        const inner = el.querySelector("[id]");
        problems.push(`<${el.tagName.toLowerCase()}.${el.className}${inner ? " #" + inner.id : ""}> `
                      + "cuộn ngang mà không có gợi ý");
      }
    }
  }
  const parent = (el) => el.parentElement || (el.getRootNode() && el.getRootNode().host) || null;
  const scrolls = (el) => {
    for (let p = el; p && p !== document.body; p = parent(p)) { if (sideways(p)) return true; }
    return false;
  };
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    if (s.visibility === "hidden" || s.display === "none") return false;
    // Visually hidden for screen readers only (a 1 px clipped box, e.g. a card table's headings).
    for (let p = el; p && p !== document.body; p = parent(p)) {
      const r = p.getBoundingClientRect();
      if ((r.width <= 1 || r.height <= 1) && getComputedStyle(p).overflow === "hidden") return false;
    }
    return true;
  };
  const skip = ["SCRIPT", "STYLE", "NOSCRIPT", "OPTION", "TEXTAREA"];
  const range = document.createRange();
  const seen = new Set();
  const report = (text) => { if (!seen.has(text)) { seen.add(text); problems.push(text); } };
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const el = node.parentElement;
      if (!el || !node.data.trim() || skip.includes(el.tagName)) continue;
      if (el.closest(".sr-only, [hidden], [aria-hidden=true]") || !visible(el) || scrolls(el)) continue;
      const where = `<${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""}>`;
      const re = /\S+/g;
      let m;
      while ((m = re.exec(node.data))) {
        if (m[0].length < 2) continue;
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        // A word on two lines: its box is narrower than the word (hyphenated codes may wrap at "-").
        if (new Set(rects.map((r) => Math.round(r.top))).size > 1 && !/[-‐/–]/.test(m[0])) {
          report(`vỡ chữ «${m[0]}» trong ${where}`);
        }
        const r = range.getBoundingClientRect();
        if (r.right > doc.clientWidth + 1) report(`«${m[0]}» vượt mép màn hình (${Math.round(r.right)}px) trong ${where}`);
      }
    }
  }
  return problems;
}
