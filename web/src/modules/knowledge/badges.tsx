import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SnippetText } from '../../ui/SnippetText.tsx';
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
  return <SnippetText parts={snippetRuns(parts)} />;
}
