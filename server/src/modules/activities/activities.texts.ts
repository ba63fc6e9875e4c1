import { defineTexts } from '../../platform/i18n/texts.ts';

/** The activity reminders, in every language (see platform/i18n/texts.ts). */
export const activityTexts = defineTexts('activities', {
  en: {
    'reminder.title': 'Starting soon: {{subject}}',
    'reminder.body': '{{type}} at {{at}}',
    'type.CALL': 'Call',
    'type.EMAIL': 'E-mail',
    'type.MEETING': 'Meeting',
    'type.TASK': 'Task',
    'type.NOTE': 'Note',
    'type.SMS': 'SMS',
    'type.DEMO': 'Demo',
  },
  vi: {
    'reminder.title': 'Sắp bắt đầu: {{subject}}',
    'reminder.body': '{{type}} lúc {{at}}',
    'type.CALL': 'Cuộc gọi',
    'type.EMAIL': 'Thư điện tử',
    'type.MEETING': 'Cuộc họp',
    'type.TASK': 'Công việc',
    'type.NOTE': 'Ghi chú',
    'type.SMS': 'Tin nhắn SMS',
    'type.DEMO': 'Trình diễn',
  },
  bg: {
    'reminder.title': 'Започва скоро: {{subject}}',
    'reminder.body': '{{type}} в {{at}}',
    'type.CALL': 'Обаждане',
    'type.EMAIL': 'Имейл',
    'type.MEETING': 'Среща',
    'type.TASK': 'Задача',
    'type.NOTE': 'Бележка',
    'type.SMS': 'SMS съобщение',
    'type.DEMO': 'Демонстрация',
  },
  zh: {
    'reminder.title': '即将开始：{{subject}}',
    'reminder.body': '{{type}}，时间 {{at}}',
    'type.CALL': '电话',
    'type.EMAIL': '邮件',
    'type.MEETING': '会议',
    'type.TASK': '任务',
    'type.NOTE': '备注',
    'type.SMS': '短信',
    'type.DEMO': '演示',
  },
});
