import { Alert, Button, Code, CopyButton, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../ui/QueryError.tsx';
import { useForm } from '../../ui/useForm.ts';
import { useCreateApiToken } from './identity.api.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/** Creates a token and shows its secret exactly once: the server keeps only a hash. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const form = useForm({ name: '', expiresInDays: '' as number | string });
  const [secret, setSecret] = useState<string | null>(null);

  const close = () => {
    setSecret(null);
    form.reset();
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.name.trim()) return form.setFieldError('name', t('validation.required'));
    const days = form.values.expiresInDays;
    create.mutate(
      { name: form.values.name.trim(), ...(typeof days === 'number' ? { expiresInDays: days } : {}) },
      { onSuccess: (token) => setSecret(token.token), onError: (error) => form.applyError(error) },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('tokens.createTitle')} centered>
      {secret ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
            {t('tokens.secretOnce')}
          </Alert>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="token-secret">
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError message={form.formError} />
            <TextInput label={t('fields.name')} placeholder={t('tokens.namePlaceholder')} required data-autofocus {...form.text('name')} />
            <NumberInput
              label={t('tokens.expiresInDays')}
              description={t('tokens.expiresHint')}
              min={1}
              max={3650}
              allowDecimal={false}
              {...form.field('expiresInDays')}
            />
            <Text size="xs" c="dimmed">
              {t('tokens.usage')}
            </Text>
            <FormActions onCancel={close} busy={create.isPending} label={t('tokens.create')} />
          </Stack>
        </form>
      )}
    </Modal>
  );
}
