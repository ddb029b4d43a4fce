/*
 * Replays each FULL session's terminal recording on the writ's page with asciinema-player (served from the WAR),
 * from the recording the page carries; each command or file transfer listed beside it jumps to its moment. The box
 * says "ready" or "failed" in data-state, as the diagram's does.
 */
(function () {
    "use strict";
    if (typeof AsciinemaPlayer === "undefined") {
        return;
    }
    document.querySelectorAll(".writ-recording").forEach(function (box) {
        var data = box.querySelector(".writ-recording-data");
        var screen = box.querySelector(".writ-player");
        if (!data || !screen || !data.textContent.trim()) {
            return;
        }
        var player;
        try {
            player = AsciinemaPlayer.create({data: data.textContent}, screen, {fit: "width", idleTimeLimit: 2});
            box.dataset.state = "ready";
        } catch (e) {
            box.dataset.state = "failed";
            return;
        }
        box.querySelectorAll(".writ-seek").forEach(function (button) {
            button.addEventListener("click", function () {
                Promise.resolve(player.seek(parseFloat(button.dataset.seek))).then(function () {
                    player.play();
                });
            });
        });
    });
})();
