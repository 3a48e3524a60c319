// Logging in, a learner's real-name registration, changing one's password.
import { h, show, field, say, fill } from './dom.js';
import { get, post, login, whoAmI } from './api.js';
import { form } from './forms.js';
import { camera } from './camera.js';
import { signedIn, home } from './app.js';

const CATEGORIES = [['PRINCIPAL_LEADER', '主要负责人'], ['SAFETY_MANAGER', '安全生产管理人员'],
  ['SPECIAL_OPERATION', '特种作业人员']];

/** Why a sign-on through the identity provider came back refused, by the reason the platform gives. */
const SIGN_ON_REFUSED = {
  'no-role': '统一身份认证平台未授予您本平台的角色。请联系本单位负责授权的管理员。',
  'invalid-grant': '统一身份认证平台给出的角色与所属行政区划或机构不相符。请联系本单位负责授权的管理员。',
  'username-taken': '本平台已有同名的本地账号。请联系平台管理员处理后再登录。',
  'account-disabled': '您在本平台的账号已停用。请联系平台管理员。',
  access_denied: '您在统一身份认证平台取消了登录。',
  'provider-unavailable': '统一身份认证平台暂时无法访问，请稍后再试。',
  'unknown-state': '登录已过期（超过 10 分钟）或已使用，请重新登录。',
  'other-browser': '登录是在另一个浏览器中开始的，请在本浏览器中重新登录。',
};

/** The identity provider's button, and the password form for staff under it when sign-on is required. */
function signOnOffer(offer, reason) {
  if (!offer.provider) return null;
  return h('section', { class: 'signon', 'aria-label': '工作人员统一身份认证登录' },
    reason && h('div', { class: 'alert', role: 'alert' }, h('p', {}, SIGN_ON_REFUSED[reason]
      || `统一身份认证登录未成功（${reason}），请重试或联系管理员。`)),
    h('a', { class: 'button', href: '/api/v1/auth/signon/start' }, `工作人员：通过${offer.label}登录`));
}

export async function loginPage({ signon } = {}) {
  const offer = await get('/auth/signon');
  const who = h('fieldset', {}, h('legend', {}, '我是'),
    h('label', { class: 'option' }, h('input', { type: 'radio', name: 'kind', value: 'learner', checked: true }), '学员'),
    h('label', { class: 'option' }, h('input', { type: 'radio', name: 'kind', value: 'staff' }),
      // where staff must sign on through the provider, a password is for the break-glass accounts only
      offer.required ? '应急账号（统一身份认证平台不可用时）' : '工作人员（培训机构、监管部门、运营方）'));
  const idNumber = field('身份证号码', h('input', { name: 'idNumber', autocomplete: 'username', inputmode: 'text',
    maxlength: 18, required: true }));
  const username = field('用户名', h('input', { name: 'username', autocomplete: 'username', required: true,
    disabled: true }));
  username.hidden = true;
  who.addEventListener('change', (event) => {
    const staff = event.target.value === 'staff';
    idNumber.hidden = staff;
    username.hidden = !staff;
    idNumber.querySelector('input').disabled = staff;
    username.querySelector('input').disabled = !staff;
  });
  const password = field('密码', h('input', { name: 'password', type: 'password', autocomplete: 'current-password',
    required: true }));
  show('登录', signOnOffer(offer, signon), form('登录', [who, idNumber, username, password],
    async ({ idNumber: id, username: user, password: pw }) => {
      await signedIn(await login(id ? { idNumber: id, password: pw } : { username: user, password: pw }));
      say('登录成功。');
      location.hash = home();
    }, '登录'), h('p', {}, '还没有账号？', h('a', { href: '#/register' }, '学员实名注册')));
}

export async function registerPage() {
  const cities = await get('/cities');
  const city = h('select', { name: 'city', required: true }, h('option', { value: '' }, '请选择'),
    cities.map((c) => h('option', { value: c.code }, c.name)));
  const county = h('select', { name: 'county' }, h('option', { value: '' }, '请先选择地市'));
  city.addEventListener('change', () => {
    const chosen = cities.find((c) => c.code === city.value);
    fill(county, h('option', { value: '' }, '（不选）'),
      (chosen?.counties || []).map((c) => h('option', { value: c.code }, c.name)));
  });
  const category = h('select', { name: 'category', required: true }, h('option', { value: '' }, '请选择'),
    CATEGORIES.map(([value, text]) => h('option', { value }, text)));
  const operation = field('特种作业类别', h('input', { name: 'operationType', placeholder: '例如：低压电工作业' }));
  operation.hidden = true;
  category.addEventListener('change', () => { operation.hidden = category.value !== 'SPECIAL_OPERATION'; });
  const photo = photoPicker();
  show('学员实名注册',
    h('p', { class: 'notice' }, '依规定须实名注册并采集本人人脸照片，学习和考试时将与之比对。本平台不收集手机号、微信号、'
      + '邮箱或住址。'),
    form('学员实名注册', [
      field('姓名', h('input', { name: 'name', autocomplete: 'name', required: true }), '与居民身份证一致'),
      field('身份证号码', h('input', { name: 'idNumber', maxlength: 18, required: true })),
      field('密码', h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true }),
        '至少 8 位，须包含字母和数字'),
      field('工作单位名称', h('input', { name: 'employer.name', required: true })),
      field('单位统一社会信用代码', h('input', { name: 'employer.creditCode', maxlength: 18, required: true })),
      field('培训所在地市', city), field('区县', county), field('人员类别', category), operation,
      field('岗位（选填）', h('input', { name: 'jobTitle' })),
      field('培训机构代码（选填）', h('input', { name: 'institutionId' }), '已在培训机构报名的，填写机构告知的代码'),
      photo.element,
    ], async (values) => {
      const facePhoto = await photo.base64();
      const learner = await post('/learners', { ...values, facePhoto });
      photo.stop();
      show('注册成功', h('p', { class: 'ok' }, `${learner.name}，您已完成实名注册。`),
        h('p', {}, '人脸照片已通过检测，学习开始时和学习过程中会随机要求人脸核验。'),
        h('p', {}, h('a', { class: 'button', href: '#/login' }, '去登录')));
    }, '注册'));
}

/** The reference photo: a capture from the camera, or a picture file where there is no camera. */
function photoPicker() {
  const cam = camera();
  let chosen = null;
  const preview = h('img', { alt: '待提交的人脸照片', hidden: true });
  const verdict = h('p', { 'aria-live': 'polite' });
  const file = h('input', { type: 'file', accept: 'image/jpeg,image/png', name: '' });
  const choose = (blob) => {
    chosen = blob;
    preview.src = URL.createObjectURL(blob);
    preview.hidden = false;
    verdict.textContent = '照片已选好，提交注册时检测。';
  };
  file.addEventListener('change', () => file.files[0] && choose(file.files[0]));
  const element = h('fieldset', { class: 'field', 'data-field': 'facePhoto' }, h('legend', {}, '本人人脸照片'),
    h('p', { class: 'hint' }, '正对摄像头，光线充足，只有本人入镜。'),
    cam.element,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: () => cam.start().catch(() => {
        verdict.textContent = '无法打开摄像头，请上传照片。';
      }) }, '打开摄像头'),
      h('button', { type: 'button', onclick: async () => choose(await cam.capture()) }, '拍照')),
    field('或上传照片（JPEG/PNG）', file), preview, verdict,
    h('input', { type: 'hidden', name: 'facePhoto', disabled: true, id: 'facePhoto' }));
  return {
    element,
    stop: () => cam.stop(),
    async base64() {
      if (!chosen) return undefined;
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
  };
}

export function passwordPage() {
  show('修改密码', h('p', {}, '修改后，您在其他设备上的登录会全部退出。'),
    form('修改密码', [
      field('当前密码', h('input', { name: 'currentPassword', type: 'password', autocomplete: 'current-password' })),
      field('新密码', h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password' }),
        '至少 8 位，须包含字母和数字'),
    ], async (values) => {
      await post('/me/password', values);
      await signedIn(await whoAmI());
      say('密码已修改，其他设备上的登录已退出。');
      location.hash = home();
    }, '修改'));
}
