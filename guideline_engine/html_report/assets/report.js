/* The items table (filtered, sorted, drawn a page at a time) and the item view (the letter's
   text with the evidence of each fact highlighted). Data: the JSON block #rows, parsed at load;
   the packed blocks #letter-N and #text-N (JSON, deflated, base64), unpacked the first time
   one of the letter's items is opened. */
(function () {
  "use strict";
  var PAGE_SIZE = 100;
  var COLOURS = 12;
  var RANK = { disagree: 0, undetermined: 1, agree: 2, out_of_scope: 3 };
  var VERDICT_LABEL = { agree: "agree", disagree: "disagree", undetermined: "undetermined",
                        out_of_scope: "out of scope" };

  var rows = JSON.parse(document.getElementById("rows").textContent);
  var tbody = document.querySelector("#items tbody");
  var view = document.getElementById("item-view");
  var layout = document.querySelector(".items-layout");
  var control = {
    verdict: document.getElementById("filter-verdict"),
    modality: document.getElementById("filter-modality"),
    guideline: document.getElementById("filter-guideline"),
    finding: document.getElementById("filter-finding"),
    letter: document.getElementById("filter-letter")
  };
  var state = { shown: rows, page: 0, sort: null, dir: 1, selected: null };

  // ------------------------------------------------------------ small DOM helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (attrs[key] === null || attrs[key] === undefined || attrs[key] === false) return;
        if (key === "text") node.textContent = attrs[key];
        else if (key === "cls") node.className = attrs[key];
        else node.setAttribute(key, attrs[key]);
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function words(value) { return String(value).replace(/_/g, " "); }

  function baseName(path) {
    var cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
    return cut < 0 ? path : path.slice(cut + 1);
  }

  function verdictBadge(verdict) {
    return el("span", { cls: "verdict verdict-" + verdict, text: VERDICT_LABEL[verdict] || verdict });
  }

  function engineText(row) {
    var text = row.outcome;
    if (row.outcome === "upheld" && row.approvable !== null) text += " (up to " + row.approvable + ")";
    return text;
  }

  // ------------------------------------------------------------ filter, sort, page

  function matches(row) {
    var v = control.verdict.value, m = control.modality.value, g = control.guideline.value,
        f = control.finding.value, q = control.letter.value.trim().toLowerCase();
    if (v && row.verdict !== v) return false;
    if (m && row.modality !== m) return false;
    if (g) {
      if (g.indexOf("|") >= 0) { if (row.guideline + "|" + row.edition !== g) return false; }
      else if (row.guideline !== g) return false;
    }
    if (f && row.kinds.indexOf(f) < 0) return false;
    if (q && row.source.toLowerCase().indexOf(q) < 0) return false;
    return true;
  }

  function sortKey(row, key) {
    if (key === "verdict") return RANK[row.verdict];
    if (key === "index") return row.index;
    if (key === "kinds") return row.kinds.join(" ");
    if (key === "guideline") return row.guideline + " " + row.edition;
    if (key === "outcome") return engineText(row);
    return String(row[key]).toLowerCase();
  }

  function apply() {
    var shown = rows.filter(matches);
    if (state.sort) {
      var key = state.sort, dir = state.dir;
      shown.sort(function (a, b) {
        var x = sortKey(a, key), y = sortKey(b, key);
        if (x < y) return -dir;
        if (x > y) return dir;
        return a.id - b.id;   // then the default order (disagreements first)
      });
    }
    state.shown = shown;
    state.page = 0;
    draw();
  }

  function rowElement(row) {
    var title = el("td", { cls: "title" }, [row.title]);
    if (row.unconfirmed) {
      title.appendChild(el("span", { cls: "unconfirmed", text: "unconfirmed figure",
                                     title: "a finding rests on a guideline figure the project has not confirmed" }));
    }
    return el("tr", { cls: "item" + (row.id === state.selected ? " selected" : ""),
                      "data-id": String(row.id), "data-verdict": row.verdict, tabindex: "0" }, [
      el("td", null, [verdictBadge(row.verdict)]),
      el("td", { cls: "source", title: row.source, text: baseName(row.source) }),
      el("td", { text: String(row.index) }),
      title,
      el("td", { cls: "wide", text: words(row.modality) }),
      el("td", { cls: "wide", text: row.recorded }),
      el("td", { text: engineText(row) }),
      el("td", { cls: "wide", text: row.guideline === "none" ? "–" : row.guideline + (row.edition ? " · " + row.edition : "") }),
      el("td", { cls: "wide", text: row.kinds.map(words).join(", ") })
    ]);
  }

  function draw() {
    var total = state.shown.length;
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * PAGE_SIZE;
    var end = Math.min(total, start + PAGE_SIZE);
    var fragment = document.createDocumentFragment();
    for (var i = start; i < end; i++) fragment.appendChild(rowElement(state.shown[i]));
    tbody.textContent = "";
    tbody.appendChild(fragment);
    document.getElementById("page-info").textContent =
      total ? "items " + (start + 1) + "–" + end + " of " + total + " (page " + (state.page + 1) + " of " + pages + ")"
            : "no item matches";
    document.getElementById("match-count").textContent = String(total);
    document.getElementById("page-prev").disabled = state.page === 0;
    document.getElementById("page-next").disabled = state.page >= pages - 1;
  }

  function setSort(th) {
    var key = th.getAttribute("data-sort");
    if (state.sort === key) state.dir = -state.dir;
    else { state.sort = key; state.dir = 1; }
    document.querySelectorAll("#items th[data-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
    apply();
  }

  // ------------------------------------------------------------ lazily unpacked blocks

  var unpacked = {};

  function loaded() {
    if (document.readyState !== "loading") return Promise.resolve();
    return new Promise(function (resolve) {
      document.addEventListener("DOMContentLoaded", resolve, { once: true });
    });
  }

  /* The data of a packed block (JSON, deflated, base64), once: a promise. A block the parser
     has not reached yet is waited for. */
  function unpack(id) {
    if (!(id in unpacked)) {
      var node = document.getElementById(id);
      if (!node) return loaded().then(function () {
        if (!document.getElementById(id)) throw new Error("no data block " + id);
        return unpack(id);
      });
      var binary = atob(node.textContent);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
      unpacked[id] = new Response(stream).text().then(JSON.parse);
    }
    return unpacked[id];
  }

  // ------------------------------------------------------------ the letter text, highlighted

  function appendText(parent, text, pages) {
    // form feeds separate PDF pages: keep the character (offsets, quotes) and show a rule
    var parts = text.split("\f");
    for (var i = 0; i < parts.length; i++) {
      if (i > 0) {
        pages.page += 1;
        parent.appendChild(document.createTextNode("\f"));
        parent.appendChild(el("span", { cls: "page-break", "data-page": String(pages.page) }));
      }
      if (parts[i]) parent.appendChild(document.createTextNode(parts[i]));
    }
  }

  function evidenceSpans(item, length) {
    var spans = [], colour = 0;
    item.facts.forEach(function (fact) {
      if (!fact.evidence.length) return;
      var cls = "evidence ev-" + (colour++ % COLOURS);
      fact.evidence.forEach(function (ev, k) {
        if (ev.start < 0 || ev.end > length || ev.end <= ev.start) return;
        spans.push({ start: ev.start, end: ev.end, fact: fact.name, cls: cls,
                     id: fact.name + ":" + k,
                     title: words(fact.name) + ": " + fact.value + " (" + ev.part + (ev.page ? ", page " + ev.page : "") + ")" });
      });
    });
    spans.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    return spans;
  }

  function insertSorted(spans, from, span) {
    var i = from;
    while (i < spans.length && (spans[i].start < span.start ||
           (spans[i].start === span.start && spans[i].end >= span.end))) i++;
    spans.splice(i, 0, span);
  }

  /* Marks nest where evidence nests; evidence that overlaps another without nesting is cut in
     two marks with the same data-ev, so every mark lies inside its parent. */
  function highlighted(text, spans) {
    var root = el("div", { cls: "letter-text", tabindex: "0" });
    var stack = [{ node: root, end: Infinity }];
    var pos = 0, i = 0, pages = { page: 1 };
    for (;;) {
      var top = stack[stack.length - 1];
      var next = i < spans.length ? spans[i].start : Infinity;
      if (stack.length > 1 && top.end <= next) {
        appendText(top.node, text.slice(pos, top.end), pages);
        pos = top.end;
        stack.pop();
        continue;
      }
      if (next === Infinity) { appendText(root, text.slice(pos), pages); break; }
      appendText(top.node, text.slice(pos, next), pages);
      pos = next;
      var span = spans[i++];
      var end = span.end;
      if (end > top.end) {
        insertSorted(spans, i, { start: top.end, end: span.end, fact: span.fact, cls: span.cls,
                                 id: span.id, title: span.title });
        end = top.end;
      }
      var mark = el("mark", { cls: span.cls, "data-fact": span.fact, "data-ev": span.id,
                              title: span.title });
      top.node.appendChild(mark);
      stack.push({ node: mark, end: end });
    }
    return root;
  }

  // ------------------------------------------------------------ the item view

  function finding(f, legal) {
    var head = el("div", null, [el("span", { cls: "kind", text: words(f.kind) }),
                                " · " + f.effect + (legal ? " (payment, not medical necessity)" : "")]);
    if (f.unconfirmed) head.appendChild(el("span", { cls: "unconfirmed", text: "unconfirmed figure" }));
    return el("div", { cls: "finding" + (legal ? " legal" : "") }, [
      head,
      el("div", { cls: "reason", text: f.reason }),
      el("div", { cls: "meta" }, [el("span", { cls: "rule", text: f.rule }), " · ", f.citation])
    ]);
  }

  function list(title, items) {
    if (!items.length) return null;
    return el("div", null, [el("h4", { text: title }),
      el("ul", null, items.map(function (n) { return el("li", { text: n }); }))]);
  }

  function factsTable(item) {
    var colour = 0;
    var body = item.facts.map(function (fact) {
      var swatch = fact.evidence.length
        ? el("span", { cls: "swatch ev-" + (colour++ % COLOURS) }) : null;
      var quotes = fact.evidence.map(function (ev) {
        return "“" + ev.quote + "” (" + ev.part + (ev.page ? ", p. " + ev.page : "") + ")";
      }).join("; ");
      return el("tr", { "data-fact": fact.name }, [
        el("td", null, [swatch, " ", words(fact.name)]),
        el("td", { text: fact.value }),
        el("td", { text: [fact.note, quotes].filter(Boolean).join(" — ") })
      ]);
    });
    return el("table", { cls: "facts" }, [
      el("thead", null, [el("tr", null, [el("th", { text: "fact" }), el("th", { text: "value" }),
                                         el("th", { text: "note and evidence" })])]),
      el("tbody", null, body)]);
  }

  function dl(pairs) {
    var node = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "") return;
      node.appendChild(el("dt", { text: p[0] }));
      node.appendChild(el("dd", null, [p[1]]));
    });
    return node;
  }

  /* Open item `id` (a row's id): its letter's blocks are unpacked, then the view is drawn and
     an "item-shown" event fires on it. The last item asked for wins. */
  function showItem(id) {
    var row = rows[id];
    if (!row) return Promise.resolve();
    state.selected = id;
    tbody.querySelectorAll("tr.selected").forEach(function (tr) { tr.classList.remove("selected"); });
    var tr = tbody.querySelector('tr[data-id="' + id + '"]');
    if (tr) tr.classList.add("selected");
    if (!view.hidden && view.getAttribute("data-row") !== String(id)) view.setAttribute("aria-busy", "true");
    return unpack("letter-" + row.letter).then(function (letter) {
      var text = letter.text_block === null ? null : unpack("text-" + letter.text_block);
      return Promise.resolve(text).then(function (text) {
        if (state.selected === id) drawItem(id, letter, letter.items[row.item], text);
      });
    }).catch(function (error) {
      view.hidden = false;
      view.textContent = "This item cannot be shown: " + error.message;
    });
  }

  function drawItem(id, letter, item, text) {
    var d = item;
    var parts = [
      el("button", { type: "button", cls: "close", id: "item-view-close", text: "close" }),
      el("h3", { text: "#" + d.index + " " + d.title }),
      el("p", { cls: "note", title: letter.source, text: letter.source }),
      verdictBadge(d.verdict)
    ];
    if (d.verdict === "disagree" && d.disagreement) {
      parts.push(el("p", { cls: "disagreement", id: "disagreement", text: d.disagreement }));
    } else if (d.verdict === "out_of_scope" && d.disagreement) {
      parts.push(el("p", { cls: "out-of-scope", text: d.disagreement }));
    }
    var approvable = d.approvable === null ? null : String(d.approvable);
    parts.push(dl([
      ["heading", d.heading],
      ["recorded", d.recorded],
      ["engine", d.outcome + (d.medically_necessary === null ? "" :
                 d.medically_necessary ? " (medically necessary)" : " (not medically necessary as requested)")],
      ["approvable visits", approvable],
      ["governing", d.governing ? d.governing + (d.governing_reason ? " — " + d.governing_reason : "") : d.governing_reason],
      ["as of", d.as_of],
      ["reviewer cited", d.reviewer_guidelines.join(", ")],
      ["reviewer specialty", letter.specialties.join(", ")],
      ["layout", letter.layout]
    ]));
    if (d.findings.length) {
      parts.push(el("h4", { text: "Findings" }));
      d.findings.forEach(function (f) { parts.push(finding(f, false)); });
    }
    if (d.legal_notes.length) {
      parts.push(el("h4", { text: "Legal notes" }));
      d.legal_notes.forEach(function (f) { parts.push(finding(f, true)); });
    }
    parts.push(list("Decision notes", d.notes));
    parts.push(list("Audit notes", d.audit_notes));
    parts.push(el("h4", { text: "Letter" }));
    if (text === null) {
      parts.push(el("p", { cls: "text-missing", id: "text-missing",
                           text: "The letter's text is not shown: " + (letter.text_note || "it was not read") + "." }));
    } else {
      parts.push(highlighted(text, evidenceSpans(d, text.length)));
    }
    parts.push(el("h4", { text: "Facts" }));
    parts.push(factsTable(d));
    if (d.by_guideline.length) {
      parts.push(el("h4", { text: "By guideline" }));
      parts.push(el("ul", null, d.by_guideline.map(function (g) {
        return el("li", { text: g.guideline + ": " + g.outcome +
          (g.approvable === null ? "" : ", approvable " + g.approvable) +
          (g.edition ? " [" + g.edition + "]" : "") + (g.note ? " (" + g.note + ")" : "") });
      })));
    }

    view.textContent = "";
    parts.forEach(function (p) { if (p) view.appendChild(p); });
    view.hidden = false;
    layout.classList.add("open");
    var first = view.querySelector("mark.evidence");
    var box = view.querySelector(".letter-text");
    if (first && box) box.scrollTop = Math.max(0, first.offsetTop - 40);   // box is its offsetParent
    view.scrollTop = 0;
    view.removeAttribute("aria-busy");
    view.setAttribute("data-row", String(id));
    if (history.replaceState) history.replaceState(null, "", "#item-" + id);
    view.dispatchEvent(new CustomEvent("item-shown", { detail: id }));
  }

  function closeItem() {
    view.hidden = true;
    view.textContent = "";
    view.removeAttribute("data-row");
    layout.classList.remove("open");
    state.selected = null;
    tbody.querySelectorAll("tr.selected").forEach(function (tr) { tr.classList.remove("selected"); });
  }

  // ------------------------------------------------------------ wiring

  ["verdict", "modality", "guideline", "finding"].forEach(function (name) {
    control[name].addEventListener("change", apply);
  });
  var typing = null;
  control.letter.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(apply, 120);
  });
  document.getElementById("filter-reset").addEventListener("click", function () {
    Object.keys(control).forEach(function (name) { control[name].value = ""; });
    apply();
  });
  document.querySelectorAll(".show-verdict").forEach(function (button) {
    button.addEventListener("click", function () {
      control.verdict.value = button.getAttribute("data-verdict");
      apply();
      document.getElementById("items-section").scrollIntoView();
    });
  });
  document.querySelectorAll("#items th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () { setSort(th); });
  });
  document.getElementById("page-prev").addEventListener("click", function () {
    if (state.page > 0) { state.page -= 1; draw(); }
  });
  document.getElementById("page-next").addEventListener("click", function () {
    state.page += 1; draw();
  });
  tbody.addEventListener("click", function (event) {
    var tr = event.target.closest("tr.item");
    if (tr) showItem(Number(tr.getAttribute("data-id")));
  });
  tbody.addEventListener("keydown", function (event) {
    var tr = event.target.closest("tr.item");
    if (tr && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      showItem(Number(tr.getAttribute("data-id")));
    }
  });
  view.addEventListener("click", function (event) {
    if (event.target.id === "item-view-close") closeItem();
  });

  apply();
  document.documentElement.setAttribute("data-ready", "table");
  window.reportTableReadyAt = performance.now();
  var wanted = /^#item-(\d+)$/.exec(location.hash);
  if (wanted) showItem(Number(wanted[1]));
})();
