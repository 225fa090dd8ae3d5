/* The neighbourhood graph of an entity page: cytoscape.js (vendored beside this file) fed by
   /api/neighbourhood?iri=…; edges coloured and dashed by modality; a click on a node opens
   its page.  The page reads without it. */
(function () {
  "use strict";
  var box = document.getElementById("graph");
  if (!box || typeof cytoscape === "undefined") { return; }
  var colours = { asserted: "#2e7d32", reported: "#1565c0", alleged: "#ef6c00",
                  denied: "#c62828", planned: "#6a1b9a", negated: "#546e7a" };
  var lines = { asserted: "solid", reported: "solid", alleged: "dashed",
                denied: "dotted", planned: "dashed", negated: "dotted" };
  fetch(box.dataset.source + "?iri=" + encodeURIComponent(box.dataset.iri))
    .then(function (response) { return response.json(); })
    .then(function (elements) {
      var cy = cytoscape({
        container: box,
        elements: elements,
        layout: { name: "concentric", animate: false, padding: 30, minNodeSpacing: 60,
                  concentric: function (node) { return node.data("focus") ? 2 : 1; }, levelWidth: function () { return 1; } },
        minZoom: 0.3,
        maxZoom: 1.6,
        style: [
          { selector: "node", style: { "label": "data(label)", "background-color": "#90a4ae", "font-size": 12,
                                       "text-valign": "bottom", "text-margin-y": 4, "width": 22, "height": 22,
                                       "text-background-color": "#fff", "text-background-opacity": 0.85,
                                       "text-background-padding": 2 } },
          { selector: "node[?focus]", style: { "background-color": "#22313f", "width": 32, "height": 32,
                                               "font-weight": "bold" } },
          { selector: "edge", style: {
              "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 2, "font-size": 9,
              "label": "data(relation)", "text-rotation": "autorotate", "color": "#333",
              "line-color": function (e) { return colours[e.data("modality")] || "#999"; },
              "target-arrow-color": function (e) { return colours[e.data("modality")] || "#999"; },
              "line-style": function (e) { return lines[e.data("modality")] || "solid"; } } }
        ]
      });
      cy.on("tap", "node", function (event) {
        var href = event.target.data("href");
        if (href && href.charAt(0) === "/") { window.location.href = href; }
      });
      box.dataset.nodes = String(cy.nodes().length);
      box.dataset.edges = String(cy.edges().length);
      window.kgGraph = cy;
    })
    .catch(function (error) { box.textContent = "The graph could not be drawn: " + error; });
}());
