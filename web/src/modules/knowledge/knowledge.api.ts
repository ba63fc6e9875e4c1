import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../api/client.ts';
import { type BodyOf, every, type ItemOf, type QueryOf, type ResponseOf } from '../../api/schema.ts';

/** Shapes of the knowledge base API (KB-1/KB-2): aliases of the generated API types (api/schema.gen.ts). */
export type ArticleSummary = ItemOf<'/api/v1/kb/articles'>;
export type ArticleDetail = ResponseOf<'/api/v1/kb/articles/{id}', 'get'>;
export type ArticleVersion = ItemOf<'/api/v1/kb/articles/{id}/versions'>;
export type Category = ItemOf<'/api/v1/kb/categories'>;
export type Analytics = ResponseOf<'/api/v1/kb/analytics', 'get'>;
export type ArticleQuery = QueryOf<'/api/v1/kb/articles', 'get'>;
export type AnalyticsQuery = QueryOf<'/api/v1/kb/analytics', 'get'>;
export type CreateArticle = BodyOf<'/api/v1/kb/articles', 'post'>;
export type UpdateArticle = BodyOf<'/api/v1/kb/articles/{id}', 'patch'>;
export type UploadedFile = ResponseOf<'/api/v1/files', 'post'>;
export type Visibility = ArticleSummary['visibility'];
export type ArticleStatus = ArticleSummary['status'];
export type ArticleLanguage = ArticleSummary['language'];

export const VISIBILITIES = every<Visibility>({ internal: true, public: true });
export const ARTICLE_STATUSES = every<ArticleStatus>({ draft: true, published: true, archived: true });
export const ARTICLE_LANGUAGES = every<ArticleLanguage>({ en: true, vi: true, bg: true, zh: true });
export const TITLE_MAX = 200;

export const KB_KEY = ['kb'] as const;

export function useArticles(query: Partial<ArticleQuery>) {
  return useQuery({
    queryKey: [...KB_KEY, 'articles', query],
    queryFn: ({ signal }) => api<ResponseOf<'/api/v1/kb/articles', 'get'>>('/api/v1/kb/articles', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useArticle(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: [...KB_KEY, 'article', id],
    queryFn: ({ signal }) => api<ArticleDetail>(`/api/v1/kb/articles/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id && enabled,
    // The editor keeps its own copy of the article: no refetch just for focusing the tab.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

export function useVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KB_KEY, 'versions', id],
    queryFn: ({ signal }) => api<ResponseOf<'/api/v1/kb/articles/{id}/versions', 'get'>>(`/api/v1/kb/articles/${encodeURIComponent(id)}/versions`, { signal }),
    enabled,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: [...KB_KEY, 'categories'],
    queryFn: ({ signal }) => api<ResponseOf<'/api/v1/kb/categories', 'get'>>('/api/v1/kb/categories', { signal }),
    staleTime: 60_000,
  });
}

export type CategoryBody = BodyOf<'/api/v1/kb/categories', 'post'>;

/** Adds a category, or (with id and version: If-Match) edits one; the category list refreshes. */
export function useSaveCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, body }: { id?: string; version?: number; body: Partial<CategoryBody> }) =>
      id
        ? api<Category>(`/api/v1/kb/categories/${encodeURIComponent(id)}`, { method: 'PATCH', body, version })
        : api<Category>('/api/v1/kb/categories', { method: 'POST', body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KB_KEY, 'categories'] }),
  });
}

/** Removes an empty category (If-Match); 409 category_not_empty while it holds articles or sub-categories. */
export function useDeleteCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (category: Category) => api<void>(`/api/v1/kb/categories/${encodeURIComponent(category.id)}`, { method: 'DELETE', version: category.version }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...KB_KEY, 'categories'] }),
  });
}

export function useAnalytics(query: AnalyticsQuery, enabled: boolean) {
  return useQuery({
    queryKey: [...KB_KEY, 'analytics', query],
    queryFn: ({ signal }) => api<Analytics>('/api/v1/kb/analytics', { query, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

function useStore() {
  const queryClient = useQueryClient();
  return (article: ArticleDetail) => {
    queryClient.setQueryData([...KB_KEY, 'article', article.id], article);
    void queryClient.invalidateQueries({ queryKey: [...KB_KEY, 'articles'] });
    void queryClient.invalidateQueries({ queryKey: [...KB_KEY, 'versions', article.id] });
    void queryClient.invalidateQueries({ queryKey: [...KB_KEY, 'categories'] });
  };
}

export function useCreateArticle() {
  const store = useStore();
  return useMutation({
    mutationFn: (body: CreateArticle) => api<ArticleDetail>('/api/v1/kb/articles', { method: 'POST', body }),
    onSuccess: store,
  });
}

/** PATCH with If-Match: the version the editor was opened on; 412 stale_version when someone saved in between. */
export function useUpdateArticle() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, version, body }: { id: string; version: number; body: UpdateArticle }) =>
      api<ArticleDetail>(`/api/v1/kb/articles/${encodeURIComponent(id)}`, { method: 'PATCH', body, version }),
    onSuccess: store,
  });
}

export function useRestoreVersion() {
  const store = useStore();
  return useMutation({
    mutationFn: ({ id, current, version }: { id: string; current: number; version: number }) =>
      api<ArticleDetail>(`/api/v1/kb/articles/${encodeURIComponent(id)}/versions/${version}/restore`, { method: 'POST', version: current }),
    onSuccess: store,
  });
}

/** An image for an answer: the server keeps only <img src="/api/v1/files/<uuid>">. */
export function uploadImage(file: File): Promise<UploadedFile> {
  return uploadFile<UploadedFile>('/api/v1/files', file);
}

/** A resolved ticket's answer as a draft (title, body, and what was removed as personal), for /kb/new?fromTicket=. */
export interface TicketDraft {
  title: string;
  body: string;
  removed: string[];
}

export function useTicketDraft(ticketId: string | undefined) {
  return useQuery({
    queryKey: [...KB_KEY, 'draft-from-ticket', ticketId],
    queryFn: ({ signal }) => api<TicketDraft>('/api/v1/kb/draft-from-ticket', { query: { ticketId: ticketId! }, signal }),
    enabled: !!ticketId,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
