// A state lead's dashboard for a closed reporting period, of those the API lists (reportingPeriods): each figure as a chart with its table beside it and a
// CSV download from the API (GET /aggregates/{table}.csv; the section's id is the table's name there). A suppressed cell is drawn hatched across the whole scale with the reason on hover, never as zero.
import { html, nothing } from 'lit';
import * as echarts from 'echarts/dist/echarts.esm.min.js';
import { t, label, formatDateTime } from '../i18n.js';
import { failure } from '../graphql.js';
import { CASE_MANAGEMENT_INDICATORS, REPORTING_PERIODS } from '../operations.js';
import { errorView } from '../ui.js';

const part = key => { const text = t('aggregate.' + key); return text === 'aggregate.' + key ? key : text; };
// a needs row is "theme / professional level": the theme is the guide's own words, the level a fixed value to translate
const value = key => key.split(' / ').map(part).join(' / ');
const HATCH = { color: '#d9d9d9', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -Math.PI / 4, color: '#4d4d4d' } };

// a period as ReportingPeriodInput takes it, from a ReportingPeriod the API listed
const input = p => ({ year: p.year, ...(p.month ? { month: p.month } : p.quarter ? { quarter: p.quarter } : {}) });

export function dashboardPage(app) {
  // the periods offered are the API's (reportingPeriods: the closed months, quarters and years it releases now)
  const s = { periods: [], period: null, data: null, error: null, loading: false };

  async function start() {
    s.loading = true;
    app.update();
    try {
      const { data, errors } = await app.request(REPORTING_PERIODS);
      s.error = failure(errors);
      s.periods = data?.reportingPeriods ?? [];
    } catch (e) { s.error = e; }
    // the latest year's last month listed: the last closed month
    s.period = s.periods.filter(p => p.year === s.periods[0]?.year && p.month).at(-1) ?? s.periods[0] ?? null;
    if (s.period) load(); else { s.loading = false; app.update(); }
  }

  async function load() {
    s.loading = true;
    app.update();
    try {
      const { data, errors } = await app.request(CASE_MANAGEMENT_INDICATORS, { period: input(s.period) });
      s.error = failure(errors);
      s.data = s.error ? null : data;
    } catch (e) { s.error = e; s.data = null; }
    s.loading = false;
    app.update();
    requestAnimationFrame(drawCharts);
  }
  start();

  const reason = threshold => t('dashboard.suppressedReason', { threshold });
  const sections = () => {
    const cm = s.data.caseManagementIndicators;
    return [
      // the needs are released apart from the case-management figures (another family), at their own time
      { id: 'needs', csv: 'needs', table: s.data.needsAssessment.needs, heading: 'dashboard.needs', releasedAt: s.data.needsAssessment.releasedAt },
      { id: 'referrals', csv: 'referrals', table: cm.referrals, heading: 'dashboard.referrals' },
      { id: 'follow-up-timeliness', csv: 'follow-up-timeliness', table: cm.followUpTimeliness, heading: 'dashboard.followUps' },
      { id: 'closure-reasons', csv: 'closure-reasons', table: cm.closureReasons, heading: 'dashboard.closures' },
    ];
  };

  function drawCharts() {
    if (!s.data) return;
    for (const section of sections()) drawTable(document.getElementById('chart-' + section.id), section.table);
    drawAcceptance(document.getElementById('chart-acceptance'), s.data.caseManagementIndicators);
  }

  // a chart is drawn at its box's width: when the window narrows (a phone turned, a window resized) it is drawn again
  const resized = new ResizeObserver(entries => entries.forEach(entry => echarts.getInstanceByDom(entry.target)?.resize()));

  function chartOf(element, height) {
    if (!element) return null;
    element.style.height = height + 'px';
    const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'svg' });
    resized.observe(element);
    chart.resize();
    return chart;
  }

  function drawTable(element, table) {
    const chart = chartOf(element, Math.max(220, table.rows.length * table.columns.length * 9 + 90));
    if (!chart) return;
    const published = table.rows.flatMap(r => r.cells.filter(c => !c.suppressed).map(c => c.value));
    const full = Math.max(table.threshold, ...published);
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'item', formatter: p => `${value(p.name)} · ${p.seriesName}: ${p.data.suppressed ? t('dashboard.suppressed') + ' — ' + reason(table.threshold) : p.value}` },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: table.rows.map(r => r.key), inverse: true, axisLabel: { formatter: value } },
      xAxis: { type: 'value', max: full },
      series: table.columns.map(column => ({
        name: value(column), type: 'bar',
        data: table.rows.map(row => {
          const cell = row.cells.find(c => c.column === column);
          return cell.suppressed ? { value: full, suppressed: true, itemStyle: HATCH } : { value: cell.value };
        }),
      })),
    }, true);
  }

  function drawAcceptance(element, cm) {
    const chart = chartOf(element, 260);
    if (!chart) return;
    chart.setOption({
      aria: { enabled: true },
      animation: false,
      tooltip: { trigger: 'item', formatter: p => `${label('ServiceType', p.name)}: ${p.data.suppressed ? t('dashboard.suppressed') + ' — ' + reason(cm.threshold) : Math.round(p.value * 100) + '%'}` },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      yAxis: { type: 'category', data: cm.byServiceType.map(x => x.serviceType), inverse: true, axisLabel: { formatter: v => label('ServiceType', v) } },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: v => Math.round(v * 100) + '%' } },
      series: [{ name: t('dashboard.acceptanceRate'), type: 'bar', data: cm.byServiceType.map(x => x.acceptanceRate == null
        ? { value: 1, suppressed: true, itemStyle: HATCH } : { value: x.acceptanceRate }) }],
    }, true);
  }

  async function downloadCsv(table) {
    let response;
    try {
      // through the app's one path to the API: a token that ended is renewed, as for GraphQL requests
      response = await app.fetch(`/aggregates/${table}.csv?period=${encodeURIComponent(s.data.caseManagementIndicators.period.label)}`);
    } catch { response = null; } // the API cannot be reached
    if (!response?.ok) {
      s.error = { code: (await response?.json().catch(() => ({})))?.errors?.[0]?.extensions?.code ?? 'UNAVAILABLE' };
      app.update();
      return;
    }
    save(await response.blob(), `${table}-${s.data.caseManagementIndicators.period.label}.csv`);
  }

  function save(blob, name) {
    const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  const cellView = (cell, threshold) => cell.suppressed
    ? html`<td class="suppressed" title=${reason(threshold)}>${t('dashboard.suppressed')}</td>`
    : html`<td class="number">${cell.value}</td>`;

  function tableView(table) {
    return html`<div class="table-scroll" tabindex="0" role="region" aria-label=${table.title}><table class="aggregate">
      <caption class="visually-hidden">${table.title}</caption>
      <thead><tr><th scope="col">${value(table.rowDimension)}</th>${table.columns.map(c => html`<th scope="col">${value(c)}</th>`)}<th scope="col">${t('dashboard.total')}</th></tr></thead>
      <tbody>${table.rows.map(row => html`<tr><th scope="row">${value(row.key)}</th>${row.cells.map(c => cellView(c, table.threshold))}${cellView(row.total, table.threshold)}</tr>`)}</tbody>
      <tfoot><tr><th scope="row">${t('dashboard.total')}</th>${table.columnTotals.map(c => cellView(c, table.threshold))}${cellView(table.grandTotal, table.threshold)}</tr></tfoot>
    </table></div>`;
  }

  // only the periods the API lists are offered: a year, then that year's months, quarters and the year itself
  const part = p => p.month ? 'm' + p.month : p.quarter ? 'q' + p.quarter : 'y';
  const partText = p => p.month ? t('months.' + p.month) : p.quarter ? t('dashboard.quarter', { quarter: p.quarter }) : t('dashboard.wholeYear');
  const years = () => [...new Set(s.periods.map(p => p.year))];
  const ofYear = year => s.periods.filter(p => p.year === year);
  function setPeriod(year, value) {
    const periods = ofYear(Number(year));
    // a part the year does not have yet (a month still open) gives way to the year's latest month
    s.period = periods.find(p => part(p) === value) ?? periods.filter(p => p.month).at(-1) ?? periods[0];
    load();
  }

  return {
    title: 'dashboard.title',
    dispose: () => {
      resized.disconnect();
      document.querySelectorAll('.chart').forEach(element => echarts.getInstanceByDom(element)?.dispose());
    },
    view: () => {
      const cm = s.data?.caseManagementIndicators;
      return html`<h1 tabindex="-1">${t('dashboard.title')}</h1>
      ${s.period ? html`<form class="filters" @submit=${e => e.preventDefault()}>
        <label for="p-year">${t('dashboard.year')}</label>
        <select id="p-year" @change=${e => setPeriod(e.target.value, part(s.period))}>
          ${years().map(y => html`<option ?selected=${y === s.period.year}>${y}</option>`)}</select>
        <label for="p-part">${t('dashboard.period')}</label>
        <select id="p-part" @change=${e => setPeriod(s.period.year, e.target.value)}>
          ${ofYear(s.period.year).map(p => html`<option value=${part(p)} ?selected=${p === s.period}>${partText(p)}</option>`)}
        </select>
      </form>` : nothing}
      ${errorView(s.error)}
      ${cm ? html`<p class="asof">${t('dashboard.asOf', { period: cm.period.label, state: cm.state, asOf: formatDateTime(cm.asOf) })}</p>
        <p class="muted" id="suppression-note">${t('dashboard.suppressionNote', { threshold: cm.threshold })}</p>
        ${sections().map(section => html`<section class="figure" aria-labelledby="h-${section.id}">
          <h2 id="h-${section.id}">${t(section.heading)}</h2>
          ${section.releasedAt ? html`<p class="muted">${t('dashboard.releasedOn', { asOf: formatDateTime(section.releasedAt) })}</p>` : nothing}
          <div class="figure-body"><div class="chart" id="chart-${section.id}" role="img" aria-label=${t(section.heading)}></div>
          ${tableView(section.table)}</div>
          <button type="button" @click=${() => downloadCsv(section.csv)}>${t('dashboard.csv', { table: t(section.heading) })}</button>
        </section>`)}
        <section class="figure" aria-labelledby="h-acceptance"><h2 id="h-acceptance">${t('dashboard.acceptance')}</h2>
          <div class="figure-body"><div class="chart" id="chart-acceptance" role="img" aria-label=${t('dashboard.acceptance')}></div>
          <div class="table-scroll" tabindex="0" role="region" aria-label=${t('dashboard.acceptance')}><table class="aggregate"><caption class="visually-hidden">${t('dashboard.acceptance')}</caption>
            <thead><tr><th scope="col">${t('inbox.serviceType')}</th><th scope="col">${t('dashboard.acceptanceRate')}</th><th scope="col">${t('dashboard.median')}</th></tr></thead>
            <tbody>${cm.byServiceType.map(x => html`<tr><th scope="row">${label('ServiceType', x.serviceType)}</th>
              ${x.acceptanceRate == null ? cellView({ suppressed: true }, cm.threshold) : html`<td class="number">${Math.round(x.acceptanceRate * 100)}%</td>`}
              ${x.medianMinutesToAccept == null ? cellView({ suppressed: true }, cm.threshold) : html`<td class="number">${x.medianMinutesToAccept}</td>`}</tr>`)}</tbody>
          </table></div></div>
          <button type="button" @click=${() => downloadCsv('acceptance')}>${t('dashboard.csv', { table: t('dashboard.acceptance') })}</button>
        </section>` : s.loading ? html`<p>${t('common.loading')}</p>` : nothing}`;
    },
  };
}
