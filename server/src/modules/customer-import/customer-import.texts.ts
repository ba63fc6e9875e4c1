import { defineTexts } from '../../platform/i18n/texts.ts';

/** The customer import's job messages, in every language (see platform/i18n/texts.ts). */
export const customerImportTexts = defineTexts('customer-import', {
  en: {
    'finished.title': 'Import of {{file}} finished',
    'finished.body': '{{created}} created, {{updated}} updated, {{skipped}} skipped, {{failed}} failed.',
  },
  vi: {
    'finished.title': 'Đã nhập xong {{file}}',
    'finished.body': '{{created}} đã tạo, {{updated}} đã cập nhật, {{skipped}} bỏ qua, {{failed}} thất bại.',
  },
  bg: {
    'finished.title': 'Импортът на {{file}} приключи',
    'finished.body': '{{created}} създадени, {{updated}} обновени, {{skipped}} пропуснати, {{failed}} неуспешни.',
  },
  zh: {
    'finished.title': '{{file}} 导入完成',
    'finished.body': '已创建 {{created}}，已更新 {{updated}}，已跳过 {{skipped}}，失败 {{failed}}。',
  },
});
