// The text a person sees on the page, for the English check (tests/ui/checks.py explains it).
() => {
  const out = [document.title];
  const code = "code, kbd, pre, samp, script, style, noscript";
  const visible = (el) => {
    if (!el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    return s.visibility !== "hidden" && s.display !== "none";
  };
  // The page and every open shadow root in it (the citizen widget lives in one).
  const roots = [document.body];
  for (let i = 0; i < roots.length; i++) {
    for (const el of roots[i].querySelectorAll("*")) { if (el.shadowRoot) roots.push(el.shadowRoot); }
  }
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      const el = node.parentElement;
      if (!el || !node.data.trim() || el.closest(code) || el.tagName === "TEXTAREA") continue;
      if (el.tagName === "OPTION" || el.tagName === "OPTGROUP") {
        const select = el.closest("select");
        if (select && visible(select)) out.push(node.data);
        continue;
      }
      // Screen-reader-only text is read to people: it counts too.
      if (!el.closest(".sr-only") && !visible(el)) continue;
      out.push(node.data);
    }
    const labelled = "[placeholder], [title], [aria-label], input[type=submit], input[type=button], img[alt]";
    for (const el of root.querySelectorAll(labelled)) {
      if (el.closest(code) || (!visible(el) && !el.closest(".sr-only"))) continue;
      for (const attr of ["placeholder", "title", "aria-label", "alt"]) {
        if (el.getAttribute(attr)) out.push(el.getAttribute(attr));
      }
      if (el.matches("input[type=submit], input[type=button]")) out.push(el.value);
    }
    // The browser's own widgets speak the browser's language: none may show.
    for (const input of root.querySelectorAll("input[type=file]")) {
      const box = input.getBoundingClientRect();
      if (visible(input) && box.width > 4 && getComputedStyle(input).opacity !== "0") out.push("[native file input]");
    }
    for (const input of root.querySelectorAll("input[type=date], input[type=month], input[type=week], "
                                              + "input[type=time], input[type=datetime-local]")) {
      out.push(`[native date input ${input.name}]`);
    }
    for (const form of root.querySelectorAll("form")) {
      if (!form.noValidate) out.push(`[form ${form.id || form.action} validated by the browser]`);
    }
  }
  return out.join("\n");
}
