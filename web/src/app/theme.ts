import {
  createTheme,
  localStorageColorSchemeManager,
  InputWrapper,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  type MantineColorScheme,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ColorScheme } from '../api/types.ts';

/**
 * The theme depends on the language only for the few labels Mantine sets itself (screen-reader
 * names of the password toggle, clear and close buttons), so those are translated too.
 */
export function makeTheme(t: TFunction) {
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'md',
    fontFamily:
      'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
    headings: { fontWeight: '650' },
    components: {
      // Hints go under the input, so inputs side by side stay aligned whether or not they have one.
      InputWrapper: InputWrapper.extend({ defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] } }),
      PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.togglePassword') } } }),
      Select: Select.extend({ defaultProps: { clearButtonProps: { 'aria-label': t('common.clear') } } }),
      MultiSelect: MultiSelect.extend({ defaultProps: { clearButtonProps: { 'aria-label': t('common.clear') } } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
    },
  });
}

/**
 * The last scheme used on this device paints the first frame (no inline script may run before the
 * bundle under our CSP); the user's saved preference from /me then takes over.
 */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'switchboard.color-scheme' });

export const toMantineScheme = (scheme: ColorScheme): MantineColorScheme => (scheme === 'system' ? 'auto' : scheme);
export const fromMantineScheme = (scheme: MantineColorScheme): ColorScheme => (scheme === 'auto' ? 'system' : scheme);
