// /console/usage: the admin dashboard. One request for the window: llmUsage (totals, its
// breakdown by day, feature, provider, model and prompt version, guard hits, throttle
// refusals) and evaluationSummary of every feature (acceptance per route and per day). Charts
// are drawn in the browser by uPlot; every figure is also in a table.
import uPlot from '/console/vendor/uPlot.esm.js';
import { element, formatUsd, graphql, h, setUpToken, showError } from './common.js';

const featureNames = ['statusUpdate', 'postmortem', 'runbook', 'assistant', 'automationDigest'];
const rowFields = 'day feature provider model promptVersion calls errors inputTokens outputTokens costUsd latencyP50Ms latencyP95Ms latencyP99Ms generations fallbacks degraded degradedShare';
const acceptanceFields = 'variants { provider model promptVersion variant drafts feedback acceptedAsIs edited discarded meanRetainedRatio acceptanceRate } days { day feedback published acceptedAsIs edited discarded meanRetainedRatio }';
const query = `query ConsoleUsage($from: DateTime!, $to: DateTime!) {
  llmUsage(from: $from, to: $to) {
    calls inputTokens outputTokens costUsd
    total: breakdown(groupBy: []) { ${rowFields} }
    byDay: breakdown(groupBy: [DAY]) { ${rowFields} }
    byFeature: breakdown(groupBy: [FEATURE]) { ${rowFields} }
    byProvider: breakdown(groupBy: [PROVIDER]) { ${rowFields} }
    byModel: breakdown(groupBy: [MODEL]) { ${rowFields} }
    byPromptVersion: breakdown(groupBy: [PROMPT_VERSION]) { ${rowFields} }
    guardHits { day feature guard count }
    throttleRejections { day feature code count }
  }
  ${featureNames.map((feature) => `${feature}: evaluationSummary(feature: "${feature}", from: $from, to: $to) { ${acceptanceFields} }`).join('\n  ')}
}`;

const ui = { form: element('range-form'), range: element('range'), custom: element('custom-range'), from: element('from'), to: element('to'), status: element('status'), error: element('error'), totals: element('totals'), tables: element('tables') };
setUpToken(element('token'), element('token-show'));

const dayMs = 86_400_000;
const utcDay = (date) => date.toISOString().slice(0, 10);

function windowOf() {
  if (ui.range.value === 'custom') {
    if (!ui.from.value || !ui.to.value) throw new Error('Choose both days of the custom range.');
    return { from: `${ui.from.value}T00:00:00.000Z`, to: `${ui.to.value}T00:00:00.000Z` };
  }
  const to = new Date();
  return { from: new Date(to.getTime() - Number(ui.range.value) * dayMs).toISOString(), to: to.toISOString() };
}

ui.range.addEventListener('change', () => {
  ui.custom.hidden = ui.range.value !== 'custom';
  if (ui.range.value === 'custom' && !ui.from.value) {
    ui.from.value = utcDay(new Date(Date.now() - 7 * dayMs));
    ui.to.value = utcDay(new Date(Date.now() + dayMs));
  }
});
ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
void load();

const charts = new Map();

async function load() {
  ui.error.hidden = true;
  ui.status.textContent = 'Loading…';
  try {
    const range = windowOf();
    const data = await graphql(query, range);
    render(data, range);
    ui.status.textContent = `${data.llmUsage.calls} provider calls from ${range.from.slice(0, 16).replace("T", " ")} to ${range.to.slice(0, 16).replace("T", " ")} UTC.`;
  } catch (error) {
    ui.status.textContent = 'The dashboard could not load.';
    showError(ui.error, error);
  }
}

/** Every UTC day of the window, as uPlot x values (seconds). */
function daysOf(window) {
  const days = [];
  for (let time = Date.parse(`${window.from.slice(0, 10)}T00:00:00Z`); time < Date.parse(window.to); time += dayMs) days.push(utcDay(new Date(time)));
  return days;
}

function render(data, window) {
  const usage = data.llmUsage;
  const total = usage.total[0];
  const acceptance = featureNames.map((feature) => ({ feature, ...data[feature] }));
  const feedbackTotals = acceptance.flatMap((entry) => entry.days).reduce((sum, day) => ({
    feedback: sum.feedback + day.feedback,
    retained: sum.retained + (day.meanRetainedRatio ?? 0) * day.published,
    published: sum.published + day.published,
  }), { feedback: 0, retained: 0, published: 0 });
  ui.totals.replaceChildren(
    ...[
      ['Calls', usage.calls], ['Cost', formatUsd(usage.costUsd)], ['Tokens in / out', `${usage.inputTokens} / ${usage.outputTokens}`],
      ['Latency p50 / p95', total ? `${total.latencyP50Ms} / ${total.latencyP95Ms} ms` : '–'],
      ['Degraded share', total?.degradedShare === null || !total ? '–' : `${Math.round(total.degradedShare * 100)}%`],
      ['Fallbacks', total?.fallbacks ?? 0],
      ['Guard hits', usage.guardHits.reduce((sum, row) => sum + row.count, 0)],
      ['Throttle refusals', usage.throttleRejections.reduce((sum, row) => sum + row.count, 0)],
      ['Feedback', feedbackTotals.feedback],
      ['Mean retained ratio', feedbackTotals.published === 0 ? '–' : (feedbackTotals.retained / feedbackTotals.published).toFixed(2)],
    ].map(([label, figure]) => h('div', { dataset: { total: label.toLowerCase().replace(/[^a-z]+/g, '-') } }, label, h('strong', {}, String(figure)))),
  );

  const days = daysOf(window);
  const xs = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
  const byDay = new Map(usage.byDay.map((row) => [row.day, row]));
  // Counts are 0 on a day without calls; latencies have no value then.
  const perDay = (pick, empty = 0) => days.map((day) => (byDay.has(day) ? pick(byDay.get(day)) : empty));
  const countPerDay = (rows) => days.map((day) => rows.filter((row) => row.day === day).reduce((sum, row) => sum + row.count, 0));
  const acceptanceDays = new Map();
  for (const entry of acceptance) {
    for (const day of entry.days) {
      const sum = acceptanceDays.get(day.day) ?? { asIs: 0, edited: 0, discarded: 0, published: 0, retained: 0 };
      acceptanceDays.set(day.day, {
        asIs: sum.asIs + day.acceptedAsIs,
        edited: sum.edited + day.edited,
        discarded: sum.discarded + day.discarded,
        published: sum.published + day.published,
        retained: sum.retained + (day.meanRetainedRatio ?? 0) * day.published,
      });
    }
  }
  const acceptancePerDay = (key) => days.map((day) => acceptanceDays.get(day)?.[key] ?? 0);
  const sumPerDay = (keys) => days.map((day) => keys.reduce((total, key) => total + (acceptanceDays.get(day)?.[key] ?? 0), 0));
  const retainedPerDay = days.map((day) => {
    const sum = acceptanceDays.get(day);
    return sum && sum.published > 0 ? sum.retained / sum.published : null;
  });

  drawChart('chart-cost', xs, [
    { label: 'Calls', stroke: '#0b5cad', values: perDay((row) => row.calls), scale: 'count' },
    { label: 'Errors', stroke: '#b42318', values: perDay((row) => row.errors), scale: 'count' },
    { label: 'Cost (USD)', stroke: '#8a5a00', values: perDay((row) => row.costUsd), scale: 'usd', axisRight: true },
  ]);
  drawChart('chart-latency', xs, [
    { label: 'p50', stroke: '#1a7f37', values: perDay((row) => row.latencyP50Ms, null) },
    { label: 'p95', stroke: '#8a5a00', values: perDay((row) => row.latencyP95Ms, null) },
    { label: 'p99', stroke: '#b42318', values: perDay((row) => row.latencyP99Ms, null) },
  ]);
  drawChart('chart-quality', xs, [
    { label: 'Fallbacks', stroke: '#8250df', values: perDay((row) => row.fallbacks) },
    { label: 'Degraded', stroke: '#8a5a00', values: perDay((row) => row.degraded) },
    { label: 'Guard hits', stroke: '#0b5cad', values: countPerDay(usage.guardHits) },
    { label: 'Throttle refusals', stroke: '#b42318', values: countPerDay(usage.throttleRejections) },
  ]);
  drawChart('chart-acceptance', xs, [
    // Stacked by drawing the running totals, largest first: the visible bands are discarded, edited and as-is.
    { label: 'Discarded + edited + as-is', stroke: '#b42318', values: sumPerDay(['discarded', 'edited', 'asIs']), bars: true },
    { label: 'Edited + as-is', stroke: '#8a5a00', values: sumPerDay(['edited', 'asIs']), bars: true },
    { label: 'As-is', stroke: '#1a7f37', values: acceptancePerDay('asIs'), bars: true },
    { label: 'Mean retained ratio', stroke: '#0b5cad', values: retainedPerDay, scale: 'ratio', axisRight: true },
  ]);

  ui.tables.replaceChildren(
    usageTable('By feature', 'Feature', usage.byFeature, (row) => row.feature),
    usageTable('By provider', 'Provider', usage.byProvider, (row) => row.provider),
    usageTable('By model', 'Model', usage.byModel, (row) => row.model),
    usageTable('By prompt version', 'Prompt version', usage.byPromptVersion, (row) => row.promptVersion ?? '(no draft)'),
    usageTable('By day', 'Day', usage.byDay, (row) => row.day),
    acceptanceByFeature(acceptance),
    acceptanceByRoute(acceptance),
    table('Guard hits', ['Day', 'Feature', 'Guard', 'Count'], usage.guardHits.map((row) => [row.day, row.feature, row.guard, row.count])),
    table('Throttle refusals', ['Day', 'Feature', 'Code', 'Count'], usage.throttleRejections.map((row) => [row.day, row.feature, row.code, row.count])),
  );
}

function drawChart(id, xs, series) {
  const figure = element(id);
  charts.get(id)?.destroy();
  figure.querySelector('.chart-empty')?.remove();
  const width = Math.max(280, figure.clientWidth - 12);
  // Half a day of room on each side, so the first and last days' bars are whole.
  const scales = { x: { time: true, range: (_, min, max) => [min - 43_200, max + 43_200] } };
  const axes = [{}, { scale: series[0].scale ?? 'y' }];
  for (const entry of series) {
    const scale = entry.scale ?? 'y';
    scales[scale] = { range: (_, min, max) => [0, Math.max(1e-9, max ?? 1) * 1.1] };
    if (entry.axisRight) axes.push({ scale, side: 1, grid: { show: false } });
  }
  const plot = new uPlot({
    width,
    height: 220,
    scales,
    axes,
    series: [{}, ...series.map((entry) => ({
      label: entry.label,
      stroke: entry.stroke,
      width: 2,
      scale: entry.scale ?? 'y',
      spanGaps: true,
      ...(entry.bars && { fill: entry.stroke, paths: uPlot.paths.bars({ size: [0.3, 28] }) }),
      points: { show: true },
    }))],
  }, [xs, ...series.map((entry) => entry.values)], figure);
  charts.set(id, plot);
  if (xs.length === 0 || series.every((entry) => entry.values.every((point) => !point))) {
    figure.append(h('p', { className: 'help chart-empty' }, 'No data in this window.'));
  }
}

function table(caption, headings, rows) {
  return h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, ...(rows.length > 0 ? rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell === null || cell === undefined ? '–' : String(cell))))) : [h('tr', {}, h('td', { colspan: headings.length }, 'None in this window.'))])));
}

const percent = (value) => (value === null || value === undefined ? '–' : `${Math.round(value * 100)}%`);
const ratio = (value) => (value === null || value === undefined ? '–' : value.toFixed(2));

function usageTable(caption, dimension, rows, key) {
  return table(caption, [dimension, 'Calls', 'Errors', 'Tokens in', 'Tokens out', 'Cost', 'p50 ms', 'p95 ms', 'p99 ms', 'Drafts', 'Fallbacks', 'Degraded'],
    rows.map((row) => [key(row), row.calls, row.errors, row.inputTokens, row.outputTokens, formatUsd(row.costUsd), row.latencyP50Ms, row.latencyP95Ms, row.latencyP99Ms, row.generations, row.fallbacks, percent(row.degradedShare)]));
}

function acceptanceByFeature(acceptance) {
  return table('Acceptance by feature', ['Feature', 'Drafts', 'Feedback', 'As-is', 'Edited', 'Discarded', 'Mean retained ratio'],
    acceptance.map((entry) => {
      const sum = (key) => entry.variants.reduce((total, variant) => total + variant[key], 0);
      // The days' means, weighted by how many drafts were published each day.
      const weight = entry.days.reduce((total, day) => total + day.published, 0);
      const mean = weight === 0 ? null : entry.days.reduce((total, day) => total + (day.meanRetainedRatio ?? 0) * day.published, 0) / weight;
      return [entry.feature, sum('drafts'), sum('feedback'), sum('acceptedAsIs'), sum('edited'), sum('discarded'), ratio(mean)];
    }));
}

function acceptanceByRoute(acceptance) {
  return table('Acceptance by provider, model and prompt version', ['Feature', 'Provider', 'Model', 'Prompt version', 'Variant', 'Drafts', 'Feedback', 'As-is', 'Edited', 'Discarded', 'Mean retained ratio', 'Acceptance'],
    acceptance.flatMap((entry) => entry.variants.map((variant) => [entry.feature, variant.provider, variant.model, variant.promptVersion, variant.variant, variant.drafts, variant.feedback, variant.acceptedAsIs, variant.edited, variant.discarded, ratio(variant.meanRetainedRatio), percent(variant.acceptanceRate)])));
}
