import { defineTexts } from '../../platform/i18n/texts.ts';

/** The customers module's notifications, in every language (see platform/i18n/texts.ts). */
export const customerTexts = defineTexts('customers', {
  en: {
    'assigned.title': '{{number}} {{name}} is now yours',
    'assigned.body': '{{actor}} made you the owner of this customer.',
  },
  vi: {
    'assigned.title': '{{number}} {{name}} giờ do bạn phụ trách',
    'assigned.body': '{{actor}} đã giao khách hàng này cho bạn phụ trách.',
  },
  bg: {
    'assigned.title': '{{number}} {{name}} вече е ваш клиент',
    'assigned.body': '{{actor}} ви определи за отговорник на този клиент.',
  },
  zh: {
    'assigned.title': '{{number}} {{name}} 现由您负责',
    'assigned.body': '{{actor}} 已将您设为该客户的负责人。',
  },
});
