// Offline search over window.ALMANAC_SEARCH (search-index.js, loaded by a
// classic <script src>, which works from file:// where fetch() does not).
// Each row: [url, title, kind, date, summary, aliases, words].
(function () {
  "use strict";
  var rows = window.ALMANAC_SEARCH || [];
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var folded = rows.map(function (row) {
    return [fold(row[1]), fold(row[5]), fold(row[4]), " " + fold(row[6]) + " "];
  });

  function score(i, terms) {
    var total = 0;
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t], f = folded[i], s = 0;
      if (f[0].indexOf(term) >= 0) s += f[0].indexOf(term) === 0 ? 12 : 8;
      if (f[1].indexOf(term) >= 0) s += 6;
      if (f[2].indexOf(term) >= 0) s += 3;
      if (f[3].indexOf(" " + term) >= 0) s += 1;
      if (s === 0) return 0;
      total += s;
    }
    return total;
  }

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < rows.length; i++) {
      var s = score(i, terms);
      if (s > 0) hits.push([s, i]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    status.textContent = hits.length === 1 ? "1 result" : hits.length + " results";
    hits.slice(0, 100).forEach(function (hit) {
      var row = rows[hit[1]];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = row[0];
      a.textContent = row[1];
      li.appendChild(a);
      var meta = document.createElement("div");
      meta.className = "meta";
      meta.textContent = row[2] + (row[3] ? " · " + row[3] : "");
      li.appendChild(meta);
      if (row[4]) {
        var summary = document.createElement("div");
        summary.textContent = row[4];
        li.appendChild(summary);
      }
      list.appendChild(li);
    });
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  search(query);
  input.addEventListener("input", function () { search(input.value); });
})();
