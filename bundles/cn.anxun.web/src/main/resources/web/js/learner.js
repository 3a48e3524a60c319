// A learner's classes, a class with its courses, test and certificate, and their study-hour records.
import { h, show, facts, table, field, duration, studyHours, seconds, when, say, fill } from './dom.js';
import { api, get, post, url } from './api.js';
import { form, messageOf } from './forms.js';
import { session } from './app.js';

const me = () => session.me.accountId;

export async function classesPage() {
  const [classes, ledger] = await Promise.all([get(`/learners/${me()}/classes`), get(`/learners/${me()}/ledger`)]);
  const credited = creditedByClass(ledger);
  show('我的培训班', classes.length === 0
    ? h('p', {}, '您还没有被编入培训班。请联系您的培训机构报名。')
    : h('div', { class: 'cards' }, classes.map((c) => h('section', { class: 'card', 'aria-label': c.name },
      h('h2', {}, h('a', { href: `#/classes/${c.id}` }, c.name)),
      facts([['培训项目', c.programmeName], ['培训期', `${c.startsOn} 至 ${c.endsOn}`],
        ['已获学时', `${studyHours(credited[c.id] || 0)}（线上须 ${c.onlineHours} 学时）`]])))));
}

function creditedByClass(ledger) {
  return Object.fromEntries((ledger.totals || []).map((total) => [total.classId, total.creditedSeconds]));
}

export async function classPage({ class: id }) {
  const [trainingClass, ledger] = await Promise.all([get(`/classes/${id}`), get(`/learners/${me()}/ledger`)]);
  const courses = await Promise.all(trainingClass.courses.map((course) => get(`/courses/${course}`)));
  const credited = creditedByClass(ledger)[id] || 0;
  const reached = credited >= trainingClass.onlineHours * 2700;
  show(trainingClass.name,
    facts([['培训项目', trainingClass.programmeName], ['培训期', `${trainingClass.startsOn} 至 ${trainingClass.endsOn}`],
      ['已获学时', `${studyHours(credited)}（${duration(credited)}）`],
      ['线上学时要求', `${trainingClass.onlineHours} 学时${reached ? '，已完成' : ''}`]]),
    h('h2', {}, '课程'),
    courses.map((course) => h('section', { class: 'card', 'aria-label': course.title },
      h('h3', {}, course.title),
      h('p', { class: 'hint' }, `授课教师：${course.teachers.join('、')}；共 ${course.units.length} 个单元，`
        + `时长 ${duration(seconds(course.duration))}`),
      h('div', { class: 'actions' }, h('a', { class: 'button', href: `#/study/${id}/${course.id}` }, '开始学习'),
        h('a', { class: 'button secondary', href: `#/rate/${course.id}` }, '评价课程')))),
    h('h2', {}, '考试'),
    h('p', {}, reached ? '线上学习已完成，可以参加考试。考试全程须本人，开始和过程中会进行人脸核验。'
      : '完成线上学时后才能参加考试。'),
    h('p', {}, h('a', { class: 'button', href: `#/exam/${id}` }, '进入考试')),
    h('h2', {}, '学时证明'),
    certificateAction(id));
}

function certificateAction(classId) {
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', onclick: async () => {
    button.disabled = true;
    try {
      const certificate = await api('POST', `/learners/${me()}/certificates?class=${encodeURIComponent(classId)}`);
      fill(result, certificateCard(certificate));
      say('学时证明已生成。');
    } catch (error) {
      fill(result, h('p', { class: 'alert', role: 'alert' }, messageOf(error)));
    } finally {
      button.disabled = false;
    }
  } }, '生成并下载学时证明');
  return h('div', {}, h('p', {}, '考试合格后可生成学时证明（合格证明），可打印，他人可扫码核验。'), button, result);
}

function certificateCard(certificate) {
  return h('section', { class: 'card', 'aria-label': `学时证明 ${certificate.number}` },
    facts([['证明编号', certificate.number], ['培训班', certificate.className], ['线上学时', certificate.onlineHours],
      ['考试成绩', `${certificate.score} / ${certificate.totalPoints}`], ['状态', certificate.status === 'VALID'
        ? '有效' : '已撤销'], ['签发时间', when(certificate.issuedAt)]]),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: url(`/certificates/${certificate.id}/document`),
        download: `学时证明-${certificate.number}.pdf` }, '下载 PDF'),
      h('a', { class: 'button secondary', href: certificate.verificationUrl, rel: 'noopener' }, '在线核验页')));
}

export async function recordsPage() {
  const [ledger, certificates] = await Promise.all([get(`/learners/${me()}/ledger`),
    get(`/learners/${me()}/certificates`)]);
  show('学时与合格证明',
    h('h2', {}, '学时记录'),
    h('p', {}, '每一段经人脸核验确认的学习时间都记入防篡改的学时账本，每 45 分钟计 1 学时。'),
    table('各培训班已获学时', ['培训班', '学习时间', '学时'], (ledger.totals || []).map((total) =>
      [total.classId, duration(total.creditedSeconds), `${total.hours} 学时`])),
    h('p', {}, `账本共 ${ledger.entries.length} 条记录，截至签名检查点第 ${ledger.checkpoint?.treeSize ?? '—'} 条。`),
    h('div', { class: 'actions' },
      h('a', { class: 'button secondary', href: url(`/learners/${me()}/ledger`), download: 'ledger.json' },
        '下载我的学时账本（可独立核验）'),
      h('a', { class: 'button secondary', href: url('/ledger/checkpoint') }, '平台签名检查点')),
    h('h2', {}, '学时证明'),
    certificates.length ? certificates.map(certificateCard) : h('p', {}, '还没有学时证明。'));
}

const SCORES = [5, 4, 3, 2, 1];

/** A learner's rating of a course and its teachers, and what other learners said. */
export async function ratePage({ course: id }) {
  const [course, feedback] = await Promise.all([get(`/courses/${id}`), get(`/courses/${id}/feedback`)]);
  const scale = (name, legend) => h('fieldset', { class: 'question' }, h('legend', {}, legend),
    SCORES.map((score) => h('label', { class: 'option' }, h('input', { type: 'radio', name, value: score,
      checked: score === 5 }), `${score} 分`)));
  show(`评价：${course.title}`,
    facts([['平均分', feedback.average ?? '—'], ['评价人数', feedback.ratings]]),
    form('课程评价', [scale('score', '课程总体'), course.teachers.map((teacher) => scale(`teachers.${teacher}`,
      `授课教师 ${teacher}`)), field('意见（选填，500 字以内）', h('textarea', { name: 'comment', rows: 4,
      maxlength: 500 }), '评语经审核后展示；请勿填写联系方式。')], async (values) => {
      const teachers = Object.fromEntries(Object.entries(values.teachers || {}).map(([k, v]) => [k, Number(v)]));
      await post(`/courses/${id}/ratings`, { score: Number(values.score), teachers, comment: values.comment });
      say('感谢您的评价。');
      await ratePage({ course: id });
    }, '提交评价'),
    h('h2', {}, '学员评语'),
    feedback.comments.length ? h('ul', {}, feedback.comments.map((c) => h('li', {}, `${c.score} 分：${c.text}`)))
      : h('p', {}, '还没有评语。'));
}
