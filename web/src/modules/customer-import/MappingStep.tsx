import { MappingStep as SharedMappingStep, useTargetLabel as useSharedTargetLabel } from '../../ui/import/MappingStep.tsx';
import { type CustomerImport, useImportStep } from './import.api.ts';

/** The name a customer target shows with: a translated field name, or the admin's label of a custom field. */
export const useTargetLabel = (imp: Pick<CustomerImport, 'customLabels'>) => useSharedTargetLabel(imp, 'customerImport.fields');

/** The shared mapping step with the customer fields; confirming it validates every row in the background. */
export function MappingStep({ imp, onDone, onRestart }: { imp: CustomerImport; onDone: () => void; onRestart: () => void }) {
  const preview = useImportStep<{ mapping: (string | null)[] }>(imp.id, 'preview');
  const submit = (mapping: (string | null)[]) => preview.mutate({ mapping }, { onSuccess: onDone });
  return <SharedMappingStep file={imp} label={useTargetLabel(imp)} textsKey="customerImport.mapping" step={preview} onSubmit={submit} onRestart={onRestart} />;
}
