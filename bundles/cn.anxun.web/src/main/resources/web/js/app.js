// The pages' router: each #/path names a page; who is logged in decides the menu and where home is.
import { h, show, say, fill } from './dom.js';
import { api, whoAmI } from './api.js';
import { messageOf } from './forms.js';

/** Pages by path pattern, each loaded when first opened so a learner's phone fetches only a learner's code. */
const PAGES = [
  ['/login', () => import('./account.js'), 'loginPage'],
  ['/register', () => import('./account.js'), 'registerPage'],
  ['/password', () => import('./account.js'), 'passwordPage'],
  ['/classes', () => import('./learner.js'), 'classesPage'],
  ['/classes/:class', () => import('./learner.js'), 'classPage'],
  ['/study/:class/:course', () => import('./study.js'), 'studyPage'],
  ['/exam/:class', () => import('./exam.js'), 'examPage'],
  ['/records', () => import('./learner.js'), 'recordsPage'],
  ['/rate/:course', () => import('./learner.js'), 'ratePage'],
  ['/institution', () => import('./institution.js'), 'institutionPage'],
  ['/media-upload', () => import('./institution.js'), 'uploadPage'],
  ['/media/:medium', () => import('./institution.js'), 'mediumPage'],
  ['/class-file/:class', () => import('./institution.js'), 'classFilePage'],
  ['/course-new', () => import('./teaching.js'), 'newCoursePage'],
  ['/course/:course', () => import('./teaching.js'), 'coursePage'],
  ['/class-new', () => import('./teaching.js'), 'newClassPage'],
  ['/banks', () => import('./teaching.js'), 'banksPage'],
  ['/bank/:bank', () => import('./teaching.js'), 'bankPage'],
  ['/supervision', () => import('./regulator.js'), 'overviewPage'],
  ['/supervision/:list', () => import('./regulator.js'), 'listPage'],
  ['/flags', () => import('./findings.js'), 'flagsPage'],
  ['/flag/:flag', () => import('./findings.js'), 'flagPage'],
  ['/findings', () => import('./findings.js'), 'findingsPage'],
  ['/finding/:finding', () => import('./findings.js'), 'findingPage'],
  ['/registrations', () => import('./findings.js'), 'registrationsPage'],
  ['/course-check/:course', () => import('./findings.js'), 'courseCheckPage'],
  ['/review', () => import('./operator.js'), 'reviewQueuePage'],
  ['/review/:course', () => import('./operator.js'), 'reviewPage'],
  ['/city-modules', () => import('./operator.js'), 'cityModulesPage'],
  ['/plugins', () => import('./operator.js'), 'pluginsPage'],
  ['/programmes', () => import('./operator.js'), 'programmesPage'],
  ['/staff', () => import('./operator.js'), 'staffPage'],
  ['/support', () => import('./support.js'), 'supportPage'],
  ['/support/:ticket', () => import('./support.js'), 'ticketPage'],
];

/** Home and menu of each kind of account. */
const INSTITUTION = [['#/institution', '本机构'], ['#/media-upload', '上传课件'], ['#/course-new', '新建课程'],
  ['#/class-new', '开设培训班'], ['#/banks', '题库'], ['#/findings', '整改']];
const REGULATOR = [['#/supervision', '监管概览'], ['#/supervision/progress', '学习进度'],
  ['#/supervision/certificates', '学时证明'], ['#/flags', '异常线索'], ['#/findings', '整改']];
const MENUS = {
  LEARNER: [['#/classes', '我的培训班'], ['#/records', '学时与合格证明']],
  INSTITUTION_ADMIN: INSTITUTION,
  INSTITUTION_STAFF: INSTITUTION,
  PROVINCE_REGULATOR: REGULATOR,
  CITY_REGULATOR: [...REGULATOR, ['#/registrations', '机构备案']],
  COUNTY_REGULATOR: REGULATOR,
  OPERATOR: [['#/review', '课程审核'], ['#/city-modules', '地市模块'], ['#/plugins', '插件'],
    ['#/programmes', '培训项目'], ['#/supervision', '监管概览']],
  PLATFORM_ADMIN: [['#/staff', '工作人员账号']],
};

export const session = { me: null };

let leaving = [];

/** Something to do when the page is left: stop timers, the camera, a study session. */
export function onLeave(action) {
  leaving.push(action);
}

/** Who is logged in, asked once per page load and after a login. */
export async function signedIn(me) {
  session.me = me;
  renderNav();
}

function renderNav() {
  const nav = document.getElementById('nav');
  const me = session.me;
  if (!me) {
    fill(nav, h('a', { href: '#/login' }, '登录'), h('a', { href: '#/register' }, '学员注册'));
    return;
  }
  const items = [...new Map(me.roles.flatMap((role) => MENUS[role] || [])).entries()];
  fill(nav, ...items.map(([href, text]) => h('a', { href }, text)),
    h('a', { href: '#/support' }, '技术支持'), h('a', { href: '#/password' }, '修改密码'),
    h('button', { type: 'button', onclick: logout }, '退出登录'));
}

async function logout() {
  let loggedOut = null;
  try {
    loggedOut = await api('POST', '/auth/logout');
  } finally {
    await signedIn(null);
    if (loggedOut?.providerLogout) {
      // a signed-on login: the identity provider ends its own session too, and sends the browser back
      location.assign(loggedOut.providerLogout);
    } else {
      location.hash = '#/login';
      say('已退出登录。');
    }
  }
}

/** Home of the logged-in account: its menu's first page. */
export function home() {
  const me = session.me;
  if (!me) return '#/login';
  const first = me.roles.map((role) => MENUS[role]).find(Boolean);
  return first ? first[0][0] : '#/password';
}

function match(path) {
  for (const [pattern, load, name] of PAGES) {
    const names = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n) => { names.push(n); return '([^/]+)'; })}$`);
    const found = regex.exec(path);
    if (found) {
      return { load, name, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])])) };
    }
  }
  return null;
}

async function route() {
  const actions = leaving;
  leaving = [];
  actions.forEach((action) => action());
  const [path, query] = (location.hash.replace(/^#/, '') || '/').split('?');
  if (path === '/') {
    location.replace(home());
    return;
  }
  const page = match(path);
  if (!page) {
    show('找不到页面', h('p', {}, h('a', { href: home() }, '返回首页')));
    return;
  }
  const open = !['loginPage', 'registerPage'].includes(page.name);
  if (open && !session.me) {
    location.replace('#/login');
    return;
  }
  if (session.me?.passwordChangeRequired && page.name !== 'passwordPage') {
    // a one-time password opens nothing but its own replacement
    say('请先设置新密码：一次性密码只能用来修改密码。');
    location.replace('#/password');
    return;
  }
  try {
    const module = await page.load();
    await module[page.name]({ ...Object.fromEntries(new URLSearchParams(query)), ...page.params });
  } catch (error) {
    show('出错了', h('div', { class: 'alert', role: 'alert' }, h('p', {}, messageOf(error))),
      h('p', {}, h('a', { href: home() }, '返回首页')));
  }
}

async function start() {
  await signedIn(await whoAmI());
  window.addEventListener('hashchange', route);
  await route();
  // the first page can be used from here: what the figures of docs/ui.md measure
  performance.mark('anxun-interactive');
}

start();
