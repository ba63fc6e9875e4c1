import { Anchor, Avatar, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconApi, IconKey, IconUserCircle, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { allowed, useNavigation } from '../../app/navigation.ts';
import { useMe } from '../../app/session.tsx';
import { useFormat } from '../../ui/format.ts';
import { initials } from '../../ui/initials.ts';
import { RoleBadge } from '../../ui/RoleBadge.tsx';
import classes from './HomePage.module.css';

interface QuickLink {
  to: string;
  label: string;
  description: string;
  icon: Icon;
  external?: boolean;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function QuickLinkCard({ link }: { link: QuickLink }) {
  const { t } = useTranslation();
  const body = (
    <Card withBorder radius="md" padding="md" className={classes.link}>
      <Group wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={38} radius="md">
          <link.icon size={20} stroke={1.6} />
        </ThemeIcon>
        <div>
          <Text fw={600} size="sm">
            {t(link.label)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(link.description)}
          </Text>
        </div>
      </Group>
    </Card>
  );
  return link.external ? (
    <Anchor href={link.to} target="_blank" rel="noopener" underline="never" c="inherit">
      {body}
    </Anchor>
  ) : (
    <Anchor component={Link} to={link.to} underline="never" c="inherit">
      {body}
    </Anchor>
  );
}

/** Staff home: who I am here (role, branch, teams) and the places my role can go. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigation = useNavigation();
  const format = useFormat();
  const links: QuickLink[] = [
    ...allowed(navigation.admin, me.permissions),
    { to: '/profile', label: 'home.linkProfile', description: 'home.linkProfileHint', icon: IconUserCircle },
    { to: '/profile#tokens', label: 'home.linkTokens', description: 'home.linkTokensHint', icon: IconKey },
    { to: '/api/docs', label: 'home.linkApiDocs', description: 'home.linkApiDocsHint', icon: IconApi, external: true },
  ];
  return (
    <Stack gap="xl" maw={1100}>
      <Card withBorder radius="lg" padding="xl" className={classes.welcome}>
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <Avatar size={64} radius="xl" color="indigo" variant="filled" visibleFrom="xs">
            {initials(me.name)}
          </Avatar>
          <Stack gap="md" style={{ flex: 1 }}>
            <div>
              <Title order={2}>{t('home.welcome', { name: me.name })}</Title>
              <Text c="dimmed" size="sm">
                {t('home.today', { date: format.date(new Date().toISOString()) })}
              </Text>
            </div>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
              <Fact label={t('fields.role')}>
                <RoleBadge role={me.role} />
              </Fact>
              <Fact label={t('fields.branch')}>
                <Text size="sm">{me.branch ? `${me.branch.name} (${me.branch.code})` : t('common.none')}</Text>
              </Fact>
              <Fact label={t('fields.teams')}>
                {me.teams.length ? (
                  <Group gap={4}>
                    {me.teams.map((team) => (
                      <Badge key={team.id} variant="outline" size="sm">
                        {team.name}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm">{t('common.none')}</Text>
                )}
              </Fact>
              <Fact label={t('fields.timeZone')}>
                <Text size="sm">{me.timeZone}</Text>
              </Fact>
            </SimpleGrid>
          </Stack>
        </Group>
      </Card>
      <div>
        <Title order={4} mb="sm">
          {t('home.quickLinks')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {links.map((link) => (
            <QuickLinkCard key={link.to} link={link} />
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}
