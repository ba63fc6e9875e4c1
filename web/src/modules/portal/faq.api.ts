import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** KB-2 for the portal: the FAQ (published public articles) through the help centre's API. */
export interface FaqArticle {
  id: string;
  title: string;
  language: string;
  slug: string;
  categoryId: string | null;
  tags: string[];
  snippet: { text: string; match: boolean }[];
}

export interface FaqArticleDetail extends FaqArticle {
  body: string;
  fallbackFrom: string | null;
  translations: { id: string; language: string; slug: string; title: string }[];
  updatedAt: string;
}

export interface FaqCategory {
  id: string;
  parentId: string | null;
  slug: string;
  names: Record<string, string>;
  articles: number;
}

export function useFaq(language: string, q: string, categoryId: string | null) {
  return useQuery({
    queryKey: ['faq', language, q, categoryId],
    queryFn: ({ signal }) => api<{ items: FaqArticle[] }>('/api/v1/help/articles', { query: { language, q: q || undefined, categoryId: categoryId ?? undefined, limit: 100 }, signal }),
  });
}

export function useFaqCategories() {
  return useQuery({ queryKey: ['faq', 'categories'], queryFn: () => api<{ items: FaqCategory[] }>('/api/v1/help/categories'), staleTime: 5 * 60_000 });
}

export function useFaqArticle(language: string, slug: string) {
  return useQuery({ queryKey: ['faq', 'article', language, slug], queryFn: () => api<FaqArticleDetail>(`/api/v1/help/articles/${language}/${encodeURIComponent(slug)}`) });
}

export function useFaqFeedback(id: string) {
  return useMutation({ mutationFn: (body: { helpful: boolean; comment?: string }) => api(`/api/v1/help/articles/${id}/feedback`, { method: 'POST', body }) });
}
