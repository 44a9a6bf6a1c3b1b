// Chart.js (about 200 KB) is loaded only when a screen draws a chart, so the channel cards — the
// first view on a phone — stay small. It comes from the station's own webjar (web-ui/pom.xml
// pins 4.5.1), never from a CDN.

const CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.min.js';
let loading = null;

/** Resolves to the global Chart constructor. */
export function loadChartJs() {
  loading ??= new Promise((resolve, reject) => {
    if (window.Chart) {
      resolve(window.Chart);
      return;
    }
    const script = document.createElement('script');
    script.src = CHART_JS;
    script.onload = () => resolve(window.Chart);
    script.onerror = () => {
      loading = null;
      reject(new Error('the chart library could not be loaded from the station'));
    };
    document.head.append(script);
  });
  return loading;
}

/** Options every chart shares: no animation (phones, live data), pre-parsed {x, y} points. */
export function baseOptions() {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    plugins: { legend: { labels: { boxWidth: 12, font: { size: 12 } } } },
  };
}

export const COLORS = { first: '#12344d', second: '#d9480f', third: '#2b8a3e' };
