// Draws the report's charts from the data embedded in the page; the tables are already in the HTML.
(function () {
  var errors = document.getElementById('errors');
  window.addEventListener('error', function (e) { errors.textContent += (e.message || String(e)) + '\n'; });
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#2563eb', '#e07b00', '#1a7f4b', '#9333ea', '#c0392b', '#0891b2', '#a16207', '#db2777', '#4b5563', '#65a30d'];
  var drawn = 0;

  function widthOf(el) { return Math.max(360, Math.floor(el.getBoundingClientRect().width) || 900); }

  function money(v) { return v == null ? '' : v.toLocaleString('en-US', { maximumFractionDigits: 0 }); }

  function compact(v) {
    if (v == null) { return ''; }
    var a = Math.abs(v);
    return a >= 1e9 ? (v / 1e9).toFixed(2) + ' G' : a >= 1e6 ? (v / 1e6).toFixed(2) + ' M' : a >= 1e4 ? (v / 1e3).toFixed(0) + ' k' : money(v);
  }

  function percent(v) { return v == null ? '' : (v * 100).toFixed(1) + ' %'; }

  function timeChart(id, series, format, fill, axisFormat) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var opts = {
      width: widthOf(el), height: 300,
      scales: { x: { time: true } },
      series: [{}].concat(series.map(function (s, i) {
        return { label: s.label, stroke: s.color || palette[i % palette.length], width: i === 0 ? 2 : 1.25,
          fill: fill && i === 0 ? 'rgba(192, 57, 43, 0.18)' : undefined, value: function (u, v) { return format(v); } };
      })),
      axes: [{}, { size: 70, values: function (u, vals) { return vals.map(axisFormat || format); } }],
      legend: { live: true }
    };
    new uPlot(opts, [data.days].concat(series.map(function (s) { return s.values; })), el);
    drawn++;
  }

  function histogram(id) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var h = data.histogram;
    var opts = {
      width: widthOf(el), height: 300,
      scales: { x: { time: false } },
      series: [{ value: function (u, v) { return percent(v); } },
        { label: 'days', stroke: palette[0], fill: 'rgba(37, 99, 235, 0.35)', paths: uPlot.paths.bars({ size: [0.9, 60] }), points: { show: false } }],
      axes: [{ values: function (u, vals) { return vals.map(percent); } }, { size: 50 }],
      legend: { live: true }
    };
    new uPlot(opts, [h.centers, h.counts], el);
    drawn++;
  }

  timeChart('equity-chart', data.equity, money, false, compact);
  timeChart('drawdown-chart', [{ label: 'drawdown', values: data.drawdown, color: '#c0392b' }], percent, true);
  histogram('histogram-chart');
  document.body.setAttribute('data-charts', String(drawn));
})();
