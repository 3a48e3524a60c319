// A regulator's pages: the overview of their region with charts, and the lists of what happens in it, filtered,
// paged and exported. What they show is what the API gives the account: its region and nothing else.
import { h, show, table, field, fill, duration, seconds, studyHours, when } from './dom.js';
import { get, url } from './api.js';
import { form } from './forms.js';
import { session } from './app.js';
import { COURSE_STATUS } from './institution.js';

const pct = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
const TEST = { NOT_TAKEN: '未考', PASSED: '合格', FAILED: '不合格' };

/** Each list: its title and the columns of its rows. */
const LISTS = {
  progress: ['学习进度', [['培训班', (r) => r.className], ['学员', (r) => r.learnerId], ['机构', (r) => r.institutionId],
    ['地区', (r) => r.region], ['已获学时', (r) => studyHours(r.creditedSeconds)],
    ['线上部分', (r) => (r.completedAt ? '已完成' : '未完成')], ['考试', (r) => TEST[r.test] || r.test],
    ['学时证明', (r) => r.certificate || '—']]],
  classes: ['培训班', [['培训班', (r) => r.name], ['机构', (r) => r.institutionId], ['地市', (r) => r.city],
    ['培训项目', (r) => r.programmeName], ['培训期', (r) => `${r.startsOn} 至 ${r.endsOn}`], ['学员', (r) => r.learners]]],
  registrations: ['机构备案', [['机构', (r) => r.institutionName], ['统一社会信用代码', (r) => r.creditCode],
    ['地市', (r) => r.city], ['状态', (r) => r.status], ['备案号', (r) => r.registrationNumber || '—'],
    ['提交时间', (r) => when(r.submittedAt)]]],
  certificates: ['学时证明', [['编号', (r) => r.number], ['学员', (r) => r.learnerName], ['身份证号', (r) => r.idNumber],
    ['培训班', (r) => r.className], ['线上学时', (r) => r.onlineHours], ['状态', (r) => (r.status === 'VALID' ? '有效'
      : '已撤销')], ['签发', (r) => when(r.issuedAt)]]],
  courses: ['课程', [['课程', (r) => h('a', { href: `#/course-check/${r.id}` }, r.title)], ['机构', (r) => r.institutionId],
    ['状态', (r) => COURSE_STATUS[r.status] || r.status],
    ['时长', (r) => duration(seconds(r.duration))], ['学时', (r) => r.hours ?? '—']]],
  feedback: ['学员评价', [['课程', (r) => r.courseTitle], ['机构', (r) => r.institutionId], ['评分', (r) => r.score],
    ['评语', (r) => (r.commentHeld ? '（已屏蔽）' : r.comment || '')], ['时间', (r) => when(r.ratedAt)]]],
};

let charts = null;

/** Apache ECharts, loaded the first time a chart is drawn: learners never fetch it. */
function echarts() {
  charts ??= new Promise((resolve, reject) => {
    document.head.append(h('script', { src: 'lib/echarts/echarts.min.js', onload: () => resolve(window.echarts),
      onerror: reject }));
  });
  return charts;
}

export async function overviewPage() {
  const me = session.me;
  const by = me.regionCode?.endsWith('0000') ? 'CITY' : 'COUNTY';
  const [overview, cities] = await Promise.all([
    get(`/supervision/overview?by=${me.roles.includes('COUNTY_REGULATOR') ? 'INSTITUTION' : by}`),
    get('/cities?state=all')]);
  const named = new Map(cities.flatMap((city) => [[city.code, city.name],
    ...(city.counties || []).map((county) => [county.code, county.name])]));
  const rows = overview.rows;
  const names = rows.map((r) => named.get(r.key) || r.key);
  const chart = h('div', { class: 'chart', role: 'img', 'aria-label': '各地区在训、完成与合格情况柱状图，数据见下表' });
  show(`监管概览（${named.get(overview.region) || (overview.region === '440000' ? '广东省' : overview.region)}）`,
    h('p', { class: 'hint' }, `统计时间 ${when(overview.at)}`),
    table('合计', ['在训学员', '正在学习', '本周学时', '本月学时', '完成率', '合格率', '学时证明'], [row(overview.total)]),
    chart,
    table('分项', ['地区/机构', '在训学员', '正在学习', '本周学时', '本月学时', '完成率', '合格率', '学时证明'],
      rows.map((r, i) => [names[i], ...row(r)])),
    h('h2', {}, '明细'),
    h('ul', {}, Object.entries(LISTS).map(([list, [title]]) => h('li', {}, h('a', { href: `#/supervision/${list}` },
      title)))));
  const lib = await echarts();
  const plot = lib.init(chart, null, { renderer: 'svg' });
  plot.setOption({
    aria: { enabled: true },
    animation: !matchMedia('(prefers-reduced-motion: reduce)').matches,
    tooltip: { trigger: 'axis' },
    legend: { data: ['在训学员', '完成', '合格'] },
    grid: { left: 48, right: 16, bottom: 64 },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [['在训学员', 'enrolled'], ['完成', 'completed'], ['合格', 'passed']].map(([name, key]) => ({
      name, type: 'bar', data: rows.map((r) => r[key]) })),
  });
}

function row(r) {
  return [r.enrolled, r.studyingNow, studyHours(r.creditedSecondsThisWeek), studyHours(r.creditedSecondsThisMonth),
    pct(r.completionRate), pct(r.passRate), r.certified];
}

export async function listPage({ list }) {
  const [title, columns] = LISTS[list] || [];
  if (!title) throw new Error('没有这个列表。');
  const results = h('div', { 'aria-live': 'polite' });
  const exports = h('p', { class: 'actions' });
  const filters = form(`${title}筛选`, [
    field('地区代码', h('input', { name: 'region', inputmode: 'numeric', placeholder: session.me.regionCode || '' }),
      '本辖区内的地市或区县代码，不填为整个辖区'),
    field('机构', h('input', { name: 'institution' })),
    field('培训项目代码', h('input', { name: 'programme' })),
    field('起始日期', h('input', { name: 'from', type: 'date' })),
    field('截止日期', h('input', { name: 'to', type: 'date' })),
  ], async (chosen) => {
    const query = new URLSearchParams(chosen);
    fill(exports, ['XLSX', 'CSV'].map((format) => h('a', { class: 'button secondary', download: `${list}.${format
      .toLowerCase()}`, href: url(`/supervision/${list}/export?${new URLSearchParams({ ...chosen, format })}`) },
    `导出 ${format}`)));
    await page(list, query, columns, results);
  }, '查询');
  show(title, filters, exports, results);
  filters.requestSubmit();
}

async function page(list, query, columns, into, after) {
  const params = new URLSearchParams(query);
  params.set('limit', '50');
  if (after) params.set('after', after);
  const answer = await get(`/supervision/${list}?${params}`);
  const more = answer.next ? h('button', { type: 'button', class: 'secondary', onclick: () => page(list, query,
    columns, into, answer.next) }, '下一页') : null;
  fill(into, table(`${answer.items.length} 条`, columns.map(([heading]) => heading),
    answer.items.map((item) => columns.map(([, cell]) => cell(item) ?? '—'))), more);
}
