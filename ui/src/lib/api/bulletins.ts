// Typed wrappers for the bulletin's commands (tests/tidy.rs checks none is missing).
import { call } from './invoke';
import type { ArticleInput } from './bindings/ArticleInput';
import type { ArticleKind } from './bindings/ArticleKind';
import type { Bulletin } from './bindings/Bulletin';
import type { BulletinDetail } from './bindings/BulletinDetail';
import type { BulletinInput } from './bindings/BulletinInput';
import type { Language } from './bindings/Language';

export const listBulletins = () => call<Bulletin[]>('list_bulletins');
export const getBulletin = (id: number) => call<BulletinDetail>('get_bulletin', { id });
export const createBulletin = (input: BulletinInput) => call<BulletinDetail>('create_bulletin', { input });
export const copyLastBulletin = () => call<BulletinDetail>('copy_last_bulletin');
export const updateBulletin = (id: number, input: BulletinInput) => call<BulletinDetail>('update_bulletin', { id, input });
export const addBulletinArticle = (id: number, kind: ArticleKind, chosen: number[]) => call<BulletinDetail>('add_bulletin_article', { id, kind, chosen });
export const saveBulletinArticle = (id: number, articleId: number, input: ArticleInput) =>
  call<BulletinDetail>('save_bulletin_article', { id, articleId, input });
export const translateBulletinArticle = (id: number, articleId: number, language: string) =>
  call<BulletinDetail>('translate_bulletin_article', { id, articleId, language });
export const listLanguages = () => call<Language[]>('list_languages');
export const setBulletinPicture = (id: number, articleId: number, path: string, alt: string) =>
  call<BulletinDetail>('set_bulletin_picture', { id, articleId, path, alt });
export const removeBulletinPicture = (id: number, articleId: number) => call<BulletinDetail>('remove_bulletin_picture', { id, articleId });
export const deleteBulletinArticle = (id: number, articleId: number) => call<BulletinDetail>('delete_bulletin_article', { id, articleId });
export const reorderBulletinArticles = (id: number, order: number[]) => call<BulletinDetail>('reorder_bulletin_articles', { id, order });
export const publishBulletin = (id: number) => call<BulletinDetail>('publish_bulletin', { id });
