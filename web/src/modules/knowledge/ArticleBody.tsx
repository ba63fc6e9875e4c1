import { Typography } from '@mantine/core';

/**
 * An answer's HTML as the server stored it. The server sanitised it (KB-1: sanitize-html allowlist,
 * images only from /api/v1/files), which is why this is the one place the knowledge pages render HTML.
 */
export function ArticleBody({ html }: { html: string }) {
  return <Typography style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />;
}
