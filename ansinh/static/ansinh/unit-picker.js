// Unit and agency pickers: fill each field's <datalist> from geo:unit_search (the field's data-unit-search,
// which carries the scope, e.g. "/don-vi/tim/?pham-vi=duoc-xem") as the user types. Options the page
// rendered with data-fixed (a plan's own unit names) stay.
(function () {
  "use strict";
  function attach(input) {
    if (input.dataset.unitPickerReady) return;
    input.dataset.unitPickerReady = "1";
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || /\(\w+\)$/.test(q)) return;
        var url = new URL(input.dataset.unitSearch, window.location.href);
        url.searchParams.set("q", q);
        fetch(url.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.querySelectorAll("option:not([data-fixed])").forEach(function (o) { o.remove(); });
            data.results.forEach(function (u) {
              var option = document.createElement("option");
              option.value = u.label;
              option.textContent = u.hint;
              list.appendChild(option);
            });
          });
      }, 200);
    });
  }
  function init() { document.querySelectorAll("input[data-unit-search]").forEach(attach); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
