// What an institution teaches with: a course and its units, submitted for review; a class of its courses with
// its learners enrolled and its test; the question banks, imported from the sheets institutions already keep.
import { h, show, facts, table, field, fill, duration, seconds, when, say } from './dom.js';
import { api, get, post } from './api.js';
import { form, messageOf } from './forms.js';
import { session } from './app.js';
import { COURSE_STATUS } from './institution.js';

const institution = () => session.me.institutionId;
const UNIT_TYPES = [['VIDEO', '视频'], ['AUDIO', '音频'], ['TEXT', '图文']];

const options = (pairs, chosen) => pairs.map(([value, text]) => h('option', { value, selected: value === chosen },
  text));

export async function newCoursePage() {
  const [programmes, media] = await Promise.all([get('/programmes'), get(`/institutions/${institution()}/media`)]);
  const units = h('ol', {});
  const addUnit = () => {
    const n = units.children.length;
    const type = h('select', { name: `units[${n}].type` }, options(UNIT_TYPES));
    const medium = h('select', { name: `units[${n}].media` }, h('option', { value: '' }, '（图文单元不选）'),
      media.map((m) => h('option', { value: m.id }, m.filename)));
    units.append(h('li', {}, field('单元标题', h('input', { name: `units[${n}].title` })), field('类型', type),
      field('课件', medium), field('正文（图文单元）', h('textarea', { name: `units[${n}].text`, rows: 3 }))));
  };
  addUnit();
  show('新建课程', form('新建课程', [
    field('课程名称', h('input', { name: 'title' })),
    field('简介', h('textarea', { name: 'description', rows: 3 })),
    field('培训项目', h('select', { name: 'programme' }, programmes.map((p) => h('option', { value: p.code }, p.name)))),
    field('授课教师', h('input', { name: 'teachers' }), '多位教师用顿号或逗号分开'),
    h('h2', {}, '单元'), units,
    h('button', { type: 'button', class: 'secondary', onclick: addUnit }, '添加单元'),
  ], async (values, element) => {
    const draft = { title: values.title, description: values.description, programmes: [values.programme],
      teachers: (values.teachers || '').split(/[、,，]/).map((t) => t.trim()).filter(Boolean),
      units: [...units.children].map((_, n) => ({
        title: element.elements[`units[${n}].title`].value.trim(),
        type: element.elements[`units[${n}].type`].value,
        media: element.elements[`units[${n}].media`].value || undefined,
        text: element.elements[`units[${n}].text`].value.trim() || undefined })) };
    const course = await post(`/institutions/${institution()}/courses`, draft);
    say('课程草稿已保存。');
    location.hash = `#/course/${course.id}`;
  }, '保存草稿'));
}

export async function coursePage({ course: id }) {
  const course = await get(`/courses/${id}`);
  const blocked = course.units.some((u) => u.findings.some((f) => f.severity === 'BLOCKING'));
  show(course.title,
    facts([['状态', COURSE_STATUS[course.status] || course.status], ['时长', duration(seconds(course.duration))],
      ['学时', course.hours ?? '—'], ['培训项目', course.programmes.map((p) => `${p.name}（线上 ${p.onlineHours} 学时${
        p.fits === false ? '，超出' : ''}）`).join('、')]]),
    table('单元', ['单元', '类型', '时长', '检测'], course.units.map((u) => [u.title, u.type, duration(seconds(u.duration)),
      u.checked ? `${u.findings.length} 处问题` : '检测中'])),
    h('h2', {}, '审核记录'),
    course.history.length ? h('ol', {}, course.history.map((step) => h('li', {},
      `${when(step.at)} ${step.action} ${step.reason || ''}`))) : h('p', {}, '尚无。'),
    ['DRAFT', 'RETURNED', 'TAKEN_DOWN'].includes(course.status) ? [h('h2', {}, '送审'), blocked
      ? h('p', { class: 'bad' }, '有单元存在阻断问题，替换课件后才能送审。')
      : form('送审', [
        h('label', { class: 'option' }, h('input', { type: 'checkbox', name: 'content' }), '本机构对课程内容负责'),
        h('label', { class: 'option' }, h('input', { type: 'checkbox', name: 'copyright' }), '本机构拥有或已获授权使用版权'),
        field('版权所有者', h('input', { name: 'copyrightHolder' })),
      ], async (values) => {
        await post(`/courses/${id}/submission`, values);
        say('已送审。');
        await coursePage({ course: id });
      }, '提交审核')] : null);
}

export async function newClassPage() {
  const [courses, programmes, learners, cities] = await Promise.all([get(`/institutions/${institution()}/courses`),
    get('/programmes'), get('/learners?limit=200'), get('/cities')]);
  const online = courses.filter((c) => c.status === 'ONLINE');
  show('开设培训班', form('开设培训班', [
    field('培训班名称', h('input', { name: 'name' }), '例如：2026年第12期低压电工作业初训班'),
    field('地市', h('select', { name: 'city' }, cities.map((c) => h('option', { value: c.code }, c.name))),
      '须是本机构已备案的地市'),
    field('培训项目', h('select', { name: 'programme' }, programmes.map((p) => h('option', { value: p.code }, p.name)))),
    h('fieldset', { class: 'field', 'data-field': 'courses' }, h('legend', {}, '课程（已上线）'),
      online.map((c) => h('label', { class: 'option' }, h('input', { type: 'checkbox', name: `course:${c.id}` }),
        c.title))),
    field('开班日期', h('input', { name: 'startsOn', type: 'date' })),
    field('结业日期', h('input', { name: 'endsOn', type: 'date' })),
    h('fieldset', { class: 'field' }, h('legend', {}, '编入学员'),
      learners.items.map((l) => h('label', { class: 'option' },
        h('input', { type: 'checkbox', name: `learner:${l.id}` }), `${l.name}（${l.idNumber}）`))),
  ], async (values) => {
    const chosen = (prefix) => Object.keys(values).filter((k) => k.startsWith(prefix) && values[k] === true)
      .map((k) => k.slice(prefix.length));
    const opened = await post(`/institutions/${institution()}/classes`, { name: values.name, city: values.city,
      programme: values.programme, courses: chosen('course:'), startsOn: values.startsOn, endsOn: values.endsOn });
    const enrolled = chosen('learner:');
    if (enrolled.length) await post(`/classes/${opened.id}/learners`, { learners: enrolled });
    say('培训班已开设。');
    location.hash = `#/class-file/${opened.id}`;
  }, '开班'));
}

export async function banksPage() {
  const [banks, programmes] = await Promise.all([get(`/question-banks?institution=${institution()}`),
    get('/programmes')]);
  const named = new Map(programmes.map((p) => [p.code, p.name]));
  show('题库',
    table('本机构的题库', ['培训项目', '题数', '建立时间', ''], banks.map((b) => [named.get(b.programmeCode)
      || b.programmeCode, b.questions, when(b.createdAt), h('a', { href: `#/bank/${b.id}` }, '导入试题')])),
    h('h2', {}, '新建题库'),
    form('新建题库', [field('培训项目', h('select', { name: 'programme' }, programmes.map((p) => h('option',
      { value: p.code }, p.name))))], async ({ programme }) => {
      const bank = await post('/question-banks', { institution: institution(), programme });
      location.hash = `#/bank/${bank.id}`;
    }, '建立'));
}

export async function bankPage({ bank: id }) {
  const bank = await get(`/question-banks/${id}`);
  const file = h('input', { type: 'file', id: 'sheet', accept: '.xlsx,.xls,.csv' });
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button' }, '导入');
  button.addEventListener('click', async () => {
    const sheet = file.files[0];
    if (!sheet) return;
    const type = sheet.name.endsWith('.csv') ? 'text/csv' : sheet.name.endsWith('.xls') ? 'application/vnd.ms-excel'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    try {
      const imported = await api('POST', `/question-banks/${id}/questions`, new Blob([sheet], { type }));
      fill(result, h('p', { class: 'ok' }, `新增 ${imported.added} 题，修订 ${imported.revised} 题，未变 ${
        imported.unchanged} 题。`));
    } catch (error) {
      fill(result, h('div', { class: 'alert', role: 'alert' }, h('p', {}, `未导入任何试题：${error.errors.length
        ? `${error.errors.length} 处不符合要求` : messageOf(error)}`), error.errors.length ? table('不符合要求的单元格',
        ['单元格', '规则', '说明'], error.errors.map((e) => [e.field, e.rule, e.message])) : null));
    }
  });
  show(`题库（${bank.programmeCode}，${bank.questions} 题）`,
    h('p', {}, '上传 Excel（.xlsx、.xls）或 CSV（UTF-8 或 GBK）：表头为 编号、题型、题目、选项A…、答案、解析、知识点、难度。'
      + '整表导入，有一处不符合要求则全部不导入，并指出单元格。'),
    h('label', { for: 'sheet' }, '试题表'), file, h('div', { class: 'actions' }, button), result);
}
