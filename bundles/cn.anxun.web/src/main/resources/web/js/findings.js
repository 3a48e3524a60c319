// Supervision that acts: suspicious patterns with their evidence, findings and their rectification (整改), the
// registration decisions of a city, and spot checks and takedowns of courses. Each page shows what the API gives
// the account: a regulator's own region, an institution's own findings.
import { h, show, facts, table, field, fill, when, say } from './dom.js';
import { api, get, post } from './api.js';
import { form, messageOf } from './forms.js';
import { session } from './app.js';

const FINDING = { OPEN: '待整改', ANSWERED: '已答复', CLOSED: '已关闭' };
const SUBJECT = [['REGISTRATION', '机构备案'], ['COURSE', '课程'], ['CLASS', '培训班'], ['LEARNER', '学员']];
const STEPS = { RAISE: '提出', ANSWER: '整改答复', REOPEN: '重新整改', ESCALATE: '上报', SUSPEND: '暂停备案',
  REVOKE: '撤销备案', CLOSE: '关闭' };
const DECISIONS = [['APPROVE', '通过'], ['REJECT', '不予备案'], ['SUSPEND', '暂停'], ['REINSTATE', '恢复'],
  ['REVOKE', '撤销']];
const regulator = () => session.me.roles.some((role) => role.endsWith('_REGULATOR'));

export async function flagsPage() {
  const flags = await get('/supervision/flags?limit=100');
  const run = h('button', { type: 'button', class: 'secondary', onclick: async () => {
    const done = await post('/supervision/flags/runs');
    say(`检查完成：新增 ${done.added} 条，更新 ${done.updated} 条。`);
    await flagsPage();
  } }, '立即检查');
  show('异常线索', h('p', {}, '系统每晚检查：一脸多号、同时两地学习、反复人脸核验失败、通宵学习、超时长、深夜学习、合格率异常。'),
    h('div', { class: 'actions' }, run),
    table('异常线索', ['类型', '地区', '机构', '概况', '最近发现', '状态'], flags.items.map((f) => [
      h('a', { href: `#/flag/${f.id}` }, f.label), f.region, f.institutionId || '—', f.summary, when(f.lastSeenAt),
      f.status === 'OPEN' ? '待处理' : '已排除'])));
}

export async function flagPage({ flag: id }) {
  const flag = await get(`/supervision/flags/${id}`);
  // a finding names the learner, or else the class, course or registration among the flag's records
  const record = flag.records.find((r) => /^(class|course|registration):/.test(r));
  const subject = flag.learnerId ? { subject: 'LEARNER', subjectId: flag.learnerId }
    : record && { subject: record.split(':')[0].toUpperCase(), subjectId: record.slice(record.indexOf(':') + 1) };
  show(flag.label,
    facts([['概况', flag.summary], ['地区', flag.region], ['机构', flag.institutionId || '—'],
      ['学员', flag.learnerId || '—'], ['首次发现', when(flag.firstSeenAt)], ['最近发现', when(flag.lastSeenAt)],
      ['状态', flag.status === 'OPEN' ? '待处理' : `已排除：${flag.dismissal}`]]),
    h('h2', {}, '证据'), h('ul', {}, flag.records.map((record) => h('li', {}, record))),
    flag.status === 'OPEN' && regulator() ? [
      h('h2', {}, '处理'),
      subject ? form('立案', [field('发现的问题', h('textarea', { name: 'text', rows: 3 }), '将作为整改通知发给机构'),
        field('整改期限', h('input', { name: 'deadline', type: 'date' }))], async ({ text, deadline }) => {
        const finding = await post('/findings', { ...subject, text, deadline });
        location.hash = `#/finding/${finding.id}`;
      }, '下发整改') : null,
      form('排除', [field('排除理由', h('input', { name: 'reason' }))], async ({ reason }) => {
        await post(`/supervision/flags/${id}/dismissal`, { reason });
        say('已排除。');
        await flagPage({ flag: id });
      }, '排除此线索')] : null);
}

export async function findingsPage() {
  const findings = await get('/findings?limit=100');
  show('整改', table('整改事项', ['事项', '对象', '机构', '期限', '状态'], findings.items.map((f) => [
    h('a', { href: `#/finding/${f.id}` }, f.text.slice(0, 40)), (SUBJECT.find(([k]) => k === f.subject) || [])[1],
    f.institutionId, h('span', { class: f.overdue ? 'bad' : '' }, `${f.deadline}${f.overdue ? '（已逾期）' : ''}`),
    FINDING[f.status]])));
}

export async function findingPage({ finding: id }) {
  const finding = await get(`/findings/${id}`);
  const actions = regulator() ? ['REOPEN', 'ESCALATE', 'SUSPEND', 'REVOKE', 'CLOSE'] : ['ANSWER'];
  show('整改事项',
    facts([['问题', finding.text], ['对象', `${(SUBJECT.find(([k]) => k === finding.subject) || [])[1]} ${
      finding.subjectId}`], ['机构', finding.institutionId], ['整改期限', finding.deadline], ['状态',
      FINDING[finding.status]]]),
    h('ol', {}, finding.history.map((step) => h('li', {}, `${when(step.at)} ${STEPS[step.action]}：${step.text || ''}${
      step.deadline ? `（期限 ${step.deadline}）` : ''}`))),
    finding.status === 'CLOSED' ? null : form('下一步', [
      field('处理', h('select', { name: 'action' }, actions.map((a) => h('option', { value: a }, STEPS[a])))),
      field('说明', h('textarea', { name: 'text', rows: 3 })),
      regulator() ? field('新的整改期限（重新整改时）', h('input', { name: 'deadline', type: 'date' })) : null,
    ], async (step) => {
      await post(`/findings/${id}/steps`, step);
      say('已处理。');
      await findingPage({ finding: id });
    }, '提交'));
}

export async function registrationsPage() {
  const city = session.me.regionCode;
  const registrations = await get(`/cities/${city}/registrations`);
  const result = h('div', { 'aria-live': 'polite' });
  show('机构备案', result, table('备案申请', ['机构', '统一社会信用代码', '状态', '线下名录', '提交时间', '决定'],
    registrations.map((r) => [r.institutionName, r.creditCode, r.status, r.offlineMatch ? '相符' : '未找到',
      when(r.submittedAt), h('form', { class: 'actions', 'aria-label': `${r.institutionName}（${r.creditCode}）的备案决定`,
        onsubmit: async (event) => {
          event.preventDefault();
          const data = new FormData(event.target);
          try {
            await post(`/registrations/${r.id}/decisions`, { action: data.get('action'),
              reason: data.get('reason') || undefined });
            say('已决定。');
            await registrationsPage();
          } catch (error) {
            fill(result, h('p', { class: 'alert', role: 'alert' }, messageOf(error)));
          }
        } }, h('select', { name: 'action', 'aria-label': '决定' }, DECISIONS.map(([v, t]) => h('option', { value: v },
        t))), h('input', { name: 'reason', 'aria-label': '理由', placeholder: '理由' }),
      h('button', { type: 'submit' }, '决定'))])));
}

/** A regulator's spot check of a course, a finding against it, or its takedown with the reason. */
export async function courseCheckPage({ course: id }) {
  const course = await get(`/courses/${id}`);
  show(`抽查：${course.title}`,
    facts([['机构', course.institutionId], ['状态', course.status], ['学时', course.hours ?? '—']]),
    form('抽查意见', [field('抽查意见', h('textarea', { name: 'text', rows: 3 }))], async ({ text }) => {
      await post(`/courses/${id}/spot-checks`, { text });
      say('抽查意见已记录。');
    }, '记录抽查意见'),
    form('下发整改', [field('整改要求', h('textarea', { name: 'text', rows: 3 })),
      field('整改期限', h('input', { name: 'deadline', type: 'date' }))], async ({ text, deadline }) => {
      const finding = await post('/findings', { subject: 'COURSE', subjectId: id, text, deadline });
      location.hash = `#/finding/${finding.id}`;
    }, '下发整改'),
    form('下架', [field('下架理由', h('textarea', { name: 'text', rows: 3 }))], async ({ text }) => {
      await api('POST', `/courses/${id}/takedown`, { text });
      say('课程已下架。');
      await courseCheckPage({ course: id });
    }, '下架课程'));
}
