import { describe, expect, it } from 'vitest';
import { checkConfig, connectSrc, databaseUrl, normaliseServer, sessionUrl } from './config';

describe('sync address', () => {
  it.each([
    ['/couchdb', '/couchdb'],
    ['/couchdb/', '/couchdb'],
    [' /sync/couch ', '/sync/couch'],
    ['https://sync.example.gov.cn/couchdb/', 'https://sync.example.gov.cn/couchdb'],
    ['http://127.0.0.1:5987', 'http://127.0.0.1:5987'],
    ['couchdb', null],
    ['//evil.example/x', null],
    ['ftp://host/db', null],
    ['https://admin:pw@host/db', null],
    ['https://host/db?x=1', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(normaliseServer(text)).toBe(expected);
  });

  it.each([
    ['anju', true],
    ['anju_2018', true],
    ['Anju', false],
    ['1anju', false],
    ['', false],
  ])('database %j is valid: %s', (name, ok) => {
    expect(checkConfig('/couchdb', name).ok).toBe(ok);
  });

  it('builds the database and session URLs against the page origin', () => {
    const config = { server: '/couchdb', database: 'anju' };
    expect(databaseUrl(config, 'http://127.0.0.1:4207')).toBe('http://127.0.0.1:4207/couchdb/anju');
    expect(sessionUrl(config, 'http://127.0.0.1:4207')).toBe('http://127.0.0.1:4207/couchdb/_session');
    const remote = { server: 'https://sync.example.gov.cn', database: 'anju' };
    expect(databaseUrl(remote, 'http://127.0.0.1:4207')).toBe('https://sync.example.gov.cn/anju');
  });
});

describe('CSP connect-src', () => {
  it.each([
    [undefined, "connect-src 'self'"],
    ['', "connect-src 'self'"],
    ['https://sync.example.gov.cn/couchdb', "connect-src 'self' https://sync.example.gov.cn"],
    ['http://10.1.2.3:5984', "connect-src 'self' http://10.1.2.3:5984"],
  ])('%j → %s', (origin, expected) => {
    expect(connectSrc(origin)).toBe(expected);
  });

  it.each(['*', 'https://*', 'ws://host', 'not a url', 'data:x'])('refuses %j', (origin) => {
    expect(() => connectSrc(origin)).toThrow();
  });
});
