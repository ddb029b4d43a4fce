/*
 * Draws the writ's process with bpmn-js (served from this WAR) and marks where the writ stands: the elements in
 * data-active as the current step, those in data-completed as done. The diagram's container says "ready" or
 * "failed" in data-state, so a person (and a test) can tell a drawn diagram from one that could not be drawn.
 */
(function () {
    function ids(host, name) {
        var value = host.getAttribute(name) || "";
        return value.split(",").filter(function (id) { return id.length > 0; });
    }

    function draw() {
        var host = document.getElementById("writ-diagram");
        var source = document.getElementById("writ-diagram-xml");
        if (!host || !source) {
            return;
        }
        if (typeof BpmnJS === "undefined") {
            host.setAttribute("data-state", "failed");
            host.textContent = "The diagram viewer did not load; the current step is given above.";
            return;
        }
        var viewer = new BpmnJS({container: host});
        viewer.importXML(source.textContent).then(function () {
            var canvas = viewer.get("canvas");
            var elements = viewer.get("elementRegistry");
            canvas.zoom("fit-viewport", "auto");
            function mark(list, marker) {
                list.forEach(function (id) {
                    if (elements.get(id)) {
                        canvas.addMarker(id, marker);
                    }
                });
            }
            mark(ids(host, "data-completed"), "writ-step-done");
            mark(ids(host, "data-active"), "writ-step-current");
            host.setAttribute("data-state", "ready");
        }).catch(function (error) {
            host.setAttribute("data-state", "failed");
            host.textContent = "The diagram could not be drawn (" + error.message + "); the current step is given above.";
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", draw);
    } else {
        draw();
    }
})();
