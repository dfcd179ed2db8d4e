// Approval page: "toàn quốc" and the unit picker share the field "area".
(function () {
  "use strict";
  var hidden = document.querySelector("[data-unit-picker] [data-unit-value]");
  var nationwide = document.querySelector("[data-area-nationwide]");
  var unit = document.querySelector("[data-area-unit]");
  if (!hidden || !nationwide || !unit) { return; }
  var picked = nationwide.checked ? "" : hidden.value;
  nationwide.addEventListener("change", function () { if (nationwide.checked) { picked = hidden.value === nationwide.value ? picked : hidden.value; hidden.value = nationwide.value; } });
  unit.addEventListener("change", function () { if (unit.checked) { hidden.value = picked; } });
  if (nationwide.checked) { hidden.value = nationwide.value; }
  document.addEventListener("unit-picked", function (e) { unit.checked = true; picked = String(e.detail.id); hidden.value = picked; });
})();
