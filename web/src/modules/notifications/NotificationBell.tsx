import { ActionIcon, Box, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../ui/errors.ts';
import { useFormat } from '../../ui/format.ts';
import { SectionLoader } from '../../ui/Loading.tsx';
import { type AppNotification, useMarkAllRead, useMarkRead, useNotifications } from './notifications.api.ts';

function Item({ item, onOpen }: { item: AppNotification; onOpen: (item: AppNotification) => void }) {
  const format = useFormat();
  const unread = !item.readAt;
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      px="md"
      py="sm"
      w="100%"
      bg={unread ? 'var(--mantine-color-default-hover)' : undefined}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box w={8} h={8} mt={7} style={{ borderRadius: 8, flex: 'none' }} bg={unread ? 'var(--mantine-primary-color-filled)' : 'transparent'} />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
            {item.title}
          </Text>
          {item.body && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {item.body}
            </Text>
          )}
          <Text size="xs" c="dimmed" title={format.dateTime(item.createdAt)}>
            {format.ago(item.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The bell (PLT-10): unread badge, the latest 20, mark one or all read, follow the link. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const { data, isPending, isError, error } = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = data?.unreadCount ?? 0;

  const open = (item: AppNotification) => {
    if (!item.readAt) markRead.mutate(item.id);
    // Only in-app paths are followed; a link is data from the server, never a place to leave to.
    if (item.link?.startsWith('/') && !item.link.startsWith('//')) {
      setOpened(false);
      void navigate(item.link);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow>
      <Popover.Target>
        <Tooltip label={t('notifications.title')} disabled={opened}>
          <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={6} color="red">
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('notifications.title')} onClick={() => setOpened((o) => !o)}>
              <IconBell size={20} stroke={1.6} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        {isPending && <SectionLoader />}
        {isError && (
          <Text size="sm" c="red" p="md">
            {errorMessage(t, error)}
          </Text>
        )}
        {data && data.items.length === 0 && (
          <Stack align="center" gap={4} p="xl">
            <IconBellOff size={28} stroke={1.4} color="var(--mantine-color-dimmed)" />
            <Text size="sm" c="dimmed">
              {t('notifications.empty')}
            </Text>
          </Stack>
        )}
        {data && data.items.length > 0 && (
          <ScrollArea.Autosize mah={420} type="auto">
            {data.items.map((item) => (
              <Item key={item.id} item={item} onOpen={open} />
            ))}
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
