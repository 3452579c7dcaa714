// Document kind from what the text carries: an ISBN or CIP record makes a book; abstract or keyword
// labels, or a body of many paragraphs, make an article.
import type { DocumentKind } from "../model/schema.js";

const BOOK = /ISBN[\s:：]*97[89]|图书在版编目|CIP\s*数据/;
const ARTICLE = /内容提要|摘\s*要|关键词|Abstract|Keywords|Аннотация|Ключевые слова/i;
const MIN_BODY = 10;

export function documentKind(text: string, paragraphs: number): DocumentKind {
  if (BOOK.test(text)) return "book";
  if (paragraphs >= MIN_BODY || ARTICLE.test(text)) return "article";
  return "other";
}
