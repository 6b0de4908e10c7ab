// cecot-data report: what script adds to pages that read fine without it. Filtering of the
// lists on a page, and a tooltip on hovered or focused figures (their title attribute holds the
// same details for readers without script).
(function () {
  "use strict";

  function setUpFilter() {
    var boxes = document.querySelectorAll("[data-filter-box]");
    boxes.forEach(function (box) {
      box.hidden = false;
      var input = box.querySelector("input");
      if (!input) { return; }
      input.addEventListener("input", function () {
        var query = input.value.trim().toLowerCase();
        document.querySelectorAll("[data-filter-item]").forEach(function (item) {
          var text = item.textContent.toLowerCase();
          item.hidden = query !== "" && text.indexOf(query) === -1;
        });
      });
    });
  }

  function setUpTips() {
    var marks = document.querySelectorAll("mark[data-mention-id]");
    if (marks.length === 0) { return; }
    var tip = document.createElement("div");
    tip.id = "tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    function show(mark) {
      tip.textContent = mark.getAttribute("data-details") || "";
      var box = mark.getBoundingClientRect();
      tip.style.left = (window.scrollX + box.left) + "px";
      tip.style.top = (window.scrollY + box.bottom + 6) + "px";
      tip.hidden = false;
    }
    function hide() { tip.hidden = true; }
    marks.forEach(function (mark) {
      // The title stays the no-script path; with script the tooltip replaces it.
      mark.setAttribute("data-details", mark.getAttribute("title") || "");
      mark.removeAttribute("title");
      mark.setAttribute("aria-description", mark.getAttribute("data-details"));
      mark.addEventListener("mouseenter", function () { show(mark); });
      mark.addEventListener("focus", function () { show(mark); });
      mark.addEventListener("mouseleave", hide);
      mark.addEventListener("blur", hide);
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  }

  setUpFilter();
  setUpTips();
})();
