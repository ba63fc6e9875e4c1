import { defineTexts } from '../../platform/i18n/texts.ts';

/** The customer pool's notifications, in every language (see platform/i18n/texts.ts). */
export const poolTexts = defineTexts('pool', {
  en: {
    'recycled.titleOne': '{{number}} {{name}} moved to the customer pool',
    'recycled.titleMany': '{{count}} of your customers moved to the customer pool',
    'recycled.inactive': 'No follow-up for {{days}} days. {{customers}}',
    'assigned.title': '{{number}} {{name}} is now yours',
    'assigned.body': '{{actor}} gave you this customer from the pool.',
  },
  vi: {
    'recycled.titleOne': '{{number}} {{name}} đã được chuyển vào kho khách hàng',
    'recycled.titleMany': '{{count}} khách hàng của bạn đã được chuyển vào kho khách hàng',
    'recycled.inactive': 'Không có chăm sóc tiếp trong {{days}} ngày. {{customers}}',
    'assigned.title': '{{number}} {{name}} giờ do bạn phụ trách',
    'assigned.body': '{{actor}} đã giao cho bạn khách hàng này từ kho.',
  },
  bg: {
    'recycled.titleOne': '{{number}} {{name}} беше преместен в пула с клиенти',
    'recycled.titleMany': '{{count}} от вашите клиенти бяха преместени в пула с клиенти',
    'recycled.inactive': 'Без последващ контакт от {{days}} дни. {{customers}}',
    'assigned.title': '{{number}} {{name}} вече е ваш клиент',
    'assigned.body': '{{actor}} ви предостави този клиент от пула.',
  },
  zh: {
    'recycled.titleOne': '{{number}} {{name}} 已移入客户公海',
    'recycled.titleMany': '您的 {{count}} 个客户已移入客户公海',
    'recycled.inactive': '已 {{days}} 天未跟进。{{customers}}',
    'assigned.title': '{{number}} {{name}} 现由您负责',
    'assigned.body': '{{actor}} 从公海中将该客户分配给了您。',
  },
});
