// An institution's pages: its courses, media and classes; uploading a medium in chunks that resume where they
// stopped; what the validators found, on a timeline of the medium; a class's progress, test statistics and file.
import { h, show, facts, table, field, duration, seconds, studyHours, when, say } from './dom.js';
import { api, get, url } from './api.js';
import { form, messageOf } from './forms.js';
import { session, onLeave } from './app.js';

const institution = () => session.me.institutionId;
/** A course's review status in words. */
export const COURSE_STATUS = { DRAFT: '草稿', IN_REVIEW: '审核中', RETURNED: '已退回', ONLINE: '已上线',
  TAKEN_DOWN: '已下架' };
const SEVERITY = { BLOCKING: '阻断', WARNING: '警告' };

export async function institutionPage() {
  const [courses, media, classes] = await Promise.all([get(`/institutions/${institution()}/courses`),
    get(`/institutions/${institution()}/media`), get(`/institutions/${institution()}/classes`)]);
  show('本机构',
    h('h2', {}, '课程'),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: '#/course-new' }, '新建课程'),
      h('a', { class: 'button secondary', href: '#/class-new' }, '开设培训班'),
      h('a', { class: 'button secondary', href: '#/banks' }, '题库')),
    table('本机构的课程', ['课程', '状态', '时长', '学时'], courses.map((c) => [h('a', { href: `#/course/${c.id}` }, c.title),
      COURSE_STATUS[c.status] || c.status, duration(seconds(c.duration)), c.hours ?? '—'])),
    h('h2', {}, '培训班'),
    table('本机构的培训班', ['培训班', '地市', '培训期', '学员'], classes.map((c) => [h('a', { href: `#/class-file/${c.id}` },
      c.name), c.city, `${c.startsOn} 至 ${c.endsOn}`, c.learners])),
    h('h2', {}, '课件（音视频、图片）'),
    h('p', {}, h('a', { class: 'button', href: '#/media-upload' }, '上传课件')),
    table('本机构的课件', ['文件', '类型', '大小', '上传时间'], media.map((m) => [h('a', { href: `#/media/${m.id}` },
      m.filename || m.id), m.mediaType, `${(m.size / 1048576).toFixed(1)} MB`, when(m.uploadedAt)])));
}

export function uploadPage() {
  const file = h('input', { type: 'file', id: 'upload-file', accept: 'video/mp4,audio/*,image/png,image/jpeg' });
  const progress = h('progress', { max: 100, value: 0, 'aria-label': '上传进度' });
  const state = h('p', { 'aria-live': 'polite' });
  const start = h('button', { type: 'button' }, '开始上传');
  const resume = h('button', { type: 'button', class: 'secondary', hidden: true }, '继续上传');
  let upload = null;
  const send = async () => {
    start.disabled = true;
    resume.hidden = true;
    try {
      const medium = await chunks(file.files[0], upload, (sent, total) => {
        progress.value = Math.floor((sent * 100) / total);
        state.textContent = `已上传 ${(sent / 1048576).toFixed(1)} / ${(total / 1048576).toFixed(1)} MB`;
      });
      say('上传完成，正在检测。');
      location.hash = `#/media/${medium.id}`;
    } catch (error) {
      state.textContent = `上传中断：${messageOf(error)} 可以继续上传，已传部分不必重传。`;
      resume.hidden = !upload.id;
    } finally {
      start.disabled = false;
    }
  };
  start.addEventListener('click', async () => {
    if (!file.files[0]) {
      state.textContent = '请先选择文件。';
      return;
    }
    upload = { id: null };
    await send();
  });
  resume.addEventListener('click', send);
  show('上传课件', h('p', {}, '视频须为 H.264/AAC 的 MP4；大文件分块上传，网络中断后可继续。上传后自动检测画质、音质等（R-18）。'),
    h('label', { for: 'upload-file' }, '选择文件'), file, h('div', { class: 'actions' }, start, resume), progress, state);
}

/** Sends the file in the chunks the platform asks for, from what it has received so far. */
async function chunks(blob, upload, report) {
  if (!upload.id) {
    const started = await api('POST', `/institutions/${institution()}/media-uploads`,
      { filename: blob.name, size: blob.size });
    upload.id = started.id;
    upload.chunk = started.chunkMaxBytes;
  }
  let sent = (await get(`/media-uploads/${upload.id}`)).received;
  for (;;) {
    report(sent, blob.size);
    const end = Math.min(sent + upload.chunk, blob.size);
    const response = await fetch(url(`/media-uploads/${upload.id}`), {
      method: 'PUT', credentials: 'same-origin', body: blob.slice(sent, end),
      headers: { 'Content-Range': `bytes ${sent}-${end - 1}/${blob.size}`, 'Content-Type': 'application/octet-stream',
        'X-Requested-With': 'anxun-web' },
    });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail || `HTTP ${response.status}`);
    sent = end;
    if (response.status === 201) {
      report(sent, blob.size);
      return (await response.json()).media;
    }
  }
}

export async function mediumPage({ medium: id }) {
  const [medium, validation] = await Promise.all([get(`/media/${id}`), get(`/media/${id}/validation`)]);
  const length = seconds(validation.duration);
  show('课件检测结果',
    facts([['文件', medium.filename || medium.id], ['类型', validation.mediaType], ['时长', length
      ? duration(length) : '—'], ['检测', validation.state === 'DONE' ? '已完成' : '检测中，请稍后刷新'],
    ['结论', validation.findings.some((f) => f.severity === 'BLOCKING') ? '有阻断问题，须替换后才能送审'
      : '可用于课程']]),
    length ? timeline(validation.findings, length) : null,
    validation.findings.length
      ? table('检测发现的问题', ['位置', '级别', '问题', '说明'], validation.findings.map((f) => [
        f.offset !== null ? duration(seconds(f.offset)) : (f.page ? `第 ${f.page} 页` : '整个文件'),
        SEVERITY[f.severity] || f.severity, f.code, f.message]))
      : h('p', { class: 'ok' }, '未发现问题。'),
    h('p', {}, h('a', { href: '#/institution' }, '返回本机构')));
  if (validation.state !== 'DONE') {
    const again = setTimeout(() => mediumPage({ medium: id }), 3000);
    onLeave(() => clearTimeout(again));
  }
}

/** The findings as marks on a bar as long as the medium, each where it was found. */
function timeline(findings, length) {
  const bar = h('div', { class: 'timeline', role: 'img', 'aria-label': `时间轴：共 ${findings.length} 处问题` });
  findings.filter((f) => f.offset !== null).forEach((f) => {
    const mark = h('span', { class: `mark ${f.severity === 'BLOCKING' ? 'blocking' : 'warning'}`,
      title: `${duration(seconds(f.offset))} ${f.code}` });
    mark.style.left = `${Math.min(100, (seconds(f.offset) * 100) / length)}%`;
    bar.append(mark);
  });
  return h('figure', {}, bar, h('figcaption', { class: 'hint' }, `0 秒 — ${duration(length)}`));
}

export async function classFilePage({ class: id }) {
  const [trainingClass, progress, statistics] = await Promise.all([get(`/classes/${id}`),
    get(`/classes/${id}/progress`), get(`/classes/${id}/exam/statistics`).catch(() => null)]);
  show(trainingClass.name,
    facts([['培训项目', trainingClass.programmeName], ['培训期', `${trainingClass.startsOn} 至 ${trainingClass.endsOn}`],
      ['线上学时', `${trainingClass.onlineHours} 学时`], ['学员', trainingClass.learners]]),
    h('h2', {}, '学习进度'),
    table('学员学习进度', ['学员', '已获学时', '线上部分'], progress.map((p) => [p.learnerId,
      `${studyHours(p.creditedSeconds)}（${duration(p.creditedSeconds)}）`, p.completed ? '已完成' : '未完成'])),
    statistics ? [h('h2', {}, '考试统计'), facts([['考试人次', statistics.attempts], ['作废', statistics.voided],
      ['参考学员', statistics.learners], ['合格学员', statistics.passedLearners],
      ['合格率', statistics.passRate === null ? '—' : `${(statistics.passRate * 100).toFixed(1)}%`],
      ['平均分', statistics.meanScore ?? '—'], ['用时中位数', statistics.medianMinutes === null ? '—'
        : `${statistics.medianMinutes} 分钟`]])] : null,
    h('h2', {}, '考试设置'),
    form('考试设置', [
      ['TRUE_FALSE', '判断题'], ['SINGLE_CHOICE', '单选题'], ['MULTIPLE_CHOICE', '多选题']].map(([type, name]) =>
      h('fieldset', { class: 'question' }, h('legend', {}, name),
        field('题数', h('input', { name: `${type}.count`, type: 'number', min: 0, value: 0 })),
        field('每题分值', h('input', { name: `${type}.points`, type: 'number', min: 1, value: 1 })))).concat(
      field('考试时间（分钟）', h('input', { name: 'minutes', type: 'number', min: 1, value: 60 })),
      field('可考次数', h('input', { name: 'attempts', type: 'number', min: 1, value: 3 }))),
    async (values) => {
      const sections = ['TRUE_FALSE', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE'].filter((type) => Number(values[type].count))
        .map((type) => ({ type, count: Number(values[type].count), points: Number(values[type].points) }));
      const exam = await api('PUT', `/classes/${id}/exam`, { sections, minutes: Number(values.minutes),
        attempts: Number(values.attempts) });
      say(`考试已设置：${exam.questions} 题，共 ${exam.totalPoints} 分，${exam.passMark} 分合格。`);
    }, '保存考试设置'),
    h('h2', {}, '培训档案'),
    h('p', {}, h('a', { class: 'button', href: url(`/classes/${id}/archive/document`), download: `培训档案-${id}.pdf` },
      '导出培训班档案（PDF）')));
}
