import { Anchor, Badge, Card, Radio, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../format.ts';

/** PLT-9 pieces every import's preview and result show: counts, the row problems, the duplicate policy. */

export function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  const format = useFormat();
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color}>
        {format.number(value)}
      </Text>
    </Card>
  );
}

export type ProblemKind = 'error' | 'duplicate' | 'file_duplicate';
const KIND_COLOR: Record<ProblemKind, string> = { error: 'red', duplicate: 'orange', file_duplicate: 'yellow' };

export interface Problem {
  key: string | number;
  line: number;
  kind: ProblemKind;
  /** The field at fault, already as the user reads it (the mapping's label), or null for the whole row. */
  field: string | null;
  message: string;
  /** The existing record a duplicate matches. */
  link?: { to: string; label: string };
}

/** The problems of a file, one line each: row, kind, field, message (and the existing record). */
export function ProblemsTable({ problems, kindLabel, testId = 'import-issues' }: { problems: Problem[]; kindLabel: (kind: ProblemKind) => string; testId?: string }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table verticalSpacing={6} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('imports.issues.row')}</Table.Th>
            <Table.Th w={150}>{t('imports.issues.kind')}</Table.Th>
            <Table.Th w={180}>{t('imports.issues.field')}</Table.Th>
            <Table.Th>{t('imports.issues.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p) => (
            <Table.Tr key={p.key}>
              <Table.Td>{p.line}</Table.Td>
              <Table.Td>
                <Badge color={KIND_COLOR[p.kind]} variant="light">
                  {kindLabel(p.kind)}
                </Badge>
              </Table.Td>
              <Table.Td>{p.field}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {p.message}{' '}
                  {p.link && (
                    <Anchor component={Link} to={p.link.to} size="sm">
                      {p.link.label}
                    </Anchor>
                  )}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export type DuplicateMode = 'skip' | 'update';

/**
 * Skip or update: what becomes of a row that matches an existing record (the same two choices in
 * every import), in the import's words: `<textsKey>.duplicateMode`, `.duplicateModeHint`, `.skip`, `.update`.
 */
export function DuplicateChoice({ value, onChange, textsKey }: { value: DuplicateMode; onChange: (mode: DuplicateMode) => void; textsKey: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t(`${textsKey}.duplicateMode`)} description={t(`${textsKey}.duplicateModeHint`)} value={value} onChange={(v) => onChange(v as DuplicateMode)}>
      <Stack gap="xs" mt="xs">
        <Radio value="skip" label={t(`${textsKey}.skip`)} />
        <Radio value="update" label={t(`${textsKey}.update`)} />
      </Stack>
    </Radio.Group>
  );
}

/** What an import did: created, updated, skipped, failed. */
export function ResultCounts({ counts }: { counts: { created: number; updated: number; skipped: number; failed: number } }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      <Stat label={t('imports.result.created')} value={counts.created} color="teal" />
      <Stat label={t('imports.result.updated')} value={counts.updated} color="blue" />
      <Stat label={t('imports.result.skipped')} value={counts.skipped} />
      <Stat label={t('imports.result.failed')} value={counts.failed} color={counts.failed ? 'red' : undefined} />
    </SimpleGrid>
  );
}
