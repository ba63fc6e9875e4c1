import type { Actor } from '../../platform/auth/actor.ts';
import { applyCustomValues, type CustomFieldDefinition } from '../../platform/custom-fields/custom-fields.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { customValue, splitList, unescapeCell } from '../../platform/imports/cells.ts';
import type { ImportFields } from '../../platform/imports/mapping.ts';
import { can } from '../../platform/permissions/roles.ts';
import { createCustomerBody, type CustomerInsert, profileValues } from '../customers/index.ts';

/**
 * PLT-9 rows: which customer field a column fills, and a row turned into exactly what the create
 * use case would write — by the same schema (createCustomerBody), the same profile rules
 * (profileValues) and the same custom field rules (applyCustomValues). Pure: no database here.
 */
export const PROFILE_TARGETS = [
  'type', 'fullName', 'firstName', 'lastName', 'companyName', 'title', 'email', 'phone', 'mobile', 'taxId', 'industry',
  'employeeCount', 'annualRevenue', 'website', 'country', 'level', 'status', 'priority', 'source', 'tags', 'notes',
  'nextContactAt', 'ownerEmail', 'street', 'city', 'state', 'postalCode', 'addressCountry',
] as const;
const ADDRESS_TARGETS = { street: 'street', city: 'city', state: 'state', postalCode: 'postalCode', addressCountry: 'country' } as const;

/** Header words (folded: lower case, no accents, letters and digits only) → target. */
const SYNONYMS: Record<(typeof PROFILE_TARGETS)[number], string[]> = {
  type: ['type', 'customertype', 'loai', 'loaikhachhang', 'tip', 'leixing'],
  fullName: ['fullname', 'name', 'customername', 'contactname', 'hoten', 'ten', 'tenkhachhang', 'ime', 'imeifamiliya', 'xingming', 'mingcheng'],
  firstName: ['firstname', 'givenname', 'first', 'ime'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'ho', 'familiya'],
  companyName: ['companyname', 'company', 'organisation', 'organization', 'account', 'congty', 'tencongty', 'firma', 'kompaniya', 'gongsi'],
  title: ['title', 'jobtitle', 'position', 'chucvu', 'dlazhnost', 'zhiwei'],
  email: ['email', 'emailaddress', 'mail', 'thudientu', 'poshta', 'youxiang'],
  phone: ['phone', 'telephone', 'tel', 'phonenumber', 'dienthoai', 'sodienthoai', 'telefon', 'dianhua'],
  mobile: ['mobile', 'cell', 'mobilephone', 'didong', 'mobilen', 'shouji'],
  taxId: ['taxid', 'vat', 'vatnumber', 'taxcode', 'masothue', 'mst', 'eik', 'bulstat', 'shuihao'],
  industry: ['industry', 'sector', 'nganh', 'nganhnghe', 'otrasal', 'hangye'],
  employeeCount: ['employeecount', 'employees', 'staff', 'sonhanvien', 'sluzhiteli', 'yuangongshu'],
  annualRevenue: ['annualrevenue', 'revenue', 'doanhthu', 'prihodi', 'nianshouru'],
  website: ['website', 'web', 'url', 'site', 'trangweb', 'sayt', 'wangzhan'],
  country: ['country', 'quocgia', 'darzhava', 'guojia'],
  level: ['level', 'mucdo', 'niv', 'dengji'],
  status: ['status', 'trangthai', 'sastoyanie', 'zhuangtai'],
  priority: ['priority', 'uutien', 'prioritet', 'youxianji'],
  source: ['source', 'leadsource', 'nguon', 'iztochnik', 'laiyuan'],
  tags: ['tags', 'tag', 'labels', 'nhan', 'etiketi', 'biaoqian'],
  notes: ['notes', 'note', 'comments', 'ghichu', 'belezhki', 'beizhu'],
  nextContactAt: ['nextcontactat', 'nextcontact', 'followup'],
  ownerEmail: ['owneremail', 'owneremailaddress'],
  street: ['street', 'address', 'addressline', 'diachi', 'adres', 'dizhi'],
  city: ['city', 'town', 'thanhpho', 'grad', 'chengshi'],
  state: ['state', 'province', 'region', 'tinh', 'oblast', 'sheng'],
  postalCode: ['postalcode', 'zip', 'zipcode', 'postcode', 'mabuuchinh', 'poshtenskikod', 'youbian'],
  addressCountry: ['addresscountry'],
};

/** The customer import's fields for the shared mapping (platform/imports): proposals and what is required. */
export const CUSTOMER_FIELDS: ImportFields = {
  synonyms: SYNONYMS,
  required: [{ anyOf: ['fullName', 'firstName', 'lastName', 'companyName'], message: 'a name (full name, first/last name or company name)' }],
};

export interface RowContext {
  actor: Actor;
  defs: CustomFieldDefinition[];
  /** Active staff by lower-case e-mail (owners). */
  staff: Map<string, string>;
}

export interface ValidRow {
  values: CustomerInsert;
  address: { kind: 'office'; street?: string | null; city?: string | null; state?: string | null; postalCode?: string | null; country?: string | null; isPrimary: true } | null;
  /** Targets that had a value: an update touches only those. */
  present: Set<string>;
  input: Record<string, unknown>;
}

/** One record → the create use case's values, or every field error of the row. */
export function validateRow(values: string[], headers: string[], mapping: (string | null)[], rc: RowContext): { row?: ValidRow; errors: FieldError[] } {
  if (values.length !== headers.length) return { errors: [{ field: 'row', message: `The row has ${values.length} values; the header has ${headers.length}.` }] };
  const input: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const address: Record<string, string> = {};
  const present = new Set<string>();
  let ownerEmail: string | undefined;
  mapping.forEach((target, i) => {
    if (!target) return;
    const v = unescapeCell(values[i]);
    if (!v) return;
    present.add(target);
    if (target.startsWith('custom.')) {
      const key = target.slice(7);
      custom[key] = customValue(rc.defs.find((d) => d.key === key), v);
    } else if (target in ADDRESS_TARGETS) address[ADDRESS_TARGETS[target as keyof typeof ADDRESS_TARGETS]] = v;
    else if (target === 'ownerEmail') ownerEmail = v.toLowerCase();
    else if (target === 'employeeCount') input[target] = /^\d+$/.test(v) ? Number(v) : v;
    else if (target === 'tags') input[target] = splitList(v);
    else if (target === 'type') input[target] = v.toLowerCase();
    else if (target === 'level') input[target] = v.toLowerCase();
    else if (target === 'status' || target === 'priority' || target === 'country') input[target] = v.toUpperCase();
    else input[target] = v;
  });
  if (!input.type) input.type = input.companyName && !input.fullName && !input.firstName && !input.lastName ? 'company' : 'individual';
  if (Object.keys(custom).length) input.custom = custom;
  if (Object.keys(address).length) input.addresses = [{ kind: 'office', ...address, isPrimary: true }];

  const parsed = createCustomerBody.safeParse(input);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((i) => ({ field: i.path.join('.').replace(/^addresses\.0\./, 'address.') || 'row', message: i.message })) };
  }
  const body = parsed.data;
  const primary = body.addresses[0];
  const { values: profile, errors } = profileValues(body, null, primary?.country ?? null);
  const customResult = applyCustomValues(rc.defs, body.custom, {}, 'create');
  errors.push(...customResult.errors);
  let ownerId: string | null = rc.actor.userId;
  if (ownerEmail) {
    const found = rc.staff.get(ownerEmail);
    if (!found) errors.push({ field: 'ownerEmail', message: 'No active staff user has this e-mail.' });
    else if (found !== rc.actor.userId && !can(rc.actor.role, 'customers.assign')) errors.push({ field: 'ownerEmail', message: 'Only managers and admins choose another owner.' });
    else ownerId = found;
  }
  if (errors.length) return { errors };
  const row: CustomerInsert = { ...profile, name: profile.name!, type: body.type, custom: customResult.values, ownerId, teamId: null, createdBy: rc.actor.userId };
  return { row: { values: row, address: primary ? { ...primary, kind: 'office', isPrimary: true } : null, present, input: body as Record<string, unknown> }, errors: [] };
}
