// The receipt page's copy and print buttons. Without JavaScript they stay
// hidden and the page says how to copy and print by hand.
document.querySelectorAll(".js-only").forEach(function (b) { b.hidden = false; });
var copy = document.getElementById("copy-code");
if (copy && navigator.clipboard) {
  copy.addEventListener("click", function () {
    navigator.clipboard.writeText(copy.dataset.copy).then(function () {
      document.getElementById("copy-done").textContent = "已复制";
    });
  });
} else if (copy) {
  copy.hidden = true;
}
var print = document.getElementById("print");
if (print) { print.addEventListener("click", function () { window.print(); }); }
