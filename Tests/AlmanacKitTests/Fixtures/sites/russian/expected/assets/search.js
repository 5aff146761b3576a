// Offline search over window.ALMANAC_SEARCH (search-index.js, loaded by a
// classic <script src>, which works from file:// where fetch() does not).
// The index: kinds = [folder, noun, count] by number (entries are numbered
// kind by kind); years = runs "YEAR*COUNT" ("*COUNT": no year) of each
// entry's year; docs = "KIND TAB slug TAB title TAB date TAB summary TAB
// aliases (|-separated)" per entry, its page folder/slug.html; words = folded
// word -> postings; names = an entry's title or alias, folded words joined by
// spaces -> its entries. On a large site docs, words and names are not inline:
// docs come in files of `chunk` entries (search/d-N.js), words and names in
// shards by prefix (search/w-KEY.js; `shards` lists the keys), each loaded
// when a query needs it through a <script> element.
// Postings: comma-separated base-36 gaps between values doc * 4 + field
// (field 3 title, 2 alias, 1 summary, 0 body); names': gaps between entries.
// Filters: kind (a noun: event, actor...) and a range of years (from, to),
// from the form and the address: search.html?q=WORDS&kind=event&from=2014&to=2019.
(function () {
  "use strict";
  var index = window.ALMANAC_SEARCH || { kinds: [], years: "", chunk: 0, shards: [], docs: [], words: {}, names: {} };
  var input = document.getElementById("q");
  var kindInput = document.getElementById("kind");
  var fromInput = document.getElementById("from");
  var toInput = document.getElementById("to");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  // The messages in the page's language (search.html's data-strings); English for a theme without them.
  var strings = JSON.parse(list.getAttribute("data-strings") || "null") || {
    plural: "one-other", too_short: "Type at least two letters.", more: "Show {count} more",
    results: { one: "{count} result for “{query}”", other: "{count} results for “{query}”" }, kinds: {},
    in_year: "in {year}", from_to: "from {from} to {to}", from: "from {from}", to: "up to {to}"
  };
  var FIELD_WEIGHT = [1, 4, 7, 10];
  var PREFIX_FACTOR = 0.6;
  var PAGE = 50;
  var EXACT_NAME_BONUS = 100;

  // Entries of each kind are numbered together: the range of each, by noun.
  var count = 0, kindRange = {};
  index.kinds.forEach(function (kind) {
    kindRange[kind[1]] = [count, count + kind[2]];
    count += kind[2];
  });
  // Each entry's year (0: none), and the site's first and last.
  var yearOf = new Int32Array(count), firstYear = 0, lastYear = 0;
  (function () {
    var at = 0;
    index.years.split(",").forEach(function (run) {
      if (!run) return;
      var parts = run.split("*"), year = +parts[0] || 0, n = +parts[1];
      for (var i = 0; i < n && at < count; i++) yearOf[at++] = year;
      if (year && (!firstYear || year < firstYear)) firstYear = year;
      if (year > lastYear) lastYear = year;
    });
  })();

  var sharded = index.chunk > 0;
  var docs = sharded ? new Array(count) : index.docs;
  var shards = {};   // shard key -> {words, names}, once its script ran
  var wordLists = {}; // shard key -> its words, for prefix matches
  var generation = 0;
  var shown = [];

  window.ALMANAC_SEARCH_SHARD = function (key, words, names) { shards[key] = { words: words, names: names }; };
  window.ALMANAC_SEARCH_DOCS = function (chunk, rows) {
    for (var i = 0; i < rows.length; i++) docs[chunk * index.chunk + i] = rows[i];
  };
  if (!sharded) shards[""] = { words: index.words, names: index.names };

  // The form of a message for n, by the language's plural rule (as Plural.category in Almanac).
  function plural(forms, n) {
    var category = n === 1 ? "one" : "other";
    if (strings.plural === "east-slavic") {
      var units = n % 10, tens = n % 100;
      category = units === 1 && tens !== 11 ? "one" : units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? "few" : "many";
    }
    return forms[category] || forms.other || forms.many || "";
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  // As the generator folds: canonical decomposition, marks dropped, lower case.
  function fold(text) {
    return text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
  }
  // Words are indexed by their first WORD_LIMIT characters (SearchIndex.wordLimit).
  var WORD_LIMIT = 40;
  function termsOf(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 1; }).map(function (t) {
      var chars = Array.from(t);
      return chars.length > WORD_LIMIT ? chars.slice(0, WORD_LIMIT).join("") : t;
    });
  }

  // The shard holding `text` itself: the longest key it starts with ("" when inline).
  function shardOf(text) {
    if (!sharded) return "";
    var best = null;
    index.shards.forEach(function (key) {
      if (text.lastIndexOf(key, 0) === 0 && (best === null || key.length > best.length)) best = key;
    });
    return best;
  }
  // Every shard with words that start with `term`: its own, and those whose keys start with it.
  function shardsFor(term) {
    if (!sharded) return [""];
    var own = shardOf(term), keys = own === null ? [] : [own];
    index.shards.forEach(function (key) {
      if (key.length > term.length && key.lastIndexOf(term, 0) === 0) keys.push(key);
    });
    return keys;
  }
  // A shard's file: w- and its key, any character but a-z and 0-9 as _HEX_ (SearchShards.name).
  function shardFile(key) {
    return "search/w-" + Array.from(key).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_";
    }).join("") + ".js";
  }

  // Loads each script once; `done` runs once all of `paths` have run (or failed to load).
  var requested = {}, finished = {}, waiters = [];
  function load(paths, done) {
    function ready() { return paths.every(function (path) { return finished[path]; }); }
    if (ready()) { done(); return; }
    waiters.push(function () { if (!ready()) return false; done(); return true; });
    paths.forEach(function (path) {
      if (requested[path]) return;
      requested[path] = true;
      var script = document.createElement("script");
      script.src = path;
      script.onload = script.onerror = function () {
        finished[path] = true;
        // A waiter that runs may ask for more scripts, and wait for them in turn.
        var current = waiters;
        waiters = [];
        waiters = current.filter(function (waiter) { return !waiter(); }).concat(waiters);
      };
      document.head.appendChild(script);
    });
  }
  function shardFiles(keys) { return sharded ? keys.map(shardFile) : []; }
  function docFiles(hits) {
    if (!sharded) return [];
    var files = {};
    hits.forEach(function (hit) { if (docs[hit[1]] === undefined) files["search/d-" + Math.floor(hit[1] / index.chunk) + ".js"] = true; });
    return Object.keys(files);
  }

  // Adds the entries of one word's postings to scores, keeping each entry's best.
  function decode(postings, scores, weight) {
    var value = 0, gap = 0;
    for (var i = 0; i <= postings.length; i++) {
      var c = i < postings.length ? postings.charCodeAt(i) : 44;
      if (c !== 44) { gap = gap * 36 + (c < 58 ? c - 48 : c - 87); continue; }
      value += gap;
      gap = 0;
      var doc = value >> 2, score = FIELD_WEIGHT[value & 3] * weight;
      if (scores[doc] < score) scores[doc] = score;
    }
  }

  // Each entry's best score for one term: the word itself, or words it begins.
  function scoresOf(term) {
    var scores = new Float64Array(count), has = Object.prototype.hasOwnProperty;
    shardsFor(term).forEach(function (key) {
      var shard = shards[key];
      if (!shard) return;  // a shard that failed to load
      var words = shard.words;
      if (!wordLists[key]) wordLists[key] = Object.keys(words);
      if (has.call(words, term)) decode(words[term], scores, 1);
      var all = wordLists[key];
      for (var i = 0; i < all.length; i++) {
        var word = all[i];
        if (word.length > term.length && word.lastIndexOf(term, 0) === 0) decode(words[word], scores, PREFIX_FACTOR);
      }
    });
    return scores;
  }

  // The entries whose title or an alias is exactly `wanted`.
  function namedBy(wanted) {
    var named = {}, shard = shards[shardOf(wanted)];
    var postings = shard && Object.prototype.hasOwnProperty.call(shard.names, wanted) ? shard.names[wanted] : "";
    var doc = 0, gap = 0;
    for (var i = 0; i <= postings.length && postings; i++) {
      var c = i < postings.length ? postings.charCodeAt(i) : 44;
      if (c !== 44) { gap = gap * 36 + (c < 58 ? c - 48 : c - 87); continue; }
      doc += gap;
      gap = 0;
      named[doc] = true;
    }
    return named;
  }

  // Whether an entry passes the filters.
  function admits(filter, doc) {
    if (filter.range && (doc < filter.range[0] || doc >= filter.range[1])) return false;
    if (filter.from || filter.to) {
      var year = yearOf[doc];
      if (!year || (filter.from && year < filter.from) || (filter.to && year > filter.to)) return false;
    }
    return true;
  }

  // Entries that match every term and the filters, best first, then in the site's order.
  function rank(terms, filter) {
    var total = scoresOf(terms[0]);
    for (var t = 1; t < terms.length; t++) {
      var scores = scoresOf(terms[t]);
      for (var d = 0; d < total.length; d++) total[d] = scores[d] > 0 && total[d] > 0 ? total[d] + scores[d] : 0;
    }
    var hits = [], named = namedBy(terms.join(" ")), least = FIELD_WEIGHT[2] * terms.length;
    for (var doc = 0; doc < total.length; doc++) {
      if (!(total[doc] > 0) || !admits(filter, doc)) continue;
      // An entry whose title or an alias is exactly the query comes first.
      if (total[doc] >= least && named[doc]) total[doc] += EXACT_NAME_BONUS;
      hits.push([total[doc], doc]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return hits;
  }

  // Shows the next page of results, once their rows are loaded.
  function show(from, mine, done) {
    var page = shown.slice(from, from + PAGE);
    load(docFiles(page), function () {
      if (mine !== generation) return;
      page.forEach(function (hit) {
        if (docs[hit[1]] === undefined) return;  // its file failed to load
        var li = document.createElement("li");
        var row = docs[hit[1]].split("\t"), kind = index.kinds[+row[0]];
        var a = document.createElement("a");
        a.href = kind[0] + "/" + row[1] + ".html";
        a.textContent = row[2];
        li.appendChild(a);
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = (strings.kinds[kind[0]] || kind[1]) + (row[3] ? " · " + row[3] : "");
        li.appendChild(meta);
        if (row[4]) {
          var summary = document.createElement("p");
          summary.textContent = row[4];
          li.appendChild(summary);
        }
        list.appendChild(li);
      });
      var left = shown.length - from - page.length;
      more.hidden = left <= 0;
      more.textContent = fill(strings.more, { count: String(Math.min(left, PAGE)) });
      if (done) done();
    });
  }

  // The filters as the form has them: a kind's range of entries, a range of years.
  function filters() {
    var kind = kindInput.value, from = parseInt(fromInput.value, 10) || 0, to = parseInt(toInput.value, 10) || 0;
    if (from && to && from > to) { var swap = from; from = to; to = swap; }
    return { kind: kindRange[kind] ? kind : "", range: kindRange[kind] || null, from: from, to: to };
  }
  // What the filters let through, for the status line: " (Events, from 2014 to 2019)".
  function describe(filter) {
    var parts = [], from = String(filter.from), to = String(filter.to);
    if (filter.kind) parts.push(kindInput.options[kindInput.selectedIndex].text);
    if (filter.from && filter.to) parts.push(filter.from === filter.to ? fill(strings.in_year, { year: from }) : fill(strings.from_to, { from: from, to: to }));
    else if (filter.from) parts.push(fill(strings.from, { from: from }));
    else if (filter.to) parts.push(fill(strings.to, { to: to }));
    return parts.length ? " (" + parts.join(", ") + ")" : "";
  }

  function search() {
    var mine = ++generation, query = input.value, filter = filters();
    var terms = termsOf(query);
    if (!terms.length) {
      list.textContent = "";
      more.hidden = true;
      shown = [];
      status.textContent = query.trim() ? strings.too_short : "";
      return;
    }
    var keys = [];
    terms.forEach(function (term) { keys = keys.concat(shardsFor(term)); });
    var own = shardOf(terms.join(" "));
    if (own !== null) keys.push(own);
    load(shardFiles(keys), function () {
      if (mine !== generation) return;
      var start = performance.now();
      shown = rank(terms, filter);
      var ranked = performance.now() - start;
      list.textContent = "";
      show(0, mine, function () {
        status.textContent = fill(plural(strings.results, shown.length), { count: String(shown.length), query: query.trim() }) + describe(filter);
        status.setAttribute("data-ms", ranked.toFixed(1));
      });
    });
  }

  // The address carries the query and the filters, so that a search can be linked to.
  function remember() {
    try {
      var url = new URL(window.location.href);
      [["q", input.value], ["kind", kindInput.value], ["from", fromInput.value], ["to", toInput.value]].forEach(function (pair) {
        if (pair[1]) url.searchParams.set(pair[0], pair[1]); else url.searchParams.delete(pair[0]);
      });
      history.replaceState(null, "", url.href);
    } catch (e) { /* some browsers refuse history changes on file:// */ }
  }

  more.addEventListener("click", function () { show(list.children.length, generation); });
  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  kindInput.value = kindRange[params.get("kind")] ? params.get("kind") : "";
  fromInput.value = params.get("from") || "";
  toInput.value = params.get("to") || "";
  if (firstYear) {
    [fromInput, toInput].forEach(function (field) { field.min = firstYear; field.max = lastYear; });
    fromInput.placeholder = firstYear;
    toInput.placeholder = lastYear;
  }
  search();
  var timer;
  function changed() {
    clearTimeout(timer);
    timer = setTimeout(function () { search(); remember(); }, 120);
  }
  [input, fromInput, toInput].forEach(function (field) { field.addEventListener("input", changed); });
  kindInput.addEventListener("change", changed);
})();
