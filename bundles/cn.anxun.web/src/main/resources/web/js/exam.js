// A class's test: opened by a face check, answers saved as they are given, the time limit and the face checks
// kept by the server; the page counts down to the server's deadline and asks for a capture when one is due.
import { h, show, facts, say, when } from './dom.js';
import { api, get } from './api.js';
import { camera, refusal, facePrompt } from './camera.js';
import { messageOf } from './forms.js';
import { onLeave } from './app.js';

const TYPES = { TRUE_FALSE: '判断题', SINGLE_CHOICE: '单选题', MULTIPLE_CHOICE: '多选题' };
const STATUS = { PASSED: '合格', FAILED: '不合格', VOIDED: '作废', OPEN: '进行中' };

export async function examPage({ class: classId }) {
  const [exam, attempts] = await Promise.all([get(`/classes/${classId}/exam`),
    get(`/classes/${classId}/exam/attempts`)]);
  const cam = camera();
  onLeave(() => cam.stop());
  const open = attempts.find((attempt) => attempt.status === 'OPEN');
  if (open) {
    new Sitting(classId, await get(`/exam-attempts/${open.id}`), cam).render();
    return;
  }
  const result = h('p', { 'aria-live': 'assertive' });
  const left = exam.attempts - attempts.length;
  const start = h('button', { type: 'button', disabled: left <= 0 }, '人脸核验并开始考试');
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      const attempt = await api('POST', `/classes/${classId}/exam/attempts`, await cam.capture());
      new Sitting(classId, attempt, cam).render();
    } catch (error) {
      result.className = 'bad';
      result.textContent = refusal(error);
      start.disabled = false;
    }
  });
  show('考试', facts([['题量', `${exam.questions} 题，共 ${exam.totalPoints} 分`], ['合格分数', `${exam.passMark} 分`],
    ['考试时间', `${exam.minutes} 分钟`], ['可考次数', `${exam.attempts} 次，剩余 ${Math.max(0, left)} 次`]]),
  attempts.length ? h('ul', {}, attempts.map((a) => h('li', {}, `第 ${a.number} 次：${STATUS[a.status]}`
    + `${a.score !== null ? `，${a.score} 分` : ''}（${when(a.startedAt)}）`))) : null,
  h('p', {}, '考试全程须本人完成，开始和考试中会进行人脸核验；答案选定即保存，时间到后不再计入。'),
  cam.element, result, h('div', { class: 'actions' }, start));
  cam.start().catch(() => { result.textContent = '无法打开摄像头，请允许本网站使用摄像头。'; });
}

/** An attempt in progress on the page. */
class Sitting {
  constructor(classId, attempt, cam) {
    this.classId = classId;
    this.attempt = attempt;
    this.cam = cam;
    // how far the server's clock is ahead of this one, learnt from each saved answer: the countdown is the server's
    this.offset = 0;
    this.clock = h('p', { class: 'timer', role: 'timer', 'aria-live': 'off' });
    this.dialog = h('dialog', { 'aria-labelledby': 'check-title' });
    this.ticker = setInterval(() => this.tick(), 1000);
    onLeave(() => clearInterval(this.ticker));
  }

  render() {
    const attempt = this.attempt;
    if (attempt.status !== 'OPEN') {
      this.result();
      return;
    }
    const submit = h('button', { type: 'button', onclick: () => this.submit() }, '交卷');
    show(`考试（第 ${attempt.number} 次）`, this.clock,
      h('form', { 'aria-label': '试题', onsubmit: (event) => event.preventDefault() },
        attempt.questions.map((question) => this.question(question))),
      h('div', { class: 'actions' }, submit), h('details', {}, h('summary', {}, '摄像头'), this.cam.element),
      this.dialog);
    this.cam.start().catch(() => {});
    this.tick();
  }

  question(question) {
    const multiple = question.type === 'MULTIPLE_CHOICE';
    const saved = h('span', { class: 'hint', 'aria-live': 'polite' });
    const set = h('fieldset', { class: 'question' },
      h('legend', {}, `${question.number}. （${TYPES[question.type]}，${question.points} 分）${question.text}`),
      question.options.map((option, i) => {
        const letter = String.fromCharCode(65 + i);
        return h('label', { class: 'option' }, h('input', { type: multiple ? 'checkbox' : 'radio',
          name: `q${question.number}`, value: letter, checked: (question.chosen || '').includes(letter) }),
        `${letter}. ${option}`);
      }), saved);
    set.addEventListener('change', async () => {
      const choice = [...set.querySelectorAll('input:checked')].map((input) => input.value).join('');
      try {
        const answer = await api('PUT', `/exam-attempts/${this.attempt.id}/answers/${question.number}`, { choice });
        this.offset = new Date(answer.savedAt) - Date.now();
        this.attempt.faceCheckDue = answer.faceCheckDue;
        saved.textContent = choice ? '已保存' : '';
      } catch (error) {
        saved.textContent = `未保存：${messageOf(error)}`;
        if (error.status === 409) await this.reload();
      }
    });
    return set;
  }

  now() {
    return Date.now() + this.offset;
  }

  tick() {
    const attempt = this.attempt;
    if (attempt.status !== 'OPEN') return;
    const left = Math.max(0, Math.floor((new Date(attempt.deadline) - this.now()) / 1000));
    this.clock.textContent = `剩余时间 ${Math.floor(left / 60)} 分 ${String(left % 60).padStart(2, '0')} 秒`;
    if (left === 0) this.submit();
    else if (attempt.faceCheckDue && new Date(attempt.faceCheckDue) <= this.now()) this.faceCheck();
  }

  async reload() {
    this.attempt = await get(`/exam-attempts/${this.attempt.id}`);
    if (this.attempt.status !== 'OPEN') this.result();
  }

  faceCheck() {
    facePrompt(this.dialog, this.cam, '考试中人脸核验', '请正对摄像头后拍照。限时内未通过，本次考试作废。',
      async (capture) => {
        this.attempt = await api('POST', `/exam-attempts/${this.attempt.id}/face-checks`, capture);
        if (this.attempt.status === 'OPEN') say('人脸核验通过，请继续答题。');
        else this.result();
        return null;
      });
  }

  async submit() {
    if (this.submitting) return;
    this.submitting = true;
    try {
      this.attempt = await api('POST', `/exam-attempts/${this.attempt.id}/submission`);
      this.result();
    } catch (error) {
      say(messageOf(error));
      if (error.status === 409) await this.reload();
    } finally {
      this.submitting = false;
    }
  }

  result() {
    clearInterval(this.ticker);
    this.cam.stop();
    const attempt = this.attempt;
    const passed = attempt.status === 'PASSED';
    show(`考试结果：${STATUS[attempt.status]}`,
      h('p', { class: passed ? 'ok' : 'bad' }, attempt.score !== null ? `得分 ${attempt.score} / ${attempt.totalPoints}，`
        + `合格分数 ${attempt.passMark}。` : `本次考试作废（${attempt.reason}）。`),
      passed ? h('p', {}, h('a', { class: 'button', href: `#/classes/${this.classId}` }, '去生成学时证明')) : null,
      h('ol', {}, attempt.questions.map((q) => h('li', {}, h('p', {}, q.text),
        h('p', { class: q.correct ? 'ok' : 'bad' }, `您的答案：${q.chosen || '未答'}；正确答案：${q.answer}`),
        q.explanation ? h('p', { class: 'hint' }, q.explanation) : null))));
  }
}
