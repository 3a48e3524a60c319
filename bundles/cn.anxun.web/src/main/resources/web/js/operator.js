// The operator's pages: the review queue of courses, the city modules and the other plugins installed while the
// platform runs, the programmes; and the platform administrator's staff accounts. The support queue is support.js.
import { h, show, facts, table, field, fill, duration, seconds, when, say } from './dom.js';
import { get, post, url } from './api.js';
import { form, messageOf } from './forms.js';

const ASPECTS = [['CONTENT', '内容'], ['FORM', '形式'], ['IDEOLOGY', '导向'], ['FORMAT', '格式'], ['QUALITY', '质量'],
  ['COPYRIGHT', '版权']];
const ROLES = [['OPERATOR', '运营'], ['INSTITUTION_ADMIN', '培训机构管理员'], ['INSTITUTION_STAFF', '培训机构工作人员'],
  ['PROVINCE_REGULATOR', '省级监管'], ['CITY_REGULATOR', '市级监管'], ['COUNTY_REGULATOR', '县级监管'],
  ['AUDITOR', '审计'], ['PLATFORM_ADMIN', '平台管理员']];

export async function reviewQueuePage() {
  const courses = await get('/courses?status=IN_REVIEW');
  show('课程审核', courses.length === 0 ? h('p', {}, '没有待审核的课程。')
    : table('待审核的课程', ['课程', '机构', '时长', '提交时间'], courses.map((c) => [
      h('a', { href: `#/review/${c.id}` }, c.title), c.institutionId, duration(seconds(c.duration)),
      when(c.updatedAt)])));
}

export async function reviewPage({ course: id }) {
  const course = await get(`/courses/${id}`);
  const aspects = ASPECTS.map(([key, name]) => h('fieldset', { class: 'question' }, h('legend', {}, name),
    h('label', { class: 'option' }, h('input', { type: 'checkbox', name: `${key}.passed`, checked: true }), '通过'),
    field('意见', h('input', { name: `${key}.note` }))));
  const decision = h('fieldset', {}, h('legend', {}, '结论'),
    h('label', { class: 'option' }, h('input', { type: 'radio', name: 'decision', value: 'APPROVE', checked: true }),
      '通过，上线'),
    h('label', { class: 'option' }, h('input', { type: 'radio', name: 'decision', value: 'RETURN' }), '退回修改'));
  show(`审核：${course.title}`,
    facts([['机构', course.institutionId], ['授课教师', course.teachers.join('、')], ['时长', duration(seconds(
      course.duration))], ['学时', course.hours ?? '—'], ['培训项目', course.programmes.map((p) => p.name).join('、')]]),
    h('h2', {}, '单元'),
    h('ol', {}, course.units.map((unit) => h('li', {}, `${unit.title}（${duration(seconds(unit.duration))}）`,
      unit.findings.length ? h('span', { class: 'warn' }, ` ${unit.findings.length} 处检测问题`) : null, ' ',
      h('a', { href: url(`/courses/${id}/units/${unit.position}/content`), target: '_blank', rel: 'noopener' },
        '查看')))),
    h('h2', {}, '审核意见'),
    form('审核意见', [...aspects, decision], async (values) => {
      const body = { decision: values.decision, aspects: {} };
      ASPECTS.forEach(([key]) => {
        body.aspects[key] = { passed: Boolean(values[key]?.passed), note: values[key]?.note };
      });
      const decided = await post(`/courses/${id}/decisions`, body);
      say(decided.status === 'ONLINE' ? '课程已上线。' : '课程已退回。');
      location.hash = '#/review';
    }, '提交审核意见'));
}

export async function cityModulesPage() {
  const list = h('div', { 'aria-live': 'polite' });
  const render = async () => {
    const modules = await get('/city-modules');
    fill(list, table('地市模块', ['地市', '代码', '状态', '操作'], modules.map((m) => [m.name, m.code,
      m.installed ? '已安装' : '未安装', switchCell(`/city-modules/${m.code}`, m, `${m.name}模块`, '随全省模块安装',
        render)])));
  };
  show('地市模块', h('p', {}, '每个地市一个模块，平台运行中即可安装或卸载；卸载不删除该市的任何记录。'), list);
  await render();
}

const KINDS = { FACE_PROVIDER: '人脸识别', COURSE_FORMAT_VALIDATOR: '课件格式检查', STAFF_SIGN_ON: '统一身份认证' };

export async function pluginsPage() {
  const list = h('div', { 'aria-live': 'polite' });
  const render = async () => {
    const plugins = (await get('/plugins')).filter((p) => KINDS[p.kind]);
    fill(list, table('插件', ['类别', '插件', '说明', '本节点', '操作'], plugins.map((p) => [KINDS[p.kind], p.feature,
      p.description, p.installed ? '已安装' : '未安装', switchCell(`/plugins/${p.feature}`, p, ` ${p.feature}`,
        '随其他功能安装', render)])));
  };
  show('插件', h('p', {}, '人脸识别、课件格式检查和统一身份认证的插件。安装或卸载对平台的每个节点都生效：'
    + '本节点立即完成，其他节点在几秒内跟上；卸载不删除任何记录。地市模块见“地市模块”。'), list);
  await render();
}

/** A plugin's button that installs or removes it on every node, or why it has none (it came with another). */
function switchCell(path, plugin, name, asPart, render) {
  if (plugin.installed && !plugin.byItself) return asPart;
  return h('button', { type: 'button', class: plugin.installed ? 'secondary' : '',
    onclick: () => toggle(path, plugin.installed, name, render) }, `${plugin.installed ? '卸载' : '安装'}${name}`);
}

/** Installs or removes a plugin, a city module being one, and shows the list again. */
async function toggle(path, installed, name, render) {
  try {
    await post(`${path}/${installed ? 'uninstall' : 'install'}`);
    say(`${name}已${installed ? '卸载' : '安装'}。`);
  } catch (error) {
    say(messageOf(error));
  }
  await render();
}

export async function programmesPage() {
  const programmes = await get('/programmes');
  show('培训项目', table('现行培训项目', ['项目', '代码', '理论学时', '实操学时', '线上学时'], programmes.map((p) => [p.name,
    p.code, p.theoryHours, p.practicalHours, p.onlineHours])));
}

export async function staffPage() {
  const accounts = await get('/staff');
  const created = h('div', { 'aria-live': 'polite' });
  show('工作人员账号',
    table('账号', ['用户名', '姓名', '角色', '地区', '机构', '状态'], accounts.map((a) => [a.username, a.displayName,
      a.roles.map((r) => (ROLES.find(([k]) => k === r) || [r, r])[1]).join('、'), a.regionCode || '—',
      a.institutionId || '—', a.disabledAt ? '已停用' : '正常'])),
    h('h2', {}, '新建账号'),
    form('新建账号', [
      field('用户名', h('input', { name: 'username', autocomplete: 'off' })),
      field('姓名', h('input', { name: 'displayName' })),
      field('角色', h('select', { name: 'grant.role' }, ROLES.map(([value, text]) => h('option', { value }, text)))),
      field('地区代码', h('input', { name: 'grant.regionCode', inputmode: 'numeric' }), '监管账号填写其辖区代码'),
      field('机构', h('input', { name: 'grant.institutionId' }), '培训机构账号填写机构代码'),
    ], async ({ username, displayName, grant }) => {
      const account = await post('/staff', { username, displayName, grant: { roles: [grant.role],
        regionCode: grant.regionCode, institutionId: grant.institutionId } });
      fill(created, h('p', { class: 'notice' }, `账号 ${username} 已建立，一次性密码：`, h('strong', {},
        account.password), '。只显示这一次，首次登录须修改。'));
    }, '建立'), created);
}
