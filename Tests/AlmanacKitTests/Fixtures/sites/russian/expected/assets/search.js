// Offline search over window.ALMANAC_SEARCH (search-index.js, loaded by a
// classic <script src>, which works from file:// where fetch() does not).
// The index: kinds = [folder, noun] by number; docs = "KIND TAB slug TAB
// title TAB date TAB summary TAB aliases (|-separated)" per entry, its page
// folder/slug.html; words =
// folded word -> postings; shards = first characters whose words are in
// search/<key>.js, loaded on demand through a <script> element.
// Postings: comma-separated base-36 gaps between values doc * 4 + field
// (field 3 title, 2 alias, 1 summary, 0 body).
(function () {
  "use strict";
  var index = window.ALMANAC_SEARCH || { docs: [], words: {}, shards: [] };
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  // The messages in the page's language (search.html's data-strings); English for a theme without them.
  var strings = JSON.parse(list.getAttribute("data-strings") || "null") || {
    plural: "one-other", too_short: "Type at least two letters.", more: "Show {count} more",
    results: { one: "{count} result for “{query}”", other: "{count} results for “{query}”" }, kinds: {}
  };
  var FIELD_WEIGHT = [1, 4, 7, 10];
  var PREFIX_FACTOR = 0.6;
  var PAGE = 50;
  var EXACT_NAME_BONUS = 100;

  var docs = index.docs;
  var sharded = {};
  index.shards.forEach(function (key) { sharded[key] = true; });
  var loaded = {};   // shard key -> words, once its script ran
  var loading = {};  // shard key -> true while its script loads
  var wordLists = {}; // shard key (or "" for inline words) -> its words, for prefix matches
  var generation = 0;
  var shown = [];

  window.ALMANAC_SEARCH_SHARD = function (key, words) { loaded[key] = words; };

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
  function shardKey(term) {
    var c = term.charAt(0);
    return /[a-z0-9]/.test(c) ? c : "x" + term.codePointAt(0).toString(16);
  }
  function wordsFor(term) {
    var key = shardKey(term);
    if (!sharded[key]) return { key: "", words: index.words };
    return { key: key, words: loaded[key] || {} };
  }

  // Calls done once the shards the terms need have run (or failed to load).
  var waiters = [];
  function ensureShards(terms, done) {
    var keys = terms.map(shardKey).filter(function (key) { return sharded[key] && !loaded[key]; });
    function ready() { return keys.every(function (key) { return loaded[key]; }); }
    if (ready()) { done(); return; }
    waiters.push(function () { if (!ready()) return false; done(); return true; });
    keys.forEach(function (key) {
      if (loading[key]) return;
      loading[key] = true;
      var script = document.createElement("script");
      script.src = "search/" + key + ".js";
      script.onload = script.onerror = function () {
        if (!loaded[key]) loaded[key] = {};
        waiters = waiters.filter(function (waiter) { return !waiter(); });
      };
      document.head.appendChild(script);
    });
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
    var found = wordsFor(term), words = found.words, scores = new Float64Array(docs.length);
    if (!wordLists[found.key] || wordLists[found.key].source !== words) {
      wordLists[found.key] = { source: words, list: Object.keys(words) };
    }
    if (Object.prototype.hasOwnProperty.call(words, term)) decode(words[term], scores, 1);
    var all = wordLists[found.key].list;
    for (var i = 0; i < all.length; i++) {
      var word = all[i];
      if (word.length > term.length && word.lastIndexOf(term, 0) === 0) decode(words[word], scores, PREFIX_FACTOR);
    }
    return scores;
  }

  function namesOf(doc) {
    var row = docs[doc].split("\t");
    return [row[2]].concat(row[5] ? row[5].split("|") : []).map(function (name) { return termsOf(name).join(" "); });
  }

  // Entries that match every term, best first, then in the site's order.
  function rank(terms) {
    var total = scoresOf(terms[0]);
    for (var t = 1; t < terms.length; t++) {
      var scores = scoresOf(terms[t]);
      for (var d = 0; d < total.length; d++) total[d] = scores[d] > 0 && total[d] > 0 ? total[d] + scores[d] : 0;
    }
    var hits = [], wanted = terms.join(" "), named = FIELD_WEIGHT[2] * terms.length;
    for (var doc = 0; doc < total.length; doc++) {
      if (!(total[doc] > 0)) continue;
      // An entry whose title or an alias is exactly the query comes first.
      if (total[doc] >= named && namesOf(doc).indexOf(wanted) >= 0) total[doc] += EXACT_NAME_BONUS;
      hits.push([total[doc], doc]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return hits;
  }

  function show(from) {
    shown.slice(from, from + PAGE).forEach(function (hit) {
      var row = docs[hit[1]].split("\t"), kind = index.kinds[+row[0]];
      var li = document.createElement("li");
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
    var left = shown.length - list.children.length;
    more.hidden = left <= 0;
    more.textContent = fill(strings.more, { count: String(Math.min(left, PAGE)) });
  }

  function search(query) {
    var mine = ++generation;
    var terms = termsOf(query);
    if (!terms.length) {
      list.textContent = "";
      more.hidden = true;
      shown = [];
      status.textContent = query.trim() ? strings.too_short : "";
      return;
    }
    ensureShards(terms, function () {
      if (mine !== generation) return;
      var start = performance.now();
      shown = rank(terms);
      list.textContent = "";
      show(0);
      status.textContent = fill(plural(strings.results, shown.length), { count: String(shown.length), query: query.trim() });
      status.setAttribute("data-ms", (performance.now() - start).toFixed(1));
    });
  }

  more.addEventListener("click", function () { show(list.children.length); });
  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  search(query);
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      search(input.value);
      try {
        var url = new URL(window.location.href);
        if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
        history.replaceState(null, "", url.href);
      } catch (e) { /* some browsers refuse history changes on file:// */ }
    }, 120);
  });
})();
