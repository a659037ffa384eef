import { describe, expect, it } from 'vitest';
import { entityKey, indexPackNames, keysOfPackEntity, nameKey } from '../../src/core/memory/entity-key';
import type { PackEntity } from '../../src/core/types';

const choe: PackEntity = { id: 'choe-son-hui', type: 'person', name: 'Choe Son Hui', aliases: ['Choe Son-hui', 'Ch’oe Sŏn-hŭi'], short: ['Choe'], summary: '' };
const kimJongUn: PackEntity = { id: 'kim-jong-un', type: 'person', name: 'Kim Jong Un', aliases: ['Kim Jong-un'], short: ['Kim'], summary: '' };
const kimYoJong: PackEntity = { id: 'kim-yo-jong', type: 'person', name: 'Kim Yo Jong', short: ['Kim'], summary: '' };

describe('entity keys', () => {
  it('files spelling variants of one full name under one key', () => {
    expect(nameKey('Choe Son-hui')).toBe('choe son hui');
    expect(nameKey('CHOE SON HUI')).toBe(nameKey('Choe Son Hui'));
    expect(nameKey('Ch’oe Sŏn-hŭi')).toBe('choe son hui');
    expect(nameKey('Mr. Yoon Suk Yeol')).toBe('yoon suk yeol');
  });

  it('never files a one-word name: two different Kims must not merge', () => {
    expect(nameKey('Kim')).toBeNull();
    expect(nameKey('Mr. Kim')).toBeNull();
    const packNames = indexPackNames([kimJongUn, kimYoJong]);
    expect(entityKey({ id: 'page-kim', name: 'Kim', fromPack: false }, packNames)).toBeNull();
    expect(entityKey({ id: 'page-kim-jong-un', name: 'Kim Jong Un', fromPack: false }, packNames)).toBe('pack:kim-jong-un');
    expect(entityKey({ id: 'page-kim-yo-jong', name: 'Kim Yo Jong', fromPack: false }, packNames)).toBe('pack:kim-yo-jong');
  });

  it('a page-only name the pack later knows follows the pack entity', () => {
    const before = entityKey({ id: 'page-choe-son-hui', name: 'Choe Son-hui', fromPack: false }, indexPackNames([]));
    expect(before).toBe('name:choe son hui');
    const packNames = indexPackNames([choe]);
    expect(keysOfPackEntity(choe, packNames)).toContain(before);
    expect(entityKey({ id: 'page-choe-son-hui', name: 'Choe Son-hui', fromPack: false }, packNames)).toBe('pack:choe-son-hui');
  });

  it('a full name two pack entities share decides nothing', () => {
    const a: PackEntity = { id: 'a', type: 'person', name: 'Lee Jae Myung', summary: '' };
    const b: PackEntity = { id: 'b', type: 'person', name: 'Lee Jae-myung', summary: '' };
    const packNames = indexPackNames([a, b]);
    expect(entityKey({ id: 'page-x', name: 'Lee Jae Myung', fromPack: false }, packNames)).toBe('name:lee jae myung');
    expect(keysOfPackEntity(a, packNames)).toEqual(['pack:a']);
  });

  it('pack entities are filed by id whatever their name', () => {
    expect(entityKey({ id: 'kim-jong-un', name: 'Kim', fromPack: true }, indexPackNames([]))).toBe('pack:kim-jong-un');
  });
});
