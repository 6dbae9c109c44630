/** Work that waits for the first view runs once it is complete, once, unless cancelled. */
import { describe, expect, it } from 'vitest';
import { afterFirstView, markFirstViewComplete } from '../../src/ui/first-view-complete';

describe('after the first view', () => {
  it('holds tasks until the first view is complete, drops cancelled ones, then runs new ones at once', () => {
    const ran: string[] = [];
    afterFirstView(() => ran.push('waiting'));
    const cancel = afterFirstView(() => ran.push('cancelled'));
    cancel();
    expect(ran).toEqual([]);
    markFirstViewComplete();
    expect(ran).toEqual(['waiting']);
    markFirstViewComplete();
    expect(ran).toEqual(['waiting']);
    afterFirstView(() => ran.push('later'));
    expect(ran).toEqual(['waiting', 'later']);
  });
});
