/**
 * More public demo articles (the FAQ and the help centre: KB-1 demo data, ~60 articles with demo-articles.ts and
 * demo-articles-staff.ts). Shorter answers than demo-articles.ts, several in one language only (the fallback shows).
 * Pure data, no imports but the types.
 */
import type { DemoArticle } from './demo-articles.ts';

export const FAQ_DEMO_ARTICLES: DemoArticle[] = [
  {
    key: 'update-company-details',
    category: 'account-profile',
    visibility: 'public',
    original: 'en',
    tags: ['company', 'profile', 'tax-id'],
    translations: {
      en: {
        title: "How do I update my company's legal name or tax ID?",
        body: `<p>The legal name and the tax ID appear on every invoice, so they are changed by our service desk after a short check, not directly in the portal.</p>
<ol>
  <li>Open a ticket in the portal with the category <strong>Account</strong> and the subject "Company details".</li>
  <li>Attach the registration certificate that shows the new name or tax ID.</li>
  <li>We confirm the change within two working days; invoices issued after that date show the new details.</li>
</ol>
<p>Invoices already issued are not changed. If one of them must show the new details, ask for a corrected invoice in the same ticket.</p>`,
      },
      vi: {
        title: 'Làm thế nào để cập nhật tên pháp lý hoặc mã số thuế của công ty?',
        body: `<p>Tên pháp lý và mã số thuế xuất hiện trên mọi chứng từ, vì vậy bộ phận hỗ trợ sẽ thay đổi sau khi kiểm tra, không sửa trực tiếp trên cổng khách hàng.</p>
<ol>
  <li>Tạo yêu cầu trên cổng với danh mục <strong>Tài khoản</strong> và tiêu đề "Thông tin công ty".</li>
  <li>Đính kèm giấy chứng nhận đăng ký doanh nghiệp có tên hoặc mã số thuế mới.</li>
  <li>Chúng tôi xác nhận trong vòng hai ngày làm việc.</li>
</ol>`,
      },
    },
  },
  {
    key: 'add-portal-user',
    category: 'account-profile',
    visibility: 'public',
    original: 'en',
    tags: ['portal', 'colleague', 'access'],
    translations: {
      en: {
        title: 'How do I give a colleague access to the client portal?',
        body: `<p>Every person who uses the portal has their own account; please do not share one.</p>
<ul>
  <li>Send us the colleague's name, e-mail address and phone number in a ticket, from an account of your company.</li>
  <li>We create the account and the colleague receives an e-mail to set their own password.</li>
  <li>The colleague sees the tickets and documents of your company, like you.</li>
</ul>
<p>When someone leaves your company, tell us the same way and we close their account the same day.</p>`,
      },
    },
  },
  {
    key: 'notification-preferences',
    category: 'account-profile',
    visibility: 'public',
    original: 'en',
    tags: ['notifications', 'e-mail', 'preferences'],
    translations: {
      en: {
        title: 'How do I choose which e-mails I receive?',
        body: `<p>Open <strong>Profile</strong> in the portal. Under <em>Notifications</em> you choose, for each kind of message, whether it reaches you in the portal, by e-mail, or both.</p>
<p>Replies to your own tickets are always shown in the portal. Security messages (a new sign-in, a password change) are always e-mailed and cannot be switched off.</p>`,
      },
      bg: {
        title: 'Как да избера кои имейли да получавам?',
        body: `<p>Отворете <strong>Профил</strong> в портала. В раздел <em>Известия</em> избирате за всеки вид съобщение дали да го получавате в портала, по имейл или и двете.</p>
<p>Съобщенията за сигурност (нов вход, смяна на парола) винаги се изпращат по имейл.</p>`,
      },
    },
  },
  {
    key: 'session-timeout',
    category: 'account-security',
    visibility: 'public',
    original: 'en',
    tags: ['session', 'security', 'sign-out'],
    translations: {
      en: {
        title: 'Why was I signed out after a while?',
        body: `<p>For your security a session ends after <strong>12 hours</strong>, or earlier when you sign out on another device with "Sign out everywhere". Closing the browser tab does not end it.</p>
<p>If you are signed out much more often, check that your browser keeps cookies for the portal: private windows and some privacy extensions delete them when the tab closes.</p>`,
      },
    },
  },
  {
    key: 'phishing-emails',
    category: 'account-security',
    visibility: 'public',
    original: 'en',
    tags: ['phishing', 'security', 'e-mail'],
    translations: {
      en: {
        title: 'How do I recognise a phishing e-mail that pretends to come from us?',
        body: `<p>We never ask for your password, a one-time code or card details by e-mail or phone.</p>
<ul>
  <li>Our messages come from addresses ending in <code>@demo.test</code>; look at the address, not only the sender's name.</li>
  <li>Links in our e-mails lead to <code>portal.demo.test</code>. Hover over a link before you click it.</li>
  <li>Urgent threats ("your account will be closed today") are a warning sign.</li>
</ul>
<p>Forward a suspicious message to <code>security@demo.test</code> and delete it.</p>`,
      },
      zh: {
        title: '如何识别冒充我们的钓鱼邮件？',
        body: `<p>我们绝不会通过邮件或电话索取您的密码、一次性验证码或银行卡信息。</p>
<ul>
  <li>我们的邮件发件地址以 <code>@demo.test</code> 结尾，请查看实际地址，而不只是发件人名称。</li>
  <li>邮件中的链接指向 <code>portal.demo.test</code>，点击前请先将鼠标悬停查看。</li>
  <li>“今天账户将被关闭”之类的紧急威胁是危险信号。</li>
</ul>
<p>请将可疑邮件转发至 <code>security@demo.test</code>，然后删除。</p>`,
      },
    },
  },
  {
    key: 'contract-renewal',
    category: 'billing',
    visibility: 'public',
    original: 'en',
    tags: ['contract', 'renewal'],
    translations: {
      en: {
        title: 'When and how is my service contract renewed?',
        body: `<p>Service contracts run for twelve months and renew for another twelve unless either side gives notice <strong>60 days</strong> before the end date.</p>
<p>Your account manager contacts you about three months before the end date to review the services and the price. The contract, its dates and its status are listed in the portal under <em>Documents</em>.</p>`,
      },
    },
  },
  {
    key: 'payment-currencies',
    category: 'billing-payments',
    visibility: 'public',
    original: 'vi',
    tags: ['currency', 'payment', 'exchange-rate'],
    translations: {
      vi: {
        title: 'Tôi có thể thanh toán bằng những loại tiền tệ nào?',
        body: `<p>Chứng từ được lập bằng đồng tiền ghi trong hợp đồng: VND, EUR, USD hoặc BGN. Hãy thanh toán đúng bằng đồng tiền đó.</p>
<p>Nếu ngân hàng của bạn quy đổi ngoại tệ, phí chuyển đổi và chênh lệch tỷ giá do bên thanh toán chịu. Khoản thanh toán thiếu do tỷ giá sẽ được ghi là thanh toán một phần.</p>`,
      },
      en: {
        title: 'Which currencies can I pay in?',
        body: `<p>Each document is issued in the currency of its contract: VND, EUR, USD or BGN. Please pay in that currency.</p>
<p>If your bank converts the amount, conversion fees and exchange differences are borne by the payer; a payment that arrives short because of the rate is recorded as a partial payment.</p>`,
      },
    },
  },
  {
    key: 'payment-reminders',
    category: 'billing-payments',
    visibility: 'public',
    original: 'bg',
    tags: ['reminder', 'payment', 'due-date'],
    translations: {
      bg: {
        title: 'Кога изпращаме напомняния за плащане?',
        body: `<p>Изпращаме напомняне <strong>3 дни преди</strong> падежа, в деня на падежа и 7 дни след него, ако сумата още не е платена.</p>
<p>Ако вече сте платили, не е нужно да правите нищо: плащането се отразява до два работни дни след получаването му.</p>`,
      },
    },
  },
  {
    key: 'ticket-priorities',
    category: 'tickets-sla',
    visibility: 'public',
    original: 'en',
    tags: ['priority', 'ticket', 'sla'],
    translations: {
      en: {
        title: 'What do the ticket priorities 1 to 5 mean?',
        body: `<table>
  <thead><tr><th>Priority</th><th>Meaning</th><th>Example</th></tr></thead>
  <tbody>
    <tr><td>5 – critical</td><td>Your business is stopped</td><td>No one in the office can work</td></tr>
    <tr><td>4 – high</td><td>An important function fails, no workaround</td><td>Orders cannot be sent</td></tr>
    <tr><td>3 – normal</td><td>Something fails, a workaround exists</td><td>One printer out of three</td></tr>
    <tr><td>2 – low</td><td>An inconvenience</td><td>A wrong label in a report</td></tr>
    <tr><td>1 – question</td><td>Information or a wish</td><td>How does a feature work?</td></tr>
  </tbody>
</table>
<p>We may adjust the priority after the first look; the response times follow the priority.</p>`,
      },
    },
  },
  {
    key: 'reopen-ticket',
    category: 'tickets-portal',
    visibility: 'public',
    original: 'en',
    tags: ['ticket', 'reopen', 'resolved'],
    translations: {
      en: {
        title: 'Can I reopen a resolved ticket?',
        body: `<p>Yes. Reply to the ticket in the portal within <strong>7 days</strong> after it was resolved and it goes back to the team that handled it, with its history.</p>
<p>After the ticket is closed, please open a new one and mention the old ticket number: the new ticket is linked to it.</p>`,
      },
      vi: {
        title: 'Tôi có thể mở lại một yêu cầu đã được giải quyết không?',
        body: `<p>Có. Trả lời yêu cầu trên cổng trong vòng <strong>7 ngày</strong> sau khi được giải quyết, yêu cầu sẽ quay lại nhóm đã xử lý cùng toàn bộ lịch sử.</p>
<p>Khi yêu cầu đã đóng, hãy tạo yêu cầu mới và ghi số yêu cầu cũ.</p>`,
      },
    },
  },
  {
    key: 'rate-support',
    category: 'tickets-portal',
    visibility: 'public',
    original: 'zh',
    tags: ['rating', 'feedback', 'survey'],
    translations: {
      zh: {
        title: '如何评价客服的服务？',
        body: `<p>工单解决后，您会在门户和邮件中收到一份简短的满意度调查（1 到 5 星，可附评论）。</p>
<p>每份评价都会由客服主管阅读。给出 1 或 2 星时，主管会在两个工作日内与您联系。</p>`,
      },
    },
  },
  {
    key: 'hotline-hours',
    category: 'tickets',
    visibility: 'public',
    original: 'en',
    tags: ['hotline', 'phone', 'opening-hours'],
    translations: {
      en: {
        title: 'When is the hotline open?',
        body: `<p>The hotline <strong>1900 6000</strong> answers Monday to Friday from 8:00 to 20:00 and on Saturday from 8:00 to 12:00 (Vietnam time). Critical incidents (priority 5) are answered around the clock.</p>
<p>Outside these hours, open a ticket in the portal: it is waiting for the first agent of the morning.</p>`,
      },
      vi: {
        title: 'Tổng đài hỗ trợ làm việc vào giờ nào?',
        body: `<p>Tổng đài <strong>1900 6000</strong> làm việc từ thứ Hai đến thứ Sáu, 8:00–20:00, và thứ Bảy 8:00–12:00. Sự cố nghiêm trọng (ưu tiên 5) được tiếp nhận 24/7.</p>`,
      },
      bg: {
        title: 'Кога работи горещата линия?',
        body: `<p>Горещата линия <strong>1900 6000</strong> отговаря от понеделник до петък от 8:00 до 20:00 и в събота от 8:00 до 12:00 (виетнамско време). Критичните инциденти се приемат денонощно.</p>`,
      },
      zh: {
        title: '热线电话的服务时间是什么时候？',
        body: `<p>热线 <strong>1900 6000</strong> 的服务时间为周一至周五 8:00–20:00，周六 8:00–12:00（越南时间）。紧急事件（优先级 5）全天候受理。</p>`,
      },
    },
  },
  {
    key: 'track-order',
    category: 'orders-delivery',
    visibility: 'public',
    original: 'en',
    tags: ['order', 'tracking', 'delivery'],
    translations: {
      en: {
        title: 'How do I track my order?',
        body: `<p>As soon as an order leaves our warehouse you receive an e-mail with the carrier and the tracking number. The same link is on the order in the portal.</p>
<p>Tracking usually starts showing movement a few hours after the e-mail. If nothing has changed for two working days, open a ticket with the order number and we ask the carrier.</p>`,
      },
      zh: {
        title: '如何查询订单物流？',
        body: `<p>订单出库后，您会收到一封包含承运商和运单号的邮件，门户中的订单页面也有相同的链接。</p>
<p>如果两个工作日内物流信息没有更新，请提交工单并注明订单号，我们会联系承运商。</p>`,
      },
    },
  },
  {
    key: 'partial-delivery',
    category: 'orders-delivery',
    visibility: 'public',
    original: 'vi',
    tags: ['delivery', 'order', 'partial'],
    translations: {
      vi: {
        title: 'Tại sao đơn hàng của tôi được giao thành nhiều lần?',
        body: `<p>Khi một số mặt hàng trong đơn còn ở kho khác hoặc đang chờ nhập, chúng tôi giao trước phần có sẵn để bạn không phải chờ toàn bộ. Phí giao hàng chỉ tính một lần.</p>
<p>Mỗi lần giao có mã vận đơn riêng. Nếu bạn muốn nhận tất cả trong một lần, hãy ghi chú khi đặt hàng.</p>`,
      },
    },
  },
  {
    key: 'damaged-parcel',
    category: 'orders-returns',
    visibility: 'public',
    original: 'en',
    tags: ['damaged', 'parcel', 'delivery'],
    translations: {
      en: {
        title: 'What do I do if the parcel arrives damaged?',
        body: `<ol>
  <li>If the box is visibly damaged, note it on the carrier's delivery receipt before you sign, or refuse the parcel.</li>
  <li>Take photos of the box and the contents.</li>
  <li>Open a ticket within <strong>48 hours</strong> with the order number and the photos.</li>
</ol>
<p>We send a replacement or refund the item; you do not need to wait for the carrier's investigation.</p>`,
      },
      bg: {
        title: 'Какво да направя, ако пратката пристигне повредена?',
        body: `<ol>
  <li>Ако кашонът е видимо повреден, отбележете го в разписката на куриера, преди да подпишете.</li>
  <li>Снимайте кашона и съдържанието.</li>
  <li>Отворете заявка до <strong>48 часа</strong> с номера на поръчката и снимките.</li>
</ol>`,
      },
    },
  },
  {
    key: 'extended-warranty',
    category: 'orders-returns',
    visibility: 'public',
    original: 'en',
    tags: ['warranty', 'device', 'extension'],
    translations: {
      en: {
        title: 'Can I extend the warranty of a device?',
        body: `<p>Yes, for laptops, printers and network equipment, within <strong>90 days</strong> of delivery. The extension adds one or two years and includes on-site repair in Hà Nội, Hồ Chí Minh City and Sofia.</p>
<p>Ask your account manager for an offer, or open a ticket with the serial number of the device.</p>`,
      },
    },
  },
  {
    key: 'product-manuals',
    category: 'orders',
    visibility: 'public',
    original: 'en',
    tags: ['manual', 'documentation', 'product'],
    translations: {
      en: {
        title: 'Where do I find the manual for a product?',
        body: `<p>Manuals and data sheets are attached to each product on the order in the portal (<em>Orders → the order → Documents</em>). Manufacturers' manuals are in the language they publish, usually English.</p>`,
      },
      zh: {
        title: '在哪里可以找到产品说明书？',
        body: `<p>说明书和规格书附在门户订单的每个产品下（<em>订单 → 具体订单 → 文档</em>）。厂商说明书以其发布的语言提供，通常为英文。</p>`,
      },
    },
  },
  {
    key: 'guest-wifi',
    category: 'equipment-office',
    visibility: 'public',
    original: 'en',
    tags: ['wifi', 'visitor', 'office'],
    translations: {
      en: {
        title: 'How do visitors get Wi-Fi access in our offices?',
        body: `<p>Visitors connect to the network <code>Switchboard-Guest</code>. The reception gives a code valid for the day; it is printed on the visitor badge.</p>
<p>The guest network reaches the internet only, not our internal systems.</p>`,
      },
      vi: {
        title: 'Khách đến văn phòng truy cập Wi-Fi như thế nào?',
        body: `<p>Khách kết nối mạng <code>Switchboard-Guest</code>. Lễ tân cung cấp mã dùng trong ngày, in trên thẻ khách.</p>`,
      },
    },
  },
  {
    key: 'portal-accessibility',
    category: 'tickets-portal',
    visibility: 'public',
    original: 'en',
    tags: ['accessibility', 'keyboard', 'screen-reader'],
    translations: {
      en: {
        title: 'Can I use the portal with a keyboard only or a screen reader?',
        body: `<p>Yes. Every page of the portal can be used with the keyboard (Tab to move, Enter to choose, Escape to close a dialog), and forms name their fields and errors for screen readers.</p>
<p>The portal follows your system's light or dark colours, or the scheme you choose in the header. If something is hard to use, tell us in a ticket: it helps us fix it for everyone.</p>`,
      },
    },
  },
  {
    key: 'change-portal-language',
    category: 'account-profile',
    visibility: 'public',
    original: 'en',
    tags: ['language', 'portal', 'preferences'],
    translations: {
      en: {
        title: 'How do I change the language of the portal?',
        body: `<p>Click the language icon in the header and pick English, Tiếng Việt, Български or 简体中文. The choice is saved to your profile, so it follows you to other devices, and our e-mails to you use it too.</p>`,
      },
      vi: {
        title: 'Làm thế nào để đổi ngôn ngữ của cổng khách hàng?',
        body: `<p>Nhấn biểu tượng ngôn ngữ ở đầu trang và chọn English, Tiếng Việt, Български hoặc 简体中文. Lựa chọn được lưu vào hồ sơ và áp dụng cho cả email chúng tôi gửi bạn.</p>`,
      },
      bg: {
        title: 'Как да сменя езика на портала?',
        body: `<p>Натиснете иконата за език в горната лента и изберете English, Tiếng Việt, Български или 简体中文. Изборът се запазва в профила ви и важи и за имейлите ни.</p>`,
      },
      zh: {
        title: '如何更改门户的语言？',
        body: `<p>点击页眉中的语言图标，选择 English、Tiếng Việt、Български 或简体中文。该选择会保存到您的个人资料中，我们发给您的邮件也会使用该语言。</p>`,
      },
    },
  },
  {
    key: 'download-ticket-history',
    category: 'tickets-portal',
    visibility: 'public',
    original: 'en',
    tags: ['export', 'history', 'ticket'],
    translations: {
      en: {
        title: 'Can I download the history of my tickets?',
        body: `<p>Yes. In the portal, open <em>Tickets</em>, filter the list as you need and choose <strong>Export</strong>: you get a CSV file with the tickets, their dates, statuses and the last reply. Internal notes of our team are never included.</p>`,
      },
    },
  },
  {
    key: 'holiday-hours',
    category: 'tickets',
    visibility: 'public',
    original: 'vi',
    tags: ['holiday', 'opening-hours', 'tet'],
    translations: {
      vi: {
        title: 'Lịch làm việc của bộ phận hỗ trợ trong dịp lễ, Tết?',
        body: `<p>Trong các ngày nghỉ lễ chính thức và Tết Nguyên đán, tổng đài chỉ tiếp nhận sự cố nghiêm trọng (ưu tiên 5). Các yêu cầu khác trên cổng khách hàng được xử lý từ ngày làm việc đầu tiên sau kỳ nghỉ.</p>
<p>Lịch cụ thể được thông báo trên cổng khách hàng hai tuần trước mỗi kỳ nghỉ.</p>`,
      },
      en: {
        title: 'What are the support hours on public holidays?',
        body: `<p>On public holidays and during Tết the hotline takes critical incidents (priority 5) only. Other portal tickets are handled from the first working day after the holiday; the schedule is announced in the portal two weeks ahead.</p>`,
      },
    },
  },
];
