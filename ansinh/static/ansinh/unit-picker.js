// Unit pickers: fill each field's <datalist> from the unit search endpoint as the user types.
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
        fetch(input.dataset.unitSearch + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (u) {
              var option = document.createElement("option");
              option.value = u.label;
              option.textContent = u.level;
              list.appendChild(option);
            });
          });
      }, 200);
    });
  }
  function init() { document.querySelectorAll("input[data-unit-search]").forEach(attach); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
