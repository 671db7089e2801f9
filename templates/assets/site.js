/* Portrait report site: sortable tables, filters and customer search. No network, no eval,
   no innerHTML with data: every value is set as text. Pages read fine without this file. */
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? -Infinity : "";
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (!numeric) return raw;
    var n = parseFloat(raw.replace(/[^0-9.\-]/g, ""));
    return isNaN(n) ? -Infinity : n;
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var numeric = th.classList.contains("num");
        var descending = th.getAttribute("aria-sort") === "ascending" || (numeric && !th.hasAttribute("aria-sort"));
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var body = table.tBodies[0];
        var rows = Array.prototype.filter.call(body.rows, function (r) { return !r.classList.contains("empty"); });
        var keyed = rows.map(function (row, position) { return { row: row, key: cellValue(row, index, numeric), position: position }; });
        keyed.sort(function (a, b) {
          var order = numeric ? a.key - b.key : collator.compare(a.key, b.key);
          if (order === 0) return a.position - b.position;
          return descending ? -order : order;
        });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (k) { fragment.appendChild(k.row); });
        body.appendChild(fragment);
      });
    });
  }

  function setUpFilters(bar) {
    var table = document.getElementById(bar.getAttribute("data-table"));
    if (!table) return;
    bar.hidden = false;
    var selects = bar.querySelectorAll("select[data-filter]");
    var counter = bar.querySelector(".filter-count");
    function apply() {
      var wanted = [];
      Array.prototype.forEach.call(selects, function (s) {
        if (s.value) wanted.push(["data-" + s.getAttribute("data-filter"), s.value]);
      });
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        if (row.classList.contains("empty")) return;
        var ok = wanted.every(function (w) { return row.getAttribute(w[0]) === w[1]; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (counter) counter.textContent = (counter.getAttribute("data-template") || "{0}").replace("{0}", shown.toLocaleString());
    }
    Array.prototype.forEach.call(selects, function (s) { s.addEventListener("change", apply); });
    var hash = decodeURIComponent(location.hash.slice(1));
    hash.split("&").forEach(function (pair) {
      var parts = pair.split("=");
      var select = bar.querySelector('select[data-filter="' + parts[0].replace(/[^a-z_]/g, "") + '"]');
      if (select && parts[1]) select.value = parts[1];
    });
    apply();
  }

  var records = null;
  function loadRecords() {
    if (records) return records;
    records = [];
    var text = window.PORTRAIT_SEARCH;
    if (typeof text !== "string" || !text) return records;
    text.split("\n").forEach(function (line) {
      var f = line.split("\t");
      var phone = f[2] || "";
      records.push({ id: f[0], name: f[1], phone: phone, digits: phone.replace(/[^0-9*]/g, ""), link: f[3] || "",
                     haystack: (f[0] + " " + f[1]).toLowerCase() });
    });
    return records;
  }

  // A masked phone such as 186****4602 matches typed digits it shows (4602, 186), or a whole
  // number of the same length that agrees wherever a digit is shown. Digits typed into the
  // masked middle alone match nothing: they would match every customer.
  function phoneMatches(masked, digits) {
    if (masked.indexOf(digits) !== -1) return true;
    if (digits.length !== masked.length || masked.indexOf("*") === -1) return false;
    for (var k = 0; k < digits.length; k++) {
      if (masked.charAt(k) !== "*" && masked.charAt(k) !== digits.charAt(k)) return false;
    }
    return true;
  }

  function setUpSearch(input) {
    var list = document.getElementById("search-results");
    var limit = 50;
    var timer = 0;
    function run() {
      var query = input.value.trim().toLowerCase();
      while (list.firstChild) list.removeChild(list.firstChild);
      if (!query) { list.hidden = true; return; }
      var digits = query.replace(/[^0-9]/g, "");
      var phoneQuery = digits.length >= 3 && digits.length === query.replace(/[\s\-+]/g, "").length;
      var found = [];
      var all = loadRecords();
      for (var i = 0; i < all.length && found.length <= limit; i++) {
        var r = all[i];
        if (r.haystack.indexOf(query) !== -1 || (phoneQuery && phoneMatches(r.digits, digits))) found.push(r);
      }
      if (!found.length) {
        var none = document.createElement("li");
        none.className = "sr-note";
        none.textContent = input.getAttribute("data-no-results");
        list.appendChild(none);
      }
      found.slice(0, limit).forEach(function (r) {
        var li = document.createElement("li");
        var name;
        if (r.link) {
          name = document.createElement("a");
          name.href = (r.link === "=" ? r.id : r.link) + ".html";
        } else {
          name = document.createElement("span");
        }
        name.textContent = r.name;
        var id = document.createElement("span");
        id.className = "sr-id";
        id.textContent = r.id;
        li.appendChild(name);
        li.appendChild(id);
        if (!r.link) {
          var note = document.createElement("span");
          note.className = "sr-note";
          note.textContent = input.getAttribute("data-no-page");
          li.appendChild(note);
        }
        if (r.phone) {
          var phone = document.createElement("span");
          phone.className = "sr-phone";
          phone.textContent = r.phone;
          li.appendChild(phone);
        }
        list.appendChild(li);
      });
      if (found.length > limit) {
        var more = document.createElement("li");
        more.className = "sr-note";
        more.textContent = (input.getAttribute("data-more") || "").replace("{0}", String(limit));
        list.appendChild(more);
      }
      list.hidden = false;
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    var params = /[?&]q=([^&#]*)/.exec(location.search);
    if (params) {
      input.value = decodeURIComponent(params[1].replace(/\+/g, " "));
      run();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
    Array.prototype.forEach.call(document.querySelectorAll(".filters[data-table]"), setUpFilters);
    var search = document.getElementById("customer-search");
    if (search && document.getElementById("search-results")) setUpSearch(search);
    var quick = document.getElementById("quick-q");
    if (quick && search) quick.closest("form").hidden = true;
  });
})();
