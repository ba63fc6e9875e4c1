import { Mark, Text } from '@mantine/core';
import { Fragment } from 'react';

/** Search snippet parts as the server marks them (`{ text, match }`), matches highlighted — as text, never as HTML. */
export function SnippetText({ parts, size = 'sm', lines = 3 }: { parts: readonly { text: string; match: boolean }[]; size?: 'xs' | 'sm'; lines?: number }) {
  if (!parts.length) return null;
  return (
    <Text size={size} c="dimmed" lineClamp={lines}>
      {parts.map((part, index) => (part.match ? <Mark key={index}>{part.text}</Mark> : <Fragment key={index}>{part.text}</Fragment>))}
    </Text>
  );
}
