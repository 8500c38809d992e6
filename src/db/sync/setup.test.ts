import { describe, expect, it } from 'vitest';
import { parseSetupUrl, parseUserArg } from './setup';

describe('npm run sync:setup arguments', () => {
  it('takes the admin from the URL, as CouchDB tools do', () => {
    const t = parseSetupUrl('http://admin:p%40ss@127.0.0.1:5984/anju');
    expect(t.server).toBe('http://127.0.0.1:5984');
    expect(t.database).toBe('anju');
    expect(t.authorization).toBe(`Basic ${Buffer.from('admin:p@ss').toString('base64')}`);
  });

  it('keeps a path before the database (CouchDB behind a proxy)', () => {
    const t = parseSetupUrl('https://admin:x@sync.example.gov.cn/couchdb/anju/');
    expect(t.server).toBe('https://sync.example.gov.cn/couchdb');
    expect(t.database).toBe('anju');
  });

  it.each([
    'http://127.0.0.1:5984/anju',
    'http://admin:x@127.0.0.1:5984/',
    'ftp://admin:x@host/anju',
    'not a url',
  ])('refuses %j', (url) => {
    expect(() => parseSetupUrl(url)).toThrow();
  });

  it.each([
    ['team-a:pw:team', { name: 'team-a', password: 'pw', role: 'team' }],
    ['office:pw:office', { name: 'office', password: 'pw', role: 'office' }],
  ])('user %s', (arg, user) => {
    expect(parseUserArg(arg)).toEqual(user);
  });

  it.each(['a:b', 'a:b:admin', '::team'])('refuses user %j', (arg) => {
    expect(() => parseUserArg(arg)).toThrow();
  });
});
