import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { BodyOf } from '../../../api/schema.ts';
import type { CustomFieldDefinition } from '../../customers/customers.types.ts';
import { CUSTOM_FIELDS_KEY } from '../../customers/customers.api.ts';

/** What a create or an edit sends (an edit: only the fields that change). */
export type CustomFieldInput = Partial<BodyOf<'/api/v1/custom-fields', 'post'>>;

export function useSaveCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: CustomFieldInput }) =>
      id
        ? api<CustomFieldDefinition>(`/api/v1/custom-fields/${id}`, { method: 'PATCH', body, version })
        : api<CustomFieldDefinition>('/api/v1/custom-fields', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY }),
  });
}
