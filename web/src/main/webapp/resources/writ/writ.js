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
