// The LA list's sorting and filtering. The page reads whole without it: this script only
// adds sort buttons to the column headers and shows the filter (hidden until it runs).
(function () {
  "use strict";

  function cellValue(row, index, kind) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-sort-value");
    var text = raw !== null ? raw : cell.textContent.trim();
    return kind === "number" ? parseFloat(text) : text.toLowerCase();
  }

  function sortBy(table, header, index, kind) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, kind);
      var y = cellValue(b, index, kind);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function makeSortable(table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var kind = header.getAttribute("data-sort");
      if (!kind) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "app-sort-button";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () { sortBy(table, header, index, kind); });
    });
  }

  function filter(tables, name, region, count) {
    var words = name.value.trim().toLowerCase();
    var shown = 0;
    var total = 0;
    tables.forEach(function (table) {
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var rowName = row.cells[0].textContent.trim().toLowerCase();
        var rowRegion = row.cells[1].textContent.trim();
        var match = (!words || rowName.indexOf(words) !== -1) &&
          (!region.value || rowRegion === region.value);
        row.hidden = !match;
        total += 1;
        if (match) { shown += 1; }
      });
    });
    count.textContent = shown + " of " + total + " local authorities shown";
  }

  var tables = Array.prototype.slice.call(document.querySelectorAll("table[data-la-table]"));
  tables.forEach(makeSortable);
  var panel = document.getElementById("la-filter");
  if (panel) {
    var name = document.getElementById("la-filter-name");
    var region = document.getElementById("la-filter-region");
    var count = document.getElementById("la-filter-count");
    var update = function () { filter(tables, name, region, count); };
    name.addEventListener("input", update);
    region.addEventListener("change", update);
    panel.hidden = false;
  }
})();
