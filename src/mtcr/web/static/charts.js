// Draws every range-payload chart whose data the page carries in <script type="application/json" class="chart-data">.
// Runs again after HTMX swaps new content in (assessment results).
(function () {
  "use strict";
  function draw(root) {
    if (typeof Plotly === "undefined") { return; }
    root.querySelectorAll("script.chart-data").forEach(function (node) {
      var target = document.getElementById(node.dataset.target);
      if (!target || target.dataset.drawn) { return; }
      var d = JSON.parse(node.textContent);
      var config = { responsive: true, displaylogo: false };
      if (d.threshold_km !== undefined) {
        Plotly.newPlot(target, [{ x: d.range_km, type: "histogram", nbinsx: 40, name: "samples" }], {
          xaxis: { title: { text: "Range with the threshold payload (km)" } }, yaxis: { title: { text: "Samples" } },
          shapes: [{ type: "line", yref: "paper", y0: 0, y1: 1, x0: d.threshold_km, x1: d.threshold_km, line: { dash: "dash", color: "#c8102e" } }],
          annotations: [{ x: d.threshold_km, yref: "paper", y: 1, text: d.threshold_km + " km", showarrow: false, yanchor: "bottom" }],
          margin: { t: 30, r: 20 }, showlegend: false
        }, config);
        target.dataset.drawn = "1";
        return;
      }
      if (d.inputs) {
        Plotly.newPlot(target, [
          { y: d.inputs, x: d.low_km, base: d.nominal_km, type: "bar", orientation: "h", name: "input at 5th percentile" },
          { y: d.inputs, x: d.high_km, base: d.nominal_km, type: "bar", orientation: "h", name: "input at 95th percentile" }
        ], {
          barmode: "overlay", xaxis: { title: { text: "Range with the threshold payload (km)" } },
          yaxis: { automargin: true }, margin: { t: 40, r: 20 }, legend: { orientation: "h", x: 0, y: 1.12 }
        }, config);
        target.dataset.drawn = "1";
        return;
      }
      var traces = [{ x: d.payload_kg, y: d.range_km, mode: "lines+markers", name: d.system || "range", line: { width: 3 } }];
      var shapes = [
        { type: "line", xref: "paper", x0: 0, x1: 1, y0: 300, y1: 300, line: { dash: "dash", color: "#c8102e" } },
        { type: "line", yref: "paper", y0: 0, y1: 1, x0: 500, x1: 500, line: { dash: "dash", color: "#c8102e" } }
      ];
      var annotations = [{ x: 500, y: 300, text: "500 kg to 300 km", showarrow: true, arrowhead: 2, ax: 60, ay: -40 }];
      if (d.trajectory) {
        traces = [{ x: d.trajectory.downrange_km, y: d.trajectory.altitude_km, mode: "lines", name: "trajectory" }];
        shapes = []; annotations = [];
      }
      var layout = {
        title: { text: d.title || ((d.system || "") + (d.category ? " — " + d.category : "")) },
        xaxis: { title: { text: d.trajectory ? "Downrange (km)" : "Payload (kg)" }, rangemode: "tozero" },
        yaxis: { title: { text: d.trajectory ? "Altitude (km)" : "Range (km)" }, rangemode: "tozero" },
        shapes: shapes, annotations: annotations, margin: { t: 40, r: 20 }, showlegend: false
      };
      Plotly.newPlot(target, traces, layout, config);
      target.dataset.drawn = "1";
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (e) { draw(e.target); });
})();
