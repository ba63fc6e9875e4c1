import { useTranslation } from 'react-i18next';
import { SavedFilterPicker } from '../../ui/SavedFilterPicker.tsx';
import { useDeleteSegment, useSaveSegment, useSegments } from './customers.api.ts';
import type { CustomerFilter, Segment } from './customers.types.ts';

/** CUS-4 segments: pick a saved filter (mine or shared), save the current one, delete one of mine. */
export function SegmentPicker({ value, filter, onPick }: { value: string | null; filter: CustomerFilter; onPick: (s: Segment | null) => void }) {
  const { t } = useTranslation();
  const segments = useSegments();
  const save = useSaveSegment();
  const remove = useDeleteSegment();
  return (
    <SavedFilterPicker
      items={segments.data ?? []}
      value={value}
      onPick={onPick}
      optionLabel={(s) => (s.mine ? s.name : `${s.name} (${s.owner?.name ?? ''})`)}
      canDelete={(s) => s.mine}
      canSave={Object.keys(filter).length > 0}
      save={(input) => save.mutateAsync({ ...input, filter })}
      remove={(s) => remove.mutateAsync(s.id)}
      width={240}
      texts={{
        label: t('customers.segments.label'),
        placeholder: t('customers.segments.all'),
        nothingFound: t('common.nothingFound'),
        save: t('customers.segments.save'),
        saveTitle: t('customers.segments.saveTitle'),
        name: t('customers.segments.name'),
        shared: t('customers.segments.shared'),
        saved: (name) => t('customers.segments.saved', { name }),
        delete: t('customers.segments.delete'),
        deleteConfirm: (name) => t('customers.segments.deleteConfirm', { name }),
        deleted: (name) => t('customers.segments.deleted', { name }),
      }}
    />
  );
}
