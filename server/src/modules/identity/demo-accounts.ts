import type { Language } from '../../platform/i18n/languages.ts';
import type { Role } from '../../platform/permissions/roles.ts';

/** IAM-5: the demo users. All share the password `switchboard`; listed on the login page in demo mode only. */
export interface DemoAccount {
  email: string;
  role: Role;
  name: string;
  team?: 'SALES' | 'MARKETING' | 'SUPPORT' | 'MANAGEMENT';
  branch: 'HN' | 'SOF' | 'SH';
  language: Language;
  timeZone: string;
  /** For clients: index into DEMO_CUSTOMERS. */
  customer?: number;
}

export const DEMO_PASSWORD = 'switchboard';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@demo.test', role: 'admin', name: 'Ada Admin', team: 'MANAGEMENT', branch: 'HN', language: 'en', timeZone: 'Asia/Ho_Chi_Minh' },
  { email: 'manager@demo.test', role: 'manager', name: 'Minh Nguyen', team: 'MANAGEMENT', branch: 'HN', language: 'vi', timeZone: 'Asia/Ho_Chi_Minh' },
  { email: 'sales1@demo.test', role: 'sales', name: 'Sam Sales', team: 'SALES', branch: 'HN', language: 'en', timeZone: 'Asia/Ho_Chi_Minh' },
  { email: 'sales2@demo.test', role: 'sales', name: 'Lan Tran', team: 'SALES', branch: 'HN', language: 'vi', timeZone: 'Asia/Ho_Chi_Minh' },
  { email: 'agent1@demo.test', role: 'agent', name: 'Petar Ivanov', team: 'SUPPORT', branch: 'SOF', language: 'bg', timeZone: 'Europe/Sofia' },
  { email: 'agent2@demo.test', role: 'agent', name: 'Anna Georgieva', team: 'SUPPORT', branch: 'SOF', language: 'en', timeZone: 'Europe/Sofia' },
  { email: 'agent3@demo.test', role: 'agent', name: 'Wei Zhang', team: 'SUPPORT', branch: 'SH', language: 'zh', timeZone: 'Asia/Shanghai' },
  { email: 'marketing@demo.test', role: 'marketing', name: 'Mia Marketing', team: 'MARKETING', branch: 'HN', language: 'en', timeZone: 'Asia/Ho_Chi_Minh' },
  { email: 'auditor@demo.test', role: 'auditor', name: 'Otto Auditor', branch: 'SOF', language: 'en', timeZone: 'Europe/Sofia' },
  { email: 'client1@demo.test', role: 'client', name: 'Chris Client', branch: 'HN', language: 'en', timeZone: 'Asia/Ho_Chi_Minh', customer: 0 },
  { email: 'client2@demo.test', role: 'client', name: 'Hoa Pham', branch: 'HN', language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', customer: 1 },
  { email: 'client3@demo.test', role: 'client', name: 'Li Na', branch: 'SH', language: 'zh', timeZone: 'Asia/Shanghai', customer: 2 },
];

export const DEMO_CUSTOMERS = [
  { name: 'Acme Logistics Ltd', email: 'contact@acme-logistics.test', phone: '+442071234567' },
  { name: 'Công ty TNHH Sao Mai', email: 'lienhe@saomai.test', phone: '+842438123456' },
  { name: '上海星辰科技有限公司', email: 'info@xingchen.test', phone: '+862161234567' },
];

export const DEMO_BRANCHES = [
  { code: 'HN', name: 'Hà Nội', address: '1 Tràng Tiền, Hoàn Kiếm, Hà Nội', timeZone: 'Asia/Ho_Chi_Minh' },
  { code: 'SOF', name: 'София', address: 'бул. Витоша 1, София', timeZone: 'Europe/Sofia' },
  { code: 'SH', name: '上海', address: '上海市黄浦区南京东路1号', timeZone: 'Asia/Shanghai' },
];

export const DEMO_TEAMS = [
  { name: 'Sales', kind: 'SALES', manager: 'manager@demo.test' },
  { name: 'Marketing', kind: 'MARKETING', manager: 'manager@demo.test' },
  { name: 'Customer care', kind: 'SUPPORT', manager: 'manager@demo.test' },
  { name: 'Management', kind: 'MANAGEMENT', manager: 'admin@demo.test' },
] as const;
