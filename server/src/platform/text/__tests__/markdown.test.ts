import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../markdown.ts';

describe('renderMarkdown (TKT-4: a Markdown subset, no script can run)', () => {
  it('renders emphasis, lists, code and line breaks', () => {
    expect(renderMarkdown('**bold** and _it_')).toBe('<p><strong>bold</strong> and <em>it</em></p>');
    expect(renderMarkdown('- a\n- b')).toBe('<ul>\n<li>a</li>\n<li>b</li>\n</ul>');
    expect(renderMarkdown('`x < y`')).toBe('<p><code>x &lt; y</code></p>');
    expect(renderMarkdown('one\ntwo')).toBe('<p>one<br>\ntwo</p>');
  });

  it('escapes typed HTML instead of rendering it', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('drops javascript: and data: links, keeps http(s) and mailto with a safe rel', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[x](JaVaScRiPt:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[x](data:text/html;base64,PHNjcmlwdD4=)')).not.toContain('href');
    expect(renderMarkdown('[docs](https://example.com/a?b=1)')).toBe(
      '<p><a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer nofollow">docs</a></p>',
    );
    expect(renderMarkdown('mail [me](mailto:a@b.test)')).toContain('href="mailto:a@b.test"');
  });

  it('never renders images or raw attribute injections', () => {
    expect(renderMarkdown('![pixel](https://tracker.test/p.png)')).not.toContain('<img');
    expect(renderMarkdown('[x](https://a.test/"onmouseover="alert(1))')).not.toMatch(/"\s*onmouseover=/);
  });

  it('renders empty text as nothing', () => {
    expect(renderMarkdown('   ')).toBe('');
  });
});
