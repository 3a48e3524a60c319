// Forms: values out, the API's refusals back onto the fields they name.
import { h, say, fill } from './dom.js';
import { refusal } from './camera.js';

/** Rules the API names, in the words of the pages; others show the API's own message. */
const RULES = {
  required: '必填。',
  'gb-11643-check-digit': '身份证号码校验位不符，请核对是否输错。',
  'gb-11643': '不是有效的居民身份证号码。',
  'no-contact-data': '不得填写手机号、微信号、邮箱或地址等联系方式（粤应急规〔2022〕3号）。',
  'city-module-installed': '该地市尚未开通在线学习。',
  'county-of-city': '所选区县不属于该地市。',
  'special-operation-only': '只有特种作业人员填写作业类别。',
  'one-of': '请填写身份证号码（学员）或用户名（工作人员）。',
};

/** A form that calls submit(values, form) and shows what the API refused; the button waits meanwhile. */
export function form(label, children, submit, buttonText = '提交') {
  const summary = h('div', { role: 'alert' });
  const button = h('button', { type: 'submit' }, buttonText);
  const element = h('form', { 'aria-label': label, novalidate: true }, summary, children, h('div', { class: 'actions' },
    button));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(element, summary);
    button.disabled = true;
    try {
      await submit(values(element), element);
    } catch (error) {
      refused(element, summary, error);
    } finally {
      button.disabled = false;
    }
  });
  return element;
}

/** The form's named controls as an object; nested names (employer.name) become nested objects. */
export function values(element) {
  const result = {};
  for (const control of element.elements) {
    if (!control.name || control.disabled || (control.type === 'radio' && !control.checked)) continue;
    const value = control.type === 'checkbox' ? control.checked : control.value.trim();
    if (value === '') continue;
    const path = control.name.split('.');
    let target = result;
    path.slice(0, -1).forEach((key) => { target = target[key] ??= {}; });
    target[path[path.length - 1]] = value;
  }
  return result;
}

function clear(element, summary) {
  fill(summary);
  summary.className = '';
  element.querySelectorAll('.field-error').forEach((node) => node.remove());
  element.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
}

function refused(element, summary, error) {
  summary.className = 'alert';
  const fields = error.errors || [];
  summary.append(h('p', {}, fields.length ? `有 ${fields.length} 处需要修改，未保存任何内容。` : messageOf(error)));
  let first = null;
  for (const problem of fields) {
    const control = element.querySelector(`[name="${CSS.escape(problem.field)}"]`);
    const text = RULES[problem.rule] || (problem.rule?.startsWith('face-') ? refusal({ errors: [problem] })
      : problem.message);
    if (!control) {
      summary.append(h('p', {}, `${problem.field}：${text}`));
      continue;
    }
    const id = `${control.id}-error`;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    control.closest('.field')?.append(h('p', { class: 'field-error', id }, text));
    first ??= control;
  }
  (first || summary).focus?.();
  say('提交未成功，请查看提示。');
}

/** An error for people: the API's detail where it has one. */
export function messageOf(error) {
  if (error.status === 403) return '您没有此项操作的权限。';
  if (error.status === 429) return '操作过于频繁，请稍后再试。';
  if (error.status >= 500) return '服务暂时不可用，请稍后再试。';
  return error.message || '操作未成功。';
}
