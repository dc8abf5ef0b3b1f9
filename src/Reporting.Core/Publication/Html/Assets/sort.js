/* Makes the columns of a table.sortable sortable: each header becomes a button; a click sorts by that column, a second
   click reverses the order; figures sort as numbers (data-tri), symbols (c, x) always after them. Without this script
   the table stays in the order of the codes. */
(function () {
  "use strict";
  function key(cell) {
    var raw = cell.getAttribute("data-tri");
    if (raw === null) { return cell.textContent.trim(); }
    var n = parseFloat(raw);
    return isNaN(n) ? null : n;
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var details = table.closest("details");
    var hint = details ? details.querySelector(".sort-hint") : null;
    if (hint) { hint.hidden = false; }
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column]);
          var y = key(b.cells[column]);
          if (x === null || y === null) { return x === y ? 0 : (x === null ? 1 : -1); }
          var order = typeof x === "number" ? x - y : String(x).localeCompare(String(y), "fr");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
