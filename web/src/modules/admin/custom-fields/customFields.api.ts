import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CustomFieldDefinition } from '../../customers/customers.types.ts';
import { CUSTOM_FIELDS_KEY } from '../../customers/customers.api.ts';

export interface CustomFieldInput {
  entity?: CustomFieldDefinition['entity'];
  key?: string;
  type?: CustomFieldDefinition['type'];
  label?: string | Record<string, string>;
  options?: string[];
  required?: boolean;
  active?: boolean;
  position?: number;
}

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
