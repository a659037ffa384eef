// @vitest-environment jsdom
// What the page says about itself is read once per address, not on every live update.
import { describe, expect, it, vi } from 'vitest';
import { aboutPage } from '../../src/content/page-meta';

describe('aboutPage', () => {
  it('reads the head once per address and again when the address changes', () => {
    document.head.innerHTML = `
      <title>Talks stall</title>
      <meta property="og:site_name" content="The Example Review">
      <meta property="article:published_time" content="2019-09-03T08:00:00Z">
      <link rel="canonical" href="https://news.example/talks">`;
    const reads = vi.spyOn(document, 'querySelector');
    try {
      const first = aboutPage(document);
      expect(first).toEqual({ pageDate: '2019-09-03', page: { canonical: 'https://news.example/talks', siteName: 'The Example Review', title: 'Talks stall' } });
      const cost = reads.mock.calls.length;
      expect(cost).toBeGreaterThan(0);
      // Live updates on the same address: nothing is read again.
      for (let i = 0; i < 5; i++) expect(aboutPage(document)).toBe(first);
      expect(reads.mock.calls.length).toBe(cost);
      // A single-page site moves to another article: its new head is read.
      document.title = 'Next story';
      history.pushState(null, '', '/next-story');
      expect(aboutPage(document).page?.title).toBe('Next story');
      expect(reads.mock.calls.length).toBe(2 * cost);
    } finally {
      reads.mockRestore();
    }
  });
});
