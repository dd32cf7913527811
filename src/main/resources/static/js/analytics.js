// The analytics page (templates/analytics/analytics.html): draws each chart from the JSON the server
// put in its canvas' data-chart (labels, and datasets of values), and toggles each chart's table of
// the same numbers. Colours are Bootstrap's; the second axis, if any, holds minutes.
(function () {
  'use strict';

  const COLOURS = ['#0d6efd', '#20c997', '#fd7e14', '#6f42c1', '#dc3545', '#198754', '#0dcaf0', '#ffc107',
    '#d63384', '#6c757d'];

  function dataset(d, i, chart) {
    const doughnut = chart.type === 'doughnut';
    const colour = COLOURS[i % COLOURS.length];
    return {
      label: d.name,
      data: d.values,
      yAxisID: d.secondAxis ? 'y1' : (chart.horizontal ? undefined : 'y'),
      borderColor: doughnut ? '#fff' : colour,
      backgroundColor: doughnut ? d.values.map(function (v, j) { return COLOURS[j % COLOURS.length]; }) : colour,
      cubicInterpolationMode: 'monotone',
      maxBarThickness: 28,
      spanGaps: true,
      pointRadius: d.values.length > 60 ? 0 : 2
    };
  }

  function scales(chart) {
    if (chart.type === 'doughnut') {
      return {};
    }
    const value = { beginAtZero: true, stacked: chart.stacked, ticks: { precision: 0 } };
    const label = { stacked: chart.stacked, ticks: { autoSkip: true, maxRotation: 0 } };
    if (chart.horizontal) {
      return { x: value, y: label };
    }
    const s = { x: label, y: value };
    if (chart.datasets.some(function (d) { return d.secondAxis; })) {
      s.y1 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } };
    }
    return s;
  }

  function draw(canvas) {
    const chart = JSON.parse(canvas.dataset.chart);
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
      type: chart.type,
      data: { labels: chart.labels, datasets: chart.datasets.map(function (d, i) { return dataset(d, i, chart); }) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: chart.horizontal ? 'y' : 'x',
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: scales(chart)
      }
    });
  }

  function toggle(button) {
    const card = button.closest('.analytics-card');
    const table = card.querySelector('.analytics-table');
    const picture = card.querySelector('.analytics-chart');
    if (!table || !picture) {
      return;
    }
    const showTable = table.hidden;
    table.hidden = !showTable;
    picture.hidden = showTable;
    button.setAttribute('aria-pressed', showTable ? 'true' : 'false');
    button.textContent = showTable ? button.dataset.chartLabel : button.dataset.tableLabel;
  }

  function start() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
    document.querySelectorAll('[data-chart-toggle]').forEach(function (button) {
      button.addEventListener('click', function () { toggle(button); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
