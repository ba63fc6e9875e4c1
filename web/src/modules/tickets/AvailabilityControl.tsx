import { Badge, Button, Popover, Stack, Switch, Text } from '@mantine/core';
import { IconUserCheck, IconUserPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan, useMe } from '../../app/session.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { useSetAvailability, useTicketComponents } from './tickets.api.ts';

/**
 * Contract item 4: an agent says per component whether new tickets may be handed to them
 * (round robin / least load skip the away). Shown only to staff of at least one component.
 */
export function AvailabilityControl() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const components = useTicketComponents();
  const setAvailability = useSetAvailability();
  const mine = (components.data ?? []).filter((c) => c.active && c.staff.some((s) => s.id === me.id));
  if (!can('tickets.assign') || !mine.length) return null;
  const availableIn = (componentId: string) => mine.find((c) => c.id === componentId)?.staff.find((s) => s.id === me.id)?.available !== false;
  const count = mine.filter((c) => availableIn(c.id)).length;

  const toggle = (componentId: string, name: string, available: boolean) =>
    setAvailability.mutate(
      { componentId, available },
      {
        onSuccess: () => toastSuccess(t(available ? 'tickets.availability.on' : 'tickets.availability.off', { component: name })),
        onError: (e) => toastError(errorMessage(t, e)),
      },
    );

  return (
    <Popover position="bottom-end" shadow="md" width={300} withArrow>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={count ? <IconUserCheck size={16} /> : <IconUserPause size={16} />}
          rightSection={
            <Badge size="sm" variant="light" color={count === mine.length ? 'teal' : count ? 'yellow' : 'gray'}>
              {count}/{mine.length}
            </Badge>
          }
        >
          {t('tickets.availability.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm" role="group" aria-label={t('tickets.availability.title')}>
          <div>
            <Text size="sm" fw={600}>
              {t('tickets.availability.title')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('tickets.availability.hint')}
            </Text>
          </div>
          {mine.map((c) => (
            <Switch
              key={c.id}
              label={c.name}
              checked={availableIn(c.id)}
              disabled={setAvailability.isPending && setAvailability.variables?.componentId === c.id}
              onChange={(e) => toggle(c.id, c.name, e.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
