import { Badge, Mark, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleLanguage, ArticleStatus, Visibility } from './knowledge.api.ts';
import { type SnippetPart, snippetRuns } from './knowledge.helpers.ts';

const STATUS_COLORS: Record<ArticleStatus, string> = { draft: 'yellow', published: 'teal', archived: 'gray' };
const VISIBILITY_COLORS: Record<Visibility, string> = { internal: 'violet', public: 'blue' };

export function LanguageBadge({ language }: { language: ArticleLanguage }) {
  return (
    <Badge variant="outline" color="gray" size="sm" tt="uppercase" style={{ flexShrink: 0 }}>
      {language}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} size="sm" style={{ flexShrink: 0 }}>
      {t(`knowledge.status.${status}`)}
    </Badge>
  );
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={VISIBILITY_COLORS[visibility]} size="sm" style={{ flexShrink: 0 }}>
      {t(`knowledge.visibility.${visibility}`)}
    </Badge>
  );
}

/** A search snippet: matched runs in Mantine's <Mark> (a <mark> coloured for both schemes), everything as React text (never as HTML). */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  const runs = snippetRuns(parts);
  if (!runs.length) return null;
  return (
    <Text size="sm" c="dimmed" lineClamp={3}>
      {runs.map((run, index) => (run.match ? <Mark key={index}>{run.text}</Mark> : <Fragment key={index}>{run.text}</Fragment>))}
    </Text>
  );
}
