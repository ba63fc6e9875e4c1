import { ActionIcon, Menu, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconCheck, IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COLOR_SCHEMES, type ColorScheme } from '../api/types.ts';
import { toastError } from '../ui/toast.ts';
import { useOptionalMe, useUpdateMe } from './session.tsx';
import { fromMantineScheme, toMantineScheme } from './theme.ts';

const ICONS = { light: IconSun, dark: IconMoon, system: IconDeviceDesktop };

/** Light, dark or the system's: applied at once, remembered per user (PLT-7). */
export function ColorSchemeMenu() {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const me = useOptionalMe();
  const updateMe = useUpdateMe();
  const current = fromMantineScheme(colorScheme);
  const choose = (scheme: ColorScheme) => {
    setColorScheme(toMantineScheme(scheme));
    if (me && me.colorScheme !== scheme) {
      updateMe.mutate({ colorScheme: scheme }, { onError: () => toastError(t('errors.saveFailed')) });
    }
  };
  const TargetIcon = computed === 'dark' ? IconMoon : IconSun;
  return (
    <Menu position="bottom-end" width={180} shadow="md">
      <Menu.Target>
        <Tooltip label={t('header.colorScheme')}>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('header.colorScheme')}>
            <TargetIcon size={20} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {COLOR_SCHEMES.map((scheme) => {
          const SchemeIcon = ICONS[scheme];
          return (
            <Menu.Item
              key={scheme}
              leftSection={<SchemeIcon size={16} />}
              rightSection={current === scheme ? <IconCheck size={16} /> : null}
              onClick={() => choose(scheme)}
            >
              {t(`colorScheme.${scheme}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
