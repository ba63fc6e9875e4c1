import { Button, SimpleGrid } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../api/types.ts';
import { EmptyState } from '../../../../ui/EmptyState.tsx';
import { SectionLoader } from '../../../../ui/Loading.tsx';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { QueryError } from '../../../../ui/QueryError.tsx';
import { TEAMS_KEY, useBranches, useTeams } from '../../org.api.ts';
import { TeamCard } from './TeamCard.tsx';
import { TeamFormModal } from './TeamFormModal.tsx';

/** Teams (IAM-4): SALES, MARKETING, SUPPORT, MANAGEMENT, each with a manager and members. */
export default function TeamsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const branches = useBranches();
  const [dialog, setDialog] = useState<Team | 'new' | null>(null);

  const reload = async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: TEAMS_KEY });
    setDialog(queryClient.getQueryData<{ items: Team[] }>(TEAMS_KEY)?.items.find((team) => team.id === id) ?? null);
  };

  return (
    <>
      <PageHeader
        title={t('nav.teams')}
        description={t('teams.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
            {t('teams.create')}
          </Button>
        }
      />
      {teams.isPending && <SectionLoader />}
      {teams.isError && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data?.length === 0 && <EmptyState icon={IconUsersGroup} title={t('teams.emptyTitle')} />}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {teams.data?.map((team) => (
          <TeamCard key={team.id} team={team} branch={branches.data?.find((b) => b.id === team.branchId)} onEdit={() => setDialog(team)} />
        ))}
      </SimpleGrid>
      {dialog && (
        <TeamFormModal
          key={dialog === 'new' ? 'new' : `${dialog.id}:${dialog.version}`}
          team={dialog === 'new' ? null : dialog}
          onClose={() => setDialog(null)}
          onReload={() => dialog !== 'new' && void reload(dialog.id)}
        />
      )}
    </>
  );
}
