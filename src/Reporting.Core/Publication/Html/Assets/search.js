/* Filters the list of départements as one types, by name or number, accents and case ignored. Without this script the
   whole list is shown and the search box stays hidden. */
(function () {
  "use strict";
  var block = document.getElementById("recherche-bloc");
  var box = document.getElementById("recherche");
  var status = document.getElementById("recherche-etat");
  if (!block || !box || !status) { return; }
  block.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-recherche]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".region-group"));
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[-'\u2019\s]+/g, " ").trim();
  }
  box.addEventListener("input", function () {
    var query = fold(box.value);
    var shown = 0;
    items.forEach(function (item) {
      var hit = query === "" || item.getAttribute("data-recherche").indexOf(query) >= 0;
      item.hidden = !hit;
      if (hit) { shown += 1; }
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("li:not([hidden])"); });
    status.textContent = shown === 0 ? "Aucun département trouvé." : shown + (shown > 1 ? " départements trouvés." : " département trouvé.");
  });
})();
