import { ActionIcon, Badge, Button, Center, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconCash, IconDots, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/session.tsx';
import { ConfirmAction } from '../../../ui/confirm.tsx';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { errorMessage } from '../../../ui/errors.ts';
import { useFormat } from '../../../ui/format.ts';
import { SectionLoader } from '../../../ui/Loading.tsx';
import { QueryError } from '../../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../../ui/toast.ts';
import { money } from '../badges.tsx';
import { type Contract, type Invoice, useCancelInvoice, useChangeContract, useContracts, useInvoices } from './billing.api.ts';
import { ContractFormModal, InvoiceFormModal, PaymentModal } from './BillingModals.tsx';

const STATUS_COLOR: Record<string, string> = { ACTIVE: 'teal', PAID: 'teal', PARTIALLY_PAID: 'yellow', OVERDUE: 'red', TERMINATED: 'red', CANCELLED: 'gray', EXPIRED: 'gray', DRAFT: 'gray', ISSUED: 'blue' };

function useDay() {
  const format = useFormat();
  return (d: string | null) => (d ? format.date(`${d.slice(0, 10)}T00:00:00Z`) : '—');
}

function Toolbar({ label, onAdd }: { label: string; onAdd?: () => void }) {
  if (!onAdd) return null;
  return (
    <Group justify="flex-end" mb="xs">
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd}>
        {label}
      </Button>
    </Group>
  );
}

function LoadMore({ list }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Center mt="sm">
      <Button variant="default" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}

/** CUS-5: every contract of the customer, newest first, with the status moves the server allows. */
export function ContractsPanel({ idOrNumber }: { idOrNumber: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const day = useDay();
  const list = useContracts(idOrNumber);
  const change = useChangeContract(idOrNumber);
  const [adding, setAdding] = useState(false);
  const move = (contract: Contract, status: Contract['status']) =>
    change.mutate({ id: contract.id, status }, {
      onSuccess: () => toastSuccess(t('billing.contractChanged', { number: contract.number, status: t(`billing.contractStatus.${status}`) })),
      onError: (error) => toastError(errorMessage(t, error)),
    });
  const writable = can('billing.write');
  if (list.isPending) return <SectionLoader />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Toolbar label={t('billing.newContract')} onAdd={writable ? () => setAdding(true) : undefined} />
      {!list.items.length ? (
        <EmptyState title={t('customers.noContracts')} />
      ) : (
        <Table.ScrollContainer minWidth={540}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.records.number')}</Table.Th>
                <Table.Th>{t('customers.records.title')}</Table.Th>
                <Table.Th ta="right">{t('customers.records.value')}</Table.Th>
                <Table.Th>{t('customers.records.period')}</Table.Th>
                <Table.Th>{t('customers.fields.status')}</Table.Th>
                {writable && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td ff="monospace">{c.number}</Table.Td>
                  <Table.Td>{c.title}</Table.Td>
                  <Table.Td ta="right">{money(c.value, format.locale, c.currency)}</Table.Td>
                  <Table.Td>
                    {day(c.startDate)} – {day(c.endDate)}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[c.status]} style={{ flexShrink: 0 }}>
                      {t(`billing.contractStatus.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  {writable && (
                    <Table.Td>
                      {c.nextStatuses.length > 0 && (
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" aria-label={t('billing.contractActions', { number: c.number })}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            {c.nextStatuses.map((next) => (
                              <Menu.Item key={next} color={next === 'TERMINATED' ? 'red' : undefined} onClick={() => move(c, next)}>
                                {t(`billing.moveTo.${next}`)}
                              </Menu.Item>
                            ))}
                          </Menu.Dropdown>
                        </Menu>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={list} />
      {adding && <ContractFormModal idOrNumber={idOrNumber} onClose={() => setAdding(false)} />}
    </>
  );
}

/** CUS-5: every invoice, what is paid and owed; payments and cancellation for those who may bill. */
export function InvoicesPanel({ idOrNumber }: { idOrNumber: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const day = useDay();
  const list = useInvoices(idOrNumber);
  const cancel = useCancelInvoice(idOrNumber);
  const [adding, setAdding] = useState(false);
  const [paying, setPaying] = useState<Invoice | null>(null);
  const writable = can('billing.write');
  if (list.isPending) return <SectionLoader />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Toolbar label={t('billing.newInvoice')} onAdd={writable ? () => setAdding(true) : undefined} />
      {!list.items.length ? (
        <EmptyState title={t('customers.noInvoices')} />
      ) : (
        <Table.ScrollContainer minWidth={540}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.records.number')}</Table.Th>
                <Table.Th ta="right">{t('customers.records.amount')}</Table.Th>
                <Table.Th ta="right">{t('customers.records.paid')}</Table.Th>
                <Table.Th>{t('customers.records.due')}</Table.Th>
                <Table.Th>{t('customers.fields.status')}</Table.Th>
                {writable && <Table.Th w={80} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td ff="monospace">{i.number}</Table.Td>
                  <Table.Td ta="right">{money(i.amount, format.locale, i.currency)}</Table.Td>
                  <Table.Td ta="right">{money(i.paidAmount, format.locale, i.currency)}</Table.Td>
                  <Table.Td>{day(i.dueDate)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[i.status]} style={{ flexShrink: 0 }}>
                      {t(`billing.invoiceStatus.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  {writable && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {i.payable && (
                          <Tooltip label={t('billing.recordPayment')}>
                            <ActionIcon variant="light" onClick={() => setPaying(i)} aria-label={t('billing.recordPayment')}>
                              <IconCash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {i.cancellable && (
                          <ConfirmAction
                            title={t('billing.cancelTitle', { number: i.number })}
                            message={t('billing.cancelMessage')}
                            confirmLabel={t('billing.cancelInvoice')}
                            onConfirm={() => cancel.mutateAsync(i.id, { onError: (error) => toastError(errorMessage(t, error)) })}
                          >
                            {(open) => (
                              <Tooltip label={t('billing.cancelInvoice')}>
                                <ActionIcon variant="subtle" color="red" onClick={open} aria-label={t('billing.cancelTitle', { number: i.number })}>
                                  <IconX size={16} />
                                </ActionIcon>
                              </Tooltip>
                            )}
                          </ConfirmAction>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore list={list} />
      {adding && <InvoiceFormModal idOrNumber={idOrNumber} onClose={() => setAdding(false)} />}
      {paying && <PaymentModal idOrNumber={idOrNumber} invoice={paying} onClose={() => setPaying(null)} />}
      {list.items.length > 0 && !writable && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('billing.readOnly')}
        </Text>
      )}
    </>
  );
}
