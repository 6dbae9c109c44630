/** The pages' Open Graph and Twitter card tags, and the public URL that makes og:image absolute. */
import { describe, expect, it } from 'vitest';
import { OG_IMAGE_FILE, parsePublicUrl, previewTags } from '../../scripts/og-image/preview-tags';

const content = (tags: ReturnType<typeof previewTags>, name: string) =>
  tags.find((tag) => tag.attrs?.property === name || tag.attrs?.name === name)?.attrs?.content;

describe('ATLAS_PUBLIC_URL', () => {
  it('is unset when missing or blank', () => {
    expect(parsePublicUrl(undefined)).toBeUndefined();
    expect(parsePublicUrl('  ')).toBeUndefined();
  });

  it('is read as a directory, with or without its final slash', () => {
    expect(parsePublicUrl('https://news.example/graphics/cq-atlas/')?.href).toBe(
      'https://news.example/graphics/cq-atlas/',
    );
    expect(parsePublicUrl(' https://news.example/graphics/cq-atlas ')?.href).toBe(
      'https://news.example/graphics/cq-atlas/',
    );
    expect(parsePublicUrl('https://news.example')?.href).toBe('https://news.example/');
  });

  it.each([
    'news.example/graphics/',
    '/graphics/cq-atlas/',
    'ftp://news.example/',
    'https://news.example/atlas/?lang=en',
    'https://news.example/atlas/#map',
    'https://user:secret@news.example/',
  ])('refuses %s', (value) => {
    expect(() => parsePublicUrl(value)).toThrow(/ATLAS_PUBLIC_URL/);
  });
});

describe('the preview tags', () => {
  it('point to the image beside the page without a public URL, and name no page URL', () => {
    const tags = previewTags('index.html', undefined);
    expect(content(tags, 'og:image')).toBe(`./${OG_IMAGE_FILE}`);
    expect(content(tags, 'og:url')).toBeUndefined();
  });

  it('give absolute image and page URLs under the public URL', () => {
    const publicUrl = parsePublicUrl('https://news.example/graphics/cq-atlas/');
    const index = previewTags('index.html', publicUrl);
    expect(content(index, 'og:image')).toBe('https://news.example/graphics/cq-atlas/og-image.png');
    expect(content(index, 'og:url')).toBe('https://news.example/graphics/cq-atlas/');
    expect(content(previewTags('embed.html', publicUrl), 'og:url')).toBe(
      'https://news.example/graphics/cq-atlas/embed.html',
    );
  });

  it('carry a bilingual title and description, the image’s size and text, both locales and the large card', () => {
    const tags = previewTags('index.html', undefined);
    expect(content(tags, 'og:title')).toMatch(/重庆空间战略地图.*Chongqing Spatial Strategy Atlas/);
    expect(content(tags, 'og:description')).toMatch(/[\u4e00-\u9fff].*[A-Za-z]{4}/);
    expect(content(tags, 'og:image:alt')).toMatch(/[\u4e00-\u9fff].*Map of/);
    expect([content(tags, 'og:image:width'), content(tags, 'og:image:height')]).toEqual(['1200', '630']);
    expect(content(tags, 'og:image:type')).toBe('image/png');
    expect(content(tags, 'og:type')).toBe('website');
    expect(content(tags, 'og:locale')).toBe('zh_CN');
    expect(content(tags, 'og:locale:alternate')).toBe('en_GB');
    expect(content(tags, 'twitter:card')).toBe('summary_large_image');
    expect(tags.every((tag) => tag.tag === 'meta' && tag.injectTo === 'head')).toBe(true);
  });
});
