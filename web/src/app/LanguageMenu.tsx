import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../api/types.ts';
import { toastError } from '../ui/toast.ts';
import { applyLanguage, LANGUAGE_NAMES } from './i18n.ts';
import { useOptionalMe, useUpdateMe } from './session.tsx';

/** Switches at once; when signed in the choice is also saved to the profile (PATCH /me). */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const me = useOptionalMe();
  const updateMe = useUpdateMe();
  const choose = (language: Language) => {
    applyLanguage(language);
    if (me && me.language !== language) {
      updateMe.mutate({ language }, { onError: () => toastError(t('errors.saveFailed')) });
    }
  };
  return (
    <Menu position="bottom-end" width={180} shadow="md">
      <Menu.Target>
        <Tooltip label={t('header.language')}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('header.language')}>
            <IconLanguage size={20} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => choose(language)}
            rightSection={i18n.language === language ? <IconCheck size={16} /> : null}
          >
            {LANGUAGE_NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
