import { Group, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SavedFilterPicker } from '../../ui/SavedFilterPicker.tsx';
import { compactTicketFilter } from './tickets.filter.ts';
import { useDeleteTicketView, useSaveTicketView, useTicketViews } from './tickets.api.ts';
import { BUILTIN_VIEWS, type TicketFilter, type TicketView } from './tickets.types.ts';

/**
 * Built-in views (all, my open, unassigned, breaching SLA) as a switch; the user's saved views in a
 * picker beside it, with "save the current filters" and delete.
 */
export function ViewPicker({ view, savedId, filter, onBuiltin, onSaved }: {
  view: string | null;
  savedId: string | null;
  filter: TicketFilter;
  onBuiltin: (view: string | null) => void;
  onSaved: (view: TicketView | null) => void;
}) {
  const { t } = useTranslation();
  const views = useTicketViews();
  const save = useSaveTicketView();
  const remove = useDeleteTicketView();
  return (
    <Group gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('tickets.views.builtin')}
        value={view ?? 'all'}
        onChange={(v) => onBuiltin(v === 'all' ? null : v)}
        data={[{ value: 'all', label: t('tickets.views.all') }, ...BUILTIN_VIEWS.map((v) => ({ value: v, label: t(`tickets.views.${v}`) }))]}
      />
      <SavedFilterPicker
        items={views.data ?? []}
        value={savedId}
        onPick={onSaved}
        canSave={Object.keys(compactTicketFilter(filter)).length > 0}
        // Views are personal: the name and the filter, no sharing.
        save={({ name }) => save.mutateAsync({ name, filter })}
        remove={(v) => remove.mutateAsync(v.id)}
        width={200}
        texts={{
          label: t('tickets.views.savedLabel'),
          placeholder: t('tickets.views.savedPlaceholder'),
          nothingFound: t('tickets.views.none'),
          save: t('tickets.views.save'),
          saveTitle: t('tickets.views.saveTitle'),
          name: t('tickets.views.name'),
          saved: (name) => t('tickets.views.saved', { name }),
          delete: t('tickets.views.delete'),
          deleteConfirm: (name) => t('tickets.views.deleteConfirm', { name }),
          deleted: (name) => t('tickets.views.deleted', { name }),
        }}
      />
    </Group>
  );
}
