// The camera for face checks: a live preview and a still capture, as a JPEG the face check reads.
import { h, fill } from './dom.js';
import { messageOf } from './forms.js';

/** A camera panel: preview, start(), capture() → JPEG Blob, stop(). Without a camera, start() rejects. */
export function camera() {
  const video = h('video', { autoplay: true, muted: true, playsInline: true, 'aria-label': '摄像头画面' });
  const element = h('div', { class: 'camera' }, video);
  let stream = null;
  let starting = null;
  return {
    element,
    /** Opens the camera once; answers when its first frame is there. */
    start() {
      starting ??= (async () => {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user', width: 640, height: 480 } });
        video.srcObject = stream;
        await video.play();
      })().catch((error) => {
        starting = null;
        throw error;
      });
      return starting;
    },
    /** Moves the preview into another element (before a child of it); a moved video pauses, so it plays on. */
    moveTo(parent, before = null) {
      parent.insertBefore(element, before);
      if (stream) video.play().catch(() => {});
      return element;
    },
    async capture() {
      await this.start();
      const canvas = h('canvas', { width: video.videoWidth, height: video.videoHeight });
      canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
      return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    },
    stop() {
      stream?.getTracks().forEach((track) => track.stop());
      stream = null;
      starting = null;
      video.srcObject = null;
    },
  };
}

/** Why a face check did not pass, in words a learner can act on. */
export const FACE_REASONS = {
  INVALID_IMAGE: '照片无法识别，请重新拍摄。',
  NO_FACE: '没有检测到人脸：请正对摄像头，脸部完整出现在画面中。',
  MULTIPLE_FACES: '画面中有多张人脸：核验时只能有本人。',
  FACE_TOO_SMALL: '人脸太小：请靠近摄像头。',
  FACE_BLURRED: '画面模糊：请保持不动，擦拭镜头后重拍。',
  FACE_TOO_DARK: '光线太暗：请到光线充足处，面向光源。',
  MISMATCH: '与注册照片不是同一人。学习须本人完成（粤应急规〔2022〕3号）。',
  SUSPECTED_REPLAY: '疑似使用照片或录像代替本人，已记录。请本人正对摄像头。',
  PROVIDER_UNAVAILABLE: '人脸识别服务暂时不可用，请稍后再试；如持续出现请提交技术支持工单。',
};

/** The words for a check's answer: decision and reason as the API gives them. */
export function faceVerdict(check) {
  if (check.decision === 'MATCH') return { ok: true, text: '人脸核验通过。' };
  return { ok: false, text: FACE_REASONS[check.reason] || `人脸核验未通过（${check.reason || check.decision}）。` };
}

/** Why a capture sent to start a session or a test was refused, in the same words. */
export function refusal(error) {
  const problem = error.errors?.[0];
  const reason = problem?.rule === 'face-check-passed' ? /\(([A-Z_]+)\)/.exec(problem.message)?.[1]
    : problem?.rule?.startsWith('face-') && problem.rule.slice(5).toUpperCase().replaceAll('-', '_');
  return reason ? faceVerdict({ reason }).text : messageOf(error);
}

/**
 * The face check prompt in a dialog: the camera's preview (moved there, and back when the dialog closes) and a button
 * whose capture goes to send(capture). That answers null when the check passed, which closes the prompt, or why not.
 */
export function facePrompt(dialog, cam, title, text, send) {
  if (dialog.open) return;
  const result = h('p', { 'aria-live': 'assertive' });
  const button = h('button', { type: 'button' }, '拍照核验');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const refused = await send(await cam.capture());
      if (refused) {
        result.className = 'bad';
        result.textContent = refused;
      } else if (dialog.open) {
        dialog.close();
      }
    } catch (error) {
      result.className = 'bad';
      result.textContent = messageOf(error);
    } finally {
      button.disabled = false;
    }
  });
  const home = cam.element.parentElement;
  dialog.addEventListener('close', () => cam.moveTo(home), { once: true });
  fill(dialog, h('h2', { id: dialog.getAttribute('aria-labelledby') }, title), h('p', {}, text), result,
    h('div', { class: 'actions' }, button));
  cam.moveTo(dialog, result);
  dialog.showModal();
  button.focus();
}
