import type { Language } from '../../platform/i18n/languages.ts';
import { handoverTexts as t } from './handover.texts.ts';

/**
 * The e-mail a customer gets when the handover completes, naming their new contact. The language
 * follows the customer's country (we keep no language per customer): `languageForCountry` in
 * platform/i18n/languages.ts.
 */
interface Vars {
  customerName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
}

export function newContactMail(language: Language, v: Vars) {
  const lines = [
    t.text(language, 'newContact.greeting', { customerName: v.customerName }),
    '',
    t.text(language, 'newContact.intro', { contactName: v.contactName }),
    t.text(language, 'newContact.email', { contactEmail: v.contactEmail }),
    ...(v.contactPhone ? [t.text(language, 'newContact.phone', { contactPhone: v.contactPhone })] : []),
    '',
    t.text(language, 'newContact.regards'),
  ];
  return { subject: t.text(language, 'newContact.subject', { contactName: v.contactName }), text: lines.join('\n') };
}
