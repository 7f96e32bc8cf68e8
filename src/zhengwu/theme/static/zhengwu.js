/* Zhengwu's theme: the phone menu button, the filter panels that fold
   away on phones and the labels of stacked tables. No library. */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 767.98px)");

  function setupNav() {
    var nav = document.getElementById("zw-nav");
    if (!nav) return;
    var button = nav.querySelector(".zw-nav-toggle");
    if (!button) return;
    nav.classList.add("zw-nav-js");
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("zw-nav-open", open);
    });
  }

  // Filters (<details class="zw-filters">): open on wide screens, folded
  // behind their 筛选 summary on phones.
  function setupFilters() {
    var panels = document.querySelectorAll("details.zw-filters");
    function apply() {
      panels.forEach(function (panel) {
        panel.open = !narrow.matches;
      });
    }
    apply();
    if (narrow.addEventListener) narrow.addEventListener("change", apply);
  }

  // Stacked tables (table.zw-stack): each cell carries its column's
  // heading, shown before it when the rows stack on a narrow screen.
  function labelTables() {
    document.querySelectorAll("table.zw-stack").forEach(function (table) {
      var headings = Array.prototype.map.call(
        table.querySelectorAll("thead th"),
        function (th) { return th.textContent.replace(/\s+/g, " ").trim(); }
      );
      table.querySelectorAll("tbody tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (headings[i] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", headings[i]);
          }
        });
      });
    });
  }

  // Navigation landmarks Plone renders without a name: a portlet's tree
  // takes its portlet's heading, the batch navigation "页码" (a label the
  // main navigation carries, translated).
  function nameNavs() {
    document.querySelectorAll("nav:not([aria-label]):not([aria-labelledby])").forEach(
      function (nav, i) {
        var portlet = nav.closest(".portlet");
        var header = portlet && portlet.querySelector(".card-header");
        if (header && header.textContent.trim()) {
          header.id = header.id || "zw-portlet-heading-" + i;
          nav.setAttribute("aria-labelledby", header.id);
        } else if (nav.querySelector(".pagination") && document.getElementById("zw-label-pages")) {
          nav.setAttribute("aria-labelledby", "zw-label-pages");
        }
      }
    );
  }

  function ready() {
    nameNavs();
    setupNav();
    setupFilters();
    labelTables();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
