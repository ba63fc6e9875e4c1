import { ActionIcon, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES } from '../../app/i18n.ts';
import { ConfirmAction } from '../../ui/confirm.tsx';
import { errorMessage } from '../../ui/errors.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SectionLoader } from '../../ui/Loading.tsx';
import { FormError, QueryError } from '../../ui/QueryError.tsx';
import { toastError, toastSuccess } from '../../ui/toast.ts';
import { useForm } from '../../ui/useForm.ts';
import { ARTICLE_LANGUAGES, type Category, useCategories, useDeleteCategory, useSaveCategory } from './knowledge.api.ts';
import { categoryName, categoryOptions, siblingOrder, slugify } from './knowledge.helpers.ts';
import { FormActions } from '../../ui/FormActions.tsx';

/**
 * KB-1 categories for the writers: one level of nesting, ordered, named in the four languages. A
 * category is removed only once it holds no article and no sub-category (the server refuses otherwise).
 */
export function CategoriesPanel() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const save = useSaveCategory();
  const remove = useDeleteCategory();
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const items = useMemo(() => categories.data?.items ?? [], [categories.data]);
  const rows = useMemo(() => categoryOptions(items, i18n.language), [items, i18n.language]);
  const byId = useMemo(() => new Map(items.map((c) => [c.id, c])), [items]);

  if (categories.isPending) return <SectionLoader />;
  if (categories.isError) return <QueryError error={categories.error} onRetry={() => void categories.refetch()} />;

  /** Moves a category one place among its siblings: the siblings are renumbered 10, 20, 30… in the new order. */
  const move = async (category: Category, step: -1 | 1) => {
    const order = siblingOrder(items, category.id, step, i18n.language);
    try {
      for (const [index, sibling] of order.entries()) {
        const position = (index + 1) * 10;
        if (sibling.position !== position) await save.mutateAsync({ id: sibling.id, version: sibling.version, body: { position } });
      }
    } catch (error) {
      toastError(errorMessage(t, error));
    }
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="md">
        <Text c="dimmed" size="sm">
          {t('knowledge.categories.hint')}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('knowledge.categories.new')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <EmptyState title={t('knowledge.categories.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('knowledge.categories.name')}</Table.Th>
                <Table.Th>{t('knowledge.categories.slug')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.categories.articles')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const category = byId.get(row.value)!;
                const siblings = items.filter((c) => c.parentId === category.parentId);
                const children = items.filter((c) => c.parentId === category.id).length;
                const order = siblingOrder(items, category.id, 0, i18n.language);
                const index = order.findIndex((c) => c.id === category.id);
                const name = categoryName(category, i18n.language);
                return (
                  <Table.Tr key={category.id} data-testid="kb-category">
                    <Table.Td pl={row.depth ? 36 : undefined}>
                      <Text size="sm" fw={row.depth ? undefined : 600}>
                        {name}
                      </Text>
                      <Group gap={4} mt={2}>
                        {ARTICLE_LANGUAGES.filter((l) => !category.names[l]).map((l) => (
                          <Badge key={l} size="xs" variant="light" color="gray">
                            {t('knowledge.categories.noName', { language: l.toUpperCase() })}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {category.slug}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">{category.articles}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon variant="subtle" aria-label={t('knowledge.categories.moveUp', { name })} disabled={index <= 0 || siblings.length < 2} onClick={() => void move(category, -1)}>
                          <IconArrowUp size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" aria-label={t('knowledge.categories.moveDown', { name })} disabled={index === order.length - 1} onClick={() => void move(category, 1)}>
                          <IconArrowDown size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" aria-label={t('knowledge.categories.edit', { name })} onClick={() => setEditing(category)}>
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ConfirmAction
                          title={t('knowledge.categories.deleteTitle', { name })}
                          message={t('knowledge.categories.deleteMessage')}
                          confirmLabel={t('knowledge.categories.delete')}
                          onConfirm={() =>
                            remove.mutateAsync(category).then(
                              () => toastSuccess(t('knowledge.categories.deleted', { name })),
                              (error) => toastError(errorMessage(t, error)),
                            )
                          }
                        >
                          {(open) => (
                            <Tooltip label={t('knowledge.categories.notEmpty')} disabled={!category.articles && !children}>
                              <ActionIcon variant="subtle" color="red" aria-label={t('knowledge.categories.deleteTitle', { name })} disabled={category.articles > 0 || children > 0} onClick={open}>
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </ConfirmAction>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <CategoryForm category={editing === 'new' ? null : editing} categories={items} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** Add or edit one category: its names (English required), its address and its parent. */
function CategoryForm({ category, categories, onClose }: { category: Category | null; categories: Category[]; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const save = useSaveCategory();
  const form = useForm({
    en: category?.names.en ?? '',
    vi: category?.names.vi ?? '',
    bg: category?.names.bg ?? '',
    zh: category?.names.zh ?? '',
    slug: category?.slug ?? '',
    parentId: category?.parentId ?? '',
  });
  const hasChildren = !!category && categories.some((c) => c.parentId === category.id);
  const parents = categories.filter((c) => !c.parentId && c.id !== category?.id).map((c) => ({ value: c.id, label: categoryName(c, i18n.language) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { en, vi, bg, zh, parentId } = form.values;
    const slug = form.values.slug || slugify(en);
    if (!en.trim()) return form.setFieldError('en', t('validation.required'));
    if (!slug) return form.setFieldError('slug', t('validation.required'));
    const body = { names: { en, vi, bg, zh }, slug, parentId: parentId || null };
    try {
      await save.mutateAsync(category ? { id: category.id, version: category.version, body } : { body });
      toastSuccess(t('knowledge.categories.saved', { name: en }));
      onClose();
    } catch (error) {
      form.applyError(error);
    }
  };

  return (
    <Modal opened onClose={onClose} title={category ? t('knowledge.categories.editTitle') : t('knowledge.categories.new')} centered>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <FormError message={form.formError} />
          {ARTICLE_LANGUAGES.map((language) => (
            <TextInput key={language} label={t('knowledge.categories.nameIn', { language: LANGUAGE_NAMES[language] })} required={language === 'en'} maxLength={80} {...form.text(language)} />
          ))}
          <TextInput
            label={t('knowledge.categories.slug')}
            description={t('knowledge.categories.slugHint')}
            placeholder={slugify(form.values.en)}
            maxLength={80}
            {...form.text('slug')}
          />
          <Select
            label={t('knowledge.categories.parent')}
            description={hasChildren ? t('knowledge.categories.parentLocked') : t('knowledge.categories.parentHint')}
            data={parents}
            value={form.values.parentId || null}
            onChange={(value) => form.setValue('parentId', value ?? '')}
            error={form.errors.parentId}
            disabled={hasChildren}
            clearable
            searchable
          />
          <FormActions onCancel={onClose} busy={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
