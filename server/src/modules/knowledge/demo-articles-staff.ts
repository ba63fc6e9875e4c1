/**
 * More internal demo articles: procedures for the service desk and the call centre (staff only; KB-1 demo
 * data with demo-articles.ts and demo-articles-faq.ts).
 * Pure data, no imports but the types.
 */
import type { DemoArticle } from './demo-articles.ts';

export const STAFF_DEMO_ARTICLES: DemoArticle[] = [
  {
    key: 'request-laptop',
    category: 'equipment-it',
    visibility: 'internal',
    original: 'bg',
    tags: ['laptop', 'equipment', 'request'],
    translations: {
      bg: {
        title: 'Как да поискам нов лаптоп?',
        body: `<p>Нов лаптоп се заявява от прекия ръководител чрез заявка в компонента <strong>Хардуер</strong> с тип „Оборудване“.</p>
<ul>
  <li>Стандартният модел е наличен до 3 работни дни; друг модел изисква одобрение от мениджъра на клона.</li>
  <li>Старият лаптоп се връща в ИТ при получаване на новия: данните се прехвърлят заедно с техника.</li>
</ul>`,
      },
    },
  },
  {
    key: 'office-vpn',
    category: 'equipment-it',
    visibility: 'internal',
    original: 'en',
    tags: ['vpn', 'remote-work', 'network'],
    translations: {
      en: {
        title: 'How do I connect to the office VPN from home?',
        body: `<ol>
  <li>Install the VPN client from the software centre on your work laptop (it is already there on new laptops).</li>
  <li>Sign in with your work account; approve the request in the authenticator app.</li>
  <li>Choose the gateway of your office: Hà Nội, Hồ Chí Minh City, Sofia or Shanghai.</li>
</ol>
<p>The VPN is required for the call-centre softphone and the internal reports. If it does not connect, open a ticket in the <strong>Software</strong> component from your phone.</p>`,
      },
    },
  },
  {
    key: 'office-parking',
    category: 'equipment-office',
    visibility: 'internal',
    original: 'vi',
    tags: ['parking', 'office'],
    translations: {
      vi: {
        title: 'Đăng ký chỗ đỗ xe ở văn phòng như thế nào?',
        body: `<p>Văn phòng Hà Nội có 20 chỗ đỗ ô tô và khu để xe máy dưới tầng hầm. Xe máy không cần đăng ký; chỗ đỗ ô tô được đăng ký theo tháng với bộ phận hành chính, ưu tiên nhân viên ca tối.</p>
<p>Thẻ gửi xe bị mất: báo lễ tân trong ngày để khóa thẻ.</p>`,
      },
    },
  },
  {
    key: 'new-agent-first-week',
    category: 'internal',
    visibility: 'internal',
    original: 'en',
    tags: ['onboarding', 'new-joiner', 'checklist'],
    translations: {
      en: {
        title: 'What must a new agent set up in the first week?',
        body: `<ul>
  <li>Day 1: work account, authenticator app, VPN, softphone headset test.</li>
  <li>Day 2: read the call-centre script, the identity check and the escalation rules (all in this knowledge base).</li>
  <li>Days 3–4: listen to calls with a senior agent; answer portal tickets with review.</li>
  <li>Day 5: first calls alone, the team lead listening.</li>
</ul>
<p>The team lead signs the checklist in the onboarding ticket at the end of the week.</p>`,
      },
    },
  },
  {
    key: 'schedule-callback',
    category: 'internal-call-centre',
    visibility: 'internal',
    original: 'en',
    tags: ['callback', 'hotline', 'follow-up'],
    translations: {
      en: {
        title: 'How do I schedule a callback I promised a caller?',
        body: `<p>Never promise a callback without recording it. On the customer, add an activity of type <strong>Call</strong> with the agreed date and time and a reminder 10 minutes before; link it to the ticket.</p>
<p>If you will not be on shift at that time, assign the activity to a colleague of the same team and tell the caller their name.</p>`,
      },
      vi: {
        title: 'Làm thế nào để lên lịch gọi lại đã hứa với khách?',
        body: `<p>Không hứa gọi lại mà không ghi nhận. Trên hồ sơ khách hàng, thêm hoạt động loại <strong>Cuộc gọi</strong> với ngày giờ đã hẹn và nhắc nhở trước 10 phút, liên kết với yêu cầu hỗ trợ.</p>`,
      },
    },
  },
  {
    key: 'transfer-call',
    category: 'internal-call-centre',
    visibility: 'internal',
    original: 'zh',
    tags: ['transfer', 'hotline', 'call'],
    translations: {
      zh: {
        title: '如何把电话转接给其他部门？',
        body: `<ol>
  <li>先告知来电者您将转接的部门及原因，并询问是否同意。</li>
  <li>使用“咨询转接”：先与接听同事简要说明情况和工单号，再完成转接。</li>
  <li>若对方部门无人接听，请勿盲转，记下回电需求并创建回电活动。</li>
</ol>`,
      },
    },
  },
  {
    key: 'ticket-or-complaint',
    category: 'internal-escalation',
    visibility: 'internal',
    original: 'en',
    tags: ['complaint', 'escalation', 'ticket'],
    translations: {
      en: {
        title: 'When does a ticket become a formal complaint?',
        body: `<p>A ticket is a request for help. A <strong>complaint</strong> is a formal statement that we did something wrong and the customer expects a written answer. Record a complaint when the customer:</p>
<ul>
  <li>uses the word "complaint" or asks for a formal answer;</li>
  <li>asks for compensation;</li>
  <li>is unhappy with how a resolved ticket was handled.</li>
</ul>
<p>The complaint is answered by the branch's resolver and checked by its approver; link the ticket to it.</p>`,
      },
      vi: {
        title: 'Khi nào một yêu cầu hỗ trợ trở thành khiếu nại chính thức?',
        body: `<p>Yêu cầu hỗ trợ là đề nghị giúp đỡ. <strong>Khiếu nại</strong> là phản ánh chính thức rằng chúng ta đã làm sai và khách hàng mong đợi câu trả lời bằng văn bản, ví dụ khi khách yêu cầu bồi thường hoặc không hài lòng với cách xử lý yêu cầu đã đóng.</p>`,
      },
    },
  },
  {
    key: 'discount-approval',
    category: 'internal-escalation',
    visibility: 'internal',
    original: 'en',
    tags: ['discount', 'approval', 'sales'],
    translations: {
      en: {
        title: 'Who may approve a discount, and up to how much?',
        body: `<table>
  <thead><tr><th>Discount on the list price</th><th>Approved by</th></tr></thead>
  <tbody>
    <tr><td>Up to 5 %</td><td>The sales representative</td></tr>
    <tr><td>5–15 %</td><td>The sales manager of the branch</td></tr>
    <tr><td>More than 15 %</td><td>The sales director, in writing</td></tr>
  </tbody>
</table>
<p>A discount is recorded on the opportunity's product line, never as a lower list price.</p>`,
      },
    },
  },
  {
    key: 'out-of-hours-incident',
    category: 'internal-escalation',
    visibility: 'internal',
    original: 'bg',
    tags: ['incident', 'on-call', 'escalation'],
    translations: {
      bg: {
        title: 'Кого да търся при авария извън работно време?',
        body: `<p>При критичен инцидент (приоритет 5) извън работно време се обадете на дежурния инженер на номера от графика в канала „Дежурства“. Ако не отговори до 10 минути, обадете се на ръководителя на смяната.</p>
<p>Винаги първо създайте заявката: дежурният работи по нея, а не по бележки от разговора.</p>`,
      },
    },
  },
  {
    key: 'data-retention',
    category: 'internal',
    visibility: 'internal',
    original: 'en',
    tags: ['retention', 'privacy', 'recordings'],
    translations: {
      en: {
        title: 'How long do we keep call recordings and tickets?',
        body: `<ul>
  <li>Call recordings: 90 days, then deleted automatically; a recording attached to a complaint is kept with the complaint.</li>
  <li>Tickets and their messages: 5 years after they are closed.</li>
  <li>Invoices and contracts: 10 years (accounting law).</li>
</ul>
<p>Customers are told this in the privacy notice; do not promise earlier deletion on the phone.</p>`,
      },
    },
  },
];
