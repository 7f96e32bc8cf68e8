/* Print and text size (大/中/小) of an article page: no third-party script. */
(function () {
  "use strict";
  var SIZES = ["large", "medium", "small"];
  function article() {
    return document.getElementById("content") || document.body;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-zhengwu-font],[data-zhengwu-print]") : null;
    if (!button) {
      return;
    }
    if (button.hasAttribute("data-zhengwu-print")) {
      window.print();
      return;
    }
    var size = button.getAttribute("data-zhengwu-font");
    var target = article();
    SIZES.forEach(function (s) {
      target.classList.remove("zhengwu-font-" + s);
    });
    target.classList.add("zhengwu-font-" + size);
    document.querySelectorAll("[data-zhengwu-font]").forEach(function (other) {
      other.setAttribute("aria-pressed", other === button ? "true" : "false");
    });
  });
})();
