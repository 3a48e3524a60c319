// The study player: a session opened by a face check, heartbeats that the server answers with what to do next,
// video and sound that cannot be moved past the furthest point watched, random face checks, idle prompts, and what
// has been credited, live. The server decides every rule; the page only shows and asks (docs/study.md).
import { h, show, say, duration, studyHours, seconds, fill } from './dom.js';
import { api, get, url } from './api.js';
import { camera, refusal, facePrompt } from './camera.js';
import { messageOf } from './forms.js';
import { onLeave } from './app.js';

const ENDED = {
  FACE_CHECK_FAILED: '人脸核验未通过，学习已暂停。',
  FACE_CHECK_MISSED: '未在规定时间内完成人脸核验，学习已暂停，未核验的时间不计学时。',
  IDLE: '长时间无操作，学习已暂停。',
  REPLACED: '您的学习已在另一台设备上继续，本页的学习已结束。',
  DAILY_CAP_REACHED: '今日学时已达上限，明天再继续学习。',
  ONLINE_HOURS_REACHED: '本班线上学时已学满，可以参加考试了。',
  ENDED_BY_LEARNER: '本次学习已结束。',
};

export async function studyPage({ class: classId, course: courseId }) {
  const course = await get(`/courses/${courseId}`);
  const cam = camera();
  onLeave(() => cam.stop());
  const verdict = h('p', { 'aria-live': 'assertive' });
  const startButton = h('button', { type: 'button' }, '人脸核验并开始学习');
  startButton.addEventListener('click', async () => {
    startButton.disabled = true;
    try {
      const capture = await cam.capture();
      const answer = await api('POST', `/classes/${classId}/courses/${courseId}/study-sessions`, capture);
      new Player(course, answer, cam).open();
    } catch (error) {
      verdict.className = 'bad';
      verdict.textContent = refusal(error);
      startButton.disabled = false;
    }
  });
  show(course.title, h('p', {}, '学习开始前须人脸核验；学习中会随机要求核验，未通过核验的时段不计学时。'
    + '视频不能拖动到尚未观看的位置。'), cam.element, verdict, h('div', { class: 'actions' }, startButton));
  cam.start().catch(() => {
    verdict.className = 'bad';
    verdict.textContent = '无法打开摄像头：在线学习须通过摄像头进行人脸核验，请允许本网站使用摄像头。';
  });
}

/** One study session on the page. */
class Player {
  constructor(course, answer, cam) {
    this.course = course;
    this.cam = cam;
    this.session = answer.session;
    this.unit = null;
    this.media = null;
    this.furthest = {};
    this.interacted = true;
    this.timer = null;
    this.stopped = false;
    this.meter = h('div', { class: 'meter', 'aria-live': 'off' });
    this.notice = h('div', { 'aria-live': 'assertive' });
    this.stage = h('div', {});
    this.dialog = h('dialog', { 'aria-labelledby': 'dialog-title' });
    this.first = answer;
  }

  open() {
    const units = h('ol', {}, this.course.units.map((unit) => h('li', {},
      h('button', { type: 'button', class: 'secondary', onclick: () => this.enter(unit) },
        `${unit.title}（${unit.type === 'TEXT' ? '阅读' : '播放'} ${duration(seconds(unit.duration))}）`))));
    const end = h('button', { type: 'button', class: 'secondary', onclick: () => this.finish() }, '结束学习');
    show(this.course.title, this.notice, this.meter, this.stage, h('h2', {}, '单元'), units,
      h('div', { class: 'actions' }, end), h('details', {}, h('summary', {}, '摄像头'), this.cam.element), this.dialog);
    ['pointerdown', 'keydown', 'touchstart', 'scroll'].forEach((type) =>
      document.addEventListener(type, this.touched = () => { this.interacted = true; }, { passive: true }));
    document.addEventListener('visibilitychange', this.visibility = () => this.beat());
    onLeave(() => this.leave());
    if (this.session.replaced) say('您在其他设备上的学习已结束，在本设备继续。');
    this.handle(this.first);
    this.enter(this.course.units[0]);
  }

  /** Opens a unit: its player, and a heartbeat at once that tells the server where playback starts. */
  enter(unit) {
    this.unit = unit;
    const heading = h('h2', {}, `第 ${unit.position} 单元：${unit.title}`);
    if (unit.type === 'TEXT') {
      this.media = null;
      const pictures = (unit.pictures || []).map((_, n) => h('img', { alt: `第 ${n + 1} 幅配图`,
        src: url(`/courses/${this.course.id}/units/${unit.position}/content?picture=${n}`) }));
      fill(this.stage, heading, h('p', { class: 'hint' }, `阅读时间 ${duration(seconds(unit.duration))}，`
        + '页面须保持在前台并有操作。'), h('div', { class: 'card' }, unit.text), pictures);
    } else {
      const media = h(unit.type === 'AUDIO' ? 'audio' : 'video', { controls: true, playsInline: true,
        preload: 'metadata', controlsList: 'nodownload noplaybackrate',
        src: url(`/courses/${this.course.id}/units/${unit.position}/content`) });
      this.guard(media, unit.position);
      this.media = media;
      fill(this.stage, heading, media);
    }
    this.beat();
  }

  /** Playback moves freely within what was watched; a seek beyond it goes back to the furthest point. */
  guard(media, position) {
    const furthest = () => this.furthest[position] || 0;
    media.addEventListener('timeupdate', () => {
      if (!media.seeking && media.currentTime <= furthest() + 2) {
        this.furthest[position] = Math.max(furthest(), media.currentTime);
      }
    });
    media.addEventListener('seeking', () => {
      if (media.currentTime > furthest() + 1) {
        media.currentTime = furthest();
        this.tell('不能拖动到尚未观看的位置，已回到您看到的最远处。');
      }
    });
    media.addEventListener('play', () => this.beat());
  }

  tell(message, kind = 'notice') {
    fill(this.notice, h('p', { class: kind }, message));
  }

  async beat() {
    if (this.stopped || !this.unit) return;
    clearTimeout(this.timer);
    const body = { unit: this.unit.position, visible: document.visibilityState === 'visible',
      interacted: this.interacted };
    if (this.media) body.position = this.media.currentTime;
    this.interacted = false;
    try {
      this.handle(await api('POST', `/study-sessions/${this.session.id}/heartbeats`, body));
    } catch (error) {
      this.tell(`${messageOf(error)} 稍后自动重试。`, 'alert');
      this.timer = setTimeout(() => this.beat(), 10000);
    }
  }

  handle(answer) {
    this.session = answer.session;
    fill(this.meter,
      h('span', {}, `待核验确认：${duration(answer.pendingSeconds)}`),
      h('span', {}, `今日已计：${studyHours(answer.todaySeconds)}`),
      h('span', {}, `本班已计：${studyHours(answer.classSeconds)}（${duration(answer.classSeconds)}）`));
    this.meter.dataset.classSeconds = answer.classSeconds;
    switch (answer.action) {
      case 'FACE_CHECK': this.faceCheck('请进行人脸核验', '学习中的随机核验：请正对摄像头后拍照，限时完成。'); break;
      case 'RESUME_WITH_FACE_CHECK':
        this.media?.pause();
        this.faceCheck('学习已暂停', `${ENDED[answer.session.reason] || ''}通过人脸核验后继续学习。`);
        break;
      case 'CONFIRM_PRESENCE': this.presence(); break;
      case 'RETURN_TO_POSITION':
        if (this.media) this.media.currentTime = answer.returnTo;
        this.tell('播放位置超前于实际观看，已回到应继续观看的位置。');
        break;
      case 'STOP':
        this.stop(ENDED[answer.session.reason] || '本次学习已结束。');
        return;
      default:
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.beat(), answer.nextHeartbeatSeconds * 1000);
  }

  /** The face check prompt: a capture from the camera, sent, and its result shown; playback waits for it. */
  faceCheck(title, text) {
    if (this.dialog.open) return;
    const playing = this.media && !this.media.paused;
    this.media?.pause();
    facePrompt(this.dialog, this.cam, title, text, async (capture) => {
      const answer = await api('POST', `/study-sessions/${this.session.id}/face-checks`, capture);
      const passed = answer.session.status === 'ACTIVE';
      if (passed) {
        this.tell('人脸核验通过，继续学习。', 'ok');
        if (playing) this.media.play().catch(() => {});
      }
      this.handle(answer);
      return passed ? null : ENDED[answer.session.reason] || '人脸核验未通过。';
    });
  }

  presence() {
    if (this.dialog.open) return;
    const button = h('button', { type: 'button' }, '我在，继续学习');
    button.addEventListener('click', async () => {
      this.dialog.close();
      this.interacted = true;
      this.handle(await api('POST', `/study-sessions/${this.session.id}/presence`));
    });
    fill(this.dialog, h('h2', { id: 'dialog-title' }, '您还在学习吗？'),
      h('p', {}, '长时间没有操作。请在限定时间内确认，否则学习将暂停。'), h('div', { class: 'actions' }, button));
    this.dialog.showModal();
    button.focus();
  }

  /** Ends the session; a capture first credits the time since the last check, as the learner would expect. */
  async finish() {
    try {
      this.handle(await api('POST', `/study-sessions/${this.session.id}/face-checks`, await this.cam.capture()));
    } catch (error) {
      say(messageOf(error));
    }
    if (!this.stopped) this.handle(await api('POST', `/study-sessions/${this.session.id}/end`));
  }

  stop(message) {
    this.stopped = true;
    clearTimeout(this.timer);
    this.media?.pause();
    if (this.dialog.open) this.dialog.close();
    this.tell(message, 'warn');
    say(message);
  }

  leave() {
    document.removeEventListener('visibilitychange', this.visibility);
    ['pointerdown', 'keydown', 'touchstart', 'scroll'].forEach((type) =>
      document.removeEventListener(type, this.touched));
    if (!this.stopped) {
      this.stopped = true;
      clearTimeout(this.timer);
      api('POST', `/study-sessions/${this.session.id}/end`).catch(() => {});
    }
    this.cam.stop();
  }
}
