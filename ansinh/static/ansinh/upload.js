/* The upload form says it is working while a scan is read (OCR may take minutes). */
document.getElementById("tai-len").addEventListener("submit", function () {
  var status = document.getElementById("dang-xu-ly"), button = document.getElementById("nut-tai-len");
  status.hidden = false; button.disabled = true; button.textContent = "Đang xử lý…";
});
