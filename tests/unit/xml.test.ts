import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '@/lib/feeds';
import { parseSitemapFile } from '@/lib/sitemaps';
import { buildNewsSitemap, buildRss, buildSitemapIndex, buildUrlset, cdata, escapeXml, newsLanguage, stripForbiddenXmlChars } from '@/lib/xml';
import { parseXml, readNewsSitemap, readRss, readSitemapIndex, readUrlset } from '../helpers/xml';

const roundTrip = (text: string) => (parseXml(`<a b="${escapeXml(text)}">${escapeXml(text)}</a>`).a as Record<string, string>);

describe('XML escaping', () => {
  it('any text survives escaping into an element and an attribute, minus what XML forbids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const a = roundTrip(`x${text}x`);
        const expected = `x${stripForbiddenXmlChars(text)}x`;
        expect(a['#text']).toBe(expected);
        expect(a['@b']).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a CDATA section holds any text, a "]]>" included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const value = `<p>${text}]]>${text}</p>`;
        const parsed = parseXml(`<a>${cdata(value)}</a>`).a;
        expect(parsed).toBe(stripForbiddenXmlChars(value).replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 200 },
    );
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
  });

  it('removes control characters and lone surrogates, keeps tabs, newlines and emoji', () => {
    expect(stripForbiddenXmlChars('a\u0000b\u0007c\u001Fd\te\nf\rg\uFFFEh\uD800i\uDC00j🦀')).toBe('abcd\te\nf\rghij🦀');
  });
});

describe('documents', () => {
  it('an RSS feed with every optional part empty is still valid', () => {
    const feed = readRss(
      buildRss({ title: 'T', link: 'https://x.test/', selfUrl: 'https://x.test/feed.xml', description: '', language: 'en-GB', lastBuildDate: new Date(0), items: [] }),
    );
    expect(feed).toMatchObject({ version: '2.0', title: 'T', language: 'en-gb', items: [], lastBuildDate: 'Thu, 01 Jan 1970 00:00:00 GMT' });
  });

  it('sitemaps, the index and the news sitemap parse back to what went in', () => {
    const date = new Date('2026-03-14T09:30:00Z');
    expect(readUrlset(buildUrlset([{ loc: 'https://x.test/a?b=1&c=2', lastmod: date }, { loc: 'https://x.test/' }]))).toEqual([
      { loc: 'https://x.test/a?b=1&c=2', lastmod: '2026-03-14T09:30:00.000Z' },
      { loc: 'https://x.test/' },
    ]);
    expect(readUrlset(buildUrlset([]))).toEqual([]);
    expect(readSitemapIndex(buildSitemapIndex([{ loc: 'https://x.test/sitemaps/1.xml', lastmod: date }]))).toEqual([
      { loc: 'https://x.test/sitemaps/1.xml', lastmod: '2026-03-14T09:30:00.000Z' },
    ]);
    expect(readNewsSitemap(buildNewsSitemap({ name: 'A & B', language: 'en' }, [{ loc: 'https://x.test/a', title: '<Big> news', publicationDate: date }]))).toEqual([
      { loc: 'https://x.test/a', name: 'A & B', language: 'en', publicationDate: '2026-03-14T09:30:00.000Z', title: '<Big> news' },
    ]);
  });

  it('Google News languages: the ISO 639 code, and zh-cn or zh-tw for Chinese', () => {
    expect(['en-GB', 'en', 'cy-GB', 'pt_BR', 'zh-Hans-CN', 'zh-TW', 'zh-Hant-HK', 'gsw-CH'].map(newsLanguage)).toEqual(['en', 'en', 'cy', 'pt', 'zh-cn', 'zh-tw', 'zh-tw', 'gsw']);
  });

  it('sitemap file names: a number from 1 with .xml', () => {
    expect(['1.xml', '12.xml', '0.xml', '01.xml', '1', 'a.xml', '1.xml.gz', '99999999.xml', '-1.xml'].map(parseSitemapFile)).toEqual([1, 12, null, null, null, null, null, null, null]);
  });
});

describe('feed HTML', () => {
  it('points body images at the original upload and site links at the full address', () => {
    const html =
      '<p><a href="/articles/x">x</a> <a href="https://elsewhere.test/" rel="noopener">y</a> <a href="mailto:a@b.test">z</a></p>' +
      '<figure class="figure"><img src="/_next/image?url=%2Fmedia%2F0b6f0d4e-1111-4222-8333-944445555666.png&amp;w=1200&amp;q=75" srcset="/_next/image?url=%2Fmedia%2F0b6f0d4e-1111-4222-8333-944445555666.png&amp;w=640&amp;q=75 640w" sizes="(min-width: 768px) 42rem, 100vw" alt="A" width="1200" height="800"></figure>';
    expect(absolutizeHtml(html, 'https://news.test')).toBe(
      '<p><a href="https://news.test/articles/x">x</a> <a href="https://elsewhere.test/" rel="noopener">y</a> <a href="mailto:a@b.test">z</a></p>' +
        '<figure class="figure"><img src="https://news.test/media/0b6f0d4e-1111-4222-8333-944445555666.png" alt="A" width="1200" height="800"></figure>',
    );
    expect(absolutizeHtml('<a href="//evil.test/">x</a>', 'https://news.test')).toBe('<a href="//evil.test/">x</a>');
  });
});
