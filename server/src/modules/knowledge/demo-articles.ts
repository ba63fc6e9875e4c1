/**
 * Demo content for the knowledge base / FAQ module (SPEC KB-1/KB-2).
 *
 * Loaded by the seeder on first start. Pure data, no imports.
 * Bodies are HTML restricted to: h2, h3, p, ul, ol, li, strong, em,
 * a (https only), code, pre, blockquote, table/thead/tbody/tr/th/td, br.
 */

export type DemoLanguage = 'en' | 'vi' | 'bg' | 'zh';

export interface DemoCategory {
  key: string;
  parent?: string;
  names: Record<DemoLanguage, string>;
}

export interface DemoTranslation {
  title: string;
  body: string;
  tags?: string[];
}

export interface DemoArticle {
  key: string; // stable, kebab-case, unique
  category: string; // a DemoCategory key (a child or a top-level one)
  visibility: 'public' | 'internal';
  status?: 'published' | 'draft' | 'archived'; // default published
  original: DemoLanguage; // the language it was written in first (must be a key of translations)
  tags: string[]; // lowercase, ascii, kebab-case, 1-4 per article
  translations: Partial<Record<DemoLanguage, DemoTranslation>>;
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    key: 'account',
    names: {
      en: 'Account & login',
      vi: 'Tài khoản & đăng nhập',
      bg: 'Акаунт и вход',
      zh: '账户与登录',
    },
  },
  {
    key: 'account-security',
    parent: 'account',
    names: {
      en: 'Password & security',
      vi: 'Mật khẩu & bảo mật',
      bg: 'Парола и сигурност',
      zh: '密码与安全',
    },
  },
  {
    key: 'account-profile',
    parent: 'account',
    names: {
      en: 'Profile & contact details',
      vi: 'Hồ sơ & thông tin liên hệ',
      bg: 'Профил и данни за контакт',
      zh: '个人资料与联系方式',
    },
  },
  {
    key: 'billing',
    names: {
      en: 'Billing & invoices',
      vi: 'Thanh toán & hóa đơn',
      bg: 'Плащания и фактури',
      zh: '账单与发票',
    },
  },
  {
    key: 'billing-invoices',
    parent: 'billing',
    names: {
      en: 'Invoices',
      vi: 'Hóa đơn',
      bg: 'Фактури',
      zh: '发票',
    },
  },
  {
    key: 'billing-payments',
    parent: 'billing',
    names: {
      en: 'Payments',
      vi: 'Thanh toán',
      bg: 'Плащания',
      zh: '付款',
    },
  },
  {
    key: 'tickets',
    names: {
      en: 'Tickets & support',
      vi: 'Yêu cầu hỗ trợ',
      bg: 'Заявки и поддръжка',
      zh: '工单与支持',
    },
  },
  {
    key: 'tickets-portal',
    parent: 'tickets',
    names: {
      en: 'Client portal',
      vi: 'Cổng khách hàng',
      bg: 'Клиентски портал',
      zh: '客户门户',
    },
  },
  {
    key: 'tickets-sla',
    parent: 'tickets',
    names: {
      en: 'Statuses & response times',
      vi: 'Trạng thái & thời gian phản hồi',
      bg: 'Статуси и срокове за отговор',
      zh: '状态与响应时间',
    },
  },
  {
    key: 'orders',
    names: {
      en: 'Products & orders',
      vi: 'Sản phẩm & đơn hàng',
      bg: 'Продукти и поръчки',
      zh: '产品与订单',
    },
  },
  {
    key: 'orders-delivery',
    parent: 'orders',
    names: {
      en: 'Delivery',
      vi: 'Giao hàng',
      bg: 'Доставка',
      zh: '配送',
    },
  },
  {
    key: 'orders-returns',
    parent: 'orders',
    names: {
      en: 'Warranty & returns',
      vi: 'Bảo hành & đổi trả',
      bg: 'Гаранция и връщане',
      zh: '保修与退货',
    },
  },
  {
    key: 'equipment',
    names: {
      en: 'Equipment & facilities',
      vi: 'Thiết bị & cơ sở vật chất',
      bg: 'Оборудване и сгради',
      zh: '设备与设施',
    },
  },
  {
    key: 'equipment-office',
    parent: 'equipment',
    names: {
      en: 'Office & access',
      vi: 'Văn phòng & ra vào',
      bg: 'Офис и достъп',
      zh: '办公室与门禁',
    },
  },
  {
    key: 'equipment-it',
    parent: 'equipment',
    names: {
      en: 'IT equipment',
      vi: 'Thiết bị CNTT',
      bg: 'ИТ оборудване',
      zh: 'IT 设备',
    },
  },
  {
    key: 'internal',
    names: {
      en: 'Internal procedures for staff',
      vi: 'Quy trình nội bộ cho nhân viên',
      bg: 'Вътрешни процедури за служители',
      zh: '员工内部流程',
    },
  },
  {
    key: 'internal-escalation',
    parent: 'internal',
    names: {
      en: 'Escalation & approvals',
      vi: 'Chuyển cấp & phê duyệt',
      bg: 'Ескалация и одобрения',
      zh: '升级与审批',
    },
  },
  {
    key: 'internal-call-centre',
    parent: 'internal',
    names: {
      en: 'Call centre',
      vi: 'Tổng đài',
      bg: 'Кол център',
      zh: '呼叫中心',
    },
  },
];

export const DEMO_ARTICLES: DemoArticle[] = [
  // ---------------------------------------------------------------------------
  // Account & login
  // ---------------------------------------------------------------------------
  {
    key: 'reset-password',
    category: 'account-security',
    visibility: 'public',
    original: 'en',
    tags: ['password', 'login'],
    translations: {
      en: {
        title: 'How do I reset my password?',
        body: `<p>If you have forgotten your password for the client portal, you can set a new one yourself in a few minutes. You do not need to contact the service desk.</p>
<h2>Steps</h2>
<ol>
  <li>Open <a href="https://portal.demo.test/login">portal.demo.test/login</a> and click <strong>Forgot password?</strong>.</li>
  <li>Enter the e-mail address you use to sign in and click <strong>Send link</strong>.</li>
  <li>Open the e-mail from Switchboard and click <strong>Set a new password</strong>. The link is valid for <strong>60 minutes</strong> and can be used only once.</li>
  <li>Choose a new password of at least <strong>12 characters</strong>. It must not be the same as any of your last five passwords.</li>
  <li>Sign in with the new password. All other open sessions are signed out automatically.</li>
</ol>
<h3>I did not receive the e-mail</h3>
<ul>
  <li>Wait five minutes and check your spam or junk folder.</li>
  <li>Make sure you typed the address you registered with; for security reasons we do not tell you whether an address exists.</li>
  <li>After <strong>5 requests in one hour</strong> the form is blocked for 30 minutes.</li>
</ul>
<p>Still locked out? Call the hotline <strong>1900 6000</strong> and choose option 1. We will verify your identity before resetting access.</p>`,
      },
      vi: {
        title: 'Làm thế nào để đặt lại mật khẩu?',
        body: `<p>Nếu bạn quên mật khẩu đăng nhập cổng khách hàng, bạn có thể tự đặt mật khẩu mới chỉ trong vài phút mà không cần liên hệ bộ phận hỗ trợ.</p>
<h2>Các bước thực hiện</h2>
<ol>
  <li>Mở <a href="https://portal.demo.test/login">portal.demo.test/login</a> và nhấn <strong>Quên mật khẩu?</strong>.</li>
  <li>Nhập địa chỉ e-mail bạn dùng để đăng nhập và nhấn <strong>Gửi liên kết</strong>.</li>
  <li>Mở e-mail từ Switchboard và nhấn <strong>Đặt mật khẩu mới</strong>. Liên kết có hiệu lực trong <strong>60 phút</strong> và chỉ dùng được một lần.</li>
  <li>Chọn mật khẩu mới dài ít nhất <strong>12 ký tự</strong>, không trùng với năm mật khẩu gần nhất.</li>
  <li>Đăng nhập bằng mật khẩu mới. Các phiên đăng nhập khác sẽ tự động bị đăng xuất.</li>
</ol>
<h3>Tôi không nhận được e-mail</h3>
<ul>
  <li>Chờ năm phút và kiểm tra thư mục thư rác (spam).</li>
  <li>Kiểm tra lại địa chỉ đã đăng ký; vì lý do bảo mật, hệ thống không cho biết địa chỉ có tồn tại hay không.</li>
  <li>Sau <strong>5 lần yêu cầu trong một giờ</strong>, biểu mẫu sẽ bị khóa trong 30 phút.</li>
</ul>
<p>Vẫn không đăng nhập được? Hãy gọi tổng đài <strong>1900 6000</strong>, chọn phím 1. Chúng tôi sẽ xác minh danh tính của bạn trước khi khôi phục quyền truy cập.</p>`,
      },
      bg: {
        title: 'Как да възстановя паролата си?',
        body: `<p>Ако сте забравили паролата си за клиентския портал, можете сами да зададете нова за няколко минути, без да се свързвате с поддръжката.</p>
<h2>Стъпки</h2>
<ol>
  <li>Отворете <a href="https://portal.demo.test/login">portal.demo.test/login</a> и натиснете <strong>Забравена парола?</strong>.</li>
  <li>Въведете имейл адреса, с който влизате, и натиснете <strong>Изпрати връзка</strong>.</li>
  <li>Отворете имейла от Switchboard и натиснете <strong>Задай нова парола</strong>. Връзката е валидна <strong>60 минути</strong> и може да се използва само веднъж.</li>
  <li>Изберете нова парола с поне <strong>12 знака</strong>, различна от последните ви пет пароли.</li>
  <li>Влезте с новата парола. Всички други отворени сесии се прекратяват автоматично.</li>
</ol>
<h3>Не получих имейл</h3>
<ul>
  <li>Изчакайте пет минути и проверете папката за спам.</li>
  <li>Уверете се, че сте въвели регистрирания адрес; от съображения за сигурност не съобщаваме дали даден адрес съществува.</li>
  <li>След <strong>5 заявки за един час</strong> формата се блокира за 30 минути.</li>
</ul>
<p>Все още нямате достъп? Обадете се на <strong>1900 6000</strong> и изберете опция 1. Ще потвърдим самоличността ви, преди да възстановим достъпа.</p>`,
      },
      zh: {
        title: '如何重置密码？',
        body: `<p>如果您忘记了客户门户的登录密码，可以在几分钟内自行设置新密码，无需联系服务台。</p>
<h2>操作步骤</h2>
<ol>
  <li>打开 <a href="https://portal.demo.test/login">portal.demo.test/login</a>，点击<strong>忘记密码？</strong>。</li>
  <li>输入您用于登录的电子邮箱地址，然后点击<strong>发送链接</strong>。</li>
  <li>打开来自 Switchboard 的邮件，点击<strong>设置新密码</strong>。该链接在 <strong>60 分钟</strong>内有效，且只能使用一次。</li>
  <li>设置至少 <strong>12 个字符</strong>的新密码，且不能与最近五次使用过的密码相同。</li>
  <li>使用新密码登录。其他已登录的会话将被自动注销。</li>
</ol>
<h3>没有收到邮件怎么办？</h3>
<ul>
  <li>请等待五分钟，并检查垃圾邮件文件夹。</li>
  <li>确认输入的是注册时使用的邮箱；出于安全原因，系统不会提示该邮箱是否存在。</li>
  <li>一小时内请求超过 <strong>5 次</strong>后，该表单将被锁定 30 分钟。</li>
</ul>
<p>仍然无法登录？请拨打热线 <strong>1900 6000</strong> 并按 1。我们会先核实您的身份，再为您恢复访问权限。</p>`,
      },
    },
  },
  {
    key: 'change-email-address',
    category: 'account-profile',
    visibility: 'public',
    original: 'en',
    tags: ['email', 'profile', 'account'],
    translations: {
      en: {
        title: 'How do I change the e-mail address on my account?',
        body: `<p>Your e-mail address is your login name and the address where we send invoices and ticket updates. You can change it in the portal at any time.</p>
<ol>
  <li>Sign in at <a href="https://portal.demo.test">portal.demo.test</a> and open <strong>My profile</strong> (your name in the top right corner).</li>
  <li>Click <strong>Change e-mail</strong>, enter the new address and confirm with your current password.</li>
  <li>We send a confirmation link to the <em>new</em> address. Click it within <strong>24 hours</strong>.</li>
  <li>Until you confirm, the old address stays active. After confirmation we send a notice to the old address as well.</li>
</ol>
<p><strong>Invoices:</strong> if your company uses a separate billing address (for example <code>accounts@yourcompany.com</code>), changing your login e-mail does not change it. Billing contacts are managed by the account owner under <strong>Company &gt; Billing contacts</strong>.</p>
<p>If you no longer have access to the old mailbox and cannot sign in, open a request by phone on <strong>1900 6000</strong>. For security reasons the change then takes up to <strong>2 working days</strong>.</p>`,
      },
      vi: {
        title: 'Làm thế nào để thay đổi địa chỉ e-mail của tài khoản?',
        body: `<p>Địa chỉ e-mail là tên đăng nhập của bạn, đồng thời là nơi chúng tôi gửi hóa đơn và thông báo về yêu cầu hỗ trợ. Bạn có thể thay đổi nó trên cổng khách hàng bất cứ lúc nào.</p>
<ol>
  <li>Đăng nhập tại <a href="https://portal.demo.test">portal.demo.test</a> và mở <strong>Hồ sơ của tôi</strong> (tên của bạn ở góc trên bên phải).</li>
  <li>Nhấn <strong>Đổi e-mail</strong>, nhập địa chỉ mới và xác nhận bằng mật khẩu hiện tại.</li>
  <li>Chúng tôi gửi liên kết xác nhận tới địa chỉ <em>mới</em>. Hãy nhấn vào đó trong vòng <strong>24 giờ</strong>.</li>
  <li>Trước khi xác nhận, địa chỉ cũ vẫn còn hiệu lực. Sau khi xác nhận, chúng tôi cũng gửi thông báo tới địa chỉ cũ.</li>
</ol>
<p><strong>Hóa đơn:</strong> nếu công ty bạn dùng địa chỉ nhận hóa đơn riêng (ví dụ <code>accounts@yourcompany.com</code>), việc đổi e-mail đăng nhập không làm thay đổi địa chỉ này. Chủ tài khoản quản lý nó tại <strong>Công ty &gt; Liên hệ thanh toán</strong>.</p>
<p>Nếu bạn không còn truy cập được hộp thư cũ và không đăng nhập được, hãy gọi <strong>1900 6000</strong>. Vì lý do bảo mật, việc thay đổi khi đó mất tối đa <strong>2 ngày làm việc</strong>.</p>`,
      },
      bg: {
        title: 'Как да сменя имейл адреса на акаунта си?',
        body: `<p>Имейл адресът е вашето потребителско име и адресът, на който изпращаме фактури и известия за заявки. Можете да го смените в портала по всяко време.</p>
<ol>
  <li>Влезте в <a href="https://portal.demo.test">portal.demo.test</a> и отворете <strong>Моят профил</strong> (името ви в горния десен ъгъл).</li>
  <li>Натиснете <strong>Смяна на имейл</strong>, въведете новия адрес и потвърдете с текущата си парола.</li>
  <li>Изпращаме връзка за потвърждение на <em>новия</em> адрес. Натиснете я в рамките на <strong>24 часа</strong>.</li>
  <li>До потвърждението старият адрес остава активен. След това изпращаме уведомление и на стария адрес.</li>
</ol>
<p><strong>Фактури:</strong> ако фирмата ви използва отделен адрес за фактуриране (например <code>accounts@yourcompany.com</code>), смяната на имейла за вход не го променя. Контактите за фактуриране се управляват от собственика на акаунта в <strong>Фирма &gt; Контакти за фактуриране</strong>.</p>
<p>Ако нямате достъп до старата пощенска кутия и не можете да влезете, обадете се на <strong>1900 6000</strong>. От съображения за сигурност промяната отнема до <strong>2 работни дни</strong>.</p>`,
      },
      zh: {
        title: '如何更改账户的电子邮箱地址？',
        body: `<p>电子邮箱地址既是您的登录名，也是我们发送发票和工单通知的地址。您可以随时在客户门户中更改。</p>
<ol>
  <li>登录 <a href="https://portal.demo.test">portal.demo.test</a>，打开<strong>我的资料</strong>（右上角您的姓名）。</li>
  <li>点击<strong>更改邮箱</strong>，输入新地址，并用当前密码确认。</li>
  <li>我们会向<em>新</em>邮箱发送确认链接，请在 <strong>24 小时</strong>内点击。</li>
  <li>确认之前旧邮箱仍然有效；确认后我们也会向旧邮箱发送通知。</li>
</ol>
<p><strong>发票：</strong>如果贵公司使用单独的收票邮箱（例如 <code>accounts@yourcompany.com</code>），更改登录邮箱不会影响它。账单联系人由账户所有者在<strong>公司 &gt; 账单联系人</strong>中管理。</p>
<p>如果您已无法访问旧邮箱且无法登录，请拨打 <strong>1900 6000</strong>。出于安全考虑，此类变更最多需要 <strong>2 个工作日</strong>。</p>`,
      },
    },
  },
  {
    key: 'two-factor-authentication',
    category: 'account-security',
    visibility: 'public',
    original: 'en',
    tags: ['login', 'security', '2fa'],
    translations: {
      en: {
        title: 'How do I turn on two-step verification?',
        body: `<p>Two-step verification protects your portal account even if someone learns your password. After you turn it on, you enter a 6-digit code from an authenticator app every time you sign in on a new device.</p>
<ol>
  <li>Install an authenticator app on your phone, for example Microsoft Authenticator, Google Authenticator or any TOTP app.</li>
  <li>In the portal open <strong>My profile &gt; Security</strong> and click <strong>Turn on two-step verification</strong>.</li>
  <li>Scan the QR code with the app and type the 6-digit code it shows.</li>
  <li>Download or print the <strong>10 recovery codes</strong> and keep them somewhere safe. Each code works once.</li>
</ol>
<p>A device can be marked as trusted for <strong>30 days</strong>. Account owners can require two-step verification for all users of the company under <strong>Company &gt; Security policy</strong>.</p>
<p><strong>Lost your phone?</strong> Sign in with a recovery code and set up the app again. Without recovery codes, call <strong>1900 6000</strong>; after identity verification the service desk resets two-step verification within one working day.</p>`,
      },
      zh: {
        title: '如何开启两步验证？',
        body: `<p>即使有人获知了您的密码，两步验证也能保护您的门户账户。开启后，每次在新设备上登录时，都需要输入身份验证器应用中显示的 6 位数字验证码。</p>
<ol>
  <li>在手机上安装身份验证器应用，例如 Microsoft Authenticator、Google Authenticator 或任何支持 TOTP 的应用。</li>
  <li>在门户中打开<strong>我的资料 &gt; 安全</strong>，点击<strong>开启两步验证</strong>。</li>
  <li>用应用扫描二维码，并输入应用显示的 6 位验证码。</li>
  <li>下载或打印 <strong>10 个恢复码</strong>并妥善保管。每个恢复码只能使用一次。</li>
</ol>
<p>设备可以被标记为受信任设备，有效期 <strong>30 天</strong>。账户所有者可以在<strong>公司 &gt; 安全策略</strong>中要求公司所有用户开启两步验证。</p>
<p><strong>手机丢失了？</strong>请使用恢复码登录，然后重新绑定应用。如果没有恢复码，请拨打 <strong>1900 6000</strong>；核实身份后，服务台将在一个工作日内重置您的两步验证。</p>`,
      },
    },
  },
  // ---------------------------------------------------------------------------
  // Billing & invoices
  // ---------------------------------------------------------------------------
  {
    key: 'download-e-invoice',
    category: 'billing-invoices',
    visibility: 'public',
    original: 'vi',
    tags: ['invoice', 'download', 'billing'],
    translations: {
      vi: {
        title: 'Cách tải hóa đơn điện tử trên cổng khách hàng',
        body: `<p>Tất cả hóa đơn điện tử của bạn được lưu trên cổng khách hàng trong ít nhất <strong>10 năm</strong>. Bạn có thể tải hóa đơn bất cứ lúc nào, kể cả hóa đơn đã thanh toán.</p>
<h2>Các bước tải hóa đơn</h2>
<ol>
  <li>Đăng nhập tại <a href="https://portal.demo.test/invoices">portal.demo.test/invoices</a>.</li>
  <li>Mở mục <strong>Hóa đơn &amp; thanh toán</strong>. Danh sách hiển thị số hóa đơn (ví dụ <code>INV-2026-000042</code>), ngày phát hành, hạn thanh toán và trạng thái.</li>
  <li>Nhấn vào số hóa đơn, sau đó chọn <strong>Tải PDF</strong> hoặc <strong>Tải XML</strong> (bản có chữ ký số dùng cho kế toán).</li>
  <li>Muốn tải nhiều hóa đơn cùng lúc, hãy đánh dấu chọn rồi nhấn <strong>Tải xuống dạng ZIP</strong>.</li>
</ol>
<h3>Trạng thái hóa đơn</h3>
<ul>
  <li><strong>Chưa thanh toán</strong> – hóa đơn đã phát hành, chưa đến hạn thanh toán.</li>
  <li><strong>Quá hạn</strong> – đã quá hạn thanh toán; vui lòng thanh toán sớm để tránh phí trễ hạn.</li>
  <li><strong>Đã thanh toán</strong> – chúng tôi đã nhận được khoản thanh toán; trạng thái cập nhật trong vòng 1 ngày làm việc.</li>
</ul>
<p>Không thấy hóa đơn? Chỉ người dùng có quyền <em>Kế toán</em> hoặc <em>Chủ tài khoản</em> mới xem được hóa đơn. Nếu bạn cần bản sao hóa đơn hoặc có thắc mắc về thanh toán, hãy tạo yêu cầu hỗ trợ hoặc gọi <strong>1900 6000</strong>.</p>`,
      },
      en: {
        title: 'How do I download an e-invoice from the client portal?',
        body: `<p>All your e-invoices are stored in the client portal for at least <strong>10 years</strong>. You can download any invoice at any time, including invoices that are already paid.</p>
<h2>Steps</h2>
<ol>
  <li>Sign in at <a href="https://portal.demo.test/invoices">portal.demo.test/invoices</a>.</li>
  <li>Open <strong>Invoices &amp; payments</strong>. The list shows the invoice number (for example <code>INV-2026-000042</code>), issue date, due date and status.</li>
  <li>Click the invoice number and choose <strong>Download PDF</strong> or <strong>Download XML</strong> (the digitally signed version for your accounting software).</li>
  <li>To download several invoices at once, tick them and click <strong>Download as ZIP</strong>.</li>
</ol>
<h3>Invoice statuses</h3>
<ul>
  <li><strong>Unpaid</strong> – issued, not yet due.</li>
  <li><strong>Overdue</strong> – the due date has passed; please pay soon to avoid late fees.</li>
  <li><strong>Paid</strong> – we have received the payment; the status is updated within 1 working day.</li>
</ul>
<p>Cannot see any invoices? Only users with the <em>Accountant</em> or <em>Account owner</em> role can view invoices. For copies or payment questions, open a ticket or call <strong>1900 6000</strong>.</p>`,
      },
      bg: {
        title: 'Как да изтегля електронна фактура от клиентския портал?',
        body: `<p>Всички ваши електронни фактури се съхраняват в клиентския портал поне <strong>10 години</strong>. Можете да изтеглите всяка фактура по всяко време, включително вече платените.</p>
<h2>Стъпки</h2>
<ol>
  <li>Влезте в <a href="https://portal.demo.test/invoices">portal.demo.test/invoices</a>.</li>
  <li>Отворете <strong>Фактури и плащания</strong>. Списъкът показва номер на фактурата (например <code>INV-2026-000042</code>), дата на издаване, падеж и статус.</li>
  <li>Натиснете номера на фактурата и изберете <strong>Изтегли PDF</strong> или <strong>Изтегли XML</strong> (версията с електронен подпис за счетоводния софтуер).</li>
  <li>За да изтеглите няколко фактури наведнъж, маркирайте ги и натиснете <strong>Изтегли като ZIP</strong>.</li>
</ol>
<h3>Статуси на фактурите</h3>
<ul>
  <li><strong>Неплатена</strong> – издадена, падежът още не е настъпил.</li>
  <li><strong>Просрочена</strong> – падежът е минал; моля, платете скоро, за да избегнете такси за забава.</li>
  <li><strong>Платена</strong> – получихме плащането; статусът се обновява до 1 работен ден.</li>
</ul>
<p>Не виждате фактури? Само потребители с роля <em>Счетоводител</em> или <em>Собственик на акаунта</em> имат достъп до тях. За копия или въпроси за плащания отворете заявка или се обадете на <strong>1900 6000</strong>.</p>`,
      },
      zh: {
        title: '如何在客户门户下载电子发票？',
        body: `<p>您的所有电子发票都会在客户门户中保存至少 <strong>10 年</strong>。您可以随时下载任何发票，包括已付款的发票。</p>
<h2>操作步骤</h2>
<ol>
  <li>登录 <a href="https://portal.demo.test/invoices">portal.demo.test/invoices</a>。</li>
  <li>打开<strong>发票与付款</strong>。列表显示发票号码（例如 <code>INV-2026-000042</code>）、开票日期、付款截止日期和状态。</li>
  <li>点击发票号码，选择<strong>下载 PDF</strong>或<strong>下载 XML</strong>（带数字签名的版本，可导入财务软件）。</li>
  <li>如需一次下载多张发票，请勾选后点击<strong>打包下载 ZIP</strong>。</li>
</ol>
<h3>发票状态</h3>
<ul>
  <li><strong>未付款</strong>：已开具，尚未到期。</li>
  <li><strong>已逾期</strong>：已超过付款截止日期，请尽快付款以免产生滞纳金。</li>
  <li><strong>已付款</strong>：我们已收到款项，状态会在 1 个工作日内更新。</li>
</ul>
<p>看不到发票？只有拥有<em>财务</em>或<em>账户所有者</em>角色的用户才能查看发票。如需发票副本或有付款问题，请提交工单或拨打 <strong>1900 6000</strong>。</p>`,
      },
    },
  },
  {
    key: 'vat-invoice-request',
    category: 'billing-invoices',
    visibility: 'public',
    original: 'zh',
    tags: ['invoice', 'vat', 'billing'],
    translations: {
      zh: {
        title: '如何申请增值税发票？',
        body: `<p>企业客户可以为每一笔已付款的订单申请增值税发票。我们支持增值税普通发票和增值税专用发票，均以电子形式开具。</p>
<h2>申请步骤</h2>
<ol>
  <li>登录 <a href="https://portal.demo.test/invoices">客户门户</a>，打开<strong>发票与付款</strong>。</li>
  <li>找到对应的账单（例如 <code>INV-2026-000042</code>），点击<strong>申请增值税发票</strong>。</li>
  <li>填写开票信息：公司名称、纳税人识别号、注册地址、电话、开户银行及账号。</li>
  <li>提交后，财务部门会在 <strong>3 个工作日</strong>内开具发票，并发送到账户的收票邮箱。</li>
</ol>
<h3>注意事项</h3>
<table>
  <thead>
    <tr><th>发票类型</th><th>适用对象</th><th>开具时间</th></tr>
  </thead>
  <tbody>
    <tr><td>增值税普通发票</td><td>个人及所有企业</td><td>1–2 个工作日</td></tr>
    <tr><td>增值税专用发票</td><td>一般纳税人企业</td><td>3 个工作日</td></tr>
  </tbody>
</table>
<ul>
  <li>请在付款后 <strong>90 天</strong>内申请，逾期将无法补开。</li>
  <li>开票信息一经提交无法修改；如信息有误，需要先作废或冲红后重新开具。</li>
</ul>
<p>如有疑问，请拨打热线 <strong>1900 6000</strong> 转财务部门。</p>`,
      },
      en: {
        title: 'How do I request a VAT invoice?',
        body: `<p>Business customers can request a VAT invoice for every paid order. We issue both standard VAT invoices and special VAT invoices, always in electronic form.</p>
<h2>Steps</h2>
<ol>
  <li>Sign in to the <a href="https://portal.demo.test/invoices">client portal</a> and open <strong>Invoices &amp; payments</strong>.</li>
  <li>Find the bill (for example <code>INV-2026-000042</code>) and click <strong>Request VAT invoice</strong>.</li>
  <li>Enter the invoicing details: company name, tax ID, registered address, phone number, bank and account number.</li>
  <li>Finance issues the invoice within <strong>3 working days</strong> and sends it to the billing e-mail address of the account.</li>
</ol>
<h3>Good to know</h3>
<table>
  <thead>
    <tr><th>Invoice type</th><th>Who can request it</th><th>Issued within</th></tr>
  </thead>
  <tbody>
    <tr><td>Standard VAT invoice</td><td>Individuals and all companies</td><td>1–2 working days</td></tr>
    <tr><td>Special VAT invoice</td><td>VAT-registered general taxpayers</td><td>3 working days</td></tr>
  </tbody>
</table>
<ul>
  <li>Request the invoice within <strong>90 days</strong> of payment; later requests cannot be processed.</li>
  <li>Details cannot be edited after submission. If something is wrong, the invoice must be cancelled and issued again.</li>
</ul>
<p>Questions? Call <strong>1900 6000</strong> and ask for the finance team.</p>`,
      },
    },
  },
  {
    key: 'payment-methods',
    category: 'billing-payments',
    visibility: 'public',
    original: 'en',
    tags: ['payment', 'billing'],
    translations: {
      en: {
        title: 'Which payment methods can I use?',
        body: `<p>You can pay invoices in the client portal or by bank transfer. Always quote the invoice number (for example <code>INV-2026-000042</code>) so that we can match your payment automatically.</p>
<table>
  <thead>
    <tr><th>Method</th><th>Where</th><th>Booked within</th><th>Fee</th></tr>
  </thead>
  <tbody>
    <tr><td>Card (Visa, Mastercard)</td><td>Portal, <strong>Pay now</strong> button</td><td>Immediately</td><td>None</td></tr>
    <tr><td>Bank transfer</td><td>Your online banking</td><td>1–2 working days</td><td>Your bank's fee</td></tr>
    <tr><td>Direct debit</td><td>Portal, <strong>Billing settings</strong></td><td>On the due date</td><td>None</td></tr>
    <tr><td>QR code payment</td><td>QR code printed on the PDF invoice</td><td>Same day</td><td>None</td></tr>
  </tbody>
</table>
<h3>Setting up direct debit</h3>
<ol>
  <li>Open <strong>Billing settings</strong> in the portal.</li>
  <li>Click <strong>Add direct debit mandate</strong> and enter your IBAN or account number.</li>
  <li>The mandate becomes active after the next invoice is issued.</li>
</ol>
<p>We do not accept cash or cheques. Bank details are printed at the bottom of every invoice; we will never ask you to pay to a different account by e-mail. If you receive such a message, forward it to the service desk.</p>`,
      },
      vi: {
        title: 'Tôi có thể thanh toán bằng những hình thức nào?',
        body: `<p>Bạn có thể thanh toán hóa đơn trên cổng khách hàng hoặc bằng chuyển khoản ngân hàng. Luôn ghi số hóa đơn (ví dụ <code>INV-2026-000042</code>) để hệ thống tự động đối soát khoản thanh toán.</p>
<table>
  <thead>
    <tr><th>Hình thức</th><th>Thực hiện ở đâu</th><th>Ghi nhận trong</th><th>Phí</th></tr>
  </thead>
  <tbody>
    <tr><td>Thẻ (Visa, Mastercard)</td><td>Cổng khách hàng, nút <strong>Thanh toán ngay</strong></td><td>Ngay lập tức</td><td>Miễn phí</td></tr>
    <tr><td>Chuyển khoản</td><td>Ngân hàng trực tuyến của bạn</td><td>1–2 ngày làm việc</td><td>Theo phí ngân hàng</td></tr>
    <tr><td>Ghi nợ tự động</td><td>Cổng khách hàng, <strong>Cài đặt thanh toán</strong></td><td>Vào ngày đến hạn</td><td>Miễn phí</td></tr>
    <tr><td>Quét mã QR</td><td>Mã QR in trên hóa đơn PDF</td><td>Trong ngày</td><td>Miễn phí</td></tr>
  </tbody>
</table>
<h3>Đăng ký ghi nợ tự động</h3>
<ol>
  <li>Mở <strong>Cài đặt thanh toán</strong> trên cổng khách hàng.</li>
  <li>Nhấn <strong>Thêm ủy quyền ghi nợ</strong> và nhập số tài khoản ngân hàng.</li>
  <li>Ủy quyền có hiệu lực từ hóa đơn tiếp theo.</li>
</ol>
<p>Chúng tôi không nhận tiền mặt hoặc séc. Thông tin tài khoản được in ở cuối mỗi hóa đơn; chúng tôi không bao giờ yêu cầu bạn chuyển tiền vào tài khoản khác qua e-mail. Nếu nhận được thư như vậy, hãy chuyển tiếp cho bộ phận hỗ trợ.</p>`,
      },
      bg: {
        title: 'С какви методи мога да плащам?',
        body: `<p>Можете да плащате фактурите в клиентския портал или с банков превод. Винаги посочвайте номера на фактурата (например <code>INV-2026-000042</code>), за да разпознаем плащането автоматично.</p>
<table>
  <thead>
    <tr><th>Метод</th><th>Къде</th><th>Осчетоводява се</th><th>Такса</th></tr>
  </thead>
  <tbody>
    <tr><td>Карта (Visa, Mastercard)</td><td>Портал, бутон <strong>Плати сега</strong></td><td>Веднага</td><td>Няма</td></tr>
    <tr><td>Банков превод</td><td>Вашето онлайн банкиране</td><td>1–2 работни дни</td><td>По тарифата на банката ви</td></tr>
    <tr><td>Директен дебит</td><td>Портал, <strong>Настройки за плащане</strong></td><td>На падежа</td><td>Няма</td></tr>
    <tr><td>Плащане с QR код</td><td>QR кодът върху PDF фактурата</td><td>Същия ден</td><td>Няма</td></tr>
  </tbody>
</table>
<h3>Настройване на директен дебит</h3>
<ol>
  <li>Отворете <strong>Настройки за плащане</strong> в портала.</li>
  <li>Натиснете <strong>Добави нареждане за директен дебит</strong> и въведете IBAN.</li>
  <li>Нареждането се активира след издаването на следващата фактура.</li>
</ol>
<p>Не приемаме плащания в брой или с чек. Банковите ни данни са отпечатани в края на всяка фактура; никога няма да ви помолим по имейл да платите по друга сметка. Ако получите такова съобщение, препратете го на поддръжката.</p>`,
      },
      zh: {
        title: '可以使用哪些付款方式？',
        body: `<p>您可以在客户门户中在线支付发票，也可以通过银行转账付款。请务必注明发票号码（例如 <code>INV-2026-000042</code>），以便系统自动核对您的付款。</p>
<table>
  <thead>
    <tr><th>方式</th><th>操作位置</th><th>入账时间</th><th>手续费</th></tr>
  </thead>
  <tbody>
    <tr><td>银行卡（Visa、Mastercard）</td><td>门户中的<strong>立即付款</strong>按钮</td><td>即时</td><td>免费</td></tr>
    <tr><td>银行转账</td><td>您的网上银行</td><td>1–2 个工作日</td><td>按您的银行收费</td></tr>
    <tr><td>自动扣款</td><td>门户中的<strong>账单设置</strong></td><td>到期日当天</td><td>免费</td></tr>
    <tr><td>扫码支付</td><td>PDF 发票上的二维码</td><td>当天</td><td>免费</td></tr>
  </tbody>
</table>
<h3>设置自动扣款</h3>
<ol>
  <li>在门户中打开<strong>账单设置</strong>。</li>
  <li>点击<strong>添加自动扣款授权</strong>，输入您的银行账号。</li>
  <li>授权将从下一张发票开始生效。</li>
</ol>
<p>我们不接受现金或支票。收款账户信息印在每张发票底部；我们绝不会通过电子邮件要求您向其他账户付款。如收到此类邮件，请转发给服务台。</p>`,
      },
    },
  },
  {
    key: 'late-payment',
    category: 'billing-payments',
    visibility: 'public',
    original: 'en',
    tags: ['payment', 'overdue', 'billing'],
    translations: {
      en: {
        title: 'What happens if I pay an invoice late?',
        body: `<p>Invoices are due <strong>14 days</strong> after the issue date unless your contract says otherwise. If we have not received the payment by then, the following steps apply.</p>
<table>
  <thead>
    <tr><th>Days overdue</th><th>What we do</th></tr>
  </thead>
  <tbody>
    <tr><td>1</td><td>Friendly reminder by e-mail to the billing contact.</td></tr>
    <tr><td>10</td><td>Second reminder; a late fee of 0.05% of the amount per day is calculated from the due date.</td></tr>
    <tr><td>30</td><td>Final notice by e-mail and letter; your account manager is informed.</td></tr>
    <tr><td>45</td><td>New orders are put on hold. Existing services keep running.</td></tr>
  </tbody>
</table>
<h3>Need more time?</h3>
<p>Contact us <strong>before</strong> the due date. We can usually agree on a payment plan of up to 3 instalments without any late fee. Open a ticket in the portal with the category <em>Billing</em> and the invoice number, or call <strong>1900 6000</strong>, option 2.</p>
<h3>I have already paid</h3>
<p>Bank transfers can take up to 2 working days to appear. If you paid more than 2 days ago and still receive reminders, reply to the reminder with your payment confirmation and we will correct the status.</p>`,
      },
      vi: {
        title: 'Điều gì xảy ra nếu tôi thanh toán hóa đơn trễ hạn?',
        body: `<p>Hóa đơn đến hạn thanh toán sau <strong>14 ngày</strong> kể từ ngày phát hành, trừ khi hợp đồng của bạn quy định khác. Nếu đến hạn mà chúng tôi chưa nhận được tiền, các bước sau sẽ được áp dụng.</p>
<table>
  <thead>
    <tr><th>Số ngày quá hạn</th><th>Chúng tôi sẽ</th></tr>
  </thead>
  <tbody>
    <tr><td>1</td><td>Gửi e-mail nhắc nhở tới người liên hệ thanh toán.</td></tr>
    <tr><td>10</td><td>Gửi nhắc nhở lần hai; tính phí trễ hạn 0,05% số tiền mỗi ngày kể từ ngày đến hạn.</td></tr>
    <tr><td>30</td><td>Gửi thông báo cuối cùng qua e-mail và thư; thông báo cho người quản lý tài khoản của bạn.</td></tr>
    <tr><td>45</td><td>Tạm dừng xử lý đơn hàng mới. Các dịch vụ hiện tại vẫn hoạt động.</td></tr>
  </tbody>
</table>
<h3>Bạn cần thêm thời gian?</h3>
<p>Hãy liên hệ với chúng tôi <strong>trước</strong> ngày đến hạn. Thông thường chúng tôi có thể thống nhất trả góp tối đa 3 kỳ mà không tính phí trễ hạn. Tạo yêu cầu trên cổng khách hàng với danh mục <em>Thanh toán</em> kèm số hóa đơn, hoặc gọi <strong>1900 6000</strong>, phím 2.</p>
<h3>Tôi đã thanh toán rồi</h3>
<p>Chuyển khoản có thể mất tối đa 2 ngày làm việc để được ghi nhận. Nếu bạn đã thanh toán hơn 2 ngày mà vẫn nhận được nhắc nhở, hãy trả lời e-mail nhắc nhở kèm chứng từ thanh toán để chúng tôi cập nhật trạng thái.</p>`,
      },
    },
  },
  {
    key: 'invoice-by-fax',
    category: 'billing-invoices',
    visibility: 'public',
    status: 'archived',
    original: 'en',
    tags: ['invoice', 'fax'],
    translations: {
      en: {
        title: 'How do I request a copy of an invoice by fax?',
        body: `<blockquote><p><strong>This article is archived.</strong> We stopped sending invoices by fax on 1 January 2026. All invoices are now available in the client portal; see <em>How do I download an e-invoice from the client portal?</em></p></blockquote>
<p>Until the end of 2025, customers could receive a copy of an invoice by fax. The procedure was:</p>
<ol>
  <li>Call the hotline <strong>1900 6000</strong>, option 2 (Billing), between 8:00 and 17:00 on working days.</li>
  <li>Give the invoice number, for example <code>INV-2025-001873</code>, and your fax number including the area code.</li>
  <li>The billing team sent the copy within 1 working day. Each fax copy was marked <em>Copy – not for tax purposes</em>.</li>
</ol>
<p>Fax copies were limited to invoices from the last 24 months. Older invoices had to be requested by post and took up to 10 working days.</p>
<p>If you still rely on paper documents, you can print the PDF invoice from the portal: it is legally equivalent to the original and carries an electronic signature. Your accountant can also be given portal access with the <em>Accountant</em> role so they can download invoices directly.</p>`,
      },
    },
  },
  // ---------------------------------------------------------------------------
  // Tickets & support
  // ---------------------------------------------------------------------------
  {
    key: 'open-ticket-portal',
    category: 'tickets-portal',
    visibility: 'public',
    original: 'en',
    tags: ['ticket', 'portal', 'support'],
    translations: {
      en: {
        title: 'How do I open a ticket in the client portal?',
        body: `<p>A ticket is the fastest way to get help: it goes straight to the right team and you can follow its progress at any time.</p>
<h2>Steps</h2>
<ol>
  <li>Sign in at <a href="https://portal.demo.test/tickets/new">portal.demo.test</a> and click <strong>New ticket</strong>.</li>
  <li>Choose the <strong>component</strong>: <em>Service desk</em> (general questions), <em>Software</em>, <em>Hardware &amp; facilities</em> or <em>Sales desk</em> (offers, orders and contracts).</li>
  <li>Write a short, specific subject, for example “Invoice INV-2026-000042 shows the wrong address”.</li>
  <li>Describe what happened, what you expected and since when. Add error messages word for word.</li>
  <li>Set the <strong>priority</strong>. Use <em>Critical</em> only if work has stopped for several people.</li>
  <li>Attach screenshots or files (up to 10 files, 20 MB each) and click <strong>Submit</strong>.</li>
</ol>
<p>You receive a confirmation e-mail with the ticket number, for example <code>TCK-000123</code>. Reply to that e-mail to add information; your reply is added to the same ticket.</p>
<p>No portal access? Send an e-mail to <code>support@demo.test</code> or call <strong>1900 6000</strong>. The ticket is then created for you.</p>`,
      },
      vi: {
        title: 'Làm thế nào để tạo yêu cầu hỗ trợ trên cổng khách hàng?',
        body: `<p>Tạo yêu cầu (ticket) là cách nhanh nhất để được hỗ trợ: yêu cầu được chuyển thẳng tới đúng bộ phận và bạn có thể theo dõi tiến độ bất cứ lúc nào.</p>
<h2>Các bước thực hiện</h2>
<ol>
  <li>Đăng nhập tại <a href="https://portal.demo.test/tickets/new">portal.demo.test</a> và nhấn <strong>Yêu cầu mới</strong>.</li>
  <li>Chọn <strong>bộ phận</strong>: <em>Service desk</em> (câu hỏi chung), <em>Phần mềm</em>, <em>Phần cứng &amp; cơ sở vật chất</em> hoặc <em>Kinh doanh</em> (báo giá, đơn hàng, hợp đồng).</li>
  <li>Viết tiêu đề ngắn gọn và cụ thể, ví dụ “Hóa đơn INV-2026-000042 ghi sai địa chỉ”.</li>
  <li>Mô tả điều gì đã xảy ra, bạn mong đợi điều gì và từ khi nào. Chép nguyên văn thông báo lỗi.</li>
  <li>Chọn <strong>mức ưu tiên</strong>. Chỉ dùng <em>Khẩn cấp</em> khi nhiều người không thể làm việc.</li>
  <li>Đính kèm ảnh chụp màn hình hoặc tệp (tối đa 10 tệp, mỗi tệp 20 MB) rồi nhấn <strong>Gửi</strong>.</li>
</ol>
<p>Bạn sẽ nhận e-mail xác nhận kèm mã yêu cầu, ví dụ <code>TCK-000123</code>. Trả lời e-mail đó để bổ sung thông tin; nội dung sẽ được thêm vào cùng yêu cầu.</p>
<p>Chưa có tài khoản cổng? Gửi e-mail tới <code>support@demo.test</code> hoặc gọi <strong>1900 6000</strong>, chúng tôi sẽ tạo yêu cầu giúp bạn.</p>`,
      },
      bg: {
        title: 'Как да отворя заявка в клиентския портал?',
        body: `<p>Заявката е най-бързият начин да получите помощ: тя стига директно до правилния екип и можете да следите напредъка по всяко време.</p>
<h2>Стъпки</h2>
<ol>
  <li>Влезте в <a href="https://portal.demo.test/tickets/new">portal.demo.test</a> и натиснете <strong>Нова заявка</strong>.</li>
  <li>Изберете <strong>компонент</strong>: <em>Service desk</em> (общи въпроси), <em>Софтуер</em>, <em>Хардуер и сгради</em> или <em>Търговски отдел</em> (оферти, поръчки и договори).</li>
  <li>Напишете кратка и конкретна тема, например „Фактура INV-2026-000042 е с грешен адрес“.</li>
  <li>Опишете какво се случи, какво очаквахте и от кога. Копирайте съобщенията за грешка дословно.</li>
  <li>Задайте <strong>приоритет</strong>. Използвайте <em>Критичен</em> само ако работата на няколко души е спряла.</li>
  <li>Прикачете екранни снимки или файлове (до 10 файла по 20 MB) и натиснете <strong>Изпрати</strong>.</li>
</ol>
<p>Ще получите имейл с номера на заявката, например <code>TCK-000123</code>. Отговорете на този имейл, за да добавите информация; отговорът ви се добавя към същата заявка.</p>
<p>Нямате достъп до портала? Пишете на <code>support@demo.test</code> или се обадете на <strong>1900 6000</strong> и ние ще създадем заявката вместо вас.</p>`,
      },
      zh: {
        title: '如何在客户门户中提交工单？',
        body: `<p>提交工单是获得帮助最快的方式：工单会直接分配给相应的团队，您也可以随时查看处理进度。</p>
<h2>操作步骤</h2>
<ol>
  <li>登录 <a href="https://portal.demo.test/tickets/new">portal.demo.test</a>，点击<strong>新建工单</strong>。</li>
  <li>选择<strong>组件</strong>：<em>服务台</em>（一般问题）、<em>软件</em>、<em>硬件与设施</em>或<em>销售部</em>（报价、订单和合同）。</li>
  <li>填写简短明确的标题，例如“发票 INV-2026-000042 地址错误”。</li>
  <li>描述发生了什么、您预期的结果以及问题从何时开始。请原样复制错误信息。</li>
  <li>设置<strong>优先级</strong>。只有在多人无法工作时才选择<em>紧急</em>。</li>
  <li>附加截图或文件（最多 10 个，每个不超过 20 MB），然后点击<strong>提交</strong>。</li>
</ol>
<p>您会收到一封包含工单编号（例如 <code>TCK-000123</code>）的确认邮件。直接回复该邮件即可补充信息，回复内容会添加到同一工单中。</p>
<p>没有门户账户？请发送邮件至 <code>support@demo.test</code> 或拨打 <strong>1900 6000</strong>，我们将为您创建工单。</p>`,
      },
    },
  },
  {
    key: 'ticket-statuses-sla',
    category: 'tickets-sla',
    visibility: 'public',
    original: 'en',
    tags: ['ticket', 'sla', 'status'],
    translations: {
      en: {
        title: 'What do the ticket statuses mean and how fast will you respond?',
        body: `<p>Every ticket moves through a few statuses. You see the current status in the portal and receive an e-mail whenever it changes.</p>
<ul>
  <li><strong>New</strong> – received, not yet assigned to an agent.</li>
  <li><strong>Open</strong> – an agent is working on it.</li>
  <li><strong>Waiting for customer</strong> – we need information from you. The SLA clock is paused; after 7 days without a reply the ticket is closed automatically.</li>
  <li><strong>Resolved</strong> – we believe the issue is fixed. Reply within 5 days to reopen it.</li>
  <li><strong>Closed</strong> – final. Open a new ticket and mention the old number if the problem returns.</li>
</ul>
<h2>Response and resolution times</h2>
<table>
  <thead>
    <tr><th>Priority</th><th>First response</th><th>Target resolution</th></tr>
  </thead>
  <tbody>
    <tr><td>Critical</td><td>30 minutes (24/7)</td><td>4 hours</td></tr>
    <tr><td>High</td><td>2 working hours</td><td>1 working day</td></tr>
    <tr><td>Normal</td><td>8 working hours</td><td>3 working days</td></tr>
    <tr><td>Low</td><td>2 working days</td><td>10 working days</td></tr>
  </tbody>
</table>
<p>Working hours are Monday to Friday, 8:00–18:00, excluding public holidays. Times in your contract take precedence over this table. For a critical issue outside working hours, always call <strong>1900 6000</strong> after opening the ticket.</p>`,
      },
      vi: {
        title: 'Các trạng thái yêu cầu có ý nghĩa gì và bao lâu thì được phản hồi?',
        body: `<p>Mỗi yêu cầu hỗ trợ lần lượt đi qua một số trạng thái. Bạn xem trạng thái hiện tại trên cổng khách hàng và nhận e-mail mỗi khi trạng thái thay đổi.</p>
<ul>
  <li><strong>Mới</strong> – đã tiếp nhận, chưa giao cho nhân viên.</li>
  <li><strong>Đang xử lý</strong> – nhân viên đang giải quyết.</li>
  <li><strong>Chờ khách hàng</strong> – chúng tôi cần thêm thông tin từ bạn. Thời gian SLA tạm dừng; sau 7 ngày không phản hồi, yêu cầu sẽ tự động đóng.</li>
  <li><strong>Đã giải quyết</strong> – chúng tôi cho rằng sự cố đã được khắc phục. Trả lời trong vòng 5 ngày để mở lại.</li>
  <li><strong>Đã đóng</strong> – kết thúc. Nếu sự cố tái diễn, hãy tạo yêu cầu mới và ghi mã yêu cầu cũ.</li>
</ul>
<h2>Thời gian phản hồi và xử lý</h2>
<table>
  <thead>
    <tr><th>Mức ưu tiên</th><th>Phản hồi đầu tiên</th><th>Mục tiêu xử lý</th></tr>
  </thead>
  <tbody>
    <tr><td>Khẩn cấp</td><td>30 phút (24/7)</td><td>4 giờ</td></tr>
    <tr><td>Cao</td><td>2 giờ làm việc</td><td>1 ngày làm việc</td></tr>
    <tr><td>Bình thường</td><td>8 giờ làm việc</td><td>3 ngày làm việc</td></tr>
    <tr><td>Thấp</td><td>2 ngày làm việc</td><td>10 ngày làm việc</td></tr>
  </tbody>
</table>
<p>Giờ làm việc: thứ Hai đến thứ Sáu, 8:00–18:00, trừ ngày lễ. Thời gian ghi trong hợp đồng của bạn được ưu tiên áp dụng. Với sự cố khẩn cấp ngoài giờ làm việc, hãy gọi <strong>1900 6000</strong> sau khi tạo yêu cầu.</p>`,
      },
      bg: {
        title: 'Какво означават статусите на заявките и колко бързо отговаряте?',
        body: `<p>Всяка заявка преминава през няколко статуса. Виждате текущия статус в портала и получавате имейл при всяка промяна.</p>
<ul>
  <li><strong>Нова</strong> – получена, още не е възложена на служител.</li>
  <li><strong>Отворена</strong> – служител работи по нея.</li>
  <li><strong>Очаква клиента</strong> – нужна ни е информация от вас. Срокът по SLA спира; след 7 дни без отговор заявката се затваря автоматично.</li>
  <li><strong>Решена</strong> – смятаме, че проблемът е отстранен. Отговорете до 5 дни, за да я отворите отново.</li>
  <li><strong>Затворена</strong> – окончателно. Ако проблемът се повтори, отворете нова заявка и посочете стария номер.</li>
</ul>
<h2>Срокове за отговор и решаване</h2>
<table>
  <thead>
    <tr><th>Приоритет</th><th>Първи отговор</th><th>Целево решаване</th></tr>
  </thead>
  <tbody>
    <tr><td>Критичен</td><td>30 минути (24/7)</td><td>4 часа</td></tr>
    <tr><td>Висок</td><td>2 работни часа</td><td>1 работен ден</td></tr>
    <tr><td>Нормален</td><td>8 работни часа</td><td>3 работни дни</td></tr>
    <tr><td>Нисък</td><td>2 работни дни</td><td>10 работни дни</td></tr>
  </tbody>
</table>
<p>Работно време: понеделник–петък, 8:00–18:00, без официалните празници. Сроковете в договора ви имат предимство пред тази таблица. При критичен проблем извън работно време винаги се обадете на <strong>1900 6000</strong>, след като отворите заявката.</p>`,
      },
      zh: {
        title: '工单状态是什么意思？多久能得到回复？',
        body: `<p>每个工单都会经历几个状态。您可以在门户中查看当前状态，状态每次变化时都会收到邮件通知。</p>
<ul>
  <li><strong>新建</strong>：已收到，尚未分配给客服人员。</li>
  <li><strong>处理中</strong>：客服人员正在处理。</li>
  <li><strong>等待客户</strong>：我们需要您提供更多信息。此时 SLA 计时暂停；7 天内未回复，工单将自动关闭。</li>
  <li><strong>已解决</strong>：我们认为问题已经解决。5 天内回复即可重新打开。</li>
  <li><strong>已关闭</strong>：最终状态。如问题再次出现，请新建工单并注明原工单编号。</li>
</ul>
<h2>响应与解决时间</h2>
<table>
  <thead>
    <tr><th>优先级</th><th>首次响应</th><th>目标解决时间</th></tr>
  </thead>
  <tbody>
    <tr><td>紧急</td><td>30 分钟（全天候）</td><td>4 小时</td></tr>
    <tr><td>高</td><td>2 个工作小时</td><td>1 个工作日</td></tr>
    <tr><td>普通</td><td>8 个工作小时</td><td>3 个工作日</td></tr>
    <tr><td>低</td><td>2 个工作日</td><td>10 个工作日</td></tr>
  </tbody>
</table>
<p>工作时间为周一至周五 8:00–18:00（法定节假日除外）。如合同另有约定，以合同为准。非工作时间遇到紧急问题，请在提交工单后拨打 <strong>1900 6000</strong>。</p>`,
      },
    },
  },
  {
    key: 'attach-screenshot',
    category: 'tickets-portal',
    visibility: 'public',
    original: 'en',
    tags: ['ticket', 'screenshot', 'attachment'],
    translations: {
      en: {
        title: 'How do I take a screenshot and attach it to a ticket?',
        body: `<p>A screenshot often saves a whole round of questions. Make sure the error message and, if possible, the date and time are visible.</p>
<h2>Taking a screenshot</h2>
<table>
  <thead>
    <tr><th>Device</th><th>Shortcut</th><th>Where the file goes</th></tr>
  </thead>
  <tbody>
    <tr><td>Windows 10/11</td><td><code>Win + Shift + S</code>, then select an area</td><td>Clipboard (paste with <code>Ctrl + V</code>)</td></tr>
    <tr><td>macOS</td><td><code>Cmd + Shift + 4</code></td><td>Desktop</td></tr>
    <tr><td>Android</td><td>Power + Volume down</td><td>Gallery &gt; Screenshots</td></tr>
    <tr><td>iPhone</td><td>Side button + Volume up</td><td>Photos</td></tr>
  </tbody>
</table>
<h2>Attaching it</h2>
<ol>
  <li>Open the ticket in the portal, for example <code>TCK-000123</code>.</li>
  <li>Paste the image directly into the comment box with <code>Ctrl + V</code>, or drag the file onto the <strong>Attachments</strong> area.</li>
  <li>Click <strong>Send</strong>. Allowed formats: PNG, JPG, PDF, TXT, LOG and ZIP, up to 20 MB per file.</li>
</ol>
<p><strong>Privacy:</strong> before sending, cover passwords, card numbers and personal data of other people. Replying to a ticket e-mail with the image attached works too.</p>`,
      },
      zh: {
        title: '如何截图并附加到工单中？',
        body: `<p>一张截图往往可以省去好几轮沟通。请确保截图中能看到错误信息，最好也能看到日期和时间。</p>
<h2>如何截图</h2>
<table>
  <thead>
    <tr><th>设备</th><th>快捷键</th><th>文件保存位置</th></tr>
  </thead>
  <tbody>
    <tr><td>Windows 10/11</td><td><code>Win + Shift + S</code>，然后框选区域</td><td>剪贴板（用 <code>Ctrl + V</code> 粘贴）</td></tr>
    <tr><td>macOS</td><td><code>Cmd + Shift + 4</code></td><td>桌面</td></tr>
    <tr><td>安卓手机</td><td>电源键 + 音量减键</td><td>相册 &gt; 截屏</td></tr>
    <tr><td>iPhone</td><td>侧边按钮 + 音量加键</td><td>照片</td></tr>
  </tbody>
</table>
<h2>附加到工单</h2>
<ol>
  <li>在门户中打开工单，例如 <code>TCK-000123</code>。</li>
  <li>用 <code>Ctrl + V</code> 将图片直接粘贴到评论框，或将文件拖到<strong>附件</strong>区域。</li>
  <li>点击<strong>发送</strong>。支持的格式：PNG、JPG、PDF、TXT、LOG 和 ZIP，每个文件不超过 20 MB。</li>
</ol>
<p><strong>隐私提示：</strong>发送前请遮盖密码、银行卡号以及他人的个人信息。您也可以直接回复工单邮件并附上图片。</p>`,
      },
    },
  },
  {
    key: 'draft-new-portal',
    category: 'tickets-portal',
    visibility: 'public',
    status: 'draft',
    original: 'en',
    tags: ['portal', 'release'],
    translations: {
      en: {
        title: 'What is new in the redesigned client portal?',
        body: `<p><em>Draft – to be published together with the portal release. Dates and screenshots still to be confirmed by the Software team.</em></p>
<p>We are rolling out a redesigned client portal at <a href="https://portal.demo.test">portal.demo.test</a>. Your login, tickets, invoices and documents stay exactly where they are; only the layout changes.</p>
<h2>What changes</h2>
<ul>
  <li><strong>One start page</strong> with your open tickets, unpaid invoices and recent orders.</li>
  <li><strong>Search everywhere</strong>: type a ticket number such as <code>TCK-000123</code>, an invoice number or a word from this help centre.</li>
  <li><strong>Help centre in four languages</strong>: English, Vietnamese, Bulgarian and Chinese. Articles that are not yet translated are shown in English.</li>
  <li><strong>Mobile-friendly</strong> ticket forms with photo upload from your phone.</li>
</ul>
<h2>Timeline</h2>
<ol>
  <li>Preview for selected customers – planned for Q1 2027.</li>
  <li>New portal becomes the default; the old one stays available via a link for 60 days.</li>
  <li>Old portal switched off.</li>
</ol>
<p>Bookmarks to individual tickets and invoices keep working and are redirected automatically.</p>`,
      },
    },
  },
  // ---------------------------------------------------------------------------
  // Products & orders
  // ---------------------------------------------------------------------------
  {
    key: 'delivery-times',
    category: 'orders-delivery',
    visibility: 'public',
    original: 'bg',
    tags: ['delivery', 'orders', 'shipping'],
    translations: {
      bg: {
        title: 'Колко време отнема доставката на поръчка?',
        body: `<p>Срокът за доставка зависи от наличността на продукта и от адреса. Точната прогнозна дата виждате в потвърждението на поръчката и в портала под <strong>Поръчки</strong>.</p>
<table>
  <thead>
    <tr><th>Вид доставка</th><th>Срок</th><th>Цена</th></tr>
  </thead>
  <tbody>
    <tr><td>Стандартна, продукт в наличност</td><td>2–3 работни дни</td><td>Безплатна над 200 €</td></tr>
    <tr><td>Експресна (поръчка до 12:00)</td><td>Следващия работен ден</td><td>15 €</td></tr>
    <tr><td>Продукт по поръчка</td><td>10–15 работни дни</td><td>Безплатна</td></tr>
    <tr><td>Доставка и монтаж на оборудване</td><td>По уговорка, до 20 работни дни</td><td>По оферта</td></tr>
  </tbody>
</table>
<h3>Проследяване</h3>
<p>Когато пратката тръгне, получавате имейл с номер за проследяване. Статусът се вижда и в портала. Куриерът се обажда около 30 минути преди пристигане.</p>
<h3>Закъсняла пратка</h3>
<p>Ако пратката не е пристигнала 2 работни дни след прогнозната дата, отворете заявка към <em>Sales desk</em> с номера на поръчката. Ще проверим при куриера и ще ви отговорим до един работен ден.</p>`,
      },
      en: {
        title: 'How long does delivery of an order take?',
        body: `<p>The delivery time depends on stock and on the delivery address. You find the exact estimated date in the order confirmation and in the portal under <strong>Orders</strong>.</p>
<table>
  <thead>
    <tr><th>Delivery type</th><th>Time</th><th>Price</th></tr>
  </thead>
  <tbody>
    <tr><td>Standard, item in stock</td><td>2–3 working days</td><td>Free over €200</td></tr>
    <tr><td>Express (order by 12:00)</td><td>Next working day</td><td>€15</td></tr>
    <tr><td>Made-to-order item</td><td>10–15 working days</td><td>Free</td></tr>
    <tr><td>Equipment delivery and installation</td><td>By appointment, within 20 working days</td><td>As quoted</td></tr>
  </tbody>
</table>
<h3>Tracking</h3>
<p>When the parcel leaves our warehouse you receive an e-mail with a tracking number. The status is also shown in the portal. The courier calls about 30 minutes before arrival.</p>
<h3>Late parcel</h3>
<p>If the parcel has not arrived 2 working days after the estimated date, open a ticket for the <em>Sales desk</em> with your order number. We check with the courier and reply within one working day.</p>`,
      },
      vi: {
        title: 'Đơn hàng được giao trong bao lâu?',
        body: `<p>Thời gian giao hàng phụ thuộc vào tình trạng tồn kho và địa chỉ nhận hàng. Ngày giao dự kiến chính xác được ghi trong xác nhận đơn hàng và trên cổng khách hàng, mục <strong>Đơn hàng</strong>.</p>
<table>
  <thead>
    <tr><th>Hình thức giao hàng</th><th>Thời gian</th><th>Phí</th></tr>
  </thead>
  <tbody>
    <tr><td>Tiêu chuẩn, hàng có sẵn</td><td>2–3 ngày làm việc</td><td>Miễn phí cho đơn trên 200 €</td></tr>
    <tr><td>Hỏa tốc (đặt trước 12:00)</td><td>Ngày làm việc tiếp theo</td><td>15 €</td></tr>
    <tr><td>Hàng đặt theo yêu cầu</td><td>10–15 ngày làm việc</td><td>Miễn phí</td></tr>
    <tr><td>Giao và lắp đặt thiết bị</td><td>Theo lịch hẹn, tối đa 20 ngày làm việc</td><td>Theo báo giá</td></tr>
  </tbody>
</table>
<h3>Theo dõi đơn hàng</h3>
<p>Khi hàng rời kho, bạn nhận được e-mail kèm mã vận đơn. Trạng thái cũng hiển thị trên cổng khách hàng. Nhân viên giao hàng sẽ gọi cho bạn khoảng 30 phút trước khi đến.</p>
<h3>Hàng giao trễ</h3>
<p>Nếu sau 2 ngày làm việc kể từ ngày dự kiến mà bạn vẫn chưa nhận được hàng, hãy tạo yêu cầu gửi <em>Sales desk</em> kèm mã đơn hàng. Chúng tôi sẽ kiểm tra với đơn vị vận chuyển và phản hồi trong một ngày làm việc.</p>`,
      },
      zh: {
        title: '订单多久能送达？',
        body: `<p>配送时间取决于库存情况和收货地址。确切的预计送达日期请查看订单确认邮件，或在门户的<strong>订单</strong>页面中查看。</p>
<table>
  <thead>
    <tr><th>配送方式</th><th>时间</th><th>费用</th></tr>
  </thead>
  <tbody>
    <tr><td>标准配送（现货）</td><td>2–3 个工作日</td><td>满 200 欧元免运费</td></tr>
    <tr><td>加急配送（12:00 前下单）</td><td>下一个工作日</td><td>15 欧元</td></tr>
    <tr><td>定制商品</td><td>10–15 个工作日</td><td>免费</td></tr>
    <tr><td>设备配送及安装</td><td>预约，20 个工作日内</td><td>按报价</td></tr>
  </tbody>
</table>
<h3>物流跟踪</h3>
<p>包裹出库后，您会收到一封包含运单号的邮件，也可以在门户中查看状态。快递员会在到达前约 30 分钟致电联系您。</p>
<h3>包裹延误</h3>
<p>如果在预计日期后 2 个工作日仍未收到包裹，请向<em>销售部</em>提交工单并注明订单号。我们会向快递公司核实，并在一个工作日内回复您。</p>`,
      },
    },
  },
  {
    key: 'warranty-and-returns',
    category: 'orders-returns',
    visibility: 'public',
    original: 'en',
    tags: ['warranty', 'returns', 'orders'],
    translations: {
      en: {
        title: 'How do I return a product or make a warranty claim?',
        body: `<p>You can return unused products within <strong>14 days</strong> of delivery without giving a reason. Hardware comes with a <strong>24-month warranty</strong> (12 months for consumables such as batteries and toner).</p>
<h2>Return or claim in four steps</h2>
<ol>
  <li>In the portal open <strong>Orders</strong>, select the order and click <strong>Return or claim</strong>.</li>
  <li>Choose the items and the reason. For a warranty claim, describe the fault and add a photo or the serial number.</li>
  <li>Print the prepaid return label we send you by e-mail and pack the item, ideally in its original box.</li>
  <li>Hand the parcel to the courier or book a free pick-up for items over 10 kg.</li>
</ol>
<h3>What happens next</h3>
<ul>
  <li><strong>Returns:</strong> we refund the purchase price to the original payment method within 10 working days after the item arrives.</li>
  <li><strong>Warranty:</strong> we repair or replace the item within 15 working days. If this is not possible, you receive a refund or a credit note.</li>
</ul>
<p>Not covered: damage caused by falls, liquids, unauthorised repairs or normal wear. Software licences cannot be returned once activated.</p>`,
      },
      bg: {
        title: 'Как да върна продукт или да предявя гаранционна рекламация?',
        body: `<p>Можете да върнете неизползвани продукти до <strong>14 дни</strong> след доставката, без да посочвате причина. Хардуерът е с <strong>24 месеца гаранция</strong> (12 месеца за консумативи като батерии и тонер).</p>
<h2>Връщане или рекламация в четири стъпки</h2>
<ol>
  <li>В портала отворете <strong>Поръчки</strong>, изберете поръчката и натиснете <strong>Връщане или рекламация</strong>.</li>
  <li>Изберете артикулите и причината. При рекламация опишете дефекта и добавете снимка или серийния номер.</li>
  <li>Разпечатайте предплатения етикет, който ви изпращаме по имейл, и опаковайте артикула, по възможност в оригиналната кутия.</li>
  <li>Предайте пратката на куриер или заявете безплатно вземане за артикули над 10 кг.</li>
</ol>
<h3>Какво следва</h3>
<ul>
  <li><strong>Връщане:</strong> възстановяваме сумата по първоначалния метод на плащане до 10 работни дни след получаване на артикула.</li>
  <li><strong>Гаранция:</strong> ремонтираме или заменяме артикула до 15 работни дни. Ако това не е възможно, получавате възстановяване на сумата или кредитно известие.</li>
</ul>
<p>Не се покриват: повреди от падане, течности, неоторизиран ремонт или нормално износване. Софтуерните лицензи не могат да бъдат върнати след активиране.</p>`,
      },
    },
  },
  {
    key: 'change-delivery-address',
    category: 'orders-delivery',
    visibility: 'public',
    original: 'vi',
    tags: ['delivery', 'address', 'orders'],
    translations: {
      vi: {
        title: 'Làm sao để thay đổi địa chỉ giao hàng sau khi đã đặt hàng?',
        body: `<p>Bạn có thể thay đổi địa chỉ giao hàng miễn là đơn hàng <strong>chưa rời kho</strong>. Thông thường, đơn hàng có sẵn được đóng gói trong vòng 4 giờ làm việc sau khi đặt, vì vậy hãy thực hiện càng sớm càng tốt.</p>
<h2>Các bước thực hiện</h2>
<ol>
  <li>Đăng nhập <a href="https://portal.demo.test/orders">cổng khách hàng</a> và mở mục <strong>Đơn hàng</strong>.</li>
  <li>Chọn đơn hàng có trạng thái <em>Đã xác nhận</em> hoặc <em>Đang chuẩn bị</em>.</li>
  <li>Nhấn <strong>Sửa địa chỉ giao hàng</strong>, nhập địa chỉ mới, số điện thoại người nhận và nhấn <strong>Lưu</strong>.</li>
  <li>Bạn sẽ nhận e-mail xác nhận kèm ngày giao dự kiến mới.</li>
</ol>
<h3>Đơn hàng đã được gửi đi</h3>
<ul>
  <li>Nếu trạng thái là <em>Đang vận chuyển</em>, nút sửa địa chỉ sẽ không còn hiển thị.</li>
  <li>Hãy tạo yêu cầu gửi <strong>Sales desk</strong> hoặc gọi <strong>1900 6000</strong>, phím 3. Chúng tôi sẽ đề nghị đơn vị vận chuyển chuyển hướng; việc này có thể mất thêm 1–2 ngày và phát sinh phí 50.000 đ.</li>
  <li>Không thể đổi địa chỉ sang tỉnh/thành phố khác khi hàng đã ở trên xe giao.</li>
</ul>
<p>Lưu ý: địa chỉ giao hàng không làm thay đổi địa chỉ ghi trên hóa đơn. Để sửa thông tin xuất hóa đơn, vui lòng liên hệ bộ phận kế toán.</p>`,
      },
    },
  },
  {
    key: 'cancel-order',
    category: 'orders',
    visibility: 'public',
    original: 'zh',
    tags: ['orders', 'cancellation'],
    translations: {
      zh: {
        title: '如何取消订单？',
        body: `<p>订单在发货之前都可以免费取消。取消后，款项将在 <strong>5–10 个工作日</strong>内原路退回。</p>
<h2>在门户中取消</h2>
<ol>
  <li>登录 <a href="https://portal.demo.test/orders">客户门户</a>，打开<strong>订单</strong>页面。</li>
  <li>找到状态为<em>已确认</em>或<em>备货中</em>的订单，点击<strong>取消订单</strong>。</li>
  <li>选择取消原因（可选），然后点击<strong>确认取消</strong>。</li>
  <li>您会收到一封取消确认邮件。如已开具发票，我们会自动开具红字发票或贷项通知单。</li>
</ol>
<h3>不同状态下的处理方式</h3>
<table>
  <thead>
    <tr><th>订单状态</th><th>能否取消</th><th>费用</th></tr>
  </thead>
  <tbody>
    <tr><td>已确认 / 备货中</td><td>可以，在门户中直接取消</td><td>免费</td></tr>
    <tr><td>已发货</td><td>不能取消，请在收货后申请退货</td><td>免费（14 天内）</td></tr>
    <tr><td>定制商品</td><td>需联系销售部</td><td>可能收取订单金额的 20%</td></tr>
  </tbody>
</table>
<p>如需帮助，请向<em>销售部</em>提交工单并注明订单号，或拨打热线 <strong>1900 6000</strong> 按 3。</p>`,
      },
    },
  },
  // ---------------------------------------------------------------------------
  // Equipment & facilities
  // ---------------------------------------------------------------------------
  {
    key: 'report-broken-equipment',
    category: 'equipment-it',
    visibility: 'public',
    original: 'en',
    tags: ['hardware', 'repair', 'ticket'],
    translations: {
      en: {
        title: 'How do I report broken or faulty equipment?',
        body: `<p>Report any equipment fault – a laptop that will not start, a broken monitor, a dead phone or a faulty card reader – as a ticket for the <strong>Hardware &amp; facilities</strong> component.</p>
<h2>Before you report</h2>
<ul>
  <li>Restart the device and check the power cable, network cable and battery.</li>
  <li>Note the <strong>asset tag</strong> (the sticker starting with <code>HW-</code>) or the serial number.</li>
  <li>If there is smoke, a burning smell or liquid damage, unplug the device at once and do not use it.</li>
</ul>
<h2>Reporting</h2>
<ol>
  <li>In the portal click <strong>New ticket</strong> and choose <em>Hardware &amp; facilities</em>.</li>
  <li>Enter the asset tag, the location (building, floor, room) and what exactly does not work.</li>
  <li>Attach a photo if the damage is visible.</li>
  <li>Say whether you have a replacement device. Without one we treat the ticket as <em>High</em> priority.</li>
</ol>
<p>A technician contacts you within 1 working day. If the repair takes more than 2 days, we provide a loan device. Damage caused by accidents is repaired too, but may be charged according to your contract.</p>`,
      },
      vi: {
        title: 'Làm thế nào để báo thiết bị bị hỏng?',
        body: `<p>Mọi sự cố thiết bị – máy tính xách tay không khởi động, màn hình vỡ, điện thoại không hoạt động hoặc đầu đọc thẻ bị lỗi – hãy tạo yêu cầu cho bộ phận <strong>Phần cứng &amp; cơ sở vật chất</strong>.</p>
<h2>Trước khi báo hỏng</h2>
<ul>
  <li>Khởi động lại thiết bị và kiểm tra dây nguồn, dây mạng và pin.</li>
  <li>Ghi lại <strong>mã tài sản</strong> (nhãn dán bắt đầu bằng <code>HW-</code>) hoặc số sê-ri.</li>
  <li>Nếu thấy khói, mùi khét hoặc thiết bị bị dính nước, hãy rút điện ngay và không tiếp tục sử dụng.</li>
</ul>
<h2>Cách báo hỏng</h2>
<ol>
  <li>Trên cổng khách hàng, nhấn <strong>Yêu cầu mới</strong> và chọn <em>Phần cứng &amp; cơ sở vật chất</em>.</li>
  <li>Nhập mã tài sản, vị trí (tòa nhà, tầng, phòng) và mô tả chính xác bộ phận không hoạt động.</li>
  <li>Đính kèm ảnh nếu hư hỏng có thể nhìn thấy.</li>
  <li>Cho biết bạn có thiết bị thay thế hay không. Nếu không có, yêu cầu được xếp mức ưu tiên <em>Cao</em>.</li>
</ol>
<p>Kỹ thuật viên sẽ liên hệ với bạn trong vòng 1 ngày làm việc. Nếu sửa chữa mất hơn 2 ngày, chúng tôi cho mượn thiết bị tạm thời. Hư hỏng do tai nạn vẫn được sửa nhưng có thể tính phí theo hợp đồng.</p>`,
      },
      bg: {
        title: 'Как да съобщя за повредено оборудване?',
        body: `<p>Съобщавайте за всяка повреда на оборудване – лаптоп, който не стартира, счупен монитор, неработещ телефон или дефектен четец за карти – със заявка към компонента <strong>Хардуер и сгради</strong>.</p>
<h2>Преди да съобщите</h2>
<ul>
  <li>Рестартирайте устройството и проверете захранващия кабел, мрежовия кабел и батерията.</li>
  <li>Запишете <strong>инвентарния номер</strong> (стикерът, започващ с <code>HW-</code>) или серийния номер.</li>
  <li>При дим, миризма на изгоряло или разлята течност веднага изключете устройството от тока и не го използвайте.</li>
</ul>
<h2>Подаване на заявка</h2>
<ol>
  <li>В портала натиснете <strong>Нова заявка</strong> и изберете <em>Хардуер и сгради</em>.</li>
  <li>Въведете инвентарния номер, местоположението (сграда, етаж, стая) и какво точно не работи.</li>
  <li>Прикачете снимка, ако повредата е видима.</li>
  <li>Посочете дали имате резервно устройство. Ако нямате, заявката получава приоритет <em>Висок</em>.</li>
</ol>
<p>Техник ще се свърже с вас до 1 работен ден. Ако ремонтът отнеме повече от 2 дни, осигуряваме заместващо устройство. Повреди от инциденти също се ремонтират, но може да бъдат таксувани според договора.</p>`,
      },
      zh: {
        title: '如何报修损坏的设备？',
        body: `<p>任何设备故障——笔记本电脑无法开机、显示器损坏、电话无法使用或读卡器故障——请向<strong>硬件与设施</strong>组件提交工单。</p>
<h2>报修前请先检查</h2>
<ul>
  <li>重新启动设备，检查电源线、网线和电池。</li>
  <li>记下<strong>资产编号</strong>（以 <code>HW-</code> 开头的标签）或序列号。</li>
  <li>如出现冒烟、焦味或进液，请立即断开电源，停止使用。</li>
</ul>
<h2>报修步骤</h2>
<ol>
  <li>在门户中点击<strong>新建工单</strong>，选择<em>硬件与设施</em>。</li>
  <li>填写资产编号、位置（楼栋、楼层、房间）以及具体故障现象。</li>
  <li>如损坏部位可见，请附上照片。</li>
  <li>说明您是否有备用设备。如果没有，工单将按<em>高</em>优先级处理。</li>
</ol>
<p>技术人员会在 1 个工作日内与您联系。如维修时间超过 2 天，我们将提供备用设备。意外造成的损坏同样可以维修，但可能根据合同收取费用。</p>`,
      },
    },
  },
  {
    key: 'office-access-card',
    category: 'equipment-office',
    visibility: 'public',
    original: 'bg',
    tags: ['access-card', 'office', 'security'],
    translations: {
      bg: {
        title: 'Какво да направя, ако съм загубил картата си за достъп до офиса?',
        body: `<p>Картата за достъп отваря входа на сградата, асансьорите и етажите, до които имате право. Загубена карта е риск за сигурността, затова я блокирайте <strong>веднага</strong>.</p>
<h2>Загубена или открадната карта</h2>
<ol>
  <li>Обадете се на <strong>1900 6000</strong>, опция 4 (денонощно), или на рецепцията в сградата. Картата се блокира до 15 минути.</li>
  <li>Отворете заявка към <em>Хардуер и сгради</em> с тема „Нова карта за достъп“ и посочете номера на блокираната карта, ако го знаете.</li>
  <li>Вземете новата карта от рецепцията срещу документ за самоличност. Обикновено е готова на следващия работен ден.</li>
</ol>
<h3>Временен достъп</h3>
<p>До получаване на новата карта рецепцията издава <strong>дневен пропуск</strong>, валиден от 7:00 до 20:00.</p>
<h3>Такси</h3>
<ul>
  <li>Първа подмяна за годината – безплатна.</li>
  <li>Всяка следваща – 10 €, фактурирани на фирмата.</li>
  <li>Повредена карта (не работи, пукната) – подменя се безплатно срещу старата карта.</li>
</ul>
<p>Ако намерите загубената карта след блокирането, върнете я на рецепцията – тя не може да бъде активирана отново.</p>`,
      },
      en: {
        title: 'What should I do if I have lost my office access card?',
        body: `<p>Your access card opens the building entrance, the lifts and the floors you are allowed to enter. A lost card is a security risk, so have it blocked <strong>straight away</strong>.</p>
<h2>Lost or stolen card</h2>
<ol>
  <li>Call <strong>1900 6000</strong>, option 4 (24/7), or the reception desk in the building. The card is blocked within 15 minutes.</li>
  <li>Open a ticket for <em>Hardware &amp; facilities</em> with the subject “New access card” and give the number of the blocked card if you know it.</li>
  <li>Collect the new card at reception on presentation of an ID document. It is usually ready the next working day.</li>
</ol>
<h3>Temporary access</h3>
<p>Until the new card is ready, reception issues a <strong>day pass</strong> valid from 7:00 to 20:00.</p>
<h3>Fees</h3>
<ul>
  <li>First replacement in a calendar year – free.</li>
  <li>Each further replacement – €10, invoiced to your company.</li>
  <li>Damaged card (not working, cracked) – replaced free of charge in exchange for the old card.</li>
</ul>
<p>If you find the lost card after it has been blocked, hand it in at reception – it cannot be reactivated.</p>`,
      },
    },
  },
  {
    key: 'printer-not-printing',
    category: 'equipment-office',
    visibility: 'public',
    original: 'vi',
    tags: ['printer', 'hardware', 'troubleshooting'],
    translations: {
      vi: {
        title: 'Máy in văn phòng không in được, tôi phải làm gì?',
        body: `<p>Phần lớn sự cố máy in có thể tự khắc phục trong vài phút. Hãy thử lần lượt các bước dưới đây trước khi tạo yêu cầu hỗ trợ.</p>
<h2>Kiểm tra nhanh</h2>
<ol>
  <li>Xem màn hình của máy in: nếu báo <em>Hết giấy</em>, <em>Kẹt giấy</em> hoặc <em>Hết mực</em>, hãy xử lý theo hướng dẫn trên màn hình.</li>
  <li>Kiểm tra bạn đã chọn đúng máy in. Tên máy in có dạng <code>PRN-T3-01</code> (tầng 3, máy số 1).</li>
  <li>Mở hàng đợi in trên máy tính, xóa các lệnh in bị treo rồi in lại.</li>
  <li>Với máy in dùng thẻ, hãy quẹt thẻ ra vào tại máy in trong vòng <strong>24 giờ</strong>; sau thời gian này lệnh in sẽ tự động bị xóa.</li>
  <li>Khởi động lại máy tính. Không tự ý tắt máy in chung khi đang có người khác in.</li>
</ol>
<h2>Khi nào cần báo hỗ trợ</h2>
<ul>
  <li>Máy in báo lỗi có mã (ví dụ <code>E-502</code>) hoặc phát ra tiếng kêu lạ.</li>
  <li>Kẹt giấy bên trong mà không lấy ra được.</li>
  <li>Bản in bị sọc, mờ dù đã thay mực.</li>
</ul>
<p>Tạo yêu cầu cho bộ phận <strong>Phần cứng &amp; cơ sở vật chất</strong>, ghi tên máy in và mã lỗi, kèm ảnh chụp màn hình máy in. Hộp mực dự phòng được để ở tủ cạnh máy in mỗi tầng.</p>`,
      },
    },
  },
  {
    key: 'book-meeting-room',
    category: 'equipment-office',
    visibility: 'public',
    original: 'bg',
    tags: ['meeting-room', 'office', 'booking'],
    translations: {
      bg: {
        title: 'Как да резервирам заседателна зала?',
        body: `<p>Заседателните зали се резервират през календара в портала. Резервацията е безплатна за всички служители и за клиенти с договор за офис услуги.</p>
<h2>Стъпки</h2>
<ol>
  <li>Отворете <a href="https://portal.demo.test/rooms">portal.demo.test/rooms</a>.</li>
  <li>Изберете сграда, дата и брой участници. Системата показва само свободните зали с подходящ капацитет.</li>
  <li>Изберете зала и час и натиснете <strong>Резервирай</strong>. Получавате покана в календара си.</li>
  <li>Ако имате нужда от кетъринг или техника, отбележете го в полето <em>Допълнителни изисквания</em> поне 24 часа предварително.</li>
</ol>
<table>
  <thead>
    <tr><th>Зала</th><th>Места</th><th>Оборудване</th></tr>
  </thead>
  <tbody>
    <tr><td>Витоша (ет. 2)</td><td>4</td><td>Екран, уебкамера</td></tr>
    <tr><td>Рила (ет. 3)</td><td>10</td><td>Проектор, система за видеоконференции</td></tr>
    <tr><td>Пирин (ет. 5)</td><td>24</td><td>Два проектора, микрофони</td></tr>
  </tbody>
</table>
<h3>Правила</h3>
<ul>
  <li>Една резервация е най-много 4 часа.</li>
  <li>Ако не се явите до 15 минути след началото, залата се освобождава автоматично.</li>
  <li>Моля, оставете залата подредена и изключете техниката.</li>
</ul>
<p>Проблем с техниката в залата? Отворете заявка към <em>Хардуер и сгради</em>.</p>`,
      },
    },
  },
  // ---------------------------------------------------------------------------
  // Internal procedures for staff
  // ---------------------------------------------------------------------------
  {
    key: 'refund-approval-limits',
    category: 'internal-escalation',
    visibility: 'internal',
    original: 'en',
    tags: ['refund', 'approval', 'billing'],
    translations: {
      en: {
        title: 'Refund approval limits: who can approve what?',
        body: `<p>Every refund, credit note or goodwill discount must be approved by someone whose limit covers the <strong>total amount including VAT</strong>. Splitting one refund into several smaller ones to stay under a limit is not allowed.</p>
<table>
  <thead>
    <tr><th>Role</th><th>Limit per case</th><th>Conditions</th></tr>
  </thead>
  <tbody>
    <tr><td>Service desk agent</td><td>up to €100</td><td>Linked ticket; max. one goodwill refund per customer in 30 days</td></tr>
    <tr><td>Team lead</td><td>up to €1,000</td><td>Reason documented in the ticket</td></tr>
    <tr><td>Billing specialist</td><td>up to €2,500</td><td>Invoice checked, payment confirmed as received</td></tr>
    <tr><td>Head of customer service</td><td>up to €10,000</td><td>Account manager informed</td></tr>
    <tr><td>Finance director</td><td>above €10,000</td><td>Second signature by the managing director</td></tr>
  </tbody>
</table>
<h2>Procedure</h2>
<ol>
  <li>Record the invoice number (e.g. <code>INV-2026-000042</code>), amount and reason in the ticket.</li>
  <li>If the amount is above your limit, set the ticket to <em>Awaiting approval</em> and assign the approver.</li>
  <li>The approver replies in the ticket with <strong>Approved</strong> or <strong>Rejected</strong> within 2 working days.</li>
  <li>Billing issues the credit note; the refund is paid within 10 working days.</li>
</ol>
<p>Never promise a customer a refund before it is approved. Say: “I will pass this to the person who can approve it and you will hear from us within two working days.”</p>`,
      },
      vi: {
        title: 'Hạn mức phê duyệt hoàn tiền: ai được duyệt bao nhiêu?',
        body: `<p>Mọi khoản hoàn tiền, giấy báo có hoặc chiết khấu thiện chí đều phải được người có hạn mức bao trùm <strong>tổng số tiền đã gồm VAT</strong> phê duyệt. Không được chia một khoản hoàn tiền thành nhiều khoản nhỏ để nằm dưới hạn mức.</p>
<table>
  <thead>
    <tr><th>Vai trò</th><th>Hạn mức mỗi trường hợp</th><th>Điều kiện</th></tr>
  </thead>
  <tbody>
    <tr><td>Nhân viên service desk</td><td>đến 100 €</td><td>Có yêu cầu liên kết; tối đa một lần mỗi khách hàng trong 30 ngày</td></tr>
    <tr><td>Trưởng nhóm</td><td>đến 1.000 €</td><td>Ghi rõ lý do trong yêu cầu</td></tr>
    <tr><td>Chuyên viên kế toán</td><td>đến 2.500 €</td><td>Đã kiểm tra hóa đơn và xác nhận đã nhận tiền</td></tr>
    <tr><td>Trưởng phòng chăm sóc khách hàng</td><td>đến 10.000 €</td><td>Đã thông báo cho người quản lý tài khoản</td></tr>
    <tr><td>Giám đốc tài chính</td><td>trên 10.000 €</td><td>Cần chữ ký của tổng giám đốc</td></tr>
  </tbody>
</table>
<h2>Quy trình</h2>
<ol>
  <li>Ghi số hóa đơn (ví dụ <code>INV-2026-000042</code>), số tiền và lý do vào yêu cầu.</li>
  <li>Nếu số tiền vượt hạn mức của bạn, chuyển yêu cầu sang trạng thái <em>Chờ phê duyệt</em> và giao cho người phê duyệt.</li>
  <li>Người phê duyệt trả lời <strong>Đồng ý</strong> hoặc <strong>Từ chối</strong> trong vòng 2 ngày làm việc.</li>
  <li>Kế toán lập giấy báo có; tiền được hoàn trong vòng 10 ngày làm việc.</li>
</ol>
<p>Không bao giờ hứa hoàn tiền với khách trước khi được duyệt. Hãy nói: “Tôi sẽ chuyển đề nghị này cho người có thẩm quyền, anh/chị sẽ nhận được phản hồi trong vòng hai ngày làm việc.”</p>`,
      },
      bg: {
        title: 'Лимити за одобряване на възстановявания: кой какво може да одобри?',
        body: `<p>Всяко възстановяване на сума, кредитно известие или отстъпка от добра воля трябва да бъде одобрено от служител, чийто лимит покрива <strong>общата сума с ДДС</strong>. Не е разрешено едно възстановяване да се разделя на няколко по-малки, за да остане под лимита.</p>
<table>
  <thead>
    <tr><th>Роля</th><th>Лимит за случай</th><th>Условия</th></tr>
  </thead>
  <tbody>
    <tr><td>Служител в service desk</td><td>до 100 €</td><td>Свързана заявка; най-много едно възстановяване от добра воля на клиент за 30 дни</td></tr>
    <tr><td>Ръководител на екип</td><td>до 1 000 €</td><td>Причината е описана в заявката</td></tr>
    <tr><td>Специалист фактуриране</td><td>до 2 500 €</td><td>Фактурата е проверена, плащането е потвърдено</td></tr>
    <tr><td>Ръководител обслужване на клиенти</td><td>до 10 000 €</td><td>Акаунт мениджърът е информиран</td></tr>
    <tr><td>Финансов директор</td><td>над 10 000 €</td><td>Втори подпис от управителя</td></tr>
  </tbody>
</table>
<h2>Процедура</h2>
<ol>
  <li>Запишете номера на фактурата (напр. <code>INV-2026-000042</code>), сумата и причината в заявката.</li>
  <li>Ако сумата е над вашия лимит, сменете статуса на <em>Очаква одобрение</em> и възложете заявката на одобряващия.</li>
  <li>Одобряващият отговаря в заявката с <strong>Одобрено</strong> или <strong>Отказано</strong> до 2 работни дни.</li>
  <li>Отдел „Фактуриране“ издава кредитното известие; сумата се изплаща до 10 работни дни.</li>
</ol>
<p>Никога не обещавайте на клиента възстановяване, преди то да е одобрено. Кажете: „Ще предам случая на колегата, който може да го одобри, и ще получите отговор до два работни дни.“</p>`,
      },
      zh: {
        title: '退款审批权限：谁可以审批多少金额？',
        body: `<p>所有退款、贷项通知单或善意折扣都必须由审批额度覆盖<strong>含增值税总金额</strong>的人员批准。禁止将一笔退款拆分为多笔小额退款以规避审批额度。</p>
<table>
  <thead>
    <tr><th>角色</th><th>单笔额度</th><th>条件</th></tr>
  </thead>
  <tbody>
    <tr><td>服务台客服</td><td>不超过 100 欧元</td><td>须关联工单；每位客户 30 天内最多一次善意退款</td></tr>
    <tr><td>组长</td><td>不超过 1,000 欧元</td><td>在工单中记录原因</td></tr>
    <tr><td>账务专员</td><td>不超过 2,500 欧元</td><td>已核对发票并确认已收款</td></tr>
    <tr><td>客户服务主管</td><td>不超过 10,000 欧元</td><td>已通知客户经理</td></tr>
    <tr><td>财务总监</td><td>超过 10,000 欧元</td><td>需总经理二次签字</td></tr>
  </tbody>
</table>
<h2>流程</h2>
<ol>
  <li>在工单中记录发票号码（例如 <code>INV-2026-000042</code>）、金额和原因。</li>
  <li>如金额超出您的额度，将工单状态设为<em>等待审批</em>，并分配给审批人。</li>
  <li>审批人在 2 个工作日内在工单中回复<strong>批准</strong>或<strong>拒绝</strong>。</li>
  <li>账务部门开具贷项通知单，退款在 10 个工作日内支付。</li>
</ol>
<p>在获得批准之前，切勿向客户承诺退款。请这样说：“我会把您的申请转交给有审批权限的同事，您将在两个工作日内收到答复。”</p>`,
      },
    },
  },
  {
    key: 'verify-caller-identity',
    category: 'internal-call-centre',
    visibility: 'internal',
    original: 'en',
    tags: ['identity', 'security', 'call-centre'],
    translations: {
      en: {
        title: 'How do I verify a caller’s identity before changing an account?',
        body: `<p>Verify the caller <strong>before</strong> you disclose any account data or make any change. Social engineering calls are common, especially for password resets and bank detail changes.</p>
<h2>Verification steps</h2>
<ol>
  <li>Ask for the full name and the company or customer number. Find the contact in Switchboard.</li>
  <li>Ask <strong>two</strong> of the following and compare them with the record: date of birth, the postcode of the billing address, the amount of the last invoice, the number of a recent ticket.</li>
  <li>For high-risk changes (e-mail, phone, bank account, two-step verification reset), send a one-time code by SMS to the phone number <em>already on file</em> and ask the caller to read it back.</li>
  <li>Note in the ticket: “Identity verified by phone – method: SMS code”.</li>
</ol>
<h3>If verification fails</h3>
<ul>
  <li>Do not give hints about which answer was wrong.</li>
  <li>Offer to call back on the number on file or ask the account owner to confirm in writing from their registered e-mail.</li>
  <li>After 3 failed attempts in 24 hours, flag the contact as <em>Suspicious activity</em> and inform the team lead.</li>
</ul>
<p>Never ask for a full password or card number. We never need them.</p>`,
      },
      vi: {
        title: 'Làm thế nào để xác minh danh tính người gọi trước khi thay đổi tài khoản?',
        body: `<p>Hãy xác minh người gọi <strong>trước khi</strong> cung cấp bất kỳ thông tin tài khoản nào hoặc thực hiện thay đổi. Các cuộc gọi lừa đảo rất phổ biến, nhất là khi yêu cầu đặt lại mật khẩu hoặc đổi thông tin ngân hàng.</p>
<h2>Các bước xác minh</h2>
<ol>
  <li>Hỏi họ tên đầy đủ và tên công ty hoặc mã khách hàng. Tìm liên hệ trong Switchboard.</li>
  <li>Hỏi <strong>hai</strong> trong các thông tin sau và so sánh với hồ sơ: ngày sinh, mã bưu chính của địa chỉ xuất hóa đơn, số tiền của hóa đơn gần nhất, mã một yêu cầu hỗ trợ gần đây.</li>
  <li>Với thay đổi có rủi ro cao (e-mail, số điện thoại, tài khoản ngân hàng, đặt lại xác minh hai bước), gửi mã dùng một lần qua SMS tới số điện thoại <em>đã lưu trong hồ sơ</em> và yêu cầu người gọi đọc lại.</li>
  <li>Ghi vào yêu cầu: “Đã xác minh danh tính qua điện thoại – phương thức: mã SMS”.</li>
</ol>
<h3>Nếu xác minh không thành công</h3>
<ul>
  <li>Không gợi ý câu trả lời nào bị sai.</li>
  <li>Đề nghị gọi lại vào số đã lưu, hoặc yêu cầu chủ tài khoản xác nhận bằng văn bản từ e-mail đã đăng ký.</li>
  <li>Sau 3 lần thất bại trong 24 giờ, đánh dấu liên hệ là <em>Hoạt động đáng ngờ</em> và báo cho trưởng nhóm.</li>
</ul>
<p>Không bao giờ hỏi mật khẩu đầy đủ hoặc số thẻ. Chúng ta không bao giờ cần đến chúng.</p>`,
      },
      bg: {
        title: 'Как да проверя самоличността на обаждащия се, преди да променя акаунт?',
        body: `<p>Проверете обаждащия се <strong>преди</strong> да разкриете каквито и да е данни или да направите промяна. Опитите за социално инженерство са чести, особено при смяна на парола и банкови данни.</p>
<h2>Стъпки за проверка</h2>
<ol>
  <li>Попитайте за пълното име и фирмата или клиентския номер. Намерете контакта в Switchboard.</li>
  <li>Задайте <strong>два</strong> от следните въпроса и сравнете със записа: дата на раждане, пощенски код на адреса за фактуриране, сума на последната фактура, номер на скорошна заявка.</li>
  <li>При високорискови промени (имейл, телефон, банкова сметка, нулиране на двуфакторна защита) изпратете еднократен код с SMS на телефона, <em>който вече е в записа</em>, и помолете обаждащия се да го прочете.</li>
  <li>Отбележете в заявката: „Самоличност проверена по телефона – метод: SMS код“.</li>
</ol>
<h3>Ако проверката е неуспешна</h3>
<ul>
  <li>Не подсказвайте кой отговор е грешен.</li>
  <li>Предложете да се обадите обратно на записания номер или помолете собственика на акаунта да потвърди писмено от регистрирания имейл.</li>
  <li>След 3 неуспешни опита за 24 часа маркирайте контакта като <em>Подозрителна активност</em> и уведомете ръководителя на екипа.</li>
</ul>
<p>Никога не искайте пълна парола или номер на карта. Те никога не са ни нужни.</p>`,
      },
      zh: {
        title: '修改账户前如何核实来电者身份？',
        body: `<p>在透露任何账户信息或进行任何修改<strong>之前</strong>，必须先核实来电者身份。社会工程学诈骗电话很常见，尤其是涉及重置密码和修改银行信息的请求。</p>
<h2>核实步骤</h2>
<ol>
  <li>询问来电者全名以及公司名称或客户编号，在 Switchboard 中找到对应联系人。</li>
  <li>从以下信息中询问<strong>两项</strong>并与记录核对：出生日期、账单地址邮编、最近一张发票的金额、最近一个工单的编号。</li>
  <li>对于高风险修改（邮箱、电话、银行账户、重置两步验证），向<em>记录中已有的</em>手机号发送一次性短信验证码，并请来电者读出。</li>
  <li>在工单中注明：“已电话核实身份——方式：短信验证码”。</li>
</ol>
<h3>核实失败时</h3>
<ul>
  <li>不要提示哪一项回答错误。</li>
  <li>提出回拨记录中的电话号码，或请账户所有者通过注册邮箱书面确认。</li>
  <li>24 小时内失败 3 次，将该联系人标记为<em>可疑活动</em>并通知组长。</li>
</ul>
<p>切勿询问完整密码或银行卡号，我们永远不需要这些信息。</p>`,
      },
    },
  },
  {
    key: 'escalation-rules',
    category: 'internal-escalation',
    visibility: 'internal',
    original: 'en',
    tags: ['escalation', 'sla', 'ticket'],
    translations: {
      en: {
        title: 'When and how do I escalate a ticket?',
        body: `<p>Escalate when a ticket cannot be solved at your level in time, not only when a customer complains. Escalating early is always better than breaching the SLA.</p>
<table>
  <thead>
    <tr><th>Trigger</th><th>Escalate to</th><th>How</th></tr>
  </thead>
  <tbody>
    <tr><td>75% of the SLA time used, no solution in sight</td><td>Team lead</td><td>Set <em>Escalated</em> flag, add internal note</td></tr>
    <tr><td>Critical priority or more than 10 users affected</td><td>Duty manager</td><td>Call the duty phone, then flag the ticket</td></tr>
    <tr><td>Needs a code or configuration change</td><td>Software (level 2)</td><td>Reassign the ticket with reproduction steps</td></tr>
    <tr><td>Legal threat, press or data breach</td><td>Head of customer service</td><td>Immediately, by phone and e-mail</td></tr>
  </tbody>
</table>
<h2>A good escalation note contains</h2>
<ol>
  <li>What the customer reported, in one sentence.</li>
  <li>What you have already checked or tried.</li>
  <li>The impact: number of users, business process affected, deadline.</li>
  <li>What you need from the next level.</li>
</ol>
<p>Tell the customer that the ticket has been escalated and when they will hear from us next. You stay the customer’s contact until the new owner has confirmed the handover in the ticket.</p>`,
      },
      vi: {
        title: 'Khi nào và bằng cách nào chuyển cấp một yêu cầu?',
        body: `<p>Hãy chuyển cấp khi yêu cầu không thể được giải quyết ở cấp của bạn trong thời hạn, không chỉ khi khách hàng phàn nàn. Chuyển cấp sớm luôn tốt hơn để vi phạm SLA.</p>
<table>
  <thead>
    <tr><th>Tình huống</th><th>Chuyển cho</th><th>Cách thực hiện</th></tr>
  </thead>
  <tbody>
    <tr><td>Đã dùng 75% thời gian SLA mà chưa có hướng giải quyết</td><td>Trưởng nhóm</td><td>Bật cờ <em>Đã chuyển cấp</em>, thêm ghi chú nội bộ</td></tr>
    <tr><td>Mức ưu tiên khẩn cấp hoặc hơn 10 người bị ảnh hưởng</td><td>Quản lý trực</td><td>Gọi điện thoại trực, sau đó gắn cờ yêu cầu</td></tr>
    <tr><td>Cần thay đổi mã nguồn hoặc cấu hình</td><td>Phần mềm (cấp 2)</td><td>Chuyển yêu cầu kèm các bước tái hiện lỗi</td></tr>
    <tr><td>Đe dọa pháp lý, báo chí hoặc rò rỉ dữ liệu</td><td>Trưởng phòng chăm sóc khách hàng</td><td>Ngay lập tức, qua điện thoại và e-mail</td></tr>
  </tbody>
</table>
<h2>Một ghi chú chuyển cấp tốt gồm</h2>
<ol>
  <li>Khách hàng báo gì, tóm tắt trong một câu.</li>
  <li>Những gì bạn đã kiểm tra hoặc thử.</li>
  <li>Mức độ ảnh hưởng: số người dùng, quy trình bị ảnh hưởng, thời hạn.</li>
  <li>Bạn cần cấp tiếp theo làm gì.</li>
</ol>
<p>Thông báo cho khách hàng rằng yêu cầu đã được chuyển cấp và khi nào họ sẽ nhận được phản hồi tiếp theo. Bạn vẫn là đầu mối liên hệ cho đến khi người phụ trách mới xác nhận tiếp nhận trong yêu cầu.</p>`,
      },
    },
  },
  {
    key: 'handling-angry-customer',
    category: 'internal-call-centre',
    visibility: 'internal',
    original: 'en',
    tags: ['call-centre', 'complaints', 'communication'],
    translations: {
      en: {
        title: 'How do I handle an angry customer on the phone?',
        body: `<p>Most angry callers are not angry at you but at a situation: a broken device, a wrong invoice, a promise we did not keep. Your goal is to calm the call down and agree on a concrete next step.</p>
<h2>The LEAP method</h2>
<ol>
  <li><strong>Listen</strong> – let the customer finish. Do not interrupt in the first minute, even if you already know the answer.</li>
  <li><strong>Empathise</strong> – name the feeling: “I understand this is frustrating, especially before your month-end closing.”</li>
  <li><strong>Apologise</strong> for the experience, without blaming colleagues or other departments.</li>
  <li><strong>Propose</strong> a concrete action with a time: “I will check the invoice with billing and call you back by 15:00 today.”</li>
</ol>
<h3>Do not</h3>
<ul>
  <li>Say “calm down”, “that is our policy” or “that is not my department”.</li>
  <li>Promise refunds or discounts above your approval limit.</li>
</ul>
<h3>Abusive callers</h3>
<p>If a caller insults or threatens you, give one warning: “I want to help you, but I cannot continue if you use this language.” If it continues, end the call politely, note it in the ticket and tell your team lead. You are never required to accept abuse.</p>`,
      },
      bg: {
        title: 'Как да се справя с ядосан клиент по телефона?',
        body: `<p>Повечето ядосани клиенти не са ядосани на вас, а на ситуацията: повредено устройство, грешна фактура, неизпълнено обещание. Целта ви е да успокоите разговора и да договорите конкретна следваща стъпка.</p>
<h2>Методът LEAP</h2>
<ol>
  <li><strong>Изслушайте</strong> – оставете клиента да довърши. Не прекъсвайте през първата минута, дори ако вече знаете отговора.</li>
  <li><strong>Съпреживейте</strong> – назовете чувството: „Разбирам, че това е неприятно, особено преди приключването на месеца.“</li>
  <li><strong>Извинете се</strong> за преживяването, без да обвинявате колеги или други отдели.</li>
  <li><strong>Предложете</strong> конкретно действие със срок: „Ще проверя фактурата с отдел „Фактуриране“ и ще ви се обадя днес до 15:00.“</li>
</ol>
<h3>Не казвайте</h3>
<ul>
  <li>„Успокойте се“, „такава е политиката ни“ или „това не е в моя отдел“.</li>
  <li>Не обещавайте възстановявания или отстъпки над вашия лимит за одобрение.</li>
</ul>
<h3>Обидни обаждания</h3>
<p>Ако обаждащият се ви обижда или заплашва, отправете едно предупреждение: „Искам да ви помогна, но не мога да продължа, ако използвате такъв език.“ Ако продължи, прекратете учтиво разговора, отбележете го в заявката и уведомете ръководителя на екипа. Никога не сте длъжни да търпите обиди.</p>`,
      },
    },
  },
  {
    key: 'issue-credit-note',
    category: 'internal-escalation',
    visibility: 'internal',
    original: 'vi',
    tags: ['credit-note', 'invoice', 'billing'],
    translations: {
      vi: {
        title: 'Quy trình lập giấy báo có cho hóa đơn sai',
        body: `<p>Giấy báo có (credit note) được dùng khi hóa đơn đã phát hành bị sai số tiền, sai thông tin khách hàng hoặc khi khoản hoàn tiền đã được phê duyệt. Không bao giờ xóa hoặc sửa trực tiếp một hóa đơn đã phát hành.</p>
<h2>Các bước thực hiện</h2>
<ol>
  <li>Mở yêu cầu của khách hàng và kiểm tra hóa đơn gốc, ví dụ <code>INV-2026-000042</code>.</li>
  <li>Xác định loại sai sót: sai số tiền, sai mã số thuế, sai địa chỉ hay hoàn tiền toàn bộ.</li>
  <li>Kiểm tra hạn mức phê duyệt. Nếu số tiền vượt hạn mức của bạn, chuyển yêu cầu sang <em>Chờ phê duyệt</em>.</li>
  <li>Trong mô-đun kế toán, chọn <strong>Lập giấy báo có</strong> từ hóa đơn gốc; hệ thống tự liên kết hai chứng từ.</li>
  <li>Nếu cần, phát hành hóa đơn mới với thông tin đúng và gửi cả hai chứng từ cho khách hàng.</li>
  <li>Ghi chú nội bộ trong yêu cầu: số giấy báo có, số hóa đơn mới và người phê duyệt.</li>
</ol>
<h3>Lưu ý</h3>
<ul>
  <li>Giấy báo có phải được lập trong cùng kỳ kế toán nếu có thể; sau ngày 5 của tháng sau, hãy báo cho kế toán trưởng.</li>
  <li>Nếu khách hàng đã thanh toán, số tiền được hoàn hoặc trừ vào hóa đơn kế tiếp theo lựa chọn của khách.</li>
</ul>`,
      },
      en: {
        title: 'How do I issue a credit note for an incorrect invoice?',
        body: `<p>A credit note is used when an issued invoice has a wrong amount or wrong customer details, or when an approved refund must be booked. Never delete or edit an issued invoice directly.</p>
<h2>Steps</h2>
<ol>
  <li>Open the customer’s ticket and check the original invoice, for example <code>INV-2026-000042</code>.</li>
  <li>Identify the type of error: wrong amount, wrong tax ID, wrong address or a full refund.</li>
  <li>Check the approval limits. If the amount exceeds your limit, set the ticket to <em>Awaiting approval</em>.</li>
  <li>In the billing module choose <strong>Create credit note</strong> from the original invoice; the two documents are linked automatically.</li>
  <li>If needed, issue a new invoice with the correct details and send both documents to the customer.</li>
  <li>Add an internal note to the ticket: credit note number, new invoice number and approver.</li>
</ol>
<h3>Good to know</h3>
<ul>
  <li>Issue the credit note in the same accounting period whenever possible; after the 5th of the following month, inform the chief accountant.</li>
  <li>If the customer has already paid, the amount is refunded or deducted from the next invoice, as the customer prefers.</li>
</ul>`,
      },
    },
  },
  {
    key: 'vip-customer-handling',
    category: 'internal-call-centre',
    visibility: 'internal',
    original: 'bg',
    tags: ['vip', 'call-centre', 'priority'],
    translations: {
      bg: {
        title: 'Как обслужваме VIP клиенти?',
        body: `<p>VIP клиентите са отбелязани в Switchboard със златна звезда до името на фирмата. Това са клиенти с договор <strong>Premium</strong> или с годишен оборот над 100 000 €. Списъкът се преглежда всяко тримесечие от търговския отдел.</p>
<h2>Какво е различното</h2>
<table>
  <thead>
    <tr><th>Аспект</th><th>Стандартен клиент</th><th>VIP клиент</th></tr>
  </thead>
  <tbody>
    <tr><td>Първи отговор (нормален приоритет)</td><td>8 работни часа</td><td>2 работни часа</td></tr>
    <tr><td>Телефонна линия</td><td>1900 6000</td><td>Директна линия, без опашка</td></tr>
    <tr><td>Отговорник</td><td>Служител на смяна</td><td>Посочен акаунт мениджър</td></tr>
    <tr><td>Ескалация</td><td>При 75% от SLA</td><td>При 50% от SLA</td></tr>
  </tbody>
</table>
<h2>Правила при обаждане</h2>
<ol>
  <li>Обърнете се към клиента по име и проверете бележките в картона му, преди да задавате въпроси.</li>
  <li>Създайте заявката незабавно и я възложете на акаунт мениджъра; копирайте и ръководителя на екипа.</li>
  <li>Ако проблемът не може да се реши в разговора, договорете точен час за обратно обаждане и го спазете.</li>
</ol>
<p>VIP статусът не променя правилата за проверка на самоличността и лимитите за одобрение на възстановявания.</p>`,
      },
    },
  },
  {
    key: 'call-centre-script',
    category: 'internal-call-centre',
    visibility: 'internal',
    original: 'en',
    tags: ['call-centre', 'script', 'hotline'],
    translations: {
      en: {
        title: 'Call centre script: how do I open and close a hotline call?',
        body: `<p>Use this script for every inbound call on the hotline <strong>1900 6000</strong>. It keeps calls short, friendly and consistent, and makes sure every call ends up in a ticket.</p>
<h2>Opening (first 30 seconds)</h2>
<blockquote><p>“Good morning, Switchboard service desk, my name is [first name]. How can I help you?”</p></blockquote>
<ol>
  <li>Let the caller explain the reason for the call.</li>
  <li>Ask: “May I have your name and your customer number or company name?”</li>
  <li>If the call is about account data or changes, follow the identity verification procedure first.</li>
  <li>Search for an open ticket: “Do you have a ticket number? It starts with TCK.”</li>
</ol>
<h2>During the call</h2>
<ul>
  <li>Summarise the problem back: “So the invoice INV-2026-000042 shows the old address – is that right?”</li>
  <li>Put the caller on hold for no more than 2 minutes, and ask first.</li>
  <li>Create or update the ticket while you talk, not after the call.</li>
</ul>
<h2>Closing</h2>
<blockquote><p>“I have noted everything under ticket number [TCK-…]. You will receive a confirmation by e-mail, and [team] will contact you by [time]. Is there anything else I can do for you?”</p></blockquote>
<p>Target handling time is 6 minutes; after-call work should not exceed 2 minutes. Quality reviews listen to 5 random calls per agent each month.</p>`,
      },
    },
  },
  {
    key: 'personal-data-requests',
    category: 'internal',
    visibility: 'internal',
    status: 'draft',
    original: 'en',
    tags: ['gdpr', 'privacy', 'data-request'],
    translations: {
      en: {
        title: 'What do I do when a customer asks for a copy or deletion of their personal data?',
        body: `<p><em>Draft – pending review by the data protection officer. Do not use until published.</em></p>
<p>Customers have the right to get a copy of their personal data, to have it corrected and, in many cases, to have it deleted. We must respond within <strong>30 calendar days</strong>, so these requests are never left in a general queue.</p>
<h2>Procedure</h2>
<ol>
  <li>Create a ticket for the <em>Service desk</em> component with the category <strong>Data protection request</strong>. This sets a 30-day deadline automatically.</li>
  <li>Verify the identity of the requester. A request from an unverified e-mail address is not enough.</li>
  <li>Do not export or delete anything yourself. Assign the ticket to the data protection team (<code>privacy@demo.test</code>).</li>
  <li>Send the customer the standard confirmation: the request has been received and will be answered within 30 days.</li>
</ol>
<table>
  <thead>
    <tr><th>Request type</th><th>Handled by</th><th>Typical time</th></tr>
  </thead>
  <tbody>
    <tr><td>Copy of data (access)</td><td>Data protection team</td><td>5–10 working days</td></tr>
    <tr><td>Correction</td><td>Service desk after verification</td><td>1 working day</td></tr>
    <tr><td>Deletion</td><td>Data protection team and Billing</td><td>Up to 30 days</td></tr>
  </tbody>
</table>
<p>Invoices must be kept for 10 years for tax reasons, so billing data is restricted rather than deleted. Explain this to the customer if they ask.</p>`,
      },
      bg: {
        title: 'Какво да направя, когато клиент поиска копие или изтриване на личните си данни?',
        body: `<p><em>Чернова – очаква преглед от длъжностното лице по защита на данните. Не използвайте, преди да бъде публикувана.</em></p>
<p>Клиентите имат право да получат копие от личните си данни, да поискат корекция и в много случаи – изтриване. Трябва да отговорим в срок от <strong>30 календарни дни</strong>, затова тези искания никога не остават в общата опашка.</p>
<h2>Процедура</h2>
<ol>
  <li>Създайте заявка към компонента <em>Service desk</em> с категория <strong>Искане за защита на данни</strong>. Така автоматично се задава срок от 30 дни.</li>
  <li>Проверете самоличността на заявителя. Искане от непроверен имейл адрес не е достатъчно.</li>
  <li>Не експортирайте и не изтривайте нищо сами. Възложете заявката на екипа по защита на данните (<code>privacy@demo.test</code>).</li>
  <li>Изпратете на клиента стандартното потвърждение: искането е получено и ще бъде отговорено до 30 дни.</li>
</ol>
<table>
  <thead>
    <tr><th>Вид искане</th><th>Обработва се от</th><th>Обичаен срок</th></tr>
  </thead>
  <tbody>
    <tr><td>Копие от данните (достъп)</td><td>Екип по защита на данните</td><td>5–10 работни дни</td></tr>
    <tr><td>Корекция</td><td>Service desk след проверка</td><td>1 работен ден</td></tr>
    <tr><td>Изтриване</td><td>Екип по защита на данните и „Фактуриране“</td><td>До 30 дни</td></tr>
  </tbody>
</table>
<p>Фактурите трябва да се пазят 10 години по данъчни причини, затова данните за фактуриране се ограничават, а не се изтриват. Обяснете това на клиента, ако попита.</p>`,
      },
    },
  },
];
