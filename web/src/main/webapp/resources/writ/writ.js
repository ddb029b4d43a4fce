/* Counts down to each active writ's end: elements with data-ends-at (ISO-8601 instant) show the time left. */
(function () {
    function left(ms) {
        var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60);
        return (h > 0 ? h + " h " : "") + m + " min " + (s % 60) + " s left";
    }
    function tick() {
        document.querySelectorAll("[data-ends-at]").forEach(function (el) {
            var ms = Date.parse(el.getAttribute("data-ends-at")) - Date.now();
            el.textContent = ms > 0 ? left(ms) : "window over";
        });
    }
    document.addEventListener("DOMContentLoaded", tick);
    setInterval(tick, 1000);
})();

/*
 * A click the portal did not answer as a page (refused, failed, or the network gone): said at the top of the page,
 * instead of a button left spinning and nothing said. PrimeFaces tells the document of such an answer (pfAjaxError).
 */
(function () {
    document.addEventListener("DOMContentLoaded", function () {
        if (!window.jQuery) {
            return;
        }
        window.jQuery(document).on("pfAjaxError", function (event, xhr) {
            var main = document.querySelector("main.writ-main");
            if (!main) {
                return;
            }
            var note = document.getElementById("writ-click-failed") || document.createElement("div");
            note.id = "writ-click-failed";
            note.className = "writ-click-failed";
            note.setAttribute("role", "alert");
            note.textContent = "The portal did not take this action ("
                + (xhr && xhr.status ? "HTTP " + xhr.status + (xhr.statusText ? " " + xhr.statusText : "") : "no answer")
                + "); nothing is known to have changed. Reload the page to see where things stand.";
            main.insertBefore(note, main.firstChild);
            note.scrollIntoView({block: "start"}); // the person clicked further down the page
        });
    });
})();
