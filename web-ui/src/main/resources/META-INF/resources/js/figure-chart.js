// A figure of the station's results drawn with Chart.js exactly as the station sent it
// (GET …/figures/{figure} or /api/compare): its series' own points, colours (Okabe–Ito, chosen by
// the station so the PNG looks the same), axes with units, and error bars of ±1 SD where a point is
// a mean of replicates. The page computes nothing: the numbers are the API's.

import { loadChartJs } from './chart-loader.js';

const MARKERS = ['circle', 'rect', 'triangle', 'rectRot'];

// Chart.js has no error bars: drawn after the datasets, from each point's sd.
const errorBars = {
  id: 'errorBars',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      const scale = chart.scales[dataset.yAxisID];
      ctx.save();
      ctx.strokeStyle = dataset.type === 'bar' ? '#000' : dataset.borderColor;
      ctx.lineWidth = 1;
      dataset.data.forEach((point, k) => {
        if (point.sd == null || point.y == null) return;
        const x = meta.data[k].x;
        const low = scale.getPixelForValue(point.y - point.sd);
        const high = scale.getPixelForValue(point.y + point.sd);
        ctx.beginPath();
        ctx.moveTo(x, low); ctx.lineTo(x, high);
        ctx.moveTo(x - 4, low); ctx.lineTo(x + 4, low);
        ctx.moveTo(x - 4, high); ctx.lineTo(x + 4, high);
        ctx.stroke();
      });
      ctx.restore();
    });
  },
};

function dataset(series, index) {
  const bars = series.style === 'bars';
  const line = series.style === 'line' || series.style === 'dashed';
  return {
    type: bars ? 'bar' : 'line',
    label: series.name,
    data: series.points.map((p) => ({ x: p.x, y: p.y, sd: p.sd })),
    yAxisID: series.axis === 'y2' ? 'y2' : 'y',
    borderColor: series.color,
    backgroundColor: bars ? `${series.color}cc` : series.color,
    showLine: series.style !== 'markers',
    pointRadius: line ? 0 : 3,
    pointStyle: MARKERS[index % MARKERS.length],
    borderDash: series.style === 'dashed' ? [6, 4] : [],
    borderWidth: line ? 1.5 : 1,
    maxBarThickness: 48,
    order: bars ? 2 : 1,
  };
}

function axis(position, title) {
  return { type: 'linear', position, title: { display: true, text: title } };
}

/** Draws `figure` on `canvas`; resolves to the Chart. */
export async function drawFigure(canvas, figure) {
  const Chart = await loadChartJs();
  const bars = figure.series.some((s) => s.style === 'bars');
  const scales = { x: axis('bottom', figure.x.label), y: axis('left', figure.y.label) };
  if (bars) scales.x.offset = true;
  if (figure.y2) scales.y2 = { ...axis('right', figure.y2.label), grid: { drawOnChartArea: false } };
  if (bars) {
    scales.y.beginAtZero = true;
  }
  return new Chart(canvas, {
    type: bars ? 'bar' : 'scatter',
    data: { datasets: figure.series.map(dataset) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: false,
      interaction: { mode: 'nearest', intersect: false },
      plugins: { legend: { labels: { boxWidth: 10, font: { size: 11 } } } },
      scales,
    },
    plugins: [errorBars],
  });
}
