/* SPDX-License-Identifier: MIT */
/* Sortable tables: a button in each header sorts by that column (click, Enter
   or Space), again to reverse. Numbers sort by data-value, text by locale.
   "#sort=TABLE:COLUMN:asc|desc" in the address sorts on load (links, tests). */
(function () {
  "use strict";

  function sortTable(table, column, descending) {
    var header = table.tHead.rows[0];
    var index = -1;
    var numeric = false;
    Array.prototype.forEach.call(header.cells, function (th, i) {
      var button = th.querySelector("button[data-col]");
      if (button && button.getAttribute("data-col") === column) {
        index = i;
        numeric = th.getAttribute("data-type") === "number";
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      } else {
        th.removeAttribute("aria-sort");
      }
    });
    if (index < 0) {
      return;
    }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
      var cell = row.cells[index];
      var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : "";
      return { row: row, raw: raw, number: parseFloat(raw), position: i };
    });
    var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
    rows.sort(function (a, b) {
      // Empty values last in both directions; ties keep their order.
      if (a.raw === "" || b.raw === "") {
        return (a.raw === "") - (b.raw === "") || a.position - b.position;
      }
      var order = numeric ? a.number - b.number : collator.compare(a.raw, b.raw);
      return (descending ? -order : order) || a.position - b.position;
    });
    rows.forEach(function (item) {
      body.appendChild(item.row);
    });
  }

  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    table.tHead.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-col]");
      if (!button) {
        return;
      }
      var descending = button.parentElement.getAttribute("aria-sort") === "ascending";
      sortTable(table, button.getAttribute("data-col"), descending);
    });
  });

  var wanted = /^#sort=([a-z-]+):([a-z_-]+):(asc|desc)$/.exec(window.location.hash);
  if (wanted) {
    var target = document.querySelector('table.sortable[data-table="' + wanted[1] + '"]');
    if (target) {
      sortTable(target, wanted[2], wanted[3] === "desc");
      target.setAttribute("data-sorted-by", wanted[2] + ":" + wanted[3]);
    }
  }
})();
