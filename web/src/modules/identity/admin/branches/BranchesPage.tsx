import { ActionIcon, Badge, Button, Card, Table, Text, Tooltip } from '@mantine/core';
import { IconBuildingCommunity, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Branch } from '../../../../api/types.ts';
import { EmptyState } from '../../../../ui/EmptyState.tsx';
import { SectionLoader } from '../../../../ui/Loading.tsx';
import { PageHeader } from '../../../../ui/PageHeader.tsx';
import { QueryError } from '../../../../ui/QueryError.tsx';
import { BRANCHES_KEY, useBranches } from '../../org.api.ts';
import { BranchFormModal } from './BranchFormModal.tsx';

/** Branches (IAM-4): a small set, listed whole. */
export default function BranchesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const branches = useBranches();
  const [dialog, setDialog] = useState<Branch | 'new' | null>(null);

  // After a 412: fetch the list again and reopen the dialog on the fresh record.
  const reload = async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: BRANCHES_KEY });
    const fresh = queryClient.getQueryData<{ items: Branch[] }>(BRANCHES_KEY)?.items.find((b) => b.id === id);
    setDialog(fresh ?? null);
  };

  return (
    <>
      <PageHeader
        title={t('nav.branches')}
        description={t('branches.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog('new')}>
            {t('branches.create')}
          </Button>
        }
      />
      <Card withBorder radius="md" padding={0}>
        {branches.isPending && <SectionLoader />}
        {branches.isError && <QueryError error={branches.error} onRetry={() => void branches.refetch()} />}
        {branches.data?.length === 0 && <EmptyState icon={IconBuildingCommunity} title={t('branches.emptyTitle')} />}
        {branches.data && branches.data.length > 0 && (
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('branches.code')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('branches.address')}</Table.Th>
                  <Table.Th>{t('fields.timeZone')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th w={50} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {branches.data.map((branch) => (
                  <Table.Tr key={branch.id}>
                    <Table.Td>
                      <Badge variant="light" color="gray" radius="sm">
                        {branch.code}
                      </Badge>
                    </Table.Td>
                    <Table.Td fw={500}>{branch.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={branch.address ? undefined : 'dimmed'}>
                        {branch.address ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{branch.timeZone}</Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={branch.active ? 'teal' : 'gray'}>
                        {branch.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon variant="subtle" onClick={() => setDialog(branch)} aria-label={`${t('common.edit')}: ${branch.name}`}>
                          <IconPencil size={17} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {dialog && (
        <BranchFormModal
          key={dialog === 'new' ? 'new' : `${dialog.id}:${dialog.version}`}
          branch={dialog === 'new' ? null : dialog}
          onClose={() => setDialog(null)}
          onReload={() => dialog !== 'new' && void reload(dialog.id)}
        />
      )}
    </>
  );
}
