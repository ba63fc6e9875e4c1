/**
 * The e-mail a customer gets when the handover completes, naming their new contact. The language
 * follows the customer's country (we keep no language per customer): Vietnam → vi, Bulgaria → bg,
 * Chinese-speaking regions → zh, otherwise English.
 */
export type MailLanguage = 'en' | 'vi' | 'bg' | 'zh';

export function languageForCountry(country: string | null): MailLanguage {
  switch ((country ?? '').toUpperCase()) {
    case 'VN':
      return 'vi';
    case 'BG':
      return 'bg';
    case 'CN':
    case 'TW':
    case 'HK':
    case 'MO':
    case 'SG':
      return 'zh';
    default:
      return 'en';
  }
}

interface Vars {
  customerName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
}

const TEMPLATES: Record<MailLanguage, { subject: (v: Vars) => string; body: (v: Vars) => string[] }> = {
  en: {
    subject: (v) => `Your new contact: ${v.contactName}`,
    body: (v) => [`Dear ${v.customerName},`, '', `From today ${v.contactName} is your contact person with us.`, `E-mail: ${v.contactEmail}`, ...(v.contactPhone ? [`Phone: ${v.contactPhone}`] : []), '', 'Kind regards'],
  },
  vi: {
    subject: (v) => `Người liên hệ mới của Quý khách: ${v.contactName}`,
    body: (v) => [`Kính gửi ${v.customerName},`, '', `Kể từ hôm nay, ${v.contactName} là người phụ trách liên hệ với Quý khách.`, `E-mail: ${v.contactEmail}`, ...(v.contactPhone ? [`Điện thoại: ${v.contactPhone}`] : []), '', 'Trân trọng'],
  },
  bg: {
    subject: (v) => `Вашето ново лице за контакт: ${v.contactName}`,
    body: (v) => [`Уважаеми ${v.customerName},`, '', `От днес ${v.contactName} е Вашето лице за контакт с нас.`, `Имейл: ${v.contactEmail}`, ...(v.contactPhone ? [`Телефон: ${v.contactPhone}`] : []), '', 'С уважение'],
  },
  zh: {
    subject: (v) => `您的新联系人：${v.contactName}`,
    body: (v) => [`尊敬的${v.customerName}：`, '', `自今日起，${v.contactName} 将作为您的对接人。`, `电子邮件：${v.contactEmail}`, ...(v.contactPhone ? [`电话：${v.contactPhone}`] : []), '', '此致敬礼'],
  },
};

export function newContactMail(language: MailLanguage, v: Vars) {
  const t = TEMPLATES[language];
  return { subject: t.subject(v), text: t.body(v).join('\n') };
}
