// Approval page: picking a unit in the picker selects «Một đơn vị hành chính» rather than «Toàn quốc».
(function () {
  "use strict";
  var unit = document.querySelector("[data-area-unit]");
  if (!unit) { return; }
  document.addEventListener("unit-picked", function () { unit.checked = true; });
})();
