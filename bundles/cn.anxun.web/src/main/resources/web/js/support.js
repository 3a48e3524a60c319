// Support tickets (24-hour support, first answer within 2 hours): everyone opens theirs and follows them; the
// operator's support staff see every ticket with its deadlines and answer.
import { h, show, facts, table, field, when, say } from './dom.js';
import { api, get, post } from './api.js';
import { form } from './forms.js';
import { session } from './app.js';

const STATUS = { OPEN: '待答复', ANSWERED: '已答复', RESOLVED: '已解决' };

export async function supportPage() {
  const staff = session.me.roles.includes('OPERATOR');
  const tickets = await get('/support/tickets?limit=100');
  show(staff ? '技术支持工单' : '技术支持',
    staff ? null : [h('p', {}, '7×24 小时受理，2 小时内首次答复，3 个工作日内解决。请勿在工单中填写手机号、微信号等联系方式。'),
      form('提交工单', [
        field('主题', h('input', { name: 'subject', maxlength: 100 })),
        field('问题描述', h('textarea', { name: 'text', rows: 5 })),
      ], async (draft) => {
        const ticket = await post('/support/tickets', draft);
        say('工单已提交。');
        location.hash = `#/support/${ticket.id}`;
      }, '提交工单')],
    h('h2', {}, staff ? '全部工单' : '我的工单'),
    table('工单', ['主题', '提出时间', '状态', '首次答复期限', '解决期限'], tickets.items.map((t) => [
      h('a', { href: `#/support/${t.id}` }, t.subject), when(t.openedAt), STATUS[t.status] || t.status,
      deadline(t.respondedAt, t.responseDue, t.responseBreached),
      deadline(t.resolvedAt, t.resolutionDue, t.resolutionBreached)])));
}

function deadline(done, due, breached) {
  return h('span', { class: breached ? 'bad' : '' }, done ? `${when(done)} 完成` : `${when(due)} 前${breached
    ? '（已超期）' : ''}`);
}

export async function ticketPage({ ticket: id }) {
  const ticket = await get(`/support/tickets/${id}`);
  const staff = session.me.roles.includes('OPERATOR');
  show(`工单：${ticket.subject}`,
    facts([['状态', STATUS[ticket.status] || ticket.status], ['提出时间', when(ticket.openedAt)],
      ['首次答复', deadline(ticket.respondedAt, ticket.responseDue, ticket.responseBreached)],
      ['解决', deadline(ticket.resolvedAt, ticket.resolutionDue, ticket.resolutionBreached)]]),
    h('ol', {}, ticket.messages.map((m) => h('li', {}, h('p', { class: 'hint' }, `${when(m.at)} ${m.support
      ? '技术支持' : '提出人'}`), h('p', {}, m.text)))),
    form(staff ? '答复' : '补充说明', [field(staff ? '答复内容' : '补充说明', h('textarea', { name: 'text', rows: 4 }))],
      async ({ text }) => {
        await api('POST', `/support/tickets/${id}/messages`, { text });
        await ticketPage({ ticket: id });
      }, staff ? '答复' : '发送'));
}
