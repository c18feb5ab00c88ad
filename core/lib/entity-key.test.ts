import { describe, expect, it } from 'vitest';
import { entityKey } from './entity-key.ts';

describe('entityKey', () => {
  it('is the credit code when there is one, name:<name> otherwise', () => {
    expect(entityKey({ name: '示例公司', uscc: ' 91330100ma2b3c4d5n ' })).toBe('91330100MA2B3C4D5N');
    expect(entityKey({ name: ' 示例市某某便利店 ' })).toBe('name:示例市某某便利店');
    expect(entityKey({ name: '示例公司', uscc: '' })).toBe('name:示例公司');
  });
});
