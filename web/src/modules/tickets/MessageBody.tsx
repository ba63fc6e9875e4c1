import { Typography } from '@mantine/core';

/**
 * A message or description as the server rendered it (`bodyHtml` / `descriptionHtml`): the safe
 * Markdown subset, sanitised server-side (typed HTML comes back as text, only http(s)/mailto links).
 * This is the only place ticket text is set as HTML; never pass it raw user input.
 */
export function MessageBody({ html, size = 'sm' }: { html: string; size?: 'xs' | 'sm' | 'md' }) {
  return <Typography fz={size} style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />;
}
