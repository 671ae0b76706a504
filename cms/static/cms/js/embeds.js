// Gives each responsive embed the aspect ratio its provider reported (Wagtail's ratio_css, e.g.
// "56.2500%"). Setting a property through the CSSOM is allowed by a style-src without
// 'unsafe-inline'; a style="" attribute in the markup is not.
(function () {
    "use strict";
    var RATIO = /^\d{1,3}(\.\d+)?%$/;
    document.querySelectorAll(".responsive-object[data-ratio]").forEach(function (box) {
        var ratio = box.getAttribute("data-ratio");
        if (RATIO.test(ratio)) {
            box.style.paddingBottom = ratio;
        }
    });
})();
