import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInbox, type Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function EmptyState({ title, description, icon: IconComponent = IconInbox, action }: {
  title: string;
  description?: ReactNode;
  icon?: Icon;
  action?: ReactNode;
}) {
  return (
    <Stack align="center" gap="xs" py="xl" px="md" ta="center">
      <ThemeIcon size={56} radius="xl" variant="light" color="gray">
        <IconComponent size={30} stroke={1.5} />
      </ThemeIcon>
      <Title order={4}>{title}</Title>
      {description && (
        <Text c="dimmed" maw={460} size="sm">
          {description}
        </Text>
      )}
      {action}
    </Stack>
  );
}
