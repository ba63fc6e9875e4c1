import { ActionIcon, Avatar, Badge, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Branch, Team, TeamKind } from '../../../../api/types.ts';
import { initials } from '../../../../ui/initials.ts';

const KIND_COLORS: Record<TeamKind, string> = { SALES: 'blue', MARKETING: 'orange', SUPPORT: 'teal', MANAGEMENT: 'grape' };
const SHOWN = 8;

export function TeamCard({ team, branch, onEdit }: { team: Team; branch: Branch | undefined; onEdit: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" opacity={team.active ? 1 : 0.65}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text fw={600} size="lg">
            {team.name}
          </Text>
          <Group gap={6}>
            <Badge color={KIND_COLORS[team.kind]} variant="light" size="sm">
              {t(`teamKinds.${team.kind}`)}
            </Badge>
            {branch && (
              <Badge color="gray" variant="outline" size="sm">
                {branch.name}
              </Badge>
            )}
            {!team.active && (
              <Badge color="gray" variant="dot" size="sm">
                {t('common.inactive')}
              </Badge>
            )}
          </Group>
        </Stack>
        <Tooltip label={t('common.edit')}>
          <ActionIcon variant="subtle" onClick={onEdit} aria-label={`${t('common.edit')}: ${team.name}`}>
            <IconPencil size={17} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md">
        {t('teams.manager')}
      </Text>
      <Text size="sm">{team.manager?.name ?? t('common.none')}</Text>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md" mb={6}>
        {t('teams.memberCount', { n: team.members.length })}
      </Text>
      {team.members.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('teams.noMembers')}
        </Text>
      ) : (
        <Tooltip.Group openDelay={200}>
          <Avatar.Group spacing="sm">
            {team.members.slice(0, SHOWN).map((m) => (
              <Tooltip key={m.id} label={`${m.name} · ${t(`roles.${m.role}`)}`} withArrow>
                <Avatar radius="xl" color="initials" name={m.name}>
                  {initials(m.name)}
                </Avatar>
              </Tooltip>
            ))}
            {team.members.length > SHOWN && <Avatar radius="xl">+{team.members.length - SHOWN}</Avatar>}
          </Avatar.Group>
        </Tooltip.Group>
      )}
    </Card>
  );
}
