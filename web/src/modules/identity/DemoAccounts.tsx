import { Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DemoAccounts as DemoAccountList } from '../../api/types.ts';
import { RoleBadge } from '../../ui/RoleBadge.tsx';
import classes from './DemoAccounts.module.css';

/** IAM-5: in demo mode, one click fills the sign-in form with a demo user of each role. */
export function DemoAccounts({ demo, onPick }: { demo: DemoAccountList; onPick: (email: string, password: string) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <div>
        <Text fw={600} size="sm">
          {t('login.demoTitle')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('login.demoHint', { password: demo.password })}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        {demo.accounts.map((account) => (
          <UnstyledButton
            key={account.email}
            className={classes.account}
            onClick={() => onPick(account.email, demo.password)}
            aria-label={t('login.useAccount', { email: account.email })}
          >
            <Paper withBorder p="xs" radius="md" className={classes.card}>
              <Text size="sm" fw={500} truncate>
                {account.name}
              </Text>
              <Text size="xs" c="dimmed" truncate mb={4}>
                {account.email}
              </Text>
              <RoleBadge role={account.role} />
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
