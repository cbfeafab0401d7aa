/* loysite search box: titles, aliases and summaries of every page, searched in the
   browser with no service behind it. The index is a script (search-index.js), not a
   fetch() of search-index.json, so it loads from file:// as well as over HTTP; it is
   loaded only when the reader first uses the box, so pages cost nothing until then.
   Without JavaScript the box is a plain form that opens the A–Z index. */
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form || !("normalize" in String.prototype)) return;
  var input = form.querySelector("input");
  var status = form.querySelector(".search-status");
  var root = form.getAttribute("data-root") || "";
  var onDisk = location.protocol === "file:";
  var list = document.createElement("ul");
  list.id = "site-search-results";
  list.className = "search-results";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Search results");
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  form.classList.add("is-ready"); // shows the "/" hint, which only works with the script

  var entries = null, loading = false, results = [], active = -1;
  var kinds = { t: "Term", r: "Report", p: "Page" };
  var maxResults = 8;

  /* Lower case, accents dropped ("Éclair" → "eclair"), anything but letters and digits
     a single space: what both the index and the query are compared as. */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9\u00c0-\uffff]+/g, " ").trim();
  }

  function load() {
    if (entries || loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = form.getAttribute("data-index");
    script.onload = function () {
      var index = window.loysiteSearchIndex || { pages: [] };
      entries = index.pages.map(function (page, order) {
        // [kind, title, summary, path, alias…]
        var names = [page[1]].concat(page.slice(4)).map(fold);
        return { kind: page[0], title: page[1], summary: page[2], path: page[3], aliases: page.slice(4),
                 names: names, words: names.map(function (n) { return n.split(" "); }),
                 spaced: names.map(function (n) { return " " + n; }),
                 summary_: " " + fold(page[2]), order: order };
      });
      update();
    };
    script.onerror = function () { loading = false; say("The search index could not be loaded."); };
    document.head.appendChild(script);
  }

  /* Edit distance of a and b, or limit + 1 as soon as it must exceed limit. Two rows
     kept between calls: the fuzzy pass makes tens of thousands of calls a keystroke. */
  var rowA = new Uint16Array(66), rowB = new Uint16Array(66);
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    if (a.length > 64 || b.length > 64) return limit + 1;
    var previous = rowA, current = rowB, i, j, swap;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      current[0] = i;
      var smallest = i, code = a.charCodeAt(i - 1);
      for (j = 1; j <= b.length; j++) {
        var value = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
        if (previous[j] + 1 < value) value = previous[j] + 1;
        if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
        current[j] = value;
        if (value < smallest) smallest = value;
      }
      if (smallest > limit) return limit + 1;
      swap = previous; previous = current; current = swap;
    }
    return previous[b.length];
  }

  /* Whether every query word starts a word of `spaced` (a folded text after a space);
     `needles` are the query's words, each after a space. */
  function everyWordStarts(needles, spaced) {
    for (var w = 0; w < needles.length; w++) {
      if (spaced.indexOf(needles[w]) < 0) return false;
    }
    return true;
  }

  /* Exact name > name prefix > every word starts a word of a name > inside a name >
     words of the summary (then `fuzzy`). A title counts a little more than an alias. */
  function score(entry, query, needles) {
    var best = 0;
    for (var n = 0; n < entry.names.length; n++) {
      var name = entry.names[n], s = 0;
      if (name === query) s = 600;
      else if (name.lastIndexOf(query, 0) === 0) s = 500;
      else if (everyWordStarts(needles, entry.spaced[n])) s = 400;
      else if (name.indexOf(query) >= 0) s = 300;
      if (s) s += n === 0 ? 5 : 0;
      if (s > best) best = s;
    }
    if (best) return best;
    return everyWordStarts(needles, entry.summary_) ? 200 : 0;
  }

  /* A name (or one of its words) within one typo, two from seven letters: the last
     resort, so only tried when the other ways found too little. */
  function fuzzy(entry, query) {
    var best = 0, limit = query.length >= 7 ? 2 : 1;
    for (var n = 0; n < entry.names.length; n++) {
      var words = entry.words[n];
      for (var c = -1; c < words.length; c++) {
        // The name's beginning as long as the query ("retension" against "retention"
        // of "retention rate"), then each of its words.
        var d = distance(query, c < 0 ? entry.names[n].slice(0, query.length) : words[c], limit);
        if (d <= limit && 100 - d * 10 > best) best = 100 - d * 10;
      }
    }
    return best;
  }

  function search(text) {
    var query = fold(text);
    if (!query) return [];
    var needles = query.split(" ").map(function (w) { return " " + w; }), found = [], missed = [];
    for (var i = 0; i < entries.length; i++) {
      var s = score(entries[i], query, needles);
      if (s) found.push({ entry: entries[i], score: s }); else missed.push(entries[i]);
    }
    if (found.length < maxResults && query.length >= 4) {
      for (i = 0; i < missed.length; i++) {
        var f = fuzzy(missed[i], query);
        if (f) found.push({ entry: missed[i], score: f });
      }
    }
    found.sort(function (a, b) {
      return b.score - a.score || a.entry.title.length - b.entry.title.length || a.entry.order - b.entry.order;
    });
    return found.slice(0, maxResults).map(function (f) { return f.entry; });
  }

  function href(entry) {
    // Pretty URLs end in a folder; a browser opens a folder's index.html only over HTTP.
    return root + entry.path + (onDisk && /\/$/.test(entry.path) ? "index.html" : "");
  }

  function say(text) { if (status) status.textContent = text; }

  function update() {
    if (!entries) { if (input.value.trim()) say("Loading the search index…"); return; }
    results = search(input.value);
    active = results.length ? 0 : -1;
    list.textContent = "";
    results.forEach(function (entry, i) {
      var item = document.createElement("li");
      item.id = "site-search-result-" + i;
      item.setAttribute("role", "option");
      // Options hold text only (a link inside one is a control nested in a control);
      // a click or Enter opens the result's page.
      item.setAttribute("data-href", href(entry));
      var title = document.createElement("span");
      title.className = "result-title";
      title.textContent = entry.title;
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = kinds[entry.kind] || "";
      item.appendChild(title);
      item.appendChild(kind);
      if (entry.aliases.length) {
        var aliases = document.createElement("span");
        aliases.className = "result-aliases";
        aliases.textContent = entry.aliases.join(", ");
        item.appendChild(aliases);
      }
      if (entry.summary) {
        var summary = document.createElement("span");
        summary.className = "result-summary";
        summary.textContent = entry.summary;
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
    var open = input.value.trim() !== "";
    if (open && !results.length) {
      var none = document.createElement("li");
      none.className = "no-results";
      none.setAttribute("role", "option");
      none.setAttribute("aria-disabled", "true");
      none.textContent = "No page matches. Browse the A–Z index instead.";
      list.appendChild(none);
    }
    list.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    say(open ? (results.length ? results.length + (results.length === 1 ? " result" : " results") : "No results") : "");
    highlight();
  }

  function highlight() {
    var items = list.querySelectorAll("[role=option]");
    for (var i = 0; i < items.length; i++) items[i].setAttribute("aria-selected", i === active ? "true" : "false");
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  // Pressing on a result keeps the focus in the box (so the list stays open), and
  // releasing opens it.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) {
    var item = event.target.closest ? event.target.closest("[role=option]") : null;
    if (item && item.hasAttribute("data-href")) location.href = item.getAttribute("data-href");
  });
  input.addEventListener("focus", load);
  input.addEventListener("input", function () { load(); update(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!results.length) return;
      event.preventDefault();
      list.hidden = false;
      var step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + results.length) % results.length;
      highlight();
    } else if (event.key === "Enter") {
      if (active < 0 || !results.length) return; // no match: the form opens the A–Z index
      event.preventDefault();
      location.href = href(results[active]);
    } else if (event.key === "Escape") {
      if (list.hidden) input.blur(); else close();
    }
  });
  form.addEventListener("focusout", function (event) {
    if (!form.contains(event.relatedTarget)) close();
  });
  // `?q=churn`, which the form sends to the A–Z index when Enter finds nothing (or
  // before the script ran): the query is searched again here.
  var asked = /[?&]q=([^&#]*)/.exec(location.search);
  if (asked) {
    try { input.value = decodeURIComponent(asked[1].replace(/\+/g, " ")); } catch (error) { input.value = ""; }
    if (input.value.trim()) { load(); update(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
